"""Figures about one named thing: which number in which sentence (or statistics record) counts what, for whom,
when and over which period. Claims that need two figures (comparisons between two names, changes between two
dates) are judged on what this module finds; see assistant/verify/compare.py.

A number belongs to a name when the clause it stands in names that thing and no sibling of it closer by
("about 14 trillion tokens, roughly three times the data used for Quill-2" is Quill-3's when the clause
opens with Quill-3). Clauses are cut at the words that set two figures side by side ("compared with",
"against", "while", "up from"), so "A had 41.6 million, compared with 38.2 million for B" gives each name its
own number. The second number of such a pair has often no noun of its own; it counts what the first one counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from assistant.retrieve.evidence import Evidence
from assistant.verify.date_findings import MONTH_NAMES
from assistant.verify.findings import has
from assistant.verify.names import name_pattern
from assistant.verify.periods import MONTH_PATTERN as _MONTH
from assistant.verify.periods import window
from assistant.verify.quantities import extract_quantities
from assistant.verify.quantity import Quantity, figure_stem
from assistant.verify.records import WINDOW as RECORD_WINDOW
from assistant.verify.records import field_window
from assistant.verify.records import metric as record_metric
from assistant.verify.records import parse as parse_record
from assistant.verify.records import precision as field_precision
from ingest.metadata import find_dates

# Words that set two figures side by side, and so end one figure's clause.
_SPLIT = re.compile(
    r";|,?\s+(?:compared (?:with|to)|as against|against|versus|vs\.?|while|whereas|but|up from|down from)\s+",
    re.I,
)
# Metric words that say nothing about what is counted ("derivative model count" counts derivatives).
GENERIC = frozenset(
    [
        "model",
        "models",
        "number",
        "count",
        "counts",
        "total",
        "totals",
        "figure",
        "figures",
        "amount",
        "times",
        "time",
        "tim",
        "family",
        "families",
        "open",
        "public",
        "cumulative",
        "overall",
        "all-time",
        "based",
        "of",
        "the",
        "a",
        "an",
        "on",
        "in",
        "at",
        "for",
        "its",
        "their",
    ]
)
# A number followed by one of these has no counted noun of its own ("38.2 million for B", "52,300 based on B").
_NO_NOUN = re.compile(
    r"\s*(?:[,;.)]|$|for\b|based\b|according\b|in\b|on\b|at\b|by\b|from\b|to\b|respectively\b|each\b|"
    r"[A-Z])"
)


@dataclass
class Figure:
    owner: str  # the name it is about, or OTHER: a named thing that is none of those asked about
    quantity: Quantity
    evidence: Evidence
    when: str | None  # ISO date the figure was true
    window: str | None  # the period it counts over, None for a total


OTHER = "<other>"


def _prefix(word: str) -> str:
    """A word's first five letters, after any prefix part ("pre-trained" and "trained" are one word here), of its
    stem ("rate" and "rated" are one word too: the figures' context words are stems)."""
    return figure_stem(word.lower().rsplit("-", 1)[-1])[:5]


def metric_words(metric: str) -> set[str]:
    """The words of a metric that say what is counted, as 5-letter prefixes ("derivative model count" -> deriv)."""
    words = re.findall(r"[A-Za-z][\w-]*", metric)
    return {_prefix(w) for w in words if w.lower() not in GENERIC and not w[0].isupper() and len(w) > 2}


def _counts(q: Quantity, wanted: set[str]) -> bool:
    """Does the number count the metric: every metric word near it, and its own noun, if any, among them?"""
    have = {_prefix(w) for w in q.context} | ({_prefix(q.head)} if q.head else set())
    own_noun = q.head is None or _prefix(q.head) in wanted or q.head in GENERIC  # "41.6 million times"
    return bool(wanted) and wanted <= have and own_noun


# --- dates -----------------------------------------------------------------------------------------------


def _last_day(year: int, month: int) -> str:
    return (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).isoformat()


def _year_of(month: int, written: str | None, own: str) -> int:
    if written:
        return int(written)
    return int(own[:4]) if month <= int(own[5:7]) else int(own[:4]) - 1


def _days_named(text: str, own: str) -> list[str]:
    """ "on 10 February", "May 4": a day without a year takes the document's year (or the year before, if the
    month is later than the document's)."""
    out = []
    pattern = rf"\b(\d{{1,2}})\s+{_MONTH}(?:\s+(\d{{4}}))?\b|\b{_MONTH}\s+(\d{{1,2}})\b(?!,?\s*\d{{4}})"
    for m in re.finditer(pattern, text):
        day, name, written = (
            (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), None)
        )
        month = MONTH_NAMES.index(name.lower()) + 1
        try:
            out.append(date(_year_of(month, written, own), month, int(day)).isoformat())
        except ValueError:
            continue
    return out


def _months_named(text: str, own: str, within: bool = True) -> list[str]:
    """ "the end of October 2025", and with ``within`` also "in January": the month's last day."""
    out = []
    lead = r"[Ii]n|end of|for" if within else r"end of"
    for m in re.finditer(rf"\b(?:{lead})\s+(?:the\s+)?{_MONTH}(?:\s+(\d{{4}}))?\b", text):
        month = MONTH_NAMES.index(m.group(1).lower()) + 1
        try:
            out.append(_last_day(_year_of(month, m.group(2), own), month))
        except (ValueError, OverflowError):
            continue  # "December 9999": no day after it
    return out


