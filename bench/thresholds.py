"""Choose the verdict thresholds for the scorer on the development data, not by hand.

    python bench/thresholds.py --eval-dir ../shared/eval [--limit 300]

For each tuning set the evidence of every claim is gathered once (retrieval, scorer, rules); the pure verdict
logic is then re-run for each (SUPPORT_AT, REFUTE_AT) on a grid. The score to maximise is the mean over the sets
of macro-F1 minus the wrong-SUPPORTED rate (a wrong SUPPORTED is the costliest error). Tuning sets: the
scenario-A claims, the SciFact claims outside the held-out fifth and Check-COVID's train split, so the held-out
parts stay clean for the results table. Writes ``bench/results/thresholds.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path[:] = [p for p in sys.path if Path(p).resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "train"))

from pairs import heldout  # noqa: E402

from assistant import checker as checker_module  # noqa: E402
from assistant.checker import Checker  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.evaluate import classification_metrics, load_claims, prepare_store  # noqa: E402
from assistant.verify import aggregate  # noqa: E402
from assistant.verify.claims import parse_claim, split_claim  # noqa: E402


def gathered(checker: Checker, claims: list[dict]) -> list[tuple[dict, list]]:
    """(claim, [(frame, evidence, table decision)] per part): everything but the final decision."""
    out = []
    for c in claims:
        checker._sync()
        parts = []
        for part in split_claim(" ".join(c["claim"].split())):
            frame = parse_claim(part)
            evidence = checker.evidence(part, None, frame)
            parts.append((frame, evidence, checker._table(frame.content, evidence)))
        out.append((c, parts))
    return out


def label_of(parts) -> str:
    labels = [(table or aggregate.decide(frame, ev)).label for frame, ev, table in parts]
    return labels[0] if len(labels) == 1 else aggregate.combine(labels)


def score(rows) -> dict:
    gold = [c["label"] for c, _ in rows]
    pred = [label_of(parts) for _, parts in rows]
    m = classification_metrics(gold, pred)
    return {
        "macro_f1": m["macro_f1"],
        "accuracy": m["accuracy"],
        "wrong_supported": m["wrong_supported_rate"],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    ap.add_argument("--limit", type=int, default=300, help="claims per set (the first N)")
    ap.add_argument("--out", type=Path, default=Path("bench/results/thresholds.json"))
    args = ap.parse_args()
    settings = Settings()
    e = args.eval_dir
    sets = {
        "scenario-A": (None, e / "scenario-A" / "docs", load_claims(e / "scenario-A" / "claims.jsonl", None)),
        "scifact-train": (
            e / "scifact" / "corpus.jsonl",
            None,
            [c for c in load_claims(e / "scifact" / "claims.jsonl", None) if not heldout("scifact", c)],
        ),
        "check-covid-train": (
            e / "check-covid" / "corpus.jsonl",
            None,
            [
                c
                for c in load_claims(e / "check-covid" / "claims.jsonl", None)
                if not heldout("check-covid", c)
            ],
        ),
    }
    data = {}
    for name, (corpus, docs, claims) in sets.items():
        store = prepare_store(settings, corpus=corpus, docs=docs)
        checker = Checker.from_settings(settings, store=store)
        data[name] = gathered(checker, claims[: args.limit])
        print(f"{name}: {len(data[name])} claims gathered", flush=True)

    grid = []
    for support_at in [0.5, 0.55, 0.6, 0.62, 0.65, 0.7, 0.75, 0.8, 0.85]:
        for refute_at in [0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85]:
            aggregate.SUPPORT_AT, aggregate.REFUTE_AT = support_at, refute_at
            per_set = {name: score(rows) for name, rows in data.items()}
            objective = sum(s["macro_f1"] - s["wrong_supported"] for s in per_set.values()) / len(per_set)
            grid.append({"support_at": support_at, "refute_at": refute_at, "objective": objective, **per_set})
    grid.sort(key=lambda g: -g["objective"])
    best = grid[0]
    print(json.dumps(best, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "scorer": checker_module.Checker.from_settings(settings).scorer.name,
        "best": best,
        "top": grid[:10],
    }
    args.out.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
