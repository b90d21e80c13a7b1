"""What a wheel carries: a user who runs `pip install sourcecheck` needs the models, the sample corpus and the
prompts, none of which are Python files."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_wheel_carries_models_sample_corpus_and_prompts(tmp_path):
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = tmp_path.glob("sourcecheck-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"assistant/resources/verifier/model.onnx", "assistant/resources/minilm/tokenizer.json"} <= names
    assert any(n.startswith("assistant/sample/docs/") for n in names)
    prompts = {Path(n).name for n in names if "/share/sourcecheck/prompts/" in n}
    assert {p.name for p in (ROOT / "prompts").glob("*.md")} <= prompts
