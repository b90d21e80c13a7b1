"""The Quantity record (a figure with its unit, comparator and what it counts, read as an interval of values)
and the vocabulary every figure module shares: number words and scales, stop words, the light stemmer that joins
a figure's words, and the words that narrow what a figure covers (a time window, a scope)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

SCALES = {
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
SMALL_NUMBERS = {
    w: i
    for i, w in enumerate(
        [
            *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
            *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen"),
            "nineteen",
        ]
    )
}
TENS = {
    w: 10 * i
    for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], 2)
}
# Phrases that are one number on their own; fractions of a whole are read as percentages.
PHRASE_NUMBERS = {
    "a dozen": 12,
    "dozen": 12,
    "half a": 0.5,
    "a quarter of": 25,
    "a third of": 33.3,
    "half of": 50,
}
WORD_NUMBERS = {**SMALL_NUMBERS, **TENS, "hundred": 100, "thousand": 1000, **PHRASE_NUMBERS}
FRACTION_PERCENT = {"a quarter of": 25.0, "a third of": 100 / 3, "half of": 50.0}
# a month by its name, whole or shortened ("Mar", "March", "mar."), read without regard to case
ANY_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
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
# measures. ("outside" is no counted noun either, but it is a scope: see SCOPE.)
_FUNCTION = frozenset(
    [
        *("across", "within", "during", "through", "throughout", "among", "amongst"),
        *("between", "against", "into", "onto", "upon", "via", "while", "whereas", "when", "where", "which"),
        *("who", "including", "excluding", "each", "only", "still", "also", "then", "both", "since", "until"),
        *("he", "she", "it", "they", "we", "him", "them", "us", "other", "others"),
    ]
)
QSTOP = STOP_WORDS | _FUNCTION
# where, not what: "$ 12 million outside Kestrel" counts no "outside"
SCOPE = frozenset(["outside", "overseas", "abroad", "world", "globe"])


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
    # "nearly 15", "almost 700 million": just under the figure, not anywhere below it (with comparator "lt")
    near: bool = False

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
            # a claim's "nearly 15 points" is close below 15 (within a tenth of it), never 8 points; a source's
            # "nearly 2 billion" is read only as below it, so that it lends no lower bound to a figure it may not
            # be about
            near = self.near and as_claim
            return (v - NEAR * abs(v) if near else -math.inf), v, not near, True
        if self.comparator == "le":
            return -math.inf, v, True, False
        if self.comparator == "approx":
            # "roughly 31 million" admits ordinary rounding: 5 %, or the written precision if coarser. A claim's
            # "around 300" is read generously, but within a fifth of it (240 to 360: "close to 100 million" is no
            # 38.6 million, which a round figure's precision alone would admit); a source's "around 300" as the
            # half-hundreds it rounds to (250 to 350), so that it still settles "under 400"
            coarse = min(self.precision * 2, abs(v) * APPROX_AT_MOST) if as_claim else self.precision
            # a claim that writes three significant digits ("roughly 512 million", "about 38.6") is about as
            # precise as them: 2 %, not the 5 % of "roughly 31 million" or "about 9,000"
            digits = len(re.sub(r"\D", "", self.text.split()[0]).strip("0"))
            slack = max(abs(v) * ((0.02 if digits >= 3 else 0.05) if as_claim else 0.03), coarse)
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


# how far under its figure "nearly" and "almost" reach: "nearly 700 million" is 630 to 700 million
NEAR = 0.1
# how far a claim's "about", "roughly", "close to" reach at most, however round its figure
APPROX_AT_MOST = 0.2
SCOPES = frozenset(["worldwid", "outsid", "domestic"])
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
    "world": "worldwide",
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
    # an epidemic's "casualties" are its dead
    **dict.fromkeys(
        [
            "died",
            "dies",
            "die",
            "dead",
            "fatality",
            "fatalities",
            "killed",
            "lives",
            "casualty",
            "casualties",
        ],
        "death",
    ),
    # "3 foreigners" are "3 foreign nationals"
    **dict.fromkeys(["foreigner", "foreigners"], "foreign"),
    **dict.fromkeys(["infection", "infections"], "case"),
    **dict.fromkeys(["discharged", "cured"], "recovery"),
    **dict.fromkeys(
        ["hospitalized", "hospitalised", "hospitalisation", "hospitalisations", "hospitalizations"],
        "hospitalization",
    ),
    **dict.fromkeys(["residents", "resident", "inhabitants", "inhabitant"], "population"),
    **dict.fromkeys(["fixture", "fixtures"], "match"),
    # British and American spellings
    **dict.fromkeys(["travellers", "traveller", "travelled", "travelling"], "traveler"),
}


def context_word(word: str) -> str:
    """The stem, unless stemming makes a time-window word of something else ("lasted" is no "last")."""
    if word in _LEMMAS:
        return figure_stem(_LEMMAS[word])
    stem = figure_stem(word)
    return word if stem == "last" and stem != word else stem


def stem(word: str) -> str:
    """A crude suffix stem ("downloads" -> "download") for the stance checks, whose word lists are written in
    its forms; the figure checks use the finer ``figure_stem``."""
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


_VOWEL = re.compile(r"[aeiouy]")


def figure_stem(word: str) -> str:
    """The stem the figure checks give a word (the words of a quantity's context and head are such stems): a
    light English stem that joins the forms a figure's words take on either side: "rated", "rating" and "rate";
    "recoveries", "recovered" and "recovery"; "cases" and "case"; "topped" and "top"."""
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


WINDOW_WORDS = frozenset(
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
QUALIFIERS = WINDOW_WORDS | {"worldwid", "domestic", "outsid"}
# Qualifiers that make another measure whichever side has them: "five consecutive weeks" is a run, "a total of
# five weeks" a sum; neither says the other. Nor does a capacity "at a time" (counted.py reads the phrase as
# "atonce") say a total: "reads 64,000 tokens at a time" is no count of the tokens a model was trained on.
RUNS = frozenset(["consecutiv", "atonc"])
# Words that make models another set's: "9,000 derivative models" (or fine-tuned, quantized ones) are built on a
# model by others, no count of the models a family holds ("models: 6" in its row)
DERIVED_KINDS = frozenset(["derivativ", "fine-tun", "finetun", "quantiz", "quantis", "adapter", "merg"])
