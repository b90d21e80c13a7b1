"""Claims answered from the records of one statistics export (see records.py for how records are read).

Shapes, tried in order on each export (newest first); each returns (supports|refutes, cited records, reason)
or None when the claim is not of its shape or the export does not settle it:

- rank: "X was the most downloaded family in Y", "X is among the top three ... in every country": a record
  about Y (or every record) holds a ranking (nested items with a rank);
- attribute: "A is (not) licensed under L", "every X model is released under L", "A is built on B",
  "A was released in April 2025": a categorical or date field of the subject's row(s);
- superlative: "X is the family with the most derivative models", "A is the most downloaded X model":
  X against every record of its kind (in the group the claim names);
- threshold: "X has more than N <metric>", "A was downloaded roughly N times in the 30 days to D": one
  record's field, or the sum of a group's rows.

The export must cover the claim: every name the claim uses appears in it (an owner, "Lumora's Quill", may be
named by another export instead); otherwise it is about something the export does not count.
Dates: an export is a snapshot. A claim that names another date is judged only where the snapshot settles it
(cumulative counts only grow); a past-tense claim without a date is not refuted by today's figures.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.retrieve.evidence import Evidence
from assistant.verify.alignment import compare
from assistant.verify.claims import entities
from assistant.verify.date_findings import MONTH_NAMES
from assistant.verify.findings import has
from assistant.verify.periods import window
from assistant.verify.quantities import extract_quantities, word_figures
from assistant.verify.quantity import WORD_NUMBERS, Quantity
from assistant.verify.records import (
    GROUP_KEYS,
    Record,
    by_export,
    concept,
    enough_members,
    field_window,
    find,
    iso_date,
    members,
    metric,
    metrics,
    named_kinds,
    norm_name,
    norm_value,
    number,
    only_grows,
    organisation_named,
    precision,
)

Found = tuple[str, list[Evidence], str]
# evidence whose figures do not speak for the claim: another subject, hearsay, a question
_NOT_ABOUT_IT = ("entity-gap", "rumour", "hedged", "question")

_NEGATED = re.compile(r"\b(?:not|never|no longer)\b|n't\b", re.I)
PAST = re.compile(r"\b(?:was|were|had|ranked|did)\b", re.I)
# "in the last 30 days": a window that ends now, whatever the tense ("was downloaded ... in the last 30 days")
_TO_NOW = re.compile(r"\b(?:in|over|during)\s+the\s+(?:last|past)\s+(?:\d+|seven|thirty)\s+days\b", re.I)


def past_undated(claim: str) -> bool:
    """Past tense with no date: the claim may be about a time before the export. Not a window that ends now."""
    return bool(PAST.search(claim)) and not _TO_NOW.search(claim)


_CHANGE = re.compile(
    r"\b(?:rose|risen|rise[sn]?|grew|grown|grows?|fell|fallen|falls?|increased?|decreased?|declined?|dropped|"
    r"gained|lost|doubled|tripled|halved|changed?|jumped|climbed)\b|\bbetween\b.+\band\b|\bsince\b",
    re.I,
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
_QUARTER = re.compile(
    r"\b(?:Q(?P<q>[1-4])\s*(?P<y>\d{4})|(?P<qw>first|second|third|fourth)\s+quarter\s+(?:of\s+)?(?P<y2>\d{4}))\b",
    re.I,
)
_MONTHS = tuple(MONTH_NAMES)
_MONTH_YEAR = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{4})\b", re.I)
_FULL_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})\b", re.I)
_YEAR = re.compile(r"\b(?:in|during|of)\s+((?:19|20)\d\d)\b")


def _ordinal(word: str) -> int | None:
    word = word.lower().strip()
    if word in _ORDINALS:
        return _ORDINALS[word]
    if word in WORD_NUMBERS:
        return int(WORD_NUMBERS[word])
    m = re.match(r"(\d+)(?:st|nd|rd|th)?$", word)
    return int(m.group(1)) if m else None


# --- when -----------------------------------------------------------------------------------------------


def _day(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(iso).toordinal() if iso else None
    except ValueError:
        return None


def _span(claim: str) -> tuple[int, int, str, str] | None:
    """Where the claim names a stretch of time (start and end of the words), and its first and last day."""
    try:
        m = _QUARTER.search(claim)
        if m:
            q = int(m.group("q")) if m.group("q") else _ORDINALS[m.group("qw").lower()]
            y = int(m.group("y") or m.group("y2"))
            end = date(y + q // 4, q % 4 * 3 + 1, 1).toordinal() - 1
            return m.start(), m.end(), date(y, 3 * q - 2, 1).isoformat(), date.fromordinal(end).isoformat()
        m = _FULL_DATE.search(claim)
        if m:
            iso = date(int(m.group(3)), _MONTHS.index(m.group(2).lower()) + 1, int(m.group(1))).isoformat()
            return m.start(), m.end(), iso, iso
        m = _MONTH_YEAR.search(claim)
        if m:
            y, mo = int(m.group(2)), _MONTHS.index(m.group(1).lower()) + 1
            end = date(y + mo // 12, mo % 12 + 1, 1).toordinal() - 1
            return m.start(), m.end(), date(y, mo, 1).isoformat(), date.fromordinal(end).isoformat()
    except (ValueError, OverflowError):
        return None  # "31 April", "0 March", a year past 9999: no stretch of time
    m = _YEAR.search(claim)
    if m:
        return m.start(), m.end(), f"{m.group(1)}-01-01", f"{m.group(1)}-12-31"
    return None


def claim_span(claim: str) -> tuple[str, str] | None:
    """The stretch of time a claim names: a quarter, a full date, a month or a year (first and last day); None
    when it names none, or a day that does not exist."""
    span = _span(claim)
    return (span[2], span[3]) if span else None


def export_period(header: str) -> tuple[str, str] | None:
    """ "period: 2025-07-01/2025-09-30" in an export's header."""
    m = re.search(r"period[\w.]*: (\d{4}-\d\d-\d\d)\s*(?:/|to|–|--)\s*(\d{4}-\d\d-\d\d)", header, re.I)
    return (m.group(1), m.group(2)) if m else None


