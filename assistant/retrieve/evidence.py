"""Sentence-level evidence: the sentences of retrieved passages (rows, records and turns' sentences), each
with its exact span in the document and the passage around it as context."""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from functools import lru_cache

from assistant.schema import Passage, SourceDocument
from assistant.store import Store
from ingest.metadata import affiliation, legend_speaker, named_host
from ingest.sentences import split_sentences

_WHOLE = ("row", "record", "header")


@dataclass
class Evidence:
    passage: Passage
    char_start: int
    char_end: int
    text: str  # verbatim: document.text[char_start:char_end]
    scoring_text: str  # what the scorer reads: the sentence, or a row's readable statement
    context: str  # the passage around it
    retrieval: float = 0.0  # fused retrieval score of its passage
    position: int = 0  # sentence index within the passage
    document: str = field(
        default="", repr=False
    )  # the full text (shared, not copied) for document-level checks
    reply_to: str | None = (
        None  # for the first sentences of an answer: the question (host assertion) it answers
    )
    asked: str | None = None  # for an answer: the question that closes the turn it answers, where one does
    relevance: float = 0.0
    probs: tuple[float, float, float] = (0.0, 0.0, 1.0)  # supports, refutes, neither
    findings: list = field(default_factory=list)
    org: str | None = None  # the speaker's organisation, as the document's header introduces them

    @property
    def doc_id(self) -> str:
        return self.passage.doc_id

    @property
    def date(self) -> str | None:
        return self.passage.date


class DocumentCache:
    """Full texts by doc_id, fetched once (a claim's evidence usually comes from a few documents)."""

    def __init__(self, store: Store, size: int = 256):
        self.store, self.size = store, size
        self._docs: OrderedDict[str, SourceDocument] = OrderedDict()

    def get(self, doc_id: str) -> SourceDocument | None:
        if doc_id in self._docs:
            self._docs.move_to_end(doc_id)
            return self._docs[doc_id]
        doc = self.store.get_document(doc_id)
        if doc is not None:  # a pending or removed document may be there next time
            self._docs[doc_id] = doc
            if len(self._docs) > self.size:
                self._docs.popitem(last=False)
        return doc

    def clear(self) -> None:
        self._docs.clear()


_FIRST_PERSON = re.compile(
    # "US" in capitals is the country ("38.6 million US dollars"), never the speaker's "us"
    r"\b(?:(?P<verb>we['’]re|we are|we['’]ve|we have|we were|we do|we don['’]t|we['’]d)|(?P<we>we|(?-i:us|Us))|"
    r"(?P<our>our|ours))\b",
    re.I,
)
_THIRD_PERSON = {
    "we're": "is",
    "we are": "is",
    "we've": "has",
    "we have": "has",
    "we were": "was",
    "we do": "does",
    "we don't": "doesn't",
    "we'd": "would",
}


# "The group itself is not, though.": a negation whose predicate is left out, to be read from the sentence
# before ("The cloud arm is profitable.")
_ELIDED = re.compile(
    r"^(?P<subject>[A-Z][^,;:]{0,80}?)\s+(?P<aux>is|are|was|were)(?:\s+not|n['’]t)(?P<rest>(?:,?\s+(?:yet|either|"
    r"though|at all))*)\s*[.!]?$"
)
_PREDICATE = re.compile(r"\s(?P<aux>is|are|was|were)\s+(?P<predicate>(?!not\b)[^,;:.!?]{1,80}?)\s*[.!]?$")


def elided_negation(sentence: str, previous: str) -> str | None:
    """The sentence read with the predicate it leaves out, where it negates the one the sentence before states:
    "The group itself is not, though." after "The cloud arm is profitable." reads "The group itself is not
    profitable, though." None where nothing is left out."""
    m = _ELIDED.match(sentence.strip())
    before = _PREDICATE.search(previous.strip())
    if not m or not before:
        return None
    return f"{m.group('subject')} {m.group('aux')} not {before.group('predicate')}{m.group('rest')}."


