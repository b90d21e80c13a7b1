"""Quantities with units and comparators, and the comparison of a claim's quantity with the evidence's.

Each quantity becomes an interval of values it allows: "more than 700 million" is (700e6, inf), "roughly 31
million" is 31e6 +- 5 %, a bare "642.3 million" is 642.3e6 +- half a unit of its last digit. The claim is
supported when every value the evidence allows lies inside the claim's interval, refuted when none does, and
undecided otherwise ("more than 400 million" neither supports nor refutes "passed 500 million").
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field, replace

from assistant.verify.periods import window

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
    # the Indian scales: "97 crore" is 970 million, "5 lakh" half a million
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
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
_SCALE = r"(?:\s*-?\s*(?P<scale>thousand|millions?|billions?|trillion|lakhs?|crores?|mn|mio|bn|tn|[kmbt])\b)?"
_UNIT = r"(?:\s*(?P<unit>%|per ?cent\b|percentage points?\b|pp\b|pct\b))?"
# a figure glued to the sentence before it ("to be sold.312.47 million units"): a word of four lower-case letters
# and a full stop, which no abbreviation ("no.5", "vol.2") or name ("Quill.3") is
_GLUED = r"(?<=[a-z]{4}\.)"
_GLUED_WORD = re.compile(r"(?<![\w.'’-])[a-z]{4,}\.$")
_QUANTITY = re.compile(
    rf"(?:(?<![\w.,-])|{_GLUED})(?:{_NUMBER}|\b{_WORDNUM}\b){_SCALE}{_UNIT}(?![\w])|(?<![\w.])(?P<key>[\w.]+?_(?:millions|k|pct|percent))\"?\s*[:=]\s*\"?(?P<keynum>\d+(?:\.\d+)?)",
    re.I,
)

# Words before a number that bound it. Longest phrases first.
_COMPARATORS = [
    (
        "gt",
        r"more than|greater than|higher than|larger than|over|above|exceed(?:s|ed|ing)?|in excess of|upwards of|"
        r"pass(?:es|ed|ing)?|surpass(?:es|ed|ing)?|topped|tops|beyond|north of|crossed",
    ),
    ("ge", r"at least|no (?:fewer|less) than|a minimum of"),
    (
        "lt",
        # "nearly", "almost": just under the figure, so below it
        r"less than|fewer than|under|below|lower than|short of|shy of|not yet|nearly|almost|near(?:s|ing)?",
    ),
    ("le", r"at most|no more than|up to|a maximum of|not more than"),
    (
        "approx",
        r"about|around|roughly|approximately|some|close to|circa|~|an estimated|estimated|more or less",
    ),
]
# A currency between the comparator and the number ("more than $ 115 million", "over €14m", "under US$5
# million") belongs to the number: the bound still holds; so does a stray "than" ("under than $ 612 million").
_CURRENCY = r"(?:(?:(?-i:US|A|C|NZ|HK|S)\s?)?\$|€|£|¥|₹|(?:Rs|INR|USD|EUR|GBP)\.?\s)"
_COMPARATOR_RE = [
    (
        name,
        re.compile(
            rf"(?:\b(?:{pattern})\b|~)\s*(?:than\s+)?(?:the\s+|a\s+total\s+of\s+)?(?:{_CURRENCY}\s*)?$", re.I
        ),
    )
    for name, pattern in _COMPARATORS
]
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DAY_MONTH = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}(?!\w)|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b", re.I
)
# "14.05.2031", "23/05/2031", "2031-05-14": a day, not the figure 14.05 (verify/dates.py reads them)
_NUMERIC_DATE = re.compile(
    r"(?<![\w.-])\d{1,2}([/.])\d{1,2}\1(?:1[1-9]|20)\d\d(?![\w-])|\b(?:1[1-9]|20)\d\d-[01]?\d-[0-3]?\d\b"
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
# Prepositions and conjunctions that the figure checks skip as well: "while" says nothing of what a figure
# measures. ("outside" is no counted noun either, but it is a scope: see _SCOPE.)
_FUNCTION = frozenset(
    [
        *("across", "within", "during", "through", "throughout", "among", "amongst"),
        *("between", "against", "into", "onto", "upon", "via", "while", "whereas", "when", "where", "which"),
        *("who", "including", "excluding", "each", "only", "still", "also", "then", "both", "since", "until"),
        *("he", "she", "it", "they", "we", "him", "them", "us", "other", "others"),
    ]
)
_QSTOP = STOP_WORDS | _FUNCTION
# where, not what: "$ 12 million outside Kestrel" counts no "outside"
_SCOPE = frozenset(["outside", "overseas", "abroad", "world", "globe"])


@dataclass
class Quantity:
    value: float  # in base units (downloads, not millions); percents as 0-100
    # count | percent | points | year | period ("the 30 days to ...": a window, not a figure) | score | rank
    kind: str
    comparator: str  # eq | gt | ge | lt | le | approx | ne (a rank "below" N: read both ways)
    start: int
    end: int
    text: str
    context: frozenset[str] = field(default_factory=frozenset)  # content words around it
    precision: float = 0.0  # half a unit of the last written digit, in base units
    head: str | None = None  # the word it counts: "downloads" in "700 million downloads"
    phrase: frozenset[str] = field(default_factory=frozenset)  # the words after it: "confirmed", "case"
    exact: bool = False  # an exact written count ("410 cases"), as opposed to a scaled or rounded figure
    # what a figure joined to its unit by a hyphen describes: "context" in "a 128k-token context"
    describes: str | None = None
    change: bool = False  # a change between two of the source's figures ("33 percent, up from 27 percent")

    def interval(self, *, as_claim: bool) -> tuple[float, float, bool, bool]:
        """(lo, hi, lo_open, hi_open)."""
        v = self.value
        if self.comparator == "ne":
            return -math.inf, math.inf, True, True  # "below 5th", read both ways: it bounds nothing
        if self.comparator == "gt":
            return v, math.inf, True, True
        if self.comparator == "ge":
            return v, math.inf, False, True
        if self.comparator == "lt":
            return -math.inf, v, True, True
        if self.comparator == "le":
            return -math.inf, v, True, False
        if self.comparator == "approx":
            # "roughly 31 million" admits ordinary rounding: 5 %, or the written precision if coarser. A claim's
            # "around 300" is read generously (200 to 400); a source's "around 300" as the half-hundreds it
            # rounds to (250 to 350), so that it still settles "under 400"
            slack = max(abs(v) * (0.05 if as_claim else 0.03), self.precision * (2 if as_claim else 1))
            return v - slack, v + slack, False, False
        # A bare figure allows the rounding its digits imply, but no more than 1 %: "700 million" is not 687M.
        # Evidence is read the same way, but an exact count ("41 cases", "410 cases") is exact: a source that
        # counts 410 cases counts fewer than 412.
        exact = self.precision <= 0.5 or (self.exact and not as_claim)
        slack = 0.0 if exact else min(self.precision, abs(v) * 0.01)
        # the very edge of the rounding is no value the figure names: "$ 61.4 million" is more than $ 61.35
        # million and less than $ 61.45 million
        rounded = slack > 0
        return v - slack, v + slack, rounded, rounded


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


def _context(text: str, start: int, end: int, clause: bool = True) -> frozenset[str]:
    """What the number counts: nearby lower-case words. Names (capitalised) and verbs of comparison are left
    out; whose number it is, and how it compares, are checked apart. ``clause``: only the words of its own
    clause (a year, "In 2010 , X released ...", dates the whole sentence)."""
    # "year on year" is the basis of a growth rate, not a time window
    before_text = _ordinals(_scopes(_BASIS.sub(" ", _whole_words(text, max(0, start - 80), start))))
    after_text = _ordinals(_scopes(_BASIS.sub(" ", _whole_words(text, end, end + 60))))
    # a source's figure shares the words of its sentence, but not the scope of the figure after it: in "$ 130.1
    # million in the US , and $ 98.1 million in other territories , for a worldwide total of $ 228.2 million"
    # only the last is worldwide, and only the second outside
    foreign_scopes = set()
    if not clause:
        own = _own_words(after_text)
        foreign_scopes = {_context_word(w.lower()) for w in _WORD.findall(after_text[len(own) :])}
        # and not the scope of the figure before it: the "other territories" of the $ 98.1 million above, which
        # come before "for a worldwide total of $ 228.2 million", are not the total's
        mine = _own_before(before_text)
        foreign_before = {
            _context_word(w.lower()) for w in _WORD.findall(before_text[: len(before_text) - len(mine)])
        }
        foreign_scopes = ((foreign_scopes | foreign_before) & _SCOPES) - {
            _context_word(w.lower()) for w in _WORD.findall(own + " " + mine)
        }
    if clause:
        # in a claim, "and", "while", "but" join two statements: "under $ 12 million outside Lark and less than
        # $ 27 million globally" says nothing of the second figure outside Lark
        before_text = _CONJUNCTION.split(_CLAUSE_BREAK.split(before_text)[-1])[-1]
        after_text = _CONJUNCTION.split(_CLAUSE_BREAK.split(after_text)[0])[0]

    def content(words: list[str]) -> list[str]:
        # comparators and function words do not take the places of the words that say what is counted
        # a scale word ("million") is the unit of a figure, never what it counts
        kept = (
            _context_word(w.lower())
            for w in words
            if not w[0].isupper()
            and w.lower() not in _QSTOP
            and w.lower() not in _SCALES
            and w.lower() not in _COMPARATOR_WORDS  # "above" is no word of what is counted
        )
        return [w for w in kept if w not in _VERBS_OF_COMPARISON and w not in _COMPARATOR_WORDS]

    words = content(_WORD.findall(before_text))[-4:] + content(_WORD.findall(after_text))[:5]
    if not clause:
        # which one the sentence is about ("the first season has a rating of 88 % , based on 47 reviews , with an
        # average rating of 7.61/10") is every one of its figures'
        words += [_context_word(w.lower()) for w in _ORDINAL_PHRASE.findall(_ordinals(text))]
    return frozenset(words) - foreign_scopes


# "the first season", "its last album": which one, a qualifier of its own ("first-season"); "the first week" stays
# a window of time ("first", "week")
_ORDINAL_NOUN = re.compile(
    r"\b(first|last)\s+(?!(?:days?|weeks?|weekends?|months?|years?|quarters?|hours?|minutes?|time|half)\b)"
    r"([a-z][a-z]+)\b"
)
_ORDINAL_PHRASE = re.compile(r"\b(?:first|last)-[a-z]+\b")


def _ordinals(text: str) -> str:
    return _ORDINAL_NOUN.sub(r"\1-\2", text)


def _own_words(after: str) -> str:
    """The words after a source's figure that are still its own: up to the next figure, and not the words that
    lead into that one. In "$ 23 million in Kestrel and $ 41.7 million in other territories for a worldwide total
    of $ 64.7 million", "other territories" is the 41.7's scope and "worldwide" the 64.7's, neither the 23's."""
    nxt = re.search(r"(?<![\w-])\d", after)
    if not nxt or _PART_OF.match(after):
        return after  # "26 out of 28 provinces": the whole is part of the part's words
    return _LEAD_IN.split(after[: nxt.start()])[0]


