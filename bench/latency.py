"""Single-claim latency, warm, over the SciFact corpus: p50 / p95 on this machine.

Usage (repo root, venv active)::

    python bench/latency.py [--corpus ../shared/eval/scifact/corpus.jsonl] [--claims ...claims.jsonl] [--n 200]

Uses the same collection as `sourcecheck eval --corpus` (ingesting the corpus first if needed), warms the
checker up on a few claims (model load, BM25 index), then times `Checker.check` one claim at a time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path[:] = [p for p in sys.path if Path(p).resolve() != Path(__file__).resolve().parent]


def main() -> None:
    from assistant.checker import Checker
    from assistant.config import Settings
    from assistant.evaluate import prepare_store

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=Path("../shared/eval/scifact/corpus.jsonl"))
    parser.add_argument("--claims", type=Path, default=Path("../shared/eval/scifact/claims.jsonl"))
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()

    settings = Settings()
    store = prepare_store(settings, corpus=args.corpus)
    checker = Checker.from_settings(settings, store=store)
    claims = [json.loads(line)["claim"] for line in args.claims.open()][: args.n + 5]
    for claim in claims[:5]:
        checker.check(claim)
    times = []
    for claim in claims[5:]:
        started = time.perf_counter()
        checker.check(claim)
        times.append(time.perf_counter() - started)
    times.sort()
    result = {
        "claims": len(times),
        "passages": store.count_passages(),
        "p50_s": statistics.median(times),
        "p95_s": times[int(0.95 * (len(times) - 1))],
        "mean_s": statistics.fmean(times),
        "max_s": times[-1],
    }
    print(json.dumps(result, indent=2))
    if args.out:
        args.out.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
