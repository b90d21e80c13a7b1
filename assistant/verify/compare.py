"""Claims that need two figures, from sentences and statistics records (figures.py finds whose figure is which):

- comparisons: "A was trained on more tokens than B", "A was downloaded more often than B in January 2025";
- changes: "A's derivative count rose by more than 60,000 between February and October 2025";
- present-tense superlatives that newer figures undo: "A is the family with the most derivatives", when the
  newest figures put another name ahead of A, or a newer sentence says another name overtook A.

Pure functions: ``judge(frame, evidence)`` returns a Decision or None, and None whenever the figures do not
settle it (the usual rules then decide). Bounds are read strictly ("more than 125,000" can be any larger
number) to support; to refute, a bound is also read as people write it: "more than 125,000" is not 160,000 (a
writer would have said "more than 150,000"), so it is taken as at most 20 % above the bound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.retrieve.evidence import Evidence
from assistant.verify.aggregate import SUPPORT_AT, Decision, claim_date
from assistant.verify.claims import ClaimFrame, entities, is_negated
from assistant.verify.date_findings import MONTH_NAMES
from assistant.verify.figures import OTHER, Figure, find_figures, metric_words, window
from assistant.verify.names import name_pattern
from assistant.verify.quantities import extract_quantities
from assistant.verify.quantity import Quantity
from assistant.verify.stance import PLAN

BY = "rules:numeric:two-figures"  # a hard rule (precedence.py): the figures decide, as rules:numeric does
LOOSE = 0.2  # how far past its bound a "more than N" is read, for refuting only
CROSS_DOCUMENT_DAYS = 62  # two figures are compared only when they are about this close in time
NEAR_DAYS = 31  # a claim that names a date is judged on figures from within a month of it
_TOGETHER = re.compile(r"\b(?:together|combined|in total|altogether|between them|alone)\b", re.I)


def _days(iso: str | None) -> int | None:
    return date.fromisoformat(iso).toordinal() if iso else None


def _name(part: str, last: bool = False) -> str | None:
    """The name in a side of a claim ("the Quill-3 models" -> Quill-3; "Lumora's Quill" -> Quill)."""
    names = [n for n in entities(part) if not re.fullmatch(r"\d{4}", n)]
    if not names:
        return None
    return names[-1] if last else names[0]


# --- comparisons -------------------------------------------------------------------------------------------


@dataclass
class Comparative:
    a: str
    b: str
    more: bool
    metric: str
    window: str | None
    verbs: str = ""  # the words it counts with: "trained" in "was trained on more tokens than"
    scope: tuple[str, ...] = ()  # what the claim's opening names: "On SkerryBench, ..." (each figure's too)


_AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|has|have|had|been|be|being|does|do|did|still|now|currently|also|already|"
    r"on|in|at|by|of|for|to|the|a|an|and|with|its|their)\b",
    re.I,
)
_MORE = re.compile(r"\b(?P<dir>more|fewer|less)\s+(?P<metric>[\w\s-]+?)\s+than\s+(?P<b>.+)$", re.I)
_BY_TIMES = re.compile(r"^(?:often|frequently|times|widely)\b", re.I)
_SCOPE = re.compile(r"\s+(?:on|in|at|during|each|every|per|from|across|over)\b.*$", re.I)


# "Castellan's Kestrel-4", "Orrin Works' Lark-3": an owner before the named thing the side is about
_OWNER = re.compile(r"^\s*(?:[A-Z][\w.&-]*\s+){0,3}?[A-Z][\w.&-]*(?:['’]s|s['’])\s+(?=[A-Z])")


_MONTHS_ANY = "|".join(m for m in MONTH_NAMES) + r"|(?:(?:\d{1,2}\s+)?\w+\s+)?\d{4}"
# "fewer transcription errors", "more errors": what an error rate measures
_ERRORS = re.compile(r"^(?:[\w-]+\s+)?errors$", re.I)


def parse_comparative(text: str) -> Comparative | None:
    m = _MORE.search(text)
    if not m or _TOGETHER.search(text) or is_negated(text):
        return None
    before = text[: m.start()]
    opening = re.match(r"^\s*(?:In|On|As of|By)\s+[^,]+,\s*", before)
    scope = (
        tuple(n for n in entities(opening.group(0)) if not re.fullmatch(rf"\d{{4}}|(?i:{_MONTHS_ANY})", n))
        if opening
        else ()
    )
    a = _name(_OWNER.sub("", re.sub(r"^\s*(?:In|On|As of|By)\s+[^,]+,\s*", "", before)))
    b = _name(_OWNER.sub("", re.sub(r"^.*?['’]s\s+", "", m.group("b"))), last=False)
    metric = _SCOPE.sub("", m.group("metric"))
    if _BY_TIMES.match(metric):  # "downloaded more often": the verb says what is counted
        verb = re.findall(r"\b([a-z]+(?:ed|en))\b", before)
        metric = verb[-1] if verb else ""
    errors = bool(_ERRORS.search(metric))
    if errors:
        metric = "error rate"  # "makes fewer transcription errors" on a benchmark: a lower error rate there
    if not a or not b or a == b or not metric_words(metric):
        return None
    after_a = before[before.find(a) + len(a) :] if a in before else ""
    verbs = "" if errors else _AUXILIARY.sub(" ", after_a)  # "makes" errors: no word the rate is given with
    return Comparative(
        a, b, m.group("dir").lower() == "more", metric, window(text), " ".join(verbs.split()), scope
    )


def _bounds(q: Quantity, loose: bool) -> tuple[float, float]:
    lo, hi, _, _ = q.interval(as_claim=False)
    if loose and q.comparator in ("gt", "ge"):
        hi = q.value * (1 + LOOSE)
    if loose and q.comparator in ("lt", "le"):
        lo = q.value * (1 - LOOSE)
    return lo, hi


def _order(a: Quantity, b: Quantity, loose: bool) -> int | None:
    """+1 when a is surely above b, -1 surely below, 0 surely equal, None when the bounds overlap."""
    alo, ahi = _bounds(a, loose)
    blo, bhi = _bounds(b, loose)
    if alo > bhi:
        return 1
    if ahi < blo:
        return -1
    if alo == ahi == blo == bhi:
        return 0
    return None


def _compare_stance(a: Quantity, b: Quantity, more: bool) -> str:
    wanted = 1 if more else -1
    strict = _order(a, b, loose=False)
    if strict is not None:
        return "supports" if strict == wanted else "refutes"
    loose = _order(a, b, loose=True)
    return "refutes" if loose is not None and loose != wanted else "unknown"


# What a released model is, not what it has gathered: its size, its layers, its error rate on a benchmark. A
# model's parameters in its launch release of 2030 are its parameters in 2031 too
_FIXED = re.compile(r"\b(?:parameters?|layers?|error rates?|errors?|context (?:length|window)s?)\b", re.I)


def fixed_metric(metric: str) -> bool:
    """Is the metric a fixed property of a named model, which a figure of any date gives?"""
    return bool(_FIXED.search(metric))


def _pairs(
    first: list[Figure], second: list[Figure], fixed: bool = False
) -> list[tuple[Figure, Figure, int, int]]:
    """Figures that can be set side by side: true at about the same time (any two, for a ``fixed`` property).
    With each pair: its date (the later of the two) and how close its figures are (2 one sentence, 1 one
    document, 0 two documents)."""
    out = []
    for fa in first:
        for fb in second:
            da, db = _days(fa.when), _days(fb.when)
            if da is None or db is None or fa.quantity.kind != fb.quantity.kind:
                continue
            together = (
                2 if fa.evidence is fb.evidence else 1 if fa.evidence.doc_id == fb.evidence.doc_id else 0
            )
            if (
                fixed or abs(da - db) <= CROSS_DOCUMENT_DAYS
            ):  # "A had 5 in 2023; B has 9 now" compares nothing
                out.append((fa, fb, max(da, db), together))
    return out


def _at(pairs: list, target: int | None) -> list:
    """The pairs that decide: those nearest the claim's date, or the newest for a claim in the present tense."""
    if not pairs:
        return []
    distance = (lambda p: abs(p[2] - target)) if target is not None else (lambda p: -p[2])
    best = min(distance(p) for p in pairs)
    if target is not None and best > NEAR_DAYS:
        return []  # no figures from the time the claim names
    closest = [p for p in pairs if distance(p) == best]
    tightest = max(p[3] for p in closest)
    return [p for p in closest if p[3] == tightest]


