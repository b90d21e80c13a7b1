"""Deterministic checks between a claim and one piece of evidence: quantities, hedges and rumours, whose words
they are. Each returns findings; the aggregation decides what they add up to."""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, replace
from datetime import date

from assistant.retrieve.evidence import Evidence
from assistant.verify.alignment import alignment, compare, same_head, titled_period
from assistant.verify.changes import (
    claimed_change,
    counts_a_part,
    direction,
    earlier_changes,
    point_changes,
    shares_of_whole,
)
from assistant.verify.claims import (
    ClaimFrame,
    characterisation_gap,
    entities,
    hedged_about,
    is_negated,
    plain_verbs,
)
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
    relation,
    release_year,
    reporting_date,
)
from assistant.verify.money import is_money, other_money
from assistant.verify.periods import window
from assistant.verify.quantities import extract_quantities
from assistant.verify.quantity import WORD_NUMBERS, Quantity, stem
from assistant.verify.stance import (
    PLAN,
    degree_gap,
    negated_alike,
    negated_restatement,
    plan_gap,
    polarity_gap,
    ranking_period_gap,
    use_gap,
)

# A speaker refusing the question's premise: only direct refusals, not any negation in a long answer.
_REFUSAL = re.compile(
    r"(?:^|[.!?]\s)\s*(?:no[,.!]|not quite|not really|not globally|not exactly|that's not (?:true|right|correct|"
    r"accurate|what)|that is not (?:true|right|correct|accurate)|i disagree|i wouldn't (?:use|call|say|put|go)|"
    r"i would not (?:use|call|say)|i'd not call|that's an overstatement|that's overstating|i think that's "
    r"(?:probably )?overstating|we're not|we are not|that's not happening)|\bi wouldn't (?:use|call) (?:that|it)|"
    r"\boverstating it\b|\bwe have no plans\b|\bwe deny\b|\bi (?:doubt (?:it|that)|don't think so|do not think so)\b|"
    # the report the question cites, called untrue: "That report is not true."
    r"\b(?:that|the|this|those|these) (?:report|story|claim|rumou?r|article)s? (?:is|are|was|were) (?:simply |just )?"
    r"(?:not (?:true|right|correct|accurate)|untrue|false|wrong|inaccurate)\b",
    re.I,
)
_CONFIRM = re.compile(
    r"^\s*(?:yes|yeah|that's right|that is right|correct|exactly|absolutely|indeed|we did|we have)\b", re.I
)
_DECLINE = re.compile(
    r"\b(?:declined to comment|did not respond|no comment|won't comment|not going to comment|"
    r"don't comment)\b",
    re.I,
)
# "reports that" is a rumour as a noun without a source ("amid reports that"), not as the verb of a named
# source ("Review aggregator Rotten Tomatoes reports that ..."): that is a named party on the record
_RUMOUR = re.compile(
    r"\b(?:(?:people|person|sources?|someone) (?:familiar with|close to|briefed on)|"
    r"according to (?:people|sources|two|three|several|a (?:separate )?person)|sources (?:said|say|says)|"
    r"anonymous|reportedly|rumou?r|speculat\w*|is said to|are said to|unconfirmed|press reports|"
    r"media reports|(?:amid|following|after|despite|there (?:are|were|have been)|early|unverified|news) "
    r"reports that)\b",
    re.I,
)


# a reply that answers a yes/no question with no: "No.", "Not this year.", "Not yet."
_NO_ANSWER = re.compile(
    r"^\s*(?:no\b|nope\b|not (?:this year|this quarter|this month|yet|now|for now|soon|anytime soon|in \d{4})\b)",
    re.I,
)
_THIS_YEAR = re.compile(r"\b(?:this|the) year\b", re.I)


def _no_as_claimed(frame: ClaimFrame, ev: Evidence) -> bool:
    """ "Z said X would not ship in 2025" and Z answered "Will X ship before the end of the year?" with "Not this
    year.": a no to the plain question is the negated claim, said by Z. The claim's years must be the
    question's: named in it or the answer, or "this year" in a source dated that year."""
    if ev.reply_to is None or ev.position > 0 or not ev.passage.speaker:
        return False
    if not (_NO_ANSWER.search(ev.text) or _REFUSAL.search(ev.text)):
        return False
    return is_negated(frame.content) and not is_negated(ev.reply_to) and years_asked(frame, ev)


def years_asked(frame: ClaimFrame, ev: Evidence) -> bool:
    """Was each year the claim names the one the question asked about (named in the question or its answer, or
    "this year" in a source dated that year)? A yes to "this year?" in 2024 says nothing of 2025."""
    said = f"{ev.reply_to or ''} {ev.text}"
    for q in frame.quantities:
        if q.kind != "year" or str(int(q.value)) in said:
            continue
        if not (_THIS_YEAR.search(said) and (ev.date or "")[:4] == str(int(q.value))):
            return False
    return True


@dataclass
class Finding:
    kind: str  # numeric | hedged | rumour | refusal | speaker
    stance: str  # supports | refutes | none
    strength: float
    reason: str
    about: int | None = None  # for numeric findings: which of the claim's quantities it checks


def name_pattern(escaped: str) -> str:
    """A name as a whole word sequence: not inside a longer word, and a model name followed by "-..." is another
    model ("Skerry" is not "Skerry-3.2-3B"). ``escaped`` is already a regular expression."""
    return rf"(?<![\w-]){escaped}(?![\w]|-\w)"


def _entity_in(name: str, text: str) -> bool:
    """The name as a whole word sequence; a model name followed by "-..." is another model ("Skerry" is not
    "Skerry-3.2-3B")."""
    parts = name.split("-")
    if len(parts) > 1 and all(p.isalpha() for p in parts):
        pattern = r"[-\s]?".join(map(re.escape, parts))  # "birth-weight", "birth weight", "birthweight"
    elif re.fullmatch(r"[A-Za-z\d-]+", name) and re.search(r"\d", name) and re.search(r"[A-Za-z]", name):
        pattern = _digit_name(name)
    else:
        pattern = re.escape(name)
    return bool(re.search(name_pattern(pattern), text, re.I))


def _digit_name(name: str) -> str:
    """A name of letters and digits is written with or without a hyphen where letters meet digits: "COVID-19"
    and "COVID19", "Ly6C" and "Ly-6C" (not between two digits: "Quill-3-8" is not "Quill-38")."""
    runs = re.findall(r"[A-Za-z]+|\d+", name)
    pattern = re.escape(runs[0])
    for before, run in itertools.pairwise(runs):
        joint = "-" if before.isdigit() == run.isdigit() else "-?"
        pattern += joint + re.escape(run)
    return pattern