def _own_before(before: str) -> str:
    """The words before a source's figure that are its own: all of them when no figure comes before it, else
    those after the previous figure's own words ("for a worldwide total of" in "$ 41.7 million in other
    territories for a worldwide total of")."""
    figures = list(re.finditer(r"(?<![\w-])\d[\d,.]*", before))
    if not figures:
        return before
    rest = before[figures[-1].end() :]
    lead_in = _LEAD_IN.search(rest)
    return rest[lead_in.start() :] if lead_in else ""


_SCOPES = frozenset(["worldwid", "outsid", "domestic"])
_LEAD_IN = re.compile(r"[,;]|\b(?:and|for|with|while|whereas|but|against)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[;,()]|(?<![\w-])\d")
# "against" too: "grossed $ 342 million worldwide against its $ 71 million budget" says nothing of the budget's scope
_CONJUNCTION = re.compile(r"\b(?:and|while|whereas|but|against)\b", re.I)


def _whole_words(text: str, start: int, end: int) -> str:
    """text[start:end] without the words the window cuts ("...lion" of "million" is no word of its own)."""
    window = text[start:end]
    if start > 0 and text[start - 1].isalnum() and window[:1].isalnum():
        window = re.sub(r"^\w+", "", window)
    if end < len(text) and text[end].isalnum() and window[-1:].isalnum():
        window = re.sub(r"\w+$", "", window)
    return window


# a gross "in other territories", "in territories other than Kestrel", "overseas" is one taken outside the home
# market: the scope "outside"
_OUTSIDE = re.compile(
    r"\b(?:other|foreign|international)\s+(?:territories|markets|countries)\b|"
    r"\b(?:territories|markets|countries)\s+other\s+than\b|\binternationally\b",
    re.I,
)
_WORLD = re.compile(r"\b(?:around|across|throughout|all over)\s+the\s+(?:world|globe)\b", re.I)


def _scopes(text: str) -> str:
    """The phrases of scope as one word each: "in other territories" is "outside", "around the world"
    "worldwide"."""
    return _BOX_OFFICE.sub(" gross ", _WORLD.sub(" worldwide ", _OUTSIDE.sub(" outside ", text)))


