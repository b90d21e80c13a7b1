"""The findings for a running tally (cases, deaths, copies sold, a gross to date) against the date it was
reported at: the count only grows, so a figure on one day settles a bound on another where growth carries it
there, and an exact figure belongs to its own day."""

from __future__ import annotations

import re
from datetime import date

from assistant.retrieve.evidence import Evidence
from assistant.verify.alignment import alignment, compare, same_head
from assistant.verify.claims import ClaimFrame
from assistant.verify.dates import Bound, bounds, dates_in, relation, reporting_date
from assistant.verify.figure_findings import about_something_else, bounded_year, phrase, size_gap
from assistant.verify.findings import Finding
from assistant.verify.quantities import extract_quantities
from assistant.verify.quantity import Quantity

# A running tally only grows: cases, deaths and recoveries so far, tests done, copies sold, a film's gross to
# date. Not a day's or a week's figure, nor what can fall (active cases, patients in hospital, a rank, a price).
_TALLY = re.compile(
    r"\b(?:cases|deaths|died|dead|fatalities|recover(?:ies|ed)|tests|tested|infections|infected|sold|sales|"
    r"copies|units|downloads|grossed|gross|earned|crores?)\b",
    re.I,
)
_NOT_TALLY = re.compile(
    r"\b(?:new|more(?! than)|additional|further|daily|weekly|monthly|per|each|active|current(?:ly)?|"
    r"hospitali[sz]ed|in hospital|rank\w*|"
    r"price|rate|average|opening|first (?:day|week|weekend))\b",
    re.I,
)


def _tally(text: str, q: Quantity) -> bool:
    """Is the figure a running tally, by the words around it in its sentence?"""
    before = re.split(r"[.;]\s", text[max(0, q.start - 40) : q.start])[-1]
    clause = before + re.split(r"[.;]\s", text[q.start : q.end + 40])[0]
    return bool(_TALLY.search(clause) or _tally_of(text, q)) and not _NOT_TALLY.search(clause)


def running_tally(text: str, q: Quantity) -> bool:
    """Is the figure a running tally that only grows (downloads, cases, copies sold to date)?"""
    return q.kind == "count" and _tally(text, q)


# a claim about what is still to come: "X will top 600 million downloads"
_FUTURE = re.compile(r"\b(?:will|is (?:set|going|expected) to|are (?:set|going|expected) to)\b", re.I)


def before_the_mark(claim: str, q: Quantity, reported: int | None, claimed: int | None) -> bool:
    """A running tally's mark the claim sets for a later time ("passed 190 million downloads in October", "will
    top 600 million"): a figure reported before that time, below the mark, says nothing of it, since the count
    goes on growing. ``reported`` and ``claimed`` are the days (ordinals) of the evidence and of the claim."""
    if not running_tally(claim, q) or q.comparator in ("lt", "le"):
        return False
    if _FUTURE.search(claim):
        return True
    return q.comparator in ("gt", "ge") and None not in (reported, claimed) and reported < claimed


# what a tally counts, by the first such word after its number: "3,906 people had died" and "3,906 deaths"
# count the same thing, whatever the figure checks make of "people"
_TALLY_OF = (
    ("deaths", re.compile(r"\b(?:died|deaths?|dead|fatalit\w*)\b", re.I)),
    ("recoveries", re.compile(r"\brecover\w*", re.I)),
    # "tested positive" counts cases, not tests
    ("cases", re.compile(r"\b(?:cases?|positive)\b", re.I)),
    ("tests", re.compile(r"\btest\w*(?!\s+positive)\b", re.I)),
)


def _tally_of(text: str, q: Quantity) -> str | None:
    after = re.split(r"[,;.(]", text[q.end : q.end + 45])[0]
    found = [(m.start(), kind) for kind, word in _TALLY_OF if (m := word.search(after))]
    if not found:  # the verb before it: "after testing 72,818 people"
        verb = re.search(r"([a-z]+)\s+$", text[max(0, q.start - 15) : q.start])
        found = [(0, kind) for kind, word in _TALLY_OF if verb and word.fullmatch(verb.group(1))]
    return min(found)[1] if found else None


def _same_tally(claim: str, cq: Quantity, text: str, eq: Quantity) -> bool:
    kind = _tally_of(claim, cq)
    return kind is not None and kind == _tally_of(text, eq)


_FOREVER = date.max.toordinal()
_AS_OF = re.compile(r"\bas\s+of\s+(?:the\s+)?$", re.I)


def _as_of(claim: str) -> list[Bound]:
    """ "28 people had tested positive as of April 8": the count of that very day. (Only the tally reads it so:
    elsewhere "as of" dates a state, not an event.)"""
    return [
        Bound("in", when, when.start)
        for when in dates_in(claim)
        if _AS_OF.search(claim[max(0, when.start - 12) : when.start])
    ]


def _times(cmp: str, bound: tuple[date, date]) -> tuple[int, int] | None:
    """The days whose count the claim states: at the end of "by March", just before "before 22 April", any
    day after "after 16 April" or in "in April"; None for "since" (a start, no count)."""
    lo, hi = bound[0].toordinal(), bound[1].toordinal()
    return {
        "by": (hi, hi),
        "before": (lo - 1, lo - 1),
        "after": (hi + 1, _FOREVER),
        "from": (lo, _FOREVER),
        "in": (lo, hi),
    }.get(cmp)


