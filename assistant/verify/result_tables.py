"""Results tables in documents: a release's Markdown table of models (rows) and their scores (columns), read
whole, so that a claim about places and wins over its columns is decided from every row, not from the one or
two rows retrieval happened to find:

- a place in one column: "On SkerryBench, Quill-3-8B comes second" (one better row per place above it);
- a win in every column: "Quill-3-70B led on every benchmark" (one better rival refutes);
- a win over one rival: "Quill-3-8B beat Lark-2-7B on every benchmark" (or on the column it names);
- a change between two rows in one column: "From Quill-2 to Quill-3, SkerryBench accuracy rose by more than
  10 percent" (relative, as "percent" is; "points" is the difference).

Only columns whose every cell is a bare number are scores ("34B" parameters are not), and higher is better
except in a column that counts errors, time or cost, where no place or win is read. Pure functions:
``judge(claim, evidence)`` returns (stance, rows, reason) or None whenever the table does not settle it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.retrieve.evidence import Evidence, table_row
from assistant.verify.alignment import compare
from assistant.verify.quantities import extract_quantities
from assistant.verify.ranks import ORDINAL_WORDS

_LINE = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.M)
_RULE = re.compile(r"^[ \t]*\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*$")
# a column where lower is better: no place or win is read from it
_LOWER_BETTER = re.compile(
    r"\b(?:errors?|error rate|wer|cer|latency|loss|perplexity|time|seconds|ms|cost|price)\b", re.I
)
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


@dataclass
class Row:
    name: str
    cells: list[str]
    start: int
    end: int


@dataclass
class Table:
    header: list[str]
    rows: list[Row]

    def scores(self) -> list[int]:
        """The columns whose every cell is a bare number: the scores."""
        return [
            i
            for i in range(1, len(self.header))
            if self.rows and all(_NUMBER.match(r.cells[i].replace(",", "")) for r in self.rows)
        ]

    def value(self, row: Row, column: int) -> float:
        return float(row.cells[column].replace(",", ""))


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def tables(document: str) -> list[Table]:
    """Every Markdown table of the document with a header, a rule and body rows of the header's width. A row
    is named by its first cell, without a bracketed note ("Lark-2-7B (Castellan)" is Lark-2-7B)."""
    found: list[Table] = []
    lines = list(_LINE.finditer(document))
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and lines[j + 1].start() == lines[j].end() + 1:
            j += 1
        block = lines[i : j + 1]
        i = j + 1
        if len(block) < 3 or not _RULE.match(block[1].group(0)):
            continue
        header = _cells(block[0].group(0))
        rows = []
        for m in block[2:]:
            cells = _cells(m.group(0))
            if len(cells) == len(header):
                name = re.sub(r"\s*\([^)]*\)\s*$", "", cells[0]).strip()
                rows.append(Row(name, cells, m.start(), m.end()))
        if rows:
            found.append(Table(header, rows))
    return found


def _named(name: str, text: str) -> int | None:
    """Where the claim names the row or column itself (not a longer name that starts with it)."""
    m = re.search(rf"(?<![\w.-]){re.escape(name)}(?![\w-]|\.\d)", text, re.I)
    return m.start() if m else None


def _column_name(header: str) -> str:
    return re.sub(r"\s*\(.*$", "", header).strip()


def _columns(table: Table, claim: str) -> list[int]:
    return [i for i in table.scores() if _named(_column_name(table.header[i]), claim) is not None]


def _rows(table: Table, claim: str) -> list[Row]:
    """The rows the claim names, in the order it names them."""
    named = [(at, r) for r in table.rows if (at := _named(r.name, claim)) is not None]
    return [r for _, r in sorted(named, key=lambda x: x[0])]


_EVERY = re.compile(
    r"\b(?:every|each|all(?:\s+(?P<n>two|three|four|five|six|\d+))?)\s+(?:of\s+the\s+)?"
    r"(?:benchmarks?|tests?|evaluations?|scores?|columns?|tasks?)\b",
    re.I,
)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_TOPPED = re.compile(
    r"\b(?:topped|tops|led|leads|won|wins|came first on|comes first on|scored highest on)\b", re.I
)
_BEAT = re.compile(
    r"\b(?:beat|beats|outscored|outscores|outperformed|outperforms|scored higher than|did better than)\b",
    re.I,
)
_PLACE = re.compile(
    r"\b(?:comes|came|ranks|ranked|finishes|finished|placed|places|is|was)\s+(?:in\s+)?(?:the\s+)?"
    rf"(?P<place>{'|'.join(ORDINAL_WORDS)}|\d{{1,2}}(?:st|nd|rd|th))\b",
    re.I,
)
_CHANGE = re.compile(r"^From\s+(?P<a>.+?)\s+to\s+(?P<b>.+?),\s+(?P<rest>.+)$", re.I)
_UP = re.compile(r"\b(?:rose|risen|grew|increased|climbed|went up|improved)\b", re.I)
_DOWN = re.compile(r"\b(?:fell|fallen|declined|decreased|dropped|went down)\b", re.I)


def _every(table: Table, claim: str) -> list[int] | None:
    """The score columns "every benchmark" or "all four benchmarks" means (None if the count is not the
    table's, or a column is one where lower is better)."""
    m = _EVERY.search(claim)
    if not m:
        return None
    columns = table.scores()
    n = m.group("n")
    if n and (_COUNTS.get(n.lower()) or int(n)) != len(columns):
        return None
    if any(_LOWER_BETTER.search(table.header[i]) for i in columns):
        return None
    return columns


def _place(word: str) -> int:
    word = word.lower()
    return int(re.match(r"\d+", word).group(0)) if word[0].isdigit() else int(ORDINAL_WORDS[word])


Found = tuple[str, list[Row], str]


def _judge_place(table: Table, claim: str) -> Found | None:
    m = _PLACE.search(claim)
    rows, columns = _rows(table, claim), _columns(table, claim)
    if not m or len(rows) != 1 or len(columns) != 1 or _LOWER_BETTER.search(table.header[columns[0]]):
        return None
    row, col = rows[0], columns[0]
    mine = table.value(row, col)
    if any(table.value(r, col) == mine for r in table.rows if r is not row):
        return None  # a tie: which place is whose is the table's reader's guess
    ahead = [r for r in table.rows if table.value(r, col) > mine]
    place = len(ahead) + 1
    stance = "supports" if place == _place(m.group("place")) else "refutes"
    name = _column_name(table.header[col])
    return stance, [*ahead, row], f"{row.name} is number {place} of {len(table.rows)} on {name} ({mine:g})"


def _judge_topped(table: Table, claim: str) -> Found | None:
    m = _TOPPED.search(claim)
    rows = _rows(table, claim)
    columns = _every(table, claim)
    if not m or len(rows) != 1 or not columns:
        return None
    row = rows[0]
    for col in columns:
        best = max(table.rows, key=lambda r: table.value(r, col))
        if table.value(best, col) > table.value(row, col):
            name = _column_name(table.header[col])
            return "refutes", [row, best], f"{best.name} scores higher on {name}"
    return "supports", [row], f"{row.name} scores highest on every column"


def _judge_beat(table: Table, claim: str) -> Found | None:
    m = _BEAT.search(claim)
    rows = _rows(table, claim)
    if not m or len(rows) != 2:
        return None
    a, b = rows
    if not (_named(a.name, claim[: m.start()]) is not None and _named(b.name, claim[m.end() :]) is not None):
        return None
    columns = _every(table, claim) or _columns(table, claim)
    if not columns or any(_LOWER_BETTER.search(table.header[i]) for i in columns):
        return None
    for col in columns:
        if table.value(a, col) <= table.value(b, col):
            name = _column_name(table.header[col])
            return "refutes", [a, b], f"{a.name} does not score higher than {b.name} on {name}"
    return "supports", [a, b], f"{a.name} scores higher than {b.name} on every column named"


def _judge_change(table: Table, claim: str) -> Found | None:
    m = _CHANGE.match(claim)
    if not m:
        return None
    first, last = _rows(table, m.group("a")), _rows(table, m.group("b"))
    columns = _columns(table, m.group("rest"))
    quantities = [q for q in extract_quantities(m.group("rest")) if q.kind in ("percent", "points")]
    up, down = _UP.search(m.group("rest")), _DOWN.search(m.group("rest"))
    if (
        len(first) != 1
        or len(last) != 1
        or len(columns) != 1
        or len(quantities) != 1
        or bool(up) == bool(down)
    ):
        return None
    col, cq = columns[0], quantities[0]
    before, after = table.value(first[0], col), table.value(last[0], col)
    if before <= 0:
        return None
    change = (after - before) / before * 100 if cq.kind == "percent" else after - before
    change = change if up else -change
    if change <= 0:
        stance = "refutes"  # it went the other way
    else:
        seen = replace(cq, value=change, comparator="eq", precision=0.05, change=True, text=f"{change:.1f}")
        stance = compare(cq, seen)
        if stance == "unknown":
            return None
    unit = "percent" if cq.kind == "percent" else "points"
    name = _column_name(table.header[col])
    return stance, [first[0], last[0]], f"{name} went from {before:g} to {after:g}, {change:.1f} {unit}"


def judge(claim: str, evidence: list[Evidence]) -> tuple[str, list[Evidence], str] | None:
    """A claim the results tables of the evidence's documents settle: (stance, the rows as evidence, reason)."""
    seen: set[str] = set()
    for ev in evidence:
        if ev.doc_id in seen or not ev.document or "|" not in ev.document:
            continue
        seen.add(ev.doc_id)
        for table in tables(ev.document):
            for check in (_judge_change, _judge_place, _judge_topped, _judge_beat):
                found = check(table, claim)
                if found is not None:
                    stance, rows, reason = found
                    return stance, [_as_evidence(ev, r) for r in rows], reason
    return None


def _as_evidence(ev: Evidence, row: Row) -> Evidence:
    """The table row as evidence of its document (quoted verbatim, read with its header)."""
    text = ev.document[row.start : row.end]
    scoring = table_row(ev.document, row.start, row.end) or text
    return replace(
        ev,
        char_start=row.start,
        char_end=row.end,
        text=text,
        scoring_text=scoring,
        findings=[],
        reply_to=None,
    )
