"""A figure against one record or a group's sum: "X has more than N <metric>", "A was downloaded roughly N times
in the 30 days to D", "the B models together had more than N", "A and B together ..." (the listed records added
up). A claim dated away from the snapshot is decided only where a count that only grows settles it."""

from __future__ import annotations

import re

from assistant.verify.alignment import compare
from assistant.verify.periods import window
from assistant.verify.quantities import extract_quantities, word_figures
from assistant.verify.quantity import WORD_NUMBERS, Quantity
from assistant.verify.record_coverage import PERIOD_NAME, Found, names
from assistant.verify.record_when import past_undated, timing
from assistant.verify.records import (
    Record,
    concept,
    enough_members,
    field_window,
    find,
    members,
    metric,
    metrics,
    named_kinds,
    only_grows,
    precision,
)

_CHANGE = re.compile(
    r"\b(?:rose|risen|rise[sn]?|grew|grown|grows?|fell|fallen|falls?|increased?|decreased?|declined?|dropped|"
    r"gained|lost|doubled|tripled|halved|changed?|jumped|climbed)\b|\bbetween\b.+\band\b|\bsince\b",
    re.I,
)


# --- a figure against one record, or a group's sum ------------------------------------------------------

_ADDITIVE = ("download", "derivative", "fine_?tun", "quanti[sz]", "adapter", "merge", "like")


# "More than 100,000 models are derivatives of Quill": the models counted are Quill's derivatives
_DERIVED = re.compile(
    r"\b(?:are|were)\s+(?:all\s+)?(?:derivatives?|fine-?tunes?|quanti[sz]ations?|adapters?|merges?)\s+of\b",
    re.I,
)


def claim_figure(claim: str) -> Quantity | None:
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
        ) and not _DERIVED.search(claim[q.end :]):
            continue
        if re.match(
            r"\s+(?:most|least|largest|biggest|smallest|highest|lowest)\b", claim[q.end :]
        ) or re.search(r"\btop\s+$", claim[: q.start]):
            continue  # "the two most downloaded models", "the top three": places on a ranking, no count
        if PERIOD_NAME.match(claim[q.start :]):
            continue  # "30-day downloads": the period the count runs over, not a count
        if q.describes:
            # "a fine-tune of Lumora's 14-billion-parameter code model": a size written into what names the
            # model, which no export's count (fine-tunes, downloads) measures
            continue
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
    figure = claim_figure(claim)
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
