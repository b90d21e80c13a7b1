"""A against every other record of its kind in one export: "A has more X than any other (embedding) family", "no
family has more X than A" (a tie allowed). A rival ahead refutes only where it is known to be of the kind the
claim names: by its own fields, or where a document calls it one (record_names, described_as)."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.retrieve.evidence import Evidence
from assistant.verify.record_ranks import partial_scope
from assistant.verify.record_when import past_undated, timing
from assistant.verify.records import Record, find, members, norm_value
from assistant.verify.records import metric as record_metric
from assistant.verify.table_claims import Comparison


def _is_kind(kind: str, rec: Record, export: list[Record]) -> bool:
    """Is the record one of the kind the claim names ("embedding")? Only where its own fields say so (a task or
    category column); no field, no knowing."""
    k = norm_value(kind)
    return bool(k) and any(k in norm_value(v) for key, v in rec.fields.items() if key != rec.key)


def record_names(rec: Record) -> list[str]:
    """The names a document may call a record by: its own name without the owner prefix ("Quill-3-8B"), and
    its family's."""
    out = [(rec.name or "").rsplit("/", 1)[-1]]
    family = rec.fields.get("family", "")
    if family and rec.key != "family":
        out.append(family)
    return [n for n in out if len(n) >= 3]


_KIND_NOUN = r"[\w-]*\s+(?:models?|famil(?:y|ies)|series)\b"


def described_as(kind: str, names: list[str], sentence: str) -> bool:
    """Does the sentence call one of the names a ``kind`` of model ("Quill-3-8B, a robotics-control model",
    "Lumora's robotics family, Quill", "the Quill robotics models")? The kind word with its noun right beside
    the name (an article, a verb "is" or one adjective between), not merely in the same sentence."""
    k = re.escape(kind.strip())
    for name in names:
        n = re.escape(name).replace(r"\-", r"[-\s]?")
        after = (
            rf"\b{n}\b(?:['’]s)?,?\s+(?:(?:is|was|are|were)\s+)?(?:(?:an?|the|its|their)\s+)?(?:[\w-]+\s+)?"
            rf"{k}{_KIND_NOUN}"
        )
        before = rf"\b{k}{_KIND_NOUN},?\s+(?:called\s+|named\s+)?{n}\b"
        if re.search(after, sentence, re.I) or re.search(before, sentence, re.I):
            return True
    return False


def against_peers(
    claim: str,
    c: Comparison,
    export: list[Record],
    headers: dict[str, str] | None,
    kind_of: Callable[[Record, str], bool] | None = None,
) -> tuple[str, list[Evidence], str] | None:
    """ "A has more X than any other (embedding) family", "no family has more X than A": A's record against
    every other record of its kind in one export (a family's against the families', a model's against the
    models'; "than any other Lark model": Lark's rows). A rival ahead refutes only where it is of the kind the
    claim names (a robotics model ahead of an embedding model says nothing of "any other embedding model"): by
    its own fields, or where ``kind_of`` finds a document that calls it one; A ahead of every record of its
    kind supports, unless the export lists only part of the hub."""
    own = find(c.a, export)
    if len(own) != 1:
        return None
    x = own[0]
    group = members(c.peers, export) if c.peers else []
    rivals = [r for r in (group or export) if r is not x and r.key == x.key]
    if not rivals or timing(claim, x.date, None) not in ("undated", "same"):
        return None
    key = record_metric(c.metric + " " + claim, [x, *rivals])
    if key is None:
        return None
    mine = x.value(key) or 0.0
    ahead = [r for r in rivals if ((r.value(key) or 0.0) > mine if c.more else (r.value(key) or 0.0) < mine)]
    tied = [r for r in rivals if (r.value(key) or 0.0) == mine]
    if ahead:
        # an unqualified kind ("any other family"), a group's rows, or a rival whose fields say it is that kind
        known = [
            r
            for r in ahead
            if not c.peers
            or group
            or _is_kind(c.peers, r, export)
            or (kind_of is not None and kind_of(r, c.peers))
        ]
        if not known:
            return None
        top = max(known, key=lambda r: (r.value(key) or 0.0) if c.more else -(r.value(key) or 0.0))
        if past_undated(claim) and timing(claim, x.date, None) == "undated":
            return None  # "A had more X than any other", no date: perhaps before this export
        return (
            "refutes",
            [x.evidence, top.evidence],
            f"{key}: {x.name} {x.fields[key]}, {top.name} {top.fields[key]}",
        )
    if (tied and not c.tie_ok) or (not group and partial_scope(claim, (headers or {}).get(x.doc_id, ""))):
        return None
    best = max(rivals, key=lambda r: (r.value(key) or 0.0) if c.more else -(r.value(key) or 0.0))
    reason = f"{key}: {x.name} {x.fields[key]}, next {best.name} {best.fields[key]} ({len(rivals)} others)"
    return "supports", [x.evidence, best.evidence], reason