def _unique(evidence) -> list[Evidence]:
    return list({id(e): e for e in evidence}.values())


def _decision(stances: list[tuple[str, list[Evidence], str]]) -> Decision | None:
    decided = [s for s in stances if s[0] != "unknown"]
    if not decided or len({s[0] for s in decided}) > 1:
        return None
    stance, cited, reason = decided[0]
    cited = _unique(e for s in decided for e in s[1])
    if stance == "supports":
        return Decision(
            "SUPPORTED", 0.75, support=cited, explanation=f"The figures agree: {reason}.", decided_by=BY
        )
    return Decision(
        "REFUTED", 0.75, refute=cited, explanation=f"The figures disagree: {reason}.", decided_by=BY
    )


def _said(f: Figure) -> str:
    return f"{f.owner} {f.quantity.text} ({f.when})"


def judge_comparative(c: Comparative, text: str, evidence: list[Evidence]) -> Decision | None:
    # "On SkerryBench, A makes fewer errors than B": figures from another benchmark say nothing of it
    scoped = [
        e for e in evidence if all(n.lower() in f"{e.passage.title}\n{e.text}".lower() for n in c.scope)
    ]
    found = find_figures(scoped, [c.a, c.b], c.metric, text, c.verbs)
    figures = [f for f in found if f.window == c.window]
    fixed = fixed_metric(c.metric)
    pairs = _pairs([f for f in figures if f.owner == c.a], [f for f in figures if f.owner == c.b], fixed)
    deciding = _at(pairs, None if fixed else _days(claim_date(text)))
    return _decision(
        [
            (
                _compare_stance(fa.quantity, fb.quantity, c.more),
                [fa.evidence, fb.evidence],
                f"{_said(fa)} against {_said(fb)}",
            )
            for fa, fb, _, _ in deciding
        ]
    )


