"""The findings for a claim's dates: the months and years it names must be in the evidence, an event dated
differently refutes it, a date it bounds ("before 2015", "after March 29") is compared as an interval with the
date the evidence gives for the same event, and "N years ago" is counted from the newest document."""

from __future__ import annotations

import re
from datetime import date

from assistant.retrieve.evidence import Evidence
from assistant.verify.claims import ClaimFrame
from assistant.verify.dates import (
    MONTHS,
    Bound,
    When,
    anchor,
    bounds,
    claim_event,
    compare_when,
    dates_in,
    event_date,
    event_dates,
    lifespan,
    release_year,
    reporting_date,
)
from assistant.verify.findings import Finding
from assistant.verify.names import covered, entity_coverage, member_named, sibling_clash
from assistant.verify.quantity import WORD_NUMBERS
from assistant.verify.tally_findings import tally_stances

_MONTH_YEAR = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d\d)\b"
)
# a year, not a count that looks like one ("less than 2000 confirmed cases")
_YEAR = re.compile(
    r"(?<![\d-])(?<!\bthan )(?<!\bover )(?<!\bunder )(?<!\babout )(?<!\bnearly )(?<!\balmost )"
    r"((?:19|20)\d\d)(?![\d-])"
)
_EVENT = re.compile(
    r"\b(releas\w*|launch\w*|publish\w*|found\w*|incorporat\w*|announc\w*|open-sourc\w*|"
    r"introduc\w*|unveil\w*|debut\w*|came out)\b",
    re.I,
)


# "in the first quarter of 2027", "Q1 2027": three months
_QUARTER = re.compile(
    r"\b(first|second|third|fourth) quarter of ((?:19|20)\d\d)\b|\bQ([1-4]) ((?:19|20)\d\d)\b", re.I
)
_ORDINALS = ("first", "second", "third", "fourth")
# the words of bringing a thing out, one event however worded: "slated to launch in November" and "will be
# released in the first quarter" date the same release
_BRING_OUT = ("relea", "launc", "debut", "came ", "unvei", "intro")


def _quarter_months(text: str) -> set[tuple[str, str]]:
    """The months of each quarter the text names, as (month name, year)."""
    found = set()
    for m in _QUARTER.finditer(text):
        quarter = _ORDINALS.index(m.group(1).lower()) + 1 if m.group(1) else int(m.group(3))
        year = m.group(2) or m.group(4)
        found |= {(MONTH_NAMES[3 * (quarter - 1) + i].capitalize(), year) for i in range(3)}
    return found


def _same_event(a: str, b: str) -> bool:
    a, b = a[:5].lower(), b[:5].lower()
    return a == b or (a in _BRING_OUT and b in _BRING_OUT)


def _claim_dates(text: str) -> tuple[set[tuple[str, str]], set[str]]:
    months = {(m.group(1), m.group(2)) for m in _MONTH_YEAR.finditer(text)}
    years = set(_YEAR.findall(text))
    return months, years


def _without(text: str, claimed: list[Bound]) -> str:
    """The claim with its bounded dates blanked out (offsets kept): what remains must be mentioned as it is."""
    for b in claimed:
        text = text[: b.when.start] + " " * (b.when.end - b.when.start) + text[b.when.end :]
    return text


def _other_dates(content: str, text: str) -> list[When]:
    """The sentence's dates but those the claim itself names outside its bounds (``content``: the claim with
    its bounded dates blanked out): "the 2012 revision" of both claim and source dates the report, not the
    figure the claim bounds "before 2011"."""
    named = {(d.year, d.month, d.day) for d in dates_in(content)}
    return [d for d in dates_in(text) if (d.year, d.month, d.day) not in named]