def timing(claim: str, snapshot: str | None, period: tuple[str, str] | None) -> str | None:
    """How the claim's time relates to the export: "undated", "same", "later", "earlier", or None when the
    export cannot speak to it (a named period it does not cover)."""
    span = claim_span(claim)
    if span is None:
        return "undated"
    lo, hi = _day(span[0]), _day(span[1])
    if period is not None:
        plo, phi = _day(period[0]), _day(period[1])
        if lo is None or plo is None or hi is None or phi is None:
            return None
        # the claim's stretch is the export's period, or lies inside it ("in August 2025" of Q3)
        return "same" if plo <= lo and hi <= phi else None
    snap = _day(snapshot)
    if snap is None or lo is None or hi is None:
        return None
    if hi - lo > 31:  # a year or a quarter: a snapshot is one day, it does not speak for a whole period
        return "same" if hi >= snap >= hi - 3 else None
    if abs(hi - snap) <= 3:
        return "same"
    return "later" if hi > snap else "earlier"


# --- coverage -------------------------------------------------------------------------------------------


# "30-day" downloads: a period, not a name
_PERIOD_NAME = re.compile(r"\d+[- ](?:day|week|month|year)s?", re.I)


def _is_date_name(name: str) -> bool:
    return bool(_QUARTER.search(name) or re.fullmatch(r"(?:Q[1-4]\s*)?\d{4}", name))


# a preposition that opens a claim ("Among the models in X, ...", "According to X's export, ...") is
# capitalised, not a name
_OPENING_WORDS = frozenset(("Among", "Amongst", "Across", "Between", "Within", "Of", "Out", "According"))


def names(claim: str) -> list[str]:
    """The claim's names, without dates and without the platform ("on ModelYard" scopes, it does not name)."""
    out = []
    for name in entities(claim):
        name = re.sub(r"^(?:All|Every|Each|Both|Only|Of)\s+", "", name)
        if (
            _is_date_name(name)
            or name in _OPENING_WORDS
            or re.search(rf"\bon\s+{re.escape(name)}\b", claim)
            or _PERIOD_NAME.fullmatch(name)
        ):
            continue
        out.append(name)
    return out


def _owner_ok(owner: str, thing: str, every: list[Record]) -> bool | None:
    """ "Lumora's Quill": does some record about Quill (or a row of it) name Lumora as its organisation?"""
    o = norm_value(owner)
    related = find(thing, every) + members(thing, every)
    orgs = {norm_value(r.fields.get(k, "")) for r in related for k in GROUP_KEYS if r.fields.get(k)}
    orgs.discard(norm_value(thing))
    if not orgs:
        return None
    return any(v.startswith(o) or o.startswith(v) for v in orgs)


def export_text(export: list[Record]) -> tuple[str, str]:
    """An export's text (and title) as names are looked up in it: lower-cased, and squeezed (norm_value)."""
    text = (export[0].evidence.document or "") + " " + (export[0].evidence.passage.title or "")
    return text.lower(), norm_value(text)


def uncovered(
    claim: str, export: list[Record], every: list[Record], texts: dict[str, tuple[str, str]] | None = None
) -> list[str] | None:
    """The claim's names the export does not mention; None when an owner contradicts the records. ``texts``:
    export_text by doc_id, filled as exports are read (a caller that keeps it reads each export once)."""
    if texts is None:
        lowered, squeezed = export_text(export)
    else:
        if export[0].doc_id not in texts:
            texts[export[0].doc_id] = export_text(export)
        lowered, squeezed = texts[export[0].doc_id]
    missing = []
    for name in names(claim):
        if name.lower() in lowered or (len(norm_value(name)) > 2 and norm_value(name) in squeezed):
            continue
        owned = re.search(rf"{re.escape(name)}['’]s?\s+([A-Z][\w.-]*)", claim)
        if owned:
            ok = _owner_ok(name, owned.group(1), every)
            if ok is False:
                return None
            if ok:
                continue
        missing.append(name)
    return missing


# --- rank within a record's ranking ---------------------------------------------------------------------

_MOST = re.compile(
    r"\b(?:the\s+)?(?:(?P<ord>second|third|fourth|fifth|\d+(?:st|nd|rd|th))[- ])?most\s+"
    r"(?P<verb>downloaded|popular|used|widely[- ]used|liked|fine-?tuned|quantized|quantised)\b"
    r"(?P<noun>(?:\s+[a-z][\w-]*){0,3})",
    re.I,
)
_TOP = re.compile(r"\bamong\s+the\s+top\s+(?P<n>\w+)\b(?P<noun>(?:\s+[a-z][\w-]*){0,3})", re.I)
_RANKS = re.compile(
    r"\b(?:ranks?|ranked|placed|came)\s+(?:in\s+)?(?:No\.?\s*|number\s+)?(?P<ord>\w+)(?:\s+place)?\b", re.I
)
_LEADS = re.compile(
    r"\b(?:is|was|remains|remained)\s+(?:still\s+)?the\s+(?:top|leading|number[- ]one|No\.?\s*1)\b"
    r"(?P<noun>(?:\s+[a-z][\w-]*){0,3})",
    re.I,
)
_EVERY = re.compile(r"\b(?:in\s+)?(?:every|each|all)\s+(?:of\s+the\s+)?(?P<kind>[a-z]+)", re.I)


