"""Rows and records of statistics exports, read back into typed records.

An export's rows (CSV) and records (JSON) are stored as readable statements ("model_id: x/A | license: mit |
downloads_all_time: 123"); a nested list of objects reads "top_families: (rank: 1, family: A, share_pct: 36.5);
(rank: 2, ...)" (see ingest/loaders/stats.py). Here they become records with:

- an identity: the first identity field present (a model id, a family, a country...). A record is about its
  identity only: a model's row names its family too, but it is not the family's record;
- fields, with hub-export unit conventions undone (``_millions``, ``_k``);
- nested lists of objects (a ranking when its items carry a rank).

Pure functions over Evidence objects: no store, no model.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date

from assistant.retrieve.evidence import Evidence

# Most specific first: a model row also names its family and organisation, a family record its organisation.
IDENTITY = (
    "model_id",
    "model",
    "repo",
    "repo_id",
    "name",
    "family",
    "country",
    "region",
    "organization",
    "id",
)
GROUP_KEYS = ("family", "organization", "org", "company", "author", "publisher", "developer")
_SCALES = (("_billions", 1e9), ("_millions", 1e6), ("_thousands", 1e3), ("_k", 1e3))
_NESTED = re.compile(r"\(([^()]*)\)")


def norm_name(text: str) -> str:
    """Names compare without case, owner prefix ("org/Model-1") or the choice of space/hyphen/underscore."""
    text = text.strip().lower().rsplit("/", 1)[-1]
    text = re.sub(r"['’]s$", "", text)
    return re.sub(r"[\s_-]+", "-", text)


def norm_value(text: str) -> str:
    """Categorical values ("Apache 2.0", "apache-2.0", "the MIT License") compare on letters and digits only,
    without the words that only say what kind of value it is."""
    text = re.sub(r"\b(?:the|an?|licen[cs]e[ds]?|model)\b", " ", text.lower())
    return re.sub(r"[^a-z0-9]", "", text)


# a figure with its unit in the cell, as hubs abbreviate: "12.3M", "850k", "1.2bn", "36.2%"
_SUFFIXED = re.compile(r"([-+]?\d+(?:\.\d+)?)\s*(k|K|M|mn|B|bn|%)")
_SUFFIX_SCALE = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "%": 1.0}


def _split_suffix(value: str) -> tuple[str, float]:
    """ "12.3M" -> ("12.3", 1e6); "1,234" -> ("1234", 1.0)."""
    digits = value.replace(",", "").strip()
    m = _SUFFIXED.fullmatch(digits)
    return (m.group(1), _SUFFIX_SCALE[m.group(2).lower()]) if m else (digits, 1.0)


def number(value: str) -> float | None:
    try:
        digits, unit = _split_suffix(value)
        return float(digits) * unit
    except (ValueError, AttributeError):
        return None


def scale(key: str) -> float:
    """``downloads.all_time_millions: 431.07`` is 431,070,000 downloads."""
    return next((s for suffix, s in _SCALES if key.endswith(suffix)), 1.0)


def precision(raw: str, key: str) -> float:
    """How exactly a field's value is written, in base units: half its last digit ("12.0" millions: 50,000;
    "12.3M": 50,000)."""
    digits, unit = _split_suffix(raw)
    last = 10 ** -len(digits.split(".")[1]) if "." in digits else 1
    return 0.5 * last * unit * scale(key)


# Field names as hubs and analysts write them, read into one vocabulary: the unit or period a header puts in
# brackets ("Total downloads (M)", "Downloads (last 30 days)"), and the other words for the same count.
_BRACKET_UNITS = (
    (r"b|bn|billions?", "billions"),
    (r"m|mn|millions?", "millions"),
    (r"k|thousands?", "thousands"),
)
_KEY_UNITS = (
    (r"%", " pct "),  # "% of hub downloads"
    (r"(\d+)[\s_-]*days?(?![a-z])", r"\1d"),
)
_B, _E = r"(?<![a-z0-9])", r"(?![a-z0-9])"
_KEY_WORDS = (
    (r"(?:fine_?tuned|derived|trained)_from|parent_model", "base_model"),
    (r"fine_?tuned_models|fine_?tuned|fine_?tunes?|finetuned", "finetunes"),
    (r"quanti[sz]ed_models|quanti[sz]ed|quants?|quanti[sz]ations", "quantizations"),
    (r"lora_adapters|loras|lora", "adapters"),
    (r"merged_models", "merges"),
    (r"dls?", "downloads"),
    (r"organisation", "organization"),
    (r"series|model_family", "family"),
)


def canonical_key(key: str) -> str:
    """ "Total downloads (M)" -> "total_downloads_millions", "Fine-tuned models" -> "finetunes",
    "stats.downloads.last_30_days" -> "stats.downloads.last_30d", "Series" -> "family"."""
    k = key.strip().lower()
    # a unit in brackets, alone or beside a period ("(M)", "[millions, all time]"), goes to the end of the name,
    # where scale() looks for it
    suffix = ""
    for pattern, unit in _BRACKET_UNITS:
        inside = r"[(\[]([^()\[\]]*?\b)(?:in\s+)?(?:" + pattern + r")\b(?:,\s*)?([^()\[\]]*)[)\]]"
        m = re.search(inside, k)
        if m:
            k, suffix = k[: m.start()] + f" {m.group(1)} {m.group(2)} " + k[m.end() :], f"_{unit}"
            break
    for pattern, repl in _KEY_UNITS:
        k = re.sub(pattern, repl, k)
    k = re.sub(r"[^a-z0-9.]+", "_", k).strip("_")
    for pattern, repl in _KEY_WORDS:
        k = re.sub(_B + f"(?:{pattern})" + _E, repl, k)
    return k + suffix


def iso_date(value: str) -> str | None:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def month_end(value: str) -> str | None:
    """ "2026-10" -> "2026-10-31": a month's row counts up to the month's last day."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", value.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    return date(year, month, monthrange(year, month)[1]).isoformat()


