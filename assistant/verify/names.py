"""Whether a text names what the claim names: a name as a whole word sequence, in the forms it is written in
(an acronym, a defined abbreviation, letters and digits with or without a hyphen, an alias), not a sister company
or a sibling model; whether a sentence is about the claim's subject; which of the claim's names are names at
all."""

from __future__ import annotations

import itertools
import re

from assistant.verify.claims import ClaimFrame


def name_pattern(escaped: str) -> str:
    """A name as a whole word sequence: not inside a longer word, and a model name followed by "-..." is another
    model ("Skerry" is not "Skerry-3.2-3B"). ``escaped`` is already a regular expression."""
    return rf"(?<![\w-]){escaped}(?![\w]|-\w)"


def entity_in(name: str, text: str) -> bool:
    """The name as a whole word sequence; a model name followed by "-..." is another model ("Skerry" is not
    "Skerry-3.2-3B")."""
    parts = name.split("-")
    if len(parts) > 1 and all(p.isalpha() for p in parts):
        pattern = r"[-\s]?".join(map(re.escape, parts))  # "birth-weight", "birth weight", "birthweight"
    elif re.fullmatch(r"[A-Za-z\d-]+", name) and re.search(r"\d", name) and re.search(r"[A-Za-z]", name):
        pattern = digit_name(name)
    else:
        pattern = re.escape(name)
    return bool(re.search(name_pattern(pattern), text, re.I))


def digit_name(name: str) -> str:
    """A name of letters and digits is written with or without a hyphen where letters meet digits: "COVID-19"
    and "COVID19", "Ly6C" and "Ly-6C" (not between two digits: "Quill-3-8" is not "Quill-38")."""
    runs = re.findall(r"[A-Za-z]+|\d+", name)
    pattern = re.escape(runs[0])
    for before, run in itertools.pairwise(runs):
        joint = "-" if before.isdigit() == run.isdigit() else "-?"
        pattern += joint + re.escape(run)
    return pattern


# Names of one thing that share no word: a disease and its virus are written either way in reports
_ALIASES = (frozenset(["covid-19", "covid", "sars-cov-2", "2019-ncov", "coronavirus"]),)
# Names of one thing by convention: box-office reports give North America's takings as those of "the United
# States and Canada"
_SAME_PLACE = re.compile(r"\b(?:the\s+)?(?:United States|U\.?S\.?A?\.?)\s+(?:and|&)\s+Canada\b")


# A country's adjective that shares no word with its name ("British" customers are those "in the United
# Kingdom"); an adjective that does ("Bulgarian") is found as the name itself
_ADJECTIVE_OF = {
    "British": re.compile(r"\b(?:United Kingdom|U\.?K\.?|(?:Great )?Britain)\b"),
    "Dutch": re.compile(r"\b(?:the )?Netherlands\b"),
    "Swiss": re.compile(r"\bSwitzerland\b"),
}


# one country, two acronyms ("the US and Canada", "the USA & Canada")
_SAME_ACRONYM = {"US": "USA", "USA": "US"}


def same_place(name: str, text: str) -> bool:
    if name in _ADJECTIVE_OF:
        return bool(_ADJECTIVE_OF[name].search(text))
    return name == "North America" and bool(_SAME_PLACE.search(text))


def alias_named(name: str, text: str) -> bool:
    group = next((g for g in _ALIASES if name.lower() in g), None)
    return group is not None and any(entity_in(other, text) for other in group)


# "Coronavirus" alone names a family of viruses; these phrasings name the one of the 2019 pandemic
_THIS_PANDEMIC = re.compile(
    r"\b(?:covid(?:-?19)?|sars-cov-2|2019-ncov|coronavirus (?:pandemic|disease)|(?:novel|new|20(?:19|20)) "
    r"coronavirus)\b",
    re.I,
)


def _same_disease(name: str, text: str) -> bool:
    """ "COVID-19" named as "the coronavirus pandemic" (a page titled "2020 coronavirus pandemic in X" frames
    every sentence of it): an alias that cannot mean another virus is the name itself."""
    return name.lower() in _ALIASES[0] and bool(_THIS_PANDEMIC.search(text))


# "pyridostatin (PDS)", "PDS (pyridostatin)": a document that defines an abbreviation writes either form after
_DEFINED = re.compile(r"(?P<long>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,5})\s+\((?P<short>[^()\s]{2,12})\)")


