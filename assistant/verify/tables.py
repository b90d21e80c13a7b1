"""Comparisons over statistics records: "A has more <metric> than B", "A alone has more fine-tunes than all B
models combined", "the B models together had more than N downloads".

Each side is a record about the name itself (see records.py), or else the rows of the group it names, added
up; both sides come from one export, and a claim about another date than the export's snapshot is left alone.

Parsing the claim: table_claims.py; the rows of a side: table_sides.py; A against every other record of its
kind: table_peers.py; claims over two snapshots: table_snapshots.py. Here: a pair of sides, two counts of one
name ("adapters outnumber quantizations"), a lead, and sums.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.retrieve.evidence import Evidence
from assistant.verify.alignment import compare
from assistant.verify.quantities import extract_quantities
from assistant.verify.quantity import Quantity
from assistant.verify.record_thresholds import threshold
from assistant.verify.record_when import past_undated, timing
from assistant.verify.records import Record, by_export, field_window, members, records
from assistant.verify.records import metric as record_metric
from assistant.verify.table_claims import TOGETHER, Comparison, parse_comparison, side_name
from assistant.verify.table_peers import against_peers
from assistant.verify.table_sides import bounds_of, shown_total, side_rows
from assistant.verify.table_snapshots import every_month, gap_change, growth_between, over_time, overtaking


def _ratio_stance(c: Comparison, a: tuple[float, float], b: tuple[float, float]) -> str | None:
    """Does A / B lie in the claimed ratio? "More than five times as many": every ratio the rounded figures
    allow is above 5 (supports) or none is (refutes). "N times more" is read both as N and as N + 1 times as
    many, and decides only where both readings agree."""
    if b[0] <= 0 or c.times is None:
        return None
    lo, hi = a[0] / b[1], a[1] / b[0]
    stances = set()
    for n in (c.times, c.times + 1) if c.times_more else (c.times,):
        claimed = Quantity(n, "count", c.bound, 0, 0, str(n)).interval(as_claim=True)
        clo, chi, lo_open, hi_open = claimed
        if c.bound == "eq":  # "five times as many": a rounded multiple, as a writer rounds 4.9 or 5.2
            clo, chi = n * 0.95, n * 1.05
        inside = (lo > clo or (lo == clo and not lo_open)) and (hi < chi or (hi == chi and not hi_open))
        apart = hi < clo or (hi == clo and lo_open) or lo > chi or (lo == chi and hi_open)
        stances.add("supports" if inside else "refutes" if apart else None)
    return stances.pop() if len(stances) == 1 else None


def _pair_stance(c: Comparison, a: list[Record], b: list[Record], key: str) -> tuple[str, str] | None:
    """(stance, what was compared) for the two sides, or None when their figures do not settle it."""
    if c.times is not None:
        if c.each:
            return None
        stance = _ratio_stance(c, bounds_of(a, key), bounds_of(b, key))
        if stance is None:
            return None
        va, vb = (sum(r.value(key) or 0.0 for r in side) for side in (a, b))
        return (
            stance,
            f"{c.a} {shown_total(a, key, va)}, {c.b} {shown_total(b, key, vb)} ({va / vb:.2f} times)",
        )
    va = sum(r.value(key) or 0.0 for r in a)
    rivals = [[r] for r in b if r not in a] if c.each else [b]
    if not rivals:
        return None
    values = [sum(r.value(key) or 0.0 for r in side) for side in rivals]
    if any(v == va for v in values):
        return None
    holds = all(va > v for v in values) if c.more else all(va < v for v in values)
    stance = "supports" if holds else "refutes"
    if c.each:  # the rival that decides: the strongest of B's rows
        top = rivals[max(range(len(values)), key=lambda i: values[i] if c.more else -values[i])][0]
        return (
            stance,
            f"{c.a} {shown_total(a, key, va)}, {c.b}'s {'most' if c.more else 'fewest'}: {top.name} {top.fields[key]}",
        )
    return stance, f"{c.a} {shown_total(a, key, va)}, {c.b} {shown_total(b, key, values[0])}"


def compare_rows(
    claim: str,
    evidence: list[Evidence],
    recs: list[Record] | None = None,
    headers: dict[str, str] | None = None,
    kind_of: Callable[[Record, str], bool] | None = None,
) -> tuple[str, list[Evidence], str] | None:
    """(supports|refutes, the rows, reason) when both sides are records of one statistics export: a record
    each, or a group's rows added up ("A alone has more fine-tunes than all B models combined"), A against each
    of B's rows ("more than any B model"), or a ratio ("more than five times as many as B"). Records about the
    names themselves are preferred to groups, in any export, over summing rows; an export whose snapshot is
    not the date the claim names is passed over (another export may be of that date). ``recs``: the
    evidence's records, when already read."""
    comparison = parse_comparison(claim)
    if comparison is None or _kinds_claim(claim) is not None:
        recs = records(evidence) if recs is None else recs
        return (
            over_time(claim, recs)
            or growth_between(claim, recs)
            or lead(claim, recs)
            or gap_change(claim, recs)
            or overtaking(claim, recs)
            or every_month(claim, recs)
            or kinds_compare(claim, recs)
        )
    recs = records(evidence) if recs is None else recs
    exports = by_export(recs)
    if comparison.peers is not None:
        return next(
            (
                f
                for export in exports.values()
                if (f := against_peers(claim, comparison, export, headers, kind_of)) is not None
            ),
            None,
        )
    for groups in (False, True):
        for export in exports.values():
            together = bool(TOGETHER.search(claim))
            a = side_rows(comparison.a, export, groups, together, recs)
            b = (
                members(comparison.b, export) or None
                if comparison.each
                else side_rows(comparison.b, export, groups, together, recs)
            )
            if a is None or b is None or a == b:
                continue
            when = timing(claim, export[0].date, None)
            if when not in ("undated", "same"):
                continue  # a claim about another date than this snapshot's
            key = record_metric(comparison.metric + " " + claim, a + b)
            if key is None:
                continue
            found = _pair_stance(comparison, a, b, key)
            if found is None:
                continue
            stance, reason = found
            if stance == "refutes" and when == "undated" and past_undated(claim):
                return None  # "A had more X than B", no date: perhaps before this export
            cited = a + [r for r in b if r not in a]
            return stance, [r.evidence for r in cited], f"{key}: {reason}"
    return None