# --- changes over time -------------------------------------------------------------------------------------


@dataclass
class Change:
    name: str
    metric: str
    rising: bool
    amount: Quantity | None
    start: tuple[str, str]  # the first period (first day, last day)
    end: tuple[str, str] | None  # None: now (the newest figure)


_UP = r"rose|risen|grew|grown|increased|climbed|went up|gone up|jumped"
_DOWN = r"fell|fallen|declined|decreased|dropped|shrank|shrunk|went down|gone down"
_CHANGE = re.compile(
    rf"^(?P<subject>.+?)\s+(?:has\s+|have\s+)?(?P<dir>{_UP}|{_DOWN})(?:\s+by\s+(?P<amount>.+?))?\s+"
    rf"(?:(?:between|from)\s+(?P<t1>.+?)\s+(?:and|to|until)\s+(?P<t2>.+?)|since\s+(?P<since>.+?))$",
    re.I,
)
_MONTHS = "|".join(m.capitalize() for m in MONTH_NAMES)
_PERIOD = re.compile(
    rf"^(?:the\s+)?(?:(?P<part>end|start|beginning|middle)\s+of\s+)?(?:(?P<day>\d{{1,2}})\s+)?"
    rf"(?P<month>{_MONTHS})?\s*(?P<year>\d{{4}})?$"
)


