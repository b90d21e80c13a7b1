"""Reading the figures of a text: numbers in digits or words with their scale, unit and comparator ("more than
700 million downloads", "roughly a fifth", "a score of 81 out of 100"), typed (count, percent, points, year,
period, rate, score, rank) and with what each counts. Calendar dates, names ("Chapter 3") and versions are no
figures; scores and ranks are read in ranks.py, what a figure counts in counted.py."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.verify.counted import (
    COMPARATOR_WORDS,
    PEOPLE_HEADS,
    RATING_HEAD,
    WHOLE,
    context_words,
    described_noun,
    head_noun,
    noun_phrase,
    people_measure,
)
from assistant.verify.money import CURRENCY, is_money
from assistant.verify.quantity import (
    ANY_MONTH,
    FRACTION_PERCENT,
    PHRASE_NUMBERS,
    QUALIFIERS,
    RUNS,
    SCALES,
    SMALL_NUMBERS,
    STOP_WORDS,
    TENS,
    WINDOW_WORDS,
    Quantity,
    context_word,
    figure_stem,
)
from assistant.verify.ranks import ranks_in, scores_in

_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_NUMBER_WORD = "|".join(sorted([*SMALL_NUMBERS, *TENS, "hundred", "thousand"], key=len, reverse=True))
# "six hundred", "a hundred and ten", "twenty-five", "two thousand": one number, read by _word_value
# "the half-billion club", "a quarter of a billion downloads": a fraction of the scale word that follows
_SCALE_AHEAD = r"(?=\s*-?\s*(?:thousand|million|billion|trillion)\b)"
_SCALED_FRACTION = rf"half{_SCALE_AHEAD}|(?:a\s+)?quarter(?:\s+of\s+a)?{_SCALE_AHEAD}"
_SCALED_FRACTIONS = {
    "half": 0.5,
    "quarter": 0.25,
    "a quarter": 0.25,
    "quarter of a": 0.25,
    "a quarter of a": 0.25,
}
_WORDNUM = (
    r"(?P<word>"
    + _SCALED_FRACTION
    + "|"
    + "|".join(re.escape(w) for w in sorted(PHRASE_NUMBERS, key=len, reverse=True))
    + rf"|(?:a\s+)?(?:{_NUMBER_WORD})(?:(?:[\s-]+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+)(?:{_NUMBER_WORD})\b)*)"
)
_SCALE = r"(?:\s*-?\s*(?P<scale>thousand|millions?|billions?|trillion|lakhs?|crores?|mn|mio|bn|tn|[kmbt])\b)?"
# "+2.5 pts" in a results table is percentage points, as "pp" is
_UNIT = r"(?:\s*(?P<unit>%|per ?cent\b|percentage points?\b|pp\b|pts\b|pct\b))?"
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
    # a mark not (yet) reached is a bound below it: "had not yet reached 250 million" is under 250 million, and
    # "has not passed 250 million" at most that (before "passed" and "reached" are read as bounds above it)
    (
        "lt",
        r"(?:not|never|(?:has|have|had|did|does|do)n['’]t)\s+(?:yet\s+)?(?:reach(?:ed|es)?|hit|top(?:ped)?|cross(?:ed)?)|"
        r"yet\s+to\s+(?:reach|hit|top|cross)",
    ),
    (
        "le",
        r"(?:not|never|(?:has|have|had|did|does|do)n['’]t)\s+(?:yet\s+)?(?:pass(?:ed)?|exceed(?:ed)?|surpass(?:ed)?|"
        r"(?:gone|go)\s+(?:past|beyond))|yet\s+to\s+(?:pass|exceed|surpass)",
    ),
    (
        "gt",
        r"more than|greater than|higher than|larger than|over|above|exceed(?:s|ed|ing)?|in excess of|upwards of|"
        r"pass(?:es|ed|ing)?|surpass(?:es|ed|ing)?|topped|tops|beyond|north of|cross(?:es|ed|ing)|"
        # "had gone past 500 million": past a mark is beyond it (a bare "past" is a period: "the past 30 days")
        r"(?:gone|go(?:es|ing)?|went|got|gotten|moved|climbed|risen|rose|edged|pushed|well|now|already) past",
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
_COMPARATOR_RE = [
    (
        name,
        re.compile(
            # a currency between the bound and the figure, as a sign or a code ("under TMB 5B")
            rf"(?:\b(?:{pattern})\b|~)\s*(?:than\s+)?(?:the\s+|a\s+total\s+of\s+)?(?:{CURRENCY}\s*|(?-i:[A-Z]{{3}})\s?)?$",
            re.I,
        ),
    )
    for name, pattern in _COMPARATORS
]
_DAY_MONTH = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{ANY_MONTH}(?!\w)|\b{ANY_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b",
    re.I,
)
# "14.05.2031", "23/05/2031", "2031-05-14": a day, not the figure 14.05 (verify/dates.py reads them)
_NUMERIC_DATE = re.compile(
    r"(?<![\w.-])\d{1,2}([/.])\d{1,2}\1(?:1[1-9]|20)\d\d(?![\w-])|\b(?:1[1-9]|20)\d\d-[01]?\d-[0-3]?\d\b"
)
_CLUB = re.compile(r"^\s*(?:[\w-]+\s+){0,2}club\b", re.I)  # "the 700 million (downloads) club" means > N


def _precision(num: str, scale: float) -> float:
    digits = num.replace(",", "")
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".")[1]) * scale
    if scale == 1 and len(digits) > 3:
        return 0.5  # 21480112: an exact count
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    return 0.5 * 10**zeros * scale


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
    if phrase in _SCALED_FRACTIONS:
        return _SCALED_FRACTIONS[phrase]
    if phrase in PHRASE_NUMBERS:
        return float(PHRASE_NUMBERS[phrase])
    total, current = 0, 0
    for word in re.split(r"[\s-]+", phrase):
        if word in ("a", "and"):
            continue
        if word == "hundred":
            current = (current or 1) * 100
        elif word == "thousand":
            total, current = total + (current or 1) * 1000, 0
        else:
            current += SMALL_NUMBERS.get(word, 0) + TENS.get(word, 0)
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
    scores = [s for s in scores_in(text) if not any(a <= s.start < b for a, b in dates)]
    scores += [r for r in ranks_in(text) if not any(a <= r.start < b for a, b in dates)]
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
                figure_stem(w) for w in re.split(r"[_\W]+", key) if w and w not in ("millions", "k")
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
                    head=head_noun(text, m.start("keynum"), m.end()),
                )
            )
            continue
        num, word = m.group("num"), m.group("word")
        scale_word = (m.group("scale") or "").lower()
        unit = (m.group("unit") or "").lower()
        fraction = bool(word) and " ".join(word.lower().split()) in FRACTION_PERCENT
        if word:
            base = _word_value(word)
            if fraction:
                unit = unit or "%"
        else:
            base = float(num.replace(",", ""))
        scale = SCALES.get(scale_word, 1.0)
        if num and scale_word and base >= 1e6 and "," in num:
            scale = 1.0  # "$ 18,300,000 million": the figure is written out in full, the scale word is a slip
        if unit.startswith(("percentage", "pp", "pts")):
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
            and _in_name(text, m.start(), m.end())
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
        if word and _ONE_AMONG.match(text, m.end()) and word.lower() == "one":
            continue  # "one of the highways near Kent" places a thing among others; it counts nothing
        if (
            word
            and _ALL_OF.search(text[max(0, m.start() - 12) : m.start()])
            and _AS_PRONOUN.match(text, m.end())
        ):
            continue  # "All three will be published ...": the things listed before, named again, not a count
        unit_after = re.match(
            r"\s*(?:days?|weeks?|months?|quarters?|years?|decades?)\b", text[m.end() : m.end() + 12], re.I
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
        if kind == "count" and _TO_THE.match(text, m.end()):
            kind = "rate"  # "2.5 corvos to the dollar", "40 miles to the gallon": an exchange rate, no amount
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
        near = comparator == "lt" and bool(_NEAR.search(text[max(0, m.start() - 30) : m.start()]))
        if fraction:
            # a fraction word is itself rounded, as word_figures reads it: "a third of" is 33 % give or take
            precision = base * 0.05
            comparator = "approx" if comparator == "eq" else comparator
        head = head_noun(text, m.start(), m.end(), percent=kind in ("percent", "points"))
        if kind == "count" and rating:
            head = RATING_HEAD  # "an average of 6.4/10": a mark on a scale, never a count of what is near it
        if head in PEOPLE_HEADS:
            head = people_measure(text, m.start(), m.end()) or head
        if (
            kind == "year"
            and head in WHOLE
            and not _YEAR_AFTER.search(text[max(0, m.start() - 12) : m.start()])
        ):
            # "1974 confirmed cases", "the cases reached 1961": a tally, not a year (but "in 2031 people ...")
            kind = "count"
        if num and not scale_word and not unit and re.fullmatch(r"\d{1,3}\.\d{3}", num) and head in WHOLE:
            # "4.217 people have died": people and cases come whole, so the point separates thousands
            base, precision = float(num.replace(".", "")), 0.5
        context = context_words(text, m.start(), m.end(), clause=clauses and kind not in ("year", "period"))
        if kind == "percent" and _SCORED in context:
            context = context - {_SCORED} | {RATING_HEAD}  # a film "scored 72 %": its rating is 72 %
        if _MAKE in context and re.search(rf"{CURRENCY}\s*$", text[max(0, m.start() - 6) : m.start()]):
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
                describes=described_noun(text, m.end()),
                exact=bool(num) and scale == 1 and "." not in num,
                near=near,
                # the whole of "26 out of 28 provinces" is no count of provinces of its own
                phrase=frozenset(context_word(w) for w in noun_phrase(text, m.end()))
                if head != "total" and not age
                else frozenset(),
            )
        )
    out = [_in_years(text, q) for q in _with_word_figures(text, out, clauses)]
    out = _unpossessed(text, out)
    return _elided(out, text) if clauses else out


def _unpossessed(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Leaves out a number word right after a possessive ("Lark's two model families", "its three labs") when
    the sentence reports another figure: "Lark's two model families are nearing a billion downloads, at
    roughly 940 million" names the owner's things as "both" would, and its figure is the 940 million (a count of
    downloads is no count of families). Alone ("Lark's two labs are in Skerry") it is still the count."""
    possessed = [
        q for q in quantities if q.text.isalpha() and _POSSESSED.search(text[max(0, q.start - 12) : q.start])
    ]
    if not possessed or len(possessed) == len(quantities):
        return quantities
    return [q for q in quantities if q not in possessed]