def in_third_person(sentence: str, org: str) -> str:
    """ "we have no stake in Kestrel" said by Lumora's CEO reads "Lumora has no stake in Kestrel": the scorer
    and the rules compare it with claims that name the organisation, not "we"."""

    def swap(m: re.Match) -> str:
        if m.group("verb"):
            verb = m.group("verb").lower().replace("’", "'")
            return f"{org} {_THIRD_PERSON[verb]}"
        return org if m.group("we") else f"{org}'s"

    # a speaker's "The company ..." opening a sentence is their own, as their "we" is
    return _OWN_COMPANY.sub(org, _FIRST_PERSON.sub(swap, sentence))


_OWN_COMPANY = re.compile(r"^The company\b(?!['’])")


@lru_cache(maxsize=1024)
def _named_host(speaker: str, header: str) -> bool:
    return named_host(speaker, header)


@lru_cache(maxsize=1024)
def _legend_speaker(label: str, header: str) -> tuple[str, bool] | None:
    return legend_speaker(label, header)


@lru_cache(maxsize=1024)
def _speaker_org(speaker: str, header: str) -> str | None:
    """The organisation a document's header introduces the speaker with (cached: asked once per passage)."""
    return affiliation(speaker, header)


_TABLE_LINE = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
_TABLE_RULE = re.compile(r"^[ \t]*\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*$")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def table_row(text: str, start: int, end: int) -> str | None:
    """A Markdown table row read with its header, as an export's row is ("Model: Quill-3 | Parameters: 8B"):
    alone, "| Quill-3 | 8B | ... |" does not say what 8B counts. None for anything but a body row of a table
    whose header line and rule ("|---|---|") stand above it."""
    line = text[start:end]
    if "\n" in line.strip() or not _TABLE_LINE.match(line) or _TABLE_RULE.match(line):
        return None
    lines = text[: text.rfind("\n", 0, start) + 1].splitlines()
    above = []
    for prev in reversed(lines):
        if not _TABLE_LINE.match(prev):
            break
        above.append(prev)
    rule = next((i for i, prev in enumerate(above) if _TABLE_RULE.match(prev)), None)
    if rule is None or rule + 1 >= len(above):
        return None
    header, cells = _cells(above[rule + 1]), _cells(line)
    if len(header) != len(cells):
        return None
    return " | ".join(f"{h}: {c}" for h, c in zip(header, cells, strict=True) if h and c)


# A plain-text table laid out in columns ("Revenue (Lm)      1,204.5     988.0     +21.9%"): a label, then two or
# more figures, each two or more spaces from the next
_CELL = r"[-+−]?[$€£¥]?\d[\d.,]*\s?(?:%|pts|pp|bps|x)?"
_TEXT_ROW = re.compile(rf"^[ \t]*(?P<label>[^\s\d+−-][^\n]*?)(?P<cells>(?:[ \t]{{2,}}{_CELL}){{2,}})[ \t]*$")
# a label's unit, put with its figures: "Revenue (Lm)" counts millions of L, "Net profit (KVV m)" millions of KVV
_LABEL_UNIT = re.compile(
    r"\((?P<cur>[A-Z$€£¥]{1,4})?\s*(?P<scale>m|mn|million|millions|bn|billion|billions|k|thousand)\)\s*$"
)
_SCALE_WORD = {"m": "million", "mn": "million", "bn": "billion", "k": "thousand"}