def _wanted_rank(claim: str) -> tuple[str, int, str, str | None] | None:
    """("rank", k) or ("top", n), the noun phrase after it, and the verb ("downloaded"; None for "top")."""
    m = _MOST.search(claim)
    if m:
        k = _ordinal(m.group("ord")) if m.group("ord") else 1
        return ("rank", k, m.group("noun"), m.group("verb").lower()) if k else None
    m = _TOP.search(claim)
    if m:
        n = _ordinal(m.group("n"))
        return ("top", n, m.group("noun"), None) if n else None
    m = _RANKS.search(claim)
    if m:
        k = _ordinal(m.group("ord"))
        return ("rank", k, "", None) if k else None
    m = _LEADS.search(claim)
    if m:
        return "rank", 1, m.group("noun"), None
    return None


def _noun_fits(noun: str, key: str | None) -> bool:
    """ "model family" ranks families; "model" alone ranks models; a company is an organisation."""
    noun, key = noun.lower(), (key or "").lower()
    if "famil" in noun:
        return "famil" in key
    if re.search(r"\bmodels?\b", noun):
        return "model" in key or key in ("name", "repo", "repo_id")
    if re.search(r"compan|organi[sz]|lab|developer|publisher", noun):
        return bool(re.search(r"org|compan|author|publisher", key))
    return True


def _item_name(item: dict[str, str]) -> tuple[str | None, str | None]:
    key = next((k for k, v in item.items() if k != "rank" and number(v) is None), None)
    return key, item.get(key) if key else None


def rank(claim: str, export: list[Record], header: str) -> Found | None:
    wanted = _wanted_rank(claim)
    ranked = [(r, rk) for r in export if (rk := r.ranking())]
    if wanted is None or not ranked:
        return None
    how, n, noun, verb = wanted
    if verb is not None and verb != "downloaded":
        return None  # "most popular", "most used": not what a download ranking counts
    if verb == "downloaded" and "download" not in (header + " " + export[0].evidence.scoring_text).lower():
        return None
    claim_names = names(claim)
    item_names = {norm_name(v) for _, (_, items) in ranked for i in items if (v := _item_name(i)[1])}
    who = [x for x in claim_names if norm_name(x) in item_names]
    where = [r for r, _ in ranked if any(r.is_(x) for x in claim_names)]
    every = _EVERY.search(claim)
    if every and not any(every.group("kind")[:5].lower() == (r.key or "")[:5] for r, _ in ranked):
        every = None  # "every month" is no universal over the records: "every country" is, over countries
    if len(who) != 1 or (not where and not every):
        return None
    if where and every:
        return None
    scope = where or [r for r, _ in ranked]
    if not all(_noun_fits(noun, _item_name(rk[1][0])[0]) for r, rk in ranked if r in scope):
        return None
    when = timing(claim, export[0].date, export_period(header))
    if when not in ("undated", "same"):
        return None
    negated = bool(_NEGATED.search(claim))
    x = norm_name(who[0])
    held, failed, notes = [], [], []
    for r in scope:
        _, items = r.ranking()  # type: ignore[misc]
        listed = [norm_name(_item_name(i)[1] or "") for i in items]
        place = listed.index(x) + 1 if x in listed else None
        if place is None and len(items) < n:
            return None  # the ranking stops before the place the claim asks about
        ok = place is not None and (place == n if how == "rank" else place <= n)
        top = _item_name(items[0])[1]
        notes.append(
            f"{r.name}: {who[0]} {'ranks ' + str(place) if place else 'is not listed'} (first: {top})"
        )
        (held if ok else failed).append(r)
    holds = not failed
    if negated:
        holds = not holds
    if not holds and when == "undated" and PAST.search(claim) and not negated:
        return None  # "X was the most downloaded in Y", no date: it may have been, before this export
    # the records that decide: a counterexample refutes "every"; each place it holds supports
    cited = (held if holds else failed) if not negated else (failed if holds else held)
    shown = [n for r, n in zip(scope, notes, strict=True) if r in cited]
    return ("supports" if holds else "refutes"), [r.evidence for r in cited], "; ".join(shown)


# --- attributes of rows ---------------------------------------------------------------------------------

