"""Changes and shares that a source gives in two figures: the change between two percentages set side by side
("33 percent, up from 27 percent"; "A year earlier, ... 31 percent"), a part's share of the whole before it ("31.2
million of that"), which way a stated change goes, a claim's change "by a third" (relative, not a level), and a
total that counts several kinds ("counting fine-tunes, quantizations, ...")."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from assistant.verify.quantities import extract_quantities
from assistant.verify.quantity import QSTOP, Quantity, context_word

# Two percentages set side by side as now and before: "33 percent ..., up from 27 percent", "14 percent, compared
# with 9 percent a year before"; and "from 27 percent to 33 percent"
_NOW_THEN = re.compile(
    r"\b(?:up from|down from|compared (?:with|to)|against|versus|vs\.?)\s+(?:the\s+)?$", re.I
)
# "from 9.4 percent to 6.1 percent", also with what each side is ("from 9.4 percent with Dictate 1 to 6.1 percent")
_THEN_NOW = re.compile(r"^\s*(?:(?:with|for|in|on|under|at)\s+[^,;.]{1,40}?\s+)?to\s+$", re.I)
_FROM = re.compile(r"\bfrom\s+$", re.I)
_RISE = re.compile(
    r"\b(?:rose|risen|rises|grew|grown|gained|increased|climbed|went up|up|higher|more|raised|widened|boosted)\b",
    re.I,
)
_FALL = re.compile(
    r"\b(?:fell|fallen|falls|lost|declined|decreased|dropped|shrank|went down|down|lower|less|lowered|cut|"
    r"reduced|narrowed|slashed|halved)\b",
    re.I,
)
# the sentence's opening word, after a transcript's speaker label ("Matthis Ruuvel: Operating margin was ...")
_OPENING = re.compile(r"^\W*(?:[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}:\s+)?([A-Z][a-z]+)\b")


def point_changes(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """The change in percentage points between two percentages a sentence sets side by side: 27 percent then 33
    percent is a rise of 6 points (not of 6 percent, which is relative: convention keeps them apart). Signed:
    a fall is negative. Each side's rounding adds up."""
    shares = [q for q in quantities if q.kind == "percent"]
    out = []
    for first, second in itertools.pairwise(shares):
        gap = text[first.end : second.start]
        if len(gap) > 120 or re.search(r"[.;!?](?:\s|$)", gap):
            continue
        if _NOW_THEN.search(gap):
            now, then = first, second
        elif _THEN_NOW.match(gap) and _FROM.search(text[max(0, first.start - 12) : first.start]):
            now, then = second, first
        else:
            continue
        # the sentence's opening word is capitalised for its place, not as a name: "Operating margin was ..."
        opening = _OPENING.match(text)
        subject = {context_word(opening.group(1).lower())} if opening else set()
        out += _changes(
            now,
            then,
            first.start,
            second.end,
            first.context | second.context | (subject - QSTOP) | _share_of(text),
        )
    return out


def _side_by_side(text: str, counts: list[Quantity]):
    """Pairs of figures a sentence sets side by side as now and before, with the words between them (a
    bracketed conversion between them left out: "QRL 72.5 million (about US$18.1 million), up from QRL 44.0
    million")."""
    for i, now in enumerate(counts):
        for then in counts[i + 1 : i + 3]:
            asides = [m.span() for m in _BRACKET.finditer(text, now.end, then.start)]
            between = counts[i + 1 : counts.index(then)]
            if not all(any(a <= q.start < b for a, b in asides) for q in between):
                continue  # a figure between them that no bracket holds: not side by side
            yield now, then, _SIGN_BEFORE.sub("", _BRACKET.sub("", text[now.end : then.start]))


# "(about US$18.1 million)": an amount restated in another unit, aside
_BRACKET = re.compile(r"\([^()]*\)")
# "We ended September with 530 employees; a year earlier we were 370": the earlier level in the next clause
_EARLIER_CLAUSE = re.compile(
    r"^[^.;,]{0,30}[,;]\s*(?:a|one)\s+(?:year|quarter|month)\s+(?:earlier|before|ago)\s*,?\s+(?:we|it|they|there)\s+"
    r"(?:were|was|had|stood at|numbered)\s+$",
    re.I,
)


