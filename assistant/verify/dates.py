"""Dates as intervals, and a claim's date bounds ("born before 1970", "opened after March 29", "by 2015").

A date is the interval of days its wording allows: "2014" is the whole year, "April 2014" the month, "5 March
2014" one day. A bound holds when every day of the event's interval satisfies it, fails when none does, and is
undecided otherwise ("before March 2014" against "2014"). Only the date the evidence gives for the claim's own
event counts: the one next to the same verb or noun ("followed by Lark in 2008"), not any date of the sentence.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from assistant.verify.quantity import STOP_WORDS
from ingest.metadata import day_month

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
# a month in any case ("as of october 2016"), but "may" only as a name: in lower case it is a verb
_M = r"(?:(?i:january|february|march|april|june|july|august|september|october|november|december)|May)"
_ORD = r"(?:st|nd|rd|th)?"
# most precise first, so that "5 March 2014" is one day, not the year 2014; a year-less day ("March 5") is
# read only where no year follows it; a bound glued to its date ("born before1979") is still a bound
_DATE = re.compile(
    rf"(?:(?<![\w.-])|(?<=before)|(?<=after)|(?<=until)|(?<=since))(?:(?P<n1>\d{{1,2}})(?P<sep>[/.])(?P<n2>\d{{1,2}})(?P=sep)(?P<y8>(?:1[1-9]|20)\d\d)"
    rf"|(?P<y9>(?:1[1-9]|20)\d\d)-(?P<m9>[01]?\d)-(?P<d9>[0-3]?\d)"
    rf"|(?P<d1>\d{{1,2}}){_ORD}(?:\s+of)?\s+(?P<m1>{_M})\s*,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_M})\s+(?P<d2>\d{{1,2}}){_ORD}\s*,?\s+(?P<y2>\d{{4}})"
    rf"|(?P<m3>{_M})\s*,?\s+(?P<y3>\d{{4}})"
    rf"|(?P<d4>\d{{1,2}}){_ORD}(?:\s+of)?\s+(?P<m4>{_M})"
    rf"|(?P<m5>{_M})\s+(?P<d5>\d{{1,2}}){_ORD}(?!\d)"
    rf"|(?P<y7>(?:1[1-9]|20)\d\d)\s*[–—-]\s*(?P<to>(?:1[1-9]|20)\d\d|\d\d)"
    rf"|(?P<y6>(?:1[1-9]|20)\d\d))(?![\w-])"
)


@dataclass(frozen=True)
class When:
    """A date as written: the year may be missing ("before March 6"), the month and day too ("in 2014")."""

    year: int | None
    month: int | None
    day: int | None
    start: int
    end: int
    to: When | None = None  # the end of a range: "from 5 March to 26 April 2020"

    def span(self, year: int | None = None) -> tuple[date, date] | None:
        """(first day, last day); a year-less date takes ``year`` (the year of the date it is compared with)."""
        if self.to is not None:
            first, last = self._span(year or self.to.year), self.to.span(year or self.year)
            return (first[0], last[1]) if first and last else None
        return self._span(year)

    def _span(self, year: int | None) -> tuple[date, date] | None:
        y = self.year or year
        if y is None:
            return None
        if self.month is None:
            return date(y, 1, 1), date(y, 12, 31)
        if self.day is None:
            return date(y, self.month, 1), date(y, self.month, monthrange(y, self.month)[1])
        try:
            day = date(y, self.month, self.day)
        except ValueError:  # "February 30": a slip in the day; the month still stands
            return date(y, self.month, 1), date(y, self.month, monthrange(y, self.month)[1])
        return day, day


def dates_in(text: str) -> list[When]:
    """Every date the text writes, in order."""
    out = []
    for m in _DATE.finditer(text):
        g = m.groupdict()
        year = next((g[k] for k in ("y1", "y2", "y3", "y6") if g[k]), None)
        month = next((g[k] for k in ("m1", "m2", "m3", "m4", "m5") if g[k]), None)
        day = next((g[k] for k in ("d1", "d2", "d4", "d5") if g[k]), None)
        if day and not 1 <= int(day) <= 31:
            continue
        if g["y8"] or g["y9"]:
            numeric = _numeric_date(g)
            if numeric:
                out.append(When(*numeric, m.start(), m.end()))
            continue
        if g["y7"]:
            out.extend(_years(g["y7"], g["to"], m.start(), m.end()))
            continue
        out.append(
            When(
                int(year) if year else None,
                MONTHS.index(month.lower()) + 1 if month else None,
                int(day) if day else None,
                m.start(),
                m.end(),
            )
        )
    return out


def _numeric_date(g: dict) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of a date in digits: "2031-05-14" (year first, always month then day); "14/05/2031"
    or "14.05.2031" read day first and "05/14/2031" month first, where a number over 12 says which is the day. In
    "05/06/2031" either could be the month: only the year is certain."""
    if g["y9"]:
        year, month, day = int(g["y9"]), int(g["m9"]), int(g["d9"])
    else:
        year = int(g["y8"])
        read = day_month(int(g["n1"]), int(g["n2"]))
        if read is None:
            return year, None, None  # either could be the month: only the year is certain
        day, month = read
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return year, month, day