_DECADES = re.compile(r"\s*-?\s*decades?\b", re.I)
_DECADE, _YEAR = figure_stem("decade"), figure_stem("years")


def _in_years(text: str, q: Quantity) -> Quantity:
    """A count of decades in years: "more than four decades of data" is more than 40 years of it, so that it
    meets a source's "forty-three years"."""
    if q.kind != "count" or not _DECADES.match(text, q.end):
        return q
    return replace(
        q,
        value=q.value * 10,
        precision=q.precision * 10,
        head=_YEAR,
        context=q.context - {_DECADE} | {_YEAR},
        phrase=q.phrase - {_DECADE} | {_YEAR},
    )


def _with_word_figures(text: str, found: list[Quantity], clauses: bool) -> list[Quantity]:
    """Adds the fractions written as words that the pattern above does not read ("two thirds of the market", "a
    fifth"), with what they count. A fraction is the longer reading: "two thirds" is a share, not a count of
    two."""
    out = list(found)
    for w in word_figures(text):
        overlapping = [q for q in out if q.start < w.end and w.start < q.end]
        fraction_of_scale = w.kind == "count" and bool(w.precision)  # "a third of a million"
        if not fraction_of_scale and (w.kind != "percent" or any(q.kind == "percent" for q in overlapping)):
            # "a billion" stays with the callers that ask for it (record_thresholds): read in every sentence, it
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
                near=w.near
                or (comparator == "lt" and bool(_NEAR.search(text[max(0, w.start - 30) : w.start]))),
                context=context_words(text, w.start, w.end, clause=clauses),
                head=head_noun(text, w.start, w.end, percent=w.kind == "percent"),
                phrase=frozenset(context_word(x) for x in noun_phrase(text, w.end)),
            )
        )
    return sorted(out, key=lambda q: q.start)


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
    # "nearly two fifths" of a market
    "two fifths": 40.0,
    "three fifths": 60.0,
    "four fifths": 80.0,
}
_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# "a quarter billion" is a count (the number words read it), no quarter of a share
_WORD_FIGURE = re.compile(
    r"(?:\b(?P<cmp>"
    + "|".join(w for _, w in _BOUND_WORDS)
    + r")\s+)?\b(?:(?<!half\s)(?:a|one)\s+(?P<scale>thousand|million|billion)\b(?!\s+(?:and|point))|"
    r"(?:(?:a|one)\s+(?P<part>half|third|quarter|fifth|sixth|tenth)\b(?!\s*-?\s*(?:thousand|million|billion)\b)|(?P<parts>two[ -]thirds|three[ -]quarters|(?:two|three|four)[ -]fifths)\b)"
    # "a third of a million": a fraction of the scale that follows, a count (about 333,000)
    r"(?:\s+of\s+(?:a|one)\s+(?P<of>thousand|million|billion)\b)?"
    # "four in ten", "one out of five": a share
    r"|(?<![\d.,])(?P<n>one|two|three|four|five|six|seven|eight|nine|\d{1,2})\s+(?:in|out\s+of)\s+"
    r"(?P<d>two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|\d{1,3})\b(?!\s*(?:%|percent|per\s*cent)))",
    re.I,
)
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_SMALL |= {"ten": 10, "twenty": 20, "hundred": 100}