def _bound_gaps(frame: ClaimFrame, ev: Evidence, bound: Bound, content: str) -> list[Finding]:
    """A bounded date the evidence does not show satisfied: its date for the event, or else every date of the
    sentence (there must be one), must satisfy the bound. A violated bound refutes (``when_findings``); here it
    only means the evidence cannot support the claim, nor, for a year, its figures."""
    when = _event_when(frame, ev, bound)
    # a reporting date counts here: "more than 80 cases by 17 March" is judged at "as of 17 March"; it dates
    # the sentence's figures, not its other dates ("the highest-grossing film of 2019")
    reported = reporting_date(ev.text) if frame.quantities else None
    dates = (
        [when] if when is not None else [reported] if reported is not None else _other_dates(content, ev.text)
    )
    if any(f.stance == "supports" for f in tally_stances(frame, ev)):
        return []  # a count that only grows meets the bound from another day
    if dates and all(compare_when(bound.cmp, d, bound.when) == "supports" for d in dates):
        return []
    said = frame.content[bound.start : bound.when.end]
    # the figures are of another time too, whether the bound names its year or takes the evidence's ("fewer
    # than 800 active cases by March 26th" against 780 as of 28 April)
    return [
        Finding("date-gap", "none", 1.0, f"does not date it {said}"),
        Finding("year-gap", "none", 1.0, f"does not date it {said}"),
    ]


def date_findings(frame: ClaimFrame, ev: Evidence) -> list[Finding]:
    """Dates the claim names must be in the evidence to support it; an event the evidence dates differently
    ("released on 15 July 2025" against "released in April 2025") refutes it. A date the claim bounds ("before
    2015") is in the evidence when the evidence's date satisfies the bound ("in April 2014")."""
    claimed = bounds(frame.content)
    content = _without(frame.content, claimed)
    found = [g for b in claimed for g in _bound_gaps(frame, ev, b, content)]
    scope = f"{ev.passage.title}\n{ev.context}"
    days = _missing_days(content, scope)
    if days:
        found.append(Finding("date-gap", "none", 1.0, f"does not mention {', '.join(days)}"))
    months, years = _claim_dates(content)
    if not months and not years:
        return found
    have_months, have_years = _claim_dates(scope)
    # "March 14 , 2020" mentions March 2020 too
    for when in dates_in(scope):
        if when.year and when.month:
            have_months.add((MONTH_NAMES[when.month - 1].capitalize(), str(when.year)))
        if when.year:
            have_years.add(str(when.year))
        if when.year and when.to is not None and when.to.year:
            # "from 1961-1962" mentions both years, and those between
            have_years.update(str(y) for y in range(when.year, min(when.to.year, when.year + 50) + 1))
    # "Quill-4 is not coming this year": a denial for a whole year denies it for each of its months
    denied_years = _years_denied(ev.text, ev.date)
    have_months |= {(m, y) for m, y in months if y in denied_years}
    have_years |= denied_years
    missing = [f"{m} {y}" for m, y in months if (m, y) not in have_months] + [
        y for y in years if y not in have_years
    ]
    if missing:
        found.append(Finding("date-gap", "none", 1.0, f"does not mention {', '.join(missing)}"))
    # a year the claim names on its own ("grew 60 percent in 2024"), which neither the passage nor the
    # document's own date gives: the figures are about another time
    bare_years = years - {y for _, y in months}
    if bare_years and not bare_years & have_years and not (ev.date and ev.date[:4] in bare_years):
        found.append(Finding("year-gap", "none", 1.0, f"is not about {', '.join(sorted(bare_years))}"))
    claim_event = _EVENT.search(content)
    sentence_event = _EVENT.search(ev.text)
    sentence_months = _claim_dates(ev.text)[0] | _quarter_months(ev.text)
    if (
        months
        and claim_event
        and sentence_event
        and sentence_months
        and not (months & sentence_months)
        and _same_event(claim_event.group(1), sentence_event.group(1))
        and entity_coverage(frame.entities, f"{ev.passage.title}\n{ev.text}") == 1.0
        and not sibling_clash(frame.entities, ev.text)
    ):
        said = ", ".join(
            f"{m} {y}" for m, y in sorted(sentence_months, key=lambda d: (d[1], MONTHS.index(d[0].lower())))
        )
        found.append(Finding("date", "refutes", 0.6, f"the evidence dates it {said}"))
    return found


# "not this year", "not in 2031", "not at all in 2031": a negation over a whole year
_NOT_IN_YEAR = re.compile(
    r"\b(?:not|never|n['’]t)\b[^.;]{0,40}?\b(?:(?:in|during)\s+(?P<year>(?:19|20)\d\d)|(?P<this>this year))\b",
    re.I,
)