# Names of one thing that share no word: a disease and its virus are written either way in reports
_ALIASES = (frozenset(["covid-19", "covid", "sars-cov-2", "2019-ncov", "coronavirus"]),)
# Names of one thing by convention: box-office reports give North America's takings as those of "the United
# States and Canada"
_SAME_PLACE = re.compile(r"\b(?:the\s+)?(?:United States|U\.?S\.?A?\.?)\s+(?:and|&)\s+Canada\b")


def _same_place(name: str, text: str) -> bool:
    return name == "North America" and bool(_SAME_PLACE.search(text))


def _alias_named(name: str, text: str) -> bool:
    group = next((g for g in _ALIASES if name.lower() in g), None)
    return group is not None and any(_entity_in(other, text) for other in group)


# "Coronavirus" alone names a family of viruses; these phrasings name the one of the 2019 pandemic
_THIS_PANDEMIC = re.compile(
    r"\b(?:covid(?:-?19)?|sars-cov-2|2019-ncov|coronavirus (?:pandemic|disease)|(?:novel|new|20(?:19|20)) "
    r"coronavirus)\b",
    re.I,
)


def _same_disease(name: str, text: str) -> bool:
    """ "COVID-19" named as "the coronavirus pandemic" (a page titled "2020 coronavirus pandemic in X" frames
    every sentence of it): an alias that cannot mean another virus is the name itself."""
    return name.lower() in _ALIASES[0] and bool(_THIS_PANDEMIC.search(text))


# "pyridostatin (PDS)", "PDS (pyridostatin)": a document that defines an abbreviation writes either form after
_DEFINED = re.compile(r"(?P<long>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,5})\s+\((?P<short>[^()\s]{2,12})\)")


def defined_alias(name: str, text: str, document: str) -> bool:
    """The document defines the name's abbreviation, or the name as one ("pyridostatin (PDS)"), and the text
    uses the other form. The long form must end with the name, or be it, so "inhibits pyridostatin (PDS)" does
    not make every word before the brackets a name."""
    for m in _DEFINED.finditer(document):
        long, short = m.group("long"), m.group("short")
        words = long.split()
        # the long form is the words the abbreviation's letters begin, or a single word the short form shortens
        initials = "".join(w[0] for w in words[-len(short) :]).lower() if len(words) >= len(short) else ""
        if len(words) > 1 and initials == short.lower():
            long = " ".join(words[-len(short) :])
        elif len(words) > 1:
            long = words[-1]
        if long.lower() == name.lower() and _entity_in(short, text):
            return True
        if short.lower() == name.lower() and _entity_in(long, text):
            return True
    return False


def _acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return " " not in name and 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()


def _acronym_named(name: str, text: str) -> bool:
    """An acronym and the capitalised words it abbreviates name the same thing, dotted or not: "US", "U.S." and
    "United States"; "UK" and "United Kingdom". Case matters here ("US" is not "us")."""
    words = name.split()
    if _acronym(name):
        initials = name.replace(".", "")
    elif len(words) >= 2 and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words):
        initials = "".join(w[0] for w in words)
    else:
        return False
    dotted = r"\.?".join(initials) + r"(?:\.(?!\w))?"
    spelled = r"\s+".join(f"{c}[a-z]+" for c in initials)
    # a name of words is found as its acronym only: other words with its initials are another name ("Dakota
    # State" is not "Duane Sander")
    forms = f"{dotted}|{spelled}" if _acronym(name) else dotted
    if re.search(rf"(?<![\w.-])(?:{forms})(?![\w]|-\w)", text):
        return True
    # a term of three letters or more is spelled out in lower case as often ("GDP", "gross domestic product");
    # two letters in lower case are ordinary words too often ("US", "us")
    lower = r"\s+".join(f"{c.lower()}[a-z]+" for c in initials)
    return len(initials) >= 3 and _acronym(name) and bool(re.search(rf"(?<![\w.-]){lower}(?![\w-])", text))


def _named(name: str, text: str) -> bool:
    """The name, its first word, or its adjective ("Bulgaria" in "Bulgarian provinces"); an acronym joined to an
    ordinary word is the acronym ("HIV-positive" people are written about as "HIV"); an acronym is its spelled-out
    words ("US", "United States")."""
    if _acronym(name):
        return _acronym_named(name, text)
    if _acronym_named(name, text):
        return True
    if " " in name and _entity_in(name.replace(" ", ""), text):
        return True  # written closed up: "Model Yard" is "ModelYard"
    first = name.split()[0]
    head, _, tail = first.partition("-")
    # only an acronym head: "Quill-mini" is another product than "Quill"
    acronym_joined = tail and head.isupper() and all(w.isalpha() and w.islower() for w in tail.split("-"))
    if acronym_joined and _entity_in(head, text):
        return True
    if _entity_in(name, text):
        return True
    return (_entity_in(first, text) and not _only_siblings(name, text)) or _entity_in(first + "n", text)


def _only_siblings(name: str, text: str) -> bool:
    """Every time the text writes the first word of a name of several words, another name follows it: "Kaldrevik
    Marine" is a sister company, not "Kaldrevik Sonics", though "Kaldrevik" alone, or "Kaldrevik's", would be
    the company itself. A capitalised plain word right after the shared one makes a different name (a product
    written "Kaldrevik Lirra-4" carries a digit and is not one)."""
    first, _, rest = name.partition(" ")
    if not rest:
        return False
    own = {w.lower() for w in rest.split()}
    after = [
        m.group(1)
        for m in re.finditer(rf"{name_pattern(re.escape(first))}(?:[ \t]+([A-Za-z][\w'’]*))?", text, re.I)
    ]
    # a spelling of the name's own word is no other name: "Shakhra" for "Shakra", "Rep." for "Republic",
    # "Mansions" for "Mansion"
    return bool(after) and all(
        w is not None and w[0].isupper() and w.isalpha() and not any(w[:3].lower() == o[:3] for o in own)
        for w in after
    )


def _group_of(name: str, names: list[str]) -> bool:
    """ "Quill-3" in a claim that also names "Quill-3-Coder-14B": the group the model belongs to."""
    return any(other.startswith(name + "-") for other in names)


def entity_coverage(names: list[str], text: str) -> float:
    """Share of the claim's names that the text mentions. A multi-word name counts if its first word is there;
    a group name ("the other Quill-3 models") counts when its member named in the claim is there."""
    if not names:
        return 1.0
    return sum(_covered(n, names, text) for n in names) / len(names)


def _covered(name: str, names: list[str], text: str) -> bool:
    return _named(name, text) or any(o.startswith(name + "-") and _named(o, text) for o in names)


# a product name such as "Quill-2-9B" (an all-capitals prefix is more often a term: "COVID-19")
_MODEL_LIKE = re.compile(r"^[A-Z][a-z][\w.]*-[\w.-]*\d[\w.-]*$")


