"""The findings for a claim's figures against one sentence: the sentence's figure that counts the same thing
(and its changes and shares), compared as intervals, unless it is about something else, only an estimate or a
forecast, a total of several kinds, retracted by a correction, or counts over another period; lists of figures
and "among the top N" lists; figures that count a group or several kinds together."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from assistant.retrieve.evidence import Evidence
from assistant.verify.alignment import (
    alignment,
    claimed_period,
    compare,
    framed_period,
    same_head,
    titled_period,
)
from assistant.verify.changes import (
    CLAIMS_EARLIER,
    amount_changes,
    as_change,
    base_year,
    claimed_change,
    counts_a_part,
    counts_what_is_left_out,
    direction,
    earlier_changes,
    earlier_level,
    parts_of_whole,
    point_changes,
    shares_of_whole,
)
from assistant.verify.claims import ClaimFrame, entities
from assistant.verify.corrections import retracted_span
from assistant.verify.dates import bounds
from assistant.verify.findings import Finding, previous_sentence
from assistant.verify.money import (
    count_against_money,
    is_money,
    misplaced_currency,
    money_against_count,
    other_measure,
    other_money,
    sole_amount,
)
from assistant.verify.names import (
    about_subject,
    claim_subject,
    entity_in,
    name_pattern,
    named_in,
    other_kind,
    readable_title,
    sibling_clash,
)
from assistant.verify.periods import change_window, own_clause, span_words, to_date, window
from assistant.verify.quantities import extract_quantities
from assistant.verify.quantity import Quantity, context_word, stem
from assistant.verify.speaker_findings import FORECASTER
from assistant.verify.stance import PLAN, further_training_gap

_RETRACTION = re.compile(r"\b(?:incorrectly|erroneously|mistakenly|wrongly|in error)\b", re.I)
_CORRECTED = re.compile(
    r"\b(?:the correct|correct figure|should have (?:read|said)|actually|in fact|corrected)\b", re.I
)


_FROM = re.compile(r"\bfrom\s+(?:the\s+)?(?:[A-Z]{3}\s?|US\$\s?|[$€£¥₹]\s?)?$")


def _retracted(text: str, quantity: Quantity) -> bool:
    """Is this figure the one a correction says was wrong (after "incorrectly stated", before "the correct"; or
    what "an earlier version of this article said")?"""
    span = retracted_span(text)
    if span is not None and span[0] <= quantity.start < span[1]:
        return True
    cue = _RETRACTION.search(text)
    if not cue or quantity.start < cue.end():
        return False
    fix = _CORRECTED.search(text, cue.end())
    return fix is None or quantity.start < fix.start()


def phrase(text: str, q: Quantity) -> str:
    """The number with the few words before it that qualify it ("just short of 500 million")."""
    before = text[max(0, q.start - 30) : q.start].split()[-3:]
    after = text[q.end : q.end + 30].split()[:1]
    return " ".join([*before, text[q.start : q.end], *after]).strip(" ,.;:|")


def size_gap(a: Quantity, b: Quantity) -> float:
    return abs(math.log10(abs(a.value) + 1e-9) - math.log10(abs(b.value) + 1e-9))


_LOCAL_BREAK = re.compile(r"[,;()]|(?<![\w.,-])\d")
_NOT_LOCAL = frozenset(["The", "In", "On", "At", "As", "Of", "And", "By", "For", "From", "With", "A", "An"])


def local_names(text: str, q: Quantity) -> set[str]:
    """The capitalised words of a figure's own stretch of text, between the punctuation or figures around it:
    "Lark", "Federation" for the 17 of "58 cases , 41 in Kestrel Province , and 17 in the Lark
    Federation"."""
    before, after = _stretch(text, q)
    words = re.findall(r"\b[A-Z][\w'’-]+", f"{before} {after}")
    return {w for w in words if w not in _NOT_LOCAL and not re.fullmatch(_MONTH_WORD, w)}


_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"


# A named party's estimate: "Brantley Partners estimates that Lark took 33 percent", "by Brantley's estimate" (a
# capital that opens the sentence names no one: "With estimated sales of over 11 million")
_ESTIMATE = re.compile(
    r"\b(?!(?:With|An?|The|In|On|At|By|For|From|Its|Their|His|Her|Our)\b)[A-Z][\w'’.-]*\s+(?:estimates|estimated)\s+"
    r"(?:that\s+)?|\b(?:by|in)\s+(?:[A-Z][\w'’.-]*\s+){1,3}"
    r"estimates?\b|\baccording\s+to\s+(?:an?\s+)?(?:estimates?|analysts?)\b"
    # the estimator named by a common noun: "The firm estimates that ...", "its analysts estimate"
    r"|\b(?i:the|this|that|its|their)\s+(?:[a-z][\w-]*\s+){1,2}(?:estimates?|estimated)\b"
)


