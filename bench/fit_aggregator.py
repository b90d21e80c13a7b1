"""Fit the learned aggregator (assistant/verify/learned.py) and measure it against the shipped logic.

    SOURCECHECK_HOME=bench/out/home python bench/fit_aggregator.py [--limit 400] [--write]

1. **Gather** (once; cached in ``bench/out/aggregator-features.json``, keyed by a hash of the checker's code so a
   rule change regathers): each claim of scenario-A, SciFact held-out (oracle), Check-COVID dev (oracle) and
   vitaminc-numeric (oracle, the first ``--limit``) is checked by the shipped pipeline, recording each decision's
   features (``learned.features``), label, decider and raw score, and the verdict's label and confidence. Only
   claims the verifier never trained on (``train/pairs.py:heldout``).
2. **Measure**, never on the claims a model was fit on: out of fold (5 folds within each set, every fold's model
   fit on the other folds of all four sets) and leave-one-set-out (fit on the other three sets). Per set:
   accuracy, macro-F1, wrong-SUPPORTED and ECE of
   - the shipped logic with the shipped calibration (``assistant/resources/calibration.json``, fit on these
     same dev sets: in-sample for it), and with a calibration refit on the same folds (fair to both);
   - the shipped labels with the aggregator's confidence;
   - the aggregator's label on the scorer path (an abstention becomes SUPPORTED at P(S) >= a support bar, or
     REFUTED at P(R) >= a refute bar), for a grid of bars. The bars shipped are those with the best public-set
     macro-F1 among the ones that raise no set's wrong-SUPPORTED (``choose_bars``); whether the switch should be
     on by default (it must also keep scenario-A's accuracy) is printed and recorded.
3. **Write** (``--write``): the aggregator fit on all four sets, with those bars, to
   ``assistant/resources/aggregator.json``; the report goes to ``bench/results/aggregator.json``.

The fit: multinomial logistic regression (scikit-learn, L2, C = ``--c``), each set weighted equally (so 400
vitaminc claims do not outvote 77 scenario-A ones), no class weights (the probabilities stay calibrated).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path[:] = [p for p in sys.path if Path(p).resolve() != Path(__file__).resolve().parent]
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "train"))

from pairs import heldout  # noqa: E402

from assistant.checker import Checker  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.evaluate import (  # noqa: E402
    classification_metrics,
    expected_calibration_error,
    load_claims,
    oracle_doc_ids,
    prepare_store,
)
from assistant.verify.aggregate import Decision, combine  # noqa: E402
from assistant.verify.calibrate import Calibrator  # noqa: E402
from assistant.verify.learned import DEFAULT_PATH, FEATURES, LABELS, Aggregator  # noqa: E402

SETS = ("scenario-A", "scifact.heldout.oracle", "check-covid.heldout.oracle", "vitaminc-numeric.oracle")
SUPPORT_BARS = (0.7, 0.8, 0.9, 1.01)  # 1.01: never SUPPORTED by the switch
REFUTE_BARS = (0.4, 0.5, 0.6, 0.7)
BARS = [(sb, rb) for sb in SUPPORT_BARS for rb in REFUTE_BARS]


def code_hash() -> str:
    """The checker's code and resources: a change regathers the features."""
    digest = hashlib.sha256()
    files = [ROOT / "assistant" / "checker.py", *sorted((ROOT / "assistant").glob("*/*.py"))]
    files += sorted((ROOT / "assistant" / "resources").glob("calibration.json"))
    for f in files:
        if f.name != "learned.py":  # the aggregator itself does not change what is gathered
            digest.update(f.read_bytes())
    return digest.hexdigest()[:16]


