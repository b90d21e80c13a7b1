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


def _comment_lines(lines: list[tuple[int, str]]) -> int:
    """How many lines before the header are comments ("# snapshot 2025-06-30") or blank."""
    n = 0
    while n < len(lines) and (not lines[n][1].strip() or lines[n][1].lstrip().startswith("#")):
        n += 1
    return n


def load_csv(path: Path, max_bytes: int) -> LoadedDocument:
    text, warnings = read_text(path, max_bytes)
    lines = list(_lines_with_offsets(text))
    # comment lines above the header (a title, the snapshot date, a unit) form the export's header passage
    skip = _comment_lines(lines)
    comments, lines = lines[:skip], lines[skip:]
    body = "".join(line for _, line in lines)
    try:
        dialect = csv.Sniffer().sniff(body[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    line_iter = iter(line for _, line in lines)
    reader = csv.reader(line_iter, dialect)
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        raise LoadError(f"malformed CSV: no header row ({exc})") from exc
    if len(header) < 2 or len(set(header)) != len(header) or not all(header):
        raise LoadError("malformed CSV: the header needs two or more distinct, non-empty column names")
    segments: list[Segment] = []
    comment = " ".join(line.strip().lstrip("#").strip() for _, line in comments if line.strip())
    if comment:
        end = comments[-1][0] + len(comments[-1][1].rstrip("\r\n"))
        segments.append(Segment(comments[0][0], end, unit="header", statement=comment))
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
    rows = sum(s.unit == "row" for s in segments)
    if not rows:
        raise LoadError("malformed CSV: no data row has as many fields as the header")
    if bad:
        if len(bad) > rows:
            raise LoadError(f"malformed CSV: {len(bad)} of {len(bad) + rows} rows have the wrong field count")
        warnings.append(f"skipped {len(bad)} row(s) with the wrong number of fields: lines {bad[:10]}")
    return LoadedDocument(
        text,
        "csv",
        kind="statistics",
        date=_column_date(body, header, dialect) or _comment_date(comment),
        segments=segments,
        warnings=warnings,
    )


def _column_date(text: str, header: list[str], dialect) -> str | None:
    """A snapshot/date column with one value for every row dates the export."""
    lowered = [re.sub(r"[\s-]+", "_", h.lower()) for h in header]  # "As of" is an as_of column
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


def _comment_date(comment: str) -> str | None:
    """ "# snapshot 2025-06-30": an ISO date in the comment lines dates the export."""
    m = re.search(r"\b\d{4}-\d\d-\d\d\b", comment)
    return parse_date(m.group(0)) if m else None


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


def _objects(node: _Node) -> bool:
    return bool(node.items) and all(isinstance(i.value, dict) for i in node.items)


def _named_objects(node: _Node) -> dict[str, tuple[int, _Node]]:
    """The members of an object keyed by name: {"Quill": {...}, "Kestrel": {...}}, beside which only plain
    values (a date, a note) and a statement of units may stand; {} when it is not such an object."""
    objects = {
        k: m
        for k, m in node.members.items()
        if isinstance(m[1].value, dict) and not _UNIT_KEY.fullmatch(k.lower())
    }
    others = [
        m[1].value for k, m in node.members.items() if k not in objects and not _UNIT_KEY.fullmatch(k.lower())
    ]
    if len(objects) < 2 or any(isinstance(v, dict | list) for v in others):
        return {}
    # records of one kind share their fields; {"downloads": {...}, "derivatives": {...}} is one record's parts
    shapes = [set(m[1].value) for m in objects.values()]
    if 2 * len(set.intersection(*shapes)) < len(set.union(*shapes)):
        return {}
    return objects


def _keyed(node: _Node) -> bool:
    return bool(_named_objects(node))


def _record_list(root: _Node) -> tuple[str | None, _Node] | None:
    """The records: the root itself, or the longest list of objects among its members, or else the largest
    object keyed by name among them ({"families": {"Quill": {...}, ...}})."""
    if _objects(root):
        return None, root
    candidates = [(k, n) for k, (_, n) in root.members.items() if _objects(n)]
    if candidates:
        return max(candidates, key=lambda kn: len(kn[1].items))
    keyed = [(k, n) for k, (_, n) in root.members.items() if _keyed(n)]
    return max(keyed, key=lambda kn: len(kn[1].members)) if keyed else None


def _singular(key: str | None) -> str:
    """What one item of a collection is called: "families" -> "family", "models" -> "model"; "name"."""
    if not key:
        return "name"
    key = key.lower()
    if key.endswith("ies"):
        return key[:-3] + "y"
    return key[:-1] if key.endswith("s") and not key.endswith("ss") else key


_UNIT_VALUES = {"thousands": "_thousands", "millions": "_millions", "billions": "_billions"}
_UNIT_KEY = re.compile(r"(?:(?P<before>[a-z]+?)_)?units?(?:_(?P<after>[a-z]+))?")
_SCALED = re.compile(r"_(?:k|thousands|millions|billions)$")
# a share, a rate or a rank is no figure of downloads, whatever unit the downloads are given in
_NOT_SCALED = re.compile(r"share|pct|percent|rate|ratio|rank", re.I)
_GROUP = re.compile(r"^(?:org|organi[sz]ation|publisher|author|company|developer)$", re.I)


def _units(members: dict[str, tuple[int, _Node]]) -> list[tuple[str | None, str]]:
    """An export's stated units: "unit": "millions" (every figure), "download_unit": "millions" or
    "units": {"downloads": "millions"} (the figures whose names say downloads)."""
    out: list[tuple[str | None, str]] = []
    for key, (_, node) in members.items():
        m = _UNIT_KEY.fullmatch(key.lower())
        if m is None:
            continue
        scoped = (
            node.value.items() if isinstance(node.value, dict) else [(m["before"] or m["after"], node.value)]
        )
        for scope, unit in scoped:
            suffix = _UNIT_VALUES.get(str(unit).strip().lower())
            if suffix:
                out.append((scope.lower().rstrip("s") if scope else None, suffix))
    return out


def _scaled(part: str, units: list[tuple[str | None, str]]) -> str:
    """ "downloads.all_time: 500.0" under "download_unit: millions" -> "downloads.all_time_millions: 500.0"."""
    key, sep, value = part.partition(": ")
    try:
        float(value.replace(",", ""))
    except ValueError:
        return part
    if not sep or _SCALED.search(key.lower()) or _NOT_SCALED.search(key):
        return part
    for scope, suffix in units:
        # a unit stated for the whole export ("unit": "millions") is the downloads' unit: counts of likes or
        # derivative repositories written as whole numbers are not in millions, a fraction of one would be
        if scope is not None:
            applies = scope in key.lower()
        else:
            applies = "download" in key.lower() or "." in value or "e" in value.lower()
        if applies:
            return f"{key}{suffix}{sep}{value}"
    return part


# what a list's items are, when its name says so: their "name" is a family's name, a model's...
_ITEM_NAMES = ("family", "model", "organization", "organisation", "org", "publisher", "country", "region")


def _record_segments(
    start: int,
    node: _Node,
    name: tuple[str, str] | None,
    units: list[tuple[str | None, str]],
    skip: str | None = None,
) -> list[Segment]:
    """One record, and the records nested in it: a family's list of model objects (items without a rank)
    gives one record per model, which names the family (and the family's organisation) it belongs to."""
    value = node.value
    nested = {
        k: n
        for k, (_, n) in node.members.items()
        if _objects(n) and not all("rank" in i.value for i in n.items)
    }
    own = {k: v for k, v in value.items() if k not in nested and k != skip}
    parts = ([f"{name[0]}: {name[1]}"] if name else []) + _flatten(own)
    out = [Segment(start, node.end, unit="record", statement=" | ".join(_scaled(p, units) for p in parts))]
    if not nested:
        return out
    parent_name = name[1] if name else next((str(own[k]) for k in ("name", "id") if k in own), None)
    context = [f"{name[0] if name else 'parent'}: {parent_name}"] if parent_name else []
    context += [f"{k}: {v}" for k, v in own.items() if _GROUP.match(k) and isinstance(v, str)]
    for key, child_list in nested.items():
        singular = _singular(key)
        for child in child_list.items:
            renamed = {(singular if k in ("name", "id") else k): v for k, v in child.value.items()}
            parts = context + _flatten(renamed)
            out.append(
                Segment(
                    child.start,
                    child.end,
                    unit="record",
                    statement=" | ".join(_scaled(p, units) for p in parts),
                )
            )
    return out


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
    units = _units(root.members)
    segments: list[Segment] = []
    if found is None and _keyed(root):  # the root keyed by name: one record per member, named by its key
        for key, (key_start, node) in _named_objects(root).items():
            segments += _record_segments(key_start, node, ("name", key), units)
    elif found is None:  # one object: one record per top-level member
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
        if list_node.items:
            named = _singular(list_key) if _singular(list_key) in _ITEM_NAMES else None
            for item in list_node.items:
                name = next((k for k in ("name", "id") if isinstance(item.value.get(k), str)), None)
                if named and name:  # {"families": [{"name": "Quill", ...}]}: "family: Quill"
                    segments += _record_segments(
                        item.start, item, (named, item.value[name]), units, skip=name
                    )
                else:
                    segments += _record_segments(item.start, item, None, units)
        else:  # an object keyed by name: each member is a record, its key the record's name
            for key, (key_start, node) in _named_objects(list_node).items():
                segments += _record_segments(key_start, node, (_singular(list_key), key), units)
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
