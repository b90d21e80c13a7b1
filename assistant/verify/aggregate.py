"""From scored evidence to one label, following the judging conventions (docs: README "Verdict rules").

Pure functions of the claim frame and the evidence (with relevance, scorer probabilities and rule findings),
so every rule can be tested without a model:
- numbers decide when they are about the same thing; when sources disagree, the newest dated document wins
  (or, for a claim that names a date, the document closest to that date);
- rumours, anonymous sources and hedged words never support;
- "Z said P" is judged on Z's own words only: a refusal refutes, a hedge is not enough, silence is NEI;
- weak evidence gives NOT_ENOUGH_INFO, and the bar for SUPPORTED is the highest.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date

from assistant.retrieve.evidence import Evidence
from assistant.verify.claims import ClaimFrame, conjuncts, is_negated
from assistant.verify.date_findings import MONTH_NAMES, YEARS_AGO
from assistant.verify.dates import restated
from assistant.verify.figure_findings import bounded_year
from assistant.verify.findings import has, names_everything
from assistant.verify.names import entity_coverage
from assistant.verify.quantities import extract_quantities
from assistant.verify.quantity import Quantity, stem
from assistant.verify.stance import degree_gap, shared_words
from assistant.verify.tally_findings import before_the_mark
from ingest.metadata import find_dates

MIN_RELEVANCE = 0.35
# Figures checked against the claim's own names and counted words are evidence even when the sentence as a
# whole reads unlike the claim ("It has grossed $221 million" for a claim about John Wick's gross).
NUMERIC_RELEVANCE = 0.15
SUPPORT_AT = (
    0.7  # bench/thresholds.py: higher cuts wrong SUPPORTED on the science sets, lower helps scenario-A
)
REFUTE_AT = 0.65
DENIAL_RELEVANCE = 0.9  # a negated restatement this close to the claim refutes it (see _refutes)
ATTRIBUTION_RELEVANCE = 0.45
# A date that agrees says only when; the sentence must also be about the rest of the claim. Fewer than two in
# five of the claim's words is a sentence about something else that happens to share the time.
DATE_ONLY_SHARED = 0.4


@dataclass
class Decision:
    label: str
    score: float  # uncalibrated strength of the label, in [0, 1]
    support: list[Evidence] = field(default_factory=list)
    refute: list[Evidence] = field(default_factory=list)
    explanation: str = ""
    decided_by: str = "scorer"


def _days(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(iso).toordinal() if iso else None
    except (TypeError, ValueError):  # a date that is not ISO is no date
        return None


_DAY_MONTH = re.compile(
    r"\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"(?!\s+\d{4})|\b(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(\d{1,2})\b(?!,?\s+\d{4})"
)


def effective_date(ev: Evidence) -> str | None:
    """When a figure was true: the latest date the sentence gives ("on 6 November", "as of 31 August 2025"),
    if it is not after the document's own date; otherwise the document's date."""
    own = ev.date
    dates = [iso for _, iso in find_dates(ev.text)]
    if own:
        for m in _DAY_MONTH.finditer(ev.text):
            day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            try:
                dates.append(date(int(own[:4]), MONTH_NAMES.index(month.lower()) + 1, int(day)).isoformat())
            except ValueError:
                continue
    past = [d for d in dates if own is None or d <= own]
    return max(past) if past else own


_MONTH_YEAR = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b"
)


def _named_month(text: str) -> tuple[int, int] | None:
    """(year, month) of the first month a claim names with its year ("in October 2026")."""
    m = _MONTH_YEAR.search(text)
    return (int(m.group(2)), MONTH_NAMES.index(m.group(1).lower()) + 1) if m else None


def claim_date(text: str) -> str | None:
    """The date a claim is judged at, if it names one: a full date, or the end of a named month."""
    named = find_dates(text)
    if named:
        return named[0][1]
    month = _named_month(text)
    return date(month[0], month[1], monthrange(*month)[1]).isoformat() if month else None


def claim_start(text: str) -> str | None:
    """Where the time a claim names begins: its full date, or the first day of its named month."""
    named = find_dates(text)
    if named:
        return named[0][1]
    month = _named_month(text)
    return date(month[0], month[1], 1).isoformat() if month else None


# a number after a capitalised word is part of a title ("Gremlins 2", "Just Dance 2"), unless that word is one
# that opens a sentence or a phrase ("In 2 years", "After 49 reviews")
_TITLE_NUMBER = re.compile(
    r"(?<![\w.])(?!(?:In|On|By|At|As|After|Before|Since|Over|Under|About|The|A|An|Of|For)\b)[A-Z][\w.'’]*\s+$"
)


def _figure(frame: ClaimFrame, q: Quantity) -> bool:
    """Is this number of the claim a figure to check? Not the year of a date bound ("before 1715": the date
    checks judge it), nor a title's number ("Just Dance 2 was released after October 2010")."""
    if bounded_year(frame, q):
        return False
    title = q.comparator == "eq" and re.fullmatch(r"\d{1,2}", q.text) is not None
    return not (title and _TITLE_NUMBER.search(frame.content[: q.start]))


