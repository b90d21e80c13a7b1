"""Ingest benchmark: raw MiniLM embedder throughput vs. full ``ingest_jsonl`` throughput, with peak RSS.

Usage (from the repo root, venv active)::

    python bench/ingest.py                  # full SciFact corpus (~15 min on 2 cores)
    python bench/ingest.py --limit 200      # quick run on the first 200 documents
    python bench/ingest.py --corpus X.jsonl --out bench/out/ingest.json [--grouped]

Each phase runs in its own spawned process, so its ``ru_maxrss`` is the peak of that phase alone:

* ``raw``: build the passage texts exactly as ingest does (``_corpus_document``, ``Settings().chunk_chars``),
  then time ``MiniLMEmbeddings.embed_array`` over all of them at once (``Settings().embed_batch_size``).
  It also counts the token cells the model computes (batch x longest text, per batch) when the texts are
  length-sorted globally vs. within ingest's write groups (>= ``BATCH_PASSAGES`` passages, file order);
  ``--grouped`` additionally times the embedder on those groups.
* ``ingest``: ``ingest_jsonl`` into a fresh temporary embedded store (PersistentClient). The embedder's
  ``embed_documents`` and ``Store.put_batch`` are wrapped with timers on the instances: embedding = time
  inside ``embed_documents``; Chroma writes = ``put_batch`` - embedding; loading + chunking = the rest.

Both phases load the model with one warm-up text before the clock starts; load time is reported apart.
CPU time (``time.process_time``, all threads) is reported too: on a shared VM it is steadier than wall time.
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


def _timed(fn, acc: list[float]):
    """Wrap fn so that acc[0] sums its wall time and acc[1] counts its calls."""

    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            acc[0] += time.perf_counter() - t0
            acc[1] += 1

    return wrapper


def _passage_groups(corpus: Path, max_chars: int) -> list[list[str]]:
    """Passage texts as ingest builds them, grouped the way its writer flushes (>= BATCH_PASSAGES)."""
    from ingest.pipeline import BATCH_PASSAGES, _corpus_document

    groups: list[list[str]] = [[]]
    with corpus.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.strip():
                _, passages = _corpus_document(json.loads(line), corpus, max_chars, None)
                groups[-1].extend(p.text for p in passages)
                if len(groups[-1]) >= BATCH_PASSAGES:
                    groups.append([])
    return [g for g in groups if g]


def _cells(lengths: list[int], batch: int) -> int:
    """Token cells embed_array computes: texts sorted by length, each batch padded to its longest."""
    s = sorted(lengths)
    return sum(len(s[i : i + batch]) * s[min(i + batch, len(s)) - 1] for i in range(0, len(s), batch))


def phase_raw(corpus: Path, max_chars: int, batch: int, grouped: bool) -> dict:
    from assistant.embeddings import MiniLMEmbeddings, _load_minilm

    t0 = time.perf_counter()
    groups = _passage_groups(corpus, max_chars)
    texts = [t for g in groups for t in g]
    out = {"passages": len(texts), "chunk_s": time.perf_counter() - t0}
    emb = MiniLMEmbeddings(batch_size=batch)
    t0 = time.perf_counter()
    emb.embed_array(["warm up"])
    out |= {"model_load_s": time.perf_counter() - t0, "rss_after_load_mib": _rss_mib()}
    lengths = [len(e.ids) for e in _load_minilm(emb.threads)[1].encode_batch(texts)]
    it = iter(lengths)
    out |= {
        "avg_chars": sum(map(len, texts)) / max(len(texts), 1),
        "tokens": sum(lengths),
        "cells_global_sort": _cells(lengths, batch),
        "cells_ingest_groups": sum(_cells([next(it) for _ in g], batch) for g in groups),
    }
    t0, c0 = time.perf_counter(), time.process_time()
    assert emb.embed_array(texts).shape == (len(texts), 384)
    out["embed_s"], out["embed_cpu_s"] = time.perf_counter() - t0, time.process_time() - c0
    out["texts_per_s"] = len(texts) / out["embed_s"]
    if grouped:
        t0 = time.perf_counter()
        for g in groups:
            emb.embed_array(g)
        out["grouped_texts_per_s"] = len(texts) / (time.perf_counter() - t0)
    out["peak_rss_mib"] = _rss_mib()
    return out


def phase_ingest(corpus: Path, max_chars: int, batch: int) -> dict:
    from assistant.config import Settings
    from assistant.embeddings import MiniLMEmbeddings
    from assistant.store import Store
    from ingest.pipeline import ingest_jsonl

    emb = MiniLMEmbeddings(batch_size=batch)
    t0 = time.perf_counter()
    emb.embed_array(["warm up"])
    out: dict = {"model_load_s": time.perf_counter() - t0}
    embed, put = [0.0, 0], [0.0, 0]
    emb.embed_documents = _timed(emb.embed_documents, embed)  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as home:
        store = Store.from_settings(Settings(home=Path(home), collection="bench"), emb)
        store.put_batch = _timed(store.put_batch, put)  # type: ignore[method-assign]
        out["rss_after_load_mib"] = _rss_mib()
        t0, c0 = time.perf_counter(), time.process_time()
        report = ingest_jsonl(corpus, store, max_chars=max_chars)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        out |= {
            "docs": len(report.results),
            "failed": len(report.failed),
            "passages": report.passages,
            "stored_passages": store.count_passages(),
            "wall_s": wall,
            "cpu_s": cpu,
            "passages_per_s": report.passages / wall,
            "embed_s": embed[0],
            "embed_calls": embed[1],
            "chroma_s": put[0] - embed[0],
            "load_chunk_s": wall - put[0],
            "peak_rss_mib": _rss_mib(),
        }
    return out


def _run(fn, *args) -> dict:
    """Run one phase in a fresh spawned process, so peak RSS belongs to that phase alone."""
    with mp.get_context("spawn").Pool(1) as pool:
        return pool.apply(fn, args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "../shared/eval/scifact/corpus.jsonl")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/out/ingest.json")
    parser.add_argument("--grouped", action="store_true", help="also time the embedder on ingest's groups")
    args = parser.parse_args()

    import onnxruntime

    from assistant.config import Settings

    settings = Settings()
    max_chars, batch = settings.chunk_chars, settings.embed_batch_size
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        corpus = args.corpus.resolve()
        if args.limit:
            lines = [line for line in corpus.open(encoding="utf-8") if line.strip()][: args.limit]
            corpus = Path(tmp) / corpus.name
            corpus.write_text("".join(lines), encoding="utf-8")
        raw = _run(phase_raw, corpus, max_chars, batch, args.grouped)
        ing = _run(phase_ingest, corpus, max_chars, batch)
    assert ing["passages"] == raw["passages"] == ing["stored_passages"], (raw, ing)
    ratio = ing["passages_per_s"] / raw["texts_per_s"]
    cpu_ratio = raw["embed_cpu_s"] / ing["cpu_s"]  # same passages: throughput per CPU second
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
        "ratio_ingest_over_raw_cpu_time": cpu_ratio,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")

    w, r, i = ing["wall_s"], raw, ing
    rows = [
        ("docs / passages", f"{i['docs']} ({i['failed']} failed) / {i['passages']}"),
        ("raw embedder (all texts)", f"{r['texts_per_s']:.1f} texts/s ({r['embed_s']:.1f} s)"),
        ("ingest_jsonl", f"{i['passages_per_s']:.1f} passages/s ({w:.1f} s)"),
        ("ratio ingest / raw", f"{ratio:.2f} wall, {cpu_ratio:.2f} CPU time (target >= 0.8)"),
        ("- embedding", f"{i['embed_s']:.1f} s ({i['embed_s'] / w:.0%}, {i['embed_calls']} calls)"),
        ("- Chroma writes", f"{i['chroma_s']:.1f} s ({i['chroma_s'] / w:.0%})"),
        ("- loading + chunking", f"{i['load_chunk_s']:.1f} s ({i['load_chunk_s'] / w:.0%})"),
        (
            "tokens / cells sorted / cells ingest",
            f"{r['tokens']} / {r['cells_global_sort']} / {r['cells_ingest_groups']}",
        ),
        ("model load (raw / ingest)", f"{r['model_load_s']:.1f} s / {i['model_load_s']:.1f} s"),
        ("peak RSS raw phase", f"{r['peak_rss_mib']:.0f} MiB (after load {r['rss_after_load_mib']:.0f})"),
        ("peak RSS ingest phase", f"{i['peak_rss_mib']:.0f} MiB (after load {i['rss_after_load_mib']:.0f})"),
    ]
    if "grouped_texts_per_s" in r:
        rows.insert(2, ("raw embedder (ingest groups)", f"{r['grouped_texts_per_s']:.1f} texts/s"))
    print("| metric | value |\n|---|---|")
    for key, value in rows:
        print(f"| {key} | {value} |")
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