def _ratio_percent(n: str, d: str) -> float | None:
    """ "four in ten" is 40 percent: a share over a round whole (up to ten, twenty, a hundred). None where it
    is no part of a whole ("12 in 9"), or the whole is a count of its own ("26 out of 28 provinces")."""
    part = _SMALL.get(n.lower()) or (int(n) if n.isdigit() else 0)
    whole = _SMALL.get(d.lower()) or (int(d) if d.isdigit() else 0)
    return 100 * part / whole if 0 < part < whole and (whole <= 10 or whole in (20, 100)) else None


def fraction_percent(words: str) -> float | None:
    """The percent a fraction word names: "half", "a third", "two-thirds", "one quarter"; None if it is none."""
    key = " ".join(words.lower().replace("-", " ").split())
    return _FRACTIONS.get(re.sub(r"^(?:a|one) ", "", key))


def word_figures(claim: str) -> list[Quantity]:
    """Figures written as words that quantities.py leaves alone: "a billion" downloads, "a fifth", "two
    thirds" or "four in ten" of something (a share, in percent). A fraction word is itself rounded: "roughly a fifth" is read as
    about 20 % give or take a tenth of it (18 to 22 %), as a writer rounds 21.7 % to "a fifth"."""
    out = []
    for m in _WORD_FIGURE.finditer(claim):
        word = (m.group("cmp") or "").lower()
        comparator = next((c for c, w in _BOUND_WORDS if re.fullmatch(w, word)), "eq") if word else "eq"
        if m.group("n"):
            ratio = _ratio_percent(m.group("n"), m.group("d"))
            if ratio is None:
                continue
            value, kind, prec = ratio, "percent", ratio * 0.05  # rounded as a fraction word is
            if comparator == "eq":
                comparator = "approx"
        elif m.group("scale"):
            value, kind, prec = _SCALE_WORDS[m.group("scale").lower()], "count", 0.0
        elif m.group("of"):
            part = fraction_percent(m.group("part") or m.group("parts")) or 0.0
            value, kind = part / 100 * _SCALE_WORDS[m.group("of").lower()], "count"
            prec = value * 0.05  # rounded as a fraction word is
            comparator = "approx" if comparator == "eq" else comparator
        else:
            value, kind = fraction_percent(m.group("part") or m.group("parts")), "percent"
            prec = value * 0.05  # a claim's "roughly" admits twice its precision: a tenth of the fraction
            if comparator == "eq":
                comparator = "approx"  # "a fifth of the downloads" is a rounded share, never an exact one
        near = comparator == "lt" and bool(
            _NEAR.search(m.group(0)[: m.end("cmp") - m.start()] if word else "")
        )
        out.append(
            Quantity(value, kind, comparator, m.start(), m.end(), m.group(0), precision=prec, near=near)
        )
    return out


