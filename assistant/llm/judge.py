"""The LLM judge: numbered evidence in, a validated ``Decision`` out.

The LLM sees the same evidence the embedded pipeline gathered (``Checker.evidence``), numbered, inside
escaped ``<evidence>`` blocks. It answers with a label, the ids it relies on and a rationale. Ids it was
not offered are dropped (and logged); quotes are never taken from it: the checker renders them from the
cited evidence. ``verify.precedence.resolve`` then decides between its answer and the embedded decision.
Any failure falls back to the embedded decision, and says so.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from assistant.config import Settings
from assistant.llm import extract as extraction
from assistant.llm.base import Extracted
from assistant.llm.client import LLMClient, LLMError
from assistant.llm.prompts import block, load_prompt
from assistant.retrieve.evidence import Evidence
from assistant.verify.aggregate import Decision
from assistant.verify.claims import extract_claims, split_claim
from assistant.verify.precedence import LLMAnswer, is_hard, resolve

log = logging.getLogger(__name__)
MAX_PASSAGES = 12  # the most relevant; more costs tokens and rarely changes an answer
MAX_RATIONALE = 400


class Judgement(BaseModel):
    label: Literal["SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO"]
    cited: list[int] = Field(description="Ids of the evidence passages that decide the label.")
    rationale: str = Field(description="One or two sentences: why.")


def offer(evidence: list[Evidence]) -> dict[int, Evidence]:
    return {i: ev for i, ev in enumerate(evidence[:MAX_PASSAGES], start=1)}


def judge_input(claim: str, offered: dict[int, Evidence]) -> str:
    blocks = [block("claim", claim)]
    for i, ev in offered.items():
        p = ev.passage
        attrs = {"id": i, "source": p.title, "kind": p.kind, "date": p.date, "speaker": p.speaker}
        if ev.reply_to:
            attrs["answers_question"] = ev.reply_to
        blocks.append(block("evidence", ev.scoring_text, **attrs))
    return "\n".join(blocks)


def cited_evidence(ids: list[int], offered: dict[int, Evidence]) -> tuple[list[Evidence], list[int]]:
    """The offered passages among ``ids`` (in the LLM's order, once each), and the ids that were not offered."""
    known = [i for i in dict.fromkeys(ids) if i in offered]
    return [offered[i] for i in known], [i for i in ids if i not in offered]


def fallback(embedded: Decision, reason: str) -> Decision:
    return Decision(
        embedded.label,
        embedded.score,
        support=embedded.support,
        refute=embedded.refute,
        explanation=f"The language model failed ({reason}); this is the embedded verifier's verdict. "
        f"{embedded.explanation}".strip(),
        decided_by=f"fallback:embedded (llm error: {reason})",
    )


class LLMJudge:
    """Judge, splitter and extractor over one chat model. Thread-safe: it holds only its client (see
    ``LLMClient``) and the prompts it read at start."""

    remote = True

    def __init__(self, settings: Settings, client: LLMClient | None = None):
        self.client = client or LLMClient(settings)
        self.prompts = {name: load_prompt(name) for name in ("judge", "split", "extract")}
        judge = self.prompts["judge"]
        self.by = f"llm:{settings.llm_model} (prompt {judge.version})"
        self.prompt_version = f"{judge.version} {self.prompts['split'].version}"
        self.identity = json.dumps(
            {
                "model": settings.llm_model,
                "base_url": settings.openai_base_url,
                "structured": settings.llm_structured_output,
                "prompts": {n: [p.version, p.sha256[:12]] for n, p in sorted(self.prompts.items())},
                "code": _code_hash(),
            },
            sort_keys=True,
        )

    def split(self, claim: str) -> list[str]:
        try:
            parts = extraction.split(self.client, self.prompts["split"], claim)
        except LLMError as exc:
            log.warning("claim split by rules (llm error: %s)", exc.reason)
            parts = None
        return parts or split_claim(claim)

    def extract(self, article: str) -> list[Extracted]:
        try:
            return extraction.extract(self.client, self.prompts["extract"], article)
        except LLMError as exc:
            log.warning("claims extracted by rules (llm error: %s)", exc.reason)
            return extract_claims(article)

    def judge(self, claim: str, evidence: list[Evidence], embedded: Decision) -> Decision:
        offered = offer(evidence)
        if not offered or (is_hard(embedded) and embedded.label == "REFUTED"):
            return embedded  # nothing to read, or the figures refute: no answer could change the label
        try:
            answer = self.client.structured(
                Judgement, self.prompts["judge"].text, judge_input(claim, offered)
            )
        except LLMError as exc:
            return fallback(embedded, exc.reason)
        cited, dropped = cited_evidence(answer.cited, offered)
        if dropped:
            log.warning("dropped cited ids that were not offered: %s", dropped)
        rationale = " ".join(answer.rationale.split())[:MAX_RATIONALE]
        return resolve(embedded, LLMAnswer(answer.label, cited, rationale, self.by))


def _code_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