# a sentence that ends by naming its source as an estimate: "..., according to an estimate by Brantley's
# analyst" frames the whole sentence, however long the clause between it and the figure
_CLOSING_ESTIMATE = re.compile(
    r",\s*according\s+to\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?(?:estimates?|analysts?)\b", re.I
)


def _estimate(text: str, q: Quantity) -> bool:
    """Is the figure only a third party's estimate (in the sentence before it, its own clause after it, or
    a closing "according to an estimate" of its sentence)?"""
    before = re.split(r"[.;!?]\s", text[: q.start])[-1]
    after = re.split(r"[,.;!?]", text[q.end : q.end + 60])[0]
    rest = re.split(r"[.;!?](?:\s|$)", text[q.end :])[0]
    return bool(_ESTIMATE.search(before) or _ESTIMATE.search(after) or _CLOSING_ESTIMATE.search(rest))


# A figure given as what is expected, not what was: "we now expect revenue of between 185 and 190 million",
# "guidance of 40 million", "forecasts sales of 2 million". A forecast is no result, for or against one.
# Unused, as it always was: a later pattern of the same name in the old rules.py (a forecaster, FORECASTER)
# replaced it before _forecast ever read it, and _forecast reads that one still. Which pattern _forecast should
# read changes verdicts: left to a deliberate fix.
_FORECAST = re.compile(
    r"(?<!as )(?<!than )\b(?:expects?|expected|expecting|forecasts?|forecasted|projected|projecting|"
    r"anticipates?|anticipated|guidance(?!\s+of\b)|outlook|aims? for)\b",
    re.I,
)


def _forecast(claim: str, text: str, q: Quantity) -> bool:
    """Is the source's figure only a forecast (a word of expectation earlier in its own sentence) where the claim
    states a result? A claim that itself speaks of a forecast is judged on it."""
    if q.kind == "year" or FORECASTER.search(claim) or PLAN.search(claim):
        return False  # a year is a date, for the date checks (and "under the guidance of X" is no forecast)
    before = re.split(r"[.;!?]\s", text[: q.start])[-1]
    return bool(FORECASTER.search(before))


def _stated_change(text: str, eq: Quantity) -> bool:
    """Is a source's percentage itself a change ("grew 34 percent", "up 22 percent"), not a level?"""
    return eq.kind == "percent" and not eq.change and direction(text, eq) != 0


def _relative(claim: str, cq: Quantity, eq: Quantity) -> str:
    """A claimed relative change ("cut it by more than a third") against the source's two levels: the size of
    the change is compared, and a change the other way refutes."""
    way = claimed_change(claim, cq) or 0
    if way and eq.value and (eq.value > 0) != (way > 0):
        return "refutes"
    return compare(cq, replace(eq, value=abs(eq.value)))


def _signed(claim: str, cq: Quantity, eq: Quantity) -> Quantity:
    """A claim's change in points, signed as the source's change between two percentages is: "fell by 6 points"
    is -6; with no direction said, the claim's size is the size of the change either way."""
    if cq.kind != "points" or not eq.change:
        return cq
    way = direction(claim, cq)
    return replace(cq, value=cq.value * (way or (1 if eq.value >= 0 else -1)))


# words that point back at a figure rather than name what is counted: "the count stood at 684 million", "the
# correct figure is 684 million"
_POINTING_BACK = frozenset(["count", "figur", "total", "tally"])


def _named_before(eq: Quantity, previous: str) -> Quantity:
    """A figure with no noun of its own that a word points back with ("The company said the count stood at 684
    million", after "Quill models have passed 650 million downloads") counts what the sentence before counts."""
    if eq.head is not None or not eq.context & _POINTING_BACK or not previous:
        return eq
    before = [q for q in extract_quantities(previous) if q.kind == eq.kind and q.head is not None]
    if not before:
        return eq
    named = before[-1]
    return replace(eq, head=named.head, phrase=named.phrase, context=eq.context | named.context)


_FIELD = re.compile(r"(?:^|\|)\s*(?P<field>[\w .()/-]+):\s*$")
_DATE_FIELD = re.compile(r"date|year|releas|creat|found|publish|updat|month|time|launch", re.I)


def count_in_a_field(text: str, q: Quantity) -> bool:
    """A number that looks like a year, as the value of a field that is no date ("likes: 2050" in an export's
    row): a count, not a year."""
    m = _FIELD.search(text[max(0, q.start - 60) : q.start])
    return q.kind == "year" and m is not None and not _DATE_FIELD.search(m.group("field"))