def _years_denied(text: str, when: str | None) -> set[str]:
    """The years a sentence denies something for as a whole ("Not in December, not at all in 2031" and "not
    coming this year" in a document of 2031: {"2031"})."""
    years = set()
    for m in _NOT_IN_YEAR.finditer(text):
        if m.group("year"):
            years.add(m.group("year"))
        elif when:
            years.add(when[:4])
    return years


MONTH_NAMES = MONTHS  # one list of month names for the date checks


def _days(text: str) -> set[tuple[int, int]]:
    """(month, day) of every day the text names, the ends of its ranges included."""
    out = set()
    for when in dates_in(text):
        for w in (when, when.to):
            if w is not None and w.month and w.day:
                out.add((w.month, w.day))
    return out


def _missing_days(content: str, scope: str) -> list[str]:
    """The days the claim names outside its bounds ("broadcast on April 8") that the evidence does not: a
    sentence about the episode of April 7 says nothing of one on April 8."""
    have = _days(scope)
    return [f"{MONTH_NAMES[m - 1].capitalize()} {d}" for m, d in sorted(_days(content)) if (m, d) not in have]


_WHEN = (
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m1>[A-Z][a-z]+)\s*,?\s+(?P<y1>\d{4})"
    r"|(?P<m2>[A-Z][a-z]+)\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(?P<y2>\d{4})"
    r"|(?P<m3>[A-Z][a-z]+)\s+(?P<y3>\d{4})|(?P<y4>(?:19|20)\d\d))"
)
_ANY_WHEN = re.compile(rf"(?<![\d-]){_WHEN}(?![\d-])")


def _span_of(m: re.Match) -> tuple[str, str] | None:
    """A matched date as an interval (first day, last day), from its precision (day, month or year)."""
    g = m.groupdict()
    year = g["y1"] or g["y2"] or g["y3"] or g["y4"]
    month_name = (g["m1"] or g["m2"] or g["m3"] or "").lower()
    if month_name and month_name not in MONTH_NAMES:
        return None
    day = g["d1"] or g["d2"]
    if not month_name:
        return f"{year}-01-01", f"{year}-12-31"
    month = MONTH_NAMES.index(month_name) + 1
    if not day:
        last = 31 if month in (1, 3, 5, 7, 8, 10, 12) else 30 if month != 2 else 28
        return f"{year}-{month:02d}-01", f"{year}-{month:02d}-{last}"
    iso = f"{year}-{month:02d}-{int(day):02d}"
    return iso, iso


def _event_when(frame: ClaimFrame, ev: Evidence, bound: Bound) -> When | None:
    """The date the evidence gives for the event the claim bounds: next to the same event word ("born on ..."),
    a person's bracketed dates of birth and death, the word the claim attaches its date to ("followed by Lark
    in 2008"; not for "in 2014", which any sentence's other event may share), or the sentence's only date when
    the event word is there."""
    dates = event_dates(ev.text)
    event = claim_event(frame.content, bound.start)
    if event is not None:
        when = event_date(ev.text, event, dates)
        if when is not None:
            return when
        # "Quill Brantley (9 March 1931 – 18 September 2001)": born the first day, died the second
        life = event.search("born died")
        span = lifespan(ev.text) if life else None
        if life and span is not None:
            return span[0] if life.group(0) == "born" else span[1]
        if len(dates) == 1 and event.search(ev.text):
            return dates[0]
        work = release_year(ev.text, event, frame.entities)
        if work is not None:
            return work
    word = anchor(frame.content, bound.start) if bound.cmp != "in" else None
    return event_date(ev.text, word, dates) if word is not None else None


def _about_claim(frame: ClaimFrame, ev: Evidence) -> bool:
    return entity_coverage(frame.entities, f"{ev.passage.title}\n{ev.text}") == 1.0 and not sibling_clash(
        frame.entities, ev.text
    )