def dev_sets(e: Path, limit: int) -> dict[str, tuple[Path | None, Path | None, bool, list[dict]]]:
    return {
        "scenario-A": (
            None,
            e / "scenario-A" / "docs",
            False,
            load_claims(e / "scenario-A" / "claims.jsonl", None),
        ),
        "scifact.heldout.oracle": (
            e / "scifact" / "corpus.jsonl",
            None,
            True,
            [c for c in load_claims(e / "scifact" / "claims.jsonl", None) if heldout("scifact", c)],
        ),
        "check-covid.heldout.oracle": (
            e / "check-covid" / "corpus.jsonl",
            None,
            True,
            [c for c in load_claims(e / "check-covid" / "claims.jsonl", None) if heldout("check-covid", c)],
        ),
        "vitaminc-numeric.oracle": (
            e / "vitaminc-numeric" / "corpus.jsonl",
            None,
            True,
            load_claims(e / "vitaminc-numeric" / "claims.jsonl", limit),
        ),
    }


def gather(checker: Checker, claims: list[dict], oracle: bool) -> list[dict]:
    rows = []
    for c in claims:
        checker.features_log = []
        verdict = checker.check(c["claim"], doc_ids=(oracle_doc_ids(c) or None) if oracle else None)
        rows.append(
            {
                "id": c["id"],
                "gold": c["label"],
                "label": verdict.label,
                "confidence": verdict.confidence,
                "raw_score": verdict.raw_score,
                "parts": checker.features_log,
            }
        )
    checker.features_log = None
    return rows


# --- fitting and simulating ---------------------------------------------------------------------------------


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, c: float) -> Aggregator:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(x, y, sample_weight=w)
    weights = np.zeros((x.shape[1], 3))
    bias = np.zeros(3)
    for j, k in enumerate(model.classes_):  # a class absent from the data keeps weight 0 (and bias -inf-ish)
        weights[:, k] = model.coef_[j]
        bias[k] = model.intercept_[j]
    for k in set(range(3)) - set(model.classes_):
        bias[k] = -20.0
    return Aggregator(weights, bias)


def part_rows(claims: list[dict]) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """One training row per decision, labelled with its claim's gold label (lists: the parts of a SUPPORTED list
    are each SUPPORTED; of the others, only the claim's label is known, and it is what the checker must output)."""
    x, y, owner = [], [], []
    for i, c in enumerate(claims):
        for p in c["parts"]:
            x.append(p["x"])
            y.append(LABELS.index(c["gold"]))
            owner.append(i)
    return np.array(x).reshape(-1, len(FEATURES)), np.array(y, dtype=int), owner


def simulate(
    claim: dict, agg: Aggregator | None, cal: Calibrator | None, relabel: tuple[float, float] | None
) -> tuple[str, float]:
    """The verdict's label and confidence for one gathered claim under a policy, as ``Checker`` computes them:
    ``agg`` for the confidence (else ``cal``, else the shipped confidence), and, with ``relabel`` (support and
    refute bars), the aggregator's label on the scorer path."""
    parts = claim["parts"]
    if not parts:  # an LLM decision or no decision logged: the shipped verdict
        return claim["label"], claim["confidence"]
    labels, confs = [], []
    for p in parts:
        label = p["label"]
        probs = agg.probabilities(p["x"]) if agg is not None else None
        if relabel is not None and probs is not None and p["decided_by"] == "scorer":
            bars = agg.support_bar, agg.refute_bar
            agg.support_bar, agg.refute_bar = relabel
            label = agg.relabel(probs, label)
            agg.support_bar, agg.refute_bar = bars
        if probs is not None and cal is None:
            conf = agg.confidence(probs, label)
        elif cal is not None:
            conf = cal(Decision(label, p["score"]))
        else:
            conf = claim["confidence"]
        labels.append(label)
        confs.append(conf)
    if len(parts) == 1:
        return labels[0], confs[0]
    label = combine(labels)
    deciding = [c for lab, c in zip(labels, confs, strict=True) if lab == label] or confs
    return label, min(deciding)