def about_something_else(frame: ClaimFrame, ev: Evidence) -> bool:
    """The sentence's figures are not the claim subject's: it is not named here (sentence, turn, title or
    document), or a sibling name ("Lumora Robotics" for "Lumora Labs") is."""
    here = f"{readable_title(ev.passage.title)}\n{turn_topic(ev)}\n{ev.scoring_text}"
    return (
        not about_subject(frame.entities, here, ev.document, frame.weak)
        or sibling_clash(frame.entities, ev.scoring_text)
        or other_kind(frame.content, here) is not None
    )


def _stretch(text: str, q: Quantity) -> tuple[str, str]:
    """A figure's own stretch of text, before and after it, between the punctuation or figures around it."""
    before = _LOCAL_BREAK.split(text[max(0, q.start - 80) : q.start])[-1]
    return before, _LOCAL_BREAK.split(text[q.end : q.end + 80])[0]


_ALL_OF_THEM = r"['’]s?\s+(?:[a-z][\w-]*\s+){0,2}(?:models|families|products|repositories)\b"


def one_part_named(frame: ClaimFrame, text: str) -> str | None:
    """The claim counts all of an owner's things ("Lumora's models, taken together"), the sentence one of them
    by name ("Lumora's Quill models have been downloaded 476 million times"): the part's name, else None. A
    part's figure is a floor for the whole, never its total."""
    subject = claim_subject(frame.entities)
    if subject is None:
        return None
    owner = name_pattern(re.escape(subject))
    if not re.search(owner + _ALL_OF_THEM, frame.content):
        return None
    m = re.search(owner + r"['’]s?\s+(?P<part>[A-Z][\w.-]*)", text)
    if m is None or any(entity_in(m.group("part"), name) for name in frame.entities):
        return None
    return m.group("part")


# "the Lark family stood at 230 million": a figure for one family or line of models, by its name
_FAMILY_NAMED = re.compile(r"\b(?P<part>[A-Z][\w.-]*)\s+(?:family|models|series)\b")


def owners_family(frame: ClaimFrame, ev: Evidence) -> str | None:
    """The claim is about an owner ("Orrin Works had passed 300 million downloads"), the sentence gives the
    figure of one of its families, which the claim does not name ("the Lark family stood at 230 million"), and
    the document says whose it is ("Orrin Works' Lark models"): a floor for the owner's total, never the total
    itself. Returns the family's name, else None."""
    subject = claim_subject([n for n in frame.entities if n not in frame.weak])
    if subject is None or entity_in(subject, ev.scoring_text):
        return None
    owner = name_pattern(re.escape(subject))
    for m in _FAMILY_NAMED.finditer(ev.scoring_text):
        part = m.group("part")
        if any(entity_in(part, n) or entity_in(n, part) for n in frame.entities):
            continue
        if re.search(owner + r"(?:\s+[A-Z][\w.-]*)?['’]s?\s+" + re.escape(part) + r"\b", ev.document):
            return part
    return None


# an export row's owner and its own name: "model_id: orrin/Lark-2 | family: Lark | org: Orrin Works | ..."
_OWNER_FIELD = re.compile(
    r"(?:^|\|\s*)(?:org|organi[sz]ation|publisher|owner|author|company|maker):\s*(?P<owner>[^|]+)"
)
_NAME_FIELD = re.compile(r"(?:^|\|\s*)(?:model_id|model|family|name|series):\s*(?P<name>[^|]+)")


def owners_row(frame: ClaimFrame, ev: Evidence) -> str | None:
    """The claim is about an owner ("Orrin's models had passed 300 million"), the evidence is the export's row
    of one of its models or families, which the claim does not name: the row's figure is a floor for the
    owner's total, never the total itself. Returns the row's name, else None."""
    if ev.passage.unit not in ("row", "record"):
        return None
    subject = claim_subject([n for n in frame.entities if n not in frame.weak])
    owner = _OWNER_FIELD.search(ev.scoring_text)
    if subject is None or owner is None or not entity_in(subject.split()[0], owner.group("owner")):
        return None
    names = [m.group("name").strip() for m in _NAME_FIELD.finditer(ev.scoring_text)]
    if not names or any(entity_in(n.split("/")[-1], frame.content) for n in names):
        return None
    return names[0]


# "a 30-billion-parameter Kestrel model": a figure written as a modifier of the name right after it
_MODIFIES = re.compile(r"(?:-[a-z]+)+\s+(?P<name>[A-Z][\w'’-]*)")


