"""When a claim is, against an export: the stretch of time a claim names (a quarter, a full date, a month or a
year), the period an export's header states, and how the two relate ("same", "later", "earlier", "undated"; None
where the export cannot speak to it). A snapshot is one day; a past-tense claim without a date may be about a
time before the export (past_undated), unless its window ends now ("in the last 30 days")."""

from __future__ import annotations

import re
from datetime import date

from assistant.verify.date_findings import MONTH_NAMES

PAST = re.compile(r"\b(?:was|were|had|ranked|did)\b", re.I)
# "in the last 30 days": a window that ends now, whatever the tense ("was downloaded ... in the last 30 days")
_TO_NOW = re.compile(r"\b(?:in|over|during)\s+the\s+(?:last|past)\s+(?:\d+|seven|thirty)\s+days\b", re.I)


def past_undated(claim: str) -> bool:
    """Past tense with no date: the claim may be about a time before the export. Not a window that ends now."""
    return bool(PAST.search(claim)) and not _TO_NOW.search(claim)


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
QUARTER = re.compile(
    r"\b(?:Q(?P<q>[1-4])\s*(?P<y>\d{4})|(?P<qw>first|second|third|fourth)\s+quarter\s+(?:of\s+)?(?P<y2>\d{4}))\b",
    re.I,
)
MONTHS = tuple(MONTH_NAMES)
_MONTH_YEAR = re.compile(r"\b(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.I)
_FULL_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.I)
_YEAR = re.compile(r"\b(?:in|during|of)\s+((?:19|20)\d\d)\b")


# --- when -----------------------------------------------------------------------------------------------


def _day(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(iso).toordinal() if iso else None
    except ValueError:
        return None


def named_span(claim: str) -> tuple[int, int, str, str] | None:
    """Where the claim names a stretch of time (start and end of the words), and its first and last day."""
    try:
        m = QUARTER.search(claim)
        if m:
            q = int(m.group("q")) if m.group("q") else ORDINALS[m.group("qw").lower()]
            y = int(m.group("y") or m.group("y2"))
            end = date(y + q // 4, q % 4 * 3 + 1, 1).toordinal() - 1
            return m.start(), m.end(), date(y, 3 * q - 2, 1).isoformat(), date.fromordinal(end).isoformat()
        m = _FULL_DATE.search(claim)
        if m:
            iso = date(int(m.group(3)), MONTHS.index(m.group(2).lower()) + 1, int(m.group(1))).isoformat()
            return m.start(), m.end(), iso, iso
        m = _MONTH_YEAR.search(claim)
        if m:
            y, mo = int(m.group(2)), MONTHS.index(m.group(1).lower()) + 1
            end = date(y + mo // 12, mo % 12 + 1, 1).toordinal() - 1
            return m.start(), m.end(), date(y, mo, 1).isoformat(), date.fromordinal(end).isoformat()
    except (ValueError, OverflowError):
        return None  # "31 April", "0 March", a year past 9999: no stretch of time
    m = _YEAR.search(claim)
    if m:
        return m.start(), m.end(), f"{m.group(1)}-01-01", f"{m.group(1)}-12-31"
    return None


def claim_span(claim: str) -> tuple[str, str] | None:
    """The stretch of time a claim names: a quarter, a full date, a month or a year (first and last day); None
    when it names none, or a day that does not exist."""
    span = named_span(claim)
    return (span[2], span[3]) if span else None


def export_period(header: str) -> tuple[str, str] | None:
    """ "period: 2025-07-01/2025-09-30" in an export's header."""
    m = re.search(r"period[\w.]*: (\d{4}-\d\d-\d\d)\s*(?:/|to|–|--)\s*(\d{4}-\d\d-\d\d)", header, re.I)
    return (m.group(1), m.group(2)) if m else None


def timing(claim: str, snapshot: str | None, period: tuple[str, str] | None) -> str | None:
    """How the claim's time relates to the export: "undated", "same", "later", "earlier", or None when the
    export cannot speak to it (a named period it does not cover)."""
    span = claim_span(claim)
    if span is None:
        return "undated"
    lo, hi = _day(span[0]), _day(span[1])
    if period is not None:
        plo, phi = _day(period[0]), _day(period[1])
        if lo is None or plo is None or hi is None or phi is None:
            return None
        # the claim's stretch is the export's period, or lies inside it ("in August 2025" of Q3)
        return "same" if plo <= lo and hi <= phi else None
    snap = _day(snapshot)
    if snap is None or lo is None or hi is None:
        return None
    if hi - lo > 31:  # a year or a quarter: a snapshot is one day, it does not speak for a whole period
        return "same" if hi >= snap >= hi - 3 else None
    if abs(hi - snap) <= 3:
        return "same"
    return "later" if hi > snap else "earlier"
