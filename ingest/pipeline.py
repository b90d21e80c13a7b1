"""Ingest files, folders and JSONL corpora into the store, one report line per item.

Documents are loaded and chunked one by one, then written in batches so embedding and Chroma writes run
on many passages at a time. A failure in one file is recorded and the batch goes on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import LoadError, SourcecheckError
from assistant.schema import KINDS, Passage, SourceDocument
from assistant.store import Store
from ingest.chunking import chunk
from ingest.loaders import LOADERS
from ingest.metadata import infer_kind, parse_date, resolve_date, title_from_filename, title_from_text
from ingest.textio import normalize
from ingest.types import LoadedDocument, Segment

BATCH_PASSAGES = 256
# Bumped whenever what ingest stores changes (fields, chunking): caches keyed on a corpus include it.
INGEST_VERSION = 7  # 3: speaker labels in any script and with a bracketed role; 4: exports in other shapes;
# 5: titles (a headline naming a transcript; never a speaker's turn) and digit dates (14/05/2031); 6: SRT cues
# labelled "[HOST] ...", and subtitles with no speaker label; 7: an HTML correction notice in an <aside>


def stored_hash(doc: SourceDocument) -> str:
    """What decides that a re-ingest is "unchanged": the text, the metadata a citation shows, and the ingest
    version (a changed date or title, or a new chunker, rewrites the document)."""
    parts = [doc.text, doc.title, doc.kind, doc.date or "", doc.source, str(INGEST_VERSION)]
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


@dataclass
class ItemResult:
    item: str  # a file path, or "corpus.jsonl:LINE"
    status: str  # added | replaced | unchanged | duplicate | failed | skipped
    doc_id: str | None = None
    title: str | None = None
    kind: str | None = None
    date: str | None = None
    passages: int = 0
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    seq: int = field(default=0, repr=False)  # input order; results are written in batches, reported in order


@dataclass
class IngestReport:
    results: list[ItemResult] = field(default_factory=list)
    repaired: int = 0

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> list[ItemResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def passages(self) -> int:
        return sum(r.passages for r in self.results if r.status in ("added", "replaced"))


Progress = Callable[[ItemResult], None]


def iter_files(paths: Iterable[Path]) -> Iterator[tuple[Path, bool]]:
    """(file, explicitly named) for each path; folders are walked recursively, hidden entries skipped."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if child.is_file() and not any(part.startswith(".") for part in rel.parts):
                    yield child, False
        else:
            yield path, True


def _passages(doc: SourceDocument, loaded: LoadedDocument, max_chars: int) -> list[Passage]:
    return [
        Passage(
            id=f"{doc.doc_id}:{i}",
            doc_id=doc.doc_id,
            index=i,
            text=spec.embed_text,
            char_start=spec.char_start,
            char_end=spec.char_end,
            source=doc.source,
            title=doc.title,
            kind=doc.kind,
            date=doc.date,
            page=spec.segment.page,
            speaker=spec.segment.speaker,
            role=spec.segment.role,
            timestamp=spec.segment.timestamp,
            unit=spec.segment.unit,
        )
        for i, spec in enumerate(chunk(loaded, max_chars))
    ]


def build_file_document(path: Path, max_bytes: int, max_chars: int, kind: str | None = None):
    """Load one file into (SourceDocument, passages). Raises LoadError."""
    if not path.exists():
        raise LoadError("no such file")
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        hint = (
            "use `sourcecheck ingest --jsonl` for a JSONL corpus" if path.suffix.lower() == ".jsonl" else None
        )
        raise LoadError(f"unsupported file type '{path.suffix or path.name}'", hint=hint)
    loaded = loader(path, max_bytes)
    resolved = path.resolve()
    doc = SourceDocument(
        doc_id=hashlib.sha256(path.read_bytes()).hexdigest()[:16],
        origin=str(resolved),
        source=str(path),
        # A statistics export's first line is a header row or "{": its file name says more.
        title=loaded.title
        or (title_from_filename(path) if loaded.kind == "statistics" else None)
        or title_from_text(loaded.text)
        or title_from_filename(path),
        kind=kind or infer_kind(path, loaded.text, loaded.kind),  # type: ignore[arg-type]
        date=resolve_date(path, loaded.text, loaded.date, loaded.weak_date),
        text=loaded.text,
        sha256="",
        format=loaded.format,
        ingest_version=INGEST_VERSION,
    )
    doc.sha256 = stored_hash(doc)
    return doc, _passages(doc, loaded, max_chars), loaded.warnings


