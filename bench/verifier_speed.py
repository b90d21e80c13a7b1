"""Pairs per second of the shipped verifier on this machine, as the pipeline runs it (one pair per call).

    python bench/verifier_speed.py [--pairs 2000] [--threads 2]

The pairs are real (claim, evidence sentence) pairs: SciFact claims against sentences of their cited
abstracts, read from ``--eval-dir``. Writes ``bench/results/verifier_speed.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import time
from pathlib import Path

# bench/ingest.py would shadow the ingest package
sys.path[:] = [p for p in sys.path if Path(p).resolve() != Path(__file__).resolve().parent]
from assistant.verify.model import VerifierModel, _load  # noqa: E402


def real_pairs(eval_dir: Path, n: int) -> list[tuple[str, str]]:
    docs = {}
    with (eval_dir / "scifact" / "corpus.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            docs[d["doc_id"]] = d["sentences"]
    pairs = []
    with (eval_dir / "scifact" / "claims.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            c = json.loads(line)
            for doc_id in c.get("meta", {}).get("cited_doc_ids", []):
                pairs += [(c["claim"], s) for s in docs.get(doc_id, [])]
    random.Random(0).shuffle(pairs)
    return pairs[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    ap.add_argument("--pairs", type=int, default=2000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", type=Path, default=Path("bench/results/verifier_speed.json"))
    args = ap.parse_args()
    pairs = real_pairs(args.eval_dir, args.pairs)
    model = VerifierModel(threads=args.threads, cache_size=0)
    model.predict(pairs[:50])  # load + warm-up
    _, tokenizer = _load(args.threads)
    tokens = [len(e.ids) for e in tokenizer.encode_batch(pairs)]
    started = time.perf_counter()
    model.predict(pairs)
    seconds = time.perf_counter() - started
    result = {
        "pairs": len(pairs),
        "threads": args.threads,
        "pairs_per_s": round(len(pairs) / seconds, 1),
        "tokens_mean": round(statistics.mean(tokens), 1),
        "tokens_p95": sorted(tokens)[int(0.95 * len(tokens))],
        "machine": f"{platform.processor() or platform.machine()}, {args.threads} threads",
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    print(json.dumps(result, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