# the columns that say which snapshot a row belongs to (not "date", which may be a release date); an export in
# long form ("month: 2026-09", one row per model per month) is one snapshot per month, each dated at its end
_ROW_DATES = ("snapshot_date", "snapshot", "as_of", "report_date", "month", "year_month", "period_end")
# the columns that name a row's month: a long export may repeat the day it was taken in every row ("period:
# 2026-07 | ... | snapshot: 2026-10-31"), but July's row counts up to the end of July, not to the snapshot
_ROW_MONTHS = ("month", "year_month", "period")


@dataclass
class Record:
    evidence: Evidence
    fields: dict[str, str]
    lists: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    key: str | None = None  # the identity field
    name: str | None = None  # its value

    @property
    def doc_id(self) -> str:
        return self.evidence.doc_id

    @property
    def date(self) -> str | None:
        """The row's own snapshot date (an export that holds several snapshots, one column saying which),
        else the export's."""
        month = next((d for k in _ROW_MONTHS if (d := month_end(self.fields.get(k, "")))), None)
        own = month or next(
            (d for k in _ROW_DATES if (d := iso_date(v := self.fields.get(k, "")) or month_end(v))), None
        )
        return own or self.evidence.date

    def is_(self, name: str) -> bool:
        return self.name is not None and norm_name(self.name) == norm_name(name)

    def value(self, key: str) -> float | None:
        """A numeric field in base units."""
        n = number(self.fields.get(key, ""))
        return None if n is None else n * scale(key)

    def ranking(self) -> tuple[str, list[dict[str, str]]] | None:
        """The nested list that ranks something (its items carry a rank), sorted by rank."""
        for key, items in self.lists.items():
            if items and all(number(i.get("rank", "")) is not None for i in items):
                return key, sorted(items, key=lambda i: number(i["rank"]) or 0)
        return None


def read_fields(statement: str) -> dict[str, str]:
    """ "key: value | key: value" -> {"key": "value", ...} (keys lower-cased)."""
    out: dict[str, str] = {}
    for part in statement.split(" | "):
        key, sep, value = part.partition(": ")
        if sep:
            out.setdefault(canonical_key(key), value.strip())
    return out


def _nested(value: str) -> list[dict[str, str]] | None:
    """ "(rank: 1, family: A); (rank: 2, family: B)" -> [{"rank": "1", "family": "A"}, ...]."""
    if not value.startswith("("):
        return None
    items = []
    for m in _NESTED.finditer(value):
        item = {}
        for part in m.group(1).split(", "):
            k, sep, v = part.partition(": ")
            if sep:
                item[canonical_key(k)] = v.strip()
        items.append(item)
    return items or None


# The kinds of derivative model a hub counts (a model tree: fine-tunes, quantizations, adapters, merges).
_DERIVATIVE_KINDS = (r"fine_?tun", r"quanti[sz]", r"adapter", r"merge")
DERIVATIVE_SUM = "derivatives_total"


def _derivative_total(fields: dict[str, str]) -> str | None:
    """A row that counts each kind of derivative but not their total: the total is their sum (an export that
    lists fine-tunes, quantizations, adapters and merges has counted every derivative). Only with all four
    kinds, each once, and no derivative field of its own: a part of the kinds is no total."""
    # a derivative field that is no kind of its own ("derivatives", "derivatives.total") is the total already;
    # "derivatives.finetunes" is a kind
    if any("derivative" in k and not any(re.search(kind, k) for kind in _DERIVATIVE_KINDS) for k in fields):
        return None
    parts = []
    for kind in _DERIVATIVE_KINDS:
        keys = [k for k in fields if re.search(kind, k) and field_window(k) is None]
        values = [number(fields[k]) for k in keys]
        if len(keys) != 1 or values[0] is None:
            return None
        parts.append(values[0] * scale(keys[0]))
    return f"{sum(parts):.0f}"