def modified_name(content: str, q: Quantity) -> str | None:
    """The name a claim's figure describes when the figure is written into its modifier ("a 30-billion-parameter
    Kestrel model", "the 12-episode Lark series"): the figure is that thing's, and only a sentence about it (or
    the turn it goes on from) gives it."""
    m = _MODIFIES.match(content[q.end :])
    return m.group("name") if m else None


# a figure for a year named as a period: "revenue of 2.1 billion for 2025", "for fiscal 2025" is in periods.py
_FOR_A_YEAR = re.compile(r"\bfor\s+(?:the\s+year\s+)?(?:19|20)\d\d\b(?!\s*[-–/])")
# the words a sentence gives a share in, with or without a figure: "58 percent", "a third", "four in ten", "most"
_SHARE_WORDS = re.compile(
    r"%|\bper\s?cent|\bpercentage|\bshare\b|\b(?:in|out\s+of)\s+(?:every\s+)?(?:ten|10|a\s+hundred|100)\b|"
    r"\bhalf\b|\bthirds?\b|\bquarters?\b|\bfifths?\b|\bmajority\b|\bmost\b|\bbulk\b|\blion['’]s\b",
    re.I,
)


def no_share_given(frame: ClaimFrame, text: str, given: list[Quantity]) -> bool:
    """Does the claim state only shares ("holds 31 % of all downloads") and the sentence none, in figures (its
    own, or a part "of that" worked out against the whole before it) or words? A sentence of counts
    ("downloaded 217.3 million times") says nothing of a share without the whole it is a share of: the scorer,
    reading the claim's words in it, may not take it for a refutation (or a support)."""
    shares = [q for q in frame.quantities if q.kind == "percent" and claimed_change(frame.content, q) is None]
    figures = [q for q in frame.quantities if q.kind not in ("year", "period")]  # "for 2031" is a date
    if not shares or len(shares) != len(figures):
        return False
    return not _SHARE_WORDS.search(text) and not any(q.kind in ("percent", "points") for q in given)