def defined_alias(name: str, text: str, document: str) -> bool:
    """The document defines the name's abbreviation, or the name as one ("pyridostatin (PDS)"), and the text
    uses the other form. The long form must end with the name, or be it, so "inhibits pyridostatin (PDS)" does
    not make every word before the brackets a name."""
    for m in _DEFINED.finditer(document):
        long, short = m.group("long"), m.group("short")
        words = long.split()
        # the long form is the words the abbreviation's letters begin, or a single word the short form shortens
        initials = "".join(w[0] for w in words[-len(short) :]).lower() if len(words) >= len(short) else ""
        if len(words) > 1 and initials == short.lower():
            long = " ".join(words[-len(short) :])
        elif len(words) > 1:
            long = words[-1]
        if long.lower() == name.lower() and entity_in(short, text):
            return True
        if short.lower() == name.lower() and entity_in(long, text):
            return True
    return False


def _acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return " " not in name and 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()


def _acronym_named(name: str, text: str) -> bool:
    """An acronym and the capitalised words it abbreviates name the same thing, dotted or not: "US", "U.S." and
    "United States"; "UK" and "United Kingdom". Case matters here ("US" is not "us")."""
    words = name.split()
    if _acronym(name):
        initials = name.replace(".", "")
    elif len(words) >= 2 and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words):
        initials = "".join(w[0] for w in words)
    else:
        return False
    dotted = r"\.?".join(initials) + r"(?:\.(?!\w))?"
    if initials in _SAME_ACRONYM:
        dotted += "|" + r"\.?".join(_SAME_ACRONYM[initials]) + r"(?:\.(?!\w))?"
    spelled = r"\s+".join(f"{c}[a-z]+" for c in initials)
    # a name of words is found as its acronym only: other words with its initials are another name ("Dakota
    # State" is not "Duane Sander")
    forms = f"{dotted}|{spelled}" if _acronym(name) else dotted
    if re.search(rf"(?<![\w.-])(?:{forms})(?![\w]|-\w)", text):
        return True
    # a term of three letters or more is spelled out in lower case as often ("GDP", "gross domestic product");
    # two letters in lower case are ordinary words too often ("US", "us")
    lower = r"\s+".join(f"{c.lower()}[a-z]+" for c in initials)
    return len(initials) >= 3 and _acronym(name) and bool(re.search(rf"(?<![\w.-]){lower}(?![\w-])", text))


# "Q3 2026" is written out as much: "Third Quarter 2026 Results", "the third quarter of 2026"
_QUARTER = re.compile(r"^Q(?P<n>[1-4])(?:\s+(?P<year>\d{4}))?$")
_ORDINALS = ("first", "second", "third", "fourth")


def quarter_named(name: str, text: str) -> bool:
    """Is a quarter named "Q3 2026" in the text in words ("third quarter", "third-quarter", and the year)?"""
    m = _QUARTER.match(name)
    if not m:
        return False
    spelled = re.search(rf"\b{_ORDINALS[int(m.group('n')) - 1]}[- ]quarter\b", text, re.I)
    return bool(spelled) and (m.group("year") is None or m.group("year") in text)


def named_in(name: str, text: str) -> bool:
    """The name, its first word, or its adjective ("Bulgaria" in "Bulgarian provinces"); an acronym joined to an
    ordinary word is the acronym ("HIV-positive" people are written about as "HIV"); an acronym is its spelled-out
    words ("US", "United States")."""
    if quarter_named(name, text):
        return True
    if _acronym(name):
        return _acronym_named(name, text)
    if _acronym_named(name, text):
        return True
    if " " in name and entity_in(name.replace(" ", ""), text):
        return True  # written closed up: "Model Yard" is "ModelYard"
    first = name.split()[0]
    head, _, tail = first.partition("-")
    # only an acronym head: "Quill-mini" is another product than "Quill"
    acronym_joined = tail and head.isupper() and all(w.isalpha() and w.islower() for w in tail.split("-"))
    if acronym_joined and entity_in(head, text):
        return True
    if entity_in(name, text):
        return True
    return (entity_in(first, text) and not _only_siblings(name, text)) or any(
        entity_in(adjective, text) for adjective in _adjectives(first)
    )


def _adjectives(name: str) -> list[str]:
    """A place's regular adjectives: "Bulgarian", "European", "Italian"."""
    forms = [name + "n", name + "an"]
    if len(name) > 3 and name.endswith("y"):
        forms.append(name[:-1] + "ian")
    return forms