def figure_date(ev: Evidence, clause: str) -> str | None:
    """When a figure was true: a date in its own clause ("in January", "the end of October", "as of 31 August
    2025"), else a day or a month's end named in its sentence ("on 10 February"; "in May" there may be another
    figure's),
    else the document's date. A statistics record is true on its export's date (its own date fields are release
    dates and the like)."""
    own = ev.date
    if ev.passage.unit in ("row", "record") or not own:
        return own
    for text, within in ((clause, True), (ev.text, False)):
        dates = (
            [iso for _, iso in find_dates(text)] + _days_named(text, own) + _months_named(text, own, within)
        )
        past = [d for d in dates if d <= own]
        if past:
            return max(past)
    return own


# --- whose figure ----------------------------------------------------------------------------------------


def _mentions(clause: str, names: list[str]) -> list[tuple[int, str]]:
    """(position, name) for each of the names in the clause, and (position, OTHER) for a sibling of one of them
    ("Quill-2" beside "Quill-3"; "Quill-3-8B" beside the family "Quill")."""
    out = []
    for name in names:
        for m in re.finditer(name_pattern(re.escape(name)), clause, re.I):
            out.append((m.start(), name))
    named_at = {pos for pos, _ in out}
    for name in names:
        stem = re.split(r"[-\s]", name)[0]
        for m in re.finditer(rf"(?<![\w-]){re.escape(stem)}-[\w.]+(?:-[\w.]+)*", clause):
            if m.start() not in named_at:
                out.append((m.start(), OTHER))
    return sorted(set(out))


_NAME = re.compile(r"\b[A-Z][\w'’.-]*[A-Za-z0-9]")


def _owner(clause: str, at: int, names: list[str]) -> str | None:
    """The name a number at ``at`` in the clause belongs to: the nearest one before it, else the nearest after.
    OTHER when the clause names something else and none of the names; None when it names nothing."""
    found = _mentions(clause, names)
    before = [n for pos, n in found if pos < at]
    if before:
        return before[-1]
    if found:
        return found[0][1]
    others = [m for m in _NAME.finditer(clause) if m.start() > 0 and not re.fullmatch(_MONTH, m.group(0))]
    return OTHER if others else None


def _clauses(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in _SPLIT.finditer(text):
        out.append((start, text[start : m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return out


# What a clause says after "since" or about a release date is not when its figure was true, nor its period
# ("more than 350 million times since the first release in October 2021").
_NOT_WHEN = re.compile(
    r"\bsince\b.*$|\b(?:released|launched|published|founded|introduced|announced|debuted)\s+(?:on|in)\s+"
    rf"(?:\d{{1,2}}\s+)?{_MONTH}(?:\s+\d{{1,2}},?)?(?:\s+\d{{4}})?",
    re.I,
)


def prose_figures(ev: Evidence, names: list[str], metric: str, verbs: str = "") -> list[Figure]:
    """The sentence's figures for the metric, each with its owner. ``verbs`` are words the claim counts with
    ("trained" in "trained on more tokens"): a figure must have them near it too (a context window of a million
    tokens is no training data)."""
    wanted = metric_words(metric) | metric_words(verbs)
    quantities = [q for q in extract_quantities(ev.text) if q.kind in ("count", "percent", "points")]
    counted = [q for q in quantities if _counts(q, wanted)]
    if not counted:
        return []
    clauses = _clauses(ev.text)
    out: list[Figure] = []
    for q in quantities:
        offset, clause = next((o, c) for o, c in reversed(clauses) if o <= q.start)
        owner = _owner(clause, q.start - offset, names)
        if owner is None:
            continue
        when_said = _NOT_WHEN.sub(" ", clause)
        first = [f for f in out if f.quantity.kind == q.kind and f.quantity.start < offset]
        if first and not _dated(when_said) and window(when_said) is None:
            # the second of two figures set side by side is true when the first is, over the same period
            # ("in March, A had 12.5 million, compared with 14.1 million for B"); with no noun of its own, it
            # counts what the first counts
            if q in counted or _NO_NOUN.match(ev.text[q.end :]):
                out.append(Figure(owner, q, ev, first[-1].when, first[-1].window))
        elif q in counted:
            out.append(Figure(owner, q, ev, figure_date(ev, when_said), window(when_said)))
    return out


def _dated(clause: str) -> bool:
    return bool(
        find_dates(clause) or _days_named(clause, "2000-12-31") or _months_named(clause, "2000-12-31")
    )


def record_figures(ev: Evidence, names: list[str], metric: str, claim: str) -> list[Figure]:
    """A statistics record's figure for the metric: its own name's (or OTHER's, for another record of the same
    kind), read from the field the metric words name (verify/records.py)."""
    record = parse_record(ev)
    field = record_metric(metric, [record], window=bool(RECORD_WINDOW.search(claim))) if record.name else None
    value = record.value(field) if field else None
    if record.name is None or field is None or value is None:
        return []
    owner = next((n for n in names if record.is_(n)), OTHER)
    shown = record.fields[field]
    quantity = Quantity(
        value, "count", "eq", 0, 0, f"{field}: {shown}", precision=field_precision(shown, field)
    )
    return [Figure(owner, quantity, ev, ev.date, field_window(field))]


_NOT_FACT = ("rumour", "hedged", "question")


def find_figures(
    evidence: list[Evidence], names: list[str], metric: str, claim: str, verbs: str = ""
) -> list[Figure]:
    """Every figure for the metric in the evidence, with whose it is. Rumours, hedges and questions give none."""
    out: list[Figure] = []
    for ev in evidence:
        if any(has(ev, k) for k in _NOT_FACT):
            continue
        if ev.passage.unit in ("row", "record"):
            out += record_figures(ev, names, metric, claim)
        else:
            out += prose_figures(ev, names, metric, verbs)
    return out
