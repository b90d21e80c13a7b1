"""Bulk-checking benchmark: ``check_file`` over SciFact's claims with the embedded backend.

Usage (repo root, venv active)::

    nice python bench/bulk.py                          # 809 SciFact claims, cold cache, then a cached re-run
    python bench/bulk.py --eval-dir ../shared/eval --limit 200 --out bench/out/bulk.json

The corpus goes into the collection ``sourcecheck eval`` uses for it (``prepare_store``: ingested once, reused
after), under ``SOURCECHECK_HOME`` (default ``bench/out/home``). Each phase runs in its own spawned process, so
its peak RSS is that phase's alone:

* ``cold``: an empty verdict cache; every claim is checked (model and store load included in the wall time).
* ``cached``: the same claims into a new report with the cache the cold run filled.

Per-claim latency is the time between consecutive finished rows (check + cache + journal fsync).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# bench/ holds an ingest.py: keep the folder off sys.path so `import ingest` finds the package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]


def _prepare(corpus: str) -> int:
    """Ingest the corpus if its collection is not complete yet (in its own process: not part of any phase)."""
    from assistant.config import Settings
    from assistant.evaluate import prepare_store

    return prepare_store(Settings(), corpus=Path(corpus)).count_passages()


def _phase(name: str, corpus: str, claims: str, cache_dir: str, limit: int | None) -> dict:
    from assistant.bulk import BulkChecker, check_file
    from assistant.bulk.cache import VerdictCache
    from assistant.config import Settings
    from assistant.evaluate import prepare_store

    settings = Settings()
    t0 = time.perf_counter()
    store = prepare_store(settings, corpus=Path(corpus))
    bulk = BulkChecker.from_settings(settings, store=store)
    bulk.cache = VerdictCache(Path(cache_dir) / "verdicts.sqlite3")  # this run's own cache, not the home one
    load_s = time.perf_counter() - t0
    source = Path(claims)
    if limit:
        source = Path(cache_dir) / f"claims-{limit}.jsonl"
        source.write_text("".join(Path(claims).read_text().splitlines(keepends=True)[:limit]))
    stamps: list[float] = []
    started = time.perf_counter()
    summary = check_file(
        source,
        Path(cache_dir) / f"{name}.jsonl",
        bulk=bulk,
        fresh=True,
        progress=lambda done, total, row: stamps.append(time.perf_counter()),
    )
    wall = time.perf_counter() - started
    gaps = sorted(b - a for a, b in zip([started, *stamps], stamps, strict=False))
    return {
        "phase": name,
        "claims": summary.total,
        "labels": summary.labels,
        "errors": summary.errors,
        "cached": summary.cached,
        "passages": store.count_passages(),
        "load_s": round(load_s, 2),
        "wall_s": round(wall, 2),
        "claims_per_min": round(60 * summary.total / wall, 1),
        "claims_per_min_incl_load": round(60 * summary.total / (wall + load_s), 1),
        "p50_s": round(statistics.median(gaps), 4),
        "p95_s": round(gaps[int(0.95 * (len(gaps) - 1))], 4),
        "max_s": round(gaps[-1], 4),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--corpus", type=Path, help="default: EVAL_DIR/scifact/corpus.jsonl")
    parser.add_argument("--claims", type=Path, help="default: EVAL_DIR/scifact/claims.jsonl")
    parser.add_argument("--limit", type=int, help="only the first N claims")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "bulk.json")
    args = parser.parse_args()
    os.environ.setdefault("SOURCECHECK_HOME", str(ROOT / "bench" / "out" / "home"))
    corpus = (args.corpus or args.eval_dir / "scifact" / "corpus.jsonl").resolve()
    claims = (args.claims or args.eval_dir / "scifact" / "claims.jsonl").resolve()
    spawn = mp.get_context("spawn")
    results = []
    with spawn.Pool(1) as pool:
        print(f"store ready: {pool.apply(_prepare, (str(corpus),))} passages")
    with tempfile.TemporaryDirectory() as scratch:
        for name in ("cold", "cached"):
            with spawn.Pool(1) as pool:
                result = pool.apply(_phase, (name, str(corpus), str(claims), scratch, args.limit))
            print(json.dumps(result))
            results.append(result)
    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "corpus": str(corpus),
        "claims_file": str(claims),
        "phases": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