def tally_stances(frame: ClaimFrame, ev: Evidence) -> list[Finding]:
    """A running tally's figure against the date it was reported at ("as of 27 March , 1,228 people have
    died"), for a claim that bounds its date: the count can only grow, so a figure above N on one day was above
    N on every later day, and one below N on every earlier day. "Fewer than 1,000 deaths by the end of March"
    is refuted by 1,228 as of 27 March; "more than 90 crore after 22 May" is supported by 94 crore as of 23
    May. An exact figure belongs to the day it was reported: the claim that gives it to a time its bound sets
    apart ("4 deaths before 17 April" for 4 deaths as of 17 April) misdates it."""
    claimed = bounds(frame.content, exact=True) or _as_of(frame.content)
    reported = reporting_date(ev.scoring_text)
    if len(claimed) != 1 or reported is None:
        return []
    if about_something_else(frame, ev):
        return []  # as for the figures: a count of something else
    bound = claimed[0]
    # two year-less dates are of one year: the document's, or any (2000: a leap year keeps "February 29")
    year = bound.when.year or reported.year or int((ev.date or "2000")[:4])
    event, limit = reported.span(year), bound.when.span(year)
    times = _times(bound.cmp, limit) if event and limit else None
    if times is None or event is None or limit is None:
        return []
    (elo, ehi), (clo, chi) = (event[0].toordinal(), event[1].toordinal()), times
    # a source dated as the claim is ("as of March 1996" for "by March 1996") speaks of the claim's time
    same_time = event == limit and bound.cmp in ("by", "in")
    quantities = extract_quantities(ev.scoring_text)
    found = []
    for index, cq in enumerate(frame.quantities):
        if cq.kind != "count" or bounded_year(frame, cq) or not _tally(frame.content, cq):
            continue
        aligned = [(alignment(cq, eq), eq) for eq in quantities]
        aligned = [(score, eq) for score, eq in aligned if score >= 0.5] or [
            (0.5, eq) for eq in quantities if _same_tally(frame.content, cq, ev.scoring_text, eq)
        ]
        if not aligned:
            continue
        score, eq = max(aligned, key=lambda a: (same_head(cq, a[1]), a[0], -size_gap(cq, a[1])))
        kinds = {_tally_of(frame.content, cq), _tally_of(ev.scoring_text, eq)} - {None}
        if not _tally(ev.scoring_text, eq) or len(kinds) > 1:
            continue  # no tally, or another one: "tested positive" counts cases, not tests
        raw = stance = compare(cq, eq)
        up = cq.comparator in ("gt", "ge")
        if cq.comparator == "eq" and stance == "supports":
            # the same figure on a day the bound allows states the claim; on a day it rules out, misdates it
            stance = relation(bound.cmp, event, limit)
        elif cq.comparator == "eq":
            # another figure refutes where growth carries it to the claim's days: more than N on or before
            # them, or fewer than N on or after them
            settled = (eq.value > cq.value and ehi <= clo) or (eq.value < cq.value and elo >= chi)
            stance = stance if settled else "unknown"
        elif up:
            stance = (
                stance
                if (stance == "supports" and ehi <= chi) or (stance == "refutes" and elo >= chi)
                else "unknown"
            )
        elif cq.comparator in ("lt", "le"):
            stance = (
                stance
                if (stance == "supports" and elo >= clo) or (stance == "refutes" and ehi <= clo)
                else "unknown"
            )
        else:
            continue
        said = frame.content[bound.start : bound.when.end]
        reason = f"a running count: the claim says {phrase(frame.content, cq)!r} {said!r}, the source "
        reason += f"{phrase(ev.scoring_text, eq)!r} as of {ev.scoring_text[reported.start : reported.end]!r}"
        if stance != "unknown":
            found.append(Finding("numeric", stance, score, reason, about=index))
        elif raw != "unknown" and not (clo <= elo and ehi <= chi) and not same_time:
            # another day's figure that growth does not carry to the claim's days: it settles nothing ("more
            # than 500 cases after 20 March" against 413 as of 20 March; "five deaths by 10 April" against 4 as
            # of 5 April; "fewer than 1,600 as of 20 April" against 1,565 the day before)
            found.append(Finding("tally-open", "none", 1.0, reason, about=index))
    return found


# the count of reviews a claim dates its rating by ("after 60 reviews"), and the count a source gives ("based on
# 52 reviews", "from 77 critics")
_AFTER_REVIEWS = re.compile(r"\bafter\s+(?P<n>\d[\d,]*)\s+(?:reviews?|critics?|reviewers?)\b", re.I)
_REVIEWS = re.compile(r"\b(?P<n>\d[\d,]*)\s+(?:reviews?|critics?|reviewers?)\b", re.I)


def sample_stances(frame: ClaimFrame, ev: Evidence) -> list[Finding]:
    """A rating is a running average over the reviews counted so far: "after 60 reviews, a rating under 78 %"
    dates the rating by the page's 60th review, and a source's "81 % based on 52 reviews" is another state of
    the page, which settles neither the rating then nor anything else the claim says of that time. Only the
    claim that dates itself so ("after N reviews"): "a rating of 81 % based on more than 50 reviews" states a
    count of reviews like any other figure, for the figure checks to judge."""
    dated = _AFTER_REVIEWS.search(frame.content)
    given = [int(m.group("n").replace(",", "")) for m in _REVIEWS.finditer(ev.scoring_text)]
    if not dated or not given or not frame.quantities:
        return []
    claimed = int(dated.group("n").replace(",", ""))
    if claimed in given:
        return []
    said = f"the claim's figures are after {claimed} reviews, the source's over {given[0]}"
    return [Finding("tally-open", "none", 1.0, said, about=i) for i in range(len(frame.quantities))]
