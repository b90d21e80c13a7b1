"""Reading bytes as text: size cap, binary detection, encodings, normalization."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

from assistant.errors import LoadError

# Control characters other than tab/newline/carriage return/form feed: text files almost never contain them.
_CONTROL = {c for c in range(32) if c not in (9, 10, 12, 13)}


def read_bytes(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size == 0:
        raise LoadError("empty file")
    if size > max_bytes:
        raise LoadError(
            f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB cap",
            hint="raise SOURCECHECK_MAX_FILE_MB to ingest it",
        )
    return path.read_bytes()


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls > max(8, len(sample) // 100)


def decode(data: bytes) -> tuple[str, list[str]]:
    """Bytes -> str. UTF-8 (with or without BOM) first; otherwise a detected legacy encoding, with a warning.

    Raises LoadError for binary data or bytes no encoding explains."""
    if looks_binary(data):
        raise LoadError("binary data, not a text document")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        raise LoadError(f"not valid UTF-8 (first bad byte at offset {first_bad}) and no other encoding fits")
    text = str(best)
    return text, [f"not UTF-8: decoded as {best.encoding}"]


def normalize(text: str) -> str:
    """The normal form every stored text has: NFC, LF line ends, no NUL/BOM. Everything else is kept verbatim
    so quotes match the file."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").replace("\x00", "")
    return unicodedata.normalize("NFC", text)


def read_text(path: Path, max_bytes: int) -> tuple[str, list[str]]:
    text, warnings = decode(read_bytes(path, max_bytes))
    text = normalize(text)
    if not text.strip():
        raise LoadError("file has no text")
    return text, warnings
