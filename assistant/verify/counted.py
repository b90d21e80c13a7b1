"""What a figure counts: the words around it (its context, in its own clause and scope) and the noun it
counts (its head: "downloads" in "700 million downloads", a field's name in an export, "deaths" for "300 people
were killed"). The figure checks align a claim's figure with the evidence's by these."""

from __future__ import annotations

import re

from assistant.verify.quantity import QSTOP, SCALES, SCOPE, SCOPES, WINDOW_WORDS, context_word, figure_stem

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]+")
_VERBS_OF_COMPARISON = frozenset(
    ["pass", "enter", "exceed", "surpass", "top", "cross", "reach", "hit", "club"]
)


def context_words(text: str, start: int, end: int, clause: bool = True) -> frozenset[str]:
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
        foreign_scopes = {context_word(w.lower()) for w in _WORD.findall(after_text[len(own) :])}
        # and not the scope of the figure before it: the "other territories" of the $ 98.1 million above, which
        # come before "for a worldwide total of $ 228.2 million", are not the total's
        mine = _own_before(before_text)
        foreign_before = {
            context_word(w.lower()) for w in _WORD.findall(before_text[: len(before_text) - len(mine)])
        }
        foreign_scopes = ((foreign_scopes | foreign_before) & SCOPES) - {
            context_word(w.lower()) for w in _WORD.findall(own + " " + mine)
        }
    if clause:
        # in a claim, "and", "while", "but" join two statements: "under $ 12 million outside Lark and less than
        # $ 27 million globally" says nothing of the second figure outside Lark
        # a year inside the figure's own phrase ("share of downloads in Q3 2026 at nearly two fifths") dates what
        # is counted and opens no clause of its own
        before_text = _INNER_YEAR.sub(" ", before_text)
        before_text = _CONJUNCTION.split(_CLAUSE_BREAK.split(before_text)[-1])[-1]
        after_text = _CONJUNCTION.split(_CLAUSE_BREAK.split(after_text)[0])[0]

    def content(words: list[str]) -> list[str]:
        # comparators and function words do not take the places of the words that say what is counted
        # a scale word ("million") is the unit of a figure, never what it counts
        kept = (
            context_word(w.lower())
            for w in words
            if not w[0].isupper()
            and w.lower() not in QSTOP
            and w.lower() not in SCALES
            and w.lower() not in COMPARATOR_WORDS  # "above" is no word of what is counted
        )
        return [w for w in kept if w not in _VERBS_OF_COMPARISON and w not in COMPARATOR_WORDS]

    words = content(_WORD.findall(before_text))[-4:] + content(_WORD.findall(after_text))[:5]
    if not clause:
        # which one the sentence is about ("the first season has a rating of 88 % , based on 47 reviews , with an
        # average rating of 7.61/10") is every one of its figures'
        words += [context_word(w.lower()) for w in _ORDINAL_PHRASE.findall(_ordinals(text))]
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


_LEAD_IN = re.compile(r"[,;]|\b(?:and|for|with|while|whereas|but|against)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[;,()]|(?<![\w-])\d")
# a quarter named inside a claimed figure's phrase: "downloads in Q3 2026 at nearly two fifths" (only this form:
# "revenue for 2025 as a whole" would lend "revenue" to figures a window check cannot yet tell apart)
_INNER_YEAR = re.compile(r"(?<=[A-Za-z] )(?:in|of|for|during)\s+Q[1-4]\s+(?:19|20)\d\d(?= [a-z])")
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


# a gross "in other territories", "in territories other than Kestrel", "overseas", "elsewhere" is one taken
# outside the home market: the scope "outside"
_OUTSIDE = re.compile(
    r"\b(?:other|foreign|international)\s+(?:territories|markets|countries)\b|"
    r"\b(?:territories|markets|countries)\s+other\s+than\b|\binternationally\b|\belsewhere\b",
    re.I,
)
_WORLD = re.compile(r"\b(?:around|across|throughout|all over)\s+the\s+(?:world|globe)\b", re.I)