_BOX_OFFICE = re.compile(r"\bbox[- ]office\b", re.I)  # "a box office of 35 crore" is a gross


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
    # what a film or a product takes in: one measure, whichever verb reports it
    "earned": "gross",
    "earns": "gross",
    "earn": "gross",
    "grossed": "gross",
    "grosses": "gross",
    "collected": "gross",
    "collects": "gross",
    "collection": "gross",
    "collections": "gross",
    "globally": "worldwide",
    "global": "worldwide",
    "domestically": "domestic",
    "overseas": "outside",
    "abroad": "outside",
    "straight": "consecutive",
    # an aggregator's count of reviews is its count of critics
    "critics": "review",
    "critic": "review",
    "reviewers": "review",
    "reviewer": "review",
    # measure families: one tally, whichever word a report gives it ("1,318 deaths", "under 1,900 have died",
    # "claimed 700 lives", "fatalities"; "410 infections" are confirmed cases)
    **dict.fromkeys(["died", "dies", "die", "dead", "fatality", "fatalities", "killed", "lives"], "death"),
    **dict.fromkeys(["infection", "infections"], "case"),
    **dict.fromkeys(["discharged", "cured"], "recovery"),
    **dict.fromkeys(["residents", "resident", "inhabitants", "inhabitant"], "population"),
    **dict.fromkeys(["fixture", "fixtures"], "match"),
    # British and American spellings
    **dict.fromkeys(["travellers", "traveller", "travelled", "travelling"], "traveler"),
}
# "people" and "persons" are counted by what happened to them: "64,000 people tested positive" are cases,
# "300 people were killed" deaths, "180 people have recovered" recoveries, "a population of 118,406 people"
# the population. The verbs and nouns near such a figure that name its measure:
_PEOPLE = frozenset(["people", "persons", "individuals"])
_PEOPLE_MEASURES = {
    **dict.fromkeys(["died", "dead", "killed", "perished", "deaths", "fatalities"], "deaths"),
    **dict.fromkeys(["recovered", "discharged", "cured", "recoveries"], "recoveries"),
    **dict.fromkeys(["positive", "infected", "contracted"], "cases"),
    **dict.fromkeys(["population", "inhabited"], "population"),
    **dict.fromkeys(["employs", "employed", "employ", "employing", "staff", "workforce"], "employees"),
}


def _context_word(word: str) -> str:
    """The stem, unless stemming makes a time-window word of something else ("lasted" is no "last")."""
    if word in _LEMMAS:
        return _stem(_LEMMAS[word])
    stem = _stem(word)
    return word if stem == "last" and stem != word else stem


def stem(word: str) -> str:
    """A crude suffix stem ("downloads" -> "download") for the stance checks, whose word lists are written in
    its forms; the figure checks use the finer ``_stem``."""
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


_VOWEL = re.compile(r"[aeiouy]")


def figure_stem(word: str) -> str:
    """The stem the figure checks give a word (the words of a quantity's context and head are such stems)."""
    return _stem(word)


def _stem(word: str) -> str:
    """A light English stem that joins the forms a figure's words take on either side: "rated", "rating" and
    "rate"; "recoveries", "recovered" and "recovery"; "cases" and "case"; "topped" and "top"."""
    if len(word) > 4 and word.endswith(("ies", "ied")):
        word = word[:-3] + "y"
    elif re.search(r"(?:ss|x|ch|sh|z)es$", word):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    else:
        for suffix in ("ing", "ed"):
            rest = word[: -len(suffix)]
            if word.endswith(suffix) and len(rest) >= 3 and _VOWEL.search(rest):
                # "topped" -> "top", but "passed" keeps its "ss" and "called" its "ll"
                double = len(rest) > 3 and rest[-1] == rest[-2] and rest[-1] not in "lsz" + "aeiou"
                word = rest[:-1] if double else rest
                break
    if word.endswith("ery") and len(word) > 5:
        word = word[:-1]  # "recovery", "delivery": the noun of "recover", "deliver"
    return word[:-1] if len(word) > 3 and word.endswith("e") and not word.endswith("ee") else word


_SPREAD_OVER = re.compile(r"\b(?:averag|spread|divided|split|distributed)\w*\s+over\s+$", re.I)


def _comparator(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 40) : start]
    if _SPREAD_OVER.search(before) and re.match(r"\s+[a-z]", text[end : end + 3]):
        # "averaged over 52 reviewers": over names the base of the average, no bound (but "averaging over
        # 7/10" is one)
        return "eq"
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