# "Among derivatives of the A models, adapters outnumber quantized versions", "A's adapters outnumber its
# quantizations", "A has more adapters than quantizations": two counts of one name's records
_KINDS_AMONG = re.compile(
    r"^(?:among|of|in)\s+(?:the\s+)?(?:derivatives?|derivative\s+models|models)\s+(?:of|built\s+on|based\s+on|"
    r"for)\s+(?:the\s+)?(?P<a>.+?),\s+(?:the\s+)?(?P<x>.+?)\s+(?P<verb>outnumber(?:s|ed)?|(?:are|were)\s+"
    r"(?:more|fewer)\s+(?:numerous\s+)?than|(?:are|were)\s+outnumbered\s+by)\s+(?:the\s+)?(?P<y>.+?)\.?$",
    re.I,
)
_KINDS_OWNED = re.compile(
    r"^(?:the\s+)?(?P<a>[A-Z].*?)['’]s?\s+(?P<x>[a-z][\w\s-]*?)\s+(?P<verb>outnumber(?:s|ed)?|(?:are|were)\s+"
    r"outnumbered\s+by)\s+(?:its|their|the|(?P=a)['’]s?)\s+(?P<y>[a-z][\w\s-]*?)\.?$"
)


def _kinds_claim(claim: str) -> tuple[str, str, str, bool] | None:
    """(name, more-counted words, fewer-counted words, undated-past?) for a claim that two counts of one
    name compare, or None."""
    text = " ".join(claim.split())
    m = _KINDS_AMONG.match(text) or _KINDS_OWNED.match(text)
    if m is not None:
        verb = m.group("verb").lower()
        x, y = m.group("x"), m.group("y")
        if "fewer" in verb or "outnumbered" in verb:
            x, y = y, x
        return m.group("a"), x, y, False
    c = parse_comparison(text)
    if c is None or c.peers is not None or c.times is not None or c.each or re.search(r"[A-Z0-9]", c.b):
        return None
    # "A has more adapters than quantizations": the second side is a kind of count, not a name
    return (c.a, c.metric, c.b, False) if c.more else (c.a, c.b, c.metric, False)


