"""Comparisons over statistics records: "A has more <metric> than B", "A alone has more fine-tunes than all B
models combined", "the B models together had more than N downloads".

Each side is a record about the name itself (see records.py), or else the rows of the group it names, added
up; both sides come from one export, and a claim about another date than the export's snapshot is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.retrieve.evidence import Evidence
from assistant.verify.alignment import compare
from assistant.verify.claims import entities
from assistant.verify.quantities import extract_quantities, fraction_percent
from assistant.verify.quantity import WORD_NUMBERS, Quantity
from assistant.verify.record_coverage import names
from assistant.verify.record_ranks import partial_scope
from assistant.verify.record_thresholds import threshold
from assistant.verify.record_when import claim_span, past_undated, timing
from assistant.verify.records import (
    GROUP_KEYS,
    Record,
    by_export,
    enough_members,
    field_window,
    find,
    members,
    norm_value,
    number,
    only_grows,
    precision,
    records,
)
from assistant.verify.records import metric as record_metric

# the verbs a hub's counts are reported with: "has", "received", "spawned", "attracted", "racked up"
_HAS = (
    r"(?:has|have|had|got|gets|received|receives|spawned|spawns|attracted|attracts|accumulated|accumulates|"
    r"gathered|gathers|collected|collects|drew|draws|racked\s+up|counted|counts)"
)
# "have spawned": the auxiliary of a perfect tense before the verb
_ADVERBS = r"(?:alone\s+|still\s+|now\s+|currently\s+|already\s+|also\s+|even\s+)*(?:(?:has|have|had)\s+(?=\w+ed\b|had\b|drawn\b|got\b|gotten\b))?"
_COMPARATIVE = re.compile(
    r"^(?P<a>.+?)\s+" + _ADVERBS + _HAS + r"\s+"
    r"(?:still\s+|already\s+)?(?P<dir>more|fewer|less)\s+"
    r"(?P<metric>.+?)\s+(?:on\s+\S+\s+)?than\s+(?:the\s+)?(?P<b>.+?)(?:\s+(?:does|did|do|has|have))?"
    r"(?:\s+on\s+\S+)?(?:\s+combined)?\.?$",
    re.I,
)
# "Sandelis listed more quantized versions of A than of B": the counted thing's owner after "of"
_OF_THAN = re.compile(
    r"^(?:.+?\s+)?(?:listed|lists|list|had|has|have|counted|counts|showed|shows|recorded|records|hosted|hosts|"
    # what developers made of each: "Developers have produced more fine-tunes of A than of B"
    r"produced|produce|produces|made|make|makes|created|create|creates|published|publish|publishes|built|build)\s+"
    r"(?P<dir>more|fewer|less)\s+(?P<metric>.+?)\s+(?:of|for|built\s+on|based\s+on)\s+(?:the\s+)?(?P<a>.+?)\s+"
    r"than\s+(?:of|for|on)\s+(?:the\s+)?(?P<b>.+?)\.?$",
    re.I,
)
# "A was ahead of B on derivative models", "A is behind B in fine-tunes": a comparison by place
_AHEAD = re.compile(
    r"^(?P<a>.+?)\s+(?:is|are|was|were|stays|stayed|remains|remained|has\s+been|had\s+been)\s+"
    r"(?:still\s+|already\s+|well\s+|narrowly\s+|just\s+)*(?P<dir>ahead\s+of|behind)\s+(?:the\s+)?(?P<b>.+?)\s+"
    r"(?:on|in|by)\s+(?:the\s+number\s+of\s+)?(?P<metric>[a-z][\w\s-]*?)(?:\s+on\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)?\.?$",
    re.I,
)
# "No model family on X has more derivatives than A": A against every other record of its kind, a tie allowed
_NONE_MORE = re.compile(
    r"^(?:no|not\s+one|none\s+of\s+the)\s+(?:other\s+)?(?P<kind>[\w\s-]+?)\s+(?:on\s+\S+\s+)?"
    + _ADVERBS
    + _HAS
    + r"\s+(?P<dir>more|fewer|less)\s+(?P<metric>.+?)\s+(?:on\s+\S+\s+)?than\s+(?:the\s+)?(?P<a>.+?)"
    r"(?:\s+(?:does|did|do|has|have))?(?:\s+on\s+\S+)?\.?$",
    re.I,
)
# "than any other embedding family": what the other records are, beyond being families or models
_OTHER = re.compile(r"^(?:any|every|each)\s+other\s+", re.I)
_PEER_NOUN = re.compile(
    r"\b(?:model\s+)?(?:famil(?:y|ies)|models?|repos?|repositor(?:y|ies)|series|organi[sz]ations?|publishers?)$",
    re.I,
)


# "A models are (currently) downloaded more often (each month) than B models"
_PASSIVE = re.compile(
    r"^(?P<a>.+?)\s+(?:is|are|was|were|has been|have been|had been)\s+(?:still\s+|now\s+|currently\s+)*"
    r"(?P<verb>downloaded|liked|fine-?tuned|quantized)\s+(?P<dir>more|less)\s+(?:often|times|frequently|widely)?"
    r"(?P<rest>.*?)\s+than\s+(?:the\s+)?(?P<b>.+?)(?:\s+(?:are|were|is|was|do|did))?(?:\s+combined)?\.?$",
    re.I,
)


# "A had more than five times as many downloads as B", "A has twice as many fine-tunes as B"
_TIMES = re.compile(
    r"^(?P<a>.+?)\s+" + _ADVERBS + _HAS + r"\s+"
    r"(?:(?P<cmp>more than|over|at least|nearly|almost|about|around|roughly|less than|fewer than|under)\s+)?"
    r"(?:(?P<twice>twice|double|triple)|(?P<n>\w+(?:\s+and\s+a\s+half)?|\d+\.\d+)\s+times)\s+"
    r"(?P<kind>as\s+many|as\s+much|more|the\s+number\s+of)\s+(?P<metric>.+?)\s+(?:as|than)\s+(?P<b>.+?)\.?$",
    re.I,
)
# "A was downloaded more than twice as often as B"
_PASSIVE_TIMES = re.compile(
    r"^(?P<a>.+?)\s+(?:is|are|was|were|has been|have been|had been)\s+(?:still\s+|now\s+|currently\s+)*"
    r"(?P<metric>downloaded|liked|fine-?tuned|quantized)\s+"
    r"(?:(?P<cmp>more than|over|at least|nearly|almost|about|around|roughly|less than|fewer than|under)\s+)?"
    r"(?:(?P<twice>twice|double|triple)|(?P<n>\w+(?:\s+and\s+a\s+half)?|\d+\.\d+)\s+times)\s+"
    r"(?P<kind>as\s+often|as\s+many\s+times|more\s+often|more)\s+(?:as|than)\s+(?P<b>.+?)\.?$",
    re.I,
)
_TIMES_WORDS = {"twice": 2.0, "double": 2.0, "triple": 3.0}
_RATIO_BOUND = {
    "more than": "gt",
    "over": "gt",
    "at least": "ge",
    "nearly": "lt",
    "almost": "lt",
    "less than": "lt",
    "fewer than": "lt",
    "under": "lt",
    "about": "approx",
    "around": "approx",
    "roughly": "approx",
}
_ANY = re.compile(r"^(?:any|every|each)\s+(?:other\s+)?", re.I)


@dataclass
class Comparison:
    a: str
    b: str
    metric: str
    more: bool
    # "N times as many": the claimed ratio A/B, its bound ("gt", "approx", ...), and whether "N times more"
    # (read either as N or N + 1 times as many) was said
    times: float | None = None
    bound: str = "eq"
    times_more: bool = False
    each: bool = False  # "than any Lark model": A against each of B's rows, not their sum
    # "than any other embedding family", "no family has more": A against every other record of its own kind
    # (families against families); ``peers`` holds the words that narrow the kind ("embedding"), "" for none
    peers: str | None = None
    tie_ok: bool = False  # "no family has more than A": a tie does not break it


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
# a date after the second side ("than B at the end of October", "than B in Sandelis's October export") says
# when, not who: the snapshot is chosen by timing()
_WHEN_AFTER = re.compile(
    r"\s+(?:(?:at|on|in|by|as\s+of)\s+(?:the\s+)?(?:(?:end|start|beginning|close)\s+of\s+)?(?:\d{1,2}\s+)?"
    + _MONTH
    + r"(?:\s+\d{1,2},?)?(?:\s+(?:19|20)\d\d)?|(?:in|on|at|as\s+of)\s+(?:(?:19|20)\d\d|the\s+\w+\s+(?:19|20)\d\d)"
    r"|in\s+(?:the\s+)?(?:[A-Z][\w.-]*['’]s\s+)?(?:" + _MONTH + r"\s+)?(?:(?:19|20)\d\d\s+)?"
    r"(?:export|snapshot|statistics|stats|data))$",
)


def _clean(x: str) -> str:
    """A side's name without articles, a leading date ("At the end of May 2025, A"), "the whole", "all of",
    "models", "combined" or "put together"."""
    x = re.sub(r"^(?:at|by|as of|in|on|until|over|during)\b[^,]{0,40}?\b\d{4},\s+", "", x.strip(), flags=re.I)
    # "Back in June 2026 A": a date that opens the claim without a comma still names no side
    x = re.sub(
        r"^(?i:(?:back\s+)?(?:in|by|as of|at the end of)\s+(?:\w+\s+)?(?:19|20)\d\d\s+)(?=[A-Z])", "", x
    )
    x = _WHEN_AFTER.sub("", x)
    for _ in range(3):
        x = re.sub(
            r"^(?:the whole|the entire|all of the|all of|all the|the|all|whole|entire)\s+"
            r"|^(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?=\S+\s+models?\b)|^(?:in|on|at)\s+\S+(?:\s+\d{4})?,\s+"
            r"|['’]s?$|\s+(?:models?|family|families|combined|put together|together|between them|on (?:its|their) own)$",
            "",
            x.strip(),
            flags=re.I,
        )
    return x.strip()


def _times(n: str) -> float | None:
    """A multiple in words or digits: "five", "5", "1.5", "one and a half" (1.5), "two and a half" (2.5)."""
    whole, half = re.subn(r"\s+and\s+a\s+half$", "", n)
    value = WORD_NUMBERS.get(whole) or number(whole)
    return value + 0.5 * half if value else None


def parse_comparison(claim: str) -> Comparison | None:
    text = " ".join(claim.split())
    t = _TIMES.match(text) or _PASSIVE_TIMES.match(text)
    if t:
        n = (t.group("n") or "").lower()
        times = _TIMES_WORDS.get((t.group("twice") or "").lower()) or _times(n)
        if not times or times <= 1:
            return None
        b, each = _ANY.subn("", t.group("b").strip())
        return Comparison(
            _clean(t.group("a")),
            _clean(b),
            t.group("metric"),
            True,
            times,
            _RATIO_BOUND.get((t.group("cmp") or "").lower(), "eq"),
            t.group("kind").lower().startswith("more"),
            bool(each),
        )
    none_more = _NONE_MORE.match(text)
    if none_more and _PEER_NOUN.search(none_more.group("kind")):
        kind = _PEER_NOUN.sub("", none_more.group("kind")).strip()
        # "no family has more than A" says A has at least as many as each; "no family has fewer" the reverse
        more = none_more.group("dir").lower() == "more"
        return Comparison(
            _clean(none_more.group("a")), "", none_more.group("metric"), more, peers=kind, tie_ok=True
        )
    ahead = _AHEAD.match(text)
    if ahead:
        more = ahead.group("dir").lower().startswith("ahead")
        return Comparison(_clean(ahead.group("a")), _clean(ahead.group("b")), ahead.group("metric"), more)
    of = _OF_THAN.match(text)
    if of:
        return Comparison(
            _clean(of.group("a")),
            _clean(of.group("b")),
            of.group("metric"),
            of.group("dir").lower() == "more",
        )
    m = _COMPARATIVE.match(text)
    passive = None if m else _PASSIVE.match(text)
    if not m and not passive:
        return None
    if passive:
        metric = f"{passive.group('verb')} {passive.group('rest')}".strip()
        a, b, more = passive.group("a"), passive.group("b"), passive.group("dir").lower() == "more"
    else:
        metric, a, b, more = m.group("metric"), m.group("a"), m.group("b"), m.group("dir").lower() == "more"
    other = _OTHER.match(b.strip())
    if other and _PEER_NOUN.search(_WHEN_AFTER.sub("", b.strip())) and not _TOGETHER.search(b):
        kind = _PEER_NOUN.sub("", _WHEN_AFTER.sub("", b.strip()[other.end() :])).strip()
        return Comparison(_clean(a), "", metric, more, peers=kind)
    b, each = _ANY.subn("", b.strip())
    # "than every B and C model put together": the rows added up, not each of them
    each = each and not _TOGETHER.search(b)
    return Comparison(_clean(a), _clean(b), metric, more, each=bool(each))


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
        rows = own if len(parts) > 1 and len(own) == 1 else members(part, export)
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


def _side(
    name: str, export: list[Record], groups: bool, together: bool = False, every: list[Record] | None = None
) -> list[Record] | None:
    """One record about ``name``; or, when ``groups``, the rows of the group it names ("Quill-3" models). An
    owner before the name ("Lumora's Quill") must be the records' organisation. ``every``: the records of all
    exports, where a describing word is looked for in the ids (default: this export's)."""
    owned = _OWNED.match(name)
    if owned and not find(name, export) and not members(name, export):
        rows = _side(owned.group("thing"), export, groups, together, every)
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
            return _side(head, export, groups, together, every)
    if groups and not own:
        return _group(name, export, together)
    return None


def _shown(side: list[Record], key: str, total: float) -> str:
    return side[0].fields[key] if len(side) == 1 else f"{total:,.0f} ({len(side)} rows)"


def _bounds(side: list[Record], key: str) -> tuple[float, float]:
    """A side's total with the rounding of its written figures: (lowest, highest)."""
    total = sum(r.value(key) or 0.0 for r in side)
    slack = sum(precision(r.fields[key], key) for r in side)
    return total - slack, total + slack


def _ratio_stance(c: Comparison, a: tuple[float, float], b: tuple[float, float]) -> str | None:
    """Does A / B lie in the claimed ratio? "More than five times as many": every ratio the rounded figures
    allow is above 5 (supports) or none is (refutes). "N times more" is read both as N and as N + 1 times as
    many, and decides only where both readings agree."""
    if b[0] <= 0 or c.times is None:
        return None
    lo, hi = a[0] / b[1], a[1] / b[0]
    stances = set()
    for n in (c.times, c.times + 1) if c.times_more else (c.times,):
        claimed = Quantity(n, "count", c.bound, 0, 0, str(n)).interval(as_claim=True)
        clo, chi, lo_open, hi_open = claimed
        if c.bound == "eq":  # "five times as many": a rounded multiple, as a writer rounds 4.9 or 5.2
            clo, chi = n * 0.95, n * 1.05
        inside = (lo > clo or (lo == clo and not lo_open)) and (hi < chi or (hi == chi and not hi_open))
        apart = hi < clo or (hi == clo and lo_open) or lo > chi or (lo == chi and hi_open)
        stances.add("supports" if inside else "refutes" if apart else None)
    return stances.pop() if len(stances) == 1 else None


def _pair_stance(c: Comparison, a: list[Record], b: list[Record], key: str) -> tuple[str, str] | None:
    """(stance, what was compared) for the two sides, or None when their figures do not settle it."""
    if c.times is not None:
        if c.each:
            return None
        stance = _ratio_stance(c, _bounds(a, key), _bounds(b, key))
        if stance is None:
            return None
        va, vb = (sum(r.value(key) or 0.0 for r in side) for side in (a, b))
        return stance, f"{c.a} {_shown(a, key, va)}, {c.b} {_shown(b, key, vb)} ({va / vb:.2f} times)"
    va = sum(r.value(key) or 0.0 for r in a)
    rivals = [[r] for r in b if r not in a] if c.each else [b]
    if not rivals:
        return None
    values = [sum(r.value(key) or 0.0 for r in side) for side in rivals]
    if any(v == va for v in values):
        return None
    holds = all(va > v for v in values) if c.more else all(va < v for v in values)
    stance = "supports" if holds else "refutes"
    if c.each:  # the rival that decides: the strongest of B's rows
        top = rivals[max(range(len(values)), key=lambda i: values[i] if c.more else -values[i])][0]
        return (
            stance,
            f"{c.a} {_shown(a, key, va)}, {c.b}'s {'most' if c.more else 'fewest'}: {top.name} {top.fields[key]}",
        )
    return stance, f"{c.a} {_shown(a, key, va)}, {c.b} {_shown(b, key, values[0])}"


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


def _against_peers(
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


def compare_rows(
    claim: str,
    evidence: list[Evidence],
    recs: list[Record] | None = None,
    headers: dict[str, str] | None = None,
    kind_of: Callable[[Record, str], bool] | None = None,
) -> tuple[str, list[Evidence], str] | None:
    """(supports|refutes, the rows, reason) when both sides are records of one statistics export: a record
    each, or a group's rows added up ("A alone has more fine-tunes than all B models combined"), A against each
    of B's rows ("more than any B model"), or a ratio ("more than five times as many as B"). Records about the
    names themselves are preferred to groups, in any export, over summing rows; an export whose snapshot is
    not the date the claim names is passed over (another export may be of that date). ``recs``: the
    evidence's records, when already read."""
    comparison = parse_comparison(claim)
    if comparison is None or _kinds_claim(claim) is not None:
        recs = records(evidence) if recs is None else recs
        return (
            over_time(claim, recs)
            or growth_between(claim, recs)
            or lead(claim, recs)
            or gap_change(claim, recs)
            or overtaking(claim, recs)
            or kinds_compare(claim, recs)
        )
    recs = records(evidence) if recs is None else recs
    exports = by_export(recs)
    if comparison.peers is not None:
        return next(
            (
                f
                for export in exports.values()
                if (f := _against_peers(claim, comparison, export, headers, kind_of)) is not None
            ),
            None,
        )
    for groups in (False, True):
        for export in exports.values():
            together = bool(_TOGETHER.search(claim))
            a = _side(comparison.a, export, groups, together, recs)
            b = (
                members(comparison.b, export) or None
                if comparison.each
                else _side(comparison.b, export, groups, together, recs)
            )
            if a is None or b is None or a == b:
                continue
            when = timing(claim, export[0].date, None)
            if when not in ("undated", "same"):
                continue  # a claim about another date than this snapshot's
            key = record_metric(comparison.metric + " " + claim, a + b)
            if key is None:
                continue
            found = _pair_stance(comparison, a, b, key)
            if found is None:
                continue
            stance, reason = found
            if stance == "refutes" and when == "undated" and past_undated(claim):
                return None  # "A had more X than B", no date: perhaps before this export
            cited = a + [r for r in b if r not in a]
            return stance, [r.evidence for r in cited], f"{key}: {reason}"
    return None


# "Among derivatives of the A models, adapters outnumber quantized versions", "A's adapters outnumber its
# quantizations", "A has more adapters than quantizations": two counts of one name's records
_KINDS_AMONG = re.compile(
    r"^(?:among|of|in)\s+(?:the\s+)?(?:derivatives?|derivative\s+models|models)\s+(?:of|built\s+on|based\s+on|"
    r"for)\s+(?:the\s+)?(?P<a>.+?),\s+(?:the\s+)?(?P<x>.+?)\s+(?P<verb>outnumber(?:s|ed)?|(?:are|were)\s+"
    r"(?:more|fewer)\s+(?:numerous\s+)?than|(?:are|were)\s+outnumbered\s+by)\s+(?:the\s+)?(?P<y>.+?)\.?$",
    re.I,
)
_KINDS_OWNED = re.compile(
    r"^(?:the\s+)?(?P<a>[A-Z].*?)['’]s?\s+(?P<x>[a-z][\w\s-]*?)\s+(?P<verb>outnumber(?:s|ed)?|(?:are|were)\s+"
    r"outnumbered\s+by)\s+(?:its|their|the|(?P=a)['’]s?)\s+(?P<y>[a-z][\w\s-]*?)\.?$"
)


def _kinds_claim(claim: str) -> tuple[str, str, str, bool] | None:
    """(name, more-counted words, fewer-counted words, undated-past?) for a claim that two counts of one
    name compare, or None."""
    text = " ".join(claim.split())
    m = _KINDS_AMONG.match(text) or _KINDS_OWNED.match(text)
    if m is not None:
        verb = m.group("verb").lower()
        x, y = m.group("x"), m.group("y")
        if "fewer" in verb or "outnumbered" in verb:
            x, y = y, x
        return m.group("a"), x, y, False
    c = parse_comparison(text)
    if c is None or c.peers is not None or c.times is not None or c.each or re.search(r"[A-Z0-9]", c.b):
        return None
    # "A has more adapters than quantizations": the second side is a kind of count, not a name
    return (c.a, c.metric, c.b, False) if c.more else (c.a, c.b, c.metric, False)


def kinds_compare(claim: str, recs: list[Record]) -> tuple[str, list[Evidence], str] | None:
    """Two counts of one name's records: "among the derivatives of A, adapters outnumber quantizations". From
    the name's own record, else its group's rows added up, in the newest export of the claim's date that
    has both counts."""
    found = _kinds_claim(claim)
    if found is None:
        return None
    name, more_words, fewer_words, _ = found
    for groups in (False, True):
        for export in by_export(recs).values():
            side = _side(_clean(name), export, groups, every=recs)
            if not side or timing(claim, side[0].date, None) not in ("undated", "same"):
                continue
            hi, lo = record_metric(more_words, side), record_metric(fewer_words, side)
            if hi is None or lo is None or hi == lo or field_window(hi) != field_window(lo):
                continue
            (hlo, hhi), (llo, lhi) = _bounds(side, hi), _bounds(side, lo)
            if hhi >= llo and lhi >= hlo:
                return None  # within the rounding of the figures
            holds = hlo > lhi
            if not holds and past_undated(claim) and timing(claim, side[0].date, None) == "undated":
                return None
            vh, vl = (sum(r.value(k) or 0.0 for r in side) for k in (hi, lo))
            reason = f"{_clean(name)}: {hi} {_shown(side, hi, vh)}, {lo} {_shown(side, lo, vl)}"
            return ("supports" if holds else "refutes"), [r.evidence for r in side], reason
    return None


# "A's downloads over the previous 30 days were higher at the end of June 2025 than at the end of March 2025"
_OVER_TIME = re.compile(
    r"^(?P<subject>.+?)\s+(?:was|were|is|are|stood)\s+(?P<dir>higher|greater|larger|more|lower|smaller|less|fewer)\s+"
    r"(?P<t2>(?:at|on|in|by|as\s+of)\s+.+?)\s+than\s+(?P<t1>(?:at|on|in|by|as\s+of)\s+.+?)\.?$",
    re.I,
)


def _at_date(
    name: str, words: str, when: str, exports: list[list[Record]]
) -> tuple[list[Record], str] | None:
    """The records about ``name`` (its own record, else its group's rows) in the export whose snapshot is the
    date ``when`` names, and the field the words count."""
    for groups in (False, True):
        for export in exports:
            if timing(when, export[0].date, None) != "same":
                continue
            side = _side(name, export, groups)
            key = record_metric(words, side) if side else None
            if side and key:
                return side, key
    return None


def over_time(claim: str, recs: list[Record]) -> tuple[str, list[Evidence], str] | None:
    """One name's figure at two dates, each from the export of that date: "A's downloads over the previous 30
    days were higher at the end of June than at the end of March" (a 30-day count can fall, so only the two
    snapshots decide)."""
    m = _OVER_TIME.match(" ".join(claim.split()))
    if m is None:
        return None
    subject = m.group("subject")
    found = [n for n in names(subject) if not re.fullmatch(r"\d{4}", n)]
    if len(found) != 1 or claim_span(m.group("t1")) is None or claim_span(m.group("t2")) is None:
        return None
    exports = list(by_export(recs).values())
    first, last = (_at_date(found[0], subject, m.group(t), exports) for t in ("t1", "t2"))
    if first is None or last is None or field_window(first[1]) != field_window(last[1]):
        return None
    (lo1, hi1), (lo2, hi2) = _bounds(*first), _bounds(*last)
    up = m.group("dir").lower() in ("higher", "greater", "larger", "more")
    if lo2 > hi1 or hi2 < lo1:
        holds = (lo2 > hi1) == up
    else:
        return None  # within the rounding of the figures
    v1, v2 = (sum(r.value(key) or 0.0 for r in rows) for rows, key in (first, last))
    reason = (
        f"{found[0]}: {first[1]} {_shown(first[0], first[1], v1)} ({first[0][0].date}), "
        f"{last[1]} {_shown(last[0], last[1], v2)} ({last[0][0].date})"
    )
    cited = [r.evidence for r in first[0] + last[0]]
    return ("supports" if holds else "refutes"), cited, reason


# "A cut its all-time download deficit to B by more than half between the end of June and the end of October"
_GAP_WORD = re.compile(r"\b(?:deficit|gap|lead)\b", re.I)
_NARROWS = re.compile(r"\b(?:cut|cutting|cuts|narrow\w*|clos(?:e|ed|es|ing)|shr[aiu]nk\w*|reduc\w*)\b", re.I)
_WIDENS = re.compile(r"\b(?:widen\w*|extend\w*|increas\w*|grew|grow\w*)\b", re.I)
_BY_FRACTION = re.compile(
    r"\bby\s+(?:(?P<cmp>more than|over|at least|nearly|almost|about|around|roughly|less than|under)\s+)?"
    r"(?P<frac>half|(?:a|one)\s+(?:third|quarter|fifth|tenth)|two[ -]thirds|three[ -]quarters|(?:two|three)[ -]fifths|"
    r"\d+(?:\.\d+)?\s*(?:%|percent))",
    re.I,
)
_BETWEEN = re.compile(r"\bbetween\s+(?P<t1>.+?)\s+and\s+(?P<t2>.+?\b(?:19|20)\d\d)\b", re.I)


def _sides_between(text: str, span: re.Match, found: list[str], recs: list[Record]) -> list[list] | None:
    """Each name's rows and field at each date of "between T1 and T2", from the export of that date (T1 takes
    T2's year when it names none: "between June and October 2026"); None when a date or a side is missing."""
    t1, t2 = span.group("t1"), span.group("t2")
    if not re.search(r"\b(?:19|20)\d\d\b", t1):
        t1 += " " + re.findall(r"\b(?:19|20)\d\d\b", t2)[-1]
    if claim_span(t1) is None or claim_span(t2) is None:
        return None
    exports = list(by_export(recs).values())
    sides = [[_at_date(name, text, when, exports) for name in found] for when in (t1, t2)]
    return None if any(x is None for pair in sides for x in pair) else sides


def gap_change(claim: str, recs: list[Record]) -> tuple[str, list[Evidence], str] | None:
    """The gap between two names' figures at two snapshots, each from the export of its date: "A cut its
    all-time download deficit to B by more than half between the end of June and the end of October". Only
    a change by a fraction of the first gap is read, and only where both snapshots rank the two the same way
    (a deficit that turned into a lead is no cut deficit)."""
    text = " ".join(claim.split())
    by, span = _BY_FRACTION.search(text), _BETWEEN.search(text)
    narrows, widens = bool(_NARROWS.search(text)), bool(_WIDENS.search(text))
    if not _GAP_WORD.search(text) or by is None or span is None or narrows == widens:
        return None
    # "gained ground on B": here "on" introduces a rival, not the platform names() leaves out; a name counts
    # when the records hold it
    found = [n for n in entities(text) if find(n, recs) or members(n, recs)]
    if len(found) != 2:
        return None
    sides = _sides_between(text, span, found, recs)
    if sides is None:
        return None
    keys = {key for pair in sides for _, key in pair}  # type: ignore[misc]
    if len(keys) != 1:
        return None
    (key,) = keys
    gaps = []
    for pair in sides:
        (a, _), (b, _) = pair  # type: ignore[misc]
        gaps.append(sum(r.value(key) or 0.0 for r in b) - sum(r.value(key) or 0.0 for r in a))
    if gaps[0] == 0 or (gaps[0] > 0) != (gaps[1] > 0):
        return None
    word = _GAP_WORD.search(text).group(0).lower()  # type: ignore[union-attr]
    if (word == "deficit" and gaps[0] < 0) or (word == "lead" and gaps[0] > 0):
        return None  # the first name's deficit while it leads (or its lead while behind): not what the claim says
    change = 100.0 * (abs(gaps[0]) - abs(gaps[1])) / abs(gaps[0])
    if widens:
        change = -change
    claimed = _claimed_fraction(by)
    if claimed is None:
        return None
    stance = compare(claimed, Quantity(change, "percent", "eq", 0, 0, f"{change:.1f}%", precision=0.05))
    if stance == "unknown":
        return None
    cited = [r.evidence for pair in sides for rows, _ in pair for r in rows]  # type: ignore[misc]
    reason = f"{key}: gap {abs(gaps[0]):,.0f} then {abs(gaps[1]):,.0f}, {'narrowed' if change >= 0 else 'widened'} by {abs(change):.1f}%"
    return stance, cited, reason


def _claimed_fraction(by: re.Match) -> Quantity | None:
    """The change a claim names "by" ("by more than a quarter", "by 20 percent"), in percent, with its bound."""
    frac = by.group("frac").lower()
    fraction = fraction_percent(frac)
    value = fraction or number(re.sub(r"\s*(?:%|percent)$", "", frac))
    if value is None:
        return None
    bound = _RATIO_BOUND.get((by.group("cmp") or "").lower(), "eq")
    return Quantity(value, "percent", bound, 0, 0, frac, precision=2.5 if fraction else 0.5)


# "A's all-time downloads grew by more than a quarter between the end of June and the end of September"
_GROWTH = re.compile(r"\b(?:grew|grown|grows|rose|risen|rises|increased|increases|climbed|climbs)\b", re.I)
_DECLINE = re.compile(
    r"\b(?:fell|fallen|falls|dropped|drops|declined|declines|decreased|decreases|shrank)\b", re.I
)


def growth_between(claim: str, recs: list[Record]) -> tuple[str, list[Evidence], str] | None:
    """One name's figure changed by a fraction of itself between two dates, each read from the export of its
    date: "A's all-time downloads grew by more than a quarter between the end of June and the end of
    September" (402.9 then 512.4 million: 27.2 percent). A change between two rivals is gap_change's."""
    text = " ".join(claim.split())
    up, down = bool(_GROWTH.search(text)), bool(_DECLINE.search(text))
    by, span = _BY_FRACTION.search(text), _BETWEEN.search(text)
    if up == down or by is None or span is None or _GAP_WORD.search(text):
        return None
    found = [n for n in entities(text) if find(n, recs) or members(n, recs)]
    if len(found) != 1:
        return None
    sides = _sides_between(text, span, found, recs)
    if sides is None:
        return None
    ((first, key1),), ((last, key2),) = sides  # type: ignore[misc]
    if key1 != key2:
        return None
    v1, v2 = (sum(r.value(key1) or 0.0 for r in rows) for rows in (first, last))
    claimed = _claimed_fraction(by)
    if v1 <= 0 or claimed is None:
        return None
    change = 100.0 * (v2 - v1) / v1 * (1 if up else -1)
    stance = compare(claimed, Quantity(change, "percent", "eq", 0, 0, f"{change:.1f}%", precision=0.05))
    if stance == "unknown":
        return None
    reason = f"{found[0]}: {key1} {_shown(first, key1, v1)} then {_shown(last, key1, v2)}, {change:+.1f}%"
    return stance, [r.evidence for r in first + last], reason


# "At the end of September, A's lead over B in all-time downloads was about 75 million"
_LEAD = re.compile(
    r"^(?:.*?,\s+)?(?P<a>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s?\s+(?P<word>lead|advantage|deficit)\s+"
    r"(?:over|on|to|behind)\s+(?:the\s+)?(?P<b>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)\s+(?:in|on|for)\s+"
    r"(?P<metric>[a-z][\w\s-]*?)\s+(?:was|is|stood\s+at|came\s+to|amounted\s+to)\s+(?P<figure>.+?)"
    r"(?:\s+(?:at|on|in|by|as\s+of)\s+(?:the\s+)?(?:end\s+of\s+)?[A-Z0-9].*)?\.?$"
)


def lead(claim: str, recs: list[Record]) -> tuple[str, list[Evidence], str] | None:
    """The gap between two names' figures in one export: "A's lead over B in all-time downloads was about 75
    million" is A's figure less B's (587.4 less 512.4 million); "A's deficit to B" is B's less A's. A name
    behind has no lead: that refutes."""
    m = _LEAD.match(" ".join(claim.split()))
    figures = extract_quantities(m.group("figure")) if m else []
    if m is None or len(figures) != 1 or figures[0].kind != "count":
        return None
    for groups in (False, True):
        for export in by_export(recs).values():
            a, b = _side(m.group("a"), export, groups), _side(m.group("b"), export, groups)
            when = timing(claim, export[0].date, None)
            if a is None or b is None or a == b or when not in ("undated", "same"):
                continue
            key = record_metric(m.group("metric") + " " + claim, a + b)
            if key is None:
                continue
            (alo, ahi), (blo, bhi) = _bounds(a, key), _bounds(b, key)
            lo, hi = (alo - bhi, ahi - blo) if m.group("word") != "deficit" else (blo - ahi, bhi - alo)
            gap = Quantity(
                (lo + hi) / 2, "count", "eq", 0, 0, f"{(lo + hi) / 2:,.0f}", precision=(hi - lo) / 2
            )
            stance = "refutes" if hi <= 0 else compare(figures[0], gap)
            if stance == "unknown" or (stance == "refutes" and when == "undated" and past_undated(claim)):
                return None
            va, vb = (sum(r.value(key) or 0.0 for r in side) for side in (a, b))
            reason = f"{key}: {_shown(a, key, va)} against {_shown(b, key, vb)}, a gap of {gap.text}"
            return stance, [r.evidence for r in a + [r for r in b if r not in a]], reason
    return None


# "A overtook B in all-time downloads between the end of June and the end of October"
_OVERTOOK = re.compile(
    r"\b(?:overtook|overtakes|has\s+overtaken|had\s+overtaken|surpassed|has\s+surpassed|pulled\s+ahead\s+of|"
    r"moved\s+ahead\s+of|went\s+ahead\s+of)\b",
    re.I,
)


def overtaking(claim: str, recs: list[Record]) -> tuple[str, list[Evidence], str] | None:
    """ "A overtook B in X between T1 and T2": A behind B in the export of T1 and ahead in that of T2 supports;
    A still behind at T2 refutes. A ahead at both says nothing certain (it may have fallen back and overtaken
    again), and the rounding of the figures must not decide."""
    text = " ".join(claim.split())
    verb, span = _OVERTOOK.search(text), _BETWEEN.search(text)
    if verb is None:
        return None
    found = [n for n in entities(text) if find(n, recs) or members(n, recs)]
    if len(found) != 2 or text.find(found[0]) > verb.start() or text.find(found[1]) < verb.end():
        return None
    if span is None:
        return _has_overtaken(text, verb.group(0), found, recs)
    sides = _sides_between(text, span, found, recs)
    if sides is None:
        return None
    # each date compares the two names on one field (a family's record at one date, its rows at another), and
    # the fields of both dates count the same period
    keys = [{key for _, key in pair} for pair in sides]  # type: ignore[misc]
    if any(len(k) != 1 for k in keys) or len({field_window(next(iter(k))) for k in keys}) != 1:
        return None
    ahead = []  # per date: True when A is ahead, False when behind, None within the rounding
    for pair in sides:
        (a, key), (b, _) = pair  # type: ignore[misc]
        (alo, ahi), (blo, bhi) = _bounds(a, key), _bounds(b, key)
        ahead.append(True if alo > bhi else False if ahi < blo else None)
    if ahead[1] is False:
        stance = "refutes"
    elif ahead == [False, True]:
        stance = "supports"
    else:
        return None
    cited = [r.evidence for pair in sides for rows, _ in pair for r in rows]  # type: ignore[misc]
    shown = [
        f"{found[0]} {sum(r.value(k) or 0.0 for r in a):,.0f} vs {found[1]} {sum(r.value(k) or 0.0 for r in b):,.0f} "
        f"({a[0].date}, {k})"
        for (a, k), (b, _) in sides  # type: ignore[misc]
    ]
    return stance, cited, "; ".join(shown)


def _has_overtaken(
    text: str, verb: str, found: list[str], recs: list[Record]
) -> tuple[str, list[Evidence], str] | None:
    """ "A has overtaken B", no dates: A must be ahead in the newest export that has both (behind there
    refutes), and behind in an older one (else the exports do not show the overtaking)."""
    if not verb.lower().startswith("has") or claim_span(text) is not None:
        return None
    seen = []  # (ahead?, rows, date), newest export first
    for export in by_export(recs).values():
        a = _side(found[0], export, False) or _side(found[0], export, True)
        b = _side(found[1], export, False) or _side(found[1], export, True)
        key = record_metric(text, (a or []) + (b or [])) if a and b else None
        if key is None or not only_grows(key):
            continue
        (alo, ahi), (blo, bhi) = _bounds(a, key), _bounds(b, key)  # type: ignore[arg-type]
        ahead = True if alo > bhi else False if ahi < blo else None
        va, vb = (sum(r.value(key) or 0.0 for r in side) for side in (a, b))  # type: ignore[union-attr]
        seen.append((ahead, a + b, f"{found[0]} {va:,.0f} vs {found[1]} {vb:,.0f} ({export[0].date}, {key})"))  # type: ignore[operator]
    if not seen or seen[0][0] is None:
        return None
    if seen[0][0] is False:
        return "refutes", [r.evidence for r in seen[0][1]], seen[0][2]
    earlier = next((s for s in seen[1:] if s[0] is False), None)
    if earlier is None:
        return None
    return "supports", [r.evidence for r in seen[0][1] + earlier[1]], f"{seen[0][2]}; {earlier[2]}"


_TOGETHER = re.compile(r"\b(?:together|combined|in total|altogether|between them|put together)\b", re.I)


def sum_rows(
    claim: str, evidence: list[Evidence], recs: list[Record] | None = None
) -> tuple[str, list[Evidence], str] | None:
    """ "The Quill-3 models together had more than 280 million downloads": the sum of the group's rows in
    one export, compared with the claim's figure (see record_thresholds.threshold)."""
    if not _TOGETHER.search(claim):
        return None
    for export in by_export(records(evidence) if recs is None else recs).values():
        found = threshold(claim, export, groups_only=True)
        if found is not None:
            return found
    return None