def extract_quantities(text: str, clauses: bool = False) -> list[Quantity]:
    """Numbers with their unit, comparator and context. Calendar dates are left to the date checks.

    ``clauses``: each figure's context is only its own clause, up to the next figure. For a claim, which states
    its figures one per clause ("under $ 129 million in the US , and a worldwide total of under $ 228
    million"). Not for a source's sentence, whose figures often share one subject ("revenue was 9.71 billion,
    up 31 percent")."""
    out: list[Quantity] = []
    dates = _date_spans(text) + [
        m.span() for m in (*_DAY_MONTH.finditer(text), *_NUMERIC_DATE.finditer(text))
    ]
    scores = [s for s in _scores(text) if not any(a <= s.start < b for a, b in dates)]
    scores += [r for r in _ranks(text) if not any(a <= r.start < b for a, b in dates)]
    out += scores
    for m in _QUANTITY.finditer(text):
        if any(a <= m.start() < b for a, b in dates) or any(s.start <= m.start() < s.end for s in scores):
            continue
        if text[m.start() - 1 : m.start()] == "." and not _GLUED_WORD.search(
            text[max(0, m.start() - 30) : m.start()]
        ):
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
        fraction = bool(word) and " ".join(word.lower().split()) in _FRACTION_PERCENT
        if word:
            base = _word_value(word)
            if fraction:
                unit = unit or "%"
        else:
            base = float(num.replace(",", ""))
        scale = _SCALES.get(scale_word, 1.0)
        if num and scale_word and base >= 1e6 and "," in num:
            scale = 1.0  # "$ 18,300,000 million": the figure is written out in full, the scale word is a slip
        if unit.startswith(("percentage", "pp")):
            kind = "points"
        elif unit:
            kind = "percent"
        elif num and not scale_word and re.fullmatch(r"(?:19|20)\d\d", num):
            kind = "year"
        else:
            kind = "count"
        rating = _RATING.match(text, m.end())  # "8.5/10" is 8.5, on a scale of ten
        if kind == "count" and _OF_100.match(text, m.end()):
            kind = "percent"  # "a score of 81 out of 100" is a score of 81 %
        if (m.start() > 0 and text[m.start() - 1] in "-/:") or (
            re.match(r"[-/:]\d", text[m.end() : m.end() + 2]) and not rating
        ):
            continue  # dates (2025-10-31), versions (Quill-3), times (00:01), ranges of ids
        if _SEASON_END.search(text[max(0, m.start() - 8) : m.start()]):
            continue  # the "04" of the 2003–04 season is no figure
        if (
            kind == "count"
            and num
            and not scale_word
            and ("." not in num or re.fullmatch(r"\d{1,2}\.\d{1,2}", num))
            and _in_name(text, m.start())
        ):
            continue  # "The Witcher 3", "Chapter 3", "Ligue 2", a version ("Apache 2.0"): part of a name
        if (
            word
            and word[0].isupper()
            and not scale_word
            and not unit
            and not _OPENS.search(text[: m.start()])
        ):
            continue  # "the Big Five", "Division Two": a number word with a capital inside a sentence is a name
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
        if (
            kind == "count"
            and _SHORT_WINDOW.search(text[max(0, m.start() - 12) : m.start()])
            and re.match(r"\s*(?:minutes?|hours?)\b", text[m.end() : m.end() + 12], re.I)
        ):
            kind = "period"  # "in the first 21 minutes": when, not how many
        precision = 0.5 * scale if word else _precision(num, scale)
        comparator = _comparator(text, m.start(), m.end())
        if fraction:
            # a fraction word is itself rounded, as word_figures reads it: "a third of" is 33 % give or take
            precision = base * 0.05
            comparator = "approx" if comparator == "eq" else comparator
        head = _head(text, m.start(), m.end(), percent=kind in ("percent", "points"))
        if kind == "count" and rating:
            head = _RATING_HEAD  # "an average of 6.4/10": a mark on a scale, never a count of what is near it
        if head in _PEOPLE_HEADS:
            head = _people_measure(text, m.start(), m.end()) or head
        if (
            kind == "year"
            and head in _WHOLE
            and not _YEAR_AFTER.search(text[max(0, m.start() - 12) : m.start()])
        ):
            # "1974 confirmed cases", "the cases reached 1961": a tally, not a year (but "in 2031 people ...")
            kind = "count"
        if num and not scale_word and not unit and re.fullmatch(r"\d{1,3}\.\d{3}", num) and head in _WHOLE:
            # "4.217 people have died": people and cases come whole, so the point separates thousands
            base, precision = float(num.replace(".", "")), 0.5
        context = _context(text, m.start(), m.end(), clause=clauses and kind not in ("year", "period"))
        if kind == "percent" and _SCORED in context:
            context = context - {_SCORED} | {_RATING_HEAD}  # a film "scored 72 %": its rating is 72 %
        if _MAKE in context and re.search(rf"{_CURRENCY}\s*$", text[max(0, m.start() - 6) : m.start()]):
            context = context - {_MAKE} | {_GROSS}  # a film that "made $ 60 million" grossed it
        age = False
        if kind == "count" and (_AGE_AFTER.match(text, m.end()) or _AGE_BEFORE.search(text[: m.start()])):
            # "less than 6 years old", "at the age of five", "aged 31": an age, not a count of years (nor a
            # window of years)
            head = "age"
            context = context - _AGE_WORDS | {"age"}
            age = True
        out.append(
            Quantity(
                base * scale,
                kind,
                comparator,
                m.start(),
                m.end(),
                m.group(0).strip(),
                context,
                precision,
                head=head,
                describes=_describes(text, m.end()),
                exact=bool(num) and scale == 1 and "." not in num,
                # the whole of "26 out of 28 provinces" is no count of provinces of its own
                phrase=frozenset(_context_word(w) for w in noun_phrase(text, m.end()))
                if head != "total" and not age
                else frozenset(),
            )
        )
    out = _with_word_figures(text, out, clauses)
    return _elided(out, text) if clauses else out


def _with_word_figures(text: str, found: list[Quantity], clauses: bool) -> list[Quantity]:
    """Adds the fractions written as words that the pattern above does not read ("two thirds of the market", "a
    fifth"), with what they count. A fraction is the longer reading: "two thirds" is a share, not a count of
    two."""
    out = list(found)
    for w in word_figures(text):
        overlapping = [q for q in out if q.start < w.end and w.start < q.end]
        if w.kind != "percent" or any(q.kind == "percent" for q in overlapping):
            # "a billion" stays with the callers that ask for it (record_checks): read in every sentence, it
            # let a sister business's "one billion transactions" and a later venue's "one billion" stand for
            # claims that the name and venue checks do not yet tell apart
            continue
        out = [q for q in out if q not in overlapping]
        comparator = _comparator(
            text, w.start, w.end
        )  # "passed a billion", which word_figures does not bound
        out.append(
            replace(
                w,
                comparator=comparator if comparator != "eq" else w.comparator,
                context=_context(text, w.start, w.end, clause=clauses),
                head=_head(text, w.start, w.end, percent=w.kind == "percent"),
                phrase=frozenset(_context_word(x) for x in noun_phrase(text, w.end)),
            )
        )
    return sorted(out, key=lambda q: q.start)


# "a 128k-token context", "a 30-second advert": the figure and its unit are one word that describes the noun after
_COMPOUND = re.compile(r"-[a-z]+\s+([a-z][a-z-]+)")


def _describes(text: str, end: int) -> str | None:
    """The noun a figure hyphenated to its unit describes: a 128k-token context is a measure of the context, and
    only a figure about a context ("a context window of 128,000 tokens") can settle it, not "trained on 21
    trillion tokens"."""
    m = _COMPOUND.match(text, end)
    if not m or m.group(1) in _QSTOP or m.group(1) == "club":
        return None  # "the one-billion-downloads club" is a threshold (_CLUB), no thing measured
    return _context_word(m.group(1))


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
        subject = {_context_word(opening.group(1).lower())} if opening else set()
        out += _changes(
            now, then, first.start, second.end, first.context | second.context | (subject - _QSTOP)
        )
    return out


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
    lead = {_context_word(w.lower()) for w in re.findall(r"[A-Za-z][\w-]+", previous[: now.start])} - _QSTOP
    return _changes(now, then, then.start, then.end, then.context | now.context | lead)


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
        lead = {
            _context_word(w.lower()) for w in re.findall(r"[A-Za-z][\w-]+", source[: whole.start])
        } - _QSTOP
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
    items = {_kind_key(w) for w in re.findall(r"[A-Za-z][\w-]+", m.group("items")) if w.lower() not in _QSTOP}
    own = {_kind_key(w) for w in evidence.phrase} | {_kind_key(evidence.head or "")}
    for word in claim.phrase:
        if word != claim.head and _kind_key(word) not in own and _kind_key(word) in items:
            return word
    return None


def _kind_key(word: str) -> str:
    """A word's first letters, enough to meet its other forms: "quantized" and "quantizations", "fine-tuned"
    and "fine-tunes"."""
    return word.lower().replace("-", "")[:6]


_BY = re.compile(
    r"\bby\s+(?:(?:more|less|fewer) than|about|around|roughly|nearly|almost|over|at least|some|just)?\s*$",
    re.I,
)


def claimed_change(text: str, q: Quantity) -> int | None:
    """Is a claim's percentage the size of a change ("cut the error rate by more than a third", "grew by 20
    percent"), which is relative to where it started? The direction its verb gives (+1, -1, 0 when none), or None
    for a plain share ("holds 20 percent")."""
    by = _BY.search(text[: q.start])
    if q.kind != "percent" or not by:
        return None
    clause = re.split(r"[,;]", text[: by.start()])[-1]  # the verb, not the bound's "more than"
    rise, fall = bool(_RISE.search(clause)), bool(_FALL.search(clause))
    return 0 if rise == fall else 1 if rise else -1


