"""Claims over two snapshots, each side read from the export of its date: one name's figure higher at one date
than at another, its growth by a fraction of itself, the gap between two names cut or widened by a fraction,
and "A overtook B" (behind at the first date, ahead at the second; "has overtaken" without dates: across the
exports, newest first)."""

from __future__ import annotations

import re
from itertools import pairwise

from assistant.retrieve.evidence import Evidence
from assistant.verify.alignment import compare
from assistant.verify.claims import entities
from assistant.verify.periods import MONTH_PATTERN
from assistant.verify.quantities import extract_quantities, fraction_percent
from assistant.verify.quantity import Quantity
from assistant.verify.record_coverage import names
from assistant.verify.record_when import claim_span, timing
from assistant.verify.records import Record, by_export, field_window, find, members, number, only_grows
from assistant.verify.records import metric as record_metric
from assistant.verify.table_claims import RATIO_BOUND
from assistant.verify.table_sides import bounds_of, shown_total, side_rows

# "A's downloads over the previous 30 days were higher at the end of June 2025 than at the end of March 2025"
_OVER_TIME = re.compile(
    r"^(?P<subject>.+?)\s+(?:was|were|is|are|stood)\s+(?P<dir>higher|greater|larger|more|lower|smaller|less|fewer)\s+"
    r"(?P<t2>(?:at|on|in|by|as\s+of)\s+.+?)\s+than\s+(?P<t1>(?:at|on|in|by|as\s+of)\s+.+?)\.?$",
    re.I,
)


def _at_date(
    name: str, words: str, when: str, exports: list[list[Record]]
) -> tuple[list[Record], str] | None:
    """The records about ``name`` (its own record, else its group's rows) in the export whose snapshot is the
    date ``when`` names, and the field the words count."""
    for groups in (False, True):
        for export in exports:
            if timing(when, export[0].date, None) != "same":
                continue
            side = side_rows(name, export, groups)
            key = record_metric(words, side) if side else None
            if side and key:
                return side, key
    return None


def over_time(claim: str, recs: list[Record]) -> tuple[str, list[Evidence], str] | None:
    """One name's figure at two dates, each from the export of that date: "A's downloads over the previous 30
    days were higher at the end of June than at the end of March" (a 30-day count can fall, so only the two
    snapshots decide)."""
    m = _OVER_TIME.match(" ".join(claim.split()))
    if m is None:
        return None
    subject = m.group("subject")
    found = [n for n in names(subject) if not re.fullmatch(r"\d{4}", n)]
    if len(found) != 1 or claim_span(m.group("t1")) is None or claim_span(m.group("t2")) is None:
        return None
    exports = list(by_export(recs).values())
    first, last = (_at_date(found[0], subject, m.group(t), exports) for t in ("t1", "t2"))
    if first is None or last is None or field_window(first[1]) != field_window(last[1]):
        return None
    (lo1, hi1), (lo2, hi2) = bounds_of(*first), bounds_of(*last)
    up = m.group("dir").lower() in ("higher", "greater", "larger", "more")
    if lo2 > hi1 or hi2 < lo1:
        holds = (lo2 > hi1) == up
    else:
        return None  # within the rounding of the figures
    v1, v2 = (sum(r.value(key) or 0.0 for r in rows) for rows, key in (first, last))
    reason = (
        f"{found[0]}: {first[1]} {shown_total(first[0], first[1], v1)} ({first[0][0].date}), "
        f"{last[1]} {shown_total(last[0], last[1], v2)} ({last[0][0].date})"
    )
    cited = [r.evidence for r in first[0] + last[0]]
    return ("supports" if holds else "refutes"), cited, reason


# "A cut its all-time download deficit to B by more than half between the end of June and the end of October"
_GAP_WORD = re.compile(r"\b(?:deficit|gap|lead)\b", re.I)
_NARROWS = re.compile(r"\b(?:cut|cutting|cuts|narrow\w*|clos(?:e|ed|es|ing)|shr[aiu]nk\w*|reduc\w*)\b", re.I)
_WIDENS = re.compile(r"\b(?:widen\w*|extend\w*|increas\w*|grew|grow\w*)\b", re.I)
_BY_FRACTION = re.compile(
    r"\bby\s+(?:(?P<cmp>more than|over|at least|nearly|almost|about|around|roughly|less than|under)\s+)?"
    r"(?P<frac>half|(?:a|one)\s+(?:third|quarter|fifth|tenth)|two[ -]thirds|three[ -]quarters|(?:two|three)[ -]fifths|"
    r"\d+(?:\.\d+)?\s*(?:%|percent))",
    re.I,
)
_BETWEEN = re.compile(r"\bbetween\s+(?P<t1>.+?)\s+and\s+(?P<t2>.+?\b(?:19|20)\d\d)\b", re.I)


