"""The period a figure counts over: "on its first day", "in its first seven days", "each month", "in January".
A figure for one period says nothing about another ("2 million in the first week" is no figure for day one)."""

from __future__ import annotations

import re

MONTH_PATTERN = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH = MONTH_PATTERN

# Periods a figure can count over. A figure for a week says nothing about a day; a monthly figure nothing about
# the all-time total. Order matters: the first family that matches names the period.
_NOT_RELATIVE = r"(?!\s+(?:after|before|later|earlier|ago)\b)"  # "a week after the launch" is no period
_WINDOWS = [
    ("rate", r"per (?:second|minute|hour)\b|\bper sec\b"),
    ("day", rf"\b(?:first|one|a|per|each|single)[- ]day\b{_NOT_RELATIVE}|\bdaily\b|\b24 hours\b|\bday one\b"),
    # "first-week downloads" count over the first week as "in its first week" does
    ("week", rf"\b(?:first|one|a|per|each)[- ]week\b{_NOT_RELATIVE}|\b(?:seven|7) days\b|\bweekly\b"),
    (
        "month",
        rf"\b(?:first|one|a|per|each|every|single)[- ]month\b{_NOT_RELATIVE}|\bmonthly\b|\b(?:30|thirty) days\b|"
        rf"\b30d\b|\b[Ii]n {_MONTH}\b",
    ),
    # a named quarter ("the third quarter", "third-quarter revenue", "Q3") is a quarter's figure, not the year's
    (
        "quarter",
        # "a quarter of a billion", "a quarter of the downloads": a fraction, no quarter of a year
        rf"\b(?:a|per|each) quarter\b{_NOT_RELATIVE}(?!\s+of\b(?!\s+the\s+year\b))|\bquarterly\b|"
        # an export's field name too ("downloads_q3_2026_millions": "_" is a word character, so no \b)
        r"\b(?:first|second|third|fourth|final|1st|2nd|3rd|4th)[- ]quarter\b|(?<![A-Za-z0-9])[Qq][1-4](?![A-Za-z0-9])",
    ),
    # a half-year's ("first-half revenue", "H1", "the six months to June") is a part of the year too
    (
        "half",
        r"\b(?:first|second)[- ]half\b(?!\s+of\s+(?:the|its|their)\s+(?!year\b))|\bhalf[- ]year(?:ly)?\b|\bH[12]\b|"
        rf"\b(?:six|6)[- ]months?\b{_NOT_RELATIVE}",
    ),
    # and "the full year", "fiscal 2026", "full-year revenue" (guidance for it included) a whole year's
    (
        "year",
        rf"\b(?:first|one|a|per|each|every) year\b{_NOT_RELATIVE}|\bannual(?:ly)?\b|\byearly\b|"
        r"\b(?:full|whole|fiscal|financial)[- ]year\b|\bfiscal (?:19|20)\d\d\b",
    ),
]
_WINDOW_RES = [(name, re.compile(pattern, re.I)) for name, pattern in _WINDOWS]


def window(text: str) -> str | None:
    """The period a figure or claim counts over ("first day", "each month", "in January"), or None for a total
    or a count at a point in time."""
    for name, pattern in _WINDOW_RES:
        if pattern.search(text):
            return name
    return None


# "rose by seven points in a year", "went up over a year": the time a change took, not a period its levels
# count over (the two levels may each be a quarter's, "38 percent in the third quarter, up from 31 percent a year
# earlier")
_CHANGE_SPAN = re.compile(
    r"\b(?:in|over|within|across)\s+(?:a|one|the past|the last|the previous)\s+(?:year|quarter|month|week)\b",
    re.I,
)


def change_window(text: str) -> str | None:
    """The period a claimed change counts over, leaving out the span the change took."""
    return window(_CHANGE_SPAN.sub(" ", text))


def span_words(text: str) -> set[str]:
    """The words of the span a claimed change took ("in a year": "year") that the rest of the claim does not
    use: they say how long the change took, not what its levels count, so two levels a year apart ("in the
    third quarter of 2026, up from 19 percent in the third quarter of 2025") match them without the word."""
    spans = [m.group(0).lower().split()[-1] for m in _CHANGE_SPAN.finditer(text)]
    rest = _CHANGE_SPAN.sub(" ", text).lower()
    return {w for w in spans if not re.search(rf"\b{w}", rest)}


# A total to date counts over no period of its own ("downloads_all_time_millions: 30.8", "cumulative downloads",
# "lifetime sales"): it is no figure for what one month, week or quarter counted. The field names of an export
# join words with "_", a word character, hence the look-arounds in place of \b.
_TO_DATE = re.compile(r"(?<![A-Za-z])(?:all[-_ ]time|cumulative|lifetime|to[-_ ]date)(?![A-Za-z])", re.I)
# the clause a figure belongs to: an export's field ("downloads_all_time_millions": 30.8) or a sentence's part
_CLAUSE_END = re.compile(r"[,;\n]")


def own_clause(text: str, start: int, end: int) -> str:
    """The text of the clause around a figure, between the separators (commas, semicolons, line breaks) on
    either side: in an export, the figure's own field, not its neighbours'."""
    before = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    after = _CLAUSE_END.search(text, end)
    return text[before : after.start() if after else len(text)]


def to_date(text: str) -> bool:
    """Does the text name a total to date (all-time, cumulative, lifetime)?"""
    return bool(_TO_DATE.search(text))