class _Writer:
    """Buffers documents and writes them to the store in batches; reports each item once written."""

    def __init__(self, store: Store, report: IngestReport, progress: Progress | None):
        self.store, self.report, self.progress = store, report, progress
        self.pending: list[tuple[SourceDocument, list[Passage], ItemResult]] = []
        self.seen = 0

    def _number(self, result: ItemResult) -> None:
        if not result.seq:
            self.seen += 1
            result.seq = self.seen

    def add(self, doc: SourceDocument, passages: list[Passage], result: ItemResult) -> None:
        self._number(result)
        self.pending.append((doc, passages, result))
        if sum(len(p) for _, p, _ in self.pending) >= BATCH_PASSAGES:
            self.flush()

    def record(self, result: ItemResult) -> None:
        self._number(result)
        self.report.results.append(result)
        if self.progress:
            self.progress(result)

    def flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        try:
            statuses = self.store.put_batch([(d, p) for d, p, _ in batch])
        except (
            Exception
        ) as exc:  # the Chroma server went away, a bad value: these items fail, the run goes on
            statuses = ["failed"] * len(batch)
            for _, _, result in batch:
                result.error = str(exc)
        for (_, _, result), status in zip(batch, statuses, strict=True):
            result.status = status
            self.record(result)

    def finish(self) -> IngestReport:
        self.flush()
        self.report.results.sort(key=lambda r: r.seq)
        return self.report


def ingest_paths(
    paths: Iterable[Path],
    store: Store,
    *,
    max_bytes: int,
    max_chars: int = 800,
    kind: str | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    if kind is not None and kind not in KINDS:
        raise SourcecheckError(f"unknown kind '{kind}'", hint=f"use one of: {', '.join(KINDS)}")
    report = IngestReport(repaired=store.repair())
    writer = _Writer(store, report, progress)
    for path, explicit in iter_files(paths):
        if not explicit and path.suffix.lower() not in LOADERS:
            writer.record(ItemResult(str(path), "skipped", error=f"unsupported file type '{path.suffix}'"))
            continue
        try:
            doc, passages, warnings = build_file_document(path, max_bytes, max_chars, kind)
        except LoadError as exc:
            writer.record(ItemResult(str(path), "failed", error=str(exc)))
            continue
        except Exception as exc:  # a loader bug must not sink the batch; say what it was
            writer.record(ItemResult(str(path), "failed", error=f"unexpected {type(exc).__name__}: {exc}"))
            continue
        writer.add(
            doc,
            passages,
            ItemResult(
                str(path),
                "added",
                doc.doc_id,
                doc.title,
                doc.kind,
                doc.date,
                len(passages),
                warnings=warnings,
            ),
        )
    return writer.finish()


def _corpus_document(
    record: dict, corpus: Path, max_chars: int, kind: str | None
) -> tuple[SourceDocument, list[Passage]]:
    doc_id, text = record.get("doc_id"), record.get("text")
    if not isinstance(doc_id, str | int) or str(doc_id) == "":
        raise LoadError("missing doc_id")
    if not isinstance(text, str) or not text.strip():
        raise LoadError("missing or empty text")
    doc_id = str(doc_id)
    text = normalize(text)
    title = str(record.get("title") or "").strip() or doc_id
    doc = SourceDocument(
        doc_id=doc_id,
        origin=f"{corpus.resolve()}#{doc_id}",
        source=str(record.get("source") or f"{corpus.name}#{doc_id}"),
        title=title,
        kind=kind or "other",
        date=parse_date(str(record["date"])) if record.get("date") else None,  # ISO or nothing
        text=text,  # type: ignore[arg-type]
        sha256="",
        format="jsonl",
        ingest_version=INGEST_VERSION,
    )
    doc.sha256 = stored_hash(doc)
    # The title is not embedded with the passage (BM25 indexes it, see assistant/retrieve/lexical.py).
    loaded = LoadedDocument(text, "jsonl", segments=[Segment(0, len(text))])
    passages = _passages(doc, loaded, max_chars)
    return doc, passages


def ingest_jsonl(
    corpus: Path,
    store: Store,
    *,
    max_chars: int = 800,
    kind: str | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """A corpus in the common eval format: one {"doc_id", "title", "text", ...} per line."""
    if not corpus.is_file():
        raise LoadError(f"{corpus}: no such file")
    report = IngestReport(repaired=store.repair())
    writer = _Writer(store, report, progress)
    with corpus.open(encoding="utf-8", errors="replace") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            item = f"{corpus}:{number}"
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise LoadError("not a JSON object")
                doc, passages = _corpus_document(record, corpus, max_chars, kind)
            except (json.JSONDecodeError, LoadError) as exc:
                writer.record(ItemResult(item, "failed", error=f"line {number}: {exc}"))
                continue
            writer.add(
                doc,
                passages,
                ItemResult(item, "added", doc.doc_id, doc.title, doc.kind, doc.date, len(passages)),
            )
    return writer.finish()


__all__ = [
    "IngestReport",
    "ItemResult",
    "build_file_document",
    "ingest_jsonl",
    "ingest_paths",
]