def _scopes(text: str) -> str:
    """The phrases of scope as one word each: "in other territories" is "outside", "around the world"
    "worldwide", "at a time" "atonce" (a capacity, see quantity.RUNS)."""
    text = _QUARTER_WORD.sub(r"\1 \2", _AT_ONCE.sub(" atonce ", text))
    return _BOX_OFFICE.sub(" gross ", _WORLD.sub(" worldwide ", _OUTSIDE.sub(" outside ", text)))


# what a thing takes "at a time" is a capacity (a model that reads 64,000 tokens at a time), not a total of what
# it has ever taken (the tokens it was trained on)
_AT_ONCE = re.compile(
    r"\b(?:at\s+a\s+time|at\s+once|in\s+one\s+go|in\s+a\s+single\s+(?:pass|request|prompt))\b", re.I
)


# "third-quarter revenue" counts over the third quarter, as "revenue for the third quarter" does
_QUARTER_WORD = re.compile(r"\b(first|second|third|fourth|full)-(quarter|year|half)\b", re.I)
_BOX_OFFICE = re.compile(r"\bbox[- ]office\b", re.I)  # "a box office of 35 crore" is a gross


_BASIS = re.compile(r"\b(?:year[- ](?:on|over)[- ]year|yoy|month[- ](?:on|over)[- ]month)\b", re.I)
COMPARATOR_WORDS = frozenset(
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
# "people" and "persons" are counted by what happened to them: "64,000 people tested positive" are cases,
# "300 people were killed" deaths, "180 people have recovered" recoveries, "a population of 118,406 people"
# the population. The verbs and nouns near such a figure that name its measure:
# counts of people whose measure is what happened to them ("6,121 residents ... tested positive" are cases)
_PEOPLE = frozenset(["people", "persons", "individuals", "residents", "patients", "workers", "employees"])
_PEOPLE_MEASURES = {
    **dict.fromkeys(["died", "dead", "killed", "perished", "deaths", "fatalities"], "deaths"),
    **dict.fromkeys(["recovered", "discharged", "cured", "recoveries"], "recoveries"),
    **dict.fromkeys(["positive", "infected", "contracted"], "cases"),
    **dict.fromkeys(["population", "inhabited"], "population"),
    # "3,000 people that have been hospitalized" are hospitalisations; "after testing 72,818 people", tests
    **dict.fromkeys(
        ["hospitalized", "hospitalised", "hospitalizations", "hospitalisations"], "hospitalizations"
    ),
    **dict.fromkeys(["tested", "testing"], "tests"),
    **dict.fromkeys(["employs", "employed", "employ", "employing", "staff", "workforce"], "employees"),
}


# "a 128k-token context", "a 30-second advert": the figure and its unit are one word that describes the noun after
_COMPOUND = re.compile(r"-[a-z]+\s+([a-z][a-z-]+)")


def described_noun(text: str, end: int) -> str | None:
    """The noun a figure hyphenated to its unit describes: a 128k-token context is a measure of the context, and
    only a figure about a context ("a context window of 128,000 tokens") can settle it, not "trained on 21
    trillion tokens"."""
    m = _COMPOUND.match(text, end)
    if not m or m.group(1) in QSTOP or m.group(1) == "club":
        return None  # "the one-billion-downloads club" is a threshold (_CLUB), no thing measured
    return context_word(m.group(1))


RATING_HEAD = context_word("rating")
_TEST, _CASE = context_word("tests"), context_word("cases")
_REVIEW = context_word("reviews")
_RATING_BEFORE = re.compile(
    r"\brating\s+(?:of\s+)?(?:(?:more|less|lower|higher|greater)\s+than\s+|over\s+|under\s+|above\s+|below\s+|"
    r"at\s+least\s+|at\s+most\s+|about\s+|around\s+|nearly\s+|almost\s+)?$",
    re.I,
)
_PLAYED = re.compile(r"\b(?:played|appeared|capped|featured)\b[^,;.]*$", re.I)


MULTIPLE = "multiple"
_MULTIPLE_NEXT = frozenset(
    [
        "as",
        "more",
        "higher",
        "larger",
        "bigger",
        "greater",
        "faster",
        "fewer",
        "less",
        "lower",
        "smaller",
        "the",
    ]
)
_FIELD = re.compile(r"([A-Za-z][\w.]*)\"?\s*[:=]\s*\"?$")


def head_noun(text: str, start: int, end: int, percent: bool = False) -> str | None:
    """The counted word: right after the number ("700 million downloads"), or the field it is the value of
    ("downloads_all_time: 18250466", "downloads.last_30d_millions": 24.18). A percentage counts what it is a
    share "of"; the words after a bare "31 percent" are seldom what it measures."""
    field = _FIELD.search(text[max(0, start - 60) : start])
    if field:
        words = [w for w in re.split(r"[_.\W]+", field.group(1).lower()) if w and not w[0].isdigit()]
        words = [
            w
            for w in words
            if w not in WINDOW_WORDS and w not in ("millions", "k", "pct", "percent", "total")
        ]
        return figure_stem(words[0]) if words else None
    if percent:
        share = re.match(r"\s+of\s+(?:the\s+|all\s+)*(?:\d[\d,]*\s+)?(?=[A-Za-z])", text[end : end + 40])
        # the share's noun is the last word of its phrase: "of known national cases", "of the confirmed cases"
        words = noun_phrase(text, end + share.end(), share=True) if share else []
        if words:
            # "71 % of 96 critics" gave it a good review: that share is its approval rating
            noun = context_word(words[-1])
            return (
                RATING_HEAD
                if noun == _REVIEW and re.search(r"\bgave|\bgiven", text[end : end + 80])
                else noun
            )
        if share:
            return None
        # a mark: "a 64 % rating", "an approval rating of less than 65 %"
        nouns = [w for w in noun_phrase(text, end) if not _modifier(w)]
        if (nouns and context_word(nouns[-1]) == RATING_HEAD) or _RATING_BEFORE.search(
            text[max(0, start - 40) : start]
        ):
            return RATING_HEAD
        return None
    tail = _BASIS.sub(" ", _whole_words(text, end, end + 40))
    after = _WORD.findall(tail)
    if (
        after[:1]
        and after[0].lower() in ("times", "time")
        and after[1:2]
        and after[1].lower() in _MULTIPLE_NEXT
    ):
        return MULTIPLE  # "over 7 times higher", "seven times as many cases": a ratio, however it is worded
    if after and after[0].lower() in ("times", "time"):
        # "downloaded 4 billion times" counts downloads: the verb before says what; a player who "played for
        # Lark 58 times" made 58 appearances
        if _PLAYED.search(text[max(0, start - 60) : start]):
            return context_word("appearances")
        before = [w for w in _WORD.findall(text[max(0, start - 40) : start]) if w.lower() not in QSTOP]
        if before and not before[-1][0].isupper():
            return context_word(before[-1].lower())
    if re.match(r"\s*of\s+(?:those|them|these)\b", tail, re.I):
        # "31,000 of those tested positive", "of them 420 died": people, counted by what happened to them
        return people_measure(text, start, end)
    part = _PART_OF.match(tail)
    if part:
        return context_word(part.group(1).lower())  # "26 out of 28 provinces" counts provinces
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
        if nouns and context_word(nouns[-1]) == _TEST and "positive" in (w.lower() for w in phrase):
            return _CASE  # "1,300 positive tests" are confirmed cases
        if nouns:
            return context_word(nouns[-1])
        # a participle alone that says what happened to those counted: "57 recovered" are recoveries
        measure = _PEOPLE_MEASURES.get(phrase[0])
        return context_word(measure) if measure else None
    subject = _SUBJECT.search(text[max(0, start - 80) : start])
    if subject:
        return figure_stem(
            (subject.group(1) or subject.group(2) or subject.group(3)).lower()
        )  # "the number of recoveries reached 30"
    # otherwise the first content word of its clause ("1,998 , of which ..." counts nothing of its own)
    for word in _WORD.findall(re.split(r"[,;.()]", tail)[0])[:3]:
        if word.lower() in _PLACE_PREPOSITIONS:
            return None  # "$ 640,000 in other territories", "12 in Lark": where, not what
        if word.lower() not in QSTOP | SCOPE and not word[0].isupper():
            return context_word(word.lower())
    return None


_PLACE_PREPOSITIONS = frozenset(
    ["in", "on", "at", "from", "across", "within", "outside", "inside", "for", "by"]
)


PEOPLE_HEADS = frozenset(context_word(w) for w in _PEOPLE)
# what is only ever counted whole: people, and the tallies of them
WHOLE = PEOPLE_HEADS | {context_word(w) for w in ("deaths", "cases", "recoveries", "patients")}


_PEOPLE_PAIR = re.compile(
    r"\b(?:and|or)\s+(?=(?:people|persons|residents|patients|workers|employees|staff)\b)", re.I
)


def people_measure(text: str, start: int, end: int) -> str | None:
    """What a count of people measures, by the nearest word of its clause that says what happened to them: first
    after the figure ("64,000 people tested positive", "1,046 people ... have died"), else before it ("killed
    around 400 people")."""
    # "residents and staff have tested positive": "and" joins two kinds of people, no two clauses
    after = _PEOPLE_PAIR.sub(" ", _CLAUSE_BREAK.split(_whole_words(text, end, end + 90))[0])
    after = _CONJUNCTION.split(after)[0]
    before = _CLAUSE_BREAK.split(_whole_words(text, max(0, start - 60), start))[-1]
    # after the figure, the last such word: the verb of "5,000 people who tested positive ... died" comes
    # after the relative clause
    for words in (_WORD.findall(after)[:12][::-1], _WORD.findall(before)[::-1][:5]):
        for word in words:
            if word.lower() in _PEOPLE_MEASURES:
                return context_word(_PEOPLE_MEASURES[word.lower()])
    return None


# "26 out of 28 provinces", "12 of the 40 stores": the part counts the noun after the whole
_PART_OF = re.compile(r"\s*(?:out\s+)?of\s+(?:the\s+|all\s+)?\d[\d,.]*\s+([a-z][\w-]*)")
_TOTAL_OF = re.compile(r"\d\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?$")
# the counted noun as the subject of the verb that gives the figure: "the number of recoveries reached 30",
# "confirmed cases rose to 708"
_SUBJECT = re.compile(
    r"\b(?:number|total|count|tally) of ([a-z][\w-]*)\b[^.;]{0,60}?\b(?:is|was|are|were|reached|stood at|stands at|"
    r"rose to|climbed to|increased to|totall?ed|hit)\s*$|"
    r"\b([a-z][\w-]*)\s+(?:have\s+|has\s+|had\s+)?(?:reached|rose to|climbed to|increased to|totall?ed)\s*$|"
    # "Ombira's download count currently stands at roughly 512 million": a count of downloads
    r"\b(?!(?:the|a|an|its|their|this|that|his|her|our|your|grand)\b)([a-z][\w-]*)\s+(?:count|total|tally)\s+"
    r"(?:\w+\s+)?(?:is|was|stands at|stood at|reached|hit|came to)"
    r"(?:\s+(?:roughly|about|around|nearly|almost|over|some|more than|less than|under))?\s*$",
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
            and tokens[i + 1] not in QSTOP
        )
        if inner_name:
            continue
        if (
            not token[0].isalpha()
            or token[0].isupper()
            or token.lower() in QSTOP | SCOPE
            or len(words) == (4 if share else 3)
        ):
            break
        words.append(token.lower())
    return words
