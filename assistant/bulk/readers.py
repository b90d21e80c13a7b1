"""Claims files -> ``ClaimInput`` rows: ``.txt`` (one claim per line), ``.csv`` (a ``claim`` column) and
``.jsonl`` (``{"id", "claim", ...}`` objects).

A bad row never stops a file: it comes back with ``error`` set and is reported as such. Only a file that
cannot be read at all (missing, unknown type, a CSV without a ``claim`` column) raises ``LoadError``.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.bulk.models import MAX_CLAIM_CHARS, ClaimInput
from assistant.errors import LoadError

SUFFIXES = (".txt", ".csv", ".jsonl")
# Undecodable bytes are kept as lone surrogates ("surrogateescape") so each row can be flagged on its own
# instead of one bad byte failing the file or being silently replaced.
_SURROGATE = re.compile("[\udc80-\udcff]")


def read_claims(path: Path) -> list[ClaimInput]:
    """Every row of a claims file, in file order, with duplicate ids and bad rows flagged."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise LoadError(f"{path}: unsupported claims file", hint="use .txt, .csv or .jsonl")
    try:
        text = path.read_bytes().decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    except OSError as exc:
        raise LoadError(f"cannot read {path}: {exc.strerror or exc}") from exc
    rows = {".txt": _txt, ".csv": _csv, ".jsonl": _jsonl}[suffix](text, path)
    return _flag_duplicates([_validate(row) for row in rows])


def _txt(text: str, path: Path) -> Iterator[ClaimInput]:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield ClaimInput(id=str(number), claim=line, line=number)


def _csv(text: str, path: Path) -> Iterator[ClaimInput]:
    reader = csv.reader(text.splitlines(keepends=True))
    header = next(reader, None)
    names = [h.strip() for h in header or []]
    lowered = [n.lower() for n in names]
    if "claim" not in lowered:
        raise LoadError(f"{path}: no 'claim' column (columns: {', '.join(names) or 'none'})")
    claim_at = lowered.index("claim")
    id_at = lowered.index("id") if "id" in lowered else None
    line = reader.line_num + 1
    for record in reader:
        number, line = line, reader.line_num + 1  # a quoted field may span lines: ids are start lines
        if not any(field.strip() for field in record):
            continue
        extra = {
            n: v for i, (n, v) in enumerate(zip(names, record, strict=False)) if i not in (claim_at, id_at)
        }
        given_id = record[id_at].strip() if id_at is not None and id_at < len(record) else ""
        row = ClaimInput(id=given_id or str(number), claim="", line=number, extra=extra)
        if claim_at >= len(record):
            row.error = f"missing 'claim' column (row has {len(record)} of {len(names)} columns)"
        else:
            row.claim = record[claim_at]
        yield row


def _jsonl(text: str, path: Path) -> Iterator[ClaimInput]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        row = ClaimInput(id=str(number), claim="", line=number)
        try:
            data: Any = json.loads(line)
        except json.JSONDecodeError as exc:
            row.claim, row.error = line[:200], f"malformed JSON: {exc.msg} (column {exc.colno})"
            yield row
            continue
        if not isinstance(data, dict):
            row.claim, row.error = line[:200], "not a JSON object"
            yield row
            continue
        if data.get("id") not in (None, ""):
            row.id = str(data["id"])
        claim = data.get("claim")
        row.extra = {k: v for k, v in data.items() if k not in ("id", "claim")}
        if claim is None:
            row.error = "missing 'claim' field"
        elif not isinstance(claim, str):
            row.claim, row.error = json.dumps(claim)[:200], "'claim' is not a string"
        else:
            row.claim = claim
        yield row


def claim_input(id: str, claim: str) -> ClaimInput:
    """A claim given as a string, checked like a file's row (empty, overlong)."""
    return _validate(ClaimInput(id=id, claim=claim))


def _validate(row: ClaimInput) -> ClaimInput:
    if _SURROGATE.search(row.claim) or _SURROGATE.search(row.id):
        row.claim = _SURROGATE.sub("\ufffd", row.claim)
        row.id = _SURROGATE.sub("\ufffd", row.id)
        row.error = row.error or "not valid UTF-8 (undecodable bytes shown as \ufffd)"
    row.extra = _clean(row.extra)
    row.claim = " ".join(row.claim.split())
    if row.error:
        return row
    if not row.claim:
        row.error = "empty claim"
    elif len(row.claim) > MAX_CLAIM_CHARS:
        row.error = f"claim longer than {MAX_CLAIM_CHARS} characters ({len(row.claim)})"
        row.claim = row.claim[:MAX_CLAIM_CHARS] + "…"
    return row


def _clean(value: Any) -> Any:
    """Carried-through fields with undecodable bytes are kept, with U+FFFD in place of those bytes."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _flag_duplicates(rows: list[ClaimInput]) -> list[ClaimInput]:
    """The first row with an id keeps it; a later one is an error row under ``ID@LINE``, so every report row
    (and every journal key) stays unique."""
    first: dict[str, int | None] = {}
    for row in rows:
        if row.id not in first:
            first[row.id] = row.line
            continue
        original = row.id
        row.id = f"{original}@{row.line}"
        row.error = f"duplicate id {original!r} (first on line {first[original]})"
        first.setdefault(row.id, row.line)
    return rows
