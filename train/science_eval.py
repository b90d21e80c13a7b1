"""Model-level stance on the held-out scientific claims, with their gold rationales, for trained runs.

    python train/science_eval.py train/out/stage2 train/out/stage3 [--val] [--json out.json]

For each run (a folder with ``model.safetensors`` and ``config.json``, as train/verifier.py writes) and each
held-out set (SciFact's held-out fifth, Check-COVID's dev split) one verdict per claim, read off the model alone:

- ``max``: the claim against each evidence sentence on its own (the gold rationale sentences of its first
  evidence document; for a NOT_ENOUGH_INFO claim the sentences its dataset points at, else the whole cited
  abstract); SUPPORTED when the strongest P(SUPPORTED) beats the strongest P(REFUTED) and 0.5, REFUTED the same
  way, NOT_ENOUGH_INFO otherwise.
- ``joined``: the claim against those sentences joined in abstract order (for a claim with a rationale: its
  rationale; otherwise the ``--top`` sentences that share the most words with the claim), one pair per claim.
- ``both``: the max over the single sentences and the joined text together.
- with ``--abstract``, the same three without the gold rationale: every sentence of the claim's document
  (``abstract-max``), its ``--top`` sentences with the lowest P(NOT_ENOUGH_INFO) joined in abstract order
  (``abstract-joined``), and both together (``abstract-both``).

``--val`` adds the general validation macro-F1 (train/out/pairs/val.jsonl.gz) as train/verifier.py computes it.
The held-out definition is train/pairs.py's ``heldout``; nothing here is trained on.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

import torch
from transformers import AutoTokenizer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from export import load_model
from pairs import _overlap, heldout, read_jsonl
from verifier import LABELS, load_pairs


def claim_sentences(row: dict, corpus: dict[str, list[str]], top: int) -> tuple[list[str], str]:
    """The evidence sentences one claim is judged on (each alone) and their joined text."""
    ev = row["evidence"]
    if ev:
        sents = corpus[str(ev[0]["doc_id"])]
        idxs = sorted(i for i in ev[0]["sentences"] if i < len(sents))
        singles = [sents[i] for i in idxs]
        return singles, " ".join(singles)
    meta = row.get("meta") or {}
    if meta.get("nei_doc_id"):
        sents = corpus[meta["nei_doc_id"]]
        idxs = sorted(meta.get("nei_sentences") or [0])
        singles = [sents[i] for i in idxs if i < len(sents)]
        return singles, " ".join(singles)
    singles = corpus[str(meta["cited_doc_ids"][0])]
    ranked = sorted(range(len(singles)), key=lambda i: -_overlap(row["claim"], singles[i]))[:top]
    return singles, " ".join(singles[i] for i in sorted(ranked))


@torch.no_grad()
def probs(
    model, tokenizer, pairs: list[tuple[str, str]], max_len: int = 160, batch: int = 64
) -> torch.Tensor:
    out = []
    order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
    for j in range(0, len(order), batch):
        chunk = [pairs[i] for i in order[j : j + batch]]
        enc = tokenizer(
            [c for c, _ in chunk],
            [e for _, e in chunk],
            truncation="longest_first",
            max_length=max_len,
            padding=True,
            return_tensors="pt",
        )
        out.append(model(**enc).logits.softmax(-1))
    flat = torch.cat(out)
    result = torch.empty_like(flat)
    result[torch.tensor(order)] = flat
    return result


def decide(p: torch.Tensor) -> int:
    """p: (k, 3) over k texts; the strongest SUPPORTED vs the strongest REFUTED, each needing > 0.5."""
    s, r = float(p[:, 0].max()), float(p[:, 1].max())
    return 0 if s >= r and s > 0.5 else (1 if r > s and r > 0.5 else 2)


def report(conf: Counter) -> dict:
    n = sum(conf.values())
    f1 = []
    for c in range(3):
        tp = conf[(c, c)]
        fp = sum(conf[(g, c)] for g in range(3) if g != c)
        fn = sum(conf[(c, p)] for p in range(3) if p != c)
        f1.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return {
        "n": n,
        "accuracy": round(sum(conf[(c, c)] for c in range(3)) / n, 3),
        "macro_f1": round(sum(f1) / 3, 3),
        # rows: gold S, R, N; columns: predicted S, R, N
        "confusion": [[conf[(g, p)] for p in range(3)] for g in range(3)],
    }


def abstract_of(row: dict, corpus: dict[str, list[str]]) -> list[str]:
    """The whole abstract a claim is judged against without its gold rationale (the oracle document)."""
    meta = row.get("meta") or {}
    doc = (
        row["evidence"][0]["doc_id"]
        if row["evidence"]
        else meta.get("nei_doc_id") or meta["cited_doc_ids"][0]
    )
    return corpus[str(doc)]


def science(model, tokenizer, eval_dir: Path, top: int, abstract: bool = False) -> dict:
    results = {}
    for name, folder in (("scifact.heldout", "scifact"), ("check-covid.dev", "check-covid")):
        corpus = {str(d["doc_id"]): d["sentences"] for d in read_jsonl(eval_dir / folder / "corpus.jsonl")}
        claims = [r for r in read_jsonl(eval_dir / folder / "claims.jsonl") if heldout(folder, r)]
        pairs, spans = [], []
        for row in claims:
            singles, joined = claim_sentences(row, corpus, top)
            start = len(pairs)
            pairs += [(row["claim"], s) for s in singles] + [(row["claim"], joined)]
            spans.append((start, len(pairs)))
        p = probs(model, tokenizer, pairs)
        confs = {"max": Counter(), "joined": Counter(), "both": Counter()}
        for row, (a, b) in zip(claims, spans, strict=True):
            gold = LABELS.index(row["label"])
            confs["max"][(gold, decide(p[a : b - 1]))] += 1
            confs["joined"][(gold, decide(p[b - 1 : b]))] += 1
            confs["both"][(gold, decide(p[a:b]))] += 1
        if abstract:
            # no gold rationale: every sentence of the abstract alone, then the --top sentences the model finds
            # most relevant (1 - P(neither)) joined in abstract order, as a pipeline could read them
            docs = [abstract_of(row, corpus) for row in claims]
            flat = [(row["claim"], s) for row, doc in zip(claims, docs, strict=True) for s in doc]
            q, joined_pairs, at = probs(model, tokenizer, flat), [], 0
            singles_of = []
            for row, doc in zip(claims, docs, strict=True):
                part = q[at : at + len(doc)]
                at += len(doc)
                singles_of.append(part)
                keep = sorted(torch.argsort(part[:, 2])[:top].tolist())
                joined_pairs.append((row["claim"], " ".join(doc[i] for i in keep)))
            qj = probs(model, tokenizer, joined_pairs)
            for k in ("abstract-max", "abstract-joined", "abstract-both"):
                confs[k] = Counter()
            for i, row in enumerate(claims):
                gold = LABELS.index(row["label"])
                confs["abstract-max"][(gold, decide(singles_of[i]))] += 1
                confs["abstract-joined"][(gold, decide(qj[i : i + 1]))] += 1
                confs["abstract-both"][(gold, decide(torch.cat([singles_of[i], qj[i : i + 1]])))] += 1
        results[name] = {k: report(v) for k, v in confs.items()}
    return results


def validation(model, tokenizer, pairs_dir: Path) -> dict:
    rows = load_pairs(pairs_dir / "val.jsonl.gz")
    p = probs(model, tokenizer, [(r["claim"], r["evidence"]) for r in rows], batch=128)
    conf = Counter((LABELS.index(r["label"]), int(k)) for r, k in zip(rows, p.argmax(-1), strict=True))
    return report(conf)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("runs", nargs="+", type=Path)
    ap.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    ap.add_argument("--pairs", type=Path, default=Path("train/out/pairs"))
    ap.add_argument("--top", type=int, default=3, help="sentences joined for a claim without a rationale")
    ap.add_argument("--val", action="store_true", help="also the general validation macro-F1")
    ap.add_argument(
        "--abstract", action="store_true", help="also judge against the whole abstract, no rationale"
    )
    ap.add_argument("--threads", type=int, default=int(os.environ.get("OMP_NUM_THREADS", "1")))
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    out = {}
    for run in args.runs:
        model, tokenizer = load_model(run), AutoTokenizer.from_pretrained(run)
        out[str(run)] = science(model, tokenizer, args.eval_dir, args.top, args.abstract)
        if args.val:
            out[str(run)]["val"] = validation(model, tokenizer, args.pairs)
        for name, res in out[str(run)].items():
            rows = res.items() if name != "val" else [("", res)]
            for mode, r in rows:
                print(f"{run}\t{name}\t{mode}\tacc {r['accuracy']}\tF1 {r['macro_f1']}\t{r['confusion']}")
        sys.stdout.flush()
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
