"""Validate one of our own scenarios: ids, labels, and every evidence quote an exact substring of its file.

python bench/scenarios/check.py bench/scenarios/own-2
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

LABELS = ("SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO")
FIELDS = ("id", "claim", "label", "evidence", "tags", "rationale")


def problems(root: Path) -> list[str]:
    """Everything wrong with the scenario in ``root`` (empty when it is valid)."""
    found, ids = [], set()
    lines = (root / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        claim = json.loads(line)
        missing = [k for k in FIELDS if k not in claim]
        if missing:
            found.append(f"line {n}: missing {', '.join(missing)}")
            continue
        cid = claim["id"]
        if cid in ids:
            found.append(f"line {n}: duplicate id {cid}")
        ids.add(cid)
        if claim["label"] not in LABELS:
            found.append(f"{cid}: bad label {claim['label']!r}")
        # NOT_ENOUGH_INFO has nothing that decides it; the other labels must name what does
        if (claim["label"] == "NOT_ENOUGH_INFO") == bool(claim["evidence"]):
            found.append(f"{cid}: evidence must be empty exactly when the label is NOT_ENOUGH_INFO")
        for ev in claim["evidence"]:
            path = root / ev["file"]
            if not path.exists():
                found.append(f"{cid}: no file {ev['file']}")
            elif path.suffix.lower() != ".pdf" and ev["quote"] not in path.read_text(encoding="utf-8"):
                found.append(f"{cid}: quote is not an exact substring of {ev['file']}: {ev['quote'][:80]!r}")
    return found


def main() -> None:
    root = Path(sys.argv[1])
    claims = [json.loads(line) for line in (root / "claims.jsonl").open(encoding="utf-8") if line.strip()]
    print(len(claims), "claims:", dict(Counter(c.get("label") for c in claims)))
    found = problems(root)
    print("\n".join(found) or "OK")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