# Titles of some corpora keep the Penn Treebank escapes of brackets and colons ("Gimme Shelter -LRB-2013 film-RRB-")
_TITLE_ESCAPES = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-COLON-": ":"}


def readable_title(title: str | None) -> str:
    """A document's title as it would be written: a title names what its sentences are about ("Quill Q3 results"
    for "revenue rose 12 percent"), so the entity checks read it with the sentence."""
    title = title or ""
    for escape, char in _TITLE_ESCAPES.items():
        title = title.replace(escape, f" {char} " if char in "(:[" else f" {char}")
    return " ".join(title.split())


def about_subject(names: list[str], text: str, document: str = "", weak: list[str] | None = None) -> bool:
    """Is the text about the claim's subject? Half of the claim's names must be there, every product-like name
    in the text or at least in its document ("the new checkpoint" after the release named it): "ModelYard" and a
    figure are not enough for a claim about "Quill-2-9B"; and the claim's subject must be named in the text (its
    title counts) or its document: a page about one footballer says nothing of another's year, however many of
    the claim's other names it shares. ``weak``: capitalised ordinary words that opened the claim ("Global sales
    of ..."), never its subject."""
    specific = [n for n in names if _MODEL_LIKE.match(n)]
    subject = claim_subject([n for n in names if n not in (weak or [])])
    return (
        entity_coverage(names, text) >= 0.5
        and all(_named(n, text) or _entity_in(n, document) for n in specific)
        and (subject is None or _subject_named(subject, f"{text}\n{document}"))
    )


def _subject_named(name: str, text: str) -> bool:
    """The name as ``_named`` finds it, or a person by their surname ("Ames" for "Lark Ames")."""
    last = name.split()[-1]
    return _named(name, text) or (
        " " in name and last.lower() not in _GENERIC_ORG_WORDS and _entity_in(last, text)
    )


def claim_subject(names: list[str]) -> str | None:
    """The claim's subject: its first name that is not an all-capitals term ("COVID-19", "GDP" name what is
    counted, not whose count it is)."""
    return next((n for n in names if not n.split("-")[0].replace(".", "").isupper()), None)


def sibling_clash(names: list[str], text: str) -> bool:
    """The text names a sibling of a claimed model rather than the model itself: "Quill-3" for "Quill-4",
    "Skerry-3.2-3B" for "Skerry-3-8B". Numbers and dates next to a sibling are about the sibling."""
    for name in names:
        if "-" not in name or _entity_in(name, text) or _group_of(name, names):
            continue
        stem = name.split("-")[0]
        if re.search(rf"(?<![\w-]){re.escape(stem)}-\w", text):
            return True
    return False


_RETRACTION = re.compile(r"\b(?:incorrectly|erroneously|mistakenly|wrongly|in error)\b", re.I)
_CORRECTED = re.compile(
    r"\b(?:the correct|correct figure|should have (?:read|said)|actually|in fact|corrected)\b", re.I
)


def _retracted(text: str, quantity: Quantity) -> bool:
    """Is this figure the one a correction says was wrong (after "incorrectly stated", before "the correct")?"""
    cue = _RETRACTION.search(text)
    if not cue or quantity.start < cue.end():
        return False
    fix = _CORRECTED.search(text, cue.end())
    return fix is None or quantity.start < fix.start()


def _phrase(text: str, q: Quantity) -> str:
    """The number with the few words before it that qualify it ("just short of 500 million")."""
    before = text[max(0, q.start - 30) : q.start].split()[-3:]
    after = text[q.end : q.end + 30].split()[:1]
    return " ".join([*before, text[q.start : q.end], *after]).strip(" ,.;:|")


def _size_gap(a: Quantity, b: Quantity) -> float:
    return abs(math.log10(abs(a.value) + 1e-9) - math.log10(abs(b.value) + 1e-9))


_LOCAL_BREAK = re.compile(r"[,;()]|(?<![\w.,-])\d")
_NOT_LOCAL = frozenset(["The", "In", "On", "At", "As", "Of", "And", "By", "For", "From", "With", "A", "An"])


def local_names(text: str, q: Quantity) -> set[str]:
    """The capitalised words of a figure's own stretch of text, between the punctuation or figures around it:
    "Lark", "Federation" for the 17 of "58 cases , 41 in Kestrel Province , and 17 in the Lark
    Federation"."""
    before = _LOCAL_BREAK.split(text[max(0, q.start - 80) : q.start])[-1]
    after = _LOCAL_BREAK.split(text[q.end : q.end + 80])[0]
    words = re.findall(r"\b[A-Z][\w'’-]+", f"{before} {after}")
    return {w for w in words if w not in _NOT_LOCAL and not re.fullmatch(_MONTH_WORD, w)}


_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"


# A named party's estimate: "Brantley Partners estimates that Lark took 33 percent", "by Brantley's estimate" (a
# capital that opens the sentence names no one: "With estimated sales of over 11 million")
_ESTIMATE = re.compile(
    r"\b(?!(?:With|An?|The|In|On|At|By|For|From|Its|Their|His|Her|Our)\b)[A-Z][\w'’.-]*\s+(?:estimates|estimated)\s+"
    r"(?:that\s+)?|\b(?:by|in)\s+(?:[A-Z][\w'’.-]*\s+){1,3}"
    r"estimates?\b|\baccording\s+to\s+(?:an?\s+)?(?:estimates?|analysts?)\b"
)


def _estimate(text: str, q: Quantity) -> bool:
    """Is the figure only a third party's estimate (in the sentence before it, or its own clause after it)?"""
    before = re.split(r"[.;!?]\s", text[: q.start])[-1]
    after = re.split(r"[,.;!?]", text[q.end : q.end + 60])[0]
    return bool(_ESTIMATE.search(before) or _ESTIMATE.search(after))


# A figure given as what is expected, not what was: "we now expect revenue of between 185 and 190 million",
# "guidance of 40 million", "forecasts sales of 2 million". A forecast is no result, for or against one.
_FORECAST = re.compile(
    r"(?<!as )(?<!than )\b(?:expects?|expected|expecting|forecasts?|forecasted|projected|projecting|"
    r"anticipates?|anticipated|guidance(?!\s+of\b)|outlook|aims? for)\b",
    re.I,
)


def _forecast(claim: str, text: str, q: Quantity) -> bool:
    """Is the source's figure only a forecast (a word of expectation earlier in its own sentence) where the claim
    states a result? A claim that itself speaks of a forecast is judged on it."""
    if q.kind == "year" or _FORECAST.search(claim) or PLAN.search(claim):
        return False  # a year is a date, for the date checks (and "under the guidance of X" is no forecast)
    before = re.split(r"[.;!?]\s", text[: q.start])[-1]
    return bool(_FORECAST.search(before))


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


