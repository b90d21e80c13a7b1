"""Comparisons over statistics records: "A has more <metric> than B", "A alone has more fine-tunes than all B
models combined", "the B models together had more than N downloads".

Each side is a record about the name itself (see records.py), or else the rows of the group it names, added
up; both sides come from one export, and a claim about another date than the export's snapshot is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.retrieve.evidence import Evidence
from assistant.verify.record_checks import PAST, threshold, timing
from assistant.verify.records import Record, by_export, find, members, records
from assistant.verify.records import metric as record_metric

_COMPARATIVE = re.compile(
    r"^(?P<a>.+?)\s+(?:alone\s+|still\s+|now\s+|currently\s+)*(?:has|have|had|got|gets|received|receives)\s+"
    r"(?:still\s+)?(?P<dir>more|fewer|less)\s+"
    r"(?P<metric>.+?)\s+(?:on\s+\S+\s+)?than\s+(?:the\s+)?(?P<b>.+?)(?:\s+(?:does|did|do|has|have))?"
    r"(?:\s+on\s+\S+)?(?:\s+combined)?\.?$",
    re.I,
)
# "A models are (currently) downloaded more often (each month) than B models"
_PASSIVE = re.compile(
    r"^(?P<a>.+?)\s+(?:is|are|was|were|has been|have been|had been)\s+(?:still\s+|now\s+|currently\s+)*"
    r"(?P<verb>downloaded|liked|fine-?tuned|quantized)\s+(?P<dir>more|less)\s+(?:often|times|frequently|widely)?"
    r"(?P<rest>.*?)\s+than\s+(?:the\s+)?(?P<b>.+?)(?:\s+(?:are|were|is|was|do|did))?(?:\s+combined)?\.?$",
    re.I,
)


@dataclass
class Comparison:
    a: str
    b: str
    metric: str
    more: bool


def parse_comparison(claim: str) -> Comparison | None:
    text = " ".join(claim.split())
    m = _COMPARATIVE.match(text)
    passive = None if m else _PASSIVE.match(text)
    if not m and not passive:
        return None
    clean = lambda x: re.sub(  # noqa: E731
        r"^(?:the|all|all the)\s+|^(?:in|on|at)\s+\S+(?:\s+\d{4})?,\s+|'s$|\s+(?:models?|combined)$",
        "",
        x.strip(),
        flags=re.I,
    )
    if passive:
        metric = f"{passive.group('verb')} {passive.group('rest')}".strip()
        return Comparison(
            clean(clean(passive.group("a"))),
            clean(clean(passive.group("b"))),
            metric,
            passive.group("dir").lower() == "more",
        )
    return Comparison(
        clean(clean(m.group("a"))),
        clean(clean(m.group("b"))),
        m.group("metric"),
        m.group("dir").lower() == "more",
    )


def _side(name: str, export: list[Record], groups: bool) -> list[Record] | None:
    """One record about ``name``; or, when ``groups``, the rows of the group it names ("Quill-3" models)."""
    own = find(name, export)
    if len(own) == 1:
        return own
    if groups and not own:
        rows = members(name, export)
        return rows if len(rows) >= 2 else None
    return None


def _shown(side: list[Record], key: str, total: float) -> str:
    return side[0].fields[key] if len(side) == 1 else f"{total:,.0f} ({len(side)} rows)"


def compare_rows(
    claim: str, evidence: list[Evidence], recs: list[Record] | None = None
) -> tuple[str, list[Evidence], str] | None:
    """(supports|refutes, the rows, reason) when both sides are records of one statistics export: a record
    each, or a group's rows added up ("A alone has more fine-tunes than all B models combined"). Records about
    the names themselves are preferred to groups, in any export, over summing rows. ``recs``: the evidence's
    records, when already read."""
    comparison = parse_comparison(claim)
    if comparison is None:
        return None
    exports = by_export(records(evidence) if recs is None else recs)
    for groups in (False, True):
        for export in exports.values():
            a, b = _side(comparison.a, export, groups), _side(comparison.b, export, groups)
            if a is None or b is None or a == b:
                continue
            when = timing(claim, export[0].date, None)
            if when not in ("undated", "same"):
                return None  # a claim about another date than the snapshot's
            key = record_metric(comparison.metric + " " + claim, a + b)
            if key is None:
                continue
            va, vb = (sum(r.value(key) or 0.0 for r in side) for side in (a, b))
            if va == vb:
                continue
            holds = va > vb if comparison.more else va < vb
            if not holds and when == "undated" and PAST.search(claim):
                return None  # "A had more X than B", no date: perhaps before this export
            reason = f"{key}: {comparison.a} {_shown(a, key, va)}, {comparison.b} {_shown(b, key, vb)}"
            return ("supports" if holds else "refutes"), [r.evidence for r in a + b], reason
    return None


_TOGETHER = re.compile(r"\b(?:together|combined|in total|altogether|between them)\b", re.I)


def sum_rows(
    claim: str, evidence: list[Evidence], recs: list[Record] | None = None
) -> tuple[str, list[Evidence], str] | None:
    """ "The Quill-3 models together had more than 280 million downloads": the sum of the group's rows in
    one export, compared with the claim's figure (see record_checks.threshold)."""
    if not _TOGETHER.search(claim):
        return None
    for export in by_export(records(evidence) if recs is None else recs).values():
        found = threshold(claim, export, groups_only=True)
        if found is not None:
            return found
    return None
