"""Finding, what every rule check returns about one piece of evidence (its kind, stance, strength and
reason), the questions the aggregation asks of an evidence's findings, and the sentence before the evidence, which
several checks read with it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.retrieve.evidence import Evidence


@dataclass
class Finding:
    kind: str  # numeric | hedged | rumour | refusal | speaker
    stance: str  # supports | refutes | none
    strength: float
    reason: str
    about: int | None = None  # for numeric findings: which of the claim's quantities it checks


def previous_sentence(ev: Evidence) -> str:
    """The sentence before the evidence within its passage (empty for the passage's first)."""
    before = (
        ev.document[max(ev.passage.char_start, ev.char_start - 300) : ev.char_start] if ev.document else ""
    )
    return re.split(r"(?<=[.!?])\s+", before.strip())[-1] if before.strip() else ""


def names_everything(ev: Evidence) -> bool:
    """Does the evidence name every name of the claim, or leave out only a product its document names? (the
    figures' condition for SUPPORTED)"""
    return not any(f.kind == "entity-gap" and f.strength >= 1.0 for f in ev.findings)


def has(ev: Evidence, kind: str) -> bool:
    return any(f.kind == kind for f in ev.findings)