def _open_tally(e: Evidence, f) -> bool:
    """A running count's figure from a day that neither meets the claim's date bound nor, by growth, settles
    it (tally_findings.tally_stances): it can neither support nor refute the claim's figure."""
    return (
        f.kind == "numeric"
        and f.stance in ("supports", "refutes")
        and any(g.kind == "tally-open" and g.about == f.about for g in e.findings)
    )


def _numeric(frame: ClaimFrame, pool: list[Evidence]) -> Decision | None:
    hits = [
        (e, f)
        for e in pool
        for f in e.findings
        if f.kind in ("numeric", "date")
        and not any(has(e, k) for k in ("rumour", "question", "hedged", "plan"))
        and not _open_tally(e, f)
    ]
    if not hits:
        return None
    target = _days(claim_date(frame.text))
    when = {id(ev): effective_date(ev) for ev, _ in hits}  # once per evidence: it scans the sentence
    # a growing count below the claim's mark before the claim's time (or a future one) refutes nothing; the
    # time starts with the claim's month ("by mid-October": 18 October is no longer before it)
    start = _days(claim_start(frame.text))
    hits = [
        (e, f)
        for e, f in hits
        if not (
            f.stance == "refutes"
            and f.kind == "numeric"
            and f.about is not None
            and before_the_mark(frame.content, frame.quantities[f.about], _days(when[id(e)]), start)
        )
    ]
    if not hits:
        return None

    def rank(hit):
        ev, finding = hit
        day = _days(when[id(ev)])
        recency = (-abs(day - target) if target is not None else day) if day is not None else -(10**9)
        return (recency, finding.strength, ev.relevance)

    hits.sort(key=rank, reverse=True)
    top_date = when[id(hits[0][0])]
    deciding = [h for h in hits if when[id(h[0])] == top_date and h[1].strength >= hits[0][1].strength - 0.25]
    refuting = [e for e, f in deciding if f.stance == "refutes"]
    # a date the evidence gives for the claim's event refutes however well its figures agree ("64 yards
    # after 2015" against "64 yards on 8 December 2013")
    refuting += [
        e
        for e, f in hits
        if f.kind == "date" and f.stance == "refutes" and when[id(e)] == top_date and e not in refuting
    ]
    # a figure from a source that never names the claim's year may be from another time; a date checks only
    # the date, so it supports only where the scorer does not read the sentence as contradicting the rest
    supporting = [
        e
        for e, f in deciding
        if f.stance == "supports"
        and not has(e, "year-gap")
        and not (f.kind == "date" and e.probs[1] >= REFUTE_AT and e.probs[1] > e.probs[0])
    ]
    # one source per vote; a sentence that contradicts one of the claim's figures does not support it with the
    # others ("212 active cases, including one member ..." against "less than 190 active cases, including one
    # member ...")
    refuting = list({id(e): e for e in refuting}.values())
    supporting = [e for e in {id(e): e for e in supporting}.values() if all(e is not r for r in refuting)]
    ev, finding = hits[0]
    if refuting and (len(refuting) >= len(supporting)):
        return Decision(
            "REFUTED",
            min(1.0, 0.5 + 0.5 * finding.strength),
            refute=refuting,
            explanation=f"The figures disagree: {finding.reason}.",
            decided_by="rules:numeric",
        )
    # every figure of the claim must agree (years are the date checks' business): a date that agrees says
    # nothing of "more than 64 yards"
    counted = {
        i for i, q in enumerate(frame.quantities) if q.kind not in ("period", "year") and _figure(frame, q)
    }
    agreed = {f.about for _, f in hits if f.stance == "supports" and f.kind == "numeric"}
    # A matching year or date alone says the sentence is about the same time, not that it says the same thing
    # ("held the Silver title since 2017" against "held the Heavyweight title since 2017"): with no counted
    # figure, support also needs the scorer not to read the sentence as a contradiction.
    # SUPPORTED needs every name of the claim too (its sentence, the one before or the title): "the band's
    # first show was at Magoo's" does not establish "at Magoo's Pizza"; and its degree ("the most", "all"):
    # "more than half of adults have at least one" does not establish "all adults have at least one"
    named = [e for e in supporting if names_everything(e) and not has(e, "degree-gap")]
    figures_agree = (
        counted <= agreed
        if counted
        # a date alone supports only where the evidence gives the claim's dates: the year of "released on June
        # 17 , 2016" is in "released on May 20 , 2016" too
        else any((_date_supports(frame, e) or _dates_it(frame, e)) and not has(e, "date-gap") for e in named)
    )
    if named and figures_agree:
        return Decision(
            "SUPPORTED",
            min(1.0, 0.4 + 0.5 * finding.strength * ev.relevance),
            support=named,
            explanation=f"The figures agree: {finding.reason}.",
            decided_by="rules:numeric",
        )
    return None


