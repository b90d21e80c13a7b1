"""The Python API: ``Checker.from_settings().check(claim) -> Verdict``.

retrieve (hybrid) -> evidence sentences -> scorer + rules -> aggregate -> citations (verified verbatim).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator

from assistant.config import Settings
from assistant.embeddings import MiniLMEmbeddings, make_embeddings
from assistant.llm import EmbeddedJudge, Judge, make_judge
from assistant.llm.base import Extracted
from assistant.retrieve.evidence import DocumentCache, Evidence, gather, in_third_person
from assistant.retrieve.hybrid import HybridRetriever
from assistant.schema import Citation, SubVerdict, Verdict
from assistant.store import Store
from assistant.verify import result_tables
from assistant.verify.aggregate import Decision, combine, decide, decide_by_scorer, decide_by_similarity
from assistant.verify.calibrate import Calibrator
from assistant.verify.claims import ClaimFrame, as_superlative, parse_claim
from assistant.verify.compare import judge as two_figures
from assistant.verify.compare import queries as figure_queries
from assistant.verify.date_findings import YEARS_AGO
from assistant.verify.learned import Aggregator, on_scorer_path, relabelled
from assistant.verify.learned import features as learned_features
from assistant.verify.model import ModelScorer
from assistant.verify.names import claim_subject, other_kind
from assistant.verify.record_checks import check_records, newer_disagrees
from assistant.verify.record_coverage import names as claim_names
from assistant.verify.records import Record, records
from assistant.verify.renames import previous_names, renamed_in, with_new_names
from assistant.verify.rules import evidence_findings
from assistant.verify.scorer import CachedEmbedder, EvidenceScorer, HeuristicScorer
from assistant.verify.speaker_findings import makes, resolve_role
from assistant.verify.table_peers import described_as, record_names
from assistant.verify.tables import compare_rows, sum_rows
from ingest.metadata import parse_date
from ingest.sentences import split_sentences

log = logging.getLogger(__name__)
MAX_CITATIONS = 3
REPLY_RELEVANCE = 0.45  # a host question this close to the claim gets its answer fetched
SPOKEN_PASSAGES = 4  # speakers' turns added to the evidence of a "Z said P" claim
# Up to this many statistics exports, every claim is checked against all of them (a row the retriever missed
# still counts); beyond, against those the claim's evidence and a search over exports reach.
MAX_EXPORTS = 24
_FINAL = ("llm:", "fallback:", "guard:")  # decided_by values that already name their component in full


def _closes_turn(ev: Evidence) -> bool:
    """Whether a host's sentence is among the last two of their turn: what the next turn answers. A long turn
    often opens with context ("Some background first: X has a team of forty.") before the question; "No, I'd
    push back on that" answers the question, not the background."""
    n = len(split_sentences(ev.document, ev.passage.char_start, ev.passage.char_end))
    return ev.position >= n - 2


def _newest(cited: list[Evidence]) -> str:
    return max((e.date or "" for e in cited), default="")


def _turn_question(ev: Evidence) -> str | None:
    """The question that closes a host's turn ("... Do you dominate that market?"), if its last sentence
    is one: what a "No" in the next turn disputes, whatever sentence before it put the claim."""
    spans = split_sentences(ev.document, ev.passage.char_start, ev.passage.char_end)
    if not spans:
        return None
    last = ev.document[spans[-1][0] : spans[-1][1]].strip()
    return last if last.endswith("?") else None


# a yes/no question with a pronoun that points back: "Is it simply Ceibron with a new name on it?"
_LEANING_QUESTION = re.compile(
    r"^(?:(?:so|and|but),?\s+)?(?:is|are|was|were|do|does|did|will|would|can|could|has|have|should)\b"
    r"(?=.*\b(?:it|this|that|they|them|he|she)\b).*\?\s*$",
    re.I,
)


def _leans_back(question: str) -> bool:
    return bool(_LEANING_QUESTION.match(question.strip()))