# "between the June and October snapshots": two exports named by their months alone
_BETWEEN_SNAPSHOTS = re.compile(
    r"\bbetween\s+the\s+(?P<t1>[A-Z][a-z]+)\s+and\s+(?:the\s+)?(?P<t2>[A-Z][a-z]+)\s+(?:[\w-]+\s+)?(?:snapshots|exports)\b"
)


def _sides_between(text: str, span: re.Match, found: list[str], recs: list[Record]) -> list[list] | None:
    """Each name's rows and field at each date of "between T1 and T2", from the export of that date (T1 takes
    T2's year when it names none: "between June and October 2026"; two snapshots named by their months alone
    are of the newest export's year); None when a date or a side is missing."""
    return _sides_at(text, span.group("t1"), span.group("t2"), found, recs)


def _sides_at(text: str, t1: str, t2: str, found: list[str], recs: list[Record]) -> list[list] | None:
    if not re.search(r"\b(?:19|20)\d\d\b", t2):
        newest = max((r.date or "" for r in recs), default="")
        if not newest:
            return None
        t2 += " " + newest[:4]
    if not re.search(r"\b(?:19|20)\d\d\b", t1):
        t1 += " " + re.findall(r"\b(?:19|20)\d\d\b", t2)[-1]
    if claim_span(t1) is None or claim_span(t2) is None:
        return None
    exports = list(by_export(recs).values())
    sides = [[_at_date(name, text, when, exports) for name in found] for when in (t1, t2)]
    return None if any(x is None for pair in sides for x in pair) else sides


def gap_change(claim: str, recs: list[Record]) -> tuple[str, list[Evidence], str] | None:
    """The gap between two names' figures at two snapshots, each from the export of its date: "A cut its
    all-time download deficit to B by more than half between the end of June and the end of October". Only
    a change by a fraction of the first gap is read, and only where both snapshots rank the two the same way
    (a deficit that turned into a lead is no cut deficit)."""
    text = " ".join(claim.split())
    by, span = _BY_FRACTION.search(text), _BETWEEN.search(text)
    narrows, widens = bool(_NARROWS.search(text)), bool(_WIDENS.search(text))
    if not _GAP_WORD.search(text) or by is None or span is None or narrows == widens:
        return None
    # "gained ground on B": here "on" introduces a rival, not the platform names() leaves out; a name counts
    # when the records hold it
    found = [n for n in entities(text) if find(n, recs) or members(n, recs)]
    if len(found) != 2:
        return None
    sides = _sides_between(text, span, found, recs)
    if sides is None:
        return None
    keys = {key for pair in sides for _, key in pair}  # type: ignore[misc]
    if len(keys) != 1:
        return None
    (key,) = keys
    gaps = []
    for pair in sides:
        (a, _), (b, _) = pair  # type: ignore[misc]
        gaps.append(sum(r.value(key) or 0.0 for r in b) - sum(r.value(key) or 0.0 for r in a))
    if gaps[0] == 0 or (gaps[0] > 0) != (gaps[1] > 0):
        return None
    word = _GAP_WORD.search(text).group(0).lower()  # type: ignore[union-attr]
    if (word == "deficit" and gaps[0] < 0) or (word == "lead" and gaps[0] > 0):
        return None  # the first name's deficit while it leads (or its lead while behind): not what the claim says
    change = 100.0 * (abs(gaps[0]) - abs(gaps[1])) / abs(gaps[0])
    if widens:
        change = -change
    claimed = _claimed_fraction(by)
    if claimed is None:
        return None
    stance = compare(claimed, Quantity(change, "percent", "eq", 0, 0, f"{change:.1f}%", precision=0.05))
    if stance == "unknown":
        return None
    cited = [r.evidence for pair in sides for rows, _ in pair for r in rows]  # type: ignore[misc]
    reason = f"{key}: gap {abs(gaps[0]):,.0f} then {abs(gaps[1]):,.0f}, {'narrowed' if change >= 0 else 'widened'} by {abs(change):.1f}%"
    return stance, cited, reason