def when_findings(frame: ClaimFrame, ev: Evidence) -> list[Finding]:
    """ "X was born before 8 May 1966" against "born on May 7, 1966": a date the claim bounds (before, after, by,
    until, since, in), compared as intervals with the date the evidence gives for the same event."""
    claimed = bounds(frame.content, exact=True)
    if len(claimed) != 1 or not _about_claim(frame, ev):
        return []  # none, or several: which event each bounds is not clear
    bound = claimed[0]
    when = _event_when(frame, ev, bound)
    if when is None:
        return []
    stance = compare_when(bound.cmp, when, bound.when)
    if stance == "unknown":
        return []
    said = frame.content[bound.start : bound.when.end]
    return [
        Finding(
            "date",
            stance,
            0.7,
            f"the claim says {said!r}, the source dates it {ev.text[when.start : when.end]!r}",
        )
    ]


# "three years ago", and "has been releasing ... for five years" (since the first release, as many years ago)
YEARS_AGO = re.compile(
    r"\b(?P<since>for\s+(?:the\s+(?:past|last)\s+)?)?(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+years?(?(since)|\s+ago)\b",
    re.I,
)
_LASTING = re.compile(r"\b(?:has|have)\s+been\b", re.I)
# Ways of saying "made its models openly available" (the event most "N years ago" claims here are about).
# The release itself, which the date must be of: "released", "published", "open-sourced", "made ... available"
_RELEASED = re.compile(
    r"\b(?:releas|launch|publish|open[- ]sourc|unveil|debut|introduc|ship)\w*|\bmade\b[^.;]{0,60}\bavailable\b|"
    # "put its first model online", "which Lumora put on ModelYard in ...", "came out in June"
    r"\bput\b[^.;,]{0,40}?\b(?:online|out|on)\b|\bcame out\b",
    re.I,
)
_TODAY = re.compile(r"\btoday\b", re.I)
_FIRST = re.compile(r"\bfirst\b", re.I)
_OPENED = re.compile(
    r"open[- ]sourc\w*|open[- ]weights?|weights? (?:\w+ ){0,6}available|openly \w+ weights|"
    r"first open\b|released (?:the |its )?(?:first )?(?:open )?weights|published the first",
    re.I,
)


_FOUNDED = re.compile(r"\b(?:founded|set up|established|incorporated)\b", re.I)


def _years_ago_event(claim: str, text: str) -> re.Pattern | None:
    """The event an "N years ago" claim dates, where the evidence speaks of the same one: a release of open
    weights ("went open-source", "released its first open-weight model") or a founding ("was set up")."""
    if _OPENED.search(claim) and _OPENED.search(text):
        return _RELEASED
    if _FOUNDED.search(claim) and _FOUNDED.search(text):
        return _FOUNDED
    # a plain release ("put its first Quill model online three years ago"), dated by a sentence about a release
    if not _OPENED.search(claim) and _RELEASED.search(claim) and _RELEASED.search(text):
        return _RELEASED
    return None


_WE = re.compile(r"\b(?:we|our|us)\b", re.I)


def _event_scope(ev: Evidence) -> str:
    """What a sentence dating an event is about: its title, the sentence, and for a speaker who speaks as "we"
    in their turn ("We incorporated in August 2021") the speaker's organisation."""
    org = ev.org if ev.passage.speaker and ev.org and _WE.search(ev.passage.text) else ""
    return f"{ev.passage.title}\n{ev.text}\n{org}"


_MONTHS_RE = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_RELATIVE_YEAR = re.compile(rf"\b{_MONTHS_RE}\s+(?:of\s+)?(last|this)\s+year\b", re.I)


def absolute_years(text: str, said: str | None) -> str:
    """ "June last year", said in a document of 2026, is June 2025 ("March of this year": March 2026)."""
    if not said:
        return text
    year = int(said[:4])
    return _RELATIVE_YEAR.sub(lambda m: f"{m.group(1)} {year - (m.group(2).lower() == 'last')}", text)


def _first_named(frame: ClaimFrame, text: str) -> bool:
    """The first model of a family the claim names ("its first Lark model") is named by its number: "Lark-1"."""
    return any(
        member_named(n, frame.content, text) and re.search(rf"(?<![\w-]){re.escape(n)}-1(?![\d.])", text)
        for n in frame.entities
    )


