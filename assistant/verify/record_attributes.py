"""Attributes of rows: "A is (not) licensed under L", "every X model is released under L", "A is built on B", "A
was released in April 2025": a categorical or date field of the subject's row, or of every row of the group the
claim names. A value the column never takes, or a row without the field, gives no verdict."""

from __future__ import annotations

import re

from assistant.verify.quantities import extract_quantities
from assistant.verify.record_coverage import NEGATED, Found, names
from assistant.verify.record_when import named_span
from assistant.verify.records import (
    Record,
    find,
    iso_date,
    members,
    norm_name,
    norm_value,
    organisation_named,
    owned_by,
)

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
            # "sits on top of"; the base's owner may be named before it ("fine-tuned from Lumora's Quill-2")
            r"\b(?:based on|built on(?: top of)?|(?:sits?|sat|runs?|ran) on top of|fine-?tuned from|derived from|"
            r"a fine-?tune of|a derivative of)\s+(?:the\s+)?(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['’]s?\s+)?"
            r"(?P<val>[\w./-]+(?:\s+[A-Z][\w.-]*)?)(?:\s+on\s+[A-Z]\w*)?\s*\.?$",
            re.I,
        ),
    ),
)
# "A sits on top of a Lumora model": the base is one of an organisation's models, whichever
_OWNER_BASE = re.compile(
    r"\b(?:based on|built on(?: top of)?|(?:sits?|sat|runs?|ran) on top of|fine-?tuned from|derived from|"
    r"a fine-?tune of|a derivative of)\s+(?:an?|one of)\s+(?P<val>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)(?:['’]s)?\s+"
    r"models?\s*\.?$"
)
RELEASED = re.compile(
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
    if len(named) > 1 and re.match(rf"(?:the\s+)?{re.escape(named[0])}['’]s?\s", claim, re.I):
        named = named[
            1:
        ]  # "Lumora's speech model Quill ...": the owner opens the claim, the model is its subject
    if named and re.match(rf"(?:the\s+)?{re.escape(named[0])}\b", claim, re.I):
        named = named[:1]  # the claim's grammatical subject: "A was released alongside B in May"
    found = [r for x in named for r in find(x, export)]
    if not found and named:
        # a family of one model ("Quill" with its one row, Quill-2-7B): that row is all of it
        own = members(named[0], export)
        found = own if len(own) == 1 and owned_by(named[0], own[0]) else []
    return ([found[0]], False) if len({id(r) for r in found}) == 1 else None


def _release_date(claim: str) -> tuple[str, str] | None:
    """The stretch of time of "A was (first) released in March 2025": only when the release is all the claim
    says (no other figure, superlative or comparison) and the date is no bound ("after", "by", "prior to")."""
    m = _RELEASE_CLAIM.match(claim)
    if m is None or _AUX.search(m.group("subject")) or _DEGREE.search(claim):
        return None
    rest = m.group("rest")
    span = named_span(rest)
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
    owner = _OWNER_BASE.search(claim) if field_pat is None else None
    if owner:
        field_pat, value = "base", owner.group("val")
    released = None
    if field_pat is None and RELEASED.search(claim):
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
        if owner:
            return _owner_base(claim, rows, key, value, export)
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
    negated = bool(NEGATED.search(claim))
    holds = all(ok for _, ok in results) if not negated else not any(ok for _, ok in results)
    deciding = [r for r, ok in results if ok == negated] if not holds else [r for r, _ in results]
    reason = "; ".join(f"{r.name}: {key} {r.fields[key]}" for r in deciding[:4])
    if universal:
        reason = f"{len(rows)} rows; " + reason
    return ("supports" if holds else "refutes"), [r.evidence for r in deciding], reason


def _owner_base(claim: str, rows: list[Record], key: str, owner: str, export: list[Record]) -> Found | None:
    """ "A is built on a Lumora model": A's declared base is a record the export gives to Lumora (a name's
    first word counts for it: "Lumora Labs"). A base the export has no record of gives no verdict."""
    full = organisation_named(owner, export) or owner
    results = []
    for r in rows:
        bases = find(r.fields[key], export)
        if len(bases) != 1:
            return None
        results.append((r, bases[0], owned_by(full, bases[0])))
    negated = bool(NEGATED.search(claim))
    holds = all(ok != negated for _, _, ok in results)
    reason = "; ".join(f"{r.name}: {key} {r.fields[key]}" for r, _, _ in results[:4])
    # the row and the base's own row, which names its owner
    cited = [e for r, base, _ in results for e in (r.evidence, base.evidence)]
    return ("supports" if holds else "refutes"), cited, reason