def _claimed_fraction(by: re.Match) -> Quantity | None:
    """The change a claim names "by" ("by more than a quarter", "by 20 percent"), in percent, with its bound."""
    frac = by.group("frac").lower()
    fraction = fraction_percent(frac)
    value = fraction or number(re.sub(r"\s*(?:%|percent)$", "", frac))
    if value is None:
        return None
    bound = RATIO_BOUND.get((by.group("cmp") or "").lower(), "eq")
    return Quantity(value, "percent", bound, 0, 0, frac, precision=2.5 if fraction else 0.5)


# "A's all-time downloads grew by more than a quarter between the end of June and the end of September"
_GROWTH = re.compile(r"\b(?:grew|grown|grows|rose|risen|rises|increased|increases|climbed|climbs)\b", re.I)
_DECLINE = re.compile(
    r"\b(?:fell|fallen|falls|dropped|drops|declined|declines|decreased|decreases|shrank)\b", re.I
)


# "more than doubled", "nearly tripled": a growth by a whole multiple of the first level
_MULTIPLIED = re.compile(
    r"\b(?:(?P<cmp>more than|nearly|almost|roughly|about|at least)\s+)?(?P<verb>doubled|tripled|trebled|quadrupled)\b",
    re.I,
)
_TIMES = {"doubled": 100.0, "tripled": 200.0, "trebled": 200.0, "quadrupled": 300.0}
# "grew by more than 30,000": a change by a count, not a fraction
_BY_COUNT = re.compile(
    r"\bby\s+(?P<figure>(?:(?:more|fewer|less)\s+than|over|under|at\s+least|about|around|roughly|nearly|almost)?\s*[\d,.]+(?:\s+(?:thousand|million|billion))?)(?!\s*(?:%|percent|per\s+cent|points?))\b",
    re.I,
)


def _claimed_change(text: str) -> tuple[Quantity, bool] | None:
    """The change a growth claim names: (the claimed change, relative?). "By more than a quarter" and "more
    than doubled" are relative (percent of the first level), "by more than 30,000" absolute."""
    by = _BY_FRACTION.search(text)
    if by is not None:
        claimed = _claimed_fraction(by)
        return (claimed, True) if claimed else None
    m = _MULTIPLIED.search(text)
    if m is not None:
        bound = RATIO_BOUND.get((m.group("cmp") or "").lower(), "eq")
        value = _TIMES[m.group("verb").lower()]
        return Quantity(value, "percent", bound, 0, 0, m.group(0), precision=2.5), True
    m = _BY_COUNT.search(text)
    if m is not None:
        figures = extract_quantities(m.group("figure"))
        if len(figures) == 1 and figures[0].kind == "count":
            return figures[0], False
    return None


def growth_between(claim: str, recs: list[Record]) -> tuple[str, list[Evidence], str] | None:
    """One name's figure changed between two dates, each read from the export of its date: by a fraction of
    itself ("A's all-time downloads grew by more than a quarter between the end of June and the end of
    September": 402.9 then 512.4 million, 27.2 percent; "more than doubled") or by a count ("the number of A
    derivatives grew by more than 30,000"). A change between two rivals is gap_change's."""
    text = " ".join(claim.split())
    multiplied = _MULTIPLIED.search(text) is not None
    up, down = bool(_GROWTH.search(text)) or multiplied, bool(_DECLINE.search(text))
    span = _BETWEEN.search(text) or _BETWEEN_SNAPSHOTS.search(text)
    claimed_change = _claimed_change(text)
    if up == down or claimed_change is None or span is None or _GAP_WORD.search(text):
        return None
    found = [n for n in entities(text) if find(n, recs) or members(n, recs)]
    if len(found) != 1:
        return None
    sides = _sides_between(text, span, found, recs)
    if sides is None:
        return None
    ((first, key1),), ((last, key2),) = sides  # type: ignore[misc]
    # a family's own record at one date, its rows added up at the other: one field's words, one period
    if key1 != key2 and (
        field_window(key1) != field_window(key2) or not (only_grows(key1) and only_grows(key2))
    ):
        return None
    v1, v2 = sum(r.value(key1) or 0.0 for r in first), sum(r.value(key2) or 0.0 for r in last)
    claimed, relative = claimed_change
    if v1 <= 0:
        return None
    sign = 1 if up else -1
    if relative:
        change = 100.0 * (v2 - v1) / v1 * sign
        found_change = Quantity(change, "percent", "eq", 0, 0, f"{change:.1f}%", precision=0.05)
        shown = f"{change:+.1f}%"
    else:
        change = (v2 - v1) * sign
        slack = sum(
            bounds_of(rows, k)[1] - sum(r.value(k) or 0.0 for r in rows)
            for rows, k in ((first, key1), (last, key2))
        )
        found_change = Quantity(change, "count", "eq", 0, 0, f"{change:,.0f}", precision=slack)
        shown = f"{change:+,.0f}"
    stance = compare(claimed, found_change)
    if stance == "unknown":
        return None
    reason = f"{found[0]}: {key1} {shown_total(first, key1, v1)} then {key2} {shown_total(last, key2, v2)}, {shown}"
    return stance, [r.evidence for r in first + last], reason


