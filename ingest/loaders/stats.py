"""Statistics exports (CSV, JSON): one passage per row or record.

The stored text is the file itself, so each row/record can be quoted exactly; what gets embedded is a
readable statement that keeps field names and values ("model: X | downloads_last_30d: 31370000 | ...").
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import LoadError
from ingest.metadata import parse_date
from ingest.textio import read_text
from ingest.types import LoadedDocument, Segment

_DATE_COLUMNS = ("snapshot_date", "snapshot", "as_of", "report_date", "date")
_DATE_KEYS = ("published", "publication_date", "date", "snapshot_date", "as_of", "generated_at")


# --- CSV ------------------------------------------------------------------------------------------------


def _lines_with_offsets(text: str):
    pos = 0
    for line in text.splitlines(keepends=True):
        yield pos, line
        pos += len(line)


def load_csv(path: Path, max_bytes: int) -> LoadedDocument:
    text, warnings = read_text(path, max_bytes)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    lines = list(_lines_with_offsets(text))
    line_iter = iter(line for _, line in lines)
    reader = csv.reader(line_iter, dialect)
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        raise LoadError(f"malformed CSV: no header row ({exc})") from exc
    if len(header) < 2 or len(set(header)) != len(header) or not all(header):
        raise LoadError("malformed CSV: the header needs two or more distinct, non-empty column names")
    segments: list[Segment] = []
    bad: list[int] = []
    consumed = reader.line_num
    while True:
        first_line = consumed
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise LoadError(f"malformed CSV at line {consumed + 1}: {exc}") from exc
        consumed = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            bad.append(first_line + 1)
            continue
        start = lines[first_line][0]
        end = lines[consumed - 1][0] + len(lines[consumed - 1][1].rstrip("\r\n"))
        statement = " | ".join(f"{h}: {v.strip()}" for h, v in zip(header, row, strict=True) if v.strip())
        segments.append(Segment(start, end, unit="row", statement=statement))
    if not segments:
        raise LoadError("malformed CSV: no data row has as many fields as the header")
    if bad:
        if len(bad) > len(segments):
            raise LoadError(
                f"malformed CSV: {len(bad)} of {len(bad) + len(segments)} rows have the wrong field count"
            )
        warnings.append(f"skipped {len(bad)} row(s) with the wrong number of fields: lines {bad[:10]}")
    return LoadedDocument(
        text,
        "csv",
        kind="statistics",
        date=_column_date(text, header, dialect),
        segments=segments,
        warnings=warnings,
    )


def _column_date(text: str, header: list[str], dialect) -> str | None:
    """A snapshot/date column with one value for every row dates the export."""
    lowered = [h.lower() for h in header]
    for name in _DATE_COLUMNS:
        if name in lowered:
            col = lowered.index(name)
            values = {
                r[col].strip()
                for r in list(csv.reader(text.splitlines(), dialect))[1:]
                if len(r) == len(header) and r[col].strip()
            }
            if len(values) == 1:
                return parse_date(values.pop())
    return None


# --- JSON -----------------------------------------------------------------------------------------------

_WS = re.compile(r"\s*")
_DECODER = json.JSONDecoder()


@dataclass
class _Node:
    """A JSON value with its span in the text; children keyed by member name or list index."""

    start: int
    end: int
    value: Any = None
    members: dict[str, tuple[int, _Node]] = field(default_factory=dict)  # key -> (start of "key", node)
    items: list[_Node] = field(default_factory=list)


def _parse(text: str, pos: int) -> _Node:
    """Offsets of every value. The text was already validated by json.loads; tokens are decoded by json."""
    pos = _WS.match(text, pos).end()
    start, ch = pos, text[pos]
    if ch not in "{[":
        value, end = _DECODER.raw_decode(text, pos)
        return _Node(start, end, value)
    node = _Node(start, start)
    pos = _WS.match(text, pos + 1).end()
    close = "}" if ch == "{" else "]"
    while text[pos] != close:
        if ch == "{":
            key_start = pos
            key, pos = _DECODER.raw_decode(text, pos)
            pos = _WS.match(text, pos).end() + 1  # past ":"
            child = _parse(text, pos)
            node.members[key] = (key_start, child)
        else:
            child = _parse(text, pos)
            node.items.append(child)
        pos = _WS.match(text, child.end).end()
        if text[pos] == ",":
            pos = _WS.match(text, pos + 1).end()
    node.end = pos + 1
    node.value = json.loads(text[start : node.end])
    return node


def _flatten(value: Any, prefix: str = "") -> list[str]:
    if isinstance(value, dict):
        return [part for k, v in value.items() for part in _flatten(v, f"{prefix}{k}.")]
    if isinstance(value, list):
        if all(isinstance(v, dict) for v in value) and value:
            inner = "; ".join("(" + ", ".join(_flatten(v)) + ")" for v in value)
            return [f"{prefix.rstrip('.')}: {inner}"]
        return [f"{prefix.rstrip('.')}: " + "; ".join(str(v) for v in value)]
    return [f"{prefix.rstrip('.')}: {value!s}"] if value not in (None, "") else []


def _record_list(root: _Node) -> tuple[str | None, _Node] | None:
    """The list of records: the root itself, or the longest list of objects among its members."""
    if root.items and all(isinstance(i.value, dict) for i in root.items):
        return None, root
    candidates = [
        (k, n)
        for k, (_, n) in root.members.items()
        if n.items and all(isinstance(i.value, dict) for i in n.items)
    ]
    return max(candidates, key=lambda kn: len(kn[1].items)) if candidates else None


def load_json(path: Path, max_bytes: int) -> LoadedDocument:
    text, warnings = read_text(path, max_bytes)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(f"malformed JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from exc
    if not isinstance(data, dict | list):
        raise LoadError("JSON holds a single value, not records")
    root = _parse(text, 0)
    found = _record_list(root)
    segments: list[Segment] = []
    if found is None:  # one object: one record per top-level member
        for key, (key_start, node) in root.members.items():
            segments.append(
                Segment(
                    key_start, node.end, unit="record", statement=" | ".join(_flatten(node.value, f"{key}."))
                )
            )
        if not segments:
            raise LoadError("JSON has no records")
    else:
        list_key, list_node = found
        # Members before (and after) the record list form one header passage each: the export's
        # date, scope and notes, quoted as one contiguous span.
        for side in (lambda n: n.end <= list_node.start, lambda n: n.start >= list_node.end):
            members = [(k, ks, n) for k, (ks, n) in root.members.items() if k != list_key and side(n)]
            if members:
                statement = " | ".join(part for k, _, n in members for part in _flatten(n.value, f"{k}."))
                segments.append(
                    Segment(members[0][1], members[-1][2].end, unit="header", statement=statement)
                )
        for item in list_node.items:
            segments.append(
                Segment(item.start, item.end, unit="record", statement=" | ".join(_flatten(item.value)))
            )
    segments = [s for s in segments if s.statement]
    segments.sort(key=lambda s: s.char_start)
    date = None
    if isinstance(data, dict):
        date = next(
            (iso for k in _DATE_KEYS if isinstance(data.get(k), str) and (iso := parse_date(data[k]))), None
        )
    title = data.get("title") if isinstance(data, dict) and isinstance(data.get("title"), str) else None
    return LoadedDocument(
        text, "json", kind="statistics", title=title, date=date, segments=segments, warnings=warnings
    )