def parse(ev: Evidence) -> Record:
    raw = read_fields(ev.scoring_text)
    fields, lists = {}, {}
    for key, value in raw.items():
        items = _nested(value)
        if items is not None:
            lists[key] = items
        else:
            fields[key] = value
    total = _derivative_total(fields)
    if total is not None:
        fields[DERIVATIVE_SUM] = total
    key = next(
        (k for k in IDENTITY if fields.get(k) and not (k == "id" and number(fields[k]) is not None)), None
    )
    return Record(ev, fields, lists, key, fields.get(key) if key else None)


def records(evidence: list[Evidence]) -> list[Record]:
    return [parse(e) for e in evidence if e.passage.unit in ("row", "record")]


def by_export(recs: list[Record]) -> dict[str, list[Record]]:
    """Records grouped by export and snapshot, newest first (the newest data decides a present-tense claim): an
    export whose rows carry several snapshot dates is one export per date."""
    out: dict[str, list[Record]] = {}
    for r in sorted(recs, key=lambda r: r.date or "", reverse=True):
        key = r.doc_id if r.date == r.evidence.date else f"{r.doc_id}@{r.date}"
        out.setdefault(key, []).append(r)
    return out


def find(name: str, recs: list[Record]) -> list[Record]:
    """The records whose own identity is ``name``."""
    return [r for r in recs if r.is_(name)]


def owned_by(group: str, rec: Record) -> bool:
    """Does the record name ``group`` as its family or organisation (not only as a prefix of its id)?"""
    g = norm_name(group)
    return any(norm_name(rec.fields.get(k, "")) == g for k in GROUP_KEYS if k != rec.key)


def enough_members(group: str, rows: list[Record]) -> bool:
    """Rows that stand for a group: two or more, or one that names the group as its family or organisation
    (an organisation with one family in a family summary: that family's record is all of it)."""
    return len(rows) >= 2 or (len(rows) == 1 and owned_by(group, rows[0]))


def organisation_named(short: str, recs: list[Record]) -> str | None:
    """The one organisation of the records whose name the short form opens ("Lumora" for "Lumora Labs"): a name's
    first word counts for it. None where none does, or two do ("Lumora Labs" and "Lumora Robotics")."""
    first = norm_name(short)
    full = {
        r.fields[k].strip()
        for r in recs
        for k in GROUP_KEYS
        if k != r.key and k != "family" and norm_name(r.fields.get(k, "")).startswith(first + "-")
    }
    return full.pop() if len(full) == 1 else None


def members(group: str, recs: list[Record]) -> list[Record]:
    """The records that belong to ``group`` without being it: rows whose family or organisation is the group
    ("Quill" -> every row with family Quill), or whose id extends it as a prefix ("Quill-3" -> "Quill-3-8B")."""
    g = norm_name(group)
    out = []
    for r in recs:
        if r.name is None or r.is_(group):
            continue
        if norm_name(r.name).startswith(g + "-") or any(
            norm_name(r.fields.get(k, "")) == g for k in GROUP_KEYS if k != r.key
        ):
            out.append(r)
    return out


def group_members(group: str, recs: list[Record]) -> list[Record]:
    """members(), with an organisation also found by its name's first word ("Lumora's models" are the rows of
    "Lumora Labs")."""
    found = members(group, recs)
    full = organisation_named(group, recs)
    if full is None or norm_name(full) == norm_name(group):
        return found
    whole = members(full, recs)
    # "Lumora" is the organisation "Lumora Labs": its rows, not its own record taken for a member by the prefix
    return whole if whole and all(r in whole or r.is_(full) for r in found) else found


# --- what the claim counts ------------------------------------------------------------------------------