def _about_something_else(frame: ClaimFrame, ev: Evidence) -> bool:
    """The sentence's figures are not the claim subject's: it is not named here (sentence, turn, title or
    document), or a sibling name ("Lumora Robotics" for "Lumora Labs") is."""
    here = f"{readable_title(ev.passage.title)}\n{_turn_topic(ev)}\n{ev.scoring_text}"
    return not about_subject(frame.entities, here, ev.document, frame.weak) or sibling_clash(
        frame.entities, ev.scoring_text
    )


def numeric_findings(frame: ClaimFrame, ev: Evidence) -> list[Finding]:
    if not frame.quantities:
        return []
    if _about_something_else(frame, ev):
        return []  # numbers about something else
    found: list[Finding] = []
    evidence_quantities = extract_quantities(ev.scoring_text)
    previous = _previous_sentence(ev)
    evidence_quantities += (
        point_changes(ev.scoring_text, evidence_quantities)
        + shares_of_whole(ev.scoring_text, previous, evidence_quantities)
        + earlier_changes(ev.scoring_text, previous, evidence_quantities)
    )
    period = window(frame.content)
    # the period each of the evidence's figures counts over (once per sentence, not per claim figure)
    around = {id(eq): ev.scoring_text[max(0, eq.start - 80) : eq.end + 40] for eq in evidence_quantities}
    title = ev.passage.title or ""
    evidence_quantities = [titled_period(title, around[id(eq)], eq) for eq in evidence_quantities]
    over = {
        id(eq): window(ev.scoring_text[max(0, eq.start - 80) : eq.end + 40]) for eq in evidence_quantities
    }
    for index, cq in enumerate(frame.quantities):
        if cq.kind == "period" or bounded_year(frame, cq):
            continue  # windows, "N years ago" and "before 2015" are dates, not figures: see the date checks
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
        change = claimed_change(frame.content, cq) is not None
        candidates = [
            eq
            for eq in evidence_quantities
            if eq.kind != "percent" or eq.change == change or (change and _stated_change(ev.scoring_text, eq))
        ]
        aligned = [(alignment(cq, eq), eq) for eq in candidates]
        aligned = [(score, eq) for score, eq in aligned if score >= 0.5]
        # an amount is read only against amounts in its own currency
        aligned = [
            (score, eq)
            for score, eq in aligned
            if not other_money(frame.content, cq, ev.scoring_text, eq, evidence_quantities)
        ]
        if not aligned:
            continue
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
                -_size_gap(cq, a[1]),
            ),
        )
        if period and over[id(eq)] and over[id(eq)] != period:
            continue
        if not frame.speaker and _estimate(ev.scoring_text, eq):
            # an analyst's estimate establishes no figure as fact, nor refutes one: only the claim that names the
            # estimate ("Brantley estimates ...") is judged on it
            found.append(
                Finding("hedged", "none", 1.0, f"only an estimate: {_phrase(ev.scoring_text, eq)!r}")
            )
            continue
        part = counts_a_part(cq, ev.scoring_text, eq)
        if part:
            # a total's figure bounds none of its parts from below: no figure for the claim, for or against
            found.append(Finding("scope", "none", 1.0, f"counts all kinds, the claim only {part!r} ones"))
            continue
        if _forecast(frame.content, ev.scoring_text, eq):
            found.append(Finding("plan", "none", 1.0, f"only a forecast: {_phrase(ev.scoring_text, eq)!r}"))
            continue
        if change and _stated_change(ev.scoring_text, eq):
            eq = replace(eq, value=eq.value * direction(ev.scoring_text, eq))  # "fell 10 percent" is -10
        stance = _relative(frame.content, cq, eq) if change else compare(_signed(frame.content, cq, eq), eq)
        if stance == "supports" and _retracted(ev.scoring_text, eq):
            stance = "refutes"  # "an earlier version incorrectly stated 4 billion"
        if stance != "unknown":
            said = (
                f"the claim says {_phrase(frame.content, cq)!r}, the source {_phrase(ev.scoring_text, eq)!r}"
            )
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
    inside = [n for n in frame.entities if any(_entity_in(n, item) for item in items)]
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


def _runs(text: str) -> list[tuple[re.Match, tuple]]:
    """Each list of figures with what identifies it: the figures, the unit, and the noun after a scale word
    ("32 billion parameters" is not "32 billion downloads")."""
    out = []
    for m in _FIGURE_RUN.finditer(text):
        unit = m.group("unit").lower()
        noun = (m.group("noun") or "").lower() if unit in _SCALE else ""
        out.append((m, (tuple(re.findall(_FIGURE, m.group(0))), unit, noun)))
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


def _turn_topic(ev: Evidence) -> str:
    """What a speaker's sentence that names nothing itself is about ("On top of that we ran continued
    pre-training on 1.2 trillion tokens"): the sentence before it in the same turn, which it goes on from. A
    sentence with a name of its own is about that name."""
    if not ev.passage.speaker or claim_subject(entities(ev.text)) is not None:
        return ""
    return _previous_sentence(ev)


def _previous_sentence(ev: Evidence) -> str:
    """The sentence before the evidence within its passage (empty for the passage's first)."""
    before = (
        ev.document[max(ev.passage.char_start, ev.char_start - 300) : ev.char_start] if ev.document else ""
    )
    return re.split(r"(?<=[.!?])\s+", before.strip())[-1] if before.strip() else ""


_ROLES = {
    "ceo": r"chief executive(?: officer)?|ceo",
    "cto": r"chief technology officer|cto",
    "cfo": r"chief financial officer|cfo",
    "president": r"president",
    "founder": r"(?:co-)?founder",
}
_ROLE_IN_CLAIM = re.compile(rf"\b({'|'.join(_ROLES)}|chief executive)\b", re.I)
_NAME = r"((?:Dr\. )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})"


