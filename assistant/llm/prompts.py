"""Prompt files (``prompts/*.md``): a version header, then the instructions; and the data blocks sent with them.

A prompt file starts with front matter naming its version::

    ---
    version: judge-v1
    ---

The version goes into every verdict and every cache key. Data (claims, articles, evidence) travels in
delimited blocks with ``&``, ``<``, ``>`` and ``"`` escaped, so a document cannot close its block and
pose as instructions.
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import ConfigError


def _prompts_dir() -> Path:
    """``prompts/`` of a source checkout; in an installed wheel, the copy installed beside the environment
    (pyproject's data-files: ``<prefix>/share/sourcecheck/prompts``)."""
    checkout = Path(__file__).resolve().parents[2] / "prompts"
    installed = Path(sys.prefix) / "share" / "sourcecheck" / "prompts"
    return checkout if checkout.is_dir() or not installed.is_dir() else installed


PROMPTS_DIR = _prompts_dir()
_HEADER = re.compile(r"\A---\n(?P<meta>.*?)\n---\n", re.S)


@dataclass(frozen=True)
class Prompt:
    name: str
    version: str
    text: str  # the instructions, without the header
    sha256: str  # of the whole file: an edit without a new version still changes cache keys


def load_prompt(name: str, folder: Path = PROMPTS_DIR) -> Prompt:
    path = folder / f"{name}.md"
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"prompt file {path} is missing", hint="reinstall sourcecheck") from exc
    m = _HEADER.match(raw)
    meta = dict(re.findall(r"^(\w+):\s*(.+?)\s*$", m.group("meta"), re.M)) if m else {}
    if "version" not in meta:
        raise ConfigError(f"prompt file {path} has no 'version:' header")
    return Prompt(name, meta["version"], raw[m.end() :].strip(), hashlib.sha256(raw.encode()).hexdigest())  # type: ignore[union-attr]


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def block(tag: str, text: str, **attrs: object) -> str:
    """``<tag a="1">escaped text</tag>``; attributes that are None are left out."""
    head = "".join(f' {k}="{escape(str(v))}"' for k, v in attrs.items() if v not in (None, ""))
    return f"<{tag}{head}>{escape(text)}</{tag}>"
