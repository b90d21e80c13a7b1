"""The judge interface: what a backend does beyond retrieval and rules. One implementation per backend kind,
chosen in ``assistant.llm.make_judge``.

A judge splits compound claims, extracts check-worthy claims from an article (with offsets into it), and
turns the embedded decision (rules + scorer over the evidence) into the final one. The embedded judge does
all three without a model, exactly as before there were LLM backends.
"""

from __future__ import annotations

from typing import Protocol

from assistant.retrieve.evidence import Evidence
from assistant.verify.aggregate import Decision
from assistant.verify.claims import extract_claims, split_claim

Extracted = tuple[str, int, int]  # (claim, start, end): the claim's source span in the article


class Judge(Protocol):
    identity: str  # everything about the judge a verdict depends on (goes into the cache key)
    prompt_version: str | None
    remote: bool  # waits on the network: bulk runs use a thread pool

    def split(self, claim: str) -> list[str]: ...

    def extract(self, article: str) -> list[Extracted]: ...

    def judge(self, claim: str, evidence: list[Evidence], embedded: Decision) -> Decision: ...


class EmbeddedJudge:
    identity = "embedded"
    prompt_version = None
    remote = False

    def split(self, claim: str) -> list[str]:
        return split_claim(claim)

    def extract(self, article: str) -> list[Extracted]:
        return extract_claims(article)

    def judge(self, claim: str, evidence: list[Evidence], embedded: Decision) -> Decision:
        return embedded