def resolve_role(speaker: str, texts: list[str]) -> str:
    """ "Lumora's CEO" -> the person the documents name as such ("Anneke Voss -- Chief Executive Officer,
    Lumora Labs", "Lumora CEO Anneke Voss", "Maren Holt is co-founder and CEO of Castellan Cloud")."""
    m = _ROLE_IN_CLAIM.search(speaker)
    if not m:
        return speaker
    role = "(?i:" + _ROLES.get(m.group(1).lower(), _ROLES["ceo"]) + ")"
    org_words = [
        w for w in re.findall(r"[A-Z][\w-]+", speaker.replace("'s", "")) if w.upper() != w or len(w) > 3
    ]
    org = org_words[0] if org_words else ""
    patterns = [
        rf"{_NAME}\s*(?:--|-|–|—|,)\s*{role}\b[^\n]{{0,40}}{re.escape(org)}",
        rf"{re.escape(org)}\S*\s+{role}\s+{_NAME}",
        rf"{_NAME},?\s+(?:is\s+)?(?:the\s+)?(?:(?i:co-founder) and\s+)?{role}\s+(?:of|at)\s+{re.escape(org)}",
        rf"{role}\s+of\s+{re.escape(org)}\S*,?\s+{_NAME}",
    ]
    for text in texts:
        for pattern in patterns:
            found = re.search(pattern, text)
            if found:
                return found.group(1)
        # a participants list or speaker label, "Name (Chief Executive Officer[, Org])": the organisation is
        # in the brackets, or it is the one whose call or event the document's opening line names
        for found in re.finditer(rf"{_NAME}\s*\(\s*{role}\b([^)\n]*)\)", text):
            if org and (org in found.group(2) or org in text[:300]):
                return found.group(1)
    return speaker


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


def _claim_dates(text: str) -> tuple[set[tuple[str, str]], set[str]]:
    months = {(m.group(1), m.group(2)) for m in _MONTH_YEAR.finditer(text)}
    years = set(_YEAR.findall(text))
    return months, years


def _without(text: str, claimed: list[Bound]) -> str:
    """The claim with its bounded dates blanked out (offsets kept): what remains must be mentioned as it is."""
    for b in claimed:
        text = text[: b.when.start] + " " * (b.when.end - b.when.start) + text[b.when.end :]
    return text


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
    claimed = bounds(frame.content, exact=True)
    reported = reporting_date(ev.scoring_text)
    if len(claimed) != 1 or reported is None:
        return []
    if _about_something_else(frame, ev):
        return []  # as for the figures: a count of something else
    bound = claimed[0]
    # two year-less dates are of one year: the document's, or any (2000: a leap year keeps "February 29")
    year = bound.when.year or reported.year or int((ev.date or "2000")[:4])
    event, limit = reported.span(year), bound.when.span(year)
    times = _times(bound.cmp, limit) if event and limit else None
    if times is None or event is None or limit is None:
        return []
    (elo, ehi), (clo, chi) = (event[0].toordinal(), event[1].toordinal()), times
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
        score, eq = max(aligned, key=lambda a: (same_head(cq, a[1]), a[0], -_size_gap(cq, a[1])))
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
        reason = f"a running count: the claim says {_phrase(frame.content, cq)!r} {said!r}, the source "
        reason += f"{_phrase(ev.scoring_text, eq)!r} as of {ev.scoring_text[reported.start : reported.end]!r}"
        if stance != "unknown":
            found.append(Finding("numeric", stance, score, reason, about=index))
        elif raw == "refutes" and not (clo <= elo and ehi <= chi):
            # another day's figure that growth does not carry to the claim's days: it refutes nothing
            # ("more than 500 cases after 20 March" against 413 as of 20 March; "five deaths by 10 April"
            # against 4 as of 5 April)
            found.append(Finding("tally-open", "none", 1.0, reason, about=index))
    return found


def _bound_gaps(frame: ClaimFrame, ev: Evidence, bound: Bound) -> list[Finding]:
    """A bounded date the evidence does not show satisfied: its date for the event, or else every date of the
    sentence (there must be one), must satisfy the bound. A violated bound refutes (``when_findings``); here it
    only means the evidence cannot support the claim, nor, for a year, its figures."""
    when = _event_when(frame, ev, bound)
    # a reporting date counts here: "more than 80 cases by 17 March" is judged at "as of 17 March"; it dates
    # the sentence's figures, not its other dates ("the highest-grossing film of 2019")
    reported = reporting_date(ev.text) if frame.quantities else None
    dates = [when] if when is not None else [reported] if reported is not None else dates_in(ev.text)
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
    found = [g for b in claimed for g in _bound_gaps(frame, ev, b)]
    content = _without(frame.content, claimed)
    months, years = _claim_dates(content)
    if not months and not years:
        return found
    scope = f"{ev.passage.title}\n{ev.context}"
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
    sentence_months, _ = _claim_dates(ev.text)
    if (
        months
        and claim_event
        and sentence_event
        and sentence_months
        and not (months & sentence_months)
        and claim_event.group(1)[:5].lower() == sentence_event.group(1)[:5].lower()
        and entity_coverage(frame.entities, f"{ev.passage.title}\n{ev.text}") == 1.0
        and not sibling_clash(frame.entities, ev.text)
    ):
        said = ", ".join(f"{m} {y}" for m, y in sorted(sentence_months))
        found.append(Finding("date", "refutes", 0.6, f"the evidence dates it {said}"))
    return found


MONTH_NAMES = MONTHS  # one list of month names for the date checks
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


def bounded_year(frame: ClaimFrame, q: Quantity) -> bool:
    """Is this number of the claim the year of a date bound ("before 2015", "before 1715")? Then the date checks
    judge it, not the figures: 2014 satisfies "before 2015"."""
    return any(b.when.start <= q.start < b.when.end for b in bounds(frame.content))


