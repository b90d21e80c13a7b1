"""`sourcecheck eval`: run the checker over a labelled claim set and measure it.

Two inputs: a JSONL corpus in the common format (``--corpus``), or a folder of raw documents (``--docs``,
e.g. scenario-A, where gold evidence is file + quote). Each corpus gets its own collection, named by the hash
of its contents, so a re-run does not re-ingest.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from assistant.checker import Checker
from assistant.config import Settings
from assistant.schema import LABELS, Verdict
from assistant.store import Store

log = logging.getLogger(__name__)

# --- metrics (pure) ----------------------------------------------------------------------------------------

# The numbers a results table shows first, in this order (CLI summary, bench/eval_all.py).
HEADLINE_METRICS = (
    "n",
    "accuracy",
    "macro_f1",
    "wrong_supported_rate",
    "ece",
    "citation_precision",
    "citation_recall",
    "claims_per_s",
)


def classification_metrics(gold: list[str], pred: list[str]) -> dict:
    per_label = {}
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, pred, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    present = [lab for lab in LABELS if per_label[lab]["support"] or any(p == lab for p in pred)]
    not_supported = [p for g, p in zip(gold, pred, strict=True) if g != "SUPPORTED"]
    return {
        "n": len(gold),
        "accuracy": sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else 0.0,
        "macro_f1": sum(per_label[lab]["f1"] for lab in present) / len(present) if present else 0.0,
        "per_label": per_label,
        "confusion": {
            g: {p: sum(1 for a, b in zip(gold, pred, strict=True) if a == g and b == p) for p in LABELS}
            for g in LABELS
        },
        # the costliest error: a claim that is not supported, reported as SUPPORTED
        "wrong_supported_rate": not_supported.count("SUPPORTED") / len(not_supported)
        if not_supported
        else 0.0,
    }


def expected_calibration_error(confidences: list[float], correct: list[bool], bins: int = 10) -> float:
    total = len(confidences)
    if not total:
        return 0.0
    ece = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, c in enumerate(confidences) if lo < c <= hi or (b == 0 and c == 0)]
        if idx:
            acc = sum(correct[i] for i in idx) / len(idx)
            conf = sum(confidences[i] for i in idx) / len(idx)
            ece += len(idx) / total * abs(acc - conf)
    return ece


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w%.,]+", " ", text.lower()).split())


def quote_matches(cited: str, gold: str) -> bool:
    """The same passage: one contains the other once whitespace and punctuation are normalised, or they share
    most of their words (a gold quote may span two of our sentences)."""
    a, b = _norm(cited), _norm(gold)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.6


# --- data ------------------------------------------------------------------------------------------------


@dataclass
class GoldSpan:
    key: str  # doc_id (corpus) or file name (docs)
    start: int | None = None
    end: int | None = None
    quote: str | None = None


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def sentence_spans(doc: dict) -> list[tuple[int, int]]:
    """Offsets of each of a corpus document's `sentences` in its `text`."""
    spans, pos = [], 0
    for sentence in doc.get("sentences") or []:
        start = doc["text"].find(sentence, pos)
        if start < 0:
            spans.append((pos, pos))
            continue
        spans.append((start, start + len(sentence)))
        pos = start + len(sentence)
    return spans


def oracle_doc_ids(claim: dict) -> list[str]:
    meta = claim.get("meta") or {}
    ids = [str(e["doc_id"]) for e in claim.get("evidence") or [] if "doc_id" in e]
    for key in ("oracle_doc_id", "nei_doc_id"):
        if meta.get(key):
            ids.append(str(meta[key]))
    ids.extend(str(d) for d in meta.get("cited_doc_ids") or [])
    return list(dict.fromkeys(ids))


# --- running -----------------------------------------------------------------------------------------------


def _collection_for(paths: Iterable[Path]) -> str:
    from ingest.pipeline import INGEST_VERSION

    digest = hashlib.sha256(f"ingest-v{INGEST_VERSION}".encode())
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"eval-{digest.hexdigest()[:16]}"


def prepare_store(settings: Settings, *, corpus: Path | None = None, docs: Path | None = None) -> Store:
    from ingest.pipeline import ingest_jsonl, ingest_paths

    files = [corpus] if corpus else sorted(p for p in docs.rglob("*") if p.is_file())  # type: ignore[union-attr]
    store = Store.from_settings(settings.model_copy(update={"collection": _collection_for(files)}))
    from ingest.loaders import LOADERS

    if corpus:
        with corpus.open(encoding="utf-8") as fh:
            expected = sum(1 for line in fh if line.strip())
    else:
        expected = sum(1 for f in files if f.suffix.lower() in LOADERS)
    if len(store.documents()) < expected:
        if corpus:
            ingest_jsonl(corpus, store, max_chars=settings.chunk_chars)
        else:
            ingest_paths([docs], store, max_bytes=settings.max_file_bytes, max_chars=settings.chunk_chars)  # type: ignore[list-item]
    return store