def _date_supports(frame: ClaimFrame, e: Evidence) -> bool:
    """With no figure to check, an agreeing date supports only a sentence that is about the claim: one the
    scorer leans to and that says much of what the claim says ("By April 6, 74 schools had reported ..." is
    about schools, not "By June, most households had been connected")."""
    shared = shared_words(frame.content, f"{e.passage.title}\n{e.text}")
    return e.probs[0] > e.probs[1] and shared >= DATE_ONLY_SHARED


def _dates_it(frame: ClaimFrame, e: Evidence) -> bool:
    """The evidence dates the claim's event within its bound and says everything else the claim says ("born
    on August 2 , 1957" for "born after 1956"): the scorer, unsure of "after", need not lean to support."""
    dated = any(f.kind == "date" and f.stance == "supports" for f in e.findings)
    # "N years ago" is dated only by a sentence about the same event (the release, the first one, the founding)
    # of the claim's names (date_findings.years_ago_findings checked them): the date is the claim's point
    return dated and (
        bool(YEARS_AGO.search(frame.content)) or restated(frame.content, f"{e.passage.title}\n{e.text}")
    )


_CANNOT_SUPPORT = ("rumour", "hedged", "question", "entity-gap", "date-gap", "off-point")
_NOT_SUPPORTING = (*_CANNOT_SUPPORT, "negated", "polarity-gap", "plan", "degree-gap", "retracted")
# The scorer was trained on sentences: its stance on an export's rows is noise. Rows are judged by the figure
# and table checks; for the scorer they only show what the claim is about.
_STRUCTURED = ("row", "record", "header")


def _supports(e: Evidence) -> float:
    """How strongly the evidence states the claim. Two negations of the same words agree ("was not derived
    from another company's base model", "does not use another company's base model"); the scorer, which misses
    negation, reads them as a contradiction, so its reading either way is the sentence's support."""
    if has(e, "negated-alike"):
        return max(e.probs[0], e.probs[1])
    return e.probs[0]