_VALUE_END = r"(?P<val>[A-Za-z][\w .+-]*?)(?:\s+licen[cs]e)?(?:\s+on\s+[A-Z]\w*)?\s*\.?$"
_ATTRIBUTES = (
    (
        "licen[cs]e",
        re.compile(
            r"\b(?:licen[cs]ed|released|published|available|distributed|offered|shared)\s+under\s+"
            r"(?:the\s+|an?\s+)?" + _VALUE_END,
            re.I,
        ),
    ),
    (
        "licen[cs]e",
        # anchored at the claim's end: "... uses the MIT license and has 9 million downloads" says more
        re.compile(
            r"\buses?\s+(?:the\s+|an?\s+)?(?P<val>[A-Za-z][\w .+-]*?)\s+licen[cs]e(?:\s+on\s+[A-Z]\w*)?\s*\.?$",
            re.I,
        ),
    ),
    (
        "base",
        re.compile(
            r"\b(?:based on|built on(?: top of)?|fine-?tuned from|derived from|a fine-?tune of|"
            r"a derivative of)\s+(?:the\s+)?(?P<val>[\w./-]+(?:\s+[A-Z][\w.-]*)?)(?:\s+on\s+[A-Z]\w*)?\s*\.?$",
            re.I,
        ),
    ),
)
_RELEASED = re.compile(
    r"\b(?:first\s+)?(?:released|published|launched|created|uploaded|came out|debuted|open-sourced)\b", re.I
)
_DATE_KEY = re.compile(r"created|release|published|first_public|launch", re.I)
# "A was (first) released in/on DATE" as the claim's whole predicate; "A, released in May, has ..." is not
_RELEASE_CLAIM = re.compile(
    r"^(?P<subject>[^,;]+?)\s+(?:(?:was|were|is|are|got|has\s+been|have\s+been|had\s+been)\s+)?"
    r"(?:(?:first|initially|originally|officially|publicly)\s+)?"
    r"(?:released|published|launched|created|uploaded|came\s+out|debuted|open-sourced)\b(?P<rest>.*)$",
    re.I,
)
_AUX = re.compile(r"\b(?:is|are|was|were|has|have|had|be|been|being|do|does|did)\b", re.I)
_DEGREE = re.compile(
    r"\b(?:most|least|fewest|more|less|fewer|than|top|leading|largest|biggest|highest|lowest|earliest|latest|"
    r"newest|oldest|only)\b",
    re.I,
)
# a bound, not a date: "released after May 2025", "by the end of Q1 2025", "prior to", "no later than"
_BOUND = re.compile(
    r"\b(?:before|after|until|till|since|prior\s+to|than|from|between|up\s+to|within|as\s+(?:early|late)\s+as)\b|"
    r"\bby\s+(?:the\s+)?(?:(?:end|start|beginning|middle|close)\s+of\s+)?(?:the\s+)?$",
    re.I,
)
_RELEASE_LEAD = re.compile(
    r"^(?:\s+(?:alongside|together\s+with|along\s+with|with|by)\s+[^,;]+?)?\s+(?:(?:in|on|during)\s+(?:the\s+)?)?$",
    re.I,
)
_RELEASE_TAIL = re.compile(r"^\s*(?:(?:on|at)\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+hub)?)?\s*\.?$")
_UNIVERSAL = re.compile(
    r"\b(?i:every|each|all(?:\s+(?:of\s+)?the)?(?:\s+[a-z]+)?)\s+(?:of\s+(?:the\s+)?)?(?P<g>[A-Z][\w.-]*)"
    r"(?:\s+models?|\s+rows?)?\b"
)
_PLURAL = re.compile(r"^(?:the\s+)?(?:\w+\s+)?(?P<g>[A-Z][\w.-]*)\s+models\s+(?:are|were|have|had)\b", re.I)


def _subjects(claim: str, export: list[Record], exclude: str = "") -> tuple[list[Record], bool] | None:
    """The rows a claim is about, and whether it speaks of all of a group ("every Quill model")."""
    m = _UNIVERSAL.search(claim) or _PLURAL.search(claim)
    if m:
        group = members(m.group("g"), export)
        return (group, True) if group else None
    named = [x for x in names(claim) if norm_value(x) not in norm_value(exclude) or not exclude]
    if named and re.match(rf"(?:the\s+)?{re.escape(named[0])}\b", claim, re.I):
        named = named[:1]  # the claim's grammatical subject: "A was released alongside B in May"
    found = [r for x in named for r in find(x, export)]
    return ([found[0]], False) if len({id(r) for r in found}) == 1 else None


def _release_date(claim: str) -> tuple[str, str] | None:
    """The stretch of time of "A was (first) released in March 2025": only when the release is all the claim
    says (no other figure, superlative or comparison) and the date is no bound ("after", "by", "prior to")."""
    m = _RELEASE_CLAIM.match(claim)
    if m is None or _AUX.search(m.group("subject")) or _DEGREE.search(claim):
        return None
    rest = m.group("rest")
    span = _span(rest)
    if span is None:
        return None
    start, end, first, last = span
    lead, tail = rest[:start], rest[end:]
    if _BOUND.search(lead) or not _RELEASE_LEAD.match(lead) or not _RELEASE_TAIL.match(tail):
        return None
    bare = claim
    for name in names(claim):
        bare = bare.replace(name, " ")
    if any(q.kind != "year" for q in extract_quantities(bare)):
        return None  # another figure: "released in May with 8 billion parameters"
    return first, last


def _value_matcher(value: str):
    """Categorical values match when equal once normalised; a claimed value without digits may leave out the
    version ("Apache" is apache-2.0; "CC BY" is not cc-by-nc-4.0, "Quarry 3" is not quarry-3.1)."""
    wanted = norm_value(value)
    same = re.compile(re.escape(wanted) + ("" if re.search(r"\d", wanted) else r"\d*"))
    return lambda v: bool(wanted) and same.fullmatch(norm_value(v)) is not None


def _date_matches(claimed: tuple[str, str], value: str) -> bool | None:
    iso = iso_date(value)
    return None if iso is None else claimed[0] <= iso <= claimed[1]