def _gold_spans(claim: dict, corpus_docs: dict[str, dict]) -> list[GoldSpan]:
    spans = []
    for ev in claim.get("evidence") or []:
        if "file" in ev:
            spans.append(GoldSpan(Path(ev["file"]).name, quote=ev["quote"]))
            continue
        doc = corpus_docs.get(str(ev["doc_id"]))
        if doc is None or ev.get("sentences") is None:
            spans.append(GoldSpan(str(ev["doc_id"])))
            continue
        offsets = sentence_spans(doc)
        spans.extend(GoldSpan(str(ev["doc_id"]), *offsets[i]) for i in ev["sentences"] if i < len(offsets))
    return spans


def _citation_hits(verdict: Verdict, gold: list[GoldSpan], by_file: bool) -> list[bool]:
    hits = []
    for c in verdict.citations:
        key = Path(c.source).name if by_file else c.doc_id
        hit = False
        for g in gold:
            if g.key != key:
                continue
            if g.quote is not None:
                hit = quote_matches(c.quote, g.quote)
            elif g.start is None:
                hit = True
            else:
                hit = c.char_start < g.end and g.start < c.char_end  # type: ignore[operator]
            if hit:
                break
        hits.append(hit)
    return hits


def run_eval(
    checker: Checker,
    claims: list[dict],
    *,
    corpus_docs: dict[str, dict],
    oracle: bool,
    by_file: bool,
    predictions: Path,
    progress: Callable[[int], None] | None = None,
) -> dict:
    gold_labels, pred_labels, confidences = [], [], []
    raw: list[
        tuple[str, float, bool]
    ] = []  # (label, uncalibrated score, correct): what calibration is fit on
    cited_hits: list[bool] = []
    recall_hits: list[bool] = []
    decided_by: Counter[str] = Counter()
    errors = 0
    started = time.perf_counter()
    with predictions.open("w", encoding="utf-8") as out:
        for i, claim in enumerate(claims):
            doc_ids = oracle_doc_ids(claim) if oracle else None
            try:
                verdict = checker.check(claim["claim"], doc_ids=doc_ids or None)
            except Exception as exc:  # one failing claim is recorded as an error, not the end of the run
                log.exception("claim %s failed", claim.get("id"))
                verdict = Verdict(
                    claim=claim["claim"],
                    label="NOT_ENOUGH_INFO",
                    confidence=0.0,
                    error=f"{type(exc).__name__}: {exc}",
                )
                errors += 1
            gold = _gold_spans(claim, corpus_docs)
            citations = [
                {
                    "doc_id": c.doc_id,
                    "char_start": c.char_start,
                    "char_end": c.char_end,
                    "quote": c.quote,
                    **({"source": c.source} if by_file else {}),
                }
                for c in verdict.citations
            ]
            out.write(
                json.dumps(
                    {
                        "id": claim["id"],
                        "label": verdict.label,
                        "confidence": round(verdict.confidence, 4),
                        "raw_score": round(verdict.raw_score, 4),
                        "citations": citations,
                    }
                )
                + "\n"
            )
            raw.append((verdict.label, verdict.raw_score, verdict.label == claim["label"]))
            gold_labels.append(claim["label"])
            pred_labels.append(verdict.label)
            confidences.append(verdict.confidence)
            decided_by[verdict.decided_by.split(" ")[0]] += 1
            if gold and claim["label"] != "NOT_ENOUGH_INFO":
                hits = _citation_hits(verdict, gold, by_file)
                cited_hits.extend(hits)
                recall_hits.append(any(hits))
            if progress:
                progress(i + 1)
    elapsed = time.perf_counter() - started
    metrics = classification_metrics(gold_labels, pred_labels)
    correct = [g == p for g, p in zip(gold_labels, pred_labels, strict=True)]
    metrics.update(
        {
            "ece": expected_calibration_error(confidences, correct),
            "citation_precision": sum(cited_hits) / len(cited_hits) if cited_hits else None,
            "citation_recall": sum(recall_hits) / len(recall_hits) if recall_hits else None,
            "citations_scored": len(cited_hits),
            "claims_per_s": len(claims) / elapsed if elapsed else None,
            "seconds": elapsed,
            "oracle": oracle,
            "decided_by": dict(decided_by),
            "errors": errors,
            "raw_scores": raw,
        }
    )
    return metrics


def fit_calibration(raw: list[tuple[str, float, bool]], path: Path, sources: list[str]) -> dict:
    """Per-label maps from raw score to accuracy, written where ``Calibrator.load_default`` reads them."""
    from assistant.verify.calibrate import Calibrator

    labels = {}
    for label in LABELS:
        rows = [(s, c) for lab, s, c in raw if lab == label]
        if len(rows) >= 10:
            xs, ys = Calibrator.fit([s for s, _ in rows], [c for _, c in rows])
            labels[label] = {"x": xs, "y": ys, "n": len(rows)}
    data = {"fitted_on": sources, "labels": labels}
    path.write_text(json.dumps(data, indent=2))
    return data


def load_claims(path: Path, limit: int | None) -> list[dict]:
    claims = _read_jsonl(path)
    return claims[:limit] if limit else claims


def load_corpus_docs(corpus: Path | None) -> dict[str, dict]:
    return {str(d["doc_id"]): d for d in _read_jsonl(corpus)} if corpus else {}