def numeric_findings(frame: ClaimFrame, ev: Evidence) -> list[Finding]:
    if not frame.quantities:
        return []
    if further_training_gap(frame.content, ev.scoring_text):
        return []  # the tokens of a later round of training are no figure for the model's own (rules.py flags it)
    if about_something_else(frame, ev):
        return []  # numbers about something else
    found: list[Finding] = []
    evidence_quantities = extract_quantities(ev.scoring_text)
    previous = previous_sentence(ev)
    # what the sentence's figures can be about: its own names, the sentence it goes on from, its title
    about = f"{readable_title(ev.passage.title)}\n{previous}\n{ev.scoring_text}"
    evidence_quantities += (
        point_changes(ev.scoring_text, evidence_quantities)
        + amount_changes(ev.scoring_text, evidence_quantities)
        + shares_of_whole(ev.scoring_text, previous, evidence_quantities)
        + parts_of_whole(ev.scoring_text, evidence_quantities)
        + earlier_changes(ev.scoring_text, previous, evidence_quantities)
    )
    evidence_quantities = [_named_before(eq, previous) for eq in evidence_quantities]
    if no_share_given(frame, ev.scoring_text, evidence_quantities):
        return [Finding("off-point", "none", 1.0, "gives no share, in figures or words")]
    # the period each of the evidence's figures counts over (once per sentence, not per claim figure)
    around = {id(eq): ev.scoring_text[max(0, eq.start - 80) : eq.end + 40] for eq in evidence_quantities}
    title = ev.passage.title or ""
    evidence_quantities = [titled_period(title, around[id(eq)], eq) for eq in evidence_quantities]
    evidence_quantities = [framed_period(ev.scoring_text, eq) for eq in evidence_quantities]
    # an export's figure counts over its own field's period ("downloads_q3_2026_millions"), not its neighbours'
    fielded = ev.passage.unit in ("row", "record")
    over = {
        id(eq): window(
            own_clause(ev.scoring_text, eq.start, eq.end)
            if fielded
            else ev.scoring_text[max(0, eq.start - 80) : eq.end + 40]
        )
        for eq in evidence_quantities
    }
    present = not CLAIMS_EARLIER.search(frame.content)
    for index, cq in enumerate(frame.quantities):
        if cq.kind == "period" or bounded_year(frame, cq):
            continue  # windows, "N years ago" and "before 2015" are dates, not figures: see the date checks
        thing = modified_name(frame.content, cq)
        if thing and not entity_in(thing, about):
            continue  # another thing's figure: "We pruned it down to 12 billion parameters" of another model
        cq = claimed_period(frame.content, cq)
        # a claimed present level (not "rose from 27 percent", not last year's)
        now = (
            present
            and not earlier_level(frame.content, frame.quantities, cq)
            and not _FROM.search(frame.content[: cq.start])
        )
        # a change's span ("rose by 7 points in a year") is no period its figures count over
        change = claimed_change(frame.content, cq) is not None
        period = change_window(frame.content) if change or cq.kind == "points" else window(frame.content)
        if period is None and not change and _FOR_A_YEAR.search(frame.content):
            period = (
                "year"  # "reported revenue of 2.1 billion for 2025": the whole year's, no half's or quarter's
            )
        if change or cq.kind == "points":
            # nor is its span part of what the change counts: "climbed twelve points in a year" is met by two
            # levels a year apart that never say "year"
            cq = replace(cq, context=cq.context - {context_word(w) for w in span_words(frame.content)})
        if change:
            cq = as_change(cq)
        other_periods = {
            over[id(eq)]
            for eq in evidence_quantities
            if eq.kind == cq.kind and over[id(eq)] not in (None, period)
        }
        if period and other_periods:
            # "2 million in its first week" is no figure for "on its first day", and the scorer may not read
            # the sentence as if it were one
            gap = ", ".join(sorted(other_periods))
            found.append(Finding("period-gap", "none", 1.0, f"counts over a {gap}, not a {period}"))
        # the figure that names what the claim counts ("786 confirmed cases" rather than the "346 in A" after
        # it); then the best-aligned; between equally aligned ones, the nearest in size ("14.23 billion video
        # views" rather than "17.5 million subscribers" for "14 billion views")
        # a claimed change "by a third" is read only against a change the source gives (9.4 then 6.1 percent), and
        # a plain share never against one
        candidates = [
            eq
            for eq in evidence_quantities
            if (
                eq.kind != "percent"
                or (eq.change == change and (change or not _stated_change(ev.scoring_text, eq)))
                or (change and _stated_change(ev.scoring_text, eq))
            )
            # the year a change is measured from is not the year of the sentence's figures
            and not (cq.kind == "year" and base_year(ev.scoring_text, eq))
            # nor is the earlier level set beside the present one a figure for the present
            and not (now and not eq.change and earlier_level(ev.scoring_text, evidence_quantities, eq))
            and not count_in_a_field(ev.scoring_text, eq)
            # a total to date ("downloads_all_time_millions: 30.8") is no figure for what one month counted
            # ("downloaded more than 3 million times in September"): a month's row or a 30-day field would be
            and not (
                period
                and not to_date(frame.content)
                and to_date(own_clause(ev.scoring_text, eq.start, eq.end))
            )
        ]
        if cq.kind == "year" and cq.comparator == "eq" and any(eq.value == cq.value for eq in candidates):
            # a sentence that names the claim's year speaks of that year too: its other years ("In 2011 , at 64
            # ..., and in 2014 , at 67") do not refute the claim's "in 2014"
            candidates = [eq for eq in candidates if eq.kind != "year" or eq.value == cq.value]
        # the source's very amount, put by the claim in another currency, is a misreport of it
        elsewhere = [
            (eq, c) for eq in candidates if (c := misplaced_currency(frame.content, cq, ev.scoring_text, eq))
        ]
        if elsewhere:
            eq, theirs = elsewhere[0]
            said = f"the claim says {phrase(frame.content, cq)!r}, the source {phrase(ev.scoring_text, eq)!r} ({theirs})"
            found.append(Finding("numeric", "refutes", 0.8, said, about=index))
            continue
        aligned = [(alignment(cq, eq), eq) for eq in candidates]
        aligned = [(score, eq) for score, eq in aligned if score >= 0.5]
        # an amount is read only against amounts in its own currency, and a count of things never against one
        aligned = [
            (score, eq)
            for score, eq in aligned
            if not other_money(frame.content, cq, ev.scoring_text, eq, evidence_quantities)
            and not count_against_money(frame.content, cq, ev.scoring_text, eq)
            and not money_against_count(frame.content, cq, ev.scoring_text, eq)
            and not other_measure(cq, eq, frame.content, ev.scoring_text)
        ]
        if not aligned:
            sole = sole_amount(frame.content, cq, frame.quantities, ev.scoring_text, candidates)
            if sole is None:
                continue
            aligned = [(0.5, sole)]
        # and first of all the figure its own clause gives for the place or person the claim's figure names ("17
        # in the Lark Federation" rather than the national "58 cases" before it; "Orrin ... 131.4 km/h" rather than
        # "Castellan ( 126.8 km/h )"), unless it counts something else
        names = local_names(frame.content, cq)
        score, eq = max(
            aligned,
            key=lambda a: (
                0
                if (cq.head and a[1].head and not same_head(cq, a[1]))
                or is_money(frame.content, cq) != is_money(ev.scoring_text, a[1])
                # a rank's name is the ranked thing, in every rank of its sentence ("Lark is the 19th largest by
                # one measure and 37th by another"): what is ranked tells them apart
                or cq.kind == "rank"
                else len(names & local_names(ev.scoring_text, a[1])),
                same_head(cq, a[1]),
                a[0],
                -size_gap(cq, a[1]),
            ),
        )
        if period and over[id(eq)] and over[id(eq)] != period:
            continue
        if not frame.speaker and _estimate(ev.scoring_text, eq):
            # an analyst's estimate establishes no figure as fact, nor refutes one: only the claim that names the
            # estimate ("Brantley estimates ...") is judged on it
            found.append(Finding("hedged", "none", 1.0, f"only an estimate: {phrase(ev.scoring_text, eq)!r}"))
            continue
        part = counts_a_part(cq, ev.scoring_text, eq)
        if part:
            # a total's figure bounds none of its parts from below: no figure for the claim, for or against
            found.append(Finding("scope", "none", 1.0, f"counts all kinds, the claim only {part!r} ones"))
            continue
        if one_part_named(frame, ev.scoring_text) or owners_row(frame, ev) or owners_family(frame, ev):
            # one family's 476 million says the owner's models have at least that many, not that they have no more
            eq = replace(eq, comparator="ge", value=eq.interval(as_claim=False)[0])
        left = counts_what_is_left_out(frame.content, ev.scoring_text)
        if left and eq.comparator in ("gt", "ge"):
            found.append(Finding("scope", "none", 1.0, f"counts {left} too, which the claim leaves out"))
            continue
        if left:
            # the total that counts them too bounds the rest from above only: 21,000 in all refutes "more than
            # 22,000 leaving merges aside", 107,000 in all says nothing of it
            eq = replace(eq, comparator="le", value=eq.interval(as_claim=False)[1])
        if _forecast(frame.content, ev.scoring_text, eq):
            found.append(Finding("plan", "none", 1.0, f"only a forecast: {phrase(ev.scoring_text, eq)!r}"))
            continue
        if change and _stated_change(ev.scoring_text, eq):
            eq = replace(eq, value=eq.value * direction(ev.scoring_text, eq))  # "fell 10 percent" is -10
        stance = _relative(frame.content, cq, eq) if change else compare(_signed(frame.content, cq, eq), eq)
        if _retracted(ev.scoring_text, eq):
            # "an earlier version incorrectly stated 4 billion": the figure is the source's no longer; it refutes
            # the claim that repeats it, and says nothing of any other figure or of a bound it happens to meet
            # ("more than 650 million" is met by a retracted 6.84 billion and by the corrected 684 million alike)
            repeats = stance == "supports" and cq.comparator in ("eq", "approx")
            stance = "refutes" if repeats else "unknown"
        if stance != "unknown":
            said = f"the claim says {phrase(frame.content, cq)!r}, the source {phrase(ev.scoring_text, eq)!r}"
            found.append(Finding("numeric", stance, score, said, about=index))
    decided = {f.about for f in found if f.kind == "numeric"}
    listed = listed_figures(frame, ev.scoring_text) + ranked_among(frame, ev.text)
    return found + [f for f in listed if f.about not in decided]


