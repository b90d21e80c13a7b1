"""train/pairs.py: the stage-3 scientific pairs (a tiny invented dataset in the SciFact/Check-COVID layout)."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "train"))
import pairs as P

SENTS = [
    "Zelmorin was given to 40 volunteers for six weeks.",
    "Zelmorin lowered resting glucose in the treated group.",
    "The effect lasted after the treatment stopped.",
    "Volunteers were recruited in two towns.",
    "Funding came from a regional grant.",
]


def _dataset(tmp_path: Path) -> Path:
    folder = tmp_path / "toyset"
    folder.mkdir()
    (folder / "corpus.jsonl").write_text(json.dumps({"doc_id": "d1", "sentences": SENTS}) + "\n")
    claims = [
        {"id": "c1", "claim": "Zelmorin lowers glucose lastingly.", "label": "SUPPORTED",
         "evidence": [{"doc_id": "d1", "sentences": [2, 1]}]},
        {"id": "c2", "claim": "Zelmorin raises blood pressure.", "label": "NOT_ENOUGH_INFO", "evidence": [],
         "meta": {"cited_doc_ids": ["d1"]}},
        {"id": "c3", "claim": "Zelmorin is held out.", "label": "REFUTED", "split": "dev",
         "evidence": [{"doc_id": "d1", "sentences": [1]}]},
    ]  # fmt: skip
    (folder / "claims.jsonl").write_text("".join(json.dumps(c) + "\n" for c in claims))
    return folder


def test_science_pairs_join_the_rationale_and_label_the_rest_nei(tmp_path):
    out = P.science_claim_pairs(_dataset(tmp_path), random.Random(0), lambda r: r["id"] != "c3")
    by = {(p.claim, p.evidence): p for p in out}
    claim = "Zelmorin lowers glucose lastingly."
    # the whole rationale, in abstract order, carries the claim's label; so does each of its sentences
    assert by[(claim, SENTS[1] + " " + SENTS[2])].label == P.S
    assert by[(claim, SENTS[1])].label == by[(claim, SENTS[2])].label == P.S
    # a negated SUPPORTED claim is REFUTED by the same rationale
    negated = [p for p in out if p.origin.endswith("/negated")]
    assert negated == []  # "lowers" has no auxiliary to negate: none is made up
    # the same abstract's other sentences say nothing on the claim, alone or joined
    others = [p for p in out if p.claim == claim and p.label == P.N]
    assert others and all(SENTS[1] not in p.evidence and SENTS[2] not in p.evidence for p in others)
    assert any(p.origin.endswith("-joined") for p in others)
    # a claim without evidence is NOT_ENOUGH_INFO against its cited abstract; held-out claims are never read
    assert {p.label for p in out if p.claim.startswith("Zelmorin raises")} == {P.N}
    assert not any(p.claim == "Zelmorin is held out." for p in out)


def test_negated_claims_are_refuted(tmp_path):
    folder = _dataset(tmp_path)
    rows = [json.loads(line) for line in (folder / "claims.jsonl").read_text().splitlines()]
    rows[0]["claim"] = "Zelmorin can lower glucose."
    (folder / "claims.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = P.science_claim_pairs(folder, random.Random(0), lambda r: True)
    negated = [p for p in out if p.origin.endswith("/negated")]
    assert [(p.claim, p.label) for p in negated] == [("Zelmorin can not lower glucose.", P.R)]


def test_stage3_is_deterministic_and_keeps_held_out_claims_out(tmp_path):
    eval_dir = tmp_path / "eval"
    eval_dir.mkdir()
    for name in ("scifact", "check-covid"):
        _dataset(eval_dir).rename(eval_dir / name)
    replay = tmp_path / "train.jsonl.gz"
    P.write([P.Pair(f"claim {i}", f"evidence {i}", P.S, "vitaminc") for i in range(50)], replay)
    first, second = (
        P.stage3(eval_dir, replay, seed=3, replay=10),
        P.stage3(eval_dir, replay, seed=3, replay=10),
    )
    assert first == second
    assert sum(p.origin == "vitaminc" for p in first) == 10
    # the held-out rule is train.pairs.heldout: Check-COVID's dev split, SciFact's hashed fifth
    held = {p.origin.split("/")[0] for p in first if p.claim == "Zelmorin is held out."}
    assert held == (set() if P.heldout_scifact("c3") else {"scifact"})