def _period(text: str, year: str | None) -> tuple[str, str] | None:
    """ "February", "the end of October 2025", "5 April 2025", "2024" as (first day, last day); None for a day
    that does not exist ("31 April")."""
    try:
        return _period_of(text, year)
    except (ValueError, OverflowError):
        return None


def _period_of(text: str, year: str | None) -> tuple[str, str] | None:
    m = _PERIOD.match(text.strip().rstrip("."))
    if not m or not (m.group("month") or m.group("year")):
        return None
    y = m.group("year") or year
    if y is None:
        return None
    if not m.group("month"):
        return f"{y}-01-01", f"{y}-12-31"
    month = MONTH_NAMES.index(m.group("month").lower()) + 1
    first = date(int(y), month, 1)
    last = date(int(y) + month // 12, month % 12 + 1, 1).toordinal() - 1
    if m.group("day"):
        day = date(int(y), month, int(m.group("day"))).isoformat()
        return day, day
    part = m.group("part")
    if part == "end":
        return date.fromordinal(last - 6).isoformat(), date.fromordinal(last).isoformat()
    if part in ("start", "beginning"):
        return first.isoformat(), date.fromordinal(first.toordinal() + 6).isoformat()
    return first.isoformat(), date.fromordinal(last).isoformat()


def parse_change(text: str) -> Change | None:
    m = _CHANGE.match(text)
    if not m or is_negated(text):
        return None
    subject = m.group("subject")
    name = _name(subject, last=True)
    if not name:
        return None
    metric = re.sub(re.escape(name) + r"(?:['’]s)?", " ", subject)
    metric = re.sub(r"\b(?:[A-Z][\w'’.-]*)", " ", metric)  # other names: an owner ("Lumora's Quill")
    years = re.findall(r"\b(?:19|20)\d\d\b", text)
    year = years[-1] if years else None
    if m.group("since"):
        start, end = _period(m.group("since"), year), None
    else:
        start, end = _period(m.group("t1"), year), _period(m.group("t2"), year)
        if end is None:
            return None
    amount = None
    if m.group("amount"):
        found = [q for q in extract_quantities(m.group("amount")) if q.kind in ("count", "percent")]
        if not found:
            return None
        amount = found[0]
    if start is None or not metric_words(metric):
        return None
    rising = bool(re.fullmatch(_UP, m.group("dir"), re.I))
    return Change(name, metric, rising, amount, start, end)


def _near(figures: list[Figure], period: tuple[str, str] | None) -> list[Figure]:
    """The figures for a period: those dated inside it, else the latest in the month before it; for "now", the
    newest."""
    dated = [f for f in figures if f.when]
    if period is None:
        newest = max((f.when for f in dated), default=None)  # type: ignore[type-var]
        return [f for f in dated if f.when == newest]
    inside = [f for f in dated if period[0] <= f.when <= period[1]]  # type: ignore[operator]
    if inside:
        return inside
    start = _days(period[0]) or 0
    before = [f for f in dated if 0 < start - (_days(f.when) or 0) <= 31]
    latest = max((f.when for f in before), default=None)  # type: ignore[type-var]
    return [f for f in before if f.when == latest]


def _contains(inner: tuple[float, float], outer: tuple[float, float, bool, bool]) -> bool:
    lo, hi, lo_open, hi_open = outer
    return (inner[0] > lo or (inner[0] == lo and not lo_open)) and (
        inner[1] < hi or (inner[1] == hi and not hi_open)
    )


def _apart(inner: tuple[float, float], outer: tuple[float, float, bool, bool]) -> bool:
    lo, hi, lo_open, hi_open = outer
    return inner[1] < lo or (inner[1] == lo and lo_open) or inner[0] > hi or (inner[0] == hi and hi_open)


def _change_stance(c: Change, first: Quantity, last: Quantity, loose: bool) -> str:
    slo, shi = _bounds(first, loose)
    elo, ehi = _bounds(last, loose)
    if c.amount is not None and c.amount.kind == "percent":
        if slo <= 0:
            return "unknown"
        lo, hi = (elo / shi - 1) * 100, (ehi / slo - 1) * 100
    else:
        lo, hi = elo - shi, ehi - slo
    if not c.rising:
        lo, hi = -hi, -lo  # how much it fell
    if hi <= 0:
        return "refutes"  # it went the other way, or not at all
    if c.amount is not None and _apart((lo, hi), c.amount.interval(as_claim=True)):
        return "refutes"
    if lo > 0 and (c.amount is None or _contains((lo, hi), c.amount.interval(as_claim=True))):
        return "supports"
    return "unknown"


def judge_change(c: Change, text: str, evidence: list[Evidence]) -> Decision | None:
    period = window(re.split(r"\b(?:between|from|since)\b", text)[0])
    figures = [
        f
        for f in find_figures(evidence, [c.name], c.metric, text)
        if f.owner == c.name and f.window == period
    ]
    starts, ends = _near(figures, c.start), _near(figures, c.end)
    stances = []
    for f1 in starts:
        for f2 in ends:
            if (
                f1.when is None
                or f2.when is None
                or f1.when >= f2.when
                or f1.quantity.kind != f2.quantity.kind
            ):
                continue
            stance = _change_stance(c, f1.quantity, f2.quantity, loose=False)
            if stance == "unknown":
                stance = (
                    "refutes"
                    if _change_stance(c, f1.quantity, f2.quantity, loose=True) == "refutes"
                    else "unknown"
                )
            stances.append((stance, [f1.evidence, f2.evidence], f"{c.name}: {_said(f1)}, then {_said(f2)}"))
    return _decision(stances)


# --- superlatives that newer figures undo ------------------------------------------------------------------


@dataclass
class Superlative:
    name: str
    metric: str


_MOST = r"(?:the\s+)?(?:most|largest number of|highest number of|greatest number of|biggest number of)"
_SUPERLATIVE = re.compile(
    rf"^(?P<x>.+?)\s+(?:is|remains|has|has become)\s+(?:now\s+|still\s+)?"
    rf"(?:the\s+(?:[\w-]+\s+){{0,4}}?(?:with|that has|having)\s+)?{_MOST}\s+(?P<metric>[\w\s-]+)$",
    re.I,
)
_OVERTAKEN = r"overtaken|overtook|took over from|taken over from|surpassed|outpaced|overtaking|displaced"
_MAY = re.compile(r"\b(?:could|may|might|can|should|soon|likely|set to|on track to|poised to)\b", re.I)


def parse_superlative(text: str) -> Superlative | None:
    """ "A is the family with the most derivative models", "A has the most derivative models" (present tense, no
    date, no place: "the most ... in Ostland" is about a part of the figures)."""
    m = _SUPERLATIVE.match(text)
    if (
        not m
        or claim_date(text)
        or is_negated(text)
        or re.search(r"\b(?:in|among|on)\s+[A-Z]", m.group("metric"))
    ):
        return None
    name = _name(m.group("x"), last=True)
    metric = m.group("metric")
    return Superlative(name, metric) if name and metric_words(metric) else None


def _overtakes(s: Superlative, ev: Evidence) -> bool:
    """A sentence saying that something else overtook the claimed leader on this metric; not one that denies
    it ("has not yet overtaken") or expects it ("is expected to overtake"), nor one about a sibling of the
    leader ("Quill-3" is not the family "Quill")."""
    words = {w.lower()[:5] for w in re.findall(r"[A-Za-z][\w-]+", ev.text)}
    name = name_pattern(re.escape(s.name))
    passive = re.search(
        rf"{name}\s+(?P<aux>(?:[\w'’-]+\s+){{0,3}}?)(?:overtaken|surpassed|outpaced|displaced)\s+by\b",
        ev.text,
    )
    if passive and metric_words(s.metric) <= words:
        # "Quill has been overtaken by Skerry"; not "Quill has not been overtaken", "Quill could be overtaken"
        aux = passive.group("aux")
        return not (is_negated(aux) or PLAN.search(aux) or _MAY.search(aux))
    found = re.search(rf"\b(?:{_OVERTAKEN})\s+(?:[\w'’.-]+\s+){{0,3}}?{name}", ev.text)
    if not found or not metric_words(s.metric) <= words or re.search(name, ev.text[: found.start()]):
        return False
    # the words that lead up to the verb, back to the clause's start: "X has not yet overtaken", "X is
    # expected to overtake", "X could soon overtake"
    lead = re.split(r"[;:,.]\s|\b(?:but|while|whereas|although)\b", ev.text[: found.start()])[-1]
    return not (is_negated(lead) or PLAN.search(lead) or _MAY.search(lead))


def judge_superlative(s: Superlative, text: str, evidence: list[Evidence]) -> Decision | None:
    """REFUTED when the newest word on it puts something else ahead: a rival's figure above the claimed leader's
    in one sentence or one export, or a sentence saying the leader was overtaken, newer than anything that
    supports the claim. Figures never support a superlative here: one rival behind is not all of them."""
    usable = [e for e in evidence if not any(f.kind in ("rumour", "hedged", "question") for f in e.findings)]
    figures = find_figures(usable, [s.name], s.metric, text)
    against: list[tuple[int, list[Evidence], str]] = []
    for fx, fo, when, together in _pairs(
        [f for f in figures if f.owner == s.name], [f for f in figures if f.owner == OTHER]
    ):
        if (
            together
            and fx.window is None
            and fo.window is None
            and _order(fo.quantity, fx.quantity, loose=False) == 1
        ):
            against.append((when, [fx.evidence, fo.evidence], f"{fo.quantity.text} is above {_said(fx)}"))
    for ev in usable:
        day = _days(ev.date)
        if day is not None and _overtakes(s, ev):
            against.append((day, [ev], f"a source of {ev.date} says {s.name} was overtaken"))
    if not against:
        return None
    newest = max(when for when, _, _ in against)
    supports = [_days(e.date) for e in usable if e.probs[0] >= SUPPORT_AT and e.date]
    if supports and max(d for d in supports if d is not None) >= newest:
        return None
    cited = _unique(e for when, evs, _ in against if when == newest for e in evs)
    reason = next(r for when, _, r in against if when == newest)
    return Decision(
        "REFUTED", 0.7, refute=cited, explanation=f"Newer figures put another ahead: {reason}.", decided_by=BY
    )


# --- entry points ------------------------------------------------------------------------------------------


def queries(text: str) -> list[str]:
    """What to look up besides the claim itself, so that each side's (or each date's) figure is at hand."""
    c = parse_comparative(text)
    if c:
        return [f"{c.a} {c.metric}", f"{c.b} {c.metric}"]
    ch = parse_change(text)
    if ch:
        m = _CHANGE.match(text)
        times = [t for t in (m.group("t1"), m.group("t2"), m.group("since")) if t] if m else []
        return [f"{ch.name} {ch.metric} {t}" for t in times]
    s = parse_superlative(text)
    return [f"{s.name} {s.metric}"] if s else []


def judge(frame: ClaimFrame, evidence: list[Evidence]) -> Decision | None:
    if frame.speaker:
        return None  # "Z said A has more": Z's words decide, not the figures
    text = frame.content
    c = parse_comparative(text)
    if c:
        return judge_comparative(c, text, evidence)
    ch = parse_change(text)
    if ch:
        return judge_change(ch, text, evidence)
    s = parse_superlative(text)
    return judge_superlative(s, text, evidence) if s else None