def _refutes(e: Evidence) -> float:
    """How strongly the evidence contradicts the claim. A sentence that says the claim under a negation ("we have
    no plans to buy it") is read by the scorer as support; the negation makes that support a refutation. Said
    on the record about the claim itself (every name of the claim, close to it), such a denial refutes even when
    the scorer, confused by the negation, is unsure: "we are not in talks to buy X" against "in talks to buy X"."""
    if has(e, "negated-alike"):
        return 0.0  # (see _supports)
    if has(e, "retracted"):
        # a correction retracts what the sentence reports: the scorer's support for the report is the
        # correction's refutation, and its doubt about the report says nothing. Where the claim gives another
        # figure than the retracted one ("about a third of a million" after a retracted "3.4 million"), the
        # retracted part says nothing at all, and the scorer may not read it either way.
        return e.probs[0] if any(f.kind == "retracted" and f.stance == "refutes" for f in e.findings) else 0.0
    if not has(e, "negated"):
        return e.probs[1]
    # (or, at any relevance, by the one the claim is about: speaker_findings.denied_by_subject)
    on_record = e.relevance >= DENIAL_RELEVANCE or has(e, "subject-denies")
    return max(e.probs[1], e.probs[0], REFUTE_AT if on_record else 0.0)


def _newer(a: Evidence, b: Evidence) -> bool:
    return bool(a.date and b.date and a.date > b.date)


def _by_scorer(frame: ClaimFrame, pool: list[Evidence], rows: bool = False) -> Decision:
    """The scorer's reading of the evidence the gates let through (``rows``: rows count too, as in the model-only
    ablation)."""
    usable = [
        e
        for e in pool
        if not any(has(e, k) for k in (*_CANNOT_SUPPORT, "period-gap"))
        and (rows or e.passage.unit not in _STRUCTURED)
    ]
    sup = sorted(
        [e for e in usable if not any(has(e, k) for k in _NOT_SUPPORTING)], key=lambda e: -_supports(e)
    )
    ref = sorted(usable, key=lambda e: -_refutes(e))
    best_sup = _supports(sup[0]) if sup else 0.0
    best_ref = _refutes(ref[0]) if ref else 0.0
    # A claim with figures is only supported when the figures were checked (the numeric rules found none).
    counted = [q for q in frame.quantities if q.kind != "year" and _figure(frame, q)]
    # Two sources that clear the bar disagree: the newer one wins (a denial on the record after a report).
    newer_refutes = best_sup >= SUPPORT_AT and bool(ref) and _newer(ref[0], sup[0])
    # a party's denial on the record stands against a sentence that does not itself state the claim
    on_record = bool(ref) and has(ref[0], "subject-denies") and best_sup < SUPPORT_AT
    if best_ref >= REFUTE_AT and (best_ref >= best_sup or newer_refutes or on_record):
        # cite what decided it: the sentences that clear the bar themselves, not the next best after them
        cited = [e for e in ref[:3] if _refutes(e) >= REFUTE_AT]
        return Decision("REFUTED", best_ref, refute=cited, explanation="A source contradicts the claim.")
    if best_sup >= SUPPORT_AT and not counted:
        cited = [e for e in sup[:3] if _supports(e) >= SUPPORT_AT]
        return Decision("SUPPORTED", best_sup, support=cited, explanation="A source states the claim.")
    if any(has(e, "rumour") for e in pool):
        return Decision(
            "NOT_ENOUGH_INFO",
            0.6,
            explanation="Only rumours or unnamed sources address the claim.",
            decided_by="rules:rumour",
        )
    if best_sup >= SUPPORT_AT:
        return Decision(
            "NOT_ENOUGH_INFO",
            0.5,
            explanation="The sources discuss this, but not the claim's figures.",
            decided_by="rules:numeric",
        )
    return Decision(
        "NOT_ENOUGH_INFO",
        1 - max(best_sup, best_ref),
        explanation="No source establishes or contradicts the claim.",
    )