_AMONG = re.compile(r"\bamong (?:the|its|their) (?:top )?(?P<n>\w+) (?:\w+est|most \w+|top|leading)\b", re.I)
_RANKED = re.compile(r"\b(?:\w+est|most \w+|top|leading)\b", re.I)
_NAME_LIST = re.compile(
    r"(?P<items>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*(?:,\s+[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*)*,?\s+and\s+"
    r"[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*)"
)


def ranked_among(frame: ClaimFrame, text: str) -> list[Finding]:
    """ "A was among the three biggest sources of X" against "the largest sources of X were A, B and C": a
    ranked list of at most that many names, with the claim's name in it, puts it among them."""
    m = _AMONG.search(frame.content)
    ranked = _RANKED.search(text)
    if not m or not ranked:
        return []
    index = next((i for i, q in enumerate(frame.quantities) if q.start == m.start("n")), None)
    listed = _NAME_LIST.search(text[ranked.end() :])
    # what is ranked must be what the claim ranks ("the largest sources ... were A, B and C" for "among the
    # three biggest sources"), named between the ranking word and the list, and the list its complement
    noun = re.match(r"\s*([a-z]{3,})", frame.content[m.end() :])
    if index is None or listed is None or noun is None:
        return []
    between = text[ranked.end() : ranked.end() + listed.start()]
    head = (
        rf"^\s*(?:[\w-]+\s+)?{re.escape(noun.group(1)[:5])}\w*(?:\s+(?:of|for|in|on|by|among)\s+[^,;:.]*?)?"
    )
    if not re.match(rf"{head}(?:\s+(?:were|are|was|is)\s*|\s*:\s*)$", between, re.I):
        return []
    items = [i for i in re.split(r",\s*(?:and\s+)?|\s+and\s+", listed.group("items")) if i.strip()]
    inside = [n for n in frame.entities if any(entity_in(n, item) for item in items)]
    if not inside or len(items) > frame.quantities[index].value:
        return []
    reason = f"the source ranks {', '.join(items)}: {', '.join(inside)} among the first {len(items)}"
    return [Finding("numeric", "supports", 0.9, reason, about=index)]