def attribute(claim: str, export: list[Record]) -> Found | None:
    field_pat, value = None, None
    for pat, rx in _ATTRIBUTES:
        m = rx.search(claim)
        if m:
            field_pat, value = pat, m.group("val").strip().rstrip(".")
            break
    released = None
    if field_pat is None and _RELEASED.search(claim):
        released = _release_date(claim)
        if released is None:
            return None
        field_pat = _DATE_KEY.pattern
    if field_pat is None:
        return None
    subjects = _subjects(claim, export, value or "")
    if subjects is None:
        return None
    rows, universal = subjects
    key = next((k for k in rows[0].fields if re.search(field_pat, k, re.I)), None)
    if key is None or any(key not in r.fields for r in rows):
        return None  # a row that lacks the field (no declared base; empty cells are not stored) cannot answer
    if value is not None:
        wanted = norm_name(value)
        is_value = _value_matcher(value)
        if field_pat != "base" and not any(is_value(r.fields[key]) for r in export if key in r.fields):
            return None  # not a value this column ever takes ("a permissive licence"): no verdict
        if (
            field_pat == "base"
            and not find(value, export)
            and not any(norm_name(r.fields[key]) == wanted for r in export if key in r.fields)
        ):
            return None

        def match(r: Record) -> bool | None:
            if field_pat == "base":
                return norm_name(r.fields[key]) == wanted
            return is_value(r.fields[key])
    else:

        def match(r: Record) -> bool | None:
            return _date_matches(released, r.fields[key])  # type: ignore[arg-type]

    results = [(r, match(r)) for r in rows]
    if any(ok is None for _, ok in results):
        return None
    negated = bool(_NEGATED.search(claim))
    holds = all(ok for _, ok in results) if not negated else not any(ok for _, ok in results)
    deciding = [r for r, ok in results if ok == negated] if not holds else [r for r, _ in results]
    reason = "; ".join(f"{r.name}: {key} {r.fields[key]}" for r in deciding[:4])
    if universal:
        reason = f"{len(rows)} rows; " + reason
    return ("supports" if holds else "refutes"), [r.evidence for r in deciding], reason


# --- superlative over records ---------------------------------------------------------------------------

_WITH_MOST = re.compile(
    r"\b(?:the\s+)?(?P<noun>(?:[a-z][\w-]*\s+){0,3}?)(?:with|that has|to have)\s+the\s+(?P<ord>most|largest number of|"
    r"highest number of|fewest|least)\s+(?P<what>[\w -]+?)(?:\s+(?:on|in|of|among)\b.*)?\.?$",
    re.I,
)
_HAS_MOST = re.compile(
    r"\b(?:has|have|had)\s+the\s+(?P<ord>most|largest number of|highest number of|fewest|least)\s+(?P<what>[\w -]+?)"
    r"(?:\s+(?:on|in|of|among)\b.*)?\.?$",
    re.I,
)


# "A ranks second by all-time downloads", "A is ranked third in derivatives among the Quill models"
_RANKS_BY = re.compile(
    r"\b(?:ranks?|is\s+ranked|was\s+ranked|ranked|places?|placed|comes?|came)\s+(?:in\s+)?(?:No\.?\s*|number\s+)?"
    r"(?P<ord>first|second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th)?)(?:\s+place)?\s+"
    r"(?:by|in|for|on)\s+(?P<what>(?:[\w-]+\s+){0,3}?(?:downloads|derivatives?(?:\s+models)?|fine-?tunes|"
    r"quanti[sz]ations|adapters|merges|likes))\b",
    re.I,
)
# a superlative over the whole hub, not the rows an export lists: "on the whole of ModelYard"
_WHOLE_HUB = re.compile(
    r"\b(?:on|across|of|in)\s+(?:the\s+)?(?:whole|entire|all)\s+(?:of\s+)?(?:the\s+)?[A-Z]|\banywhere\s+on\b|"
    r"\bof\s+all\s+(?:the\s+)?models\b|\bhub-?wide\b",
)
# an export that says it lists only some of the hub: "other organisations are not listed"
_PARTIAL = re.compile(
    r"\b(?:are|is)\s+not\s+(?:listed|included|covered)\b|\bnot\s+(?:all|every)\b|\b(?:lists?|covers?|includes?)\s+"
    r"only\b|\bonly\s+(?:the\s+)?(?:\w+\s+)?(?:families|models|organi[sz]ations|publishers)\b|\bselected\b|\ba\s+subset\b",
    re.I,
)


def partial_scope(claim: str, header: str) -> bool:
    """May the export leave out rows the claim's superlative ranges over? When the claim ranges over a whole
    hub, or the export says it lists only some of it. On a part, a place can only be better than on the whole:
    a record behind others in the part is behind them on the whole too (that still refutes), but first in the
    part is not first on the whole."""
    return bool(_WHOLE_HUB.search(claim) or _PARTIAL.search(header))


# what "the most downloaded", "the most fine-tuned" family has the most of
_MOST_COUNTED = {
    "downloaded": "downloads",
    "finetuned": "fine-tunes",
    "quantized": "quantizations",
    "quantised": "quantizations",
}


def superlative(claim: str, export: list[Record], header: str = "") -> Found | None:
    m = _WITH_MOST.search(claim) or _HAS_MOST.search(claim)
    ranked = _RANKS_BY.search(claim)
    if m:
        what, noun, k = m.group("what"), m.groupdict().get("noun") or "", 1
        fewest = m.group("ord").lower() in ("fewest", "least")
    elif ranked:
        what, noun, k, fewest = ranked.group("what"), "", _ordinal(ranked.group("ord")), False
        if k is None:
            return None
    else:
        mm = _MOST.search(claim)
        what = _MOST_COUNTED.get(mm.group("verb").lower().replace("-", "")) if mm else None
        if mm is None or what is None:
            return None
        noun = mm.group("noun")
        k, fewest = (_ordinal(mm.group("ord")) if mm.group("ord") else 1), False
        if k is None:
            return None
    claim_names = names(claim)
    subject = [r for x in claim_names for r in find(x, export)]
    if len(subject) != 1:
        return None
    x = subject[0]
    scope = [r for r in export if r.key == x.key]
    groups = [g for g in claim_names if not x.is_(g) and members(g, scope)]
    if groups:  # "the most downloaded Quill model": among Quill's rows
        scope = [r for r in members(groups[0], scope)]
        if x not in scope:
            return None
    if len(scope) < 2 or not _noun_fits(noun, x.key):
        return None
    key = metric(what + " " + claim, scope)
    when = timing(claim, x.date, None)
    if key is None or when not in ("undated", "same"):
        return None
    order = sorted(scope, key=lambda r: r.value(key) or 0, reverse=not fewest)
    mine = x.value(key) or 0
    tied = [r for r in scope if r is not x and (r.value(key) or 0) == mine]
    place = order.index(x) + 1
    if tied:
        place = min(order.index(r) for r in [x, *tied]) + 1
        if place <= k <= place + len(tied):
            return None  # a tie at the place the claim names: the records do not say who is ahead
    holds = place == k
    if not groups and partial_scope(claim, header) and place <= k:
        return None  # first among the rows listed, perhaps not among those the export leaves out
    if _NEGATED.search(claim):
        holds = not holds
    if not holds and when == "undated" and PAST.search(claim):
        return None  # "X was the family with the most ...", no date: perhaps before this export
    reason = f"{key}: {x.name} {x.fields[key]} is number {place} of {len(scope)}; first {order[0].name} {order[0].fields[key]}"
    cited = [x, *[r for r in order[:k] if r is not x]]
    return ("supports" if holds else "refutes"), [r.evidence for r in cited], reason