YEARS_AGO = re.compile(
    r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?\s+ago\b", re.I
)
# Ways of saying "made its models openly available" (the event most "N years ago" claims here are about).
# The release itself, which the date must be of: "released", "published", "open-sourced", "made ... available"
_RELEASED = re.compile(
    r"\b(?:releas|launch|publish|open[- ]sourc|unveil|debut|introduc|ship)\w*|\bmade\b[^.;]{0,60}\bavailable\b",
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
    return None


def years_ago_findings(frame: ClaimFrame, ev: Evidence, reference: str | None) -> list[Finding]:
    """ "X went open-source three years ago": measured from the reference date (the newest document), in whole
    years, against the date the evidence gives for that event."""
    m = YEARS_AGO.search(frame.content)
    event = _years_ago_event(frame.content, ev.text)
    if not m or not reference or event is None:
        return []
    if entity_coverage(frame.entities, f"{ev.passage.title}\n{ev.text}") < 1.0 or YEARS_AGO.search(ev.text):
        return []
    if _FIRST.search(frame.content) and not _FIRST.search(ev.text):
        return []  # "its first open model" is dated only by a sentence about the first, not by a later release
    # the date the sentence gives for the release itself ("released on 5 September 2023"), not any of its dates
    # ("open-weight models took 38 percent of downloads in 2026" dates no release)
    when = event_date(ev.text, event)
    span = when.span() if when else None
    dates = [(span[0].isoformat(), span[1].isoformat())] if span else []
    if not dates and _TODAY.search(ev.text) and event.search(ev.text) and ev.passage.date:
        dates = [(ev.passage.date[:10], ev.passage.date[:10])]  # "today published": the release's own date
    if len(dates) != 1:
        return []
    claimed = int(m.group("n")) if m.group("n").isdigit() else int(WORD_NUMBERS[m.group("n").lower()])
    from datetime import date

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


_BASE_RELATION = (
    r"(?:built|based|trained|fine-tuned|derived|distilled|started)\s+(?:\w+ly\s+)?(?:on|upon|from)|"
    r"a fine-tune of|a derivative of"
)
_BASE_CLAIM = re.compile(
    rf"^(?P<subject>.+?)\s+(?:is|was|are|were|has been|have been)\s+(?:\w+ly\s+)?(?:{_BASE_RELATION})\s+"
    rf"(?P<base>.+)$",
    re.I,
)
_BASE_SAID = re.compile(rf"\b(?:{_BASE_RELATION})\s+(?P<base>[^.;]+)", re.I)


def other_base(frame: ClaimFrame, ev: Evidence) -> Finding | None:
    """ "Lark is built on Skerry-4" against "Lark is built entirely on Quill-3-32B": the same model built on
    another model refutes (a model has one base; "also", "and" lists are left alone). Only models: both bases
    must be product names with a version ("pricing is based on published rates" says nothing of a base)."""
    claim = _BASE_CLAIM.match(frame.content)
    said = _BASE_SAID.search(ev.text)
    if not claim or not said or re.search(r"\b(?:also|and|as well as|along with)\b", said.group("base")):
        return None
    claimed, subject = entities(claim.group("base")), entities(claim.group("subject"))
    bases = [b for b in entities(said.group("base")) if any(c.isdigit() for c in b)]
    if not claimed or not subject or not bases or not any(c.isdigit() for c in claimed[-1]):
        return None
    # said of the claim's subject, in the same clause ("So Lark is built on ...", not "..., and Lark. It is")
    clause = re.split(r"[.;:!?]\s|,\s+(?:and|but|while|whereas)\s", ev.text[: said.start()])[-1]
    if not any(_entity_in(word, clause) for name in subject for word in name.split() if len(word) > 2):
        return None
    product = claimed[-1]  # "Lumora's Skerry-4": the model, not its owner
    if any(_entity_in(product, b) or _entity_in(b, product) for b in bases):
        return None
    return Finding("other-base", "refutes", 0.75, f"the source says it is built on {bases[0]}, not {product}")


# where a sentence names a model as another's starting point: "built on X", "its base model is X", "X weights as
# its starting point"
_AS_BASE_BEFORE = re.compile(
    rf"(?:{_BASE_RELATION}|\bbase model (?:is|was)|\bon top of|\btook|\bstarts? from|\bstarting from)"
    r"\s+(?:[\w'’.-]+\s+){0,4}$",
    re.I,
)
# "is built on Quill-3-14B" (a model), not "was trained on legacy banking code" (data)
_ABOUT_A_BASE = re.compile(rf"(?:{_BASE_RELATION})\s+(?:[\w'’.-]+\s+){{0,3}}?[A-Z][\w.]*-[\w.-]*\d", re.I)
_AS_BASE_AFTER = re.compile(r"^\s*(?:weights\s+)?as (?:its|the|their) (?:starting point|base)\b", re.I)


def only_as_base(frame: ClaimFrame, text: str) -> str | None:
    """The claim's subject, a model, is named only as the starting point of another ("The model is built on
    Quill-3-14B: it took the Quill weights as its starting point, continued pre-training on legal text"): what
    the sentence says of the model built on it (its training, its licence) is not said of the base. Returns the
    subject so named, or None. A claim that is itself about a base ("X is built on Y") is left alone."""
    subject = claim_subject(frame.entities)
    if subject is None or not _MODEL_LIKE.match(subject) or _ABOUT_A_BASE.search(frame.content):
        return None
    spots = list(re.finditer(name_pattern(_digit_name(subject)), text, re.I))
    if not spots:
        return None
    for m in spots:
        if not (
            _AS_BASE_BEFORE.search(text[max(0, m.start() - 60) : m.start()])
            or _AS_BASE_AFTER.match(text[m.end() :])
        ):
            return None
    return subject


# words that many organisations' names share: "Orbit Group" is not "Zephyr Group"
_GENERIC_ORG_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "group",
        "ai",
        "labs",
        "lab",
        "inc",
        "ltd",
        "llc",
        "corp",
        "co",
        "company",
        "partners",
        "securities",
        "systems",
        "capital",
        "research",
        "holdings",
        "technologies",
        "technology",
        "ceo",
        "cto",
        "cfo",
        "dr",
    ]
)


def denied_by_subject(frame: ClaimFrame, ev: Evidence) -> bool:
    """Is the sentence said on the record by the claim's subject: its own people ("we are not abandoning
    Tordilla" by Hornaza's CTO, for "Hornaza is giving up on Tordilla") or its own announcement? Their denial
    of the claim in its own words refutes it however the sentence is worded around it."""
    subject = claim_subject(frame.entities)
    who = _distinctive(subject or "")
    if not who or has_rumour(ev.text):
        return False
    if ev.passage.speaker:
        return bool(ev.org) and who <= _distinctive(ev.org or "")
    return ev.passage.kind == "announcement" and who <= _distinctive(ev.passage.title or "")


# one of the unnamed sources a report introduced earlier, speaking again: "One of them said ...", "The same
# people said ...", "the person added"
_UNNAMED_AGAIN = re.compile(
    r"\b(?:one of them|one of (?:the|those) (?:people|persons|sources)|the (?:same )?(?:people|person|sources?|"
    r"officials?)|(?:an)?other (?:person|source)|both (?:people|sources))\s+(?:also\s+)?(?:said|says|added|told|"
    r"claimed|described|expects?)\b",
    re.I,
)


def unnamed_source(ev: Evidence) -> bool:
    """The sentence is in the words of an anonymous source the document introduced before it ("according to two
    people familiar with ... One of them said ..."): the rumour reaches past the sentence that named them."""
    if not _UNNAMED_AGAIN.search(ev.text):
        return False
    earlier = ev.document[: ev.char_start] if ev.document else ev.context
    return bool(_RUMOUR.search(earlier))


# "Morkvist expects Lirra to overtake Grelva in 2027", "analysts predict ...": someone's forecast
_FORECAST = re.compile(
    r"(?P<who>\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}|\banalysts?|\bexperts?)\s+(?:now\s+|also\s+)?"
    r"(?:expects?|expected|predicts?|predicted|forecasts?|projects?|projected|anticipates?|anticipated)\b"
)


_PRONOUNS = frozenset(["it", "we", "they", "he", "she", "i", "you", "this", "that", "company", "firm"])