# a list of figures that share the unit after the last one: "1.5, 7, 14 and 32 billion parameters"
_FIGURE = r"\d+(?:\.\d+)?"
_FIGURE_RUN = re.compile(
    rf"(?<![\w.,]){_FIGURE}(?:\s*,\s*{_FIGURE})*,?\s+(?:and|or)\s+{_FIGURE}\s+(?P<unit>[A-Za-z]+)(?![\w-])"
    r"(?:\s+(?P<noun>[A-Za-z]+))?"
)
_SCALE = frozenset(["thousand", "million", "billion", "trillion"])
# sizes written with their scale letter, each figure its own: "4B, 16B and 40B versions" is the list "three sizes:
# 4B, 16B and 40B parameters" gives; the noun after tells a list of sizes from one of other counts ("40M, 60M and
# 90M downloads")
_SIZED_RUN = re.compile(
    rf"(?<![\w.,]){_FIGURE}(?P<unit>[BMK])(?:\s*,\s*{_FIGURE}(?P=unit))*,?\s+(?:and|or)\s+{_FIGURE}(?P=unit)"
    r"(?![\w-])(?:\s+(?P<noun>[A-Za-z]+))?"
)
_SIZE_NOUNS = frozenset(
    ["versions", "sizes", "models", "variants", "parameters", "editions", "flavours", "flavors"]
)


def _runs(text: str) -> list[tuple[re.Match, tuple]]:
    """Each list of figures with what identifies it: the figures, the unit, and the noun after a scale word
    ("32 billion parameters" is not "32 billion downloads")."""
    out = []
    for m in _FIGURE_RUN.finditer(text):
        unit = m.group("unit").lower()
        noun = (m.group("noun") or "").lower() if unit in _SCALE else ""
        out.append((m, (tuple(re.findall(_FIGURE, m.group(0))), unit, noun)))
    for m in _SIZED_RUN.finditer(text):
        noun = (m.group("noun") or "").lower()
        noun = "" if noun in _SIZE_NOUNS or not noun.endswith("s") else noun
        out.append((m, (tuple(re.findall(_FIGURE, m.group(0))), m.group("unit").lower(), noun)))
    return out


def listed_figures(frame: ClaimFrame, text: str) -> list[Finding]:
    """A list of figures the claim shares with the sentence, figure for figure and with the same unit ("four
    sizes: 1.5, 7, 14 and 32 billion parameters" against "four models with 1.5, 7, 14 and 32 billion
    parameters"): the figures before the unit are read with it, so each item agrees; and a count just before
    the list that is its length ("four") counts the same list in both."""
    found = []
    theirs = dict((key, m) for m, key in _runs(text))
    for m, key in _runs(frame.content):
        other, nums = theirs.get(key), key[0]
        if other is None:
            continue
        said = f"the claim lists {m.group(0)!r}, the source {other.group(0)!r}"
        before = [q for q in extract_quantities(text) if 0 <= other.start() - q.end <= 40]
        for index, q in enumerate(frame.quantities):
            inside = m.start() <= q.start < m.end()
            size = 0 <= m.start() - q.end <= 30 and q.value == len(nums) and q.comparator == "eq"
            if inside or (size and any(b.value == q.value for b in before)):
                found.append(Finding("numeric", "supports", 1.0, said, about=index))
    return found


def turn_topic(ev: Evidence) -> str:
    """What a speaker's sentence that names nothing itself is about ("On top of that we ran continued
    pre-training on 1.2 trillion tokens"): the sentence before it in the same turn, which it goes on from; and
    where that one names nothing either ("And since the launch it has grown fast. We're now on about nine
    thousand farms."), the question the turn answers, whose subject the answer's "it" and "we" carry on. A
    sentence with a name of its own is about that name."""
    if not ev.passage.speaker or not _names_nothing(ev.text):
        return ""
    previous = previous_sentence(ev)
    if previous and not _names_nothing(previous):
        return previous
    return f"{previous}\n{question_answered(ev)}".strip()


