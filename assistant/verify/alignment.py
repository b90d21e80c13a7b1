"""Whether two quantities measure the same thing (alignment: the counted noun, the shared context, the same
window and scope), and whether the evidence's settles the claim's (compare). Each quantity is an interval of
values it allows: "more than 700 million" is (700e6, inf), "roughly 31 million" is 31e6 +- 5 %, a bare "642.3
million" is 642.3e6 +- half a unit of its last digit. The claim is supported when every value the evidence allows
lies inside the claim's interval, refuted when none does, and undecided otherwise ("more than 400 million"
neither supports nor refutes "passed 500 million")."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from assistant.verify.periods import window
from assistant.verify.quantity import (
    DERIVED_KINDS,
    QUALIFIERS,
    RUNS,
    SCOPES,
    WINDOW_WORDS,
    Quantity,
    context_word,
)
from assistant.verify.ranks import outcome


def _inside(e: tuple, c: tuple) -> bool:
    elo, ehi, elo_open, ehi_open = e
    clo, chi, clo_open, chi_open = c
    lo_ok = elo > clo or (elo == clo and (not clo_open or elo_open))
    hi_ok = ehi < chi or (ehi == chi and (not chi_open or ehi_open))
    return lo_ok and hi_ok


def _disjoint(e: tuple, c: tuple) -> bool:
    elo, ehi, elo_open, ehi_open = e
    clo, chi, clo_open, chi_open = c
    if ehi < clo or (ehi == clo and (ehi_open or clo_open)):
        return True
    return chi < elo or (chi == elo and (chi_open or elo_open))


def compare(claim: Quantity, evidence: Quantity) -> str:
    """supports | refutes | unknown, for two quantities already known to be about the same thing."""
    if claim.kind != evidence.kind:
        return "unknown"
    if claim.comparator == "ne":
        # "below 5th": a place below fifth, or a number below 5; only fifth itself is neither
        same = evidence.comparator == "eq" and evidence.value == claim.value
        return "refutes" if same else "unknown"
    if claim.kind == "score" and outcome(claim) and outcome(evidence) and outcome(claim) != outcome(evidence):
        return (
            "unknown"  # "won 33–28" and "the 33–28 loss": the same score, but whose win is another question
        )
    if evidence.comparator == "eq" and evidence.value == claim.value and claim.comparator != "approx":
        # the source gives the very figure the claim bounds: "grossed $ 41.3 million" refutes "more than $ 41.3
        # million" (the claim says it is above what the source reports) and supports "at least $ 41.3 million"
        return "refutes" if claim.comparator in ("gt", "lt") else "supports"
    if evidence.comparator == "approx" and claim.comparator == "eq" and evidence.text == claim.text:
        # the claim repeats the source's own figure, digit for digit: "grossed $ 8,908,000" is what "an estimated
        # $ 8,908,000" reports, and only the hedge is dropped
        return "supports"
    if (
        evidence.change
        and claim.comparator == "eq"
        and math.isclose(evidence.value, claim.value, abs_tol=1e-9)
    ):
        # the difference of the source's own figures, to the digit ("an estimated 38 percent", "31 percent" a
        # year before: 7 points), whatever their rounding
        return "supports"
    if evidence.change and claim.comparator == "eq" and claim.kind in ("percent", "points"):
        # a change the source's two figures give (22.96 percent from 4.82 against 3.92) is stated rounded: "grew
        # 23 percent" rounds it, "grew 25 percent" does not
        close = abs(claim.value - evidence.value) <= claim.precision + evidence.precision
        return "supports" if close else "refutes"
    c = claim.interval(as_claim=True)
    e = evidence.interval(as_claim=False)
    if evidence.change and claim.comparator in ("gt", "ge", "lt", "le"):
        # a change worked out from the source's two figures is read at their face value against a bound, as a
        # fact-checker reads it: £2.4 million to £3.9 million is growth of 62.5 percent, "more than 60 percent"
        e = (evidence.value, evidence.value, False, False)
    if _inside(e, c):
        return "supports"
    if _disjoint(e, c):
        return "refutes"
    return "unknown"


def _parts(context: frozenset[str]) -> frozenset[str]:
    """A context with its compounds' parts too: "first-week downloads" are downloads in the first week."""
    return context | {p for w in context if "-" in w for p in w.split("-") if p}


def qualified(claim: Quantity, evidence: Quantity) -> float:
    """The share of alignment left after the qualifiers: the claim's window or scope must be the evidence's
    too, and a run is no total."""
    window = claim.context & QUALIFIERS | {w for w in claim.context if w.startswith(("first-", "last-"))}
    missing = bool(window and not window & evidence.context and not _same_window(window, evidence.context))
    # "first-week" is met by "in its first week", word for word
    compounds = [w for w in window if "-" in w]
    missing = missing and not (compounds and all(set(w.split("-")) <= evidence.context for w in compounds))
    # "a 128k-token context" measures the context: a count of tokens trained on is no such measure
    missing = missing or bool(claim.describes and claim.describes not in evidence.context | {evidence.head})
    missing = missing or _other_models(claim, evidence)
    return 0.4 if missing or (claim.context & RUNS) != (evidence.context & RUNS) else 1.0