# (words in the claim, words in a field name), most specific first: "derivative fine-tunes" counts fine-tunes.
_CONCEPTS = (
    (r"fine-?tun", r"fine_?tun"),
    (r"quanti[sz]", r"quanti[sz]"),
    (r"\badapters?\b", r"adapter"),
    (r"\bmerges?\b", r"merge"),
    (r"\bderivative|\bderived\b", r"derivative"),
    (r"download", r"download"),
    (r"\blike[sd]?\b", r"like"),
    (r"\bparameters?\b", r"param"),
    (r"\bshare\b|per ?cent|%", r"share|pct|percent"),
)
_SHARE = _CONCEPTS[-1][1]
WINDOW = re.compile(
    r"\b(?:\d+[ -]days?|month|monthly|each month|per month|a month|last_?\d+d|weekly|week)\b", re.I
)
_WINDOW_KEY = re.compile(r"\d+d\b|\d+d_|month|week|last", re.I)
_KEY_DAYS = re.compile(r"(\d+)d(?:\b|_)", re.I)
_DAYS_WINDOW = {1: "day", 7: "week", 28: "month", 30: "month", 31: "month", 90: "quarter", 91: "quarter"}
_CUMULATIVE_KEY = re.compile(r"all_?time|total|cumulative|lifetime", re.I)


def field_window(key: str) -> str | None:
    """The period a field counts over, named as verify/periods.py names a claim's ("downloads_last_30d" ->
    "month", "likes_7d" -> "week"); "window" for one it does not name; None for a total or a point in time."""
    if not _WINDOW_KEY.search(key):
        return None
    m = _KEY_DAYS.search(key)
    if m:
        return _DAYS_WINDOW.get(int(m.group(1)), "window")
    return next((w for w in ("month", "week") if w in key.lower()), "window")


_GROWING_KEY = re.compile(r"download|derivative|fine_?tun|quanti[sz]|adapter|merge", re.I)
_NOT_A_COUNT = re.compile(r"share|pct|percent|rate|ratio|avg|average|mean|median|per_|rank|like", re.I)


def only_grows(key: str) -> bool:
    """Is the field a cumulative count that can only grow (all-time downloads, derivatives)? Likes can be
    taken back, shares and rates fall, and a count over a window is no cumulative count."""
    return field_window(key) is None and bool(_GROWING_KEY.search(key)) and not _NOT_A_COUNT.search(key)


# "merges included", "including adapters": says what a count takes in, not what it counts
_INCLUDED = re.compile(r"\b[\w-]+\s+included\b|\b(?:including|incl\.)\s+(?:the\s+)?[\w-]+", re.I)


def named_kinds(text: str) -> list[str]:
    """The field-name patterns of the kinds of derivative the words name ("fine-tunes and adapters": two)."""
    text = _INCLUDED.sub(" ", text)
    return [key for words, key in _CONCEPTS[:4] if re.search(words, text, re.I)]


def concept(text: str) -> str | None:
    """The field-name pattern for what a claim (or part of one) counts, or None."""
    text = _INCLUDED.sub(" ", text)
    kinds = named_kinds(text)
    if len(kinds) > 1:
        # "derivatives (fine-tunes, quantizations, adapters and merges)": the kinds name what the total takes
        # in; two kinds without a total ("fine-tunes and quantizations") are no one field
        return _CONCEPTS[4][1] if re.search(_CONCEPTS[4][0], text, re.I) else None
    return next((key for words, key in _CONCEPTS if re.search(words, text, re.I)), None)


def metric(
    text: str, recs: list[Record], window: bool | None = None, share: bool = False, pattern: str | None = None
) -> str | None:
    """The one numeric field the words count, present in every record given; None when unclear.
    All-time figures unless the words (or ``window``) name a month or N days; a total over its parts.
    ``share``: the claim gives a percent or a fraction of what the words count, so a share field answers.
    ``pattern``: the field-name pattern to look for, instead of the concept the words name."""
    pattern = _SHARE if share else pattern or concept(text)
    if pattern is None or not recs:
        return None
    keys = [k for k in recs[0].fields if re.search(pattern, k) and all(r.value(k) is not None for r in recs)]
    if pattern != _SHARE:  # a share of the downloads is no count of downloads
        keys = [k for k in keys if not re.search(_SHARE, k)]
    windowed = bool(WINDOW.search(text)) if window is None else window
    keys = [k for k in keys if (field_window(k) is not None) == windowed]
    if len(keys) > 1:
        keys = [k for k in keys if _CUMULATIVE_KEY.search(k)] or keys
    return keys[0] if len(keys) == 1 else None


def metrics(text: str, recs: list[Record], window: bool | None = None) -> list[str] | None:
    """The fields the words count, to be added up: the one field of metric(), or one field per kind of
    derivative when the words name several kinds and no total ("fine-tunes, quantizations and adapters" is
    the sum of those three, not every derivative and not the fine-tunes alone)."""
    key = metric(text, recs, window)
    if key is not None:
        return [key]
    kinds = named_kinds(text)
    if len(kinds) < 2 or concept(text) is not None:
        return None
    keys = [metric(text, recs, window, pattern=kind) for kind in kinds]
    return keys if all(keys) and len(set(keys)) == len(keys) else None  # type: ignore[return-value]
