"""Ranks and superlatives over the records of one export:

- rank: "X was the most downloaded family in Y", "X is among the top three ... in every country": a record about
  Y (or every record) holds a ranking (nested items with a rank); one counterexample refutes "every";
- superlative: "X is the family with the most derivative models", "A is the most downloaded X model", "A ranks
  second by all-time downloads": X against every record of its kind (in the group the claim names).

An export that lists only part of a hub cannot put a record first on the whole of it (partial_scope)."""

from __future__ import annotations

import re

from assistant.verify.periods import window
from assistant.verify.quantity import WORD_NUMBERS
from assistant.verify.record_coverage import NEGATED, Found, names
from assistant.verify.record_when import ORDINALS, PAST, export_period, timing
from assistant.verify.records import Record, find, group_members, metric, norm_name, number


def ordinal_of(word: str) -> int | None:
    word = word.lower().strip()
    if word in ORDINALS:
        return ORDINALS[word]
    if word in WORD_NUMBERS:
        return int(WORD_NUMBERS[word])
    m = re.match(r"(\d+)(?:st|nd|rd|th)?$", word)
    return int(m.group(1)) if m else None


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
        k = ordinal_of(m.group("ord")) if m.group("ord") else 1
        return ("rank", k, m.group("noun"), m.group("verb").lower()) if k else None
    m = _TOP.search(claim)
    if m:
        n = ordinal_of(m.group("n"))
        return ("top", n, m.group("noun"), None) if n else None
    m = _RANKS.search(claim)
    if m:
        k = ordinal_of(m.group("ord"))
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


def of_its_kind(noun: str, x: Record, scope: list[Record]) -> list[Record]:
    """The records of the kind the claim's noun names, where it names one of x's attributes ("the most
    downloaded text-to-speech family": the families whose task is text-to-speech). A speech-recognition family
    ahead of it is no rival for that place."""
    words = " ".join(noun.lower().replace("-", " ").split())
    for key, value in x.fields.items():
        said = " ".join(value.lower().replace("-", " ").split())
        if (
            key != x.key
            and re.search(r"[a-z]", said)
            and said
            and re.search(rf"\b{re.escape(said)}\b", words)
        ):
            return [
                r for r in scope if " ".join(r.fields.get(key, "").lower().replace("-", " ").split()) == said
            ]
    return scope


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
    negated = bool(NEGATED.search(claim))
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
        what, noun, k, fewest = ranked.group("what"), "", ordinal_of(ranked.group("ord")), False
        if k is None:
            return None
    else:
        mm = _MOST.search(claim)
        what = _MOST_COUNTED.get(mm.group("verb").lower().replace("-", "")) if mm else None
        if mm is None or what is None:
            return None
        noun = mm.group("noun")
        k, fewest = (ordinal_of(mm.group("ord")) if mm.group("ord") else 1), False
        if k is None:
            return None
    claim_names = names(claim)
    subject = [r for x in claim_names for r in find(x, export)]
    if len(subject) != 1:
        return None
    x = subject[0]
    scope = [r for r in export if r.key == x.key]
    groups = [g for g in claim_names if not x.is_(g) and group_members(g, scope)]
    if (
        groups
    ):  # "the most downloaded Quill model", "the most downloaded of Lumora's models": among their rows
        scope = group_members(groups[0], scope)
        if x not in scope:
            return None
    scope = of_its_kind(noun, x, scope)
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
    if NEGATED.search(claim):
        holds = not holds
    if not holds and when == "undated" and PAST.search(claim):
        return None  # "X was the family with the most ...", no date: perhaps before this export
    reason = f"{key}: {x.name} {x.fields[key]} is number {place} of {len(scope)}; first {order[0].name} {order[0].fields[key]}"
    cited = [x, *[r for r in order[:k] if r is not x]]
    return ("supports" if holds else "refutes"), [r.evidence for r in cited], reason


# --- the top places of a ranking, and whose they are ----------------------------------------------------