_BOUND_WORDS = (
    ("gt", r"more than|over|above|greater than|higher than"),
    ("ge", r"at least"),
    ("lt", r"less than|fewer than|under|below|nearly|almost|just under"),
    ("le", r"at most|no more than|up to"),
    ("approx", r"about|around|roughly|approximately|some|close to|more or less"),
)
_FRACTIONS = {
    "half": 50.0,
    "third": 100 / 3,
    "quarter": 25.0,
    "fifth": 20.0,
    "sixth": 100 / 6,
    "tenth": 10.0,
    "two thirds": 200 / 3,
    "three quarters": 75.0,
}
_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_WORD_FIGURE = re.compile(
    r"(?:\b(?P<cmp>"
    + "|".join(w for _, w in _BOUND_WORDS)
    + r")\s+)?\b(?:(?<!half\s)(?:a|one)\s+(?P<scale>thousand|million|billion)\b(?!\s+(?:and|point))|"
    r"(?:a|one)\s+(?P<part>half|third|quarter|fifth|sixth|tenth)\b|(?P<parts>two[ -]thirds|three[ -]quarters)\b)",
    re.I,
)


def fraction_percent(words: str) -> float | None:
    """The percent a fraction word names: "half", "a third", "two-thirds", "one quarter"; None if it is none."""
    key = " ".join(words.lower().replace("-", " ").split())
    return _FRACTIONS.get(re.sub(r"^(?:a|one) ", "", key))


def word_figures(claim: str) -> list[Quantity]:
    """Figures written as words that quantities.py leaves alone: "a billion" downloads, "a fifth" or "two
    thirds" of something (a share, in percent). A fraction word is itself rounded: "roughly a fifth" is read as
    about 20 % give or take a tenth of it (18 to 22 %), as a writer rounds 21.7 % to "a fifth"."""
    out = []
    for m in _WORD_FIGURE.finditer(claim):
        word = (m.group("cmp") or "").lower()
        comparator = next((c for c, w in _BOUND_WORDS if re.fullmatch(w, word)), "eq") if word else "eq"
        if m.group("scale"):
            value, kind, prec = _SCALE_WORDS[m.group("scale").lower()], "count", 0.0
        else:
            value, kind = fraction_percent(m.group("part") or m.group("parts")), "percent"
            prec = value * 0.05  # a claim's "roughly" admits twice its precision: a tenth of the fraction
            if comparator == "eq":
                comparator = "approx"  # "a fifth of the downloads" is a rounded share, never an exact one
        out.append(Quantity(value, kind, comparator, m.start(), m.end(), m.group(0), precision=prec))
    return out


def is_money(text: str, q: Quantity) -> bool:
    """Is the figure an amount of money ("$ 88 million")?"""
    return bool(re.search(rf"{_CURRENCY}\s*$", text[max(0, q.start - 6) : q.start]))


_SIGN = re.compile(rf"(?P<sign>{_CURRENCY})\s*$", re.I)
_SIGNS = {"us$": "USD", "usd": "USD", "a$": "AUD", "c$": "CAD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD"}
_SIGNS |= {
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "rs": "INR",
    "inr": "INR",
}
_CURRENCY_AFTER = re.compile(
    r"\s*(?P<code>USD|EUR|GBP|INR|JPY)\b|\s+(?:(?P<us>US|U\.S\.|American)\s+)?"
    r"(?P<name>dollars?|euros?|pounds?(?:\s+sterling)?|yen|rupees?|yuan)\b",
    re.I,
)
_NAMES = {"dollar": "$", "euro": "EUR", "pound": "GBP", "yen": "JPY", "rupee": "INR", "yuan": "CNY"}


def currency(text: str, q: Quantity) -> str | None:
    """The currency of an amount, by the sign before it ("US$ 118 million" USD, "$ 88 million" some dollar) or
    the name after it ("3 million euros"); None for a figure that names none."""
    sign = _SIGN.search(text[max(0, q.start - 6) : q.start])
    if sign:
        written = re.sub(r"[\s.]", "", sign.group("sign")).lower()
        return _SIGNS.get(written, "$" if written.endswith("$") else written.upper())
    after = _CURRENCY_AFTER.match(text, q.end)
    if not after:
        return None
    if after.group("code"):
        return after.group("code").upper()
    name = _NAMES[after.group("name").lower().split()[0].rstrip("s")]
    return "USD" if after.group("us") and name == "$" else name


def same_currency(a: str, b: str) -> bool:
    """A bare "$" is some dollar: it agrees with any of them ("US$", "A$"), but no two named ones agree."""
    dollars = ("$", "USD", "AUD", "CAD", "NZD", "HKD", "SGD")
    return a == b or ("$" in (a, b) and a in dollars and b in dollars)


def other_money(claim: str, cq: Quantity, text: str, eq: Quantity, others: list[Quantity]) -> bool:
    """Is the evidence's figure no amount in the claim's currency? A figure in another currency never is; nor is
    a figure that counts a noun of its own beside one in the claim's currency ("412 million corvos, about US$ 118
    million": the claim's "US$ 400 million" is read against the dollars, whatever "corvos" are)."""
    mine = currency(claim, cq)
    if mine is None:
        return False
    theirs = currency(text, eq)
    if theirs is not None:
        return not same_currency(mine, theirs)
    in_mine = any((c := currency(text, o)) and same_currency(mine, c) for o in others if o is not eq)
    return in_mine and eq.head is not None and not same_head(cq, eq)


def _elided(quantities: list[Quantity], text: str) -> list[Quantity]:
    """A claim's figure with no noun of its own counts what the figure before it counts: "less than 48 aircraft,
    while Kestrel Air has less than 31" (aircraft too), "under $ 12 million in Lark and less than $ 27 million
    globally" (a gross too). It keeps its own scope ("globally"), not the other's."""
    out: list[Quantity] = []
    for q in quantities:
        before = [p for p in out if p.kind == q.kind]
        # an amount of money counts no aircraft, and nothing counts what a span of years does ("for four years
        # worth $ 14 million")
        before = [p for p in before if is_money(text, p) == is_money(text, q) and p.head not in _WINDOW_WORDS]
        if q.head is None and before and q.kind in ("count", "percent", "points"):
            prev = before[-1]
            inherited = prev.context - _QUALIFIERS - _RUNS
            q = replace(q, head=prev.head, phrase=prev.phrase, context=q.context | inherited)
        out.append(q)
    return out