def _years(first: str, last: str, start: int, end: int) -> list[When]:
    """ "1961-1962", "2010–11": the range of the years, from the first to the last; a pair that is no
    range (the second year not after the first: a score, a page run) is no date."""
    to = int(first[:2] + last) if len(last) == 2 else int(last)
    if to <= int(first):
        return []
    return [When(int(first), None, None, start, end, to=When(to, None, None, end - len(last), end))]


# The words that bound a date, by what they mean. "until" and "by" allow the bound's own day (or month, or
# year); "before" and "after" exclude it. "Since 2017" dates the start of a state: it began in 2017.
# "As of" is a reporting date, no bound: only a comparator after it counts ("as of before 2005").
_COMPARATORS = {
    "before": "before",
    "prior to": "before",
    "earlier than": "before",
    "by": "by",
    "until": "by",
    "till": "by",
    "no later than": "by",
    "not later than": "by",
    "after": "after",
    "later than": "after",
    "no earlier than": "from",
    "since": "since",
    "in": "in",
    "on": "in",
}
_BOUND = re.compile(
    r"\b(?P<cmp>no later than|not later than|no earlier than|earlier than|later than|prior to|before|after|"
    r"until|till|by|since|in|on|at)(?:\s+(?:the\s+)?(?P<end>end\s+of\s+)?|(?<=before)|(?<=after)|(?<=until)|(?<=since))$",
    re.I,
)
# "by the end of March", "before the end of 2018": the bound is the end of the month or year, which "by"
# allows; "at the end of 2009" is late in that year, a date inside it
_AT_THE_END = {"before": "by", "prior to": "by", "earlier than": "by", "at": "in", "on": "in"}


@dataclass(frozen=True)
class Bound:
    cmp: str  # before | by | after | from | since | in ("in 2014", "on 5 March": the date itself)
    when: When
    start: int  # where the comparator starts in the claim


def bounds(text: str, *, exact: bool = False) -> list[Bound]:
    """The dates the claim bounds ("before 2015", "until 26 April"), with their meaning; with ``exact`` also
    the dates it names outright ("in 2014", "on 5 March 2014")."""
    out = []
    for when in dates_in(text):
        m = _BOUND.search(text[max(0, when.start - 32) : when.start])
        if not m or (m.group("cmp").lower() == "at" and not m.group("end")):
            continue  # "at 2019 prices" is no date of the claim's
        word = m.group("cmp").lower()
        cmp = _AT_THE_END.get(word, _COMPARATORS.get(word)) if m.group("end") else _COMPARATORS[word]
        if exact or cmp != "in":
            out.append(Bound(cmp, when, max(0, when.start - 32) + m.start()))
    return out


