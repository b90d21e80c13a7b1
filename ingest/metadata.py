"""Document metadata the loaders do not settle themselves: publication date, kind, title.

A date is only ever read from the document (its metadata, its header text) or its file name; when none
is found it stays None. The kind is a best guess from the file name and the opening text, overridable.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE_PATTERNS = [
    (re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)"), ("y", "m", "d")),
    (
        re.compile(rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+((?:19|20)\d\d)(?!\d)", re.I),
        ("d", "mon", "y"),
    ),
    (
        re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)(?!\d)", re.I),
        ("mon", "d", "y"),
    ),
    (re.compile(r"(?<![\d/.])((?:19|20)\d\d)/(\d\d?)/(\d\d?)(?![\d/])"), ("y", "m", "d")),
    # "14/05/2031", "14.05.2031", "05/14/2031": which number is the day is settled by day_month
    (re.compile(r"(?<![\d/.])(\d\d?)([/.])(\d\d?)\2((?:19|20)\d\d)(?![\d/]|\.\d)"), ("a", "sep", "b", "y")),
]
_FILENAME_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)")
# The keyword must label the date ("Date: 5 May 2025", "published 9 October 2025"), not merely precede it
# somewhere on the line ("published Quill-1 on 12 March 2023" is about something else).
_DATE_KEYWORD = re.compile(r"\b(date|dated|published|posted|issued)\b[\s*_:|-]*(?:on\s+)?$", re.I)
_HEADER_CHARS = 1500


def _make(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def day_month(first: int, second: int) -> tuple[int, int] | None:
    """(day, month) of a digit date ("14/05/2031", "05/14/2031"): a number over 12 is the day; None where both
    could be the month ("05/06/2031"): a date off by months is worse than none. verify.dates reads claims so too."""
    if first > 12 >= second:
        return first, second
    if second > 12 >= first or first == second:
        return second, first
    return None


def _iter_dates(text: str):
    for pattern, order in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            parts = dict(zip(order, m.groups(), strict=True))
            if "a" in parts:
                read = day_month(int(parts["a"]), int(parts["b"]))
                if read is None:
                    continue
                parts["d"], parts["m"] = read
            month = int(parts["m"]) if "m" in parts else _MONTHS.get(parts["mon"].lower().rstrip("."))
            iso = _make(int(parts["y"]), month or 0, int(parts["d"]))
            if iso:
                yield m, iso


def find_dates(text: str) -> list[tuple[int, str]]:
    """All (position, ISO date) pairs in text, in order."""
    return sorted((m.start(), iso) for m, iso in _iter_dates(text))


def date_spans(text: str) -> list[tuple[int, int]]:
    """Where full calendar dates are, so number extraction can skip their day and year."""
    return sorted(m.span() for m, _ in _iter_dates(text))


def parse_date(value: str) -> str | None:
    """One date from a metadata value ("2025-11-18", "2025-11-01T04:12:09Z", "D:20250901120000", "5 April 2025")."""
    value = value.strip()
    if value.startswith("D:"):
        m = re.match(r"((?:19|20)\d\d)(\d\d)(\d\d)", value[2:])  # PDF date: D:YYYYMMDDHHmmSS...
        return _make(*map(int, m.groups())) if m else None
    dates = find_dates(value)
    return dates[0][1] if dates else None


def date_from_filename(path: Path) -> str | None:
    name = path.name
    dates = find_dates(name)
    if dates:
        return dates[0][1]
    m = _FILENAME_COMPACT.search(name)
    return _make(*map(int, m.groups())) if m else None


def date_from_text(text: str) -> tuple[str | None, str | None]:
    """(keyword date, first date) from the header: a date on a line that says "Date:", "Published" etc. is
    the publication date; the first date of any kind is a weaker fallback (a dateline)."""
    header = text[:_HEADER_CHARS]
    dates = find_dates(header)
    keyword_date = None
    for pos, iso in dates:
        line_start = header.rfind("\n", 0, pos) + 1
        if _DATE_KEYWORD.search(header[line_start:pos]):
            keyword_date = iso
            break
    return keyword_date, (dates[0][1] if dates else None)


def resolve_date(path: Path, text: str, strong: str | None, weak: str | None) -> str | None:
    """Publication metadata > a keyword date in the header > file metadata > file name > first header date."""
    keyword, first = date_from_text(text)
    return strong or keyword or weak or date_from_filename(path) or first


_KIND_CUES = {
    "announcement": (
        r"press[ _-]?release|for immediate release|newsroom|company news|media contact|\btoday (?:announced|released|launched)\b|"
        r"(?:^|[_-])pr[_-]|announces?\b|\btoday published\b"
    ),
    "news": (
        r"(?:^|[_-])news[_-]|\bby [A-Z][a-z]+ [A-Z][\w-]+|\bcorrespondent\b|\breporter\b|\bcorrection\b|"
        r"\b(?:tribune|herald|gazette|daily|ledger|times|journal|post|wire|chronicle)\b|according to"
    ),
}


def infer_kind(path: Path, text: str, loader_kind: str | None) -> str:
    """announcement | statistics | transcript | news | other. Structure decides first (a CSV is statistics);
    otherwise cues in the file name count double against cues in the opening text."""
    if loader_kind:
        return loader_kind
    head = text[:_HEADER_CHARS]
    scores = {}
    for kind, cue in _KIND_CUES.items():
        in_name = len(re.findall(cue, path.stem, re.I))
        in_text = len(re.findall(cue, head, re.I if kind == "announcement" else 0))
        scores[kind] = 2 * in_name + in_text
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 2 else "other"


_MASTHEAD_LABEL = re.compile(r"(?i:press release|news release|newsroom|for immediate release|transcript)")
_SHOUTED = re.compile(r"^[A-Z0-9 &.,'-]{1,30}$")
# "Date: 5 May 2025", and a speaker's turn: "Ismadi Ondarsi (CFO): Thank you.", "Setia Lembaran [00:00:02]: ..."
_FIELD_LINE = re.compile(
    r"^[A-Za-z][\w ]{0,24}:\s|^[A-Za-z][\w .'’-]{0,40}?\s*[(\[][^()\[\]\n]{1,80}[)\]]:\s"
)


def _masthead(line: str) -> bool:
    """ "ACME -- PRESS RELEASE", "NEWSROOM": a label with at most a name beside it. A headline that mentions a
    transcript ("Lumora Labs - Q3 2025 Results - Earnings Call Transcript") is a title."""
    if _SHOUTED.match(line):
        return True
    if not _MASTHEAD_LABEL.search(line):
        return False
    return len(_MASTHEAD_LABEL.sub(" ", line).replace("-", " ").split()) <= 3


def title_from_text(text: str) -> str | None:
    """The first line that reads like a headline: not a masthead ("ACME -- PRESS RELEASE"), a "Field: value"
    line, a speaker's turn or a dateline. Falls back to the first line that is no field or turn."""
    lines = [line.strip().lstrip("#").strip() for line in text[:_HEADER_CHARS].splitlines()]
    lines = [line for line in lines if line and not set(line) <= set("-=*_ ")]
    for line in lines:
        if _masthead(line) or _FIELD_LINE.match(line) or (find_dates(line) and len(line) < 60):
            continue
        if len(line) >= 12:
            return line[:200]
    return next((line[:200] for line in lines if not _FIELD_LINE.match(line)), None)