# "won 33–28", "a 2-1 defeat": a game's score, one figure of two numbers (no scale or unit after it: "65–80
# crore" is a range of amounts)
_SCORE = re.compile(
    r"(?<![\w.,/–—-])(\d{1,3})\s?[–—-]\s?(\d{1,3})(?![\w.,/%–—-]|\s*(?:%|per\b|percent\b|"
    r"(?:thousand|millions?|billions?|lakhs?|crores?|[kmb]n?)\b))"
)


# "with 52:26 points", "a 64:38 goal difference": a league tally of points or goals, written with a colon (a colon
# alone is a time: "at 7:30")
_POINTS = re.compile(r"(?<![\w.,:])(\d{1,3})\s?:\s?(\d{1,3})(?=\s+(?:points|pts|goals)\b)", re.I)


def _scores(text: str) -> list[Quantity]:
    """Scores as one quantity each, the same whichever side is written first ("33–28 loss" and "lost 28–33")."""
    found = []
    for m in [*_SCORE.finditer(text), *_POINTS.finditer(text)]:
        if re.match(rf"\s*{_MONTHS}(?!\w)", text[m.end() : m.end() + 12], re.I):
            continue  # "10–12 March": days
        a, b = int(m.group(1)), int(m.group(2))
        found.append(
            Quantity(
                float(max(a, b) * 1000 + min(a, b)),
                "score",
                "eq",
                m.start(),
                m.end(),
                m.group(0),
                _context(text, m.start(), m.end()),
                0.0,
                exact=True,
            )
        )
    return found


_ORDINAL_WORDS = {
    w: i
    for i, w in enumerate(
        [
            *("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"),
            *("eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth"),
            *("eighteenth", "nineteenth", "twentieth"),
        ],
        1,
    )
}
_WORD_CARDINAL = "|".join(sorted(_SMALL_NUMBERS, key=len, reverse=True))


def _ordinal(n: int) -> str:
    return rf"(?P<ord{n}>\d{{1,3}})(?:st|nd|rd|th)|(?P<ordword{n}>{'|'.join(_ORDINAL_WORDS)})"


def _number(n: int) -> str:
    return rf"(?:number|no\.)\s+(?P<card{n}>\d{{1,3}}|{_WORD_CARDINAL})"


# A rank is a place on a list. What makes an ordinal or a number one is a superlative or a place after it
# ("third most visited", "37th largest", "ninth-highest-grossing", "5th place"), a verb of ranking before it
# ("ranks ninth", "finished third", "peaked at number 31"), a chart after it ("number 31 on the Hot 100") or
# a list ("among the top ten"). "The second goal", "the 16th century" and "the ninth minute" are no ranks.
_SUPERLATIVE = (
    r"(?:most|least|largest|biggest|highest|lowest|best|worst|greatest|smallest|busiest|richest|tallest|"
    r"longest|oldest|fastest|wealthiest|strongest|place|position|spot)\b"
)
_RANKED = r"(?:rank(?:s|ed|ing)?|finish(?:es|ed|ing)?|plac(?:es|ed|ing)|peak(?:s|ed|ing)?|debut(?:s|ed)?|charted|sits|came)"
_RANK_BOUND = r"(?:above|below|under|behind|before|after|ahead\s+of|higher\s+than|lower\s+than|better\s+than|worse\s+than)"
# the words that mark a figure as a rank say nothing of what is ranked: left out of its context
_RANK_WORDS = frozenset(
    _context_word(w)
    for w in (
        "rank",
        "ranks",
        "ranked",
        "ranking",
        "place",
        "placed",
        "position",
        "number",
        "finished",
        "peaked",
    )
) | {"behind", "ahead", "before", "after", "top", "list"}
_RANK = re.compile(
    rf"\b(?:{_ordinal(1)})(?=[\s-]+(?:[\w-]+\s+)?{_SUPERLATIVE})|"
    rf"\b{_RANKED}\s+(?:(?:at|as)\s+)?(?:{_RANK_BOUND}\s+)?(?:the\s+)?(?:{_number(2)}|{_ordinal(3)})\b|"
    rf"\b{_number(4)}(?=\s+(?:on|in)\s+(?:the\s+)?[A-Z])|"
    rf"\bthe\s+top\s+(?P<top>\d{{1,3}}|{_WORD_CARDINAL})\b",
    re.I,
)
# a time or an instalment, not a place: "came in the 9th minute", "finished in the 16th century"
_NOT_RANK = re.compile(
    r"[\s-]+(?:minutes?|hours?|days?|weeks?|months?|years?|centur(?:y|ies)|seasons?|rounds?|laps?|innings?|"
    r"anniversary|birthday|editions?|grades?|episodes?|volumes?)\b|[-/]\d",
    re.I,
)
_RANK_GROUPS = ("ord1", "ordword1", "card2", "ord3", "ordword3", "card4", "top")
# How a claim bounds a rank: "above 33rd", "ahead of", "higher than" are better places (a lower number);
# "behind", "worse than", "lower than" worse ones. "Below" is read both ways (a number below, or a place below),
# so only the very place refutes it ("ne").
_RANK_COMPARATORS = [
    ("lt", r"above|ahead\s+of|higher\s+than|better\s+than|before"),
    ("gt", r"behind|worse\s+than|lower\s+than|after"),
    ("ne", r"below|under"),
]


def _rank_comparator(before: str) -> str:
    for name, pattern in _RANK_COMPARATORS:
        if re.search(rf"\b(?:{pattern})\s+(?:the\s+)?(?:(?:number|no\.)\s+)?$", before, re.I):
            return name
    return "eq"


def _ranks(text: str) -> list[Quantity]:
    """Places on a list as quantities of kind "rank": "ranks ninth" is 9, "the 37th largest" 37, "among the top
    ten" at most 10 ("le")."""
    found = []
    for m in _RANK.finditer(text):
        group = next(g for g in _RANK_GROUPS if m.group(g))
        written = m.group(group).lower()
        if written.isdigit():
            value = float(written)
        else:
            value = float(_ORDINAL_WORDS.get(written, _SMALL_NUMBERS.get(written, 0)))
        start, end = m.start(group), m.end(group)
        if value <= 0 or _NOT_RANK.match(text, m.end()):
            continue
        if group == "top":
            outside = re.search(
                r"\boutside\s+(?:of\s+)?(?:the\s+)?$", text[max(0, m.start() - 20) : m.start()], re.I
            )
            comparator = "gt" if outside else "le"
        else:
            comparator = _rank_comparator(text[max(0, start - 30) : start])
        found.append(
            Quantity(
                value,
                "rank",
                comparator,
                start,
                end,
                text[start:end],
                _context(text, start, end) - _RANK_WORDS,
                0.0,
                head="rank",
                exact=True,
            )
        )
    return found


_WIN = frozenset(["win", "beat", "victory"])
_LOSS = frozenset(["lose", "loss", "los", "beaten"])


def _outcome(q: Quantity) -> set[str]:
    """Whether the words around a score say it was won or lost."""
    return ({"win"} if q.context & _WIN else set()) | ({"loss"} if q.context & _LOSS else set())