# "The two most downloaded models in the export both belong to the Quill family", "the three most downloaded
# models are all Lumora's"
_TOP_K = re.compile(
    r"\bthe\s+(?P<n>two|three|four|five|\d+)\s+most\s+(?P<verb>downloaded)\s+(?P<noun>models|families)\b.*?"
    r"\b(?:both|all)\s+(?:belong\s+to|are|come\s+from)\s+(?:the\s+)?(?P<group>(?-i:[A-Z][\w-]*(?:[.\s][A-Z][\w-]*)*))",
    re.I,
)


def top_places(claim: str, export: list[Record], header: str = "") -> Found | None:
    """ "The two most downloaded models both belong to the Quill family": the first n records of the claim's kind
    by the metric, each a member of the group. One outsider among them refutes; a tie at the edge of the top n
    leaves it open, and so does an export that lists only part of the hub (an unlisted row may be ahead)."""
    m = _TOP_K.search(claim)
    if m is None:
        return None
    n = ordinal_of(m.group("n"))
    scope = [r for r in export if r.name and _noun_fits(m.group("noun"), r.key)]
    group = group_members(m.group("group"), scope)
    if n is None or len(scope) <= n or not group:
        return None
    key = metric(_MOST_COUNTED[m.group("verb").lower()] + " " + claim, scope)
    if key is None or timing(claim, scope[0].date, None) not in ("undated", "same"):
        return None
    order = sorted(scope, key=lambda r: r.value(key) or 0, reverse=True)
    if (order[n - 1].value(key) or 0) == (order[n].value(key) or 0):
        return None  # a tie at the edge: the records do not say which of the two is in the top n
    top = order[:n]
    outsiders = [r for r in top if r not in group]
    if not outsiders and partial_scope(claim, header):
        return None
    if outsiders and timing(claim, scope[0].date, None) == "undated" and PAST.search(claim):
        return None  # "were", no date: perhaps before this export
    shown = ", ".join(f"{r.name} {r.fields[key]}" for r in order[: n + 1])
    if outsiders:
        return "refutes", [r.evidence for r in outsiders], f"{key}: the first {n + 1}: {shown}"
    return "supports", [r.evidence for r in order[: n + 1]], f"{key}: the first {n + 1}: {shown}"


# "Only A was downloaded more often than B in October": B second, behind A alone
_ONLY_AHEAD = re.compile(
    r"^Only\s+(?P<a>[A-Z][\w.-]*)\s+(?:was|is|has\s+been|had\s+been)\s+(?P<verb>downloaded)\s+more\s+(?:often\s+)?"
    r"than\s+(?P<b>[A-Z][\w.-]*)\b"
)


def only_ahead(claim: str, export: list[Record], header: str = "") -> Found | None:
    """ "Only A was downloaded more often than B in October 2026": of the records of B's kind, A is first and B
    second, by the month's figure when the claim names a month ("in October") and the export has one. Anyone
    else ahead of B, or A behind it, refutes; a tie leaves it open."""
    m = _ONLY_AHEAD.match(" ".join(claim.split()))
    if m is None:
        return None
    a, b = find(m.group("a"), export), find(m.group("b"), export)
    if len(a) != 1 or len(b) != 1 or a[0] is b[0]:
        return None
    scope = [r for r in export if r.key == b[0].key and r.name]
    monthly = window(claim) == "month"
    key = metric(_MOST_COUNTED[m.group("verb").lower()] + " " + claim, scope, window=monthly)
    if key is None or timing(claim, b[0].date, None) not in ("undated", "same"):
        return None
    mine = b[0].value(key) or 0
    ahead = [r for r in scope if (r.value(key) or 0) > mine]
    if any((r.value(key) or 0) == mine for r in scope if r is not b[0]):
        return None
    holds = ahead == a
    if holds and partial_scope(claim, header):
        return None
    order = sorted(scope, key=lambda r: r.value(key) or 0, reverse=True)
    shown = ", ".join(f"{r.name} {r.fields[key]}" for r in order[: max(3, len(ahead) + 1)])
    cited = [b[0], *ahead] if ahead else [b[0], a[0]]  # those ahead of B, or A behind it
    return ("supports" if holds else "refutes"), [r.evidence for r in cited], f"{key}: {shown}"