def fit_calibrator(claims: list[dict]) -> Calibrator:
    tables = {}
    for label in LABELS:
        sub = [
            (p["score"], c["gold"] == c["label"]) for c in claims for p in c["parts"] if p["label"] == label
        ]
        if len(sub) >= 10:
            tables[label] = Calibrator.fit([s for s, _ in sub], [k for _, k in sub])
    return Calibrator(tables)


def metrics(claims: list[dict], out: list[tuple[str, float]]) -> dict:
    gold = [c["gold"] for c in claims]
    pred = [lab for lab, _ in out]
    m = classification_metrics(gold, pred)
    ece = expected_calibration_error(
        [conf for _, conf in out], [g == p for g, p in zip(gold, pred, strict=True)]
    )
    return {
        "accuracy": round(m["accuracy"], 3),
        "macro_f1": round(m["macro_f1"], 3),
        "wrong_supported": round(m["wrong_supported_rate"], 3),
        "ece": round(ece, 3),
    }


def weights_for(claims_by_set: dict[str, list[dict]], owner_sets: list[str]) -> np.ndarray:
    """Each set weighs the same in total."""
    counts = {s: sum(1 for o in owner_sets if o == s) for s in set(owner_sets)}
    return np.array([len(owner_sets) / (len(counts) * counts[o]) for o in owner_sets])


def train(claims_by_set: dict[str, list[dict]], pick: dict[str, set[int]], c: float) -> Aggregator:
    """Fit on the claims ``pick`` names (set -> indices)."""
    chosen = [(s, claims_by_set[s][i]) for s in pick for i in sorted(pick[s])]
    x, y, owner = part_rows([cl for _, cl in chosen])
    sets = [chosen[o][0] for o in owner]
    return fit(x, y, weights_for(claims_by_set, sets), c)


def evaluate(claims_by_set: dict[str, list[dict]], c: float, folds: int = 5) -> dict:
    """Out-of-fold and leave-one-set-out predictions under each policy, and their metrics per set."""
    policies = ["shipped", "shipped+refit-calibration", "shipped-labels+learned-confidence"]
    policies += [name(b) for b in BARS]
    fold_of = {s: np.arange(len(cl)) % folds for s, cl in claims_by_set.items()}
    report: dict = {}
    for scheme in ("out_of_fold", "leave_one_set_out"):
        outs: dict[str, dict[str, list]] = {
            p: {s: [None] * len(cl) for s, cl in claims_by_set.items()} for p in policies
        }
        splits = (
            [{s: set(np.flatnonzero(fold_of[s] == k)) for s in claims_by_set} for k in range(folds)]
            if scheme == "out_of_fold"
            else [
                {s: set(range(len(cl))) if s == held else set() for s, cl in claims_by_set.items()}
                for held in claims_by_set
            ]
        )
        for test in splits:
            pick = {s: set(range(len(cl))) - test[s] for s, cl in claims_by_set.items()}
            pick = {s: v for s, v in pick.items() if v}
            agg = train(claims_by_set, pick, c)
            cal = fit_calibrator([claims_by_set[s][i] for s in pick for i in pick[s]])
            for s, idx in test.items():
                for i in idx:
                    claim = claims_by_set[s][i]
                    outs["shipped"][s][i] = (claim["label"], claim["confidence"])
                    outs["shipped+refit-calibration"][s][i] = simulate(claim, None, cal, None)
                    outs["shipped-labels+learned-confidence"][s][i] = simulate(claim, agg, None, None)
                    for b in BARS:
                        outs[name(b)][s][i] = simulate(claim, agg, None, b)
        report[scheme] = {
            p: {s: metrics(claims_by_set[s], outs[p][s]) for s in claims_by_set} for p in policies
        }
    return report


def name(bars: tuple[float, float]) -> str:
    return f"learned-labels S>={bars[0]} R>={bars[1]}"


