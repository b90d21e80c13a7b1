"""Claims answered from the records of one statistics export (see records.py for how records are read).

Shapes, tried in order on each export (newest first); each returns (supports|refutes, cited records, reason)
or None when the claim is not of its shape or the export does not settle it:

- rank (record_ranks.py): "X was the most downloaded family in Y", "X is among the top three ... in every
  country": a record about Y (or every record) holds a ranking (nested items with a rank);
- attribute (record_attributes.py): "A is (not) licensed under L", "every X model is released under L", "A is
  built on B", "A was released in April 2025": a categorical or date field of the subject's row(s);
- superlative (record_ranks.py): "X is the family with the most derivative models", "A is the most downloaded
  X model": X against every record of its kind (in the group the claim names);
- share (record_shares.py): "half of A's derivatives are fine-tunes", "A accounts for a tenth of B's
  downloads": a part against a whole, from two counts;
- threshold (record_thresholds.py): "X has more than N <metric>", "A was downloaded roughly N times in the 30
  days to D": one record's field, or the sum of a group's rows.

The export must cover the claim (record_coverage.py): every name the claim uses appears in it (an owner,
"Lumora's Quill", may be named by another export instead); otherwise it is about something the export does not
count. Dates (record_when.py): an export is a snapshot. A claim that names another date is judged only where
the snapshot settles it (cumulative counts only grow); a past-tense claim without a date is not refuted by
today's figures.
"""

from __future__ import annotations

import calendar
import re

from assistant.retrieve.evidence import Evidence
from assistant.verify.findings import has
from assistant.verify.periods import MONTH_PATTERN
from assistant.verify.record_attributes import RELEASED, attribute
from assistant.verify.record_coverage import Found, names, uncovered
from assistant.verify.record_ranks import only_ahead, rank, superlative, top_places
from assistant.verify.record_shares import share
from assistant.verify.record_thresholds import threshold
from assistant.verify.record_when import PAST, claim_span
from assistant.verify.records import Record, by_export, find

# evidence whose figures do not speak for the claim: another subject, hearsay, a question
_NOT_ABOUT_IT = ("entity-gap", "rumour", "hedged", "question")


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
    if _HELD.search(claim):
        return held_each_month(claim, [export for _, export in exports])
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
            or top_places(claim, export, headers.get(export[0].doc_id, ""))
            or only_ahead(claim, export, headers.get(export[0].doc_id, ""))
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


# "A's monthly downloads stayed flat from July to October 2026, at just under 17 million": a level held in
# each month of a span
_HELD = re.compile(
    rf"\b(?:stayed|remained|held|hovered)\b.*?\b(?P<span>from\s+(?P<m1>{MONTH_PATTERN})\s+(?:to|through|until)\s+"
    rf"(?P<m2>{MONTH_PATTERN})\s+(?P<year>(?:19|20)\d\d))\b"
)
_MONTHS = list(calendar.month_name)


def held_each_month(claim: str, exports: list[list[Record]]) -> Found | None:
    """A level held over a span of months is the claim's figure in each month's export ("in July 2026", ...,
    "in October 2026"): every month within it supports, one month outside refutes, a month without its export
    leaves it open. Not the newest month alone, which says nothing of the others."""
    m = _HELD.search(claim)
    if m is None:
        return None
    first, last = _MONTHS.index(m.group("m1")), _MONTHS.index(m.group("m2"))
    if last <= first:
        return None
    found = []
    for month in range(first, last + 1):
        one = claim[: m.start("span")] + f"in {_MONTHS[month]} {m.group('year')}" + claim[m.end("span") :]
        end = f"{m.group('year')}-{month:02d}"
        dated = [e for e in exports if (e[0].date or "").startswith(end)]
        result = next((f for e in dated if (f := threshold(one, e)) is not None), None)
        if result is None:
            return None
        found.append(result)
    stance = "refutes" if any(f[0] == "refutes" for f in found) else "supports"
    decisive = [f for f in found if f[0] == stance]
    return stance, [e for f in decisive for e in f[1]], "; ".join(f[2] for f in decisive)


def _dates_a_release(claim: str) -> bool:
    m = RELEASED.search(claim)
    return m is not None and claim_span(claim[m.end() :]) is not None