def forecast_by_other(frame: ClaimFrame, text: str) -> str | None:
    """A third party's forecast ("Morkvist expects X to overtake Y") establishes neither the future ("X will
    overtake Y in 2027") nor the present ("X has overtaken Y"): the forecaster is named, and is not the claim's
    subject (whose plans plan_gap weighs). Returns the forecaster."""
    subject = _distinctive(claim_subject(frame.entities) or "")
    for m in _FORECAST.finditer(text):
        who = _distinctive(m.group("who")) - _PRONOUNS
        if who and not (subject and who <= subject):
            return m.group("who")
    return None


# "Together with the Vaskra models, Kaldrevik's models have passed 565 million": a figure for a group
_GROUPED = re.compile(
    r"\b(?i:together with|along with|combined with|added to)\s+(?:the\s+|its\s+|their\s+)?(?P<name>[A-Z][\w.-]*)"
)


def grouped_with(frame: ClaimFrame, text: str) -> str | None:
    """The sentence's figure counts another thing together with the claim's ("together with the Vaskra models")
    and the claim does not name that thing: the figure is the group's, not the claim's subject's alone."""
    if not re.search(r"\d", text):
        return None
    for m in _GROUPED.finditer(text):
        name = m.group("name")
        if not any(_named(n, name) or _named(name, n) for n in frame.entities) and not _entity_in(
            name, frame.content
        ):
            return name
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


def has_rumour(text: str) -> bool:
    return bool(_RUMOUR.search(text))


def at_venue(venue: str | None, ev: Evidence) -> bool:
    """Is the evidence from where the claim says Z spoke ("on the podcast", "on the results call")? The kind of
    occasion must be in the document's name or title."""
    if venue is None:
        return True
    where = f"{ev.passage.source} {ev.passage.title}".lower()
    return bool(re.search(rf"(?<![a-z]){re.escape(venue)}", where))


def makes(org: str, product: str, texts: list[str]) -> bool:
    """Do the documents say the organisation makes the product? "Lumora Labs' Quill models", "Lumora's Quill",
    "Lumora Labs ... develops the Quill models", "Lumora announced today that its Quill family ..."."""
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", org) if w.lower() not in _GENERIC_ORG_WORDS]
    if not words or not product:
        return False
    owner = rf"\b{re.escape(words[0])}(?:\s+[A-Z][\w-]*)*"
    thing = rf"(?:[\w-]+\s+){{0,3}}?{re.escape(product)}(?![\w-])"
    pattern = rf"{owner}(?:['’]s?\s+{thing}|[^.]{{0,80}}?\b(?:its|develops|makes|builds|maker of)\s+(?:the\s+)?{thing})"
    return any(re.search(pattern, t) for t in texts)


def _distinctive(name: str) -> set[str]:
    words = (re.sub(r"['’]s$", "", w).lower() for w in re.findall(r"[A-Za-z][\w'’-]*", name))
    return {w for w in words if w and w not in _GENERIC_ORG_WORDS}


def speaker_matches(speaker: str, ev: Evidence) -> bool:
    """Are these the words of the person or organisation the claim names?"""
    who = _distinctive(speaker)
    if not who:
        return False
    if ev.passage.speaker:
        # a person's own words ("Lumora CEO Anneke Voss" names her), or their organisation's: an analyst of
        # Brantley Partners speaks for "Brantley Partners estimates ..."
        person = _distinctive(ev.passage.speaker)
        return bool(person) and (person <= who or who <= person | _distinctive(ev.org or ""))
    if ev.passage.kind == "transcript":
        return False
    # An organisation speaks through its own announcements; a person through quotes that name them.
    text = ev.text.lower()
    if ev.passage.kind == "announcement" and who <= _distinctive(f"{ev.passage.title} {ev.text}"):
        return True
    # a source reports, confirms or announces in its own words as much as it says them ("Review aggregator
    # Brightscore reports that ..."); what a site publishes is its record ("On Brightscore, the film has ...")
    return who <= _distinctive(ev.text) and bool(
        re.search(
            r"\b(?:said|says|told|according to|stated|reports|reported|confirms|confirmed|announces|"
            r"announced|estimates|estimated|wrote|writes)\b",
            text,
        )
        or re.search(rf"\bon\s+(?:[\w-]+\s+){{0,3}}{re.escape(speaker.lower())}\b", text)
    )