def _only_siblings(name: str, text: str) -> bool:
    """Every time the text writes the first word of a name of several words, another name follows it: "Kaldrevik
    Marine" is a sister company, not "Kaldrevik Sonics", though "Kaldrevik" alone, or "Kaldrevik's", would be
    the company itself. A capitalised plain word right after the shared one makes a different name (a product
    written "Kaldrevik Lirra-4" carries a digit and is not one)."""
    first, _, rest = name.partition(" ")
    if not rest:
        return False
    own = {w.lower() for w in rest.split()}
    after = [
        m.group(1)
        for m in re.finditer(rf"{name_pattern(re.escape(first))}(?:[ \t]+([A-Za-z][\w'’]*))?", text, re.I)
    ]
    # a spelling of the name's own word is no other name: "Shakhra" for "Shakra", "Rep." for "Republic",
    # "Mansions" for "Mansion"
    return bool(after) and all(
        w is not None and w[0].isupper() and w.isalpha() and not any(w[:3].lower() == o[:3] for o in own)
        for w in after
    )


def _group_of(name: str, names: list[str]) -> bool:
    """ "Quill-3" in a claim that also names "Quill-3-Coder-14B": the group the model belongs to."""
    return any(other.startswith(name + "-") for other in names)


def entity_coverage(names: list[str], text: str) -> float:
    """Share of the claim's names that the text mentions. A multi-word name counts if its first word is there;
    a group name ("the other Quill-3 models") counts when its member named in the claim is there."""
    if not names:
        return 1.0
    return sum(covered(n, names, text) for n in names) / len(names)


def covered(name: str, names: list[str], text: str) -> bool:
    return named_in(name, text) or any(o.startswith(name + "-") and named_in(o, text) for o in names)


# a product name such as "Quill-2-9B" (an all-capitals prefix is more often a term: "COVID-19")
MODEL_LIKE = re.compile(r"^[A-Z][a-z][\w.]*-[\w.-]*\d[\w.-]*$")


# Titles of some corpora keep the Penn Treebank escapes of brackets and colons ("Gimme Shelter -LRB-2013 film-RRB-")
_TITLE_ESCAPES = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-COLON-": ":"}


def readable_title(title: str | None) -> str:
    """A document's title as it would be written: a title names what its sentences are about ("Quill Q3 results"
    for "revenue rose 12 percent"), so the entity checks read it with the sentence."""
    title = title or ""
    for escape, char in _TITLE_ESCAPES.items():
        title = title.replace(escape, f" {char} " if char in "(:[" else f" {char}")
    return " ".join(title.split())


def about_subject(names: list[str], text: str, document: str = "", weak: list[str] | None = None) -> bool:
    """Is the text about the claim's subject? Half of the claim's names must be there, every product-like name
    in the text or at least in its document ("the new checkpoint" after the release named it): "ModelYard" and a
    figure are not enough for a claim about "Quill-2-9B"; and the claim's subject must be named in the text (its
    title counts) or its document: a page about one footballer says nothing of another's year, however many of
    the claim's other names it shares. ``weak``: capitalised ordinary words that opened the claim ("Global sales
    of ..."), never its subject."""
    specific = [n for n in names if MODEL_LIKE.match(n)]
    subject = claim_subject([n for n in names if n not in (weak or [])])
    return (
        entity_coverage(names, text) >= 0.5
        # "Covid-19" is shaped like a product name, but a page on "the coronavirus pandemic" names it too
        and all(
            named_in(n, text) or entity_in(n, document) or _same_disease(n, f"{text}\n{document}")
            for n in specific
        )
        and (subject is None or _subject_named(subject, f"{text}\n{document}"))
    )


def _subject_named(name: str, text: str) -> bool:
    """The name as ``named_in`` finds it, or a person by their surname ("Ames" for "Lark Ames")."""
    last = name.split()[-1]
    return named_in(name, text) or (
        " " in name and last.lower() not in GENERIC_ORG_WORDS and entity_in(last, text)
    )


# a kind of product that is no model, named right after the name it belongs to: "the Quill app", "Lark wallet",
# "Lumora Labs' app", "Lumora's app"
_PRODUCT_KIND = re.compile(
    r"\b(?P<name>[A-Z][\w.-]*)(?:['’]s?)?\s+(?P<kind>apps?|applications?|wallets?|websites?|browsers?|games?|plugins?|"
    r"extensions?|phones?|handsets?|devices?|chips?|robots?|cars?|consoles?|headsets?)\b"
)


