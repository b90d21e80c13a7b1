"""Run `sourcecheck eval` over the development sets and write the results table.

Usage (repo root, venv active)::

    python bench/eval_all.py                       # every run below; finished runs are skipped (resumable)
    python bench/eval_all.py --only scifact --force
    python bench/eval_all.py --eval-dir ../shared/eval --out bench/out/eval --table bench/out/eval/table.md

Each run is one `sourcecheck eval` command (printed, so it can be repeated by hand); its metrics land in
``OUT/<name>.json`` and its predictions in ``OUT/<name>.pred.jsonl``. A run killed part-way is simply redone.
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
from pathlib import Path

sys.path[:] = [p for p in sys.path if Path(p).resolve() != Path(__file__).resolve().parent]
from assistant.evaluate import HEADLINE_METRICS  # noqa: E402

# (name, dataset folder, extra arguments). Baselines: "similarity" (retrieval similarity threshold only) and
# "no-rules" (the scorer without the deterministic checks).
RUNS = [
    ("scenario-A", "scenario-A", ["--docs", "{d}/docs"]),
    ("scenario-A.no-rules", "scenario-A", ["--docs", "{d}/docs", "--mode", "no-rules"]),
    ("scenario-A.similarity", "scenario-A", ["--docs", "{d}/docs", "--mode", "similarity"]),
    ("vitaminc-numeric.oracle", "vitaminc-numeric", ["--corpus", "{d}/corpus.jsonl", "--oracle"]),
    (
        "vitaminc-numeric.oracle.no-rules",
        "vitaminc-numeric",
        ["--corpus", "{d}/corpus.jsonl", "--oracle", "--mode", "no-rules"],
    ),
    (
        "vitaminc-numeric.oracle.similarity",
        "vitaminc-numeric",
        ["--corpus", "{d}/corpus.jsonl", "--oracle", "--mode", "similarity"],
    ),
    ("scifact", "scifact", ["--corpus", "{d}/corpus.jsonl"]),
    ("scifact.no-rules", "scifact", ["--corpus", "{d}/corpus.jsonl", "--mode", "no-rules"]),
    ("scifact.similarity", "scifact", ["--corpus", "{d}/corpus.jsonl", "--mode", "similarity"]),
    ("check-covid", "check-covid", ["--corpus", "{d}/corpus.jsonl"]),
    ("wice", "wice", ["--corpus", "{d}/corpus.jsonl"]),
]
COLUMNS = HEADLINE_METRICS


def command(name: str, folder: str, extra: list[str], eval_dir: Path, out: Path) -> list[str]:
    d = eval_dir / folder
    args = [a.format(d=d) for a in extra]
    return [
        "sourcecheck",
        "eval",
        "--claims",
        str(d / "claims.jsonl"),
        *args,
        "--predictions",
        str(out / f"{name}.pred.jsonl"),
        "--out",
        str(out / f"{name}.json"),
    ]


def table(out: Path) -> str:
    lines = [
        "| run | " + " | ".join(COLUMNS) + " | S P/R | R P/R | NEI P/R |",
        "|---|" + "---|" * (len(COLUMNS) + 3),
    ]
    for name, _, _ in RUNS:
        path = out / f"{name}.json"
        if not path.exists():
            continue
        m = json.loads(path.read_text())
        cells = [f"{m[c]:.3f}" if isinstance(m[c], float) else str(m[c]) for c in COLUMNS]
        per = [
            f"{m['per_label'][lab]['precision']:.2f}/{m['per_label'][lab]['recall']:.2f}"
            for lab in ("SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO")
        ]
        lines.append(f"| {name} | " + " | ".join(cells + per) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--out", type=Path, default=Path("bench/out/eval"))
    parser.add_argument("--table", type=Path, default=None, help="also write the markdown table here")
    parser.add_argument(
        "--only", action="append", default=[], help="run names starting with this (repeatable)"
    )
    parser.add_argument("--force", action="store_true", help="redo finished runs")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, folder, extra in RUNS:
        if args.only and not any(name.startswith(o) for o in args.only):
            continue
        if (args.out / f"{name}.json").exists() and not args.force:
            print(f"skip {name} (done)")
            continue
        cmd = command(name, folder, extra, args.eval_dir, args.out)
        print("$", shlex.join(cmd), flush=True)
        result = subprocess.run(cmd, check=False)
        if result.returncode != 0:
            print(f"{name} failed with exit code {result.returncode}", file=sys.stderr)
    md = table(args.out)
    print(md)
    if args.table:
        args.table.write_text(md + "\n")


if __name__ == "__main__":
    main()
