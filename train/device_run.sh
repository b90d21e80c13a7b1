#!/usr/bin/env bash
# The recipe behind the shipped verifier (assistant/resources/verifier/MODEL_CARD.md), as run on one GPU.
# Without a GPU the same commands run on CPU (add --device cpu; ~25-35 pairs/s on 2 cores, so stage 1 takes
# about 12 hours there: it is resumable, re-run the same command after an interruption).
# Needs: train/out/base (fp16 copy of the base weights: train/README.md) and train/out/pairs from
# `python train/pairs.py --focus`. Writes the stage-2 weights to ${OUT:-train/out/device}.
set -euo pipefail
OUT=${OUT:-train/out/device}; mkdir -p "$OUT"
export PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1 TOKENIZERS_PARALLELISM=false
# stage 1: everything, 4 epochs (measured: 436 s on an H200, ~840 pairs/s with a second run beside it)
python3 train/verifier.py --base train/out/base --out train/out/stage1 --epochs 4 --lr 5e-5 --batch 32 \
  --save-every 4000 "$@" 2>&1 | grep -v -i warn | tee "$OUT/log_stage1.txt"
# stage 2: the scientific rationale pairs three times over + a replay sample (52 s on an H200); the epoch
# with the best validation macro-F1 is kept (it was the first)
python3 train/verifier.py --base train/out/stage1 --out train/out/stage2 --train-file focus.jsonl.gz \
  --epochs 2 --lr 2e-5 --batch 32 --save-every 4000 "$@" 2>&1 | grep -v -i warn | tee "$OUT/log_stage2.txt"
cp train/out/stage2/metrics.json "$OUT/metrics_stage2.json"
split -b 15M train/out/stage2/model.safetensors "$OUT/weights.part_"  # the device returns files of <= 16 MiB
