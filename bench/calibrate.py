"""Fit the confidence calibration from `bench/eval_all.py` predictions and report ECE before/after.

Usage (repo root, venv active, after `python bench/eval_all.py`)::

    python bench/calibrate.py [--runs scenario-A vitaminc-numeric.oracle scifact check-covid wice]

Each prediction carries the aggregation's uncalibrated ``raw_score`` beside its calibrated confidence; the
fit uses the raw score, so re-fitting never stacks on a previous fit. Per predicted label, raw score -> accuracy is fit by equal-count binning made
monotone (``Calibrator.fit``). ECE "after" is measured out of sample: two folds by claim position, each fold
scored with the map fit on the other. The shipped map (``assistant/resources/calibration.json``) is then fit
on all of them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path[:] = [p for p in sys.path if Path(p).resolve() != Path(__file__).resolve().parent]

from assistant.evaluate import expected_calibration_error  # noqa: E402
from assistant.schema import LABELS  # noqa: E402
from assistant.verify.aggregate import Decision  # noqa: E402
from assistant.verify.calibrate import DEFAULT_PATH, Calibrator  # noqa: E402

DATASETS = {
    "scenario-A": "scenario-A",
    "vitaminc-numeric.oracle": "vitaminc-numeric",
    "scifact": "scifact",
    "check-covid": "check-covid",
    "wice": "wice",
}


def rows(run: str, eval_dir: Path, out: Path) -> list[tuple[str, float, bool]]:
    gold = {
        json.loads(line)["id"]: json.loads(line)["label"]
        for line in (eval_dir / DATASETS[run] / "claims.jsonl").open()
    }
    preds = [json.loads(line) for line in (out / f"{run}.pred.jsonl").open()]
    # raw_score: the uncalibrated strength (older prediction files only have the confidence)
    return [(p["label"], p.get("raw_score", p["confidence"]), p["label"] == gold[p["id"]]) for p in preds]


def fit(data: list[tuple[str, float, bool]]) -> Calibrator:
    tables = {}
    for label in LABELS:
        sub = [(s, c) for lab, s, c in data if lab == label]
        if len(sub) >= 10:
            tables[label] = Calibrator.fit([s for s, _ in sub], [c for _, c in sub])
    return Calibrator(tables)


def ece(calibrator: Calibrator | None, data: list[tuple[str, float, bool]]) -> float:
    confs = [calibrator(Decision(lab, s)) if calibrator else s for lab, s, _ in data]
    return expected_calibration_error(confs, [c for _, _, c in data])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", nargs="+", default=list(DATASETS))
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--out", type=Path, default=Path("bench/out/eval"))
    parser.add_argument("--write", type=Path, default=DEFAULT_PATH)
    args = parser.parse_args()
    data = {
        run: rows(run, args.eval_dir, args.out)
        for run in args.runs
        if (args.out / f"{run}.pred.jsonl").exists()
    }
    folds = [[r for run in data.values() for i, r in enumerate(run) if i % 2 == k] for k in (0, 1)]
    fold_maps = [fit(folds[1]), fit(folds[0])]  # fold k is scored with the map fit on the other fold
    print("| run | n | ECE raw | ECE calibrated (out of fold) |\n|---|---|---|---|")
    for run, items in data.items():
        held = [(fold_maps[i % 2], r) for i, r in enumerate(items)]
        after = expected_calibration_error(
            [cal(Decision(lab, s)) for cal, (lab, s, _) in held], [c for _, (_, _, c) in held]
        )
        print(f"| {run} | {len(items)} | {ece(None, items):.3f} | {after:.3f} |")
    final = fit([r for run in data.values() for r in run])
    payload = {
        "fitted_on": list(data),
        "labels": {lab: {"x": xs, "y": ys} for lab, (xs, ys) in final.tables.items()},
    }
    args.write.write_text(json.dumps(payload, indent=2) + "\n")
    print(f"wrote {args.write}")


if __name__ == "__main__":
    main()
