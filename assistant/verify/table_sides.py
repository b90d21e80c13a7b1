"""The rows that stand for one side of a comparison in one export: a record about the name itself, else the rows
of the group it names ("Lumora's and Orrin's models put together": both groups). An owner before the name must
be the records' organisation, and a word that describes a family ("the Gaura robotics models") names the family
unless its rows' ids use it. Also a side's total, shown, and with the rounding of its written figures."""

from __future__ import annotations

import re

from assistant.verify.records import (
    GROUP_KEYS,
    Record,
    enough_members,
    find,
    group_members,
    members,
    norm_value,
    precision,
)


def _group(name: str, export: list[Record], together: bool = False) -> list[Record] | None:
    """The rows of the group a name stands for; "Lumora's and Orrin's models put together" (two owners, added
    up): both groups' rows. Without "together" or "combined", "more than A and B" may mean more than each."""
    parts = [p for p in re.split(r"\s*,\s*|\s+and\s+", name) if p]
    if len(parts) > 1 and not together:
        return None
    out: list[Record] = []
    for part in parts:
        part = re.sub(r"['’]s?$", "", part)
        own = find(part, export)
        # an organisation by its name's first word too ("every Lumora model": Lumora Labs' rows)
        rows = own if len(parts) > 1 and len(own) == 1 else group_members(part, export)
        if not rows:
            return None
        out += [r for r in rows if r not in out]
    return (
        out
        if len(out) >= 2 or (len(parts) == 1 and enough_members(re.sub(r"['’]s?$", "", parts[0]), out))
        else None
    )


_OWNED = re.compile(r"^(?P<owner>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)['’]s?\s+(?P<thing>[A-Z].*)$")


def _owner_holds(owner: str, rows: list[Record]) -> bool:
    """ "Lumora's Quill": each row names as its family or organisation the owner, or a longer or shorter form
    of it ("Lumora Labs", "lumora")."""
    o = norm_value(owner)

    def owns(r: Record) -> bool:
        values = [norm_value(r.fields.get(k, "")) for k in GROUP_KEYS if k != r.key]
        return any(v and (v.startswith(o) or o.startswith(v)) for v in values)

    return bool(o) and bool(rows) and all(owns(r) for r in rows)


_DESCRIBED = re.compile(r"^(?P<head>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)\s+(?P<word>[a-z][a-z-]+)$")


def side_rows(
    name: str, export: list[Record], groups: bool, together: bool = False, every: list[Record] | None = None
) -> list[Record] | None:
    """One record about ``name``; or, when ``groups``, the rows of the group it names ("Quill-3" models). An
    owner before the name ("Lumora's Quill") must be the records' organisation. ``every``: the records of all
    exports, where a describing word is looked for in the ids (default: this export's)."""
    owned = _OWNED.match(name)
    if owned and not find(name, export) and not members(name, export):
        rows = side_rows(owned.group("thing"), export, groups, together, every)
        return rows if rows and _owner_holds(owned.group("owner"), rows) else None
    own = find(name, export)
    if len(own) == 1:
        return own
    described = _DESCRIBED.match(name)
    if not own and described and not members(name, export):
        # "the Gaura robotics models": a word that describes the family, unless its rows' ids use it (then
        # "Quill code models" are the Quill coder models, a part of the family)
        head, word = described.group("head"), described.group("word").lower()
        scope = export if every is None else every
        ids = {t for r in members(head, scope) for t in re.split(r"[\W_]+", (r.name or "").lower())}
        if not any(len(t) >= 4 and (t.startswith(word) or word.startswith(t)) for t in ids):
            return side_rows(head, export, groups, together, every)
        # "the Lark chat family" where every one of its rows' ids says "chat": the word describes the whole family
        family = members(head, export)
        if family and all(_id_uses(r, word) for r in family):
            return side_rows(head, export, groups, together, every)
    if groups and not own:
        return _group(name, export, together)
    return None


def _id_uses(rec: Record, word: str) -> bool:
    tokens = re.split(r"[\W_]+", (rec.name or "").lower())
    return any(len(t) >= 4 and (t.startswith(word) or word.startswith(t)) for t in tokens)


def shown_total(side: list[Record], key: str, total: float) -> str:
    return side[0].fields[key] if len(side) == 1 else f"{total:,.0f} ({len(side)} rows)"


def bounds_of(side: list[Record], key: str) -> tuple[float, float]:
    """A side's total with the rounding of its written figures: (lowest, highest)."""
    total = sum(r.value(key) or 0.0 for r in side)
    slack = sum(precision(r.fields[key], key) for r in side)
    return total - slack, total + slack