def title_from_filename(path: Path) -> str:
    return re.sub(r"[_]+", " ", path.stem).strip() or path.name


_ORG = r"((?:[A-Z][\w&.-]*)(?:\s+(?:[A-Z][\w&.-]*|&))*)"


# "Host: Dev Orrin. Guest: ...", "Moderator - Ada Brenn": who the header says puts the questions
_HOST_LINE = re.compile(
    r"\b(?i:host|interviewer|moderator|presenter)\s*(?::|--|-|–|—)\s*(?P<name>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,3})"
    # the name is the field's whole value ("Host: Dev Orrin. Guest: ..."), not a host's turn that opens with a
    # name ("HOST: Ada Brenn, thank you.")
    r"[ \t]*(?=$|[.;,]?[ \t]*(?:[A-Z][a-z]+[ \t]*:|$))",
    re.M,
)


# "Ada Lind asked the questions (Q); Bo Tam, CEO of Lark, replied (A)": a legend that gives each
# one-letter speaker label its person
_LEGEND = re.compile(
    r"(?P<name>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,2})(?P<said>[^();.]{0,120}?)\s*\((?P<label>[A-Z])\)"
)


def legend_speaker(label: str, header: str) -> tuple[str, bool] | None:
    """The person a header's legend gives a one-letter label ("(A)"), and whether they are the one who asks
    ("asked the questions (Q)"). None where the label is no letter or the header gives it no one."""
    if len(label.strip()) != 1:
        return None
    for m in _LEGEND.finditer(header):
        if m.group("label") == label.strip():
            return m.group("name"), bool(re.search(r"\bquestions?\b|\basked\b", m.group("said"), re.I))
    return None