def _attributed(frame: ClaimFrame, pool: list[Evidence], figures: list[Evidence] | None = None) -> Decision:
    # their words on the point: relevant sentences, or their answer to a question that put the point to them
    words = [e for e in pool if has(e, "speaker") and (e.relevance >= ATTRIBUTION_RELEVANCE or e.reply_to)]
    # and their figures, checked against the claim's own names and counted words, as for any claim with figures
    # (figure_findings): a sentence that gives two levels reads unlike a claim that gives the change between them
    seen = {id(e) for e in words}
    said = [e for e in figures or [] if has(e, "speaker") and not has(e, "hedged") and id(e) not in seen]
    who = frame.speaker
    if not words and said:
        decided = _numeric(frame, said)
        if decided is not None:
            return decided
    if not words:
        return Decision(
            "NOT_ENOUGH_INFO",
            0.6,
            explanation=f"No recorded words of {who} on this point.",
            decided_by="rules:attribution",
        )
    if frame.denial:
        denials = [e for e in words if has(e, "refusal") or is_negated(e.text)]
        if denials:
            return Decision(
                "SUPPORTED",
                0.7,
                support=denials,
                explanation=f"{who} denies it.",
                decided_by="rules:attribution",
            )
        return Decision(
            "NOT_ENOUGH_INFO",
            0.55,
            explanation=f"{who} is not recorded denying it.",
            decided_by="rules:attribution",
        )
    refusals = [e for e in words if has(e, "refusal") and _disputes_the_point(frame, e, words)]
    if refusals:
        return Decision(
            "REFUTED",
            0.7,
            refute=refusals,
            explanation=f"{who} disputes the characterisation.",
            decided_by="rules:attribution",
        )
    # their own yes (or the no a negated claim says) to a question that put the claim to them
    # (the finding checked the years)
    confirms = [
        e
        for e in words
        if has(e, "confirm") and not has(e, "hedged") and _same_figures(frame, e.reply_to, years=False)
    ]
    if confirms:
        return Decision(
            "SUPPORTED",
            0.6,
            support=confirms,
            explanation=f"Asked about it, {who} says so.",
            decided_by="rules:reply",
        )
    firm = [e for e in words if not has(e, "hedged")]
    decision = _numeric(frame, firm + said) or _by_scorer(frame, firm)
    if decision.label == "NOT_ENOUGH_INFO" and len(firm) < len(words):
        decision = Decision(
            "NOT_ENOUGH_INFO", 0.6, explanation=f"{who} only hedges.", decided_by="rules:attribution"
        )
    return decision


def _disputes_the_point(frame: ClaimFrame, e: Evidence, words: list[Evidence]) -> bool:
    """A refusal in answer to a question disputes what the question put. Where another sentence of the same
    answer says as much of the claim as the question did, the claim is that sentence's point, not the
    question's: "Biggest? I doubt it." to "Is Pellavo Kaldrevik's biggest customer?" disputes "biggest
    customer", not "Pellavo pays for Kaldrevik's hosted API", which the answer goes on to say."""
    if e.reply_to is None:
        return True
    asked = shared_words(frame.content, e.reply_to)
    *before, question = re.split(r"(?<=[.!?])\s+", e.reply_to.strip())
    point = shared_words(frame.content, question)
    if any(shared_words(frame.content, said) > point for said in [*_background(e), *before]):
        # the claim is what the interviewer set out before asking ("Lumora says X. Is Y so?"): the
        # refusal answers the question, not the background
        return False
    return not any(
        o is not e
        and o.reply_to == e.reply_to
        and not has(o, "refusal")
        and shared_words(frame.content, o.text) >= asked
        for o in words
    )


