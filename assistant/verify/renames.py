"""Names a model or family was renamed from. A hub keeps a renamed repository's counters under its new name
("Quill-2-Base is now Lark-2-Base", a family record's "previous_names"), so a claim that still uses the old
name is about the same thing: the newest export, which lists only the new name, speaks for it."""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.verify.records import Record

_NAME = r"[A-Z][\w.]*(?:-[\w.]+)+"
# "org/Quill-2-Base is now org/Lark-2-Base", "Quill-2-Base was renamed Lark-2-Base", "became"
_RENAMED = re.compile(
    rf"(?<![\w/-])(?:[\w.-]+/)?(?P<old>{_NAME})\s+(?:is\s+now|has\s+become|became|was\s+renamed(?:\s+to)?|"
    rf"has\s+been\s+renamed(?:\s+to)?)\s+(?:[\w.-]+/)?(?P<new>{_NAME})\b"
)
_PREVIOUS = re.compile(r"previous_names?|former_names?|old_names?|formerly|renamed_from", re.I)


def renamed_in(texts: Iterable[str]) -> dict[str, str]:
    """Old name -> new name, from sentences that say a model is now called something else."""
    out: dict[str, str] = {}
    for text in texts:
        for m in _RENAMED.finditer(text):
            if m.group("old").lower() != m.group("new").lower():
                out[m.group("old")] = m.group("new")
    return out


def previous_names(recs: Iterable[Record]) -> dict[str, str]:
    """Old name -> the record's name, from an export's own field ("previous_names": ["Quill"])."""
    out: dict[str, str] = {}
    for r in recs:
        for key, value in r.fields.items():
            if r.name and _PREVIOUS.fullmatch(key.split(".")[-1]):
                for old in re.split(r"\s*[,;|]\s*", value):
                    if old and old.lower() != r.name.lower():
                        out[old] = r.name
    return out


def with_new_names(claim: str, renames: dict[str, str]) -> str | None:
    """The claim with each old name it uses put as the new one ("Quill-2-Base" -> "Lark-2-Base"); a name that
    only begins with an old one ("Quill" in "Quill-2-Base") is not touched. None when it uses no old name."""
    out = claim
    for old in sorted(renames, key=len, reverse=True):
        out = re.sub(rf"(?<![\w/-]){re.escape(old)}(?![\w-])", renames[old], out)
    return out if out != claim else None
