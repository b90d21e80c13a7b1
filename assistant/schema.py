"""Typed records that cross module boundaries.

``SourceDocument`` is one ingested file (or corpus record) with its full normalized text; ``Passage`` is a
span of that text, the unit we embed and retrieve. Offsets always index ``SourceDocument.text``, so a
quote can be checked with ``text[char_start:char_end]``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, get_args

from pydantic import BaseModel, Field

Kind = Literal["announcement", "statistics", "transcript", "news", "other"]
KINDS: tuple[str, ...] = get_args(Kind)


@dataclass
class SourceDocument:
    doc_id: str
    origin: (
        str  # where it came from: absolute file path, or "corpus.jsonl#doc_id"; re-ingest replaces by origin
    )
    source: str  # what a citation shows as the source
    title: str
    kind: Kind
    date: str | None  # ISO yyyy-mm-dd from the document's own metadata, text or file name; never invented
    text: str
    sha256: str  # hash of what is stored (text + citation metadata + ingest version): re-ingest compares it
    format: str
    chunk_count: int = 0
    ingested_at: str | None = None
    ingest_version: int = (
        0  # the parser that produced it (ingest.pipeline.INGEST_VERSION); 0: older than that
    )
    extra: dict[str, Any] = field(default_factory=dict)

    def metadata(self) -> dict[str, Any]:
        """Flat metadata for Chroma (no None values, no text)."""
        data = asdict(self)
        data.pop("text")
        extra = data.pop("extra")
        data.update({f"x_{k}": v for k, v in extra.items()})
        return {k: v for k, v in data.items() if v is not None}

    @classmethod
    def from_metadata(cls, meta: dict[str, Any], text: str = "") -> SourceDocument:
        known = {f for f in cls.__dataclass_fields__ if f not in ("text", "extra")}
        kwargs = {k: meta.get(k) for k in known}
        kwargs["chunk_count"] = int(meta.get("chunk_count") or 0)
        kwargs["ingest_version"] = int(meta.get("ingest_version") or 0)
        extra = {k[2:]: v for k, v in meta.items() if k.startswith("x_")}
        return cls(text=text, extra=extra, **kwargs)


@dataclass
class Passage:
    """A stored chunk. ``text`` is what was embedded (a row's readable statement, a turn with its speaker);
    the verbatim span is ``document.text[char_start:char_end]``."""

    id: str
    doc_id: str
    index: int
    text: str
    char_start: int
    char_end: int
    source: str
    title: str
    kind: Kind
    date: str | None = None
    page: int | None = None
    speaker: str | None = None
    role: str | None = None  # "host": the interviewer; what a host asserts is not the guest's word
    timestamp: str | None = None
    unit: str = "prose"  # prose | row | record | turn | header

    def metadata(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("text")
        data.pop("id")
        return {k: v for k, v in data.items() if v is not None}

    @classmethod
    def from_metadata(cls, id: str, text: str, meta: dict[str, Any]) -> Passage:
        fields = set(cls.__dataclass_fields__) - {"id", "text"}
        return cls(id=id, text=text, **{k: meta[k] for k in fields if k in meta})


# --- verdicts ----------------------------------------------------------------------------------------------

Label = Literal["SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO"]
LABELS: tuple[str, ...] = get_args(Label)
Stance = Literal["supports", "refutes"]


class Citation(BaseModel):
    """A verbatim quote: ``quote == document.text[char_start:char_end]``, checked before it is shown."""

    doc_id: str
    source: str
    title: str
    kind: str
    date: str | None = None
    page: int | None = None
    speaker: str | None = None
    timestamp: str | None = None
    quote: str
    char_start: int
    char_end: int
    stance: Stance


class SubVerdict(BaseModel):
    claim: str
    label: Label
    confidence: float = Field(ge=0, le=1)
    citations: list[Citation] = Field(default_factory=list)
    explanation: str = ""


class Verdict(BaseModel):
    """The answer to "is this claim supported?". JSON schema: ``Verdict.model_json_schema()``."""

    claim: str
    label: Label
    confidence: float = Field(ge=0, le=1, description="Calibrated probability that the label is right.")
    citations: list[Citation] = Field(default_factory=list, description="Most decisive first.")
    explanation: str = ""
    sub_verdicts: list[SubVerdict] = Field(
        default_factory=list, description="Per part, when the claim was split."
    )
    decided_by: str = Field("embedded", description="Which component decided: rules, embedded scorer, llm...")
    prompt_version: str | None = Field(
        None,
        description="Versions of the prompts an LLM backend used (prompts/*.md); None for the embedded one.",
    )
    error: str | None = None
    raw_score: float = Field(
        0.0, exclude=True, description="Uncalibrated strength (for fitting calibration)."
    )
