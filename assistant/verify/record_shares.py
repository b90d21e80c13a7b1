"""A share of a whole, from two counts of one export: "at least half of A's derivatives are fine-tunes" (a part
field against a whole field of the same records), "A accounts for a tenth of B's downloads" (one name's count
against the sum over a group that holds it), "most A derivatives are quantizations" (more than half)."""

from __future__ import annotations

import re

from assistant.verify.alignment import compare
from assistant.verify.quantity import Quantity
from assistant.verify.record_coverage import Found
from assistant.verify.record_thresholds import claim_figure
from assistant.verify.record_when import MONTHS, timing
from assistant.verify.records import Record, enough_members, find, members, metric, organisation_named

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
_DAY_MONTH_YEAR = r"(?:\d{1,2}\s+)?(?:" + "|".join(MONTHS) + r")(?:\s+\d{1,2},?)?\s+\d{4}"
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
    figure = claim_figure(claim)
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