def relation(cmp: str, event: tuple[date, date], bound: tuple[date, date]) -> str:
    """supports | refutes | unknown: does the event's interval satisfy the bound's, for every day or for none?"""
    (elo, ehi), (blo, bhi) = event, bound
    if cmp == "before":
        return "supports" if ehi < blo else "refutes" if elo >= blo else "unknown"
    if cmp == "by":
        return "supports" if ehi <= bhi else "refutes" if elo > bhi else "unknown"
    if cmp == "after":
        return "supports" if elo > bhi else "refutes" if ehi <= bhi else "unknown"
    if cmp == "from":
        return "supports" if elo >= blo else "refutes" if ehi < blo else "unknown"
    if cmp == "since":
        # began then; a state that began later did not hold then; one that began earlier holds, but the
        # claim dates its start wrongly or loosely: undecided
        if blo <= elo and ehi <= bhi:
            return "supports"
        return "refutes" if elo > bhi else "unknown"
    # "in", "on": the event's date must fall inside
    if blo <= elo and ehi <= bhi:
        return "supports"
    return "refutes" if ehi < blo or elo > bhi else "unknown"


def compare_when(cmp: str, event: When, bound: When) -> str:
    """``relation`` for two written dates; a year-less side takes the other's year ("before March 6" against
    "on March 5, 2020"); two year-less dates are compared within one year."""
    year = event.year or bound.year or 2000  # 2000: a leap year, so "February 29" stays a day
    e, b = event.span(year), bound.span(year)
    if e is None or b is None:
        return "unknown"
    return relation(cmp, e, b)


# a clause break between an event word and a date: the date belongs to another event
_BREAK = re.compile(r"[.;:()\[\]]|\s[–—-]\s|\b(?:and|but|while|whereas|which|who|when|after|before|until)\b")
_NEAR = 60  # characters between an event word and its date


def event_date(text: str, event: re.Pattern, dates: list[When] | None = None) -> When | None:
    """The date the text gives for the event the pattern names: the nearest date after an occurrence of the
    event word ("released on 9 May 2013", "followed by Lark in 2008"), else one that opens the event's clause
    ("In April 2014 Kestrel revealed"; not "after the 2012 release, Kestrel began"), with no clause break
    between. None when there is no such date, or when two different dates are equally near."""
    dates = dates_in(text) if dates is None else dates
    # each mention of the event with its own date; mentions that date it differently ("opens in Lark on 7
    # November ..., starting 20 November in Skerry") leave it open
    own = [when for occurrence in event.finditer(text) if (when := _date_of(text, occurrence, dates))]
    if len({(w.year, w.month, w.day) for w in own}) != 1:
        return None
    return _range(text, own[0], dates)


def _date_of(text: str, occurrence: re.Match, dates: list[When]) -> When | None:
    best: list[tuple[int, int, When]] = []
    for when in dates:
        if when.start >= occurrence.end():
            gap, rank = text[occurrence.end() : when.start], 0
        elif when.end <= occurrence.start() and _OPENS.search(text[max(0, when.start - 4) : when.start]):
            gap, rank = text[when.end : occurrence.start()], 1
        else:
            continue
        if len(gap) <= _NEAR and not _BREAK.search(gap):
            best.append((rank, len(gap), when))
    if not best:
        return None
    nearest = min(best, key=lambda b: b[:2])[:2]
    found = {(w.year, w.month, w.day) for *key, w in best if tuple(key) == nearest}
    return next(w for *key, w in best if tuple(key) == nearest) if len(found) == 1 else None


_RANGE = re.compile(r"\s*(?:to|until|till|through|[–—-])\s*(?:the\s+)?$", re.I)


def _range(text: str, when: When, dates: list[When]) -> When:
    """A date that opens a range ("since 5 March 2020 to 26 April 2020") dates the event by the whole range."""
    after = [w for w in dates if w.start >= when.end and _RANGE.match(text[when.end : w.start])]
    if not after:
        return when
    end = after[0]
    return When(when.year or end.year, when.month, when.day, when.start, end.end, to=end)


_OPENS = re.compile(r"(?:^|\b(?:in|on|by))\s*$", re.I)


# "Quill Brantley (March 9, 1931 – September 18, 2001)": a person's dates of birth and death
_LIFESPAN = re.compile(
    r"\(\s*(?:born\s+|b\.\s*)?(?P<born>[^()]{4,30}?)\s*[–—-]+\s*(?P<died>[^()]{4,30}?)\s*\)"
)


