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
import os
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path[:] = [p for p in sys.path if Path(p).resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "train"))
from pairs import heldout  # noqa: E402

from assistant.evaluate import HEADLINE_METRICS  # noqa: E402


@dataclass(frozen=True)
class Run:
    name: str
    folder: str  # dataset folder in --eval-dir
    args: tuple[str, ...]  # "{d}" is the dataset folder
    subset: str | None = None  # "heldout": the claims the verifier was not trained on (see train/pairs.py)
    scorer: str = "model"  # SOURCECHECK_SCORER: "heuristic" is the stand-in the model replaced
    own: bool = False  # one of our own scenarios in bench/scenarios (shipped), not in --eval-dir


DOCS, ORACLE = ("--docs", "{d}/docs"), ("--corpus", "{d}/corpus.jsonl", "--oracle")
CORPUS = ("--corpus", "{d}/corpus.jsonl")
NO_RULES, SIMILARITY = ("--mode", "no-rules"), ("--mode", "similarity")
# Ablations: "no-rules" is the scorer alone (the model alone, with the default scorer); ".heuristic" is the
# rules with the old similarity heuristic instead of the model; "similarity" is retrieval similarity only.
RUNS = [
    Run("scenario-A", "scenario-A", DOCS),
    Run("scenario-A.no-rules", "scenario-A", DOCS + NO_RULES),
    Run("scenario-A.heuristic", "scenario-A", DOCS, scorer="heuristic"),
    Run("scenario-A.similarity", "scenario-A", DOCS + SIMILARITY),
    Run("vitaminc-numeric.oracle", "vitaminc-numeric", ORACLE),
    Run("vitaminc-numeric.oracle.no-rules", "vitaminc-numeric", ORACLE + NO_RULES),
    Run("vitaminc-numeric.oracle.heuristic", "vitaminc-numeric", ORACLE, scorer="heuristic"),
    Run("vitaminc-numeric.oracle.similarity", "vitaminc-numeric", ORACLE + SIMILARITY),
    Run("scifact.heldout.oracle", "scifact", ORACLE, subset="heldout"),
    Run("scifact.heldout.oracle.no-rules", "scifact", ORACLE + NO_RULES, subset="heldout"),
    Run("scifact.heldout.oracle.heuristic", "scifact", ORACLE, subset="heldout", scorer="heuristic"),
    Run("scifact.heldout", "scifact", CORPUS, subset="heldout"),
    Run("scifact", "scifact", CORPUS),
    Run("scifact.similarity", "scifact", CORPUS + SIMILARITY),
    Run("check-covid.heldout.oracle", "check-covid", ORACLE, subset="heldout"),
    Run("check-covid.heldout.oracle.no-rules", "check-covid", ORACLE + NO_RULES, subset="heldout"),
    Run("check-covid.heldout.oracle.heuristic", "check-covid", ORACLE, subset="heldout", scorer="heuristic"),
    Run("check-covid", "check-covid", CORPUS),
    Run("wice", "wice", CORPUS),
    # Our own fictional scenarios, written blind to the implementation by people who never read the rules: the
    # check on whether what was tuned on scenario-A carries over to a world nobody tuned on.
    Run("own-1", "own-1", DOCS, own=True),
    Run("own-2", "own-2", DOCS, own=True),
    Run("own-3", "own-3", DOCS, own=True),
    Run("own-4", "own-4", DOCS, own=True),
    Run("own-5", "own-5", DOCS, own=True),
    Run("own-6", "own-6", DOCS, own=True),
    Run("own-7", "own-7", DOCS, own=True),
    Run("own-8", "own-8", DOCS, own=True),
    Run("own-9", "own-9", DOCS, own=True),
    Run("own-10", "own-10", DOCS, own=True),
    Run("own-11", "own-11", DOCS, own=True),
    Run("own-12", "own-12", DOCS, own=True),
    Run("own-13", "own-13", DOCS, own=True),
    Run("own-14", "own-14", DOCS, own=True),
    Run("own-15", "own-15", DOCS, own=True),
    Run("own-16", "own-16", DOCS, own=True),
]
SCENARIOS = Path(__file__).resolve().parent / "scenarios"
COLUMNS = HEADLINE_METRICS


def dataset(run: Run, eval_dir: Path) -> Path:
    return (SCENARIOS if run.own else eval_dir) / run.folder


def claims_file(run: Run, eval_dir: Path, out: Path) -> Path:
    path = dataset(run, eval_dir) / "claims.jsonl"
    if run.subset is None:
        return path
    subset = out / "subsets" / f"{run.folder}.{run.subset}.jsonl"
    subset.parent.mkdir(parents=True, exist_ok=True)
    with path.open(encoding="utf-8") as src, subset.open("w", encoding="utf-8") as dst:
        dst.writelines(line for line in src if line.strip() and heldout(run.folder, json.loads(line)))
    return subset


def command(run: Run, eval_dir: Path, out: Path) -> list[str]:
    d = dataset(run, eval_dir)
    # the CLI of the Python that runs this script, so an unactivated venv works too
    cli = Path(sys.executable).with_name("sourcecheck")
    return [
        str(cli) if cli.exists() else "sourcecheck",
        "eval",
        "--claims",
        str(claims_file(run, eval_dir, out)),
        *[a.format(d=d) for a in run.args],
        "--predictions",
        str(out / f"{run.name}.pred.jsonl"),
        "--out",
        str(out / f"{run.name}.json"),
    ]


def table(out: Path) -> str:
    lines = [
        "| run | " + " | ".join(COLUMNS) + " | S P/R | R P/R | NEI P/R |",
        "|---|" + "---|" * (len(COLUMNS) + 3),
    ]
    for run in RUNS:
        name = run.name
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
    parser.add_argument("--exact", action="store_true", help="--only names whole run names, not prefixes")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for run in RUNS:
        if args.only and not any(
            run.name == o or (run.name.startswith(o) and not args.exact) for o in args.only
        ):
            continue
        if not dataset(run, args.eval_dir).exists():
            print(f"skip {run.name} (no {dataset(run, args.eval_dir)})")
            continue
        if (args.out / f"{run.name}.json").exists() and not args.force:
            print(f"skip {run.name} (done)")
            continue
        cmd = command(run, args.eval_dir, args.out)
        print(f"$ SOURCECHECK_SCORER={run.scorer}", shlex.join(cmd), flush=True)
        env = {**os.environ, "SOURCECHECK_SCORER": run.scorer}
        result = subprocess.run(cmd, check=False, env=env)
        if result.returncode != 0:
            print(f"{run.name} failed with exit code {result.returncode}", file=sys.stderr)
    md = table(args.out)
    print(md)
    if args.table:
        args.table.write_text(md + "\n")


if __name__ == "__main__":
    main()