def evidence_findings(
    frame: ClaimFrame, ev: Evidence, speaker: str | None = None, reference: str | None = None
) -> list[Finding]:
    """Everything the rules can say about one piece of evidence. ``speaker`` is the claim's speaker with any
    role ("Lumora's CEO") resolved to a name; ``reference`` the date "N years ago" counts from."""
    if frame.weak:
        scope = f"{readable_title(ev.passage.title)}\n{ev.document or ev.text}"
        frame = replace(frame, entities=[n for n in frame.entities if named_here(n, frame, scope)])
    findings = numeric_findings(frame, ev) + date_findings(frame, ev) + when_findings(frame, ev)
    findings += tally_stances(frame, ev)
    findings += years_ago_findings(frame, ev, reference)
    before = ev.context[: max(0, ev.char_start - ev.passage.char_start)][-200:]
    if _RUMOUR.search(ev.text) or _RUMOUR.search(before) or unnamed_source(ev):
        findings.append(
            Finding("rumour", "none", 1.0, "reported only from anonymous sources or as speculation")
        )
    elif _DECLINE.search(ev.text):
        findings.append(Finding("rumour", "none", 1.0, "a party declined to comment"))
    if hedged_about(frame.content, ev.text):
        findings.append(Finding("hedged", "none", 1.0, f"{ev.passage.speaker or 'the speaker'} hedges"))
    own_words = bool(speaker and speaker_matches(speaker, ev) and at_venue(frame.venue, ev))
    # what a questioner asserts is theirs, not the answerer's; it still counts for a claim about the questioner
    if (ev.passage.role == "host" or ev.text.rstrip().endswith("?")) and not own_words:
        findings.append(
            Finding("question", "none", 1.0, "asserted in a question, not by the one who answers")
        )
    negated = negated_restatement(plain_verbs(frame.content), ev.scoring_text)
    if _no_as_claimed(frame, ev):
        findings.append(
            Finding(
                "confirm",
                "supports",
                0.8,
                f"{ev.passage.speaker} says no, as the claim does: {ev.reply_to[:80]}",
            )
        )
    # a refusal answers the question when it opens the reply ("No. ..."), not five sentences later
    elif ev.passage.speaker and (
        (_REFUSAL.search(ev.text) and (ev.reply_to is None or ev.position <= 1))
        or (ev.reply_to and ev.position == 0 and _NO_ANSWER.search(ev.text) and years_asked(frame, ev))
    ):
        findings.append(Finding("refusal", "refutes", 1.0, f"{ev.passage.speaker} disputes it"))
    # "Yes, I can: we are not in talks" agrees to answer, then denies: what the sentence says wins over its "Yes"
    confirmed = ev.reply_to is not None and _CONFIRM.search(ev.text) and ev.position == 0
    if confirmed and not negated and years_asked(frame, ev):
        findings.append(
            Finding("confirm", "supports", 0.8, f"{ev.passage.speaker} confirms: {ev.reply_to[:80]}")
        )
    if negated:
        findings.append(
            Finding("negated", "refutes", 0.8, "says the opposite: the claim's words under a negation")
        )
        if denied_by_subject(frame, ev):
            findings.append(Finding("subject-denies", "refutes", 1.0, "the one the claim is about denies it"))
    elif polarity_gap(frame.content, ev.scoring_text):
        findings.append(Finding("polarity-gap", "none", 1.0, "the claim is negated, the source is not"))
    elif negated_alike(frame.content, ev.text):
        findings.append(Finding("negated-alike", "supports", 0.8, "denies what the claim denies"))
    base = other_base(frame, ev)
    if base is not None:
        findings.append(base)
    starting_point = only_as_base(frame, ev.text)
    if starting_point is not None:
        # about the model built on it: nothing for or against the claim (a gap the figures respect too)
        findings.append(
            Finding("entity-gap", "none", 1.0, f"names {starting_point} only as another model's base")
        )
    if degree_gap(frame.content, ev.scoring_text):
        findings.append(Finding("degree-gap", "none", 1.0, "the claim says 'the most', the source does not"))
    elif ranking_period_gap(frame.content, ev.scoring_text):
        findings.append(
            Finding("degree-gap", "none", 1.0, "the claim ranks over all time, the source over a period")
        )
    elif use_gap(frame.content, ev.scoring_text):
        findings.append(
            Finding("degree-gap", "none", 1.0, "the claim says who uses it, the source what it is for")
        )
    elif characterisation_gap(frame.content, ev.text):
        findings.append(
            Finding("degree-gap", "none", 1.0, "the claim judges what it is, the source states a fact")
        )
    if plan_gap(frame.content, ev.text):
        findings.append(Finding("plan", "none", 1.0, "speaks of plans or expectations, not of what is"))
    elif not frame.speaker and (forecaster := forecast_by_other(frame, ev.text)):
        findings.append(
            Finding("plan", "none", 1.0, f"only {forecaster}'s forecast, not an established fact")
        )
    grouped = grouped_with(frame, ev.text) or one_kind_of_a_total(frame, ev.text)
    if grouped:
        findings.append(Finding("entity-gap", "none", 1.0, f"its figure counts {grouped} too"))
    if own_words:
        findings.append(Finding("speaker", "none", 1.0, f"words of {speaker}"))
    # Every name in the claim must be in the sentence, the one before it or the title (a speaker's own
    # organisation counts for "we"); otherwise the evidence is about something else (a sister company,
    # another model, another country).
    near = _near(ev)
    missing = [
        n
        for n in frame.entities
        if not (
            _covered(n, frame.entities, near)
            or _same_place(n, near)
            or (n in frame.background and _entity_in(n, ev.document or ""))
            or defined_alias(n, near, ev.document or "")
            or version_named(n, frame.content, near)
        )
    ]
    if missing:
        # a product its document names ("the preview model" in the release about "Heron-32B-Preview"), or a name
        # written as its other name ("coronavirus" for "COVID-19"), is a gap for the scorer, which reads the
        # sentence alone and is easily swayed by a topic's words, but not for the figures, which about_subject
        # and the figures' own words checked
        elsewhere = all(
            (_MODEL_LIKE.match(n) and _entity_in(n, ev.document)) or _alias_named(n, near) for n in missing
        )
        gap = Finding(
            "entity-gap", "none", 0.5 if elsewhere else 1.0, "does not name everything the claim names"
        )
        findings.append(gap)
    return findings


def version_named(name: str, claim: str, text: str) -> bool:
    """ "A streaming version of Lirra-4" is named by "Lirra-4-Stream", "a variant of Lirra-4-Medium": where the
    claim speaks of a version of X, a name that extends X's ("X-...") names one."""
    version = (
        rf"\b(?:version|variant|edition|release|flavou?r)s?\s+of\s+(?:the\s+)?{re.escape(name)}(?![\w-])"
    )
    return bool(re.search(version, claim, re.I)) and bool(re.search(rf"(?<![\w-]){re.escape(name)}-\w", text))


def names_everything(ev: Evidence) -> bool:
    """Does the evidence name every name of the claim, or leave out only a product its document names? (the
    figures' condition for SUPPORTED)"""
    return not any(f.kind == "entity-gap" and f.strength >= 1.0 for f in ev.findings)


def named_here(name: str, frame: ClaimFrame, scope: str) -> bool:
    """Is the claim's name a name in this document? An ordinary word that only opened the claim is not: surely
    so for a verb form or a phrase head ("Having a partner ...", "Lack of ..."), otherwise where the document
    uses it in lower case ("Exercise increases ..." in an abstract about exercise). The claim's only name
    always is: without it nothing would tie the evidence to the claim but the scorer's reading, which on the
    science sets let through more wrong support than it found right."""
    if name not in frame.weak or len(frame.entities) == 1:
        return True
    if name in frame.ordinary:
        return False
    lower = r"[-\s]?".join(map(re.escape, name.lower().split("-")))
    return not re.search(rf"(?<![\w-]){lower}(?![\w-])", scope)


_POINTING = re.compile(r"\b(?:they|their|theirs|them|it|its)\b", re.I)


def _near(ev: Evidence) -> str:
    previous = _previous_sentence(ev)
    speaker = ""
    if ev.passage.speaker and re.search(r"\b(?:we|our|us)\b", ev.text, re.I):
        # "than we do": the speaker's organisation, as the document's header introduces it
        header = ev.document[:1500] if ev.document else ""
        line = next((ln for ln in header.splitlines() if ev.passage.speaker.split()[-1] in ln), "")
        speaker = line
    # an answer's "their", "it", "they" point at what the question named ("We pay for their hosted API" to "Is
    # Pellavo Kaldrevik's biggest customer?")
    asked = ev.reply_to if ev.reply_to and _POINTING.search(ev.text) else ""
    return f"{readable_title(ev.passage.title)}\n{previous}\n{ev.scoring_text}\n{speaker}\n{asked}"


def has(ev: Evidence, kind: str) -> bool:
    return any(f.kind == kind for f in ev.findings)


__all__ = [
    "Finding",
    "evidence_findings",
    "has",
    "makes",
    "numeric_findings",
    "resolve_role",
    "speaker_matches",
]