# --- a figure against one record, or a group's sum ------------------------------------------------------

_ADDITIVE = ("download", "derivative", "fine_?tun", "quanti[sz]", "adapter", "merge", "like")


def _figure(claim: str) -> Quantity | None:
    """The claim's one figure, leaving out counts of the things summed ("the six Quill-3 models")."""
    figures = []
    found = extract_quantities(claim)
    words = word_figures(claim)
    overlaps = lambda q, w: q.start < w.end and w.start < q.end  # noqa: E731
    # a fraction is the longer reading ("two thirds" is a share, not a count of two); a scale word is read by
    # quantities.py where it reads it ("half a billion")
    words = [w for w in words if w.kind == "percent" or not any(overlaps(q, w) for q in found)]
    found = [q for q in found if not any(overlaps(q, w) for w in words)] + words
    for q in sorted(found, key=lambda q: q.start):
        if q.kind not in ("count", "percent"):
            continue
        if re.match(
            r"\s+(?:[A-Z][\w.-]*\s+)?(?:models?|variants?|rows?|famil\w+|countries)\b", claim[q.end :]
        ):
            continue
        if _PERIOD_NAME.match(claim[q.start :]):
            continue  # "30-day downloads": the period the count runs over, not a count
        figures.append(q)
    return figures[0] if len(figures) == 1 else None


_THAN_OTHER = re.compile(
    r"\bthan\s+(?![\d~]|an?\s|(?:"
    + "|".join(re.escape(w) for w in sorted(WORD_NUMBERS, key=len, reverse=True))
    + r")\b)",
    re.I,
)


def _listed(claim: str, claim_names: list[str], export: list[Record]) -> list[Record] | None:
    """ "A and B together", "A, B and C combined": one record each for two or more names joined by "and" (a
    name that is no record, such as the owner in "Kaldrevik's A and B", is passed over), or None."""
    rows: list[Record] = []
    for x in claim_names:
        own = find(x, export)
        if len(own) > 1:
            return None
        rows += [r for r in own if r not in rows]
    joined = [r.name for r in rows if r.name]
    if len(rows) < 2 or len(joined) != len(rows):
        return None
    # the names must be listed ("A and B", "A, B and C"), not merely both present ("A has more than B")
    pattern = r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:the|its|their)\s+)?".join(
        rf"{re.escape(n)}(?:['’]s?)?(?:\s+models?)?" for n in _in_claim_order(claim, joined)
    )
    return rows if re.search(pattern, claim, re.I) else None


def _in_claim_order(claim: str, found: list[str]) -> list[str]:
    low = claim.lower()
    return sorted(found, key=lambda n: low.find(n.lower()))


_MULTIPLE = re.compile(r"\b(?:times|twice|double|triple)\s+(?:as|more|the)\b", re.I)


