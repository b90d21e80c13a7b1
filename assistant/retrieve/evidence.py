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
    spans = split_sentences(text, passage.char_start, passage.char_end)
    legend = _legend_speaker(passage.speaker, text[:3000]) if passage.speaker else None
    if legend:
        # "Q:" and "A:" turns are the people the header's legend names: "Bo Tam ... replied (A)"
        name, asks = legend
        passage = replace(passage, speaker=name, role="host" if asks else passage.role)
    org = _speaker_org(passage.speaker, text[:3000]) if passage.speaker else None
    if passage.speaker and passage.role is None and _named_host(passage.speaker, text[:3000]):
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