_RATING_HEAD = _context_word("rating")
_REVIEW = _context_word("reviews")
_RATING_BEFORE = re.compile(
    r"\brating\s+(?:of\s+)?(?:(?:more|less|lower|higher|greater)\s+than\s+|over\s+|under\s+|above\s+|below\s+|"
    r"at\s+least\s+|at\s+most\s+|about\s+|around\s+|nearly\s+|almost\s+)?$",
    re.I,
)
_MAKE, _GROSS = _context_word("made"), _context_word("grossed")
_SCORED = _context_word("scored")
_AGE_WORDS = frozenset(["year", "old", "age"])
_PLAYED = re.compile(r"\b(?:played|appeared|capped|featured)\b[^,;.]*$", re.I)
_OPENS = re.compile(r"(?:^|[.!?:;\"“(\[]|``)\s*$")  # where a sentence or a quotation opens
_SHORT_WINDOW = re.compile(r"\b(?:first|last|past|next)\s+$", re.I)
_YEAR_AFTER = re.compile(
    r"\b(?:in|since|by|until|till|from|before|after|during|of|on|through|circa)\s*$", re.I
)
_OF_100 = re.compile(r"\s*(?:out\s+of|/)\s*100\b(?![.,]?\d|\s*(?:%|per\s*cent\b|percent\b))")
_AGE_AFTER = re.compile(r"\s*-?\s*years?(?:\s*-\s*|\s+)(?:old\b|of\s+age\b)", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged|the\s+age\s+of|ages?)\s+(?:of\s+)?(?:just\s+)?$", re.I)
_RATING = re.compile(r"\s*/\s*(?:5|10|100)\b(?![.,]?\d)")
_SEASON_END = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[–—-]\s*$")
# Capitalised words that open a sentence before a figure rather than name something ("Under 50 copies",
# "There were 12 ...", "Only 3 ...").
_NOT_NAMES = frozenset(
    [*STOP_WORDS, *_COMPARATOR_WORDS, "there", "only", "all", "exactly", "estimated", "total", "no", "nearly"]
)


def _in_name(text: str, start: int) -> bool:
    """Is the number part of a name: right after a capitalised word that is no month and does not merely open
    the sentence ("The Witcher 3", "Insidious : Chapter 3", "Masters 1000", "Formula 1")? A possessive
    ("Bryant's 81 points") is its owner's figure, not a name."""
    before = re.search(r"([A-Z][A-Za-z]*)\s+$", text[max(0, start - 30) : start])
    if not before:
        return False
    word = before.group(1).lower()
    return word not in _NOT_NAMES and not re.fullmatch(_MONTHS, word)


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
        share = re.match(r"\s+of\s+(?:the\s+|all\s+)*(?:\d[\d,]*\s+)?(?=[A-Za-z])", text[end : end + 40])
        # the share's noun is the last word of its phrase: "of known national cases", "of the confirmed cases"
        words = noun_phrase(text, end + share.end(), share=True) if share else []
        if words:
            # "71 % of 96 critics" gave it a good review: that share is its approval rating
            noun = _context_word(words[-1])
            return (
                _RATING_HEAD
                if noun == _REVIEW and re.search(r"\bgave|\bgiven", text[end : end + 80])
                else noun
            )
        if share:
            return None
        # a mark: "a 64 % rating", "an approval rating of less than 65 %"
        nouns = [w for w in noun_phrase(text, end) if not _modifier(w)]
        if (nouns and _context_word(nouns[-1]) == _RATING_HEAD) or _RATING_BEFORE.search(
            text[max(0, start - 40) : start]
        ):
            return _RATING_HEAD
        return None
    tail = _BASIS.sub(" ", _whole_words(text, end, end + 40))
    after = _WORD.findall(tail)
    if after and after[0].lower() in ("times", "time"):
        # "downloaded 4 billion times" counts downloads: the verb before says what; a player who "played for
        # Lark 58 times" made 58 appearances
        if _PLAYED.search(text[max(0, start - 60) : start]):
            return _context_word("appearances")
        before = [w for w in _WORD.findall(text[max(0, start - 40) : start]) if w.lower() not in _QSTOP]
        if before and not before[-1][0].isupper():
            return _context_word(before[-1].lower())
    if re.match(r"\s*of\s+(?:those|them|these)\b", tail, re.I):
        # "31,000 of those tested positive", "of them 420 died": people, counted by what happened to them
        return _people_measure(text, start, end)
    part = _PART_OF.match(tail)
    if part:
        return _context_word(part.group(1).lower())  # "26 out of 28 provinces" counts provinces
    if _TOTAL_OF.search(text[max(0, start - 30) : start]):
        return "total"  # the 28 of "26 out of 28 provinces" is the whole the part is counted against
    phrase = noun_phrase(text, end)
    if phrase:
        # "786 confirmed coronavirus cases", "410 new infections": the modifiers are not what is counted
        # and the counted noun ends the phrase: "6,112 passing yards" counts yards, "19 passing records" records
        # (up to a participle after it: "5,000 people tested positive" counts people)
        nouns: list[str] = []
        for word in phrase:
            if _modifier(word) and nouns:
                break
            if not _modifier(word):
                nouns.append(word)
        if nouns:
            return _context_word(nouns[-1])
        # a participle alone that says what happened to those counted: "57 recovered" are recoveries
        measure = _PEOPLE_MEASURES.get(phrase[0])
        return _context_word(measure) if measure else None
    subject = _SUBJECT.search(text[max(0, start - 80) : start])
    if subject:
        return _stem((subject.group(1) or subject.group(2)).lower())  # "the number of recoveries reached 30"
    # otherwise the first content word of its clause ("1,998 , of which ..." counts nothing of its own)
    for word in _WORD.findall(re.split(r"[,;.()]", tail)[0])[:3]:
        if word.lower() in _PLACE_PREPOSITIONS:
            return None  # "$ 640,000 in other territories", "12 in Lark": where, not what
        if word.lower() not in _QSTOP | _SCOPE and not word[0].isupper():
            return _context_word(word.lower())
    return None


_PLACE_PREPOSITIONS = frozenset(
    ["in", "on", "at", "from", "across", "within", "outside", "inside", "for", "by"]
)


_PEOPLE_HEADS = frozenset(_context_word(w) for w in _PEOPLE)
# what is only ever counted whole: people, and the tallies of them
_WHOLE = _PEOPLE_HEADS | {_context_word(w) for w in ("deaths", "cases", "recoveries", "patients")}


