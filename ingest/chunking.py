"""Passages from a loaded document: sentence-aware chunks that never cross a segment (page, turn, row)."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.sentences import split_sentences
from ingest.types import LoadedDocument, Segment

_WHOLE_UNITS = ("row", "record", "header")


@dataclass
class ChunkSpec:
    char_start: int
    char_end: int
    embed_text: str
    segment: Segment


def _split_long(start: int, end: int, text: str, max_chars: int) -> list[tuple[int, int]]:
    """A sentence longer than max_chars is cut at the last space before the limit."""
    pieces = []
    while end - start > max_chars:
        cut = text.rfind(" ", start + max_chars // 2, start + max_chars)
        cut = cut if cut > start else start + max_chars
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


def _group(text: str, segment: Segment, max_chars: int) -> list[tuple[int, int]]:
    sentences: list[tuple[int, int]] = []
    for s, e in split_sentences(text, segment.char_start, segment.char_end):
        sentences.extend(_split_long(s, e, text, max_chars))
    groups: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for s, e in sentences:
        if cur and e - cur[0] <= max_chars:
            cur = (cur[0], e)
        else:
            if cur:
                groups.append(cur)
            cur = (s, e)
    if cur:
        groups.append(cur)
    return groups


def _embed_text(text: str, segment: Segment, start: int, end: int) -> str:
    if segment.statement is not None:
        return segment.statement
    span = text[start:end]
    return f"{segment.speaker}: {span}" if segment.speaker else span


def chunk(doc: LoadedDocument, max_chars: int = 800) -> list[ChunkSpec]:
    segments = doc.segments or [Segment(0, len(doc.text))]
    specs: list[ChunkSpec] = []
    for seg in segments:
        if seg.unit in _WHOLE_UNITS:
            spans = [(seg.char_start, seg.char_end)]
        else:
            spans = _group(doc.text, seg, max_chars)
        specs.extend(ChunkSpec(s, e, _embed_text(doc.text, seg, s, e), seg) for s, e in spans)
    return specs
