"""Comparisons over statistics rows: "A has more <metric> than B", judged on the two rows of one export.

Rows and records are stored as readable statements ("model_id: x/A | downloads_all_time: 123 | ..."); here they
are read back into fields. A claim's names are matched to a row's identity fields, its metric words to the
numeric field that shares most of them (all-time figures unless the claim speaks of a month or 30 days).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.retrieve.evidence import Evidence
from assistant.verify.claims import entities
from assistant.verify.quantities import Quantity, compare, extract_quantities

_COMPARATIVE = re.compile(
    r"^(?P<a>.+?)\s+(?:alone\s+)?(?:has|have|had|got|gets|received|receives)\s+(?P<dir>more|fewer|less)\s+"
    r"(?P<metric>.+?)\s+(?:on\s+\S+\s+)?than\s+(?:the\s+)?(?P<b>.+?)(?:\s+(?:does|did|do|has|have))?"
    r"(?:\s+on\s+\S+)?(?:\s+combined)?\.?$",
    re.I,
)
_IDENTITY = ("model_id", "model", "name", "family", "country", "organization", "repo", "id")
_WINDOW = re.compile(r"\b(?:30 days|month|monthly|last_30d)\b", re.I)


@dataclass
class Comparison:
    a: str
    b: str
    metric: str
    more: bool


def parse_comparison(claim: str) -> Comparison | None:
    m = _COMPARATIVE.match(" ".join(claim.split()))
    if not m:
        return None
    clean = lambda x: re.sub(r"^(?:the|all)\s+|'s$|\s+models?$", "", x.strip(), flags=re.I)  # noqa: E731
    return Comparison(
        clean(m.group("a")), clean(m.group("b")), m.group("metric"), m.group("dir").lower() == "more"
    )


def fields(statement: str) -> dict[str, str]:
    out = {}
    for part in statement.split(" | "):
        key, sep, value = part.partition(": ")
        if sep:
            out[key.strip().lower()] = value.strip()
    return out


def _number(value: str) -> float | None:
    try:
        return float(value.replace(",", ""))
    except ValueError:
        return None


def _is(name: str, row: dict[str, str]) -> bool:
    """Is this row about ``name``? Only the row's own identity counts: a model's row names its family too,
    but it is not the family's row."""
    key = next((k for k in _IDENTITY if row.get(k)), None)
    if key is None:
        return False
    value = row[key].lower()
    return value == name.lower() or value.rsplit("/", 1)[-1] == name.lower()


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z0-9]+", text.lower().replace("-", "")) if len(w) > 2}


def metric_field(metric: str, row: dict[str, str], claim: str) -> str | None:
    """The numeric field whose name shares most stems with the claim's metric words."""
    wanted = _stems(metric)
    best, best_score = None, 0.0
    for key, value in row.items():
        if _number(value) is None or key in _IDENTITY:
            continue
        score = len(wanted & _stems(key))
        if score and ("30d" in key or "month" in key) != bool(_WINDOW.search(claim)):
            score -= 0.5  # all-time figures unless the claim speaks of a month
        if "total" in key:
            score += 0.25  # "derivative models" is the total, not one kind of derivative
        if score > best_score:
            best, best_score = key, score
    return best


def compare_rows(claim: str, evidence: list[Evidence]) -> tuple[str, list[Evidence], str] | None:
    """(supports|refutes, the two rows, reason) when both sides are rows of one statistics export."""
    comparison = parse_comparison(claim)
    if comparison is None:
        return None
    rows = [(e, fields(e.scoring_text)) for e in evidence if e.passage.unit in ("row", "record")]
    for ev_a, row_a in rows:
        if not _is(comparison.a, row_a):
            continue
        for ev_b, row_b in rows:
            if ev_b.doc_id != ev_a.doc_id or not _is(comparison.b, row_b):
                continue
            key = metric_field(comparison.metric, row_a, claim)
            if key is None or key not in row_b:
                continue
            va, vb = _number(row_a[key]), _number(row_b[key])
            if va is None or vb is None or va == vb:
                continue
            holds = va > vb if comparison.more else va < vb
            reason = f"{key}: {comparison.a} {row_a[key]}, {comparison.b} {row_b[key]}"
            return ("supports" if holds else "refutes"), [ev_a, ev_b], reason
    return None


_TOGETHER = re.compile(r"\b(?:together|combined|in total|altogether|between them)\b", re.I)


def is_sum(claim: str) -> bool:
    return bool(_TOGETHER.search(claim))


def _scale(key: str) -> float:
    return 1e6 if key.endswith("millions") else 1e3 if key.endswith("_k") else 1.0


def _members(group: str, row: dict[str, str]) -> bool:
    """Is this row one of the group's models ("Quill-3" -> "Quill-3-8B", "lumora/Quill-3-34B")?"""
    key = next((k for k in _IDENTITY if row.get(k)), None)
    return key is not None and row[key].rsplit("/", 1)[-1].lower().startswith(group.lower() + "-")


def sum_rows(claim: str, evidence: list[Evidence]) -> tuple[str, list[Evidence], str] | None:
    """ "The Quill-3 models together had more than 280 million downloads": the sum of the group's rows in
    one export, compared with the claim's figure."""
    if not _TOGETHER.search(claim):
        return None
    figure = next((q for q in extract_quantities(claim) if q.kind == "count"), None)
    groups = [e for e in entities(claim) if re.search(r"-\w", e)]
    if figure is None or not groups:
        return None
    rows = [(e, fields(e.scoring_text)) for e in evidence if e.passage.unit in ("row", "record")]
    for doc_id in dict.fromkeys(e.doc_id for e, _ in rows):
        members = [(e, r) for e, r in rows if e.doc_id == doc_id and _members(groups[0], r)]
        if len(members) < 2:
            continue
        key = metric_field(" ".join([figure.head or "", *figure.context]), members[0][1], claim)
        if key is None or any(_number(r.get(key, "")) is None for _, r in members):
            continue
        total = sum(_number(r[key]) * _scale(key) for _, r in members)  # type: ignore[operator]
        stance = compare(figure, Quantity(total, "count", "eq", 0, 0, f"{total:,.0f}", precision=0.5))
        if stance == "unknown":
            continue
        reason = f"{len(members)} {groups[0]} rows add up to {total:,.0f} ({key})"
        return stance, [e for e, _ in members], reason
    return None
