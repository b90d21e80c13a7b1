"""Figures made of more than a plain number: a game's score ("won 33–28", "52:26 points"), one quantity
whichever side is written first, and a place on a list ("ranks ninth", "the 37th largest", "among the top ten"),
a rank and not a count."""

from __future__ import annotations

import re

from assistant.verify.counted import context_words
from assistant.verify.quantity import ANY_MONTH, SMALL_NUMBERS, Quantity, context_word

# "won 33–28", "a 2-1 defeat": a game's score, one figure of two numbers (no scale or unit after it: "65–80
# crore" is a range of amounts)
_SCORE = re.compile(
    r"(?<![\w.,/–—-])(\d{1,3})\s?[–—-]\s?(\d{1,3})(?![\w.,/%–—-]|\s*(?:%|per\b|percent\b|"
    r"(?:thousand|millions?|billions?|lakhs?|crores?|[kmb]n?)\b))"
)


# "with 52:26 points", "a 64:38 goal difference": a league tally of points or goals, written with a colon (a colon
# alone is a time: "at 7:30")
_POINTS = re.compile(r"(?<![\w.,:])(\d{1,3})\s?:\s?(\d{1,3})(?=\s+(?:points|pts|goals)\b)", re.I)


def scores_in(text: str) -> list[Quantity]:
    """Scores as one quantity each, the same whichever side is written first ("33–28 loss" and "lost 28–33")."""
    found = []
    for m in [*_SCORE.finditer(text), *_POINTS.finditer(text)]:
        if re.match(rf"\s*{ANY_MONTH}(?!\w)", text[m.end() : m.end() + 12], re.I):
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
                context_words(text, m.start(), m.end()),
                0.0,
                exact=True,
            )
        )
    return found


ORDINAL_WORDS = {
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
_WORD_CARDINAL = "|".join(sorted(SMALL_NUMBERS, key=len, reverse=True))


def _ordinal(n: int) -> str:
    return rf"(?P<ord{n}>\d{{1,3}})(?:st|nd|rd|th)|(?P<ordword{n}>{'|'.join(ORDINAL_WORDS)})"


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
    context_word(w)
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
    # "entered the Lark Albums Chart at number three": a place, whatever verb brought it there
    rf"\bat\s+{_number(5)}\b|"
    rf"\bthe\s+top\s+(?P<top>\d{{1,3}}|{_WORD_CARDINAL})\b|"
    # "in the list of the 70 most-viewed videos", "one of the ten largest": a place within a list that long
    rf"\b(?:in|of|among)\s+the\s+(?P<within>\d{{1,3}}|{_WORD_CARDINAL})(?=[\s-]+(?:most|best|\w+est)\b)",
    re.I,
)
# a time or an instalment, not a place: "came in the 9th minute", "finished in the 16th century"
_NOT_RANK = re.compile(
    r"[\s-]+(?:minutes?|hours?|days?|weeks?|months?|years?|centur(?:y|ies)|seasons?|rounds?|laps?|innings?|"
    r"anniversary|birthday|editions?|grades?|episodes?|volumes?)\b|[-/]\d",
    re.I,
)
_RANK_GROUPS = ("ord1", "ordword1", "card2", "ord3", "ordword3", "card4", "card5", "top", "within")
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


def ranks_in(text: str) -> list[Quantity]:
    """Places on a list as quantities of kind "rank": "ranks ninth" is 9, "the 37th largest" 37, "among the top
    ten" at most 10 ("le")."""
    found = []
    for m in _RANK.finditer(text):
        group = next(g for g in _RANK_GROUPS if m.group(g))
        written = m.group(group).lower()
        if written.isdigit():
            value = float(written)
        else:
            value = float(ORDINAL_WORDS.get(written, SMALL_NUMBERS.get(written, 0)))
        start, end = m.start(group), m.end(group)
        if value <= 0 or _NOT_RANK.match(text, m.end()):
            continue
        if group in ("top", "within"):
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
                context_words(text, start, end) - _RANK_WORDS,
                0.0,
                head="rank",
                exact=True,
            )
        )
    return found


_WIN = frozenset(["win", "beat", "victory"])
_LOSS = frozenset(["lose", "loss", "los", "beaten"])


def outcome(q: Quantity) -> set[str]:
    """Whether the words around a score say it was won or lost."""
    return ({"win"} if q.context & _WIN else set()) | ({"loss"} if q.context & _LOSS else set())
