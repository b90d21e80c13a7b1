"""The records of a bulk run: a claim read from a file, and the report row it becomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, Field

from assistant.schema import Citation, Label, Verdict

# Longer "claims" are almost always a pasted article or a broken CSV quote; the checker works on sentences.
MAX_CLAIM_CHARS = 2000


@dataclass
class ClaimInput:
    """One claim as read from a claims file. ``error`` is set when the row cannot be checked (it is reported,
    never sent to the checker); ``extra`` holds the input's other columns, carried into the report."""

    id: str
    claim: str
    line: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


class ResultRow(BaseModel):
    """One line of the report (and of the JSONL journal). ``label`` is None exactly when ``error`` is set."""

    id: str
    claim: str
    label: Label | None = None
    confidence: float | None = None
    citations: list[Citation] = Field(default_factory=list)
    explanation: str = ""
    decided_by: str | None = None
    error: str | None = None
    cached: bool = False
    input: dict[str, Any] = Field(default_factory=dict, description="The claim's other input columns.")

    @classmethod
    def from_verdict(cls, item: ClaimInput, verdict: Verdict, *, cached: bool = False) -> ResultRow:
        if verdict.error:
            return cls.failed(item, verdict.error)
        return cls(
            id=item.id,
            claim=item.claim,
            label=verdict.label,
            confidence=round(verdict.confidence, 4),
            citations=verdict.citations,
            explanation=verdict.explanation,
            decided_by=verdict.decided_by,
            cached=cached,
            input=item.extra,
        )

    @classmethod
    def failed(cls, item: ClaimInput, error: str) -> ResultRow:
        return cls(id=item.id, claim=item.claim, error=error, input=item.extra)


@dataclass
class Summary:
    """What a run did. Rates count only the claims processed by this run (not those resumed from the journal)."""

    total: int = 0
    labels: dict[str, int] = field(default_factory=dict)
    errors: int = 0
    resumed: int = 0
    cached: int = 0
    processed: int = 0
    elapsed_s: float = 0.0

    @property
    def claims_per_min(self) -> float:
        return 60 * self.processed / self.elapsed_s if self.elapsed_s > 0 else 0.0

    def add(self, row: ResultRow, *, processed: bool = False) -> None:
        """Count a row of the report; ``processed``: it was produced by this run (not resumed)."""
        if processed:
            self.processed += 1
            self.cached += row.cached
        self.total += 1
        if row.error:
            self.errors += 1
        else:
            self.labels[row.label] = self.labels.get(row.label, 0) + 1  # type: ignore[index]

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "labels": dict(self.labels),
            "errors": self.errors,
            "resumed": self.resumed,
            "cached": self.cached,
            "processed": self.processed,
            "elapsed_s": round(self.elapsed_s, 3),
            "claims_per_min": round(self.claims_per_min, 1),
        }
