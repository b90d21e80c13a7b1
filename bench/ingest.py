"""Ingest benchmark: raw MiniLM embedder throughput vs. full ``ingest_jsonl`` throughput, with peak RSS.

Usage (from the repo root, venv active)::

    python bench/ingest.py                       # full SciFact corpus (several minutes on 2 cores)
    python bench/ingest.py --limit 200           # quick run on the first 200 documents
    python bench/ingest.py --corpus X.jsonl --out bench/out/ingest.json

Each phase runs in its own spawned process, so its ``ru_maxrss`` is the peak of that phase alone:

* ``raw``: build the passage texts exactly as ingest does (``_corpus_document``, same ``max_chars``), then
  time ``MiniLMEmbeddings.embed_array`` over all of them (whole list, so sorted by length globally), and
  once more in file-order groups of ``BATCH_PASSAGES`` texts, which is how ingest hands them over.
* ``ingest``: ``ingest_jsonl`` into a fresh temporary embedded store. Embedding time is taken by wrapping
  the embeddings object; ``Store.put_batch`` is timed on the instance; Chroma = put_batch - embedding;
  loading + chunking = the rest of the wall time.

Both phases load the model with one warm-up text before the clock starts; load time is reported apart.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# This file is named ingest.py: keep its folder off sys.path so `import ingest` finds the package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _passage_texts(corpus: Path, max_chars: int) -> tuple[int, list[str]]:
    from ingest.pipeline import _corpus_document

    docs, texts = 0, []
    with corpus.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.strip():
                _, passages = _corpus_document(json.loads(line), corpus, max_chars, None)
                docs += 1
                texts.extend(p.text for p in passages)
    return docs, texts


def _warm(emb) -> float:
    t0 = time.perf_counter()
    emb.embed_array(["warm up"])
    return time.perf_counter() - t0


def phase_raw(corpus: Path, max_chars: int, batch_size: int, grouped: bool) -> dict:
    from assistant.embeddings import MiniLMEmbeddings
    from ingest.pipeline import BATCH_PASSAGES

    t0 = time.perf_counter()
    docs, texts = _passage_texts(corpus, max_chars)
    chunk_s = time.perf_counter() - t0
    emb = MiniLMEmbeddings(batch_size=batch_size)
    out = {"docs": docs, "passages": len(texts), "chunk_s": chunk_s, "model_load_s": _warm(emb)}
    out["rss_after_load_mib"] = _rss_mib()
    t0 = time.perf_counter()
    vectors = emb.embed_array(texts)
    out["embed_s"] = time.perf_counter() - t0
    out["texts_per_s"] = len(texts) / out["embed_s"]
    out["avg_chars"] = sum(map(len, texts)) / max(len(texts), 1)
    assert vectors.shape == (len(texts), 384)
    if grouped:
        t0 = time.perf_counter()
        for i in range(0, len(texts), BATCH_PASSAGES):
            emb.embed_array(texts[i : i + BATCH_PASSAGES])
        out["grouped_embed_s"] = time.perf_counter() - t0
        out["grouped_texts_per_s"] = len(texts) / out["grouped_embed_s"]
    out["peak_rss_mib"] = _rss_mib()
    return out


def phase_ingest(corpus: Path, max_chars: int, batch_size: int) -> dict:
    from langchain_core.embeddings import Embeddings

    from assistant.config import Settings
    from assistant.embeddings import MiniLMEmbeddings
    from assistant.store import Store
    from ingest.pipeline import ingest_jsonl

    class TimedEmbeddings(Embeddings):
        def __init__(self, inner: MiniLMEmbeddings):
            self.inner, self.name, self.seconds, self.calls = inner, inner.name, 0.0, 0

        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            t0 = time.perf_counter()
            try:
                return self.inner.embed_documents(texts)
            finally:
                self.seconds += time.perf_counter() - t0
                self.calls += 1

        def embed_query(self, text: str) -> list[float]:
            return self.inner.embed_query(text)

    inner = MiniLMEmbeddings(batch_size=batch_size)
    out: dict = {"model_load_s": _warm(inner)}
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as home:
        emb = TimedEmbeddings(inner)
        store = Store.from_settings(Settings(home=Path(home), collection="bench"), emb)
        put_s = [0.0]
        original_put = store.put_batch

        def timed_put(items):
            t0 = time.perf_counter()
            try:
                return original_put(items)
            finally:
                put_s[0] += time.perf_counter() - t0

        store.put_batch = timed_put  # type: ignore[method-assign]
        out["rss_after_load_mib"] = _rss_mib()
        t0 = time.perf_counter()
        report = ingest_jsonl(corpus, store, max_chars=max_chars)
        wall = time.perf_counter() - t0
        out |= {
            "docs": len(report.results),
            "failed": len(report.failed),
            "passages": report.passages,
            "stored_passages": store.count_passages(),
            "wall_s": wall,
            "passages_per_s": report.passages / wall,
            "embed_s": emb.seconds,
            "embed_calls": emb.calls,
            "chroma_s": put_s[0] - emb.seconds,
            "load_chunk_s": wall - put_s[0],
            "peak_rss_mib": _rss_mib(),
        }
    return out


def _run(fn, *args) -> dict:
    """Run one phase in a fresh spawned process, so peak RSS belongs to that phase alone."""
    with mp.get_context("spawn").Pool(1) as pool:
        return pool.apply(fn, args)


def _limited(corpus: Path, limit: int | None, tmp: Path) -> Path:
    if not limit:
        return corpus
    lines = [line for line in corpus.open(encoding="utf-8") if line.strip()][:limit]
    path = tmp / corpus.name
    path.write_text("".join(lines), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "../shared/eval/scifact/corpus.jsonl")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/out/ingest.json")
    parser.add_argument("--no-grouped", action="store_true", help="skip the file-order grouped raw pass")
    args = parser.parse_args()

    import onnxruntime

    from assistant.config import Settings

    settings = Settings()
    max_chars, batch = settings.chunk_chars, settings.embed_batch_size
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        corpus = _limited(args.corpus.resolve(), args.limit, Path(tmp))
        raw = _run(phase_raw, corpus, max_chars, batch, not args.no_grouped)
        ing = _run(phase_ingest, corpus, max_chars, batch)
    assert ing["passages"] == raw["passages"], (ing["passages"], raw["passages"])
    ratio = ing["passages_per_s"] / raw["texts_per_s"]
    result = {
        "machine": {
            "cpu_count": os.cpu_count(),
            "python": platform.python_version(),
            "onnxruntime": onnxruntime.__version__,
            "platform": platform.platform(),
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
        },
        "corpus": str(args.corpus),
        "limit": args.limit,
        "settings": {"chunk_chars": max_chars, "embed_batch_size": batch},
        "raw": raw,
        "ingest": ing,
        "ratio_ingest_over_raw": ratio,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")

    w = ing["wall_s"]
    rows = [
        ("docs / passages", f"{ing['docs']} / {ing['passages']} (avg {raw['avg_chars']:.0f} chars)"),
        ("raw embedder, all texts", f"{raw['texts_per_s']:.1f} texts/s ({raw['embed_s']:.1f} s)"),
    ]
    if "grouped_texts_per_s" in raw:
        g = f"{raw['grouped_texts_per_s']:.1f} texts/s ({raw['grouped_embed_s']:.1f} s)"
        rows.append(("raw embedder, ingest-sized groups", g))
    rows += [
        ("ingest_jsonl", f"{ing['passages_per_s']:.1f} passages/s ({w:.1f} s)"),
        ("ratio ingest / raw", f"{ratio:.2f} (target >= 0.8)"),
        ("  embedding", f"{ing['embed_s']:.1f} s ({ing['embed_s'] / w:.0%}, {ing['embed_calls']} calls)"),
        ("  Chroma writes", f"{ing['chroma_s']:.1f} s ({ing['chroma_s'] / w:.0%})"),
        ("  loading + chunking", f"{ing['load_chunk_s']:.1f} s ({ing['load_chunk_s'] / w:.0%})"),
        ("model load (each phase)", f"{raw['model_load_s']:.1f} s / {ing['model_load_s']:.1f} s"),
        ("peak RSS raw phase", f"{raw['peak_rss_mib']:.0f} MiB (after load {raw['rss_after_load_mib']:.0f})"),
        ("peak RSS ingest phase", f"{ing['peak_rss_mib']:.0f} MiB (after load {ing['rss_after_load_mib']:.0f})"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