def threshold(
    claim: str, export: list[Record], groups: bool = True, groups_only: bool = False
) -> Found | None:
    """``groups``: may a name that is no record's identity stand for the sum of its group's rows?"""
    if _CHANGE.search(claim) or _THAN_OTHER.search(claim) or _MULTIPLE.search(claim):
        # a change, a comparison with something other than a figure ("more than Quill"), or a multiple of
        # another's figure ("five times as many as Lark": five is no count of downloads)
        return None
    figure = _figure(claim)
    counted, kinds = concept(claim), len(named_kinds(claim)) > 1
    if figure is None or (counted is None and not kinds):
        return None
    claim_names = names(claim)
    named = [r for x in claim_names for r in find(x, export)]
    listed = _listed(claim, claim_names, export) if groups_only else None
    if listed:
        # "A and B together had more than N": the records the claim lists, added up
        rows, what = listed, " + ".join(r.name or "" for r in listed)
    elif len({id(r) for r in named}) > 1 or (named and groups_only):
        return None
    elif named:
        rows, what = named[:1], named[0].name
    else:
        summed = [(x, members(x, export)) for x in claim_names] if groups else []
        summed = [(x, g) for x, g in summed if enough_members(x, g)]
        # the concept is a field-name pattern itself ("quanti[sz]"): it is one of the additive ones, or not
        if len(summed) != 1 or (counted not in _ADDITIVE and not kinds):
            return None
        what, rows = summed[0]
    # a share claimed as a percent or a fraction ("a third of the downloads") is read from a share field; not
    # a share of something a name owns ("a third of Lumora's downloads"), which no hub-wide share field is
    if figure.kind == "percent" and re.match(
        r"\s*(?:of\s+)?(?:all\s+)?(?:the\s+)?[A-Z][\w.-]*['’]s?\s", claim[figure.end :]
    ):
        return None
    if figure.kind == "percent":
        share = metric(claim, rows, share=True)
        keys = [share] if share else None
    else:  # one field, or the kinds of derivative the claim names, added up
        keys = metrics(claim, rows)
    if not keys:
        return None
    key = keys[0]
    is_percent = bool(re.search(r"share|pct|percent", key))
    if is_percent != (figure.kind == "percent"):
        return None
    total = sum(r.value(k) or 0.0 for r in rows for k in keys)
    slack = sum(precision(rows[0].fields[k], k) for k in keys)
    found = Quantity(total, figure.kind, "eq", 0, 0, f"{total:,.0f}", precision=slack)
    stance = compare(figure, found)
    if stance == "unknown":
        return None
    counts_over = field_window(key)
    period = window(claim)
    if period not in (None, "month") or (period == "month" and counts_over != "month"):
        return None  # "on its first day", "in January": a period the export's figures do not count over
    when = timing(claim, rows[0].date, None)
    if when is None:
        return None
    if when in ("later", "earlier"):
        # a named date away from the snapshot: only what growth cannot undo ("more than N" held at the
        # snapshot holds later; "more than N" failed at the snapshot failed earlier), and only for a count
        # that cannot fall (not likes, a share or a rate)
        if not all(only_grows(k) for k in keys) or figure.comparator not in ("gt", "ge", "lt", "le"):
            return None
        up = figure.comparator in ("gt", "ge")
        if (stance == "supports") != (up == (when == "later")):
            return None
    if (
        stance == "refutes"
        and when == "undated"
        and past_undated(claim)
        and (figure.comparator not in ("gt", "ge") or not all(only_grows(k) for k in keys))
    ):
        # "was downloaded N times" with no date: perhaps at some earlier time. "More than N" is another
        # matter: a count that only grows was not above N before if it is not above N now.
        return None
    if len(rows) == 1 and len(keys) == 1:
        shown = rows[0].fields[key]
    else:
        shown = f"{total:,.0f}" + (f" over {len(rows)} rows" if len(rows) > 1 else "")
    return stance, [r.evidence for r in rows], f"{what}: {' + '.join(keys)} {shown}"


# --- a share of a whole, from two counts ----------------------------------------------------------------

# "at least half of Lirra's derivative models are fine-tunes": two fields of one name's records
_PART_OF_OWN = re.compile(
    r"^(?P<q>.+?)\s+of\s+(?:all\s+)?(?:the\s+)?(?P<a>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s?\s+"
    r"(?P<whole>[a-z][\w\s-]*?)\s+(?:are|were|is|was)\s+(?P<part>[a-z][\w\s-]*?)\.?$"
)
# "Vaskra accounts for about a tenth of all downloads of Kaldrevik's models": one name's count against the
# sum over a group that holds it
_SHARE_OF_GROUP = re.compile(
    r"^(?P<a>.+?)\s+(?:(?:accounts?|accounted)\s+for|(?:made|makes|make)\s+up|represent(?:s|ed)?|comprised|"
    r"comprises)\s+(?P<q>.+?)\s+of\s+(?:all\s+(?:of\s+)?)?(?:the\s+)?"
    # "the Quill family's downloads": the group's kind before the possessive is no part of its name
    # ("of all Lark downloads": the possessive may go unsaid)
    r"(?:(?P<b1>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)(?:\s+(?:family|models?|series))?(?:['’]s?)?\s+(?P<m1>[a-z][\w\s-]*?)"
    r"|(?P<m2>[a-z][\w\s-]*?)\s+(?:of|for)\s+(?:all\s+)?(?:the\s+)?(?P<b2>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]?s?"
    r"(?:\s+models?|\s+famil(?:y|ies))?)\.?$"
)


# a date before or after a share claim: "As of 30 June 2026, ...", "... as of 30 September 2026"
_DAY_MONTH_YEAR = r"(?:\d{1,2}\s+)?(?:" + "|".join(_MONTHS) + r")(?:\s+\d{1,2},?)?\s+\d{4}"
_AS_OF_BEFORE = re.compile(
    r"^(?:As\s+of|At\s+the\s+end\s+of|By\s+the\s+end\s+of|By|In|On)\s+(?:the\s+)?"
    + _DAY_MONTH_YEAR
    + r",\s+",
    re.I,
)
_AS_OF_AFTER = re.compile(
    r",?\s+(?:as\s+of|at\s+the\s+end\s+of|by\s+the\s+end\s+of|by|in|on)\s+(?:the\s+)?"
    + _DAY_MONTH_YEAR
    + r"(?=\.?$)",
    re.I,
)
# "... on ModelYard": where the figures are counted, not a part of the whole's name
_ON_HUB = re.compile(r"\s+on\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*(?=\.?$)")
# "The Lark-3 generation": a part named with the word for its kind ("generation", "series", "line")
_KIND_WORD = re.compile(r"^(?:the\s+)|\s+(?:generation|series|line|family|models?)$", re.I)


# "Most Lark derivatives are fine-tunes", "The majority of Lark's derivatives ...": a majority is more than half
_MAJORITY = re.compile(
    r"^(?:Most|The\s+majority)\s+(?:of\s+)?(?:the\s+|all\s+)?(?P<a>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)(?:['’]s?)?\s+"
    r"(?=[a-z])"
)


def _named_rows(name: str, export: list[Record]) -> list[Record] | None:
    """A name's own record, else the rows of its group."""
    own = find(name, export)
    if len(own) == 1:
        return own
    if own:
        return None
    # "Lumora's downloads": the organisation the short name opens, where the rows name it in full
    full = name if members(name, export) else organisation_named(name, export)
    rows = members(full, export) if full else []
    return rows if full and enough_members(full, rows) else None


