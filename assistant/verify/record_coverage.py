"""Does an export cover a claim? The claim's names (without dates, the platform or an opening preposition), and
which of them the export's text does not mention; an owner ("Lumora's Quill") may be named by another export's
records instead, and an owner the records contradict leaves the export out. Also what every shape of
record_checks shares: the Found it returns, and negation."""

from __future__ import annotations

import re

from assistant.retrieve.evidence import Evidence
from assistant.verify.claims import entities
from assistant.verify.record_when import QUARTER
from assistant.verify.records import GROUP_KEYS, Record, find, members, norm_value

Found = tuple[str, list[Evidence], str]

NEGATED = re.compile(r"\b(?:not|never|no longer)\b|n't\b", re.I)


# --- coverage -------------------------------------------------------------------------------------------


# "30-day" downloads: a period, not a name
PERIOD_NAME = re.compile(r"\d+[- ](?:day|week|month|year)s?", re.I)


def _is_date_name(name: str) -> bool:
    return bool(QUARTER.search(name) or re.fullmatch(r"(?:Q[1-4]\s*)?\d{4}", name))


# a preposition that opens a claim ("Among the models in X, ...", "According to X's export, ...") is
# capitalised, not a name
_OPENING_WORDS = frozenset(("Among", "Amongst", "Across", "Between", "Within", "Of", "Out", "According"))


# "built on Quill", "fine-tuned on Lark": a model the claim's models start from, not the platform they sit on
_BASE_ON = r"(?:built|based|trained|fine-?tuned|developed|founded|sits?|sat)\s+(?:directly\s+)?on"


def _platform(name: str, claim: str) -> bool:
    """ "on ModelYard" scopes the claim to a platform; "built on Quill" names the base."""
    on = rf"\bon\s+{re.escape(name)}\b"
    return bool(re.search(on, claim)) and not re.search(rf"\b{_BASE_ON}\s+{re.escape(name)}\b", claim, re.I)


def names(claim: str) -> list[str]:
    """The claim's names, without dates and without the platform ("on ModelYard" scopes, it does not name)."""
    out = []
    for name in entities(claim):
        name = re.sub(r"^(?:All|Every|Each|Both|Only|Of)\s+", "", name)
        if (
            _is_date_name(name)
            or name in _OPENING_WORDS
            or _platform(name, claim)
            or PERIOD_NAME.fullmatch(name)
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
