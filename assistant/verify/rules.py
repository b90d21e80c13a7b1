"""Deterministic checks between a claim and one piece of evidence: quantities, hedges and rumours, whose words
they are. Each returns findings; the aggregation decides what they add up to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.retrieve.evidence import Evidence
from assistant.verify.claims import ClaimFrame, is_hedged, is_negated
from assistant.verify.quantities import Quantity, alignment, compare, extract_quantities

_REFUSAL = re.compile(
    r"\b(?:i wouldn't (?:use|call|say|put)|i would not (?:use|call|say)|that's not (?:true|right|correct|accurate)|"
    r"not (?:quite|really|true|correct|accurate)|no, not|i disagree|that's an overstatement|overstating|"
    r"that is not|we have not|we haven't|there (?:are|is) no|we are not|we're not|we don't|not happening|"
    r"no plans|deny|denied|false)\b",
    re.I,
)
_DECLINE = re.compile(r"\b(?:declined to comment|did not respond|no comment|won't comment|not going to comment|"
                      r"don't comment)\b", re.I)
_RUMOUR = re.compile(r"\b(?:people familiar with|according to (?:people|sources|two|three|several)|sources said|"
                     r"anonymous|reportedly|rumou?r|speculat\w*|is said to|are said to|unconfirmed)\b", re.I)


@dataclass
class Finding:
    kind: str  # numeric | hedged | rumour | refusal | speaker
    stance: str  # supports | refutes | none
    strength: float
    reason: str


def _mentions(names: list[str], text: str) -> float:
    """Share of the claim's names that the text mentions (case-insensitive, a name's first word suffices)."""
    if not names:
        return 1.0
    low = text.lower()
    return sum(1 for n in names if n.lower() in low or n.split()[0].lower() in low) / len(names)


def numeric_findings(frame: ClaimFrame, ev: Evidence) -> list[Finding]:
    if not frame.quantities:
        return []
    scope = f"{ev.passage.title} {ev.scoring_text}"
    if _mentions(frame.entities, scope) < 0.5:
        return []  # numbers about something else
    found: list[Finding] = []
    evidence_quantities = extract_quantities(ev.scoring_text)
    for cq in frame.quantities:
        best: tuple[float, Quantity] | None = None
        for eq in evidence_quantities:
            score = alignment(cq, eq)
            if score >= 0.5 and (best is None or score > best[0]):
                best = (score, eq)
        if best is None:
            continue
        score, eq = best
        stance = compare(cq, eq)
        if stance != "unknown":
            found.append(Finding("numeric", stance, score, f"claim: {cq.text!r}; evidence: {eq.text!r}"))
    return found


def speaker_matches(speaker: str, ev: Evidence) -> bool:
    """Are these the words of the person or organisation the claim names?"""
    who = {w.lower().strip("'’s") for w in re.findall(r"[A-Z][\w'’-]+", speaker)} - {"ceo", "cto", "cfo"}
    if ev.passage.speaker:
        said_by = {w.lower() for w in ev.passage.speaker.split()}
        return bool(who & said_by)
    if ev.passage.kind == "transcript":
        return False
    # An organisation speaks through its own announcements; a person through quotes that name them.
    text = ev.text.lower()
    if ev.passage.kind == "announcement" and any(w in ev.passage.title.lower() or w in text for w in who):
        return True
    return any(w in text for w in who) and bool(re.search(r"\b(?:said|says|told|according to|stated)\b", text))


def evidence_findings(frame: ClaimFrame, ev: Evidence) -> list[Finding]:
    findings = numeric_findings(frame, ev)
    if _RUMOUR.search(ev.text) or _RUMOUR.search(ev.context[: max(0, ev.char_start - ev.passage.char_start)][-200:]):
        findings.append(Finding("rumour", "none", 1.0, "reported only from anonymous sources or as speculation"))
    elif _DECLINE.search(ev.text):
        findings.append(Finding("rumour", "none", 1.0, "a party declined to comment"))
    if is_hedged(ev.text) and ev.passage.speaker:
        findings.append(Finding("hedged", "none", 1.0, f"{ev.passage.speaker} hedges"))
    if ev.passage.speaker and _REFUSAL.search(ev.text):
        findings.append(Finding("refusal", "refutes", 1.0, f"{ev.passage.speaker} disputes it"))
    if frame.speaker and speaker_matches(frame.speaker, ev):
        findings.append(Finding("speaker", "none", 1.0, f"words of {frame.speaker}"))
    return findings


def has(ev: Evidence, kind: str) -> bool:
    return any(f.kind == kind for f in ev.findings)


__all__ = ["Finding", "evidence_findings", "has", "is_negated", "numeric_findings", "speaker_matches"]