_CHANNEL = re.compile(
    r"\b(?:via|through|using|with|in|inside|on|from)\s+(?:the\s+|its\s+|their\s+)?(?:[A-Z][\w.-]*['’]?s?\s+)*$"
)


def other_kind(claim: str, text: str) -> str | None:
    """The claim is about a product of one kind ("the Quill app has been downloaded 41 million times") and the
    text never names that kind: its figures for "Quill" (the models, the family) are of another product, for
    or against the claim. The kind the text leaves out, or None."""
    counted = counted_kind_gap(claim, text)
    if counted:
        return counted
    m = _PRODUCT_KIND.search(claim)
    if m is None or _CHANNEL.search(claim[: m.start()]):
        return None  # "downloaded via the Lark Maps app": the app is the way, the claim's subject is another
    # the name itself may be left to the title or the document ("Kestrel crossed 80 million downloads" under
    # the maker's headline): what counts is that the text speaks of no such product
    kind = m.group("kind").lower().rstrip("s")
    return None if re.search(rf"\b{kind}", text, re.I) else kind


# what downloads count, where the words say: "model downloads", "dataset downloads across the hub"; and where
# they came from: "from mobile app stores" is no hub's counter
_DOWNLOADS_OF = re.compile(r"\b(model|dataset|app|space|repositor(?:y|ies))s?\s+downloads\b", re.I)
# "Quill speech models" against "the streaming app Quill Play": a product of another kind under the name
_MODELS_OF = re.compile(r"\b(?P<name>[A-Z][\w.-]*)(?:['’]s)?(?:\s+[a-z][\w-]*)?\s+models\b")
_NOT_MODELS = r"apps?|applications?|games?|websites?|wallets?|browsers?|phones?|devices?|datasets?"
_APP_STORE = re.compile(r"\b(?:app|play|application)[- ]stores?\b", re.I)


def counted_kind_gap(claim: str, text: str) -> str | None:
    """The claim counts the downloads of one kind of thing ("model downloads across the hub grew by 41 %") and
    the text those of another ("dataset downloads across the hub grew by 41 %"), the claim's models are only an
    app or a dataset of their name in the text ("the streaming app Quill Play"), or the claim counts downloads
    from app stores and the text names no app at all: its figure is not the claim's, for or against it. The
    kind the text leaves out, or None."""
    if _APP_STORE.search(claim) and not re.search(r"\bapps?\b|\bapplications?\b|\bstores?\b", text, re.I):
        return "app store"
    models = _MODELS_OF.search(claim)
    if models and not re.search(r"\bmodels?\b", text, re.I):
        name = re.escape(models.group("name"))
        if re.search(
            rf"\b(?:{_NOT_MODELS})\s+{name}\b|\b{name}(?:\s+[A-Z][\w-]*)?\s+(?:{_NOT_MODELS})\b", text
        ):
            return "model"
    wanted = _DOWNLOADS_OF.search(claim)
    found = _DOWNLOADS_OF.search(text)
    if wanted and found and wanted.group(1).lower()[:4] != found.group(1).lower()[:4]:
        return wanted.group(1).lower()
    return None


def claim_subject(names: list[str]) -> str | None:
    """The claim's subject: its first name that is not an all-capitals term ("COVID-19", "GDP" name what is
    counted, not whose count it is), nor such a term however it is written ("Covid-19")."""
    return next((n for n in names if not _term(n)), None)


# "Lumora Labs now accounts for about 40 percent of ...": the name a sentence opens with, as the subject of what
# it says
_OPENING_SUBJECT = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3})\s+(?:now\s+|also\s+|still\s+)?"
    r"(?:accounts?\s+for|holds?|held|took|takes|has|had|leads?|led|controls?|controlled)\b"
)
_NO_NAME = frozenset(
    ["The", "A", "An", "It", "This", "That", "Its", "Our", "We", "They", "He", "She", "In", "On"]
)