def kinds_compare(claim: str, recs: list[Record]) -> tuple[str, list[Evidence], str] | None:
    """Two counts of one name's records: "among the derivatives of A, adapters outnumber quantizations". From
    the name's own record, else its group's rows added up, in the newest export of the claim's date that
    has both counts."""
    found = _kinds_claim(claim)
    if found is None:
        return None
    name, more_words, fewer_words, _ = found
    for groups in (False, True):
        for export in by_export(recs).values():
            side = side_rows(side_name(name), export, groups, every=recs)
            if not side or timing(claim, side[0].date, None) not in ("undated", "same"):
                continue
            hi, lo = record_metric(more_words, side), record_metric(fewer_words, side)
            if hi is None or lo is None or hi == lo or field_window(hi) != field_window(lo):
                continue
            (hlo, hhi), (llo, lhi) = bounds_of(side, hi), bounds_of(side, lo)
            if hhi >= llo and lhi >= hlo:
                return None  # within the rounding of the figures
            holds = hlo > lhi
            if not holds and past_undated(claim) and timing(claim, side[0].date, None) == "undated":
                return None
            vh, vl = (sum(r.value(k) or 0.0 for r in side) for k in (hi, lo))
            reason = f"{side_name(name)}: {hi} {shown_total(side, hi, vh)}, {lo} {shown_total(side, lo, vl)}"
            return ("supports" if holds else "refutes"), [r.evidence for r in side], reason
    return None


# "At the end of September, A's lead over B in all-time downloads was about 75 million"
_LEAD = re.compile(
    r"^(?:.*?,\s+)?(?P<a>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s?\s+(?P<word>lead|advantage|deficit)\s+"
    r"(?:over|on|to|behind)\s+(?:the\s+)?(?P<b>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)\s+(?:in|on|for)\s+"
    r"(?P<metric>[a-z][\w\s-]*?)\s+(?:was|is|stood\s+at|came\s+to|amounted\s+to)\s+(?P<figure>.+?)"
    r"(?:\s+(?:at|on|in|by|as\s+of)\s+(?:the\s+)?(?:end\s+of\s+)?[A-Z0-9].*)?\.?$"
)


def lead(claim: str, recs: list[Record]) -> tuple[str, list[Evidence], str] | None:
    """The gap between two names' figures in one export: "A's lead over B in all-time downloads was about 75
    million" is A's figure less B's (587.4 less 512.4 million); "A's deficit to B" is B's less A's. A name
    behind has no lead: that refutes."""
    m = _LEAD.match(" ".join(claim.split()))
    figures = extract_quantities(m.group("figure")) if m else []
    if m is None or len(figures) != 1 or figures[0].kind != "count":
        return None
    for groups in (False, True):
        for export in by_export(recs).values():
            a, b = side_rows(m.group("a"), export, groups), side_rows(m.group("b"), export, groups)
            when = timing(claim, export[0].date, None)
            if a is None or b is None or a == b or when not in ("undated", "same"):
                continue
            key = record_metric(m.group("metric") + " " + claim, a + b)
            if key is None:
                continue
            (alo, ahi), (blo, bhi) = bounds_of(a, key), bounds_of(b, key)
            lo, hi = (alo - bhi, ahi - blo) if m.group("word") != "deficit" else (blo - ahi, bhi - alo)
            gap = Quantity(
                (lo + hi) / 2, "count", "eq", 0, 0, f"{(lo + hi) / 2:,.0f}", precision=(hi - lo) / 2
            )
            stance = "refutes" if hi <= 0 else compare(figures[0], gap)
            if stance == "unknown" or (stance == "refutes" and when == "undated" and past_undated(claim)):
                return None
            va, vb = (sum(r.value(key) or 0.0 for r in side) for side in (a, b))
            reason = (
                f"{key}: {shown_total(a, key, va)} against {shown_total(b, key, vb)}, a gap of {gap.text}"
            )
            return stance, [r.evidence for r in a + [r for r in b if r not in a]], reason
    return None


def sum_rows(
    claim: str, evidence: list[Evidence], recs: list[Record] | None = None
) -> tuple[str, list[Evidence], str] | None:
    """ "The Quill-3 models together had more than 280 million downloads": the sum of the group's rows in
    one export, compared with the claim's figure (see record_thresholds.threshold)."""
    if not TOGETHER.search(claim):
        return None
    for export in by_export(records(evidence) if recs is None else recs).values():
        found = threshold(claim, export, groups_only=True)
        if found is not None:
            return found
    return None