# "A overtook B in all-time downloads between the end of June and the end of October"
_OVERTOOK = re.compile(
    r"\b(?:overtook|overtakes|has\s+overtaken|had\s+overtaken|surpassed|has\s+surpassed|pulled\s+ahead\s+of|"
    r"moved\s+ahead\s+of|went\s+ahead\s+of)\b",
    re.I,
)


# "A overtook B in September 2026": behind at the end of August, ahead at the end of September
_IN_MONTH = re.compile(rf"\bin\s+(?P<month>{MONTH_PATTERN})\s+(?P<year>(?:19|20)\d\d)\b")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _month_ends(m: re.Match) -> tuple[str, str]:
    """ "in September 2026" -> ("the end of August 2026", "the end of September 2026"): a change within a
    month is read between the month before's last snapshot and its own."""
    month, year = _MONTHS.index(m.group("month")), int(m.group("year"))
    before = f"the end of {_MONTHS[month - 1]} {year - 1 if month == 0 else year}"
    return before, f"the end of {m.group('month')} {year}"


def overtaking(claim: str, recs: list[Record]) -> tuple[str, list[Evidence], str] | None:
    """ "A overtook B in X between T1 and T2": A behind B in the export of T1 and ahead in that of T2 supports;
    A still behind at T2 refutes. A ahead at both says nothing certain (it may have fallen back and overtaken
    again), and the rounding of the figures must not decide."""
    text = " ".join(claim.split())
    verb, span = _OVERTOOK.search(text), _BETWEEN.search(text)
    if verb is None:
        return None
    found = [n for n in entities(text) if find(n, recs) or members(n, recs)]
    if len(found) != 2 or text.find(found[0]) > verb.start() or text.find(found[1]) < verb.end():
        return None
    month = _IN_MONTH.search(text)
    if span is None and month is None:
        return _has_overtaken(text, verb.group(0), found, recs)
    sides = (
        _sides_between(text, span, found, recs) if span else _sides_at(text, *_month_ends(month), found, recs)
    )
    if sides is None:
        return None
    # each date compares the two names on one field (a family's record at one date, its rows at another), and
    # the fields of both dates count the same period
    keys = [{key for _, key in pair} for pair in sides]  # type: ignore[misc]
    if any(len(k) != 1 for k in keys) or len({field_window(next(iter(k))) for k in keys}) != 1:
        return None
    ahead = []  # per date: True when A is ahead, False when behind, None within the rounding
    for pair in sides:
        (a, key), (b, _) = pair  # type: ignore[misc]
        (alo, ahi), (blo, bhi) = bounds_of(a, key), bounds_of(b, key)
        ahead.append(True if alo > bhi else False if ahi < blo else None)
    if ahead[1] is False:
        stance = "refutes"
    elif ahead == [False, True]:
        stance = "supports"
    else:
        return None
    cited = [r.evidence for pair in sides for rows, _ in pair for r in rows]  # type: ignore[misc]
    shown = [
        f"{found[0]} {sum(r.value(k) or 0.0 for r in a):,.0f} vs {found[1]} {sum(r.value(k) or 0.0 for r in b):,.0f} "
        f"({a[0].date}, {k})"
        for (a, k), (b, _) in sides  # type: ignore[misc]
    ]
    return stance, cited, "; ".join(shown)