def lifespan(text: str) -> tuple[When, When] | None:
    """A person's (birth, death) dates, as written in brackets after their name."""
    m = _LIFESPAN.search(text)
    if not m:
        return None
    born, died = dates_in(m.group("born")), dates_in(m.group("died"))
    if len(born) != 1 or len(died) != 1:
        return None
    shift = lambda w, at: When(w.year, w.month, w.day, w.start + at, w.end + at)  # noqa: E731
    return shift(born[0], m.start("born")), shift(died[0], m.start("died"))


# Events a date is given for. A count's reporting verb ("reported", "confirmed") is no event: its date says
# when a figure was true, which the figure checks decide.
_EVENT_WORD = re.compile(
    r"(?<![\w-])(born|birth|died|dies|death|releas\w*|launch\w*|found(?:ed|ing|ation)\b|incorporat\w*|"
    r"establish\w*|open(?:ed|ing|s)?\b|clos\w*|publish\w*|publication|premier\w*|debut\w*|start\w*|"
    r"began|begin\w*|end(?:ed|s)?\b|join\w*|sign(?:ed|ing|s)?\b|elect\w*|marri\w*|won|record(?:ed|ing)\b|"
    r"aired|held|took place|followed|reveal\w*|announc\w*|acqui\w*|conclu\w*|complet\w*|built|"
    r"produc\w*|retir\w*|resign\w*|appoint\w*|graduat\w*|formed|creat\w*|introduc\w*|unveil\w*|"
    r"diagnos\w*|hired|arriv\w*|return\w*|competed|played|shot|filmed|cast|moved|left|sold|bought|"
    r"came into (?:existence|being))(?![\w-])",
    re.I,
)
# any other verb in the past tense names an event too ("surrendered", "was communicated")
# (not a count's reporting verb: "17 cases were confirmed on 11 March" dates the figure, see the figure checks)
_PAST = re.compile(
    r"(?<![\w-])(?!(?:confirm|report|register|test|estimat|count|list|rank)ed\b)([a-z]{3,}ed)(?![\w-])"
)
# the same event in other words: nouns and verbs of one family ("closed" and "closure"); a show, a season, a
# service begins, starts, opens or commences
_FAMILIES = [
    "born|birth",
    "died|dies|death|passed away",
    r"clos(?:ed|es|ing|ure)",
    r"end(?:s|ed|ing)?",
    r"found(?:ed|ing|ation)?|establish(?:ed|es|ing|ment)?|came into (?:existence|being)",
    r"begins?|began|begun|beginning|start(?:s|ed|ing)?|open(?:s|ed|ing)?|commenc(?:e|es|ed|ing)",
]


def claim_event(claim: str, before: int) -> re.Pattern | None:
    """What the claim dates: the event word nearest before its date bound ("was born before 1970"), as a
    pattern for the same event in the evidence: its other forms ("released", "release"), not a longer word of
    the same letters ("re-released" is another event, "founder" no founding)."""
    found = [*_EVENT_WORD.finditer(claim[:before]), *_PAST.finditer(claim[:before])]
    if not found:  # "After 1968, Kestrel began ...": the event follows the bound
        found = [*_EVENT_WORD.finditer(claim, before), *_PAST.finditer(claim, before)]
        found = sorted(found, key=lambda m: -m.start())[-1:]
    if not found:
        return None
    word = max(found, key=lambda m: m.start()).group(1).lower()
    family = next((f for f in _FAMILIES if re.fullmatch(f, word)), None)
    if family is None:
        # a short word as it is ("won", "cast"); a longer one by its first five letters ("announ-ced/-cement")
        family = re.escape(word) if len(word) <= 5 else rf"{re.escape(word[:5])}\w*"
    return re.compile(rf"(?<![\w-])(?:{family})(?![\w-])", re.I)


# the figure checks' function words and demonstratives; comparators and hedges ("over", "about", "nearly") are
# not function words here: a restatement must repeat them
_STOP = (
    STOP_WORDS
    - {
        "about",
        "almost",
        "approximately",
        "around",
        "just",
        "nearly",
        "over",
        "roughly",
        "short",
        "some",
        "under",
        "up",
    }
) | {"these", "those"}


