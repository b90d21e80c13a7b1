#!/usr/bin/env bash
# The GPU recipe behind the shipped verifier: two configurations trained side by side on one GPU (the model is
# small, the card mostly idle), the one with the better validation macro-F1 kept. Expects train/out/base (fp16
# copy of the base weights, see train/README.md) and train/out/pairs beside it; writes to ${OUT:-train/out/device}.
set -uo pipefail
OUT=${OUT:-train/out/device}; mkdir -p "$OUT"
export PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1 TOKENIZERS_PARALLELISM=false
EXTRA=("$@")
run() {  # name, then training arguments
  local name=$1; shift
  python3 train/verifier.py --base train/out/base --out "/tmp/run_$name" --save-every 4000 "$@" "${EXTRA[@]}" \
    2>&1 | grep -v -i warn > "$OUT/log_$name.txt"
}
run A --epochs 4 --lr 5e-5 --batch 32 &
run B --epochs 6 --lr 3e-5 --batch 32 &
wait
best=$(python3 -c "
import json
scores = {n: json.load(open(f'/tmp/run_{n}/metrics.json'))['best'] for n in 'AB'}
print(max(scores, key=scores.get))")
echo "best run: $best"
cp "/tmp/run_$best/metrics.json" "$OUT/metrics_best.json"
cp "/tmp/run_$best/config.json" "$OUT/config.json"
split -b 15M "/tmp/run_$best/best.safetensors" "$OUT/weights.part_"
ls -la "$OUT"; tail -n 3 "$OUT"/log_*.txt
