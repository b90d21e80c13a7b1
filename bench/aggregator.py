"""Would a learned aggregator beat the hand-set verdict logic? An experiment, not (yet) part of the product.

    SOURCECHECK_HOME=bench/out/home python bench/aggregator.py [--limit 300]

For scenario-A, held-out SciFact (oracle), Check-COVID dev (oracle) and vitaminc-numeric (oracle) it gathers
each claim's evidence once (retrieval, the verifier model, the rules), describes it by a few numbers (the
rules' own decision and where it came from, the model's best support/refutation among the evidence the gates
let through and among all of it, relevance, figures, speaker, rumours, hedges), and fits a multinomial
logistic regression on them. Reported, for each set: the shipped logic vs. the regression, out of fold
(5 folds over the pooled sets), and the regression trained on the other sets only (does it transfer to a set
it never saw?). Writes ``bench/results/aggregator.json``; the gathered features are cached in
``bench/out/aggregator-features.json`` so a re-run only refits.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path[:] = [p for p in sys.path if Path(p).resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "train"))

from pairs import heldout  # noqa: E402

from assistant.checker import Checker  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.evaluate import classification_metrics, load_claims, oracle_doc_ids, prepare_store  # noqa: E402
from assistant.verify.aggregate import MIN_RELEVANCE, decide  # noqa: E402
from assistant.verify.claims import parse_claim  # noqa: E402
from assistant.verify.rules import has  # noqa: E402

LABELS = ["SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO"]
SOURCES = [
    "figures",
    "words",
    "scorer",
]  # rules:numeric/table, rules:attribution/reply/rumour, the scorer path
_GATED = ("rumour", "hedged", "question", "entity-gap", "date-gap")


def source_of(decided_by: str) -> str:
    if decided_by.startswith(("rules:numeric", "rules:table")):
        return "figures"
    if decided_by.startswith(("rules:attribution", "rules:reply", "rules:rumour")):
        return "words"
    return "scorer"


def features(frame, evidence, decision) -> list[float]:
    pool = [e for e in evidence if e.relevance >= MIN_RELEVANCE or e.reply_to]
    open_ = [e for e in pool if not any(has(e, k) for k in _GATED)]

    def best(items, i):
        return max((e.probs[i] for e in items), default=0.0)

    one_hot = [
        float(decision.label == lab and source_of(decision.decided_by) == src)
        for lab in LABELS
        for src in SOURCES
    ]
    return [
        *one_hot,
        best(open_, 0),
        best(open_, 1),
        best(pool, 0),
        best(pool, 1),
        max((e.relevance for e in evidence), default=0.0),
        float(any(q.kind not in ("year", "period") for q in frame.quantities)),
        float(frame.speaker is not None),
        float(any(has(e, "rumour") for e in pool)),
        float(any(has(e, "hedged") for e in pool)),
    ]


def gather(checker: Checker, claims: list[dict], oracle: bool) -> list[dict]:
    rows = []
    for c in claims:
        checker._sync()
        frame = parse_claim(c["claim"])
        evidence = checker.evidence(c["claim"], oracle_doc_ids(c) if oracle else None, frame)
        decision = checker._table(frame.content, evidence) or decide(frame, evidence)
        rows.append(
            {
                "id": c["id"],
                "gold": c["label"],
                "rules": decision.label,
                "x": features(frame, evidence, decision),
            }
        )
    return rows


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1e-2, steps: int = 3000, lr: float = 0.5) -> np.ndarray:
    """Multinomial logistic regression by gradient descent (a bias column is added)."""
    x = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros((x.shape[1], 3))
    onehot = np.eye(3)[y]
    for _ in range(steps):
        z = x @ w
        p = np.exp(z - z.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        w -= lr * (x.T @ (p - onehot) / len(x) + l2 * w)
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return (np.hstack([x, np.ones((len(x), 1))]) @ w).argmax(1)


def metrics(gold: list[str], pred: list[str]) -> dict:
    m = classification_metrics(gold, pred)
    return {k: round(m[k], 3) for k in ("accuracy", "macro_f1", "wrong_supported_rate")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    ap.add_argument("--limit", type=int, default=300, help="claims per set")
    ap.add_argument("--cache", type=Path, default=Path("bench/out/aggregator-features.json"))
    ap.add_argument("--out", type=Path, default=Path("bench/results/aggregator.json"))
    args = ap.parse_args()
    e = args.eval_dir
    sets = {
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
            load_claims(e / "vitaminc-numeric" / "claims.jsonl", None),
        ),
    }
    data = json.loads(args.cache.read_text()) if args.cache.exists() else {}
    settings = Settings()
    for name, (corpus, docs, oracle, claims) in sets.items():
        if name in data:
            continue
        store = prepare_store(settings, corpus=corpus, docs=docs)
        data[name] = gather(Checker.from_settings(settings, store=store), claims[: args.limit], oracle)
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        args.cache.write_text(json.dumps(data))
        print(f"{name}: {len(data[name])} claims gathered", flush=True)

    names = list(sets)
    rows = [(n, r) for n in names for r in data[n]]
    x = np.array([r["x"] for _, r in rows])
    y = np.array([LABELS.index(r["gold"]) for _, r in rows])
    fold = np.arange(len(rows)) % 5
    oof = np.zeros(len(rows), dtype=int)
    for k in range(5):
        w = fit(x[fold != k], y[fold != k])
        oof[fold == k] = predict(w, x[fold == k])
    report = {"features": len(x[0]), "claims": len(rows), "sets": {}}
    for n in names:
        idx = np.array([i for i, (m, _) in enumerate(rows) if m == n])
        gold = [LABELS[i] for i in y[idx]]
        w_other = fit(
            x[[i for i, (m, _) in enumerate(rows) if m != n]],
            y[[i for i, (m, _) in enumerate(rows) if m != n]],
        )
        report["sets"][n] = {
            "n": len(idx),
            "shipped_logic": metrics(gold, [rows[i][1]["rules"] for i in idx]),
            "regression_out_of_fold": metrics(gold, [LABELS[i] for i in oof[idx]]),
            "regression_other_sets_only": metrics(gold, [LABELS[i] for i in predict(w_other, x[idx])]),
        }
    print(json.dumps(report, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