# capitalised only because they open the sentence: pronouns and joining words are no names ("We're now on ...",
# "And since the launch it has grown fast", "It's built on ...")
_OPENERS = frozenset(
    [
        "we",
        "it",
        "its",
        "they",
        "their",
        "our",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "and",
        "but",
        "so",
        "since",
        "then",
        "also",
        "now",
        "yes",
        "no",
    ]
)


def _names_nothing(text: str) -> bool:
    names = [n for n in entities(text) if re.split(r"['’]", n)[0].lower() not in _OPENERS]
    return claim_subject(names) is None


def question_answered(ev: Evidence) -> str:
    """The question just before the speaker's turn (the last sentence of the turn before it, when it asks one):
    what the turn answers. Empty when the turn follows no question."""
    before = ev.document[max(0, ev.passage.char_start - 400) : ev.passage.char_start]
    # the turn's own label ("Lark Ames [00:01:02.000]:") stands between the question and the answer
    before = re.sub(r"\n[^\n]*:\s*$", "", before).rstrip()
    last = re.split(r"(?<=[.!?])\s+", before)[-1] if before else ""
    return last if last.endswith("?") else ""


def bounded_year(frame: ClaimFrame, q: Quantity) -> bool:
    """Is this number of the claim the year of a date bound ("before 2015", "before 1715")? Then the date checks
    judge it, not the figures: 2014 satisfies "before 2015"."""
    return any(b.when.start <= q.start < b.when.end for b in bounds(frame.content))


# "Together with the Vaskra models, Kaldrevik's models have passed 565 million": a figure for a group
_GROUPED = re.compile(
    r"\b(?i:together with|along with|combined with|added to)\s+(?:the\s+|its\s+|their\s+)?(?P<name>[A-Z][\w.-]*)"
)


# "Counting all three of Orrin's families - Quill, Lark and Skerry - downloads exceed ...": a figure for the
# names listed after a word that totals them
_LISTED_TOGETHER = re.compile(
    r"\b(?i:counting|across|including|combining|spanning|covering)\b[^.;:!?]{0,60}?"
    r"(?P<names>[A-Z][\w.-]*(?:,\s*[A-Z][\w.-]*)*,?\s+and\s+[A-Z][\w.-]*)"
)


def _claim_names(frame: ClaimFrame, name: str) -> bool:
    return any(named_in(n, name) or named_in(name, n) for n in frame.entities) or entity_in(
        name, frame.content
    )


def grouped_with(frame: ClaimFrame, text: str) -> str | None:
    """The sentence's figure counts another thing together with the claim's ("together with the Vaskra models",
    "counting all three families - Quill, Lark and Skerry -") and the claim does not name that thing: the figure
    is the group's, not the claim's subject's alone."""
    if not re.search(r"\d", text):
        return None
    for m in _GROUPED.finditer(text):
        name = m.group("name")
        if not _claim_names(frame, name):
            return name
    for m in _LISTED_TOGETHER.finditer(text):
        names = [n for n in re.split(r",\s*|\s+and\s+", m.group("names")) if n]
        missing = [n for n in names if not _claim_names(frame, n)]
        # a claim that names none of them is about the group's owner, whose total it may well be
        if missing and len(missing) < len(names):
            return ", ".join(missing)
    return None


# "more than 105,000 derivatives, counting fine-tunes, quantizations, adapters and merges": one figure for
# several kinds together
_KINDS_TOGETHER = re.compile(
    r"\b(?:counting|including|covering|spanning|across)\s+(?:both\s+)?(?P<kinds>[\w-]+(?:,\s*[\w-]+)*,?\s+"
    r"(?:and|or)\s+[\w-]+)",
    re.I,
)


def _kind_stem(word: str) -> str:
    return stem(word.lower().replace("-", ""))[:6]


def one_kind_of_a_total(frame: ClaimFrame, text: str) -> str | None:
    """The claim counts one kind ("fine-tuned derivative models") where the sentence's figure counts several
    kinds together ("counting fine-tunes, quantizations, adapters and merges"): a total says nothing of one
    part's size. Returns the kinds counted together."""
    if not frame.quantities:
        return None
    claimed = {_kind_stem(w) for w in re.findall(r"[A-Za-z][\w-]{3,}", frame.content)}
    for m in _KINDS_TOGETHER.finditer(text):
        kinds = [k for k in re.split(r",\s*|\s+(?:and|or)\s+", m.group("kinds")) if k]
        named = [k for k in kinds if _kind_stem(k) in claimed]
        if named and len(named) < len(kinds):
            return m.group("kinds")
    return None