def _people_measure(text: str, start: int, end: int) -> str | None:
    """What a count of people measures, by the nearest word of its clause that says what happened to them: first
    after the figure ("64,000 people tested positive", "1,046 people ... have died"), else before it ("killed
    around 400 people")."""
    after = _CONJUNCTION.split(_CLAUSE_BREAK.split(_whole_words(text, end, end + 90))[0])[0]
    before = _CLAUSE_BREAK.split(_whole_words(text, max(0, start - 60), start))[-1]
    # after the figure, the last such word: the verb of "5,000 people who tested positive ... died" comes
    # after the relative clause
    for words in (_WORD.findall(after)[:12][::-1], _WORD.findall(before)[::-1][:5]):
        for word in words:
            if word.lower() in _PEOPLE_MEASURES:
                return _context_word(_PEOPLE_MEASURES[word.lower()])
    return None


# "26 out of 28 provinces", "12 of the 40 stores": the part counts the noun after the whole
_PART_OF = re.compile(r"\s*(?:out\s+)?of\s+(?:the\s+|all\s+)?\d[\d,.]*\s+([a-z][\w-]*)")
_TOTAL_OF = re.compile(r"\d\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?$")
# the counted noun as the subject of the verb that gives the figure: "the number of recoveries reached 30",
# "confirmed cases rose to 708"
_SUBJECT = re.compile(
    r"\b(?:number|total|count|tally) of ([a-z][\w-]*)\b[^.;]{0,60}?\b(?:is|was|are|were|reached|stood at|stands at|"
    r"rose to|climbed to|increased to|totall?ed|hit)\s*$|"
    r"\b([a-z][\w-]*)\s+(?:have\s+|has\s+|had\s+)?(?:reached|rose to|climbed to|increased to|totall?ed)\s*$",
)
_MODIFIERS = frozenset(
    [
        *(
            "new",
            "total",
            "additional",
            "active",
            "other",
            "further",
            "more",
            "official",
            "cumulative",
            "overall",
        ),
        # where, not what: "27.6 crore worldwide"
        *("worldwide", "globally", "domestically", "internationally", "nationwide", "statewide", "alone"),
        *("consecutive", "straight"),
    ]
)


def _modifier(word: str) -> bool:
    """A word that qualifies the counted noun rather than being it: a participle ("confirmed") or an adjective
    of tallies ("new", "total")."""
    return word in _MODIFIERS or (word.endswith("ed") and len(word) > 4)


def noun_phrase(text: str, end: int, share: bool = False) -> list[str]:
    """The lower-case words right after a number, up to a function word, a name or punctuation (at most three):
    "confirmed coronavirus cases" in "786 confirmed coronavirus cases , of which ..."

    A name after a modifier only narrows the noun ("21 new Quill-19 cases" counts cases). ``share``: the phrase
    after the "of" of a percentage, where any name inside the phrase only narrows it ("of known Lark quillpox
    cases" is a share of cases, "of Skerry voters" of voters; at most four words)."""
    words: list[str] = []
    tokens = re.findall(r"[A-Za-z][A-Za-z0-9-]*|\S", _whole_words(text, end, end + 50))
    for i, token in enumerate(tokens):
        inner_name = (
            (share or (words and all(_modifier(w) for w in words)))
            and token[0].isupper()
            and i + 1 < len(tokens)
            and tokens[i + 1][0].islower()
            and tokens[i + 1] not in _QSTOP
        )
        if inner_name:
            continue
        if (
            not token[0].isalpha()
            or token[0].isupper()
            or token.lower() in _QSTOP | _SCOPE
            or len(words) == (4 if share else 3)
        ):
            break
        words.append(token.lower())
    return words


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
    if (
        claim.kind == "score"
        and _outcome(claim)
        and _outcome(evidence)
        and _outcome(claim) != _outcome(evidence)
    ):
        return (
            "unknown"  # "won 33–28" and "the 33–28 loss": the same score, but whose win is another question
        )
    if evidence.comparator == "eq" and evidence.value == claim.value and claim.comparator != "approx":
        # the source gives the very figure the claim bounds: "grossed $ 41.3 million" refutes "more than $ 41.3
        # million" (the claim says it is above what the source reports) and supports "at least $ 41.3 million"
        return "refutes" if claim.comparator in ("gt", "lt") else "supports"
    if (
        evidence.change
        and claim.comparator == "eq"
        and math.isclose(evidence.value, claim.value, abs_tol=1e-9)
    ):
        # the difference of the source's own figures, to the digit ("an estimated 38 percent", "31 percent" a
        # year before: 7 points), whatever their rounding
        return "supports"
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


# Words that narrow what a figure covers: a time window, or the whole world ("grossed $ 433 million globally" is
# no figure for "$ 47 million in North America")
_QUALIFIERS = _WINDOW_WORDS | {"worldwid", "domestic", "outsid"}
# Qualifiers that make another measure whichever side has them: "five consecutive weeks" is a run, "a total of
# five weeks" a sum; neither says the other
_RUNS = frozenset(["consecutiv"])


def _qualified(claim: Quantity, evidence: Quantity) -> float:
    """The share of alignment left after the qualifiers: the claim's window or scope must be the evidence's
    too, and a run is no total."""
    window = claim.context & _QUALIFIERS | {w for w in claim.context if w.startswith(("first-", "last-"))}
    missing = bool(window and not window & evidence.context)
    # "a 128k-token context" measures the context: a count of tokens trained on is no such measure
    missing = missing or bool(claim.describes and claim.describes not in evidence.context | {evidence.head})
    return 0.4 if missing or (claim.context & _RUNS) != (evidence.context & _RUNS) else 1.0


def titled_period(title: str, text: str, q: Quantity) -> Quantity:
    """A figure whose sentence names no period counts over the period its document's title names: "Operating
    margin was 14.5 percent" in the "Third quarter 2026 results call" is the quarter's margin."""
    if window(text) is not None:
        return q
    words = {_context_word(w.lower()) for w in re.findall(r"[A-Za-z][\w-]*", title)} & _QUALIFIERS
    return replace(q, context=q.context | words) if window(title) and words else q


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
        # nothing counted on one side (a bare percentage): the shared context decides alone
        shared = len(claim.context & evidence.context) / min(len(claim.context), len(evidence.context))
        if not claim.head and not evidence.head and claim.context & evidence.context & _SCOPES:
            # two bare amounts with the same scope ("less than $ 23 million globally", "for a worldwide total of
            # $ 22.6 million , against a budget of ..."): the scope is what tells the sentence's amounts apart
            shared = 0.5 + 0.5 * shared
        return shared * _qualified(claim, evidence)
    head = 0.0
    if claim.head and evidence.head:
        # the same counted word; or, weaker, the word near the other number ("41 days on 2,048 accelerators":
        # "accelerator" is near 41 too, but it counts the 2,048)
        if same_head(claim, evidence):
            head = 1.0  # "more than 780 cases" and "786 confirmed coronavirus cases"
        elif claim.head in evidence.context or evidence.head in claim.context:
            head = 0.5
    shared = len(claim.context & evidence.context) / min(len(claim.context), len(evidence.context))
    score = 0.5 * head + 0.5 * shared
    return score * _qualified(claim, evidence)