# "its first on-device vision model", "the company's first code model": the words between "first" and the thing
# it counts say which first it is
_FIRST_KIND = re.compile(
    r"\bfirst\s+(?P<kind>(?:[\w-]+\s+){0,3}?)(?:models?|releases?|products?|versions?|famil(?:y|ies)|checkpoints?)\b",
    re.I,
)


def _kind_words(phrase: str) -> set[str]:
    """The words of a kind, hyphenated parts apart and by their first five letters ("open-weight": open, weigh)."""
    return {w[:5] for w in re.split(r"[\s-]+", phrase.lower()) if len(w) > 2}


def other_first(claim: str, text: str) -> bool:
    """Does the sentence date the first of another kind ("Kestrel-1, Lark's first code model") than the claim's
    ("Lark's first vision model")? Only where each side says what its first is, in words the other lacks: the
    claim's kind missing from the sentence, the sentence's missing from the claim. A sentence that says no kind
    ("Quill-1, the first model") or the claim's kind in other words ("its first vision model with openly
    downloadable weights" for "first open-weight vision model") is no other first."""
    claimed = _FIRST_KIND.search(claim)
    if not claimed or not claimed.group("kind").strip():
        return False
    said = [_kind_words(m.group("kind")) for m in _FIRST_KIND.finditer(text) if m.group("kind").strip()]
    if not said:
        return False
    wanted = _kind_words(claimed.group("kind"))
    present = _kind_words(text)
    lacking = wanted - present
    return bool(lacking) and all(kind - _kind_words(claim) for kind in said)


def years_ago_findings(frame: ClaimFrame, ev: Evidence, reference: str | None) -> list[Finding]:
    """ "X went open-source three years ago": measured from the reference date (the newest document), in whole
    years, against the date the evidence gives for that event."""
    m = YEARS_AGO.search(frame.content)
    # a sentence that reports its own document's release ("Lumora today published Quill-1") is what the
    # release's headline says of it ("Lumora releases Quill-1, its first open-weight model")
    today = bool(_TODAY.search(ev.text) and _RELEASED.search(ev.text))
    described = f"{ev.passage.title}\n{ev.text}" if today else ev.text
    event = _years_ago_event(frame.content, described)
    if not m or not reference or event is None:
        return []
    since = bool(m.group("since"))
    if since and not _LASTING.search(frame.content[: m.start()]):
        return []  # "supported for two years" is a span, not a time since something began

    scope = _event_scope(ev)
    named = all(
        covered(n, frame.entities, scope) or member_named(n, frame.content, scope) for n in frame.entities
    )
    if not named or YEARS_AGO.search(ev.text):
        return []
    # "for five years" counts from the first release, as "its first" does
    first = since or _FIRST.search(frame.content)
    if first and not (_FIRST.search(described) or _first_named(frame, ev.text)):
        return []  # "its first open model" is dated only by a sentence about the first, not by a later release
    if first and other_first(frame.content, described):
        return []  # the first of another kind ("its first code model") dates no first vision model
    # the date the sentence gives for the release itself ("released on 5 September 2023"), not any of its dates
    # ("open-weight models took 38 percent of downloads in 2026" dates no release); "June last year" counts
    # from the sentence's own document
    when = event_date(absolute_years(ev.text, ev.date), event)
    span = when.span() if when else None
    dates = [(span[0].isoformat(), span[1].isoformat())] if span else []
    if not dates and _TODAY.search(ev.text) and event.search(ev.text) and ev.passage.date:
        dates = [(ev.passage.date[:10], ev.passage.date[:10])]  # "today published": the release's own date
    if len(dates) != 1:
        return []
    claimed = int(m.group("n")) if m.group("n").isdigit() else int(WORD_NUMBERS[m.group("n").lower()])

    ref, (lo, hi) = date.fromisoformat(reference), dates[0]
    years = [(ref - date.fromisoformat(x)).days / 365.25 for x in (hi, lo)]
    rounded = {round(y) for y in years}
    if rounded == {claimed}:
        return [Finding("date", "supports", 0.7, f"{lo[:7]} is {years[0]:.1f} years before {reference}")]
    if claimed not in rounded:
        return [
            Finding(
                "date", "refutes", 0.7, f"{lo[:7]} is {years[0]:.1f} years before {reference}, not {claimed}"
            )
        ]
    return []