def _sentence_before(ev: Evidence) -> str:
    """The sentence before this one in its passage, without the speaker's label."""
    spans = split_sentences(ev.document, ev.passage.char_start, ev.passage.char_end)
    if not 0 < ev.position <= len(spans):
        return ""
    start, end = spans[ev.position - 1]
    label = re.escape(ev.passage.speaker or "")
    return (
        re.sub(rf"^{label}:\s+", "", ev.document[start:end], flags=re.I) if label else ev.document[start:end]
    )


# a speaker's "we" that is a product, not a company: "we are the biggest code family", "we're the top model"
_WE_ARE_A_PRODUCT = re.compile(
    r"\bwe(?:['’]re| are)\s+(?:now\s+|still\s+)?the\s+(?:[\w-]+\s+){0,3}(?:family|families|model|models)\b",
    re.I,
)


class Checker:
    def __init__(
        self,
        store: Store,
        scorer: EvidenceScorer,
        *,
        retriever: HybridRetriever | None = None,
        calibrator: Calibrator | None = None,
        k_passages: int = 10,
        max_evidence: int = 24,
        judge: Judge | None = None,
        confidence: str = "learned",
        learned_labels: bool = False,
        aggregator: Aggregator | None = None,
    ):
        self.store = store
        self.scorer = scorer
        # splits claims, extracts them from articles, and has a say in each decision (see assistant/llm)
        self.judge = judge or EmbeddedJudge()
        self.retriever = retriever or HybridRetriever(store)
        self.calibrator = calibrator or Calibrator.load_default()
        # the learned aggregator (verify/learned.py): the confidence ("learned") and/or the scorer path's label;
        # without its resource both fall back to the calibrator and the rules (a warning says so)
        self.confidence, self.learned_labels = confidence, learned_labels
        self.aggregator = aggregator
        if self.aggregator is None and (confidence == "learned" or learned_labels):
            self.aggregator = Aggregator.load()
        # when a list, each decision's (features, label, decided_by, raw score) is appended (bench/fit_aggregator.py)
        self.features_log: list[dict] | None = None
        self.docs = DocumentCache(store)
        self.k_passages, self.max_evidence = k_passages, max_evidence
        # "full"; or an ablation baseline for `eval --mode`: "no-rules" (the scorer alone), "similarity"
        # (SUPPORTED when the best evidence is similar enough, else NOT_ENOUGH_INFO)
        self.mode = "full"
        self._reference: str | None = None
        self._generation: int | None = None
        self._export_cache: dict[str, list[Evidence]] = {}
        self._record_cache: dict[str, list[Record]] = {}  # each export's rows, read as records
        self._text_cache: dict[str, tuple[str, str]] = {}  # each export's text as names are looked up in it
        self._kind_cache: dict[
            tuple[tuple[str, ...], str], bool
        ] = {}  # does a document call a record a kind?
        self._rename_cache: dict[str, dict[str, str]] = {}  # a name's renames in the documents near it
        self._statistics: set[str] | None = None

    @classmethod
    def from_settings(cls, settings: Settings | None = None, store: Store | None = None) -> Checker:
        settings = settings or Settings()
        store = store or Store.from_settings(settings)
        embedder = (
            store.embeddings
            if isinstance(store.embeddings, MiniLMEmbeddings)
            else make_embeddings(settings.model_copy(update={"embeddings": "embedded"}))
        )
        topical = HeuristicScorer(CachedEmbedder(embedder))
        scorer = ModelScorer(topical=topical) if settings.scorer == "model" else topical
        return cls(
            store,
            scorer,
            judge=make_judge(settings),
            confidence=settings.confidence,
            learned_labels=settings.learned_labels,
        )

    @property
    def variant(self) -> str:
        """How confidence and labels are made (part of the verdict cache key)."""
        agg = self.aggregator.meta.get("fitted", "fitted") if self.aggregator is not None else "none"
        return f"confidence={self.confidence};learned_labels={self.learned_labels};aggregator={agg}"

    # --- one claim ---------------------------------------------------------------------------------------

    def evidence(
        self, claim: str, doc_ids: list[str] | None = None, frame: ClaimFrame | None = None
    ) -> list[Evidence]:
        frame = frame or parse_claim(claim)
        where = {"doc_id": {"$in": doc_ids}} if doc_ids else None
        passages = self.retriever.retrieve(frame.text, k=self.k_passages, where=where)
        if frame.speaker and self.mode == "full":
            passages += self._spoken(frame.content, {p.id for p, _ in passages}, where)
        evidence = gather(passages, self.docs)
        if not evidence:
            return []
        self._score(frame.content, evidence)
        if self.mode == "full":
            evidence.extend(self._replies(frame.content, evidence, {p.id for p, _ in passages}))
        evidence.sort(key=lambda e: -e.relevance)
        evidence = evidence[: self.max_evidence]
        if self.mode != "full":
            return evidence
        self._family_voice(frame, evidence)
        speaker = self._speaker(frame.speaker, evidence) if frame.speaker else None
        reference = self.reference_date() if YEARS_AGO.search(frame.content) else None
        for ev in evidence:
            ev.findings = evidence_findings(frame, ev, speaker, reference)
        return evidence

    def _sync(self) -> None:
        """Once per claim: if the store changed since the last claim, forget what was cached from it (document
        texts, the BM25 index, the reference date), so quotes and offsets always come from the same version."""
        generation = self.store.generation()
        if generation != self._generation:
            self.docs.clear()
            self._export_cache.clear()
            self._record_cache.clear()
            self._text_cache.clear()
            self._kind_cache.clear()
            self._rename_cache.clear()
            self._statistics = None
            self.retriever.invalidate()
            self._reference = None
            self._generation = generation

    def reference_date(self) -> str | None:
        """The date relative claims ("three years ago") are measured from: the newest document's date."""
        if self._reference is None:
            dates = [d.date for d in self.store.documents() if d.date and parse_date(d.date) == d.date]
            self._reference = max(dates) if dates else ""
        return self._reference or None

    def _statistics_ids(self) -> set[str]:
        """Every statistics export in the store (once per store generation)."""
        if self._statistics is None:
            self._statistics = {d.doc_id for d in self.store.documents() if d.kind == "statistics"}
        return self._statistics

    def _exports(self, doc_ids: set[str]) -> tuple[list[Evidence], dict[str, str]]:
        """All rows and records of these statistics exports (not only the retrieved ones), and each export's
        header statements (its date, period, method). Cached until the store changes."""
        rows: list[Evidence] = []
        headers: dict[str, str] = {}
        for doc_id in sorted(doc_ids):
            if doc_id not in self._export_cache:
                passages = [p for p in self.store.passages(doc_id) if p.unit in ("row", "record", "header")]
                self._export_cache[doc_id] = gather([(p, 0.0) for p in passages], self.docs)
            for ev in self._export_cache[doc_id]:
                if ev.passage.unit == "header":
                    headers[doc_id] = f"{headers.get(doc_id, '')} | {ev.scoring_text}".strip(" |")
                else:
                    rows.append(ev)
        rows.sort(key=lambda e: e.date or "", reverse=True)
        return rows, headers

    def _records(self, doc_ids: set[str]) -> list[Record]:
        """The rows of these exports read as records, in the order of ``_exports``' rows (read once per export
        and store generation)."""
        recs: list[Record] = []
        for doc_id in sorted(doc_ids):
            if doc_id not in self._record_cache:
                self._record_cache[doc_id] = records(self._export_cache[doc_id])
            recs.extend(self._record_cache[doc_id])
        recs.sort(key=lambda r: r.date or "", reverse=True)
        return recs

    def _table(
        self, claim: str, evidence: list[Evidence], doc_ids: list[str] | None = None
    ) -> Decision | None:
        """Claims the statistics exports settle on their own (see verify/tables.py and verify/record_checks.py):
        comparisons, sums, ranks, attributes of rows, superlatives, figures against one record. With
        ``doc_ids``, only those exports."""
        exports = set(self._statistics_ids())
        if doc_ids:
            exports &= set(doc_ids)
        if len(exports) > MAX_EXPORTS:  # many exports: those the claim's words reach
            exports = {e.doc_id for e in evidence if e.passage.kind == "statistics"}
            exports |= {p.doc_id for p, _ in self.store.search(claim, k=8, where={"kind": "statistics"})}
            if doc_ids:
                exports &= set(doc_ids)
        if not exports:
            return None
        rows, headers = self._exports(exports)
        recs = self._records(exports)
        found = self._settle(claim, rows, recs, headers)
        renamed = with_new_names(claim, self._renames(claim, recs))
        if renamed is not None:
            # a claim that still uses a model's old name: the newest export, which lists only the new one, decides
            other = self._settle(renamed, rows, recs, headers)
            if other is not None and (found is None or _newest(other[1]) > _newest(found[1])):
                found = other
        if found is None:
            return None
        stance, cited, reason = found
        if other_kind(claim, "\n".join(e.scoring_text for e in cited)):
            return None  # "the Quill app": the export's rows count models, another product of the name
        if newer_disagrees(claim, stance, cited, evidence):
            return None  # a present-tense claim: a later document on the same figure decides, not the export
        if stance == "supports":
            return Decision(
                "SUPPORTED",
                0.8,
                support=cited,
                explanation=f"The export's rows agree: {reason}.",
                decided_by="rules:table",
            )
        return Decision(
            "REFUTED",
            0.8,
            refute=cited,
            explanation=f"The export's rows disagree: {reason}.",
            decided_by="rules:table",
        )

    def _settle(
        self, claim: str, rows: list[Evidence], recs: list[Record], headers: dict[str, str]
    ) -> tuple[str, list[Evidence], str] | None:
        return (
            compare_rows(claim, rows, recs, headers, self._kind_of)
            or sum_rows(claim, rows, recs)
            or check_records(claim, recs, headers, self._text_cache)
        )

    def _renames(self, claim: str, recs: list[Record]) -> dict[str, str]:
        """Old names of the claim's models and families -> their new names: an export's "previous_names" field,
        or a document's "A is now B" near a name of the claim (searched once per name and store generation)."""
        found = previous_names(recs)
        for name in claim_names(claim):
            if name not in self._rename_cache:
                hits = self.store.search(f"{name} is now renamed", k=6, where={"kind": {"$ne": "statistics"}})
                self._rename_cache[name] = renamed_in(
                    e.text for e in gather(hits, self.docs) if name in e.text
                )
            found.update(self._rename_cache[name])
        return found

    def _results_table(self, claim: str, evidence: list[Evidence]) -> Decision | None:
        """Places, wins and changes over a document's results table, read whole (verify/result_tables.py)."""
        found = result_tables.judge(claim, evidence)
        if found is None:
            return None
        stance, cited, reason = found
        if stance == "supports":
            return Decision(
                "SUPPORTED",
                0.8,
                support=cited,
                explanation=f"The table agrees: {reason}.",
                decided_by="rules:table",
            )
        return Decision(
            "REFUTED",
            0.8,
            refute=cited,
            explanation=f"The table disagrees: {reason}.",
            decided_by="rules:table",
        )

    def _kind_of(self, rec: Record, kind: str) -> bool:
        """Does a document (not an export) call the record's model or family a ``kind`` ("Quill-3-8B, a
        robotics model")? Asked only of a rival ahead of a claim's "any other robotics model"; the passages
        nearest to the name and the kind are read (once per store generation)."""
        names = record_names(rec)
        key = (tuple(names), kind)
        if names and key not in self._kind_cache:
            hits = self.store.search(f"{names[0]} {kind}", k=8, where={"kind": {"$ne": "statistics"}})
            self._kind_cache[key] = any(described_as(kind, names, e.text) for e in gather(hits, self.docs))
        return self._kind_cache.get(key, False)

    def _two_figures(
        self, frame: ClaimFrame, evidence: list[Evidence], doc_ids: list[str] | None = None
    ) -> Decision | None:
        """Comparisons, changes and superlatives that need two figures (verify/compare.py). Each side's figure
        may be in a sentence the claim as a whole did not retrieve, so each side is looked up on its own, and
        the statistics exports' records come too."""
        lookups = figure_queries(frame.content)
        if not lookups or frame.speaker:
            return None
        seen = {(e.doc_id, e.char_start) for e in evidence}
        # rows crowd sentences out of a short query's results; the exports' records are added whole below
        where = {"doc_id": {"$in": doc_ids}} if doc_ids else None
        found = [self.retriever.retrieve(q, k=40, where=where) for q in lookups]
        passages = [
            hit for hits in found for hit in [h for h in hits if h[0].unit not in ("row", "record")][:8]
        ]
        exports = {e.doc_id for e in evidence if e.passage.kind == "statistics"}
        exports |= {p.doc_id for p, _ in self.store.search(frame.content, k=8, where={"kind": "statistics"})}
        if doc_ids:
            exports &= set(doc_ids)
        rows, _ = self._exports(exports)  # cached per store generation: shared, never changed here
        extra = []
        for ev in [*gather(passages, self.docs), *rows]:
            if (ev.doc_id, ev.char_start) not in seen:
                seen.add((ev.doc_id, ev.char_start))
                if ev.passage.unit not in ("row", "record"):
                    # a sentence's findings say whether it is a rumour, a hedge or a question; a row's are
                    # never needed by the figures (verify/compare.py reads a record's fields)
                    ev.findings = evidence_findings(frame, ev)
                extra.append(ev)
        return two_figures(frame, [*evidence, *extra])

    def _score(self, claim: str, evidence: list[Evidence]) -> None:
        texts = [e.scoring_text for e in evidence]
        # "no A has more X than B" is scored as what it says, "B has more X than any A" (claims.as_superlative)
        probs, relevance = self.scorer.assess(as_superlative(claim), texts)
        for ev, p, rel in zip(evidence, probs, relevance, strict=True):
            ev.probs = (float(p[0]), float(p[1]), float(p[2]))
            ev.relevance = float(rel)

    def _replies(self, claim: str, evidence: list[Evidence], seen: set[str]) -> list[Evidence]:
        """When an interviewer asserts the claim, the answer decides it: the next turn's opening sentences
        ("No.", "I wouldn't call it that.", "Yes.") are as relevant as the question. Returns the answers that
        were not retrieved already; those that were are marked in place."""
        closing = [ev for ev in evidence if ev.passage.role == "host" and _closes_turn(ev)]
        questions = [(ev, ev.text, ev.relevance) for ev in closing if ev.relevance >= REPLY_RELEVANCE]
        questions += self._set_up_questions(claim, [ev for ev in closing if ev.relevance < REPLY_RELEVANCE])
        asked: dict[str, tuple[str, float]] = {}  # the next turn's passage id: (the question, its relevance)
        for ev, question, relevance in questions:
            nxt = f"{ev.doc_id}:{ev.passage.index + 1}"
            if nxt not in asked or asked[nxt][1] < relevance:
                asked[nxt] = (question, relevance)
        if not asked:
            return []
        missing = [pid for pid in asked if pid not in seen]
        retrieval = {f"{ev.doc_id}:{ev.passage.index + 1}": ev.retrieval for ev in closing}
        fetched = [(p, retrieval[p.id]) for p in self.store.get_passages(missing) if p.speaker]
        new = gather(fetched, self.docs)
        if new:
            self._score(claim, new)
        closing_question = {f"{ev.doc_id}:{ev.passage.index + 1}": _turn_question(ev) for ev in closing}
        for reply in [*evidence, *new]:
            question = asked.get(reply.passage.id)
            if question is None or reply.passage.role == "host" or not reply.passage.speaker:
                continue
            reply.reply_to = question[0]
            reply.asked = closing_question.get(reply.passage.id)
            if reply.position <= 1:
                reply.relevance = max(reply.relevance, 0.9 * question[1])
        return new

    def _spoken(self, content: str, seen: set[str], where: dict | None) -> list[tuple]:
        """For "Z said P": the turns of speakers closest to P, which rows and articles on the same topic may
        crowd out of the claim's own results (whose words they are is decided per sentence)."""
        found = self.retriever.retrieve(content, k=4 * self.k_passages, where=where)
        return [(p, s) for p, s in found if p.speaker and p.id not in seen][:SPOKEN_PASSAGES]

    def _family_voice(self, frame: ClaimFrame, evidence: list[Evidence]) -> None:
        """ "We are the biggest code family", said by someone of the organisation that makes the claim's
        subject: "we" is that family, not the company (the scorer, reading the company's name, misses that it
        is the family the claim names). Such sentences are read with the family's name and scored again."""
        subject = claim_subject(frame.entities)
        found = [e for e in evidence if e.org and subject and _WE_ARE_A_PRODUCT.search(e.text)]
        if not found:
            return
        texts = [d.text for d in (self.docs.get(i) for i in dict.fromkeys(e.doc_id for e in evidence)) if d]
        found = [e for e in found if makes(e.org or "", subject, texts)]
        for e in found:
            e.scoring_text = f"{e.passage.speaker}: {in_third_person(e.text, subject)}"
        if found:
            self._score(frame.content, found)

    def _set_up_questions(self, claim: str, closing: list[Evidence]) -> list[tuple[Evidence, str, float]]:
        """A yes/no question that leans on the sentence before it ("You released Alcaravan. Is it simply Ceibron
        with a new name?") puts the claim only with that sentence: read together, they may be close enough to
        the claim for the answer to decide it."""
        leaning = [ev for ev in closing if ev.position > 0 and _leans_back(ev.text)]
        if not leaning:
            return []
        texts = [f"{_sentence_before(ev)} {ev.text}" for ev in leaning]
        _, relevance = self.scorer.assess(
            claim, [f"{ev.passage.speaker}: {t}" for ev, t in zip(leaning, texts, strict=True)]
        )
        return [
            (ev, text, float(rel))
            for ev, text, rel in zip(leaning, texts, relevance, strict=True)
            if rel >= REPLY_RELEVANCE
        ]

    def _speaker(self, speaker: str, evidence: list[Evidence]) -> str:
        """Resolve "X's CEO" to a name from the headers of the documents at hand (participant lists, bylines)."""
        texts = []
        for doc_id in dict.fromkeys(e.doc_id for e in evidence):
            doc = self.docs.get(doc_id)
            if doc is not None:
                texts.append(doc.text[:4000])
        return resolve_role(speaker, texts)

    def _decide(self, claim: str, doc_ids: list[str] | None) -> tuple[Decision, list[Citation], float]:
        frame = parse_claim(claim)
        evidence = self.evidence(claim, doc_ids, frame)
        if self.mode == "full":
            # "Z said P" is judged on Z's words: exports and figures may settle P, not whether Z said it
            computed = None
            if not frame.speaker:
                computed = (
                    self._results_table(frame.content, evidence)
                    or self._table(frame.content, evidence, doc_ids)
                    or self._two_figures(frame, evidence, doc_ids)
                )
            decision = computed or decide(frame, evidence)
            decision = self.judge.judge(claim, evidence, decision)
            decision, confidence = self._learned(frame, evidence, decision)
        else:
            decision = (
                decide_by_similarity(evidence) if self.mode == "similarity" else decide_by_scorer(evidence)
            )
            confidence = self.calibrator(decision)
        cited = [(e, "refutes") for e in decision.refute] + [(e, "supports") for e in decision.support]
        return decision, self._citations(cited), confidence

    def _learned(
        self, frame: ClaimFrame, evidence: list[Evidence], decision: Decision
    ) -> tuple[Decision, float]:
        """The learned aggregator's say (verify/learned.py): on the scorer path the label, if switched on; the
        confidence, if chosen. A decision of an LLM (or its guard or fallback) is left to the calibrator."""
        embedded = not decision.decided_by.startswith(_FINAL)
        x = learned_features(frame, evidence, decision) if embedded else None
        if self.features_log is not None and x is not None:
            self.features_log.append(
                {"x": x, "label": decision.label, "decided_by": decision.decided_by, "score": decision.score}
            )
        if self.aggregator is None or x is None:
            return decision, self.calibrator(decision)
        p = self.aggregator.probabilities(x)
        if self.learned_labels and on_scorer_path(decision):
            label = self.aggregator.relabel(p, decision.label)
            if label != decision.label:
                decision = relabelled(decision, label, evidence, p)
        if self.confidence == "learned":
            return decision, self.aggregator.confidence(p, decision.label)
        return decision, self.calibrator(decision)

    def _citations(self, cited: list[tuple[Evidence, str]]) -> list[Citation]:
        out: list[Citation] = []
        seen: set[tuple[str, int]] = set()
        for ev, stance in cited:
            doc = self.docs.get(ev.doc_id)
            if doc is None or (ev.doc_id, ev.char_start) in seen:
                continue
            quote = doc.text[ev.char_start : ev.char_end]
            if quote != ev.text:  # never show a quote that is not exactly in the document
                log.warning(
                    "dropped a citation that does not match %s[%d:%d]", ev.doc_id, ev.char_start, ev.char_end
                )
                continue
            seen.add((ev.doc_id, ev.char_start))
            p = ev.passage
            out.append(
                Citation(
                    doc_id=ev.doc_id,
                    source=doc.source,
                    title=doc.title,
                    kind=doc.kind,
                    date=doc.date,
                    page=p.page,
                    speaker=p.speaker,
                    timestamp=p.timestamp,
                    quote=quote,
                    char_start=ev.char_start,
                    char_end=ev.char_end,
                    stance=stance,
                )
            )  # type: ignore[arg-type]
            if len(out) == MAX_CITATIONS:
                break
        return out

    def _decided_by(self, decision: Decision) -> str:
        if decision.decided_by.startswith(_FINAL):
            return decision.decided_by
        return f"{decision.decided_by} ({self.scorer.name})"

    def extract_claims(self, article: str) -> list[Extracted]:
        """The check-worthy claims of an article: (claim, start, end) with ``article[start:end] == claim``."""
        return self.judge.extract(article)

    def check(self, claim: str, doc_ids: list[str] | None = None) -> Verdict:
        claim = " ".join(claim.split())
        if not claim:
            return Verdict(claim="", label="NOT_ENOUGH_INFO", confidence=0.0, error="empty claim")
        self._sync()
        parts = self.judge.split(claim)
        if len(parts) == 1:
            decision, citations, confidence = self._decide(claim, doc_ids)
            return Verdict(
                raw_score=decision.score,
                claim=claim,
                label=decision.label,
                confidence=confidence,  # type: ignore[arg-type]
                citations=citations,
                explanation=decision.explanation,
                decided_by=self._decided_by(decision),
                prompt_version=self.judge.prompt_version,
            )
        subs, raws, deciders = [], [], []
        for part in parts:
            decision, citations, confidence = self._decide(part, doc_ids)
            raws.append(decision.score)
            deciders.append(decision.decided_by)
            subs.append(
                SubVerdict(
                    claim=part,
                    label=decision.label,
                    confidence=confidence,  # type: ignore[arg-type]
                    citations=citations,
                    explanation=decision.explanation,
                )
            )
        label = combine([s.label for s in subs])
        deciding = [s for s in subs if s.label == label] or subs
        citations = [c for s in deciding for c in s.citations][:MAX_CITATIONS]
        explanation = "; ".join(f"{s.claim.strip()}: {s.label}" for s in subs)
        return Verdict(
            raw_score=min(raws),
            claim=claim,
            label=label,
            confidence=min(s.confidence for s in deciding),  # type: ignore[arg-type]
            citations=citations,
            explanation=f"Every listed item must hold. {explanation}",
            sub_verdicts=subs,
            decided_by=self._list_decided_by(deciders),
            prompt_version=self.judge.prompt_version,
        )

    def _list_decided_by(self, deciders: list[str]) -> str:
        # a part that fell back or was judged by an LLM is named, so a run can be audited from the top level
        named = [d for d in dict.fromkeys(deciders) if d.startswith(_FINAL)]
        return f"rules:list ({'; '.join(named) if named else self.scorer.name})"

    def check_many(self, claims: Iterable[str]) -> Iterator[Verdict]:
        for claim in claims:
            try:
                yield self.check(claim)
            except Exception as exc:  # one bad claim never sinks a batch
                log.exception("check failed")
                yield Verdict(
                    claim=claim, label="NOT_ENOUGH_INFO", confidence=0.0, error=f"{type(exc).__name__}: {exc}"
                )
