"""PDF (pypdf, page numbers kept) and Word .docx (python-docx)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from assistant.errors import LoadError
from ingest.metadata import parse_date
from ingest.textio import normalize, read_bytes
from ingest.types import LoadedDocument, Segment


def load_pdf(path: Path, max_bytes: int) -> LoadedDocument:
    import pypdf
    from pypdf.errors import PyPdfError

    data = read_bytes(path, max_bytes)
    if not data.lstrip().startswith(b"%PDF"):
        raise LoadError("not a PDF (no %PDF header)")
    warnings: list[str] = []
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise LoadError(
                "encrypted PDF", hint="remove the password (e.g. qpdf --decrypt) and ingest again"
            )
        pages = list(reader.pages)
    except LoadError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, NotImplementedError) as exc:
        raise LoadError(f"corrupt PDF: {exc}") from exc
    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    for number, page in enumerate(pages, start=1):
        try:
            page_text = normalize(page.extract_text() or "").strip()
        except Exception as exc:  # one unreadable page must not lose the others
            warnings.append(f"page {number}: text could not be extracted ({exc})")
            continue
        if not page_text:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        segments.append(Segment(pos, pos + len(page_text), page=number))
        parts.append(page_text)
        pos += len(page_text)
    if not segments:
        raise LoadError("PDF has no extractable text", hint="is it scanned? run OCR first")
    meta = reader.metadata or {}
    title = str(meta.get("/Title") or "").strip() or None
    weak_date = parse_date(str(meta.get("/CreationDate") or ""))
    return LoadedDocument(
        "".join(parts) + "\n", "pdf", title=title, weak_date=weak_date, segments=segments, warnings=warnings
    )


def load_docx(path: Path, max_bytes: int) -> LoadedDocument:
    import docx

    data = read_bytes(path, max_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise LoadError(f"corrupt .docx: {exc}") from exc
    except Exception as exc:  # python-docx raises its own PackageNotFoundError and lxml errors
        raise LoadError(f"unreadable .docx: {exc}") from exc
    blocks = [p.text.strip() for p in document.paragraphs if p.text.strip()]
    heading = next(
        (
            p.text.strip()
            for p in document.paragraphs
            if p.style is not None
            and (p.style.name or "").startswith(("Heading", "Title"))
            and p.text.strip()
        ),
        None,
    )
    for table in document.tables:
        for row in table.rows:
            cells = [" ".join(c.text.split()) for c in row.cells]
            if any(cells):
                blocks.append(" | ".join(cells))
    text = normalize("\n\n".join(blocks))
    if not text.strip():
        raise LoadError(".docx has no text")
    props = document.core_properties
    created = props.created.date().isoformat() if props.created else None
    return LoadedDocument(
        text + "\n", "docx", title=(props.title or "").strip() or heading, weak_date=created
    )