def restated(claim: str, text: str) -> bool:
    """Does the text carry every word of the claim apart from its dates and their bounds ("Kestrel Vane was
    born after 1956" in "Kestrel Vane ( born August 2 , 1957 ) is a drummer")? Then a date that satisfies the
    bound is all the claim says; a word the text lacks ("the Silver title" against "the Heavyweight title") is
    something the date does not vouch for. Words match by their first five letters ("release", "released")."""
    for b in sorted(bounds(claim, exact=True), key=lambda b: -b.start):
        claim = claim[: b.start] + " " + claim[b.when.end :]
    stem = lambda w: w.lower()[:5]  # noqa: E731
    words = {stem(w) for w in re.findall(r"[A-Za-z][\w-]*", claim) if w.lower() not in _STOP and len(w) > 1}
    return words <= {stem(w) for w in re.findall(r"[A-Za-z][\w-]*", text)}


def anchor(claim: str, before: int) -> re.Pattern | None:
    """The word the claim attaches its date to when no event word does ("followed by Lark before 2009",
    "funds under management before 2006"): the last word before the bound, as a whole word."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", claim[:before]) if w.lower() not in _STOP]
    if not words or len(words[-1]) < 3:
        return None
    return re.compile(rf"(?<![\w-]){re.escape(words[-1])}(?![\w-])", re.I)


# "as of 7 April": the date a count was reported at, not an event's
_REPORTING = re.compile(r"\b(?:as (?:of|at)|through|to date|up to)\s+(?:the\s+)?$", re.I)


# the date a sentence's counts were reported at: "as of 7 April", "by 20 March , there had been ..."
_REPORTED_AT = re.compile(r"\b(?:as (?:of|at)|through|to date|up to|by)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.I)


def reporting_date(text: str) -> When | None:
    """The one date the text reports its counts at ("As of 27 March , ... 1,228 people have died"); None when
    it gives none, or several different ones."""
    found = [w for w in dates_in(text) if _REPORTED_AT.search(text[max(0, w.start - 20) : w.start])]
    if len({(w.year, w.month, w.day) for w in found}) != 1:
        return None
    return found[0]


def event_dates(text: str) -> list[When]:
    """The dates of the text that can be an event's: not reporting dates."""
    return [w for w in dates_in(text) if not _REPORTING.search(text[max(0, w.start - 12) : w.start])]


# "Lark is a 1990 American comedy film", "on Lark ( 1998 )": a work's year is the year it came out
_RELEASES = "released release premiered premiere debuted debut published publication aired"
_WORK = (
    r"(?:film|movie|album|song|single|novel|book|(?:video )?game|series|documentary|musical|play|opera|EP)"
)
_YEAR = r"(?:1[1-9]|20)\d\d"
_WORK_YEAR = re.compile(rf"\b(?:is|was)\s+an?\s+({_YEAR})\s+(?:[\w-]+\s+){{0,4}}?{_WORK}\b")


def release_year(text: str, event: re.Pattern, names: list[str]) -> When | None:
    """For a claim about a work's release, the year the text gives the work itself: "X is a 1990 American
    film", or its title followed by the year in brackets, "X ( 1998 )"."""
    if not event.search(_RELEASES):
        return None
    m = _WORK_YEAR.search(text)
    for name in names if m is None else []:
        title = re.escape(name)
        # "Lark ( 1998 )", "Lark ( Live Session ) ( 1998 )", "the 1960 film classic Lark"
        m = re.search(
            rf"{title}(?:\s*[\w'’]+){{0,3}}?(?:\s*\([^()\d]{{1,40}}\))?\s*\(\s*({_YEAR})\s*\)", text
        ) or re.search(
            rf"\b({_YEAR})\s+(?:[\w-]+\s+){{0,3}}?{_WORK}(?:\s+classic)?\s*,?\s+(?:``\s*)?{title}", text
        )
        if m:
            break
    return When(int(m.group(1)), None, None, m.start(1), m.end(1)) if m else None


__all__ = [
    "Bound",
    "When",
    "anchor",
    "bounds",
    "claim_event",
    "compare_when",
    "dates_in",
    "event_date",
    "event_dates",
    "lifespan",
    "relation",
    "release_year",
    "reporting_date",
    "restated",
]