def _has_overtaken(
    text: str, verb: str, found: list[str], recs: list[Record]
) -> tuple[str, list[Evidence], str] | None:
    """ "A has overtaken B", no dates: A must be ahead in the newest export that has both (behind there
    refutes), and behind in an older one (else the exports do not show the overtaking)."""
    if not verb.lower().startswith("has") or claim_span(text) is not None:
        return None
    seen = []  # (ahead?, rows, date), newest export first
    for export in by_export(recs).values():
        a = side_rows(found[0], export, False) or side_rows(found[0], export, True)
        b = side_rows(found[1], export, False) or side_rows(found[1], export, True)
        key = record_metric(text, (a or []) + (b or [])) if a and b else None
        if key is None or not only_grows(key):
            continue
        (alo, ahi), (blo, bhi) = bounds_of(a, key), bounds_of(b, key)  # type: ignore[arg-type]
        ahead = True if alo > bhi else False if ahi < blo else None
        va, vb = (sum(r.value(key) or 0.0 for r in side) for side in (a, b))  # type: ignore[union-attr]
        seen.append((ahead, a + b, f"{found[0]} {va:,.0f} vs {found[1]} {vb:,.0f} ({export[0].date}, {key})"))  # type: ignore[operator]
    if not seen or seen[0][0] is None:
        return None
    if seen[0][0] is False:
        return "refutes", [r.evidence for r in seen[0][1]], seen[0][2]
    earlier = next((s for s in seen[1:] if s[0] is False), None)
    if earlier is None:
        return None
    return "supports", [r.evidence for r in seen[0][1] + earlier[1]], f"{seen[0][2]}; {earlier[2]}"


# "A's monthly downloads slipped every month from July to October 2026": one name's figure at each month's end
_EVERY_MONTH = re.compile(
    r"\b(?P<verb>rose|grew|increased|climbed|fell|slipped|declined|dropped|decreased|shrank)\s+(?:in\s+)?"
    rf"every\s+month\s+(?:from|between)\s+(?P<m1>{MONTH_PATTERN})\s+(?:to|and|through|until)\s+"
    rf"(?P<m2>{MONTH_PATTERN})\s+(?P<year>(?:19|20)\d\d)\b"
)
_FALLING = re.compile(r"fell|slipped|declined|dropped|decreased|shrank", re.I)


def every_month(claim: str, recs: list[Record]) -> tuple[str, list[Evidence], str] | None:
    """A change in each month of a span, from the exports of each month's end: "slipped every month from July
    to October" holds when each month's figure is below the month before's (July's, August's, September's);
    one month the other way (beyond the rounding) refutes; a month without its export leaves it open."""
    text = " ".join(claim.split())
    m = _EVERY_MONTH.search(text)
    if m is None:
        return None
    found = [n for n in entities(text[: m.start()]) if find(n, recs) or members(n, recs)]
    first, last = _MONTHS.index(m.group("m1")), _MONTHS.index(m.group("m2"))
    if len(found) != 1 or last <= first:
        return None
    exports = list(by_export(recs).values())
    series = [
        _at_date(found[0], text[: m.start()], f"the end of {_MONTHS[i]} {m.group('year')}", exports)
        for i in range(first, last + 1)
    ]
    if any(x is None for x in series) or len({field_window(k) for _, k in series}) != 1:  # type: ignore[misc]
        return None
    down = bool(_FALLING.fullmatch(m.group("verb")))
    bounds = [bounds_of(rows, key) for rows, key in series]  # type: ignore[misc]
    steps = []  # per month: True when it moved the claimed way, False the other way, None within the rounding
    for (lo1, hi1), (lo2, hi2) in pairwise(bounds):
        fell, rose = hi2 < lo1, lo2 > hi1
        steps.append(None if not (fell or rose) else fell == down)
    if False in steps:
        stance = "refutes"
    elif all(steps):
        stance = "supports"
    else:
        return None
    values = [sum(r.value(k) or 0.0 for r in rows) for rows, k in series]  # type: ignore[misc]
    reason = f"{found[0]}: {series[0][1]} " + ", ".join(f"{v:,.0f}" for v in values)  # type: ignore[index]
    return stance, [r.evidence for rows, _ in series for r in rows], reason  # type: ignore[misc]
