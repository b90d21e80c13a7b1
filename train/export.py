"""Export the trained verifier to ONNX, quantize it, and choose the quantization by measured agreement.

    python train/export.py --run train/out/runA --pairs train/out/pairs --ship assistant/resources/verifier

Writes the fp32 export and each int8 variant to --run, measures on the validation pairs (accuracy, macro-F1,
per-class agreement with the fp32 model, pairs/s on this machine's cores, size) and ships the variant that keeps
the fewest-agreeing class highest among those under --max-mb, as ``model.onnx``. The measurements go to
``bench/results/verifier_export.json``. Needs the ``train`` extra (torch, transformers, onnx).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import shutil
import time
from pathlib import Path

import numpy as np
import onnxruntime as ort
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from safetensors.torch import load_file
from tokenizers import Tokenizer
from transformers import AutoConfig, AutoModelForSequenceClassification
from verifier import LABELS, macro_f1  # the training script's own labels and metric

MAX_LEN = 160


def load_model(run: Path):
    config = AutoConfig.from_pretrained(run)
    model = AutoModelForSequenceClassification.from_config(config)
    weights = {
        k: v.float() if v.is_floating_point() else v for k, v in load_file(run / "model.safetensors").items()
    }
    model.load_state_dict(weights, strict=False)
    return model.eval()


def tokenizer(path: Path) -> Tokenizer:
    tok = Tokenizer.from_file(str(path))
    tok.enable_truncation(max_length=MAX_LEN, strategy="longest_first")
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    return tok


def features(tok: Tokenizer, pairs: list[tuple[str, str]]) -> dict[str, np.ndarray]:
    enc = tok.encode_batch(pairs)
    return {
        "input_ids": np.array([e.ids for e in enc], dtype=np.int64),
        "attention_mask": np.array([e.attention_mask for e in enc], dtype=np.int64),
        "token_type_ids": np.array([e.type_ids for e in enc], dtype=np.int64),
    }


def export_fp32(model, path: Path) -> None:
    dummy = {
        "input_ids": torch.ones(2, 16, dtype=torch.long),
        "attention_mask": torch.ones(2, 16, dtype=torch.long),
        "token_type_ids": torch.zeros(2, 16, dtype=torch.long),
    }
    torch.onnx.export(
        model,
        (dummy["input_ids"], dummy["attention_mask"], dummy["token_type_ids"]),
        str(path),
        input_names=list(dummy),
        output_names=["logits"],
        dynamic_axes={**{k: {0: "batch", 1: "seq"} for k in dummy}, "logits": {0: "batch"}},
        opset_version=17,
        dynamo=False,
    )


def session(path: Path, threads: int = 2) -> ort.InferenceSession:
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    return ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])


def predict(sess, tok, pairs) -> tuple[np.ndarray, float]:
    """One pair per call, as the scorer runs it (int8 activation scales are per call: batching would make a
    pair's scores depend on its neighbours)."""
    logits = np.zeros((len(pairs), 3), dtype=np.float32)
    started = time.perf_counter()
    for i, pair in enumerate(pairs):
        logits[i] = sess.run(["logits"], features(tok, [pair]))[0][0]
    return logits, len(pairs) / (time.perf_counter() - started)


def metrics(gold: np.ndarray, pred: np.ndarray) -> dict:
    return {
        "accuracy": round(float((gold == pred).mean()), 4),
        "macro_f1": round(macro_f1(gold.tolist(), pred.tolist()), 4),
    }


def agreement(ref: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    """For each class the fp32 model predicts: the share of those pairs the variant predicts the same."""
    return {LABELS[c]: round(float((pred[ref == c] == c).mean()), 4) for c in range(3)}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", type=Path, default=Path("train/out/runA"))
    ap.add_argument("--pairs", type=Path, default=Path("train/out/pairs"))
    ap.add_argument("--tokenizer", type=Path, default=Path("assistant/resources/minilm/tokenizer.json"))
    ap.add_argument("--ship", type=Path, default=Path("assistant/resources/verifier"))
    ap.add_argument("--results", type=Path, default=Path("bench/results/verifier_export.json"))
    ap.add_argument("--max-mb", type=float, default=30.0)
    ap.add_argument("--limit", type=int, default=3000, help="validation pairs to measure on")
    args = ap.parse_args()

    with gzip.open(args.pairs / "val.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh][: args.limit]
    pairs = [(r["claim"], r["evidence"]) for r in rows]
    gold = np.array([LABELS.index(r["label"]) for r in rows])
    tok = tokenizer(args.tokenizer)

    model = load_model(args.run)
    fp32 = args.run / "model-fp32.onnx"
    export_fp32(model, fp32)
    # the export must match the PyTorch model on the same token ids
    sample = features(tok, pairs[:16])
    with torch.no_grad():
        torch_logits = model(**{k: torch.from_numpy(v) for k, v in sample.items()}).logits.numpy()
    onnx_logits = session(fp32).run(["logits"], sample)[0]
    assert np.allclose(torch_logits, onnx_logits, atol=1e-3), "ONNX export differs from the PyTorch model"

    variants = {"fp32": fp32}
    for name, kwargs in {
        "int8-per-tensor": {"per_channel": False},
        "int8-per-channel": {"per_channel": True},
    }.items():
        out = args.run / f"model-{name}.onnx"
        quantize_dynamic(str(fp32), str(out), weight_type=QuantType.QInt8, **kwargs)
        variants[name] = out

    report = {"pairs": len(pairs), "threads": 2, "batch": 1, "max_len": MAX_LEN, "variants": {}}
    ref = None
    for name, path in variants.items():
        sess = session(path)
        predict(sess, tok, pairs[:64])  # warm-up
        logits, rate = predict(sess, tok, pairs)
        pred = logits.argmax(-1)
        ref = pred if ref is None else ref
        report["variants"][name] = {
            "size_mb": round(path.stat().st_size / 2**20, 2),
            "pairs_per_s": round(rate, 1),
            **metrics(gold, pred),
            "agreement_with_fp32": agreement(ref, pred),
            "changed": round(float((pred != ref).mean()), 4),
        }
        print(name, json.dumps(report["variants"][name]), flush=True)

    fits = {n: v for n, v in report["variants"].items() if v["size_mb"] <= args.max_mb}
    chosen = max(fits, key=lambda n: (min(fits[n]["agreement_with_fp32"].values()), fits[n]["macro_f1"]))
    args.ship.mkdir(parents=True, exist_ok=True)
    shipped = args.ship / "model.onnx"
    shutil.copy(variants[chosen], shipped)
    report["chosen"] = chosen
    report["sha256"] = sha256(shipped)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(report, indent=2) + "\n")
    print(f"shipped {chosen} -> {shipped} sha256 {report['sha256']}")


if __name__ == "__main__":
    main()