def _background(e: Evidence) -> list[str]:
    """The sentences of the interviewer's turn before the question the evidence answers (their line, up to the
    question)."""
    at = e.document.rfind(e.reply_to or "", 0, e.char_start) if e.reply_to else -1
    if at < 0:
        return []
    turn = e.document[e.document.rfind("\n", 0, at) + 1 : at]
    turn = re.sub(r"^[^:\n]{1,40}:\s*", "", turn)  # the speaker's label
    return [s for s in re.split(r"(?<=[.!?])\s+", turn) if s.strip()]


def _same_figures(frame: ClaimFrame, question: str, years: bool = True) -> bool:
    """Did the question put this claim, figures included? A "No." to "five years ago?" says nothing of three.
    ``years=False``: years are left to the caller ("this year" is a year too; speaker_findings.years_asked)."""
    asked = {q.value for q in extract_quantities(question)}
    return all(q.value in asked for q in frame.quantities if years or q.kind != "year")


# a question that asks about what was said before it as a whole: "Is that right?", "Can you confirm that?"
_ABOUT_THE_PREMISE = re.compile(
    r"^(?:(?:so|and|but),?\s+)?(?:(?:is|was|isn['’]t|wasn['’]t)\s+(?:that|this|it)\s+(?:right|true|correct|accurate|fair)|"
    r"(?:right|correct|true)\s*\?|(?:do|would|can|could|will)\s+you\s+(?:confirm|agree\s+with|stand\s+by)\s+"
    r"(?:that|this|it|those)\b)",
    re.I,
)


def _figures_asked(frame: ClaimFrame, e: Evidence) -> bool:
    """Does the question that closes the asker's turn put the claim's figures, not only a statement before it?
    "Our figures put you at 57 percent. Do you dominate that market?": a "No" disputes the dominance, not the
    asker's 57 percent; "It cost 8 million. Is that right?" asks about the figure itself."""
    figures = [q for q in frame.quantities if q.kind != "year"]
    question = re.sub(r"^[^:]{1,60}:\s+", "", (e.asked or "").strip())  # without the asker's label
    if not figures or not question or question == (e.reply_to or "").strip():
        return True
    if _ABOUT_THE_PREMISE.match(question):
        return True
    values = {q.value for q in extract_quantities(question)}
    return all(q.value in values for q in figures)


def _names_put(frame: ClaimFrame, e: Evidence) -> bool:
    """Did the question (or the answer, or who answers: "you" is the speaker's organisation) name everything
    the claim names? A "No" to "Do you have the lion's share of speech recognition?" says nothing of the claim
    that names a market the question did not ("... of Saarvoja's speech recognition market")."""
    said = f"{e.reply_to or ''}\n{e.text}\n{e.passage.speaker or ''}\n{e.org or ''}"
    return entity_coverage(frame.entities, said) >= 1.0


def _answered(frame: ClaimFrame, pool: list[Evidence]) -> Decision | None:
    """An interviewer put the claim to someone, and they answered it: "No." refutes, "Yes." supports."""
    pool = [
        e
        for e in pool
        if e.reply_to
        and _same_figures(frame, e.reply_to)
        and _figures_asked(frame, e)
        and _names_put(frame, e)
    ]
    # a "No" to "Is X the most downloaded family?" denies "the most", not a claim that X is among the big ones
    refusals = [
        e for e in pool if e.reply_to and has(e, "refusal") and not degree_gap(e.reply_to, frame.content)
    ]
    if refusals:
        who = refusals[0].passage.speaker
        return Decision(
            "REFUTED",
            0.65,
            refute=refusals,
            explanation=f"Asked about it, {who} rejects it.",
            decided_by="rules:reply",
        )
    confirms = [e for e in pool if e.reply_to and has(e, "confirm") and not has(e, "hedged")]
    if confirms:
        who = confirms[0].passage.speaker
        return Decision(
            "SUPPORTED",
            0.6,
            support=confirms,
            explanation=f"Asked about it, {who} confirms it.",
            decided_by="rules:reply",
        )
    return None