def share(claim: str, export: list[Record]) -> Found | None:
    """A fraction of a whole, read from two counts: a part field against a whole field of the same records
    ("half of A's derivatives are fine-tunes"), or one name's count against the sum over a group that holds
    it ("A accounts for a tenth of B's downloads"). A share can fall as well as rise, so only a claim about
    the export's own snapshot (or undated) is decided."""
    claim = _MAJORITY.sub(r"More than half of \g<a>'s ", claim, count=1)
    figure = _figure(claim)
    if figure is None or figure.kind != "percent":
        return None
    # the date says which snapshot (timing, below), not what is shared
    undated = _ON_HUB.sub("", _AS_OF_AFTER.sub("", _AS_OF_BEFORE.sub("", claim)))
    own = _PART_OF_OWN.match(undated)
    grouped = None if own else _SHARE_OF_GROUP.match(undated)
    if own:
        rows = _named_rows(own.group("a"), export)
        if not rows:
            return None
        part_rows, whole_rows = rows, rows
        part_key, whole_key = metric(own.group("part"), rows), metric(own.group("whole"), rows)
    elif grouped:
        b = grouped.group("b1") or grouped.group("b2")
        words = grouped.group("m1") or grouped.group("m2")
        part_rows, whole_rows = (
            _named_rows(_KIND_WORD.sub("", grouped.group("a")), export),
            _named_rows(b, export),
        )
        if not part_rows or not whole_rows or any(r not in whole_rows for r in part_rows):
            return None  # a share of a whole that holds the part, both in this export
        part_key = whole_key = metric(words + " " + claim, whole_rows)
    else:
        return None
    if part_key is None or whole_key is None or (own and part_key == whole_key):
        return None
    if timing(claim, whole_rows[0].date, None) not in ("undated", "same"):
        return None
    part = sum(r.value(part_key) or 0.0 for r in part_rows)
    whole = sum(r.value(whole_key) or 0.0 for r in whole_rows)
    if whole <= 0 or part > whole:
        return None
    ratio = 100.0 * part / whole
    stance = compare(figure, Quantity(ratio, "percent", "eq", 0, 0, f"{ratio:.1f}%", precision=0.05))
    if stance == "unknown":
        return None
    cited = part_rows + [r for r in whole_rows if r not in part_rows]
    reason = f"{part_key} {part:,.0f} of {whole_key} {whole:,.0f}: {ratio:.1f}%"
    return stance, [r.evidence for r in cited], reason


# --- precedence ----------------------------------------------------------------------------------------


def newer_disagrees(claim: str, stance: str, cited: list[Evidence], evidence: list[Evidence]) -> bool:
    """A claim without a date is judged on the newest document that addresses it: when a document dated after
    the export finds the claim's figures the other way, the export does not decide."""
    if claim_span(claim) is not None or not cited:
        return False
    snapshot = max((e.date or "" for e in cited), default="")
    other = "refutes" if stance == "supports" else "supports"
    return any(
        (e.date or "") > snapshot and f.kind in ("numeric", "date") and f.stance == other
        for e in evidence
        if e.passage.kind != "statistics" and not any(has(e, k) for k in _NOT_ABOUT_IT)
        for f in e.findings
    )


# --- entry ----------------------------------------------------------------------------------------------


_TWO_PREDICATES = re.compile(
    r"\b(?:and|but)\s+(?:it\s+|they\s+)?(?:has|have|had|is|are|was|were|uses?|used|received|receives|gets?|got|"
    r"reached|passed|ranks?|ranked)\b",
    re.I,
)


def check_records(
    claim: str,
    rows: list[Record],
    headers: dict[str, str] | None = None,
    texts: dict[str, tuple[str, str]] | None = None,
) -> Found | None:
    """The first shape that settles the claim on one export, newest export first. A record about the claim's
    subject itself (a family's own record) is looked for in every export before a group's rows are summed.
    ``texts``: a memo of each export's text (see uncovered), kept by the caller while the exports stay."""
    headers = headers or {}
    claim = " ".join(claim.split())
    if _TWO_PREDICATES.search(claim):
        return None  # "A uses L and has N downloads": each shape checks one predicate, not the whole claim
    exports = [
        (doc_id, export)
        for doc_id, export in by_export(rows).items()
        if uncovered(claim, export, rows, texts) == []  # None: an owner the records contradict
    ]
    if _dates_a_release(claim):
        # "A, released in May 2025, has ...", "the most downloaded model released in May": the date is the
        # release's, not the figure's, and the release narrows what is ranked; only the release itself is checked
        return next((f for _, export in exports if (f := attribute(claim, export)) is not None), None)
    # a superlative in the present tense ("is the most downloaded") is about the newest snapshot that holds
    # the claim's subject; an older one says what was
    subjects = names(claim)
    newest = max(
        (export[0].date or "" for _, export in exports if any(find(x, export) for x in subjects)), default=""
    )
    present = claim_span(claim) is None and not PAST.search(claim)
    for _, export in exports:
        found = (
            rank(claim, export, headers.get(export[0].doc_id, ""))
            or attribute(claim, export)
            or (
                superlative(claim, export, headers.get(export[0].doc_id, ""))
                if not present or (export[0].date or "") == newest
                else None
            )
            or share(claim, export)
            or threshold(claim, export, groups=False)
        )
        if found is not None:
            return found
    return next((f for _, export in exports if (f := threshold(claim, export)) is not None), None)


def _dates_a_release(claim: str) -> bool:
    m = _RELEASED.search(claim)
    return m is not None and claim_span(claim[m.end() :]) is not None
