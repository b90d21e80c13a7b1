"""Reading a claim without an LLM: who it is attributed to, hedges, negation, lists; splitting compound claims;
and extracting check-worthy claims from a pasted article."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from assistant.verify.dates import MONTHS
from assistant.verify.quantities import extract_quantities
from assistant.verify.quantity import Quantity
from ingest.sentences import split_sentences

_SAY_VERBS = (
    r"said|says|stated|states|confirmed|confirms|acknowledged|acknowledges|admitted|admits|claimed|claims|"
    r"told|announced|announces|puts?(?=\s+(?:\S+\s+){1,12}?(?:at|above|below|over|under|near)\s)|agreed|agrees|conceded|concedes|denied|denies|disputed|disputes|rejected|rejects|insisted|insists|"
    r"reported|reports|estimated|estimates|reckons|reckoned|argued|argues|explained|noted|has said|has stated|has confirmed|"
    r"has denied|has ruled out|ruled out|rules out|has acknowledged|has claimed|has admitted|has reported|has agreed|have said|responded to [^,]+ by saying|"
    # a characterisation ("Z has described X as Y") and a forecast ("Z forecast that X would ...") are Z's words
    # too: judged on what Z said, not on whether X is Y or came to pass
    r"described|describes|has described|forecast|forecasts|predicted|predicts|has predicted|asserted|asserts|"
    r"has asserted"
)
# The speaker is a name: capitalised words (case matters, so "The reported number", "An estimated 40 percent" or
# "the United States" are no speaker and verb), possibly with a word for its outlet ("ModelHub's blog"), or a
# role ("Lumora's CEO"); the verb is a lower-case verb of saying.
_NAME_WORD = r"[A-Z][\w'’.&-]*"
_OUTLET = r"blog|website|spokesperson|spokesman|spokeswoman|statement|team|report|press release"
_ROLE = r"CEO|CTO|CFO|chief executive|technology chief|finance chief|founder|spokesperson|boss"
# "the host asserted that ...": the one who asks the questions in a transcript
HOST_WORDS = r"host|interviewer|moderator|presenter"
# "..., doesn't it?": a tag that asks for agreement with what the sentence asserts, no negation of it
TAG_QUESTION = re.compile(
    r",\s*(?:doesn|don|isn|aren|wasn|weren|hasn|haven|hadn|didn|won|can|couldn|wouldn|shouldn)['’]t\s+"
    r"(?:it|he|she|they|you|we|there|that|I)\s*\?\s*$",
    re.I,
)
# "Z forecast in May that ...", "reported in early May that ...": the month Z said it in, between the verb and
# its "that"
_SAID_MONTH = (
    r"in\s+(?:early\s+|late\s+|mid-)?(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+(?P<month_year>\d{4}))?\s+"
)
# "Brantley Partners' analyst", "A Brantley analyst": an organisation speaks through its analysts
_ANALYST = r"(?:senior\s|chief\s|lead\s)?(?:analyst|economist)"
_ANALYST_OF = re.compile(rf"^(?:an?\s+)?(?P<org>.+?)(?:['’]s?)?\s+{_ANALYST}$", re.I)
# how it was said, between the speaker and the verb: "Z flatly denied that ...", "Z publicly confirmed ..."
_MANNER = (
    r"(?:flatly|firmly|publicly|repeatedly|strongly|categorically|explicitly|openly|privately|emphatically|"
    r"vehemently|later|also)"
)
_ATTRIBUTION = re.compile(
    rf"^(?P<who>(?:[Aa]n?\s)?(?:{_NAME_WORD}\s){{1,4}}(?:{_ANALYST})|(?:{_NAME_WORD}\s?){{1,6}}?(?:\s(?:{_OUTLET}))?|(?:[A-Z][\w'’-]*'s\s)?(?:{_ROLE})"
    rf"(?:\s(?:{_NAME_WORD}\s?){{1,3}})?|[Tt]he (?:{HOST_WORDS}))\s+(?:{_MANNER}\s+)?(?P<verb>{_SAY_VERBS})\s+(?:{_SAID_MONTH}that\s+|that\s+)?(?P<content>.+)$"
)
# Words that open a claim but name no one: "Early reports from doctors ...", "Scientists confirmed ..." is a claim
# about the finding itself, which any source may establish
_NO_SPEAKER = frozenset(
    [
        "early",
        "recent",
        "new",
        "other",
        "some",
        "many",
        "most",
        "several",
        "scientists",
        "researchers",
        "experts",
        "officials",
        "studies",
        "doctors",
        "investigators",
        "reports",
        "authorities",
        "analysts",
        "though",
        "although",
        "while",
        "if",
        "when",
    ]
)
# "Germany confirmed 74,528 cases", "the agency recorded 832 deaths", "the virus claimed 8,000 lives": a count
# as the verb's object is the subject's data, which any source may give, not a statement in their words
_DATA_VERBS = frozenset(["confirmed", "confirms", "reported", "reports", "announced", "announces", "claimed"])
_CLAUSE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do)\b")
_SETTING = re.compile(
    r"^(?:on|in|at|during)\s+(?:the|a|an|his|her|their|its)\s+(?:[\w'’-]+\s+){0,3}?(?:call|interview|podcast|"
    r"panel|conference|fireside|episode|hearing|briefing|summit|keynote|show|stage)(?P<setting>),\s+(?=[A-Z])",
    re.I,
)
# "On Lark Radio, the host asserted ...": a show named by its own name (not a day: "On Monday, ...")
_SHOW = re.compile(
    r"^(?i:on)\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|"
    r"June|July|August|September|October|November|December)\b)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
    r"(?P<setting>),\s+"
)
_ACCORDING = re.compile(r"^according to (?P<who>[^,]+),\s*(?P<content>.+)$", re.I)
# "In Lark Partners' estimates, ...", "By Lark's estimate, ...": the figures that follow are Lark's
_BY_ESTIMATE = re.compile(
    r"^(?i:in|by)\s+(?P<who>[A-Z][^,]{0,60}?)['’]s?\s+(?:own\s+|latest\s+|new\s+)?(?:estimates?|reckoning|"
    r"calculations?|figures)\s*,\s*(?P<content>.+)$"
)
# "In August 2026, Z put X at N", "On 3 May 2026, Z said P", "In July, Z claimed P": when Z said it (their
# document's date; a month alone in whichever year), not what
_MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WHEN_SAID = re.compile(
    rf"^(?:in|on|during)\s+(?P<when>(?:\d{{1,2}}\s+)?(?:{_MONTH_NAME}\s+)?\d{{4}}|{_MONTH_NAME}),\s+(?=[A-Z])",
    re.I,
)
# "Z has ruled out closing X" denies that X will be closed
_DENY_VERBS = (
    "denied",
    "denies",
    "disputed",
    "disputes",
    "rejected",
    "rejects",
    "has denied",
    "ruled out",
    "rules out",
    "has ruled out",
)
_NEGATION = re.compile(
    r"\b(?:not|no|never|none|neither|nor|without|cannot|no longer)\b|n['’]t\b",
    re.I,
)
_HEDGE = re.compile(
    r"\b(?:i think|i believe|i guess|probably|possibly|perhaps|maybe|might|may have|reportedly|"
    r"allegedly|rumou?red|i(?:'ve| have) heard|i hear|we hear|people say|i don't know if|i'm not sure|it seems|apparently|"
    r"could be|likely|unconfirmed|people familiar with|sources said|according to (?:people|sources|"
    r"two people|three people|several people)|speculat\w*)\b",
    re.I,
)
_LIST = re.compile(
    r"(?P<pre>\b(?:in|for|across|including|on|with|by|from|to)\s+)"
    r"(?P<items>(?:[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*,\s+)+(?:[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*,?\s+)?"
    r"(?:and|or)\s+[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*)"
)
_ENTITY = re.compile(
    # a name may open with an ordinal when capitalised words follow it ("21st Century Studios")
    r"\b(?:\d+(?:st|nd|rd|th) (?=[A-Z][\w'’.-]* [A-Z]))?[A-Z][\w'’.-]*(?:[ -][A-Z0-9][\w'’.-]*)*|\b\w+-\d[\w.-]*"
)
# "the U.S. state of Norlake", "the Republic of Norlake", "the Town of Kestrel": the first name only says what
# kind of place the second is, and a source about that place need not repeat it
_QUALIFIES = re.compile(r"\s+(?:state|city|province|county|region|town|village|district|island)\s+of\s+[A-Z]")
_PLACE_KIND = frozenset(
    ["Republic", "Kingdom", "State", "Town", "City", "County", "Province", "Commonwealth", "Principality"]
)
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
_DATE_NAME = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d[\d,]*)*$"
)
_SENTENCE_START_WORDS = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "As",
        "By",
        "For",
        "It",
        "Its",
        "This",
        "That",
        "These",
        "Those",
        "Every",
        "Each",
        "Before",
        "After",
        # comparators and hedges that open a claim ("Fewer than 275 cases ...") are no names either
        "Fewer",
        "More",
        "Less",
        "Over",
        "Under",
        "About",
        "Around",
        "Nearly",
        "Almost",
        "Roughly",
        "Approximately",
        "At",
        "Since",
        "During",
        "Between",
        # pronouns, expletives, quantifiers, number words and prepositions that open a claim ("There are 105
        # ...", "Three people ...", "With over 280,000 cases, ...") are no names either
        "There",
        "They",
        "He",
        "She",
        "We",
        "His",
        "Her",
        "Their",
        "Our",
        "Some",
        "Many",
        "Most",
        "All",
        "Both",
        "Several",
        "Only",
        "With",
        "Without",
        "Due",
        "Up",
        "Until",
        "Towards",
        "Toward",
        "Following",
        "Despite",
        "Through",
        "From",
        "To",
        "Of",
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
    ]
)
# a name that is only a date, a season or a number ("22 May 2019", "March 29th", "2010-11", "mid-1970s", "26"):
# dates are the date checks' business, figures the figure checks'
_NOT_A_NAME = re.compile(
    r"^(?:(?:mid|early|late)-?)?[\d.,/–-]+(?:st|nd|rd|th|s)?$|"
    r"^(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?$|"
    # a capital letter joined to a word is a term, not a name: "C-terminal", "T-cell", "X-ray"
    r"^[A-Z]-[a-z]+$|"
    # an amount in a currency's code: "TMB 5B", "KVV 61.0", "KVV 250" (but "CDK6" and "GPT 4" are names)
    r"^[A-Z]{3}\s(?:\d[\d.,]*[kKmMbBtT]n?|\d+[.,]\d+|\d{2,}[\d,]*)$|"
    # a figure written as a modifier is the figure checks' business: "14-billion-parameter", "7-billion"
    r"^\d[\d.,]*-(?:thousand|million|billion|trillion)(?:-[a-z]+)*$"
)


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """Common English words: the whole-word entries of the embedder's WordPiece vocabulary (shipped with the
    package). Invented product and company names are not in it."""
    path = resources.files("assistant") / "resources" / "minilm" / "tokenizer.json"
    try:
        vocab = json.loads(path.read_text(encoding="utf-8"))["model"]["vocab"]
    except (OSError, KeyError, ValueError):
        return frozenset()
    return frozenset(w for w in vocab if w.isalpha() and w.islower())


def common_word(word: str) -> bool:
    """ "Having", "Active", "Birth-weight": a capitalised ordinary word, not a name (capitals inside, digits or
    an unknown word make a name)."""
    parts = word.split("-")
    if not all(p.isalpha() for p in parts) or not (parts[0][:1].isupper() and parts[0][1:].islower()):
        return False
    return all(p[1:].islower() and p.lower() in _vocabulary() for p in parts)


@dataclass
class ClaimFrame:
    text: str
    content: str  # what is asserted, without the attribution frame
    speaker: str | None = None  # "Z said P": Z
    verb: str | None = None
    denial: bool = False  # "Z denied P": the claim is that Z denied P
    quantities: list[Quantity] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    # a capitalised ordinary word that opens the claim ("Exercise", "Lark"): not a name where the document
    # uses the word in lower case (names.named_here)
    weak: list[str] = field(default_factory=list)
    # weak names that are surely ordinary words: "Having a ...", "Lack of ...", "Increased ...": a verb form, or
    # a word heading a phrase ("X of", "X a") as names seldom do
    ordinary: list[str] = field(default_factory=list)
    # names in an appositive that describes the subject ("Kestrel, the album by Lark Ames, sold ..."): they say
    # which thing the claim is about; its document must name them, the sentence that gives the fact need not
    background: list[str] = field(default_factory=list)
    # "On the podcast, Z said P": Z's words count only from a document of that kind ("podcast", "call")
    venue: str | None = None
    # "In August 2026, Z said P": the month (or year, or day) Z's words must be dated in, as "2026-08"
    said_on: str | None = None


def said_period(when: str) -> str | None:
    """The ISO prefix of a date written "12 August 2026", "August 2026" or "2026": "2026-08-12", "2026-08",
    "2026"; a month alone ("May") is "-05", its month in any year."""
    parts = when.split()
    year = parts[-1]
    month = next((p for p in parts if p.isalpha()), None)
    if month is None:
        return year
    number = MONTHS.index(month.lower()) + 1
    if not year.isdigit():
        return f"-{number:02d}"  # "forecast in May": May of whichever year its document is from
    day = next((p for p in parts[:-1] if p.isdigit()), None)
    return f"{year}-{number:02d}" + (f"-{int(day):02d}" if day else "")


def entities(text: str) -> list[str]:
    """Capitalised names and model names ("Quill-3-8B", "Lumora Labs"), minus sentence-initial function words."""
    found = []
    # "Lumora's Quill" and "Orrin Works' Vesper-2" are two names each: the owner and the thing owned
    spans = [
        part
        for m in _ENTITY.finditer(text)
        if not _qualifier(m.group(0), text[m.end() :])
        for part in re.split(r"(?<=\w)['’]s\s+|(?<=s)['’]\s+", m.group(0))
    ]
    for i, span in enumerate(spans):
        name = span.strip(" .'’")
        first, _, rest = name.partition(" ")
        if rest and first in _SENTENCE_START_WORDS:  # "The Quill-3 models": the name is "Quill-3"
            name = rest
        elif (
            rest
            and i == 0
            and text.lstrip().startswith(first)
            and common_word(first)
            and re.search(r"\d|[a-z][A-Z]", rest)  # the rest is a name by itself ("Ly49Q"); "Labs" is not
        ):
            name = rest  # "Active Ly49Q induces ...": the name is "Ly49Q"
        if (
            name in _SENTENCE_START_WORDS
            or len(name) < 2
            or _DATE_NAME.match(name)
            or _NOT_A_NAME.match(name)
            or (i == 0 and _participle_opening(name, text))
        ):
            continue  # a date is not a name: "August 2025" is the date checks' business
        name = re.sub(r"'s$|’s$", "", name)
        if name not in found:
            found.append(name)
    return found


# a claim that opens with a participle's phrase, up to its comma: "Counting both of its families, ..."
_PARTICIPLE_PHRASE = re.compile(r"^\s*(?P<word>[A-Z][a-z]+(?:ing|ed))\s+(?P<rest>[a-z][^,]*),\s")
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|does|do|did)\b")


def _participle_opening(name: str, text: str) -> bool:
    """Is the name only the participle that opens the claim ("Counting both of its model families, Lumora had
    ..."; "Leaving merges aside, ...")? Its capital is the sentence's, and no name's: an ordinary word, with a
    phrase of lower-case words after it that ends at a comma and holds no verb of its own ("Sterling has grown
    fast, ..." is a name's sentence)."""
    m = _PARTICIPLE_PHRASE.match(text)
    return bool(m and m.group("word") == name and common_word(name) and not _FINITE.search(m.group("rest")))


def _qualifier(name: str, after: str) -> bool:
    """Does the name only say what kind of place the next name is? ("U.S." in "the U.S. state of Norlake",
    "Republic" in "the Republic of Norlake")"""
    return bool(_QUALIFIES.match(after)) or (
        re.sub(r"^The\s+", "", name) in _PLACE_KIND and bool(_OF_NAME.match(after))
    )


_ORDINARY_OPENING = re.compile(
    r"^[A-Z][a-z]+(?:ing|ed)\b|^[A-Z][\w-]*\s+(?:of|a|an|the|to|for|with|in|on|by|from)\b"
    # a period or a total that opens the claim ("Monthly downloads of Quill came to ...") names nothing
    r"|^(?:Hourly|Daily|Weekly|Monthly|Quarterly|Yearly|Annual|Total|Overall|Combined|Cumulative)\s+[a-z]"
)


# ", the studio album by Lark Ames ,": an appositive that describes the name before it, closed by a comma
_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s+(?P<words>[^,]{3,80}?)\s*,")


def _described(content: str, names: list[str]) -> list[str]:
    """Names only in an appositive describing the claim's subject, not elsewhere in the claim."""
    found = []
    for m in _APPOSITIVE.finditer(content):
        if not re.match(r"[a-z]", m.group("words")):
            continue  # ", the Lumora Labs model," is another name, not a description
        rest = content[: m.start()] + content[m.end() :]
        found += [n for n in entities(m.group("words")) if n in names and n not in entities(rest)]
    return found


_DATA_SOURCE = re.compile(
    r"\b(?:export|statistics|stats|data|figures|snapshot|dashboard|leaderboard|numbers|download\s+counts?)$",
    re.I,
)


def _unattributed(m: re.Match) -> bool:
    """An attribution pattern that attributes nothing: a speaker that names no one ("The", "Early", "Scientists"),
    or a verb whose object is a count ("Germany confirmed fewer than 825 deaths"), not a statement."""
    words = [w.lower() for w in m.group("who").split()]
    if all(w in _NO_SPEAKER or w.capitalize() in _SENTENCE_START_WORDS for w in words):
        return True
    if _DATA_SOURCE.search(m.group("who")):
        # "according to Lark's September 2025 export": a document of figures, not a person's words; the claim is
        # what its figures show, judged on them (the date stays in the claim to choose the snapshot)
        return True
    if re.search(rf"\b(?:{_ROLE})\b", m.group("who")):
        # an officer who "reported revenue of 48.6 million" speaks in their own words on a call or in a release,
        # unlike a country or an agency whose data any source may give
        return False
    verb = re.sub(r"^(?:has|have)\s+", "", (m.groupdict().get("verb") or "").lower())
    content = m.group("content")
    if verb not in _DATA_VERBS or re.match(r"that\b", m.string[m.end("verb") :].strip()):
        return False
    head = " ".join(content.split()[:4])
    return bool(extract_quantities(head)) and not _CLAUSE.search(content)


def parse_claim(claim: str) -> ClaimFrame:
    text = " ".join(claim.split()).rstrip(".")
    content, speaker, verb = text, None, None
    # "On the results call, Z said ...": where Z said it frames the attribution, it is not what Z said
    setting = _SETTING.match(text) or _SHOW.match(text)
    framed = text[setting.end() :] if setting else text
    said = _WHEN_SAID.match(framed)
    if said and (_ATTRIBUTION.match(framed[said.end() :]) or _BY_ESTIMATE.match(framed[said.end() :])):
        framed = framed[said.end() :]
    else:
        said = None
    m = (
        _ATTRIBUTION.match(framed)
        or _ACCORDING.match(framed)
        or _ACCORDING.match(text)
        or _BY_ESTIMATE.match(framed)
    )
    venue = None
    if m and len(m.group("content").split()) >= 3 and not _unattributed(m):
        speaker = re.sub(r"\s+(?:has|have)$", "", m.group("who").strip())
        analyst = _ANALYST_OF.match(speaker)
        speaker = analyst.group("org") if analyst else speaker
        verb = (m.groupdict().get("verb") or ("estimates" if m.re is _BY_ESTIMATE else "said")).lower()
        content = m.group("content")
        if setting and m.string is framed:
            venue = text[: setting.end("setting")].split()[-1].lower()
    said_on = said_period(said.group("when")) if said and speaker else None
    if speaker and m.re is _ATTRIBUTION and m.group("month"):
        said_on = said_period(f"{m.group('month')} {m.group('month_year') or ''}".strip())
    names = entities(content)
    first = re.sub(r"['’]s$", "", content.split()[0].rstrip(",.;:")) if content.split() else ""
    return ClaimFrame(
        text=text,
        content=content,
        speaker=speaker,
        verb=verb,
        denial=bool(verb and verb.startswith(_DENY_VERBS)),
        quantities=extract_quantities(content, clauses=True),
        entities=names,
        weak=(weak := [n for n in names if n == first and common_word(n)]),
        ordinary=[n for n in weak if _ORDINARY_OPENING.match(content)],
        background=_described(content, names),
        venue=venue,
        said_on=said_on,
    )


# A judgement on what a thing is ("essentially B under a new name", "merely a copy of B", "a rebrand"): the
# facts it rests on ("A starts from B's weights") do not establish it; only a source that judges so too does
_CHARACTERISATION = re.compile(
    r"\b(?:is|are|was|were|be|being)\s+(?:\w+ly\s+)?(?:essentially|basically|merely|simply|just|nothing (?:more|"
    r"else) than|nothing but|little more than|no more than)\b|\b(?:under|with) a (?:new|different) (?:name|label|"
    r"brand)\b|\bin all but name\b|\brebrand\w*|\brepackag\w*|\brenamed\b",
    re.I,
)
_CHARACTERISED = re.compile(
    r"\b(?:essentially|basically|merely|simply|just|nothing (?:more|else|but)|little more|no more than|"
    r"(?:new|different) (?:name|label|brand)|in all but name|rebrand\w*|repackag\w*|renamed|same model|a copy|"
    r"a clone)\b",
    re.I,
)


def characterisation_gap(claim: str, sentence: str) -> bool:
    """The claim characterises ("A is essentially B under a new name"), the sentence only states a fact ("A
    starts from B's weights"): the fact is not the judgement, whoever states it."""
    return bool(_CHARACTERISATION.search(claim)) and not _CHARACTERISED.search(sentence)


# phrasal verbs with a one-word sense the negation checks know: "giving up on Tordilla" is abandoning it
_PHRASAL = (
    (re.compile(r"\bg(?:ive|ives|iving|ave|iven) up on\b", re.I), "abandon"),
    (re.compile(r"\bwalk(?:s|ing|ed)? away from\b", re.I), "abandon"),
    (re.compile(r"\bpull(?:s|ing|ed)? the plug on\b", re.I), "discontinue"),
)


def plain_verbs(text: str) -> str:
    """The text with its phrasal verbs in one word ("is giving up on X" -> "is abandon X")."""
    for pattern, verb in _PHRASAL:
        text = pattern.sub(verb, text)
    return text


# "no Kestrel model has been quantized more often than Lark-2": a superlative written with "no", not a denial
_NO_COMPARATIVE = re.compile(
    r"^(?:no|none of the)\s+(?P<group>[^,;]+?)\s+(?P<verb>has been|have been|had been|has|have|had|is|are|was|"
    r"were)\s+(?P<how>[^,;]*?\b(?:more|less|fewer|[a-z]{3,}er)\b[^,;]*?)\s+than\s+(?P<name>[A-Z][^,;]*)$",
    re.I,
)


def as_superlative(content: str) -> str:
    """ "No Kestrel model has been quantized more often than Lark-2" says "Lark-2 has been quantized more often
    than any Kestrel model": the "no" ranks Lark-2 first, it denies nothing. Read so by the scorer and the
    polarity checks, which would otherwise take a source that ranks Lark-2 first for a contradiction. Only
    against a name: "no Quill model is larger than 70B" bounds the models, it ranks no one."""
    m = _NO_COMPARATIVE.match(content)
    if not m or not m.group("name")[0].isupper() or not entities(m.group("name")):
        return content
    return f"{m.group('name')} {m.group('verb')} {m.group('how')} than any {m.group('group')}"


def is_negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


def is_hedged(text: str) -> bool:
    return bool(_HEDGE.search(text))


# Side parts of a sentence, which say something of their own: a quotation, a bracket, a relative clause on a
# noun ("..., which was perhaps bitten off")
_SIDE = re.compile(
    r"``.*?(?:''|$)|“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|\([^()]*\)|,\s*(?:which|who|whom|whose)\b[^,;]*",
)
_STOP = frozenset(
    re.findall(
        r"\w+",
        "the a an of in on at to for by with and or is are was were has have had be been its it this that than "
        "more less over under about from as",
    )
)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][\w'’-]*|\d[\d.,]*", text.lower()) if w not in _STOP}


def hedged_about(claim: str, text: str) -> bool:
    """Is what the sentence says of the claim hedged? A hedge in a side part (a critic's quoted words, a bracket,
    a relative clause such as "which was perhaps bitten off") hedges that part only, unless that part says the
    claim's point at least as fully as the rest of the sentence (shares as many of its words, or gives a figure
    for a claim about one). A hedge anywhere else hedges the whole sentence."""
    if not is_hedged(text):
        return False
    text = re.sub(r"``\s*''", "``", re.sub(r"''\s*''", "''", text))  # doubled marks of escaped quotes
    sides = [m.group(0) for m in _SIDE.finditer(text)]
    main = _SIDE.sub(" ", text)
    if not sides or is_hedged(main):
        return True
    wanted = _words(claim)
    figure = (
        2 if re.search(r"\d", claim) else 0
    )  # a claim's figure is its point: the part giving one carries it

    def says(part: str) -> int:
        return len(_words(part) & wanted) + (figure if re.search(r"\d", part) else 0)

    return any(is_hedged(side) and says(side) >= says(main) for side in sides)


_SUBJECTS = re.compile(
    r"^(?P<items>(?:the\s+)?[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*(?:,\s+[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*)*"
    r",?\s+and\s+[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*)\s+(?:(?:both|each)\s+)?(?P<verb>are|were|have|had|do|did|is|was|both|each)\b"
)
_SINGULAR = {"are": "is", "were": "was", "have": "has", "do": "does"}


# "Skerry-2 does not speak itself; it turns speech into text": two statements of one subject, the second
# naming it by a pronoun
_TWO_STATEMENTS = re.compile(
    r"^(?P<subject>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*)\s(?P<first>[^;]+?);\s+(?P<pronoun>it|they|he|she)\s+"
    r"(?P<second>[^;]+)$"
)


def split_claim(claim: str) -> list[str]:
    """A claim that lists items ("in A, B and C", "A and B are ...") becomes one claim per item, and two
    statements joined by a semicolon ("X does not A; it B") one claim each; otherwise the claim itself. The
    list convention then applies: every item must hold."""
    both = _TWO_STATEMENTS.match(claim)
    if both:
        first = f"{both.group('subject')} {both.group('first').rstrip()}."
        return [first, f"{both.group('subject')} {both.group('second')}"]
    subjects = _SUBJECTS.match(claim)
    if subjects:
        items = [i for i in re.split(r",\s*(?:and\s+)?|\s+and\s+", subjects.group("items")) if i.strip()]
        verb = _SINGULAR.get(subjects.group("verb"), subjects.group("verb"))
        # "A and B were both among ...", "A, B and C are all released ...", "A, B and C each have ...": each item
        # alone "was among ...", "is released ...", "has ..."
        rest = re.sub(r"^\s+(?:both|all|each)\b", "", claim[subjects.end("verb") :])
        if len(items) >= 2:
            # "A and B both rose": the verb that follows is each item's own
            verb = "" if verb in ("both", "each") else f" {verb}"
            return [f"{item}{verb}{rest}" for item in items]
    m = _LIST.search(claim)
    if not m:
        return [claim]
    items = [
        i.strip() for i in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", m.group("items")) if i.strip()
    ]
    if len(items) < 2:
        return [claim]
    return [claim[: m.start("items")] + item + claim[m.end("items") :] for item in items]


_CHECKWORTHY = re.compile(
    r"\d|\b(?:said|says|confirmed|denied|announced|according to|reported|released|launched|"
    r"percent|million|billion|most|first|largest|more than|less than|fewer than)\b",
    re.I,
)
_RHETORIC = re.compile(
    r"\?$|^(?:but|so|and|yet)?\s*(?:imagine|what if|let's|let us|think about|who knows|"
    r"isn't it|we all know|in my opinion|i think)\b",
    re.I,
)


def extract_claims(article: str) -> list[tuple[str, int, int]]:
    """Check-worthy sentences of a pasted article, with their character offsets in it. A sentence is kept when it
    has factual content (a number, a named entity with a factual verb, an attribution) and is not rhetoric."""
    out = []
    for start, end in split_sentences(article):
        sentence = article[start:end]
        words = sentence.split()
        if len(words) < 4 or _RHETORIC.search(sentence.strip()):
            continue
        names = [e for e in entities(sentence) if not sentence.startswith(e) or len(entities(sentence)) > 1]
        if _CHECKWORTHY.search(sentence) or len(names) >= 2:
            out.append((sentence, start, end))
    return out


# A conjunct's own words end where a preposition, a clause or a figure begins: "film stills from the X Gallery" is
# about "film stills"; the gallery is a name, for the name checks.
_CONJUNCT_END = re.compile(
    r"[,;:()]|\s(?:from|on|in|at|of|for|with|by|to|into|through|over|under|about|after|before|since|until|"
    r"than|as|that|which|who|while|when|where|because|if|but|or|and)\s",
    re.I,
)
_CONJUNCT_SKIP = frozenset(
    [
        *("is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did"),
        *("will", "would", "can", "could", "also", "then", "both", "each", "all", "many", "more", "most"),
        *("other", "others", "several", "various", "now", "later", "today", "still", "not", "never", "its"),
        *("their", "his", "her", "our", "the", "a", "an", "one", "two", "three", "so", "on", "off", "out"),
        "according",  # "and according to Z, ...": an attribution, not a predicate
    ]
)


# what opens a list of things: "Projects built on X include A's voice, B's aligner and C's service"
_LIST_OPENER = re.compile(r"\b(?:include[sd]?|including|such as|namely|among them)\b|:", re.I)


def _conjunct_words(part: str) -> list[str]:
    """The lower-case words of a part of a claim, up to where a preposition, a clause or a figure begins."""
    end = _CONJUNCT_END.search(f" {part} ")
    head = f" {part} "[: end.start() if end else None]
    return [
        w.lower()
        for w in re.findall(r"[A-Za-z][a-z]+", head)
        if w[0].islower() and w.lower() not in _CONJUNCT_SKIP and not w.endswith("ly") and len(w) >= 3
    ]


def listed_items(content: str) -> list[list[str]]:
    """The words of each item of a listed "A, B and C" but the last (which follows "and", a conjunct of its
    own): "include Kestrel-2's singing voice, Skerry's lyrics aligner and ...": ["singing", "voice"],
    ["lyrics", "aligner"]. A list holds only if every item does, so a source that names two of three items
    does not say the third."""
    opener = _LIST_OPENER.search(content)
    last_and = list(re.finditer(r",?\s(?:and|or)\s", content))
    if not opener or not last_and or last_and[-1].start() <= opener.end():
        return []
    listed = content[opener.end() : last_and[-1].start()]
    if "," not in listed:
        return []
    items = [i for i in listed.split(",") if i.strip()]
    return [words for item in items if not extract_quantities(item) and (words := _conjunct_words(item))]


def conjuncts(content: str) -> list[list[str]]:
    """The lower-case words of each part of a claim joined on by "and" ("supports 41 languages and was trained
    partly on parliamentary records and social-media posts": ["trained"], ["social", "media", "posts"]): each
    must be said somewhere for the claim to hold, however well the first part is supported. Names, figures and
    adverbs ("partly") are left to the checks whose job they are."""
    found = []
    for m in re.finditer(r"\s(?:and|as well as|plus)\s", content):
        rest = content[m.end() :]
        if re.search(r"[A-Z][\w'’.-]*$", content[: m.start()]) and rest[:1].isupper():
            continue  # "Trinidad and Tobago will close ...", "Quill and Lark are ...": names joined, one predicate
        if extract_quantities(re.split(r"\s(?:and|as well as|plus)\s", rest)[0]):
            continue  # "... and less than 115 deaths": a part with a figure is the figure checks' (all must agree)
        words = _conjunct_words(rest)
        if words:
            found.append(words)
    return found + listed_items(content)