def amount_changes(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """The relative change between two amounts or counts a sentence sets side by side as now and before:
    "revenue was TMB 4.82 billion, compared with TMB 3.92 billion a year earlier" is a rise of 23 percent (a
    claim's "grew by more than a fifth"), and so is "530 employees; a year earlier we were 370". Both must count
    in the same unit: two amounts of money (in one currency code or sign) or two counts of the same noun (a
    figure with no noun of its own counting what the one before it counts)."""
    counts = [q for q in quantities if q.kind == "count" and not q.change]
    out = []
    for now, then, gap in _side_by_side(text, counts):
        earlier = bool(_EARLIER_CLAUSE.match(gap))
        stop = re.search(r"[.;!?](?:\s|$)", gap)
        if not earlier and (len(gap) > 60 or stop or not _NOW_THEN.search(gap)):
            continue
        if not then.value:
            continue
        unit = _unit(text, then) if not earlier or then.head else _unit(text, now)
        if _unit(text, now) != unit or unit is None:
            continue
        opening = _OPENING.match(text)
        subject = {context_word(opening.group(1).lower())} if opening else set()
        context = now.context | then.context | (subject - QSTOP)
        out += [q for q in _changes(now, then, now.start, then.end, context) if q.kind == "percent"]
    return out


def earlier_level(text: str, quantities: list[Quantity], q: Quantity) -> bool:
    """Is the figure the earlier level a sentence sets beside its own ("TMB 4.82 billion, compared with TMB 3.92
    billion in the third quarter of last year"), or one it was changed from ("changed their originally announced
    height of 840 feet to 927 feet")? It is no figure for the present level a claim states."""
    if _changed_from(text, quantities, q):
        return True
    before = [p for p in quantities if p.end <= q.start and p.kind == q.kind and not p.change]
    if not before:
        return False
    gap = _SIGN_BEFORE.sub("", text[before[-1].end : q.start])
    return len(gap) <= 60 and not re.search(r"[.;!?](?:\s|$)", gap) and bool(_NOW_THEN.search(gap))


_ORIGINALLY = re.compile(r"\b(?:originally|initially|previously|formerly|at first)\b[^.;]{0,40}$", re.I)


def _changed_from(text: str, quantities: list[Quantity], q: Quantity) -> bool:
    """The figure a thing was "originally" given, changed "to" the next figure that counts the same."""
    if not _ORIGINALLY.search(text[max(0, q.start - 50) : q.start]):
        return False
    later = [p for p in quantities if p.start >= q.end and p.kind == q.kind and p.head == q.head]
    if not later:
        return False
    gap = text[q.end : later[0].start]
    return len(gap) <= 60 and re.search(r"\bto\b", gap) is not None


# a claim about the earlier level itself: "last year's revenue", "a year earlier", "the previous quarter"
CLAIMS_EARLIER = re.compile(
    r"\b(?:last|previous|prior|preceding)\s+(?:year|quarter|month)|\b(?:a|one)\s+(?:year|quarter|month)\s+"
    r"(?:earlier|before|ago)\b|\bearlier\b",
    re.I,
)
_SIGN_BEFORE = re.compile(r"(?:[A-Z]{3}|[$€£¥₹]|US\$)\s?$")


def _unit(text: str, q: Quantity) -> str | None:
    """What an amount is counted in: the currency code or sign before it ("TMB", "$"), else its noun."""
    before = re.search(r"(?:([A-Z]{3})|([$€£¥₹]))\s?$", text[max(0, q.start - 5) : q.start])
    return (before.group(1) or before.group(2)) if before else q.head


# "accounts for 44 percent of downloads", "made up 62 percent of revenue", "a 38 percent share", "of the market":
# percentages that are a part's share of a whole, which a claim calls its "share" ("its share rose by five points")
_SHARE = re.compile(
    r"\b(?:account(?:s|ed|ing)? for|(?:made|makes|make|making) up|represent(?:s|ed|ing)?|shares?|of the market|market)\b",
    re.I,
)


def _share_of(text: str) -> frozenset[str]:
    """The word "share" for the changes of a sentence whose percentages are shares of a whole."""
    return frozenset([context_word("share")]) if _SHARE.search(text) else frozenset()


def _changes(now: Quantity, then: Quantity, start: int, end: int, context: frozenset[str]) -> list[Quantity]:
    """The change from one percentage to another, in points, and relative to where it started: 9.4 to 6.1 percent
    is a cut of 3.3 points, and of 35 percent (a third); each side's rounding carried through."""
    comparator = "approx" if "approx" in (now.comparator, then.comparator) else "eq"
    text = f"{now.text} against {then.text}"
    points = Quantity(
        now.value - then.value,
        "points",
        comparator,
        start,
        end,
        text,
        context,
        now.precision + then.precision,
        change=True,
    )
    out = [points]
    if then.value:
        relative = (now.value - then.value) / then.value * 100
        spread = (now.precision + then.precision * abs(now.value / then.value)) / abs(then.value) * 100
        out.insert(0, replace(points, value=relative, kind="percent", precision=spread))
    return out


# "A year earlier, Oddvessa put Lirra's share at 31 percent": the sentence gives the earlier level of the figure
# the sentence before it gave
_EARLIER = re.compile(
    r"^\W*(?:[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}:\s+)?(?:a|one|two|three|four|six|\d+)\s+"
    r"(?:years?|months?|quarters?|weeks?)\s+(?:earlier|before)\b",
    re.I,
)


def earlier_changes(text: str, previous: str, quantities: list[Quantity]) -> list[Quantity]:
    """The change between the one percentage of the sentence before and the one percentage a sentence that
    opens "A year earlier, ..." gives: 31 percent a year before 38 percent is a rise of 7 points."""
    if not _EARLIER.match(text):
        return []
    thens = [q for q in quantities if q.kind == "percent"]
    nows = [q for q in extract_quantities(previous) if q.kind == "percent"]
    if len(thens) != 1 or len(nows) != 1:
        return []
    now, then = nows[0], thens[0]
    lead = {context_word(w.lower()) for w in re.findall(r"[A-Za-z][\w-]+", previous[: now.start])} - QSTOP
    context = then.context | now.context | lead | _share_of(previous)
    return _changes(now, then, then.start, then.end, context)


# A part given against a whole: "The API contributed 31.2 million of that" (the whole in the sentence before),
# "revenue was 48.6 million, of which the API brought in 31.2 million"
_OF_THAT = re.compile(r"^\s*(?:[a-z]+\s+){0,2}?of\s+(?:that|this|it|the\s+total)\b", re.I)
_OF_WHICH = re.compile(r"\bof\s+which\b[^.;]*$", re.I)


def shares_of_whole(text: str, previous: str, quantities: list[Quantity]) -> list[Quantity]:
    """The share of a whole that a part the sentence gives makes up, in percent: 31.2 million "of that", after a
    sentence whose figure was 48.6 million, is 64.2 percent of it (each side's rounding carried through)."""
    out = []
    for part in quantities:
        if part.kind != "count" or part.value <= 0:
            continue
        if _OF_THAT.match(text[part.end :]):
            wholes = [q for q in extract_quantities(previous) if q.kind == "count"]
        elif m := _OF_WHICH.search(text[: part.start]):
            wholes = [q for q in quantities if q.kind == "count" and q.end <= m.start()]
        else:
            continue
        if not wholes or wholes[-1].value <= part.value:
            continue
        whole = wholes[-1]
        share = part.value / whole.value * 100
        spread = share * (part.precision / part.value + whole.precision / whole.value)
        comparator = "approx" if "approx" in (part.comparator, whole.comparator) else "eq"
        # a share of the whole is about what the whole counts too, as the words that lead to it say ("Revenue
        # for the third quarter was 48.6 million")
        source = previous if _OF_THAT.match(text[part.end :]) else text
        lead = {context_word(w.lower()) for w in re.findall(r"[A-Za-z][\w-]+", source[: whole.start])} - QSTOP
        context = part.context | whole.context | lead
        out.append(
            replace(
                part,
                value=share,
                kind="percent",
                comparator=comparator,
                precision=spread,
                head=None,
                context=context,
            )
        )
    return out


# a share of the whole just given: "the market will be worth 2.5 billion, and Quill takes roughly one fifth of it"
_SHARE_OF_IT = re.compile(r"^\s*of\s+(?:it|that|this|the\s+total)\b", re.I)
# an earlier level a change starts from ("up from 1.9 billion last year") is no whole
_FROM_LEVEL = re.compile(r"\bfrom\s+(?:\S+\s+)?$", re.I)


def parts_of_whole(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """The amount a share of a whole given before it in the sentence comes to: "worth KVV 2.5 billion ..., and
    Quill takes roughly one fifth of it" is about KVV 500 million for Quill, in the share's own words (the
    share's rounding carried through)."""
    out = []
    for share in quantities:
        if share.kind != "percent" or share.value <= 0 or not _SHARE_OF_IT.match(text[share.end :]):
            continue
        wholes = [
            q
            for q in quantities
            if q.kind == "count"
            and q.end <= share.start
            and not _FROM_LEVEL.search(text[max(0, q.start - 20) : q.start])
        ]
        if not wholes:
            continue
        whole = wholes[-1]
        value = whole.value * share.value / 100
        clause = re.split(r",|\band\s+that\b", text[whole.end : share.start])[-1]
        lead = {context_word(w.lower()) for w in re.findall(r"[A-Za-z][\w-]+", clause)} - QSTOP
        comparator = "approx" if "approx" in (share.comparator, whole.comparator) else "eq"
        out.append(
            replace(
                whole,
                value=value,
                comparator=comparator,
                precision=value * share.precision / share.value,
                head=None,
                context=share.context | lead,
                exact=False,
            )
        )
    return out


# the year a change is measured from: "up 31 percent from the third quarter of 2025", "up 22 percent on the third
# quarter of 2025", "compared with TMB 3.9 billion in the third quarter of 2025", "than in 2024"
_BASE_YEAR = re.compile(
    r"\b(?:(?:up|down|rose|fell|grew|declined|increased|decreased)\b(?:(?!\bto\b)[^.;]){0,40}?\b(?:from|on|over)|"
    r"compared\s+(?:with|to)|versus|vs\.?|than(?:\s+(?:in|at|during))?)\s+"
    # what lies between is the earlier figure and its period, never the "to" of a range ("from 10 in 2019 to 20")
    r"(?:(?:(?!\bto\b)(?:[^,.;]|\.(?=\d))){0,60}?\s)?(?:of|in)?\s*$",
    re.I,
)
_RANGE_ON = re.compile(r"\s*(?:to\b|through\b|until\b|[–-])", re.I)


def base_year(text: str, q: Quantity) -> bool:
    """Is this year of the sentence only what a change is measured from ("revenue was 96 million, up 31 percent
    from the third quarter of 2025")? It dates the earlier figure, not the sentence's own: no year for the claim's
    figure to be read against ("the third quarter of 2026"). The start of a range ("from 10 in 2019 to 20 in
    2021") is a year of its own."""
    if q.kind != "year" or _RANGE_ON.match(text, q.end):
        return False
    return bool(_BASE_YEAR.search(re.split(r"[.;!?]\s", text[: q.start])[-1]))


def direction(text: str, q: Quantity) -> int:
    """Which way a change the figure gives goes: +1 for "rose by 6 points", "5 points higher"; -1 for "fell by
    6 points", "5 points lower"; 0 when it does not say."""
    before = re.split(r"[,;]", text[max(0, q.start - 30) : q.start])[-1]
    after = re.split(r"[,;]", text[q.end : q.end + 20])[0]
    near = f"{before} {' '.join(after.split()[:1])}"
    rise, fall = bool(_RISE.search(near)), bool(_FALL.search(near))
    return 0 if rise == fall else 1 if rise else -1


# A total the source breaks into its kinds: "105,000 derivative models, counting fine-tunes, quantizations,
# adapters and merges", "including", "across", "made up of"
_KINDS_OF = re.compile(
    r"^[^.;!?]{0,60}?\b(?:counting|including|across|spanning|made up of|comprising|of all (?:kinds|types):?)\s+"
    r"(?P<items>[^.;!?()]{3,160})",
    re.I,
)


def counts_a_part(claim: Quantity, text: str, evidence: Quantity) -> str | None:
    """Does the claim count one kind of what the source's figure totals? "100,000 fine-tuned derivative models"
    against "105,000 derivative models, counting fine-tunes, quantizations, adapters and merges": the total says
    nothing of how many are fine-tunes. The kind the claim names, or None."""
    m = _KINDS_OF.match(text[evidence.end :])
    if not m:
        return None
    items = {_kind_key(w) for w in re.findall(r"[A-Za-z][\w-]+", m.group("items")) if w.lower() not in QSTOP}
    own = {_kind_key(w) for w in evidence.phrase} | {_kind_key(evidence.head or "")}
    for word in claim.phrase:
        if word != claim.head and _kind_key(word) not in own and _kind_key(word) in items:
            return word
    return None


# a kind the claim's figure leaves out: "Leaving merges aside, X has more than 105,000 derivatives", "excluding
# adapters", "not counting merges"
_LEFT_OUT = re.compile(
    r"\b(?:leaving|setting|putting)\s+(?:the\s+|its\s+)?(?P<aside>[a-z][\w-]+)\s+aside\b|"
    r"\b(?:excluding|not counting|aside from|apart from)\s+(?:the\s+|its\s+)?(?P<kind>[a-z][\w-]+)",
    re.I,
)


def left_out(text: str) -> str | None:
    """The kind a figure leaves out ("merges" in "Leaving merges aside, ..."), or None."""
    m = _LEFT_OUT.search(text)
    return (m.group("aside") or m.group("kind")) if m else None


def counts_what_is_left_out(claim: str, text: str) -> str | None:
    """The claim's figure leaves a kind out ("Leaving merges aside, more than 105,000 derivative models"); a
    source's total that does not leave it out too ("just over 107,000 derivative models", "105,000 ...,
    counting fine-tunes, ... and merges") counts that kind as well, and says nothing of the rest alone: more than
    105,000 in all may be fewer without the merges. The kind, or None."""
    kind = left_out(claim)
    if kind is None:
        return None
    theirs = left_out(text)
    return None if theirs and _kind_key(theirs) == _kind_key(kind) else kind


def _kind_key(word: str) -> str:
    """A word's first letters, enough to meet its other forms: "quantized" and "quantizations", "fine-tuned"
    and "fine-tunes"."""
    return word.lower().replace("-", "")[:6]


_BY = re.compile(
    r"\bby\s+(?:(?:more|less|fewer) than|about|around|roughly|nearly|almost|over|at least|some|just)?\s*$",
    re.I,
)


# the verbs of a change, as context words: "grew by more than 60 percent" says it is a change, which a change
# worked out from two levels already is, not what it counts
_CHANGE_VERBS = frozenset(
    context_word(w)
    for w in [
        "rose",
        "risen",
        "rise",
        "rises",
        "grew",
        "grown",
        "grow",
        "grows",
        "gained",
        "gain",
        "increased",
        "increase",
        "climbed",
        "climb",
        "jumped",
        "jump",
        "surged",
        "fell",
        "fallen",
        "fall",
        "falls",
        "declined",
        "decline",
        "decreased",
        "decrease",
        "dropped",
        "drop",
        "shrank",
        "shrink",
        "slipped",
    ]
)


def as_change(q: Quantity) -> Quantity:
    """A claimed change's figure without its verb in its context, to align with a change the source's figures
    give."""
    return replace(q, context=q.context - _CHANGE_VERBS) if q.context - _CHANGE_VERBS else q


_CHANGE_VERB = (
    r"rose|risen|grew|grown|gained|increased|climbed|jumped|surged|fell|fallen|declined|decreased|dropped|"
    r"shrank|slipped|slid"
)
_VERB_THEN = re.compile(
    rf"\b(?P<verb>{_CHANGE_VERB})\s+(?:(?:more|less) than|about|around|roughly|nearly|almost|over|some|"
    r"just|at least)?\s*$",
    re.I,
)


def claimed_change(text: str, q: Quantity) -> int | None:
    """Is a claim's percentage the size of a change ("cut the error rate by more than a third", "grew by 20
    percent"), which is relative to where it started? The direction its verb gives (+1, -1, 0 when none), or None
    for a plain share ("holds 20 percent")."""
    by = _BY.search(text[: q.start])
    if q.kind != "percent":
        return None
    if not by:
        # "climbed twelve percent", "rose more than 30 percent": the verb's own figure is the change's size
        verb = _VERB_THEN.search(text[: q.start])
        return None if verb is None else (1 if _RISE.fullmatch(verb.group("verb")) else -1)
    clause = re.split(r"[,;]", text[: by.start()])[-1]  # the verb, not the bound's "more than"
    rise, fall = bool(_RISE.search(clause)), bool(_FALL.search(clause))
    return 0 if rise == fall else 1 if rise else -1