def _elided(quantities: list[Quantity], text: str) -> list[Quantity]:
    """A claim's figure with no noun of its own counts what the figure before it counts: "less than 48 aircraft,
    while Kestrel Air has less than 31" (aircraft too), "under $ 12 million in Lark and less than $ 27 million
    globally" (a gross too). It keeps its own scope ("globally"), not the other's."""
    out: list[Quantity] = []
    for q in quantities:
        before = [p for p in out if p.kind == q.kind]
        # an amount of money counts no aircraft, and nothing counts what a span of years does ("for four years
        # worth $ 14 million")
        before = [p for p in before if is_money(text, p) == is_money(text, q) and p.head not in WINDOW_WORDS]
        if q.head is None and before and q.kind in ("count", "percent", "points"):
            prev = before[-1]
            inherited = prev.context - QUALIFIERS - RUNS
            q = replace(q, head=prev.head, phrase=prev.phrase, context=q.context | inherited)
        out.append(q)
    return out


_TO_THE = re.compile(
    r"\s*(?:[A-Za-z-]+\s+){0,2}to\s+(?:the|one|a|each)\s+(?:[A-Z]{2}\s+|US\s+)?"
    r"(?:dollar|euro|pound|yen|yuan|rupee|franc|gallon|litre|liter)s?\b",
    re.I,
)
# the words that put a figure just under it, not anywhere below ("nearly 15 points", "just short of 500 million")
_NEAR = re.compile(
    rf"\b(?:nearly|almost|near(?:s|ing)?|just\s+(?:under|below|short\s+of|shy\s+of))\s*(?:the\s+)?(?:{CURRENCY}\s*)?$",
    re.I,
)
_MAKE, _GROSS = context_word("made"), context_word("grossed")
_SCORED = context_word("scored")
_AGE_WORDS = frozenset(["year", "old", "age"])
_OPENS = re.compile(r"(?:^|[.!?:;\"“(\[]|``)\s*$")  # where a sentence or a quotation opens
_SHORT_WINDOW = re.compile(r"\b(?:first|last|past|next)\s+$", re.I)
_YEAR_AFTER = re.compile(
    r"\b(?:in|since|by|until|till|from|before|after|during|of|on|through|circa)\s*$", re.I
)
_OF_100 = re.compile(r"\s*(?:out\s+of|/)\s*100\b(?![.,]?\d|\s*(?:%|per\s*cent\b|percent\b))")
_AGE_AFTER = re.compile(r"\s*-?\s*years?(?:\s*-\s*|\s+)(?:old\b|of\s+age\b)", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged|the\s+age\s+of|ages?)\s+(?:of\s+)?(?:just\s+)?$", re.I)
_RATING = re.compile(r"\s*/\s*(?:5|10|100)\b(?![.,]?\d)")
# "one of the highways", but not "one of the three models" (one out of a count)
_ONE_AMONG = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|those|these)\s+(?!(?:\d|two|three|four|five|six|seven|eight|nine|ten)\b)",
    re.I,
)
# "All three will be published", "the two are ...", "all four of them": a number word standing for things the
# text has just listed, with no noun of its own (a count names what it counts: "all three models")
_ALL_OF = re.compile(r"\b(?:all|the|these|those)\s+$", re.I)
_AS_PRONOUN = re.compile(
    r"\s+(?:of\s+(?:them|these|those)\b|(?:will|would|are|were|have|had|can|could|share|shared|use|run)\b)",
    re.I,
)
# a possessive right before a number word: "Lark's two", "its three", "their two"
_POSSESSED = re.compile(r"(?:\w['’]s?|\b(?:its|their|his|her|our|my|your))\s+$", re.I)
_SEASON_END = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[–—-]\s*$")
# Capitalised words that open a sentence before a figure rather than name something ("Under 50 copies",
# "There were 12 ...", "Only 3 ...").
_NOT_NAMES = frozenset(
    [*STOP_WORDS, *COMPARATOR_WORDS, "there", "only", "all", "exactly", "estimated", "total", "no", "nearly"]
)


