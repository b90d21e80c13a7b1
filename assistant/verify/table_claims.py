"""What a comparison claim says, read into a Comparison: its two sides, the metric and the direction; a claimed
ratio ("more than five times as many as B", "twice as often"); "than any B model" (A against each of B's rows);
"than any other embedding family" and "no family has more X than A" (A against the other records of its kind).
A date after a side says when, not who."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.verify.quantity import WORD_NUMBERS
from assistant.verify.records import number

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
    # an opening phrase says where or when ("In ModelYard's June summary, no family ..."), not who
    r"^(?:(?:in|at|by|as\s+of|according\s+to)\s+[^,]{1,60},\s+)?(?:no|not\s+one|none\s+of\s+the)\s+(?:other\s+)?(?P<kind>[\w\s-]+?)\s+(?:on\s+\S+\s+)?"
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
RATIO_BOUND = {
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


def side_name(x: str) -> str:
    """A side's name without articles, a leading date ("At the end of May 2025, A"), "the whole", "all of",
    "models", "combined" or "put together"."""
    x = re.sub(r"^(?:at|by|as of|in|on|until|over|during)\b[^,]{0,40}?\b\d{4},\s+", "", x.strip(), flags=re.I)
    # "Back in June 2026 A": a date that opens the claim without a comma still names no side
    x = re.sub(
        r"^(?i:(?:back\s+)?(?:in|by|as of|at the end of)\s+(?:\w+\s+)?(?:19|20)\d\d\s+)(?=[A-Z])", "", x
    )
    x = _WHEN_AFTER.sub("", x)
    # "..., according to ModelYard's June figures": where the figures are from, no part of the side
    x = re.sub(r",?\s+according\s+to\s+[^,]+$", "", x, flags=re.I)
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
            side_name(t.group("a")),
            side_name(b),
            t.group("metric"),
            True,
            times,
            RATIO_BOUND.get((t.group("cmp") or "").lower(), "eq"),
            t.group("kind").lower().startswith("more"),
            bool(each),
        )
    none_more = _NONE_MORE.match(text)
    if none_more and _PEER_NOUN.search(none_more.group("kind")):
        kind = _PEER_NOUN.sub("", none_more.group("kind")).strip()
        # "no family has more than A" says A has at least as many as each; "no family has fewer" the reverse
        more = none_more.group("dir").lower() == "more"
        return Comparison(
            side_name(none_more.group("a")), "", none_more.group("metric"), more, peers=kind, tie_ok=True
        )
    ahead = _AHEAD.match(text)
    if ahead:
        more = ahead.group("dir").lower().startswith("ahead")
        return Comparison(
            side_name(ahead.group("a")), side_name(ahead.group("b")), ahead.group("metric"), more
        )
    of = _OF_THAN.match(text)
    if of:
        return Comparison(
            side_name(of.group("a")),
            side_name(of.group("b")),
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
    if other and _PEER_NOUN.search(_WHEN_AFTER.sub("", b.strip())) and not TOGETHER.search(b):
        kind = _PEER_NOUN.sub("", _WHEN_AFTER.sub("", b.strip()[other.end() :])).strip()
        return Comparison(side_name(a), "", metric, more, peers=kind)
    b, each = _ANY.subn("", b.strip())
    # "than every B and C model put together": the rows added up, not each of them
    each = each and not TOGETHER.search(b)
    return Comparison(side_name(a), side_name(b), metric, more, each=bool(each))


TOGETHER = re.compile(r"\b(?:together|combined|in total|altogether|between them|put together)\b", re.I)
