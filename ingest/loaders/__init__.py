"""Loaders by file extension. Each takes (path, max_bytes) and returns a LoadedDocument or raises LoadError."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ingest.loaders.html import load_html
from ingest.loaders.office import load_docx, load_pdf
from ingest.loaders.plain import load_markdown, load_text
from ingest.loaders.stats import load_csv, load_json
from ingest.loaders.transcripts import load_srt, load_vtt
from ingest.types import LoadedDocument

Loader = Callable[[Path, int], LoadedDocument]

LOADERS: dict[str, Loader] = {
    ".txt": load_text,
    ".text": load_text,
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".html": load_html,
    ".htm": load_html,
    ".pdf": load_pdf,
    ".docx": load_docx,
    ".csv": load_csv,
    ".json": load_json,
    ".vtt": load_vtt,
    ".srt": load_srt,
}