def _line_at(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def text_table_lines(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The rows of a plain-text table inside a sentence span, one span each (the sentence splitter reads a
    block of aligned lines as one sentence); None when the span holds no such rows."""
    lines, pos = [], start
    for line in text[start:end].split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    if len(lines) < 2 or not any(_TEXT_ROW.match(text[a:b]) for a, b in lines):
        return None
    out = []
    for a, b in lines:
        a += len(text[a:b]) - len(text[a:b].lstrip())
        if b > a:
            out.append((a, b))
    return out


def text_table_row(text: str, start: int, end: int) -> str | None:
    """A row of a plain-text table read with its column headings, as a Markdown row is: "Revenue (Lm)  1,204.5
    988.0  +21.9%" under "Q3 2031  Q3 2030  Change" reads "Revenue (Lm) Q3 2031: L 1,204.5 million | Revenue
    (Lm) Q3 2030: L 988.0 million | Revenue (Lm) Change: +21.9%". None for anything but a row under headings."""
    a, b = _line_at(text, start)
    row = _TEXT_ROW.match(text[a:b])
    if row is None or (b > end + 1 and text[end:b].strip()):
        return None
    # the heading lines right above the table's first row: nothing where the labels are, two or more columns
    headings: list[list[tuple[int, int, str]]] = []
    pos = a
    while pos > 0:
        la, lb = _line_at(text, pos - 1)
        line = text[la:lb]
        if not line.strip():
            break
        if not _TEXT_ROW.match(line):
            cols = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", line)]
            if len(cols) < 2 or cols[0][0] <= row.end("label"):
                break
            headings.insert(0, cols)
        pos = la
    if not headings:
        return None
    label = row.group("label").strip()
    unit = _LABEL_UNIT.search(label)
    cells = [
        (a + m.start() + row.start("cells"), a + m.end() + row.start("cells"), m.group())
        for m in re.finditer(r"\S+(?: \S+)?", row.group("cells"))
    ]
    parts = []
    for ca, cb, value in cells:
        # a cell's heading is the one above it: the heading column its own columns overlap most
        names = []
        for cols in headings:
            overlap = [(min(cb - a, c[1]) - max(ca - a, c[0]), c[2]) for c in cols]
            best = max(overlap)
            if best[0] > 0:
                names.append(best[1])
        if unit and "%" not in value and not re.search(r"pts|pp|bps", value):
            scale = unit.group("scale").lower()
            value = f"{unit.group('cur') or ''} {value} {_SCALE_WORD.get(scale, scale)}".strip()
        # each cell with the row's label, so that a figure keeps what it measures ("Operating margin change")
        parts.append(f"{label} {' '.join(names)}: {value}" if names else f"{label}: {value}")
    return " | ".join(parts)


def units(passage: Passage, text: str, retrieval: float) -> list[Evidence]:
    """Split one passage into evidence units. Offsets index the document text."""
    context = text[passage.char_start : passage.char_end]
    if passage.unit in _WHOLE:
        return [
            Evidence(
                passage,
                passage.char_start,
                passage.char_end,
                context,
                passage.text,
                context,
                retrieval,
                document=text,
            )
        ]
    spans = [
        part
        for span in split_sentences(text, passage.char_start, passage.char_end)
        for part in (text_table_lines(text, *span) or [span])
    ]
    header = text[:3000]  # where a transcript introduces its speakers
    legend = _legend_speaker(passage.speaker, header) if passage.speaker else None
    if legend:
        # "Q:" and "A:" turns are the people the header's legend names: "Bo Tam ... replied (A)"
        name, asks = legend
        passage = replace(passage, speaker=name, role="host" if asks else passage.role)
    org = _speaker_org(passage.speaker, header) if passage.speaker else None
    if passage.speaker and passage.role is None and _named_host(passage.speaker, header):
        # the header names them the host, though they asked in too few turns for the loader to tell
        passage = replace(passage, role="host")
    out = []
    for i, (start, end) in enumerate(spans):
        sentence = text[start:end]
        previous = text[spans[i - 1][0] : spans[i - 1][1]] if i else ""
        sentence_read = elided_negation(sentence, previous) or sentence
        if org:
            sentence_read = in_third_person(sentence_read, org)
            scoring = f"{passage.speaker}: {sentence_read}"
        else:
            scoring = f"{passage.speaker}: {sentence_read}" if passage.speaker else sentence_read
        if sentence.startswith("|"):
            scoring = table_row(text, start, end) or scoring
        elif "  " in sentence:
            scoring = text_table_row(text, start, end) or scoring
        out.append(
            Evidence(
                passage, start, end, sentence, scoring, context, retrieval, position=i, document=text, org=org
            )
        )
    return out


def gather(passages: list[tuple[Passage, float]], docs: DocumentCache) -> list[Evidence]:
    out: list[Evidence] = []
    for passage, score in passages:
        doc = docs.get(passage.doc_id)
        if doc is None:  # removed since it was retrieved
            continue
        out.extend(units(passage, doc.text, score))
    return out
