"""What a loader returns: the document's normalized text plus the structure it knows about."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Segment:
    """A region of the text with its own metadata: a PDF page, a transcript turn, a statistics row.

    ``unit`` says how the chunker treats it: "prose" and "turn" are split into sentence-aware chunks;
    "row", "record" and "header" stay whole (a statistics row is quoted as one piece).
    ``statement`` is the readable form that gets embedded instead of the raw span (rows, records).
    """

    char_start: int
    char_end: int
    unit: str = "prose"
    page: int | None = None
    speaker: str | None = None
    role: str | None = None  # "host" for whoever asks the questions in a transcript
    timestamp: str | None = None
    statement: str | None = None


@dataclass
class LoadedDocument:
    text: str
    format: str
    title: str | None = None
    date: str | None = None  # strong: publication metadata (HTML meta, JSON "published", CSV snapshot column)
    weak_date: str | None = None  # file metadata such as a PDF's creation date: used only after the text
    kind: str | None = None  # a loader that knows (statistics, transcript) says so
    segments: list[Segment] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