def choose_bars(report: dict) -> tuple[tuple[float, float] | None, bool]:
    """The label switch's bars: among those at which no set's wrong-SUPPORTED rises (out of fold and leave one set
    out), the one with the best mean macro-F1 over the public sets (both schemes). ``ok``: it also keeps
    scenario-A's accuracy and raises the public F1, so it may be on by default."""
    public = [s for s in SETS if s != "scenario-A"]
    best, best_f1, ok = None, -1.0, False
    for b in BARS:
        schemes = [(report[k]["shipped"], report[k][name(b)]) for k in ("out_of_fold", "leave_one_set_out")]
        if any(new[s]["wrong_supported"] > base[s]["wrong_supported"] for base, new in schemes for s in SETS):
            continue
        f1 = float(np.mean([new[s]["macro_f1"] for _, new in schemes for s in public]))
        if f1 > best_f1:
            best, best_f1 = b, f1
            base_f1 = float(np.mean([base[s]["macro_f1"] for base, _ in schemes for s in public]))
            ok = f1 > base_f1 and all(
                new["scenario-A"]["accuracy"] >= base["scenario-A"]["accuracy"] for base, new in schemes
            )
    return best, ok


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    ap.add_argument("--limit", type=int, default=400, help="vitaminc-numeric claims (the first N)")
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    ap.add_argument("--cache", type=Path, default=Path("bench/out/aggregator-features.json"))
    ap.add_argument("--out", type=Path, default=Path("bench/results/aggregator.json"))
    ap.add_argument(
        "--write", action="store_true", help=f"write the aggregator fit on all sets to {DEFAULT_PATH}"
    )
    args = ap.parse_args()

    key = code_hash()
    data = json.loads(args.cache.read_text()) if args.cache.exists() else {}
    if data.get("code") != key or data.get("limit") != args.limit:
        data = {"code": key, "limit": args.limit, "sets": {}}
    settings = Settings(confidence="calibrated", learned_labels=False)
    for name, (corpus, docs, oracle, claims) in dev_sets(args.eval_dir, args.limit).items():
        if name in data["sets"]:
            continue
        started = time.perf_counter()
        store = prepare_store(settings, corpus=corpus, docs=docs)
        data["sets"][name] = gather(Checker.from_settings(settings, store=store), claims, oracle)
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        args.cache.write_text(json.dumps(data))
        print(f"{name}: {len(claims)} claims gathered in {time.perf_counter() - started:.0f} s", flush=True)

    claims_by_set = {s: data["sets"][s] for s in SETS}
    report = {"date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"), "c": args.c, "code": key}
    report["n"] = {s: len(v) for s, v in claims_by_set.items()}
    report.update(evaluate(claims_by_set, args.c))
    bars, ok = choose_bars(report)
    report["label_switch"] = {"bars": bars, "on_by_default": ok}
    for scheme in ("out_of_fold", "leave_one_set_out"):
        print(
            f"\n## {scheme}: accuracy / macro-F1 / wrong-SUPPORTED / ECE\n| policy | "
            + " | ".join(SETS)
            + " |"
        )
        for policy, per_set in report[scheme].items():
            cells = [
                f"{m['accuracy']:.3f} / {m['macro_f1']:.3f} / {m['wrong_supported']:.3f} / {m['ece']:.3f}"
                for m in per_set.values()
            ]
            print(f"| {policy} | " + " | ".join(cells) + " |")
    print(f"\nlabel switch: bars {bars}, on by default: {ok}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    if args.write:
        agg = train(claims_by_set, {s: set(range(len(v))) for s, v in claims_by_set.items()}, args.c)
        agg.support_bar, agg.refute_bar = bars or (1.01, 1.01)
        DEFAULT_PATH.write_text(
            json.dumps(
                agg.to_json(
                    fitted_on={s: len(v) for s, v in claims_by_set.items()},
                    fitted=report["date"],
                    c=args.c,
                    code=key,
                    label_switch_recommended=ok,
                ),
                indent=1,
            )
            + "\n"
        )
        print(f"wrote {DEFAULT_PATH}")


if __name__ == "__main__":
    main()