def _other_models(claim: Quantity, evidence: Quantity) -> bool:
    """The claim counts models derived from another ("derivative models", "fine-tuned models") and the
    evidence something else: plain models ("models: 6", "released 5 models", the models a family holds, not
    those built on it) or what they counted ("the six Quill models at 1.32 billion downloads")."""
    if not claim.phrase & DERIVED_KINDS:
        return False
    if evidence.head is None:  # a figure with no noun of its own: its sentence must speak of such models
        return not evidence.context & DERIVED_KINDS
    return evidence.head not in DERIVED_KINDS and not evidence.phrase & DERIVED_KINDS


def _same_window(claimed: set[str], context: frozenset[str]) -> bool:
    """The same period in other words: "monthly" and a field's "30d" both count over a month."""
    periods = {window(w) for w in claimed} - {None}
    return bool(periods) and periods <= {window(w) for w in context}


def claimed_period(claim: str, q: Quantity) -> Quantity:
    """A claim's figure counts over the period its claim names, however far from the figure ("Monthly downloads
    of the Quill family came to roughly 24 million"): the period joins the figure's context, so that an all-time
    total is no figure for it. A month named as a date ("in January") is a time, not a period word."""
    if q.context & QUALIFIERS or window(claim) is None:
        return q
    words = {context_word(w.lower()) for w in re.findall(r"[A-Za-z][\w-]*", claim)} & WINDOW_WORDS
    return replace(q, context=q.context | words) if words else q


def titled_period(title: str, text: str, q: Quantity) -> Quantity:
    """A figure whose sentence names no period counts over the period its document's title names: "Operating
    margin was 14.5 percent" in the "Third quarter 2026 results call" is the quarter's margin."""
    if window(text) is not None:
        return q
    words = {context_word(w.lower()) for w in re.findall(r"[A-Za-z][\w-]*", title)} & QUALIFIERS
    return replace(q, context=q.context | words) if window(title) and words else q


# a sentence that opens with its period ("In our estimate for the third quarter, A took ... and B ..."): the period
# of every figure after it, however far
_OPENING_PERIOD = re.compile(r"^(?:[A-Z][^:,]{0,40}:\s+)?(?:In|For|During|Over|Across)\b[^,]{0,60},")


def framed_period(text: str, q: Quantity) -> Quantity:
    """A figure with no period of its own counts over the period its sentence opens with."""
    m = _OPENING_PERIOD.match(text)
    if m is None or q.start < m.end() or q.context & QUALIFIERS or window(m.group()) is None:
        return q
    words = {context_word(w.lower()) for w in re.findall(r"[A-Za-z][\w-]*", m.group())} & QUALIFIERS
    return replace(q, context=q.context | words) if words else q


def same_head(claim: Quantity, evidence: Quantity) -> bool:
    """Do both count the same thing, by the words that follow them ("780 cases", "786 confirmed cases")?"""
    if not claim.head or not evidence.head:
        return False
    return claim.head == evidence.head or claim.head in evidence.phrase or evidence.head in claim.phrase


def alignment(claim: Quantity, evidence: Quantity) -> float:
    """How sure we are that two quantities measure the same thing: the counted word, shared context, and the
    same time window ("on its first day" is not "in August")."""
    if claim.kind != evidence.kind:
        return 0.0
    if claim.kind == "score":
        # a game's score is distinctive in itself; the words around it tell two games of a sentence apart
        shared = claim.context & evidence.context
        return 0.5 + 0.5 * len(shared) / max(1, min(len(claim.context), len(evidence.context)))
    if not claim.context or not evidence.context:
        # a place on a chart is often named only by the chart ("above 33rd on the Skerry Hot 100"): a rank
        # still meets a rank
        return 0.5 if claim.kind == "rank" else 0.3
    if not claim.head or not evidence.head:
        # nothing counted on one side (a bare percentage): the shared context decides alone, with what the other
        # side counts as part of its context ("rated 79 %" and "79 % of critics gave it": a rating)
        words = (
            _parts(claim.context) | {claim.head} - {None},
            _parts(evidence.context) | {evidence.head} - {None},
        )
        shared = min(1.0, len(words[0] & words[1]) / min(len(claim.context), len(evidence.context)))
        if not claim.head and not evidence.head and claim.context & evidence.context & SCOPES:
            # two bare amounts with the same scope ("less than $ 23 million globally", "for a worldwide total of
            # $ 22.6 million , against a budget of ..."): the scope is what tells the sentence's amounts apart
            shared = 0.5 + 0.5 * shared
        return shared * qualified(claim, evidence)
    head = 0.0
    if claim.head and evidence.head:
        # the same counted word; or, weaker, the word near the other number ("41 days on 2,048 accelerators":
        # "accelerator" is near 41 too, but it counts the 2,048)
        if same_head(claim, evidence):
            head = 1.0  # "more than 780 cases" and "786 confirmed coronavirus cases"
        elif claim.head in evidence.context or evidence.head in claim.context:
            head = 0.5
    shared = len(_parts(claim.context) & _parts(evidence.context)) / min(
        len(claim.context), len(evidence.context)
    )
    score = 0.5 * head + 0.5 * min(1.0, shared)
    return score * qualified(claim, evidence)
