"""Quantities with units and comparators, and the comparison of a claim's quantity with the evidence's.

Each quantity becomes an interval of values it allows: "more than 700 million" is (700e6, inf), "roughly 31
million" is 31e6 +- 5 %, a bare "642.3 million" is 642.3e6 +- half a unit of its last digit. The claim is
supported when every value the evidence allows lies inside the claim's interval, refuted when none does, and
undecided otherwise ("more than 400 million" neither supports nor refutes "passed 500 million").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

_SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mio": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "t": 1e12,
    "tn": 1e12,
    "trillion": 1e12,
}
_SMALL_NUMBERS = {
    w: i
    for i, w in enumerate(
        [
            *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
            *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen"),
            "nineteen",
        ]
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], 2)
}
# Phrases that are one number on their own; fractions of a whole are read as percentages.
_PHRASE_NUMBERS = {
    "a dozen": 12,
    "dozen": 12,
    "half a": 0.5,
    "a quarter of": 25,
    "a third of": 33.3,
    "half of": 50,
}
WORD_NUMBERS = {**_SMALL_NUMBERS, **_TENS, "hundred": 100, "thousand": 1000, **_PHRASE_NUMBERS}
_FRACTION_PERCENT = {"a quarter of": 25.0, "a third of": 100 / 3, "half of": 50.0}

_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_NUMBER_WORD = "|".join(sorted([*_SMALL_NUMBERS, *_TENS, "hundred", "thousand"], key=len, reverse=True))
# "six hundred", "a hundred and ten", "twenty-five", "two thousand": one number, read by _word_value
_WORDNUM = (
    r"(?P<word>"
    + "|".join(re.escape(w) for w in sorted(_PHRASE_NUMBERS, key=len, reverse=True))
    + rf"|(?:a\s+)?(?:{_NUMBER_WORD})(?:(?:[\s-]+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+)(?:{_NUMBER_WORD})\b)*)"
)
_SCALE = r"(?:\s*-?\s*(?P<scale>thousand|millions?|billions?|trillion|mn|mio|bn|tn|[kmbt])\b)?"
_UNIT = r"(?:\s*(?P<unit>%|per ?cent\b|percentage points?\b|pp\b|pct\b))?"
_QUANTITY = re.compile(
    rf"(?<![\w.,-])(?:{_NUMBER}|\b{_WORDNUM}\b){_SCALE}{_UNIT}(?![\w])|(?<![\w.])(?P<key>[\w.]+?_(?:millions|k|pct|percent))\"?\s*[:=]\s*\"?(?P<keynum>\d+(?:\.\d+)?)",
    re.I,
)

# Words before a number that bound it. Longest phrases first.
_COMPARATORS = [
    (
        "gt",
        r"more than|greater than|higher than|larger than|over|above|exceed(?:s|ed|ing)?|in excess of|upwards of|"
        r"passed|passing|surpass(?:es|ed|ing)?|topped|tops|beyond|north of|crossed",
    ),
    ("ge", r"at least|no (?:fewer|less) than|a minimum of"),
    (
        "lt",
        # "nearly", "almost": just under the figure, so below it
        r"less than|fewer than|under|below|lower than|short of|shy of|not yet|nearly|almost",
    ),
    ("le", r"at most|no more than|up to|a maximum of|not more than"),
    (
        "approx",
        r"about|around|roughly|approximately|some|close to|circa|~|an estimated|estimated|more or less",
    ),
]
_COMPARATOR_RE = [
    (name, re.compile(rf"(?:\b(?:{pattern})\b|~)\s*(?:the\s+|a\s+total\s+of\s+)?$", re.I))
    for name, pattern in _COMPARATORS
]
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DAY_MONTH = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}(?!\w)|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b", re.I
)
_CLUB = re.compile(r"^\s*(?:[\w-]+\s+){0,2}club\b", re.I)  # "the 700 million (downloads) club" means > N
STOP_WORDS = _STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "by",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "its",
        "their",
        "his",
        "her",
        "this",
        "that",
        "than",
        "more",
        "less",
        "about",
        "over",
        "under",
        "some",
        "roughly",
        "around",
        "approximately",
        "nearly",
        "almost",
        "just",
        "short",
        "least",
        "most",
        "up",
    ]
)


@dataclass
class Quantity:
    value: float  # in base units (downloads, not millions); percents as 0-100
    kind: str  # count | percent | points | year | period ("the 30 days to ...": a window, not a figure)
    comparator: str  # eq | gt | ge | lt | le | approx
    start: int
    end: int
    text: str
    context: frozenset[str] = field(default_factory=frozenset)  # content words around it
    precision: float = 0.0  # half a unit of the last written digit, in base units
    head: str | None = None  # the word it counts: "downloads" in "700 million downloads"

    def interval(self, *, as_claim: bool) -> tuple[float, float, bool, bool]:
        """(lo, hi, lo_open, hi_open)."""
        v = self.value
        if self.comparator == "gt":
            return v, math.inf, True, True
        if self.comparator == "ge":
            return v, math.inf, False, True
        if self.comparator == "lt":
            return -math.inf, v, True, True
        if self.comparator == "le":
            return -math.inf, v, True, False
        if self.comparator == "approx":
            # "roughly 31 million" admits ordinary rounding: 5 %, or the written precision if coarser
            slack = max(abs(v) * (0.05 if as_claim else 0.03), self.precision * 2)
            return v - slack, v + slack, False, False
        # A bare figure allows the rounding its digits imply, but no more than 1 %: "700 million" is not 687M.
        # Evidence is read the same way; an exact count ("41 cases") is exact.
        slack = 0.0 if self.precision <= 0.5 else min(self.precision, abs(v) * 0.01)
        return v - slack, v + slack, False, False


def _precision(num: str, scale: float) -> float:
    digits = num.replace(",", "")
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".")[1]) * scale
    if scale == 1 and len(digits) > 3:
        return 0.5  # 21480112: an exact count
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    return 0.5 * 10**zeros * scale


_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]+")
_VERBS_OF_COMPARISON = frozenset(
    ["pass", "enter", "exceed", "surpass", "top", "cross", "reach", "hit", "club"]
)


def _context(text: str, start: int, end: int) -> frozenset[str]:
    """What the number counts: nearby lower-case words. Names (capitalised) and verbs of comparison are left
    out; whose number it is, and how it compares, are checked apart."""
    # "year on year" is the basis of a growth rate, not a time window
    before_text = _BASIS.sub(" ", text[max(0, start - 80) : start])
    after_text = _BASIS.sub(" ", text[end : end + 60])

    def content(words: list[str]) -> list[str]:
        # comparators and function words do not take the places of the words that say what is counted
        kept = (_context_word(w.lower()) for w in words if not w[0].isupper() and w.lower() not in _STOP)
        return [w for w in kept if w not in _VERBS_OF_COMPARISON and w not in _COMPARATOR_WORDS]

    return frozenset(content(_WORD.findall(before_text))[-4:] + content(_WORD.findall(after_text))[:5])


_BASIS = re.compile(r"\b(?:year[- ](?:on|over)[- ]year|yoy|month[- ](?:on|over)[- ]month)\b", re.I)
_COMPARATOR_WORDS = frozenset(
    [
        "more",
        "than",
        "less",
        "fewer",
        "over",
        "above",
        "under",
        "below",
        "about",
        "around",
        "roughly",
        "approximately",
        "nearly",
        "almost",
        "least",
        "most",
        "just",
        "some",
        "close",
    ]
)
# irregular forms that the suffix stemmer cannot join ("grew" and "growth" count the same thing)
_LEMMAS = {
    "grew": "grow",
    "grown": "grow",
    "growth": "grow",
    "rose": "rise",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
    "sold": "sell",
    "sales": "sell",
    "spent": "spend",
    "built": "build",
    "paid": "pay",
    "won": "win",
    "lost": "lose",
    "losses": "lose",
    "made": "make",
}


def _context_word(word: str) -> str:
    """The stem, unless stemming makes a time-window word of something else ("lasted" is no "last")."""
    if word in _LEMMAS:
        return _LEMMAS[word]
    stem = _stem(word)
    return word if stem in _WINDOW_WORDS and stem != word else stem


def stem(word: str) -> str:
    """A crude suffix stem ("downloads" -> "download"), shared by the figure and stance checks."""
    return _stem(word)


def _stem(word: str) -> str:
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _comparator(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 40) : start]
    for name, pattern in _COMPARATOR_RE:
        if pattern.search(before):
            return name
    after = text[end : end + 30]
    if re.match(r"\s*(?:or more|\+|plus)\b", after, re.I) or _CLUB.match(after):
        return "gt" if _CLUB.match(after) else "ge"
    if re.match(r"\s*or (?:fewer|less)\b", after, re.I):
        return "le"
    return "eq"


def _word_value(words: str) -> float:
    """ "six hundred" -> 600, "a hundred and ten" -> 110, "twenty-five" -> 25, "two thousand" -> 2000."""
    phrase = " ".join(words.lower().split())
    if phrase in _PHRASE_NUMBERS:
        return float(_PHRASE_NUMBERS[phrase])
    total, current = 0, 0
    for word in re.split(r"[\s-]+", phrase):
        if word in ("a", "and"):
            continue
        if word == "hundred":
            current = (current or 1) * 100
        elif word == "thousand":
            total, current = total + (current or 1) * 1000, 0
        else:
            current += _SMALL_NUMBERS.get(word, 0) + _TENS.get(word, 0)
    return float(total + current)


def _date_spans(text: str) -> list[tuple[int, int]]:
    from ingest.metadata import date_spans

    return date_spans(text)


def extract_quantities(text: str) -> list[Quantity]:
    """Numbers with their unit, comparator and context. Calendar dates are left to the date checks."""
    out: list[Quantity] = []
    dates = _date_spans(text) + [m.span() for m in _DAY_MONTH.finditer(text)]
    for m in _QUANTITY.finditer(text):
        if any(a <= m.start() < b for a, b in dates):
            continue
        if m.group("key"):
            key = m.group("key").lower()
            scale = 1e6 if key.endswith("millions") else 1e3 if key.endswith("_k") else 1.0
            kind = "percent" if key.endswith(("pct", "percent")) else "count"
            num = m.group("keynum")
            value = float(num) * scale
            context = frozenset(
                _stem(w) for w in re.split(r"[_\W]+", key) if w and w not in ("millions", "k")
            )
            out.append(
                Quantity(
                    value,
                    kind,
                    "eq",
                    m.start("keynum"),
                    m.end(),
                    m.group(0),
                    context,
                    _precision(num, scale),
                    head=_head(text, m.start("keynum"), m.end()),
                )
            )
            continue
        num, word = m.group("num"), m.group("word")
        scale_word = (m.group("scale") or "").lower()
        unit = (m.group("unit") or "").lower()
        if word:
            base = _word_value(word)
            if word.lower() in _FRACTION_PERCENT:
                unit = unit or "%"
        else:
            base = float(num.replace(",", ""))
        scale = _SCALES.get(scale_word, 1.0)
        if unit.startswith(("percentage", "pp")):
            kind = "points"
        elif unit:
            kind = "percent"
        elif num and not scale_word and re.fullmatch(r"(?:19|20)\d\d", num):
            kind = "year"
        else:
            kind = "count"
        if (m.start() > 0 and text[m.start() - 1] in "-/:") or re.match(
            r"[-/:]\d", text[m.end() : m.end() + 2]
        ):
            continue  # dates (2025-10-31), versions (Quill-3), times (00:01), ranges of ids
        unit_after = re.match(
            r"\s*(?:days?|weeks?|months?|quarters?|years?)\b", text[m.end() : m.end() + 12], re.I
        )
        window = re.search(
            r"\b(?:the|last|past|previous|first|next|over)\s+$",
            text[max(0, m.start() - 12) : m.start()],
            re.I,
        )
        relative = re.match(
            r"\s*(?:days?|weeks?|months?|years?)\s+(?:ago|after|before|later|earlier)\b",
            text[m.end() : m.end() + 20],
            re.I,
        )
        if kind == "count" and re.match(
            r"\s*(?:[A-Za-z-]+\s+){0,3}per\s+(?!cent\b)", text[m.end() : m.end() + 50]
        ):
            kind = "rate"  # "2 credits per thousand queries", "3 goals per game": a price or rate, no total
        if kind == "count" and unit_after and (window or relative):
            kind = "period"  # a window ("the 30 days to ...") or a time relative to now ("three years ago")
        precision = 0.5 * scale if word else _precision(num, scale)
        comparator = _comparator(text, m.start(), m.end())
        out.append(
            Quantity(
                base * scale,
                kind,
                comparator,
                m.start(),
                m.end(),
                m.group(0).strip(),
                _context(text, m.start(), m.end()),
                precision,
                head=_head(text, m.start(), m.end(), percent=kind in ("percent", "points")),
            )
        )
    return out


_FIELD = re.compile(r"([A-Za-z][\w.]*)\"?\s*[:=]\s*\"?$")


def _head(text: str, start: int, end: int, percent: bool = False) -> str | None:
    """The counted word: right after the number ("700 million downloads"), or the field it is the value of
    ("downloads_all_time: 18250466", "downloads.last_30d_millions": 24.18). A percentage counts what it is a
    share "of"; the words after a bare "31 percent" are seldom what it measures."""
    field = _FIELD.search(text[max(0, start - 60) : start])
    if field:
        words = [w for w in re.split(r"[_.\W]+", field.group(1).lower()) if w and not w[0].isdigit()]
        words = [
            w
            for w in words
            if w not in _WINDOW_WORDS and w not in ("millions", "k", "pct", "percent", "total")
        ]
        return _stem(words[0]) if words else None
    if percent:
        share = re.match(r"\s+of\s+(?:the\s+|all\s+)*([A-Za-z][\w-]*)", text[end : end + 40])
        return _stem(share.group(1).lower()) if share and not share.group(1)[0].isupper() else None
    after = _WORD.findall(_BASIS.sub(" ", text[end : end + 40]))
    if after and after[0].lower() in ("times", "time"):
        # "downloaded 4 billion times" counts downloads: the verb before says what
        before = [w for w in _WORD.findall(text[max(0, start - 40) : start]) if w.lower() not in _STOP]
        if before and not before[-1][0].isupper():
            return _context_word(before[-1].lower())
    for word in after[:3]:
        if word.lower() not in _STOP and not word[0].isupper():
            return _stem(word.lower())
    return None


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
    c = claim.interval(as_claim=True)
    e = evidence.interval(as_claim=False)
    if _inside(e, c):
        return "supports"
    if _disjoint(e, c):
        return "refutes"
    return "unknown"


_WINDOW_WORDS = frozenset(
    [
        "day",
        "week",
        "month",
        "year",
        "quarter",
        "first",
        "launch",
        "daily",
        "weekly",
        "monthly",
        "annual",
        "30d",
        "7d",
        "last",
    ]
)


def alignment(claim: Quantity, evidence: Quantity) -> float:
    """How sure we are that two quantities measure the same thing: the counted word, shared context, and the
    same time window ("on its first day" is not "in August")."""
    if claim.kind != evidence.kind:
        return 0.0
    if not claim.context or not evidence.context:
        return 0.3
    if not claim.head or not evidence.head:
        # nothing counted on one side (a bare percentage): the shared context decides alone
        shared = len(claim.context & evidence.context) / min(len(claim.context), len(evidence.context))
        window = claim.context & _WINDOW_WORDS
        return shared * (0.4 if window and not window & evidence.context else 1.0)
    head = 0.0
    if claim.head and evidence.head:
        # the same counted word; or, weaker, the word near the other number ("41 days on 2,048 accelerators":
        # "accelerator" is near 41 too, but it counts the 2,048)
        if claim.head == evidence.head:
            head = 1.0
        elif claim.head in evidence.context or evidence.head in claim.context:
            head = 0.5
    shared = len(claim.context & evidence.context) / min(len(claim.context), len(evidence.context))
    score = 0.5 * head + 0.5 * shared
    window = claim.context & _WINDOW_WORDS
    if window and not window & evidence.context:
        score *= 0.4
    return score