def other_subject(names: list[str], text: str) -> str | None:
    """The sentence opens on a subject of its own that the claim does not name, and does not name the claim's
    subject at all ("Lumora Labs now accounts for about 40 percent" for a claim about Castellan's share, in an
    article whose title names both): what it says is that subject's. Returns that subject, else None."""
    subject = claim_subject(names)
    m = _OPENING_SUBJECT.match(text.strip())
    if subject is None or m is None or entity_in(subject, text) or m.group("name").split()[0] in _NO_NAME:
        return None
    name = m.group("name")
    if any(entity_in(word, n) for word in name.split() for n in names):
        return None
    return name


def _term(name: str) -> bool:
    return name.split("-")[0].replace(".", "").isupper() or any(name.lower() in g for g in _ALIASES)


def sibling_clash(names: list[str], text: str) -> bool:
    """The text names a sibling of a claimed model rather than the model itself: "Quill-3" for "Quill-4",
    "Skerry-3.2-3B" for "Skerry-3-8B". Numbers and dates next to a sibling are about the sibling."""
    # a sibling named only as what the sentence's model is measured against ("two years more than Quill-3") is
    # no subject of the sentence: the sentence is still about its own model ("The model ..." under its heading)
    text = _COMPARED_WITH.sub(" ", text)
    for name in names:
        if "-" not in name or entity_in(name, text) or _group_of(name, names):
            continue
        stem = name.split("-")[0]
        if re.search(rf"(?<![\w-]){re.escape(stem)}-\w", text):
            return True
    return False


_COMPARED_WITH = re.compile(
    r"\b(?:than|compared\s+(?:with|to)|versus|vs\.?)\s+(?:the\s+|its\s+|their\s+)?[A-Z][\w.]*-[\w.-]*\w"
)


# words that many organisations' names share: "Orbit Group" is not "Zephyr Group"
GENERIC_ORG_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "group",
        "ai",
        "labs",
        "lab",
        "inc",
        "ltd",
        "llc",
        "corp",
        "co",
        "company",
        "partners",
        "securities",
        "systems",
        "capital",
        "research",
        "analytics",
        "insights",
        "holdings",
        "technologies",
        "technology",
        "ceo",
        "cto",
        "cfo",
        "dr",
    ]
)


def version_named(name: str, claim: str, text: str) -> bool:
    """ "A streaming version of Lirra-4" is named by "Lirra-4-Stream", "a variant of Lirra-4-Medium": where the
    claim speaks of a version of X, a name that extends X's ("X-...") names one."""
    version = (
        rf"\b(?:version|variant|edition|release|flavou?r)s?\s+of\s+(?:the\s+)?{re.escape(name)}(?![\w-])"
    )
    return bool(re.search(version, claim, re.I)) and bool(re.search(rf"(?<![\w-]){re.escape(name)}-\w", text))


def family_named(name: str, text: str) -> bool:
    """Is the model ("Skerry-12B") named in the text by its family's name alone ("Skerry"), with no other model
    of the family named? Only where its maker speaks of its own model: a family's name says nothing of one
    member in general."""
    if not MODEL_LIKE.match(name):
        return False
    family = name.split("-")[0]
    return bool(re.search(rf"(?<![\w-]){re.escape(family)}(?![\w-])", text)) and not sibling_clash(
        [name], text
    )


def member_named(name: str, claim: str, text: str) -> bool:
    """ "Its first Quill model" is named by "Quill-1-Base": where the claim speaks of one model of the family X,
    a versioned name of X's ("X-1", "X-2-Embed") names one. (Not for the family's own figures: a member's
    downloads are not the family's.)"""
    one = rf"\b(?:first|earliest|an?|one)\s+(?:\w+\s+)?{re.escape(name)}\s+model\b"
    return bool(re.search(one, claim, re.I)) and bool(re.search(rf"(?<![\w-]){re.escape(name)}-\d", text))


def named_here(name: str, frame: ClaimFrame, scope: str) -> bool:
    """Is the claim's name a name in this document? An ordinary word that only opened the claim is not: surely
    so for a verb form or a phrase head ("Having a partner ...", "Lack of ..."), otherwise where the document
    uses it in lower case ("Exercise increases ..." in an abstract about exercise). The claim's only name
    always is: without it nothing would tie the evidence to the claim but the scorer's reading, which on the
    science sets let through more wrong support than it found right."""
    if name not in frame.weak or len(frame.entities) == 1:
        return True
    if name in frame.ordinary:
        return False
    lower = r"[-\s]?".join(map(re.escape, name.lower().split("-")))
    return not re.search(rf"(?<![\w-]){lower}(?![\w-])", scope)