def named_host(person: str, header: str) -> bool:
    """Does the document's header name this speaker as the host ("Host: Dev Orrin.")? A host who also opens
    with a greeting and asks few questions is still the one whose assertions frame questions."""
    who = " ".join(person.lower().split())
    return any(" ".join(m.group("name").lower().split()) == who for m in _HOST_LINE.finditer(header))


def affiliation(person: str, header: str) -> str | None:
    """The organisation a transcript introduces a speaker with: "Name -- Analyst, Brantley Partners", "Guest: Name,
    Chief Executive Officer, Lumora Labs", "Name is co-founder and CEO of Castellan AI", "Lumora CEO Name". The
    header is the document's opening text; speaker labels may be capitalised differently from it."""
    name = re.escape(" ".join(person.split()))
    if not name:
        return None
    patterns = [
        # a participants line: the organisation is the last comma-separated part after the role
        rf"(?m)^[^\n]{{0,20}}(?i:{name})\s*(?:--|-|–|—|,|\|)[^\n]*?,\s*{_ORG}\s*$",
        rf"(?i:{name}),?\s+(?i:(?:is|was)\s+)?(?i:the\s+)?[\w\s-]{{0,40}}?\b(?:of|at|from)\s+(?:the\s+)?{_ORG}",
        # "Name, who runs Lumora Labs", "Name, who co-founded Castellan AI": the one who leads it is its own
        rf"(?i:{name}),?\s+who\s+(?:now\s+|also\s+)?(?i:runs|leads|heads|founded|co-founded|started|chairs)\s+"
        rf"(?:the\s+)?{_ORG}",
        # "Lumora CEO Name"; not "Lumora analyst Name", who may only cover Lumora from outside
        rf"{_ORG}(?:'s)?\s+(?:CEO|CTO|CFO|(?i:chief \w+ officer|president|founder))\s+(?i:{name})",
    ]
    for pattern in patterns:
        m = re.search(pattern, header)
        if m:
            org = m.group(1).strip(" .")
            if org.lower() != person.lower() and (not org.isupper() or len(org) <= 5):
                return org
    # "Name (Analyst, Casa de Valores Ortiga)": the organisation is the bracket's last part
    m = re.search(rf"(?m)^[ \t]*(?i:{name})[ \t]*\([^()\n]*,[ \t]*([A-Z][^,()\n]{{1,60}})\)", header)
    if m:
        return m.group(1).strip(" .")
    # "Name (Chief Executive Officer)" with no organisation: an officer of the company whose call it is
    if re.search(rf"(?m)^[ \t]*(?i:{name})[ \t]*\([ \t]*{_OFFICER}[^()\n,]*\)", header):
        return host_organisation(header)
    return None


_OFFICER = (
    r"(?i:chief\b|ceo\b|cfo\b|cto\b|coo\b|president\b|(?:co-)?founder\b|head of\b|vice president\b|vp\b)"
)
_LEGAL = re.compile(
    r"[,\s]+(?:S\.A\.?|Inc\.?|Ltd\.?|Limited|LLC|GmbH|AG|plc|Corp\.?|S\.L\.?|N\.V\.?|B\.V\.?|S\.p\.A\.?|SpA"
    r"|SE|AS|ASA|AB|Oy|Oyj|A/S|ApS|K\.K\.|Pty|Co\.)$"
)
# "Lumora Labs Inc. - Q3 2025 results call": the name before a dash (typed "--" too), bar or colon, the event
# after it
_EVENT_AFTER = re.compile(r"\s+(?:--|[-–—|])\s+|:\s+")


def host_organisation(header: str) -> str | None:
    """The organisation a transcript's opening line names ("Lumora Labs Inc." over "Q3 2025 earnings call", or
    "Lumora Labs Inc. - Q3 2025 results call"), if that line, or its part before a dash, is a bare name:
    capitalised words, no digits, no sentence."""
    first = next((line.strip() for line in header.splitlines() if line.strip()), "")
    first = _LEGAL.sub("", _EVENT_AFTER.split(first, maxsplit=1)[0].strip())
    words = first.split()
    if not 1 <= len(words) <= 5 or re.search(r"[\d:?!]", first) or not all(w[:1].isupper() for w in words):
        return None
    return first
