"""Plain text and Markdown. A .txt file whose lines are "NAME: ..." turns is read as a transcript."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.loaders.transcripts import is_speaker_labelled, turns_from_labelled_text
from ingest.metadata import parse_date
from ingest.textio import read_text
from ingest.types import LoadedDocument

_MD_HEADING = re.compile(r"^#{1,3}[ \t]+(.+?)[ \t#]*$", re.M)
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def load_text(path: Path, max_bytes: int) -> LoadedDocument:
    text, warnings = read_text(path, max_bytes)
    if is_speaker_labelled(text):
        return LoadedDocument(
            text, "txt", kind="transcript", segments=turns_from_labelled_text(text), warnings=warnings
        )
    return LoadedDocument(text, "txt", warnings=warnings)


def load_markdown(path: Path, max_bytes: int) -> LoadedDocument:
    text, warnings = read_text(path, max_bytes)
    heading = _MD_HEADING.search(text)
    title = heading.group(1).strip() if heading else None
    date = None
    front = _FRONT_MATTER.match(text)
    if front:  # YAML front matter: only the two fields we need, read line by line
        for line in front.group(1).splitlines():
            key, _, value = line.partition(":")
            value = value.strip().strip("\"'")
            if key.strip() == "title" and value:
                title = value
            elif key.strip() in ("date", "published") and value:
                date = parse_date(value)
    return LoadedDocument(text, "md", title=title, date=date, warnings=warnings)