# a label's number names the part, volume or route it labels, in any case ("part 3 of the Act", "Vol . 3")
_LABEL = re.compile(
    r"\b(?:part|vol\s?\.?|volume|chapter|episode|season|route|article|section|track|disc)\s+$", re.I
)
# a capitalised word after the number, in a sentence that is not set in title case: "the song 4 Minutes",
# "the film 10 Cloverfield Lane" (a headline's "Passes 700 Million Downloads" capitalises every word)
# ... a name ends before a verb or a stop ("4 Minutes is ...", "10 Cloverfield Lane ."), where a count's
# capitalised modifier goes on to its noun ("12 Quill models")
_CAPITAL_AFTER = re.compile(
    r"\s+(?P<word>[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)*(?=\s*(?:[.,;:)]|$|\s(?:is|was|are|were|has|had|by|in|on|from|and)\b))"
)


_SMALL_WORDS = frozenset(
    ["with", "from", "into", "than", "over", "that", "this", "onto", "upon", "after", "about"]
)


def _title_case(text: str) -> bool:
    """Every word but the small ones capitalised: a headline, whose capitals name nothing."""
    words = re.findall(r"\b[A-Za-z][a-z]{3,}\b", text)
    return len(words) >= 2 and all(w[0].isupper() or w in _SMALL_WORDS for w in words)


def _in_name(text: str, start: int, end: int | None = None) -> bool:
    """Is the number part of a name: right after a capitalised word that is no month and does not merely open
    the sentence ("The Witcher 3", "Insidious : Chapter 3", "Masters 1000", "Formula 1"), after a label ("part
    3"), or before a capitalised word in a sentence not set in title case ("the song 4 Minutes")? A possessive
    ("Bryant's 81 points") is its owner's figure, not a name."""
    if _LABEL.search(text[max(0, start - 12) : start]):
        return True
    after = _CAPITAL_AFTER.match(text, end) if end is not None else None
    if after:
        # the whole sentence's case is read only for the rare number a capital follows
        word = after.group("word").lower()
        if (
            word not in _NOT_NAMES | set(SCALES)
            and not re.fullmatch(ANY_MONTH, word)
            and not _title_case(text)
        ):
            return True
    before = re.search(r"([A-Z][A-Za-z]*)\s+$", text[max(0, start - 30) : start])
    if not before:
        return False
    word = before.group(1).lower()
    return word not in _NOT_NAMES and not re.fullmatch(ANY_MONTH, word)