def decide(frame: ClaimFrame, evidence: list[Evidence]) -> Decision:
    pool = [e for e in evidence if e.relevance >= MIN_RELEVANCE or e.reply_to]
    numeric_pool = [e for e in evidence if e.relevance >= NUMERIC_RELEVANCE]
    if frame.speaker:
        return _all_said(frame, evidence, _attributed(frame, pool, numeric_pool))
    decision = (
        _numeric(frame, numeric_pool)
        or _other_base(numeric_pool)
        or _answered(frame, pool)
        or _by_scorer(frame, pool)
    )
    return _all_said(frame, evidence, decision)


def _mentioned(word: str, stems: set[str]) -> bool:
    mine = stem(word)
    return any(
        s == mine or (min(len(s), len(mine)) >= 5 and (s.startswith(mine) or mine.startswith(s)))
        for s in stems
    )


def unsaid_conjunct(content: str, evidence: list[Evidence]) -> str | None:
    """The first part of the claim joined on by "and" that no evidence mentions ("... and social-media posts"
    where the sources list web pages, parliamentary records and manuals). Its words must be said together in
    one sentence (or its title)."""
    texts = [
        {stem(w.lower()) for w in re.findall(r"[A-Za-z]+", f"{e.passage.title or ''}\n{e.text}")}
        for e in evidence
    ]
    for words in conjuncts(content):
        if not any(all(_mentioned(w, stems) for w in words) for stems in texts):
            return " ".join(words)
    return None


def _all_said(frame: ClaimFrame, evidence: list[Evidence], decision: Decision) -> Decision:
    """SUPPORTED needs every part of the claim said somewhere: the second of two predicates joined by "and" does
    not ride on the first ("supports 41 languages and was trained on social-media posts")."""
    if decision.label != "SUPPORTED":
        return decision
    unsaid = unsaid_conjunct(frame.content, evidence)
    if unsaid is None:
        return decision
    return Decision(
        "NOT_ENOUGH_INFO",
        0.5,
        explanation=f"No source mentions {unsaid!r}, which the claim also asserts.",
        decided_by=decision.decided_by,
    )


def _other_base(pool: list[Evidence]) -> Decision | None:
    """The claim's subject is said to be built on another model (base_models.other_base)."""
    hits = [
        (e, f)
        for e in pool
        for f in e.findings
        if f.kind == "other-base" and not any(has(e, k) for k in ("rumour", "hedged", "question", "plan"))
    ]
    if not hits:
        return None
    return Decision(
        "REFUTED",
        0.7,
        refute=[e for e, _ in hits],
        explanation=f"The sources disagree: {hits[0][1].reason}.",
        decided_by="rules:base",
    )


def combine(labels: list[str]) -> str:
    """Lists: SUPPORTED only if every item is; REFUTED if any item is; otherwise NOT_ENOUGH_INFO."""
    if "REFUTED" in labels:
        return "REFUTED"
    if labels and all(label == "SUPPORTED" for label in labels):
        return "SUPPORTED"
    return "NOT_ENOUGH_INFO"


def decide_by_scorer(evidence: list[Evidence]) -> Decision:
    """The ablation baseline: the scorer's probabilities alone, no rules and no gates."""
    frame = ClaimFrame(text="", content="")
    return _by_scorer(frame, [e for e in evidence if e.relevance >= MIN_RELEVANCE], rows=True)


def decide_by_similarity(evidence: list[Evidence]) -> Decision:
    """The simplest baseline: SUPPORTED when some evidence is close enough to the claim, else NOT_ENOUGH_INFO."""
    best = max(evidence, key=lambda e: e.relevance, default=None)
    if best is not None and best.relevance >= SUPPORT_AT:
        return Decision(
            "SUPPORTED",
            best.relevance,
            support=[best],
            explanation="Similar evidence exists.",
            decided_by="baseline:similarity",
        )
    return Decision(
        "NOT_ENOUGH_INFO", 1 - (best.relevance if best else 0.0), decided_by="baseline:similarity"
    )
