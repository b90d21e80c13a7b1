"""Build the verifier's training pairs: (claim, evidence sentence, label) from the dev data plus generated hard cases.

    python train/pairs.py --eval-dir ../shared/eval --out train/out/pairs

writes ``train.jsonl.gz`` and ``val.jsonl.gz`` (one ``{"claim", "evidence", "label", "origin"}`` per line) and
``stats.json``. Deterministic for a given --seed. Needs no torch: the generators are plain functions, tested in
tests/test_train_pairs.py.

Held out from training (so the eval numbers of these sets stay honest): every SciFact claim whose id hashes
into the held-out fifth (``heldout_scifact``), and Check-COVID's dev split. vitaminc-numeric is never read.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

S, R, N = "SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO"
LABELS = (S, R, N)


@dataclass(frozen=True)
class Pair:
    claim: str
    evidence: str
    label: str
    origin: str


def bucket(key: str, buckets: int) -> int:
    """A stable hash bucket (Python's hash() is salted per process)."""
    return int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) % buckets


def heldout_scifact(claim_id: str) -> bool:
    return bucket(claim_id, 5) == 0


def heldout(dataset: str, claim: dict) -> bool:
    """A claim the verifier never trains on: SciFact's held-out fifth, Check-COVID's dev split (its other
    claims are the train split). The eval and tuning scripts read the same definition."""
    return heldout_scifact(claim["id"]) if dataset == "scifact" else claim.get("split") == "dev"


def detokenize(text: str) -> str:
    """SNLI and VitaminC text is pre-tokenised ("packages ." / "ChuChu TV 's"); our evidence is not."""
    text = text.replace("-LRB-", "(").replace("-RRB-", ")").replace("-LSB-", "[").replace("-RSB-", "]")
    text = re.sub(r"\s+([.,;:!?%)\]'])", r"\1", text)
    text = re.sub(r"([(\[$])\s+", r"\1", text)
    text = re.sub(r"\s+(n't|'s|'re|'ve|'ll|'d)\b", r"\1", text)
    text = re.sub(r"``\s*|\s*''", '"', text)
    return " ".join(text.split())


def read_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


# --- the dev sets ----------------------------------------------------------------------------------------


def vitaminc_pairs(path: Path) -> tuple[list[Pair], list[Pair]]:
    train, val = [], []
    for row in read_jsonl(path):
        pair = Pair(detokenize(row["claim"]), detokenize(row["evidence"]), row["label"], "vitaminc")
        (val if bucket(row["case_id"], 20) == 0 else train).append(pair)
    return train, val


def nli_pairs(folder: Path) -> list[Pair]:
    out = []
    for path in sorted(folder.glob("*/pairs.jsonl")):
        for row in read_jsonl(path):
            out.append(
                Pair(
                    detokenize(row["hypothesis"]), detokenize(row["premise"]), row["label"], path.parent.name
                )
            )
    return out


def _corpus(path: Path) -> dict[str, list[str]]:
    return {d["doc_id"]: d["sentences"] for d in read_jsonl(path)}


def _overlap(a: str, b: str) -> float:
    wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return len(wa & wb) / (len(wa) or 1)


def rationale_pairs(dataset: Path, rng: random.Random, keep) -> list[Pair]:
    """SciFact / Check-COVID: the gold rationale sentences carry the claim's label; other sentences of the same
    abstract are same-topic NOT_ENOUGH_INFO (the hard negatives that teach relevance rather than topic)."""
    corpus = _corpus(dataset / "corpus.jsonl")
    origin = dataset.name
    out: list[Pair] = []
    for row in read_jsonl(dataset / "claims.jsonl"):
        if not keep(row):
            continue
        claim = row["claim"]
        gold_docs = {ev["doc_id"]: ev["sentences"] or [] for ev in row["evidence"] if ev["doc_id"] in corpus}
        for doc_id, idxs in gold_docs.items():
            sents = corpus[doc_id]
            idxs = [i for i in idxs if i < len(sents)]
            if not idxs:
                continue
            out.append(Pair(claim, " ".join(sents[i] for i in idxs), row["label"], origin))
            if len(idxs) > 1:
                for i in idxs:
                    out.append(Pair(claim, sents[i], row["label"], origin))
            others = [s for i, s in enumerate(sents) if i not in idxs]
            others.sort(key=lambda s: -_overlap(claim, s))
            for s in others[:2]:
                out.append(Pair(claim, s, N, origin + "/same-doc"))
        meta = row.get("meta") or {}
        nei_docs = ([meta["nei_doc_id"]] if meta.get("nei_doc_id") else []) + list(
            meta.get("cited_doc_ids", [])
        )
        if row["label"] == N:
            for doc_id in nei_docs:
                sents = corpus.get(doc_id, [])
                for s in sorted(sents, key=lambda s: -_overlap(claim, s))[:3]:
                    out.append(Pair(claim, s, N, origin + "/nei"))
    return out


# --- generated hard cases ---------------------------------------------------------------------------------

_AUX = re.compile(r"\b(is|are|was|were|has|have|had|can|will|does|did)\b(?! not\b| no\b| never\b)")


def negate(claim: str) -> str | None:
    """Insert a negation after the first auxiliary: "X is Y" -> "X is not Y". None when there is none."""
    m = _AUX.search(claim)
    if not m or re.search(r"\b(not|no|never|n't)\b", claim):
        return None
    return claim[: m.end()] + " not" + claim[m.end() :]


_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w.]*\d)")
_COMPARATOR = re.compile(
    r"\b(more|less|fewer|over|under|above|below|at least|at most|nearly|almost|about|around|roughly|"
    r"approximately|up to|exceed\w*|pass\w*|than|top|within)\W+(?:\S+\W+)?$",
    re.I,
)


def change_number(claim: str, evidence: str, rng: random.Random) -> str | None:
    """Replace an exact figure the evidence also states by a clearly different one (no comparator before it,
    and not a year, so the new claim is plainly contradicted)."""
    candidates = []
    for m in _NUMBER.finditer(claim):
        text = m.group(1)
        value = float(text.replace(",", ""))
        if text not in evidence or _COMPARATOR.search(claim[: m.start()]) or 1900 <= value <= 2100:
            continue
        candidates.append((m, value))
    if not candidates:
        return None
    m, value = rng.choice(candidates)
    factor = rng.choice([0.5, 0.6, 0.75, 1.3, 1.5, 2.0, 3.0])
    new = value * factor
    if "." in m.group(1):
        decimals = len(m.group(1).split(".")[1])
        replacement = f"{new:.{decimals}f}"
    else:
        new = max(1, round(new))
        if new == value:
            new = value + 1
        replacement = f"{int(new):,}" if "," in m.group(1) else str(int(new))
    if replacement == m.group(1):
        return None
    return claim[: m.start()] + replacement + claim[m.end() :]


_CAPITALISED = re.compile(r"\b[A-Z][a-zA-Z0-9]+(?:\s+[A-Z][a-zA-Z0-9]+)*\b")


def swap_entity(claim: str, evidence: str, names: list[str], rng: random.Random) -> str | None:
    """Put another subject in place of the claim's first name that the evidence also names: the evidence is
    then about someone else and says nothing about the new claim."""
    found = [m for m in _CAPITALISED.finditer(claim) if len(m.group()) > 3 and m.group() in evidence]
    if not found:
        return None
    m = found[0]
    other = rng.choice(names)
    if other.lower() in claim.lower() or other.lower() in evidence.lower():
        return None
    return claim[: m.start()] + other + claim[m.end() :]


# Invented names only (our own fictional world for the templates; no real company is described).
_COMPANIES = ["Lumora Labs", "Brightwell AI", "Castor Systems", "Norlake", "Pellucid", "Okapi Research"]
_MODELS = ["Quill", "Wicket", "Solstice", "Tamber", "Vireo", "Lark"]
_PEOPLE = ["Ines Carvalho", "Tomas Reyes", "Priya Nair", "Jonas Weber", "Mei Tanaka", "Ade Okafor"]
_HEDGES = ["I think", "I believe", "probably", "I've heard that", "I'm not sure, but maybe", "reportedly"]
_RUMOURS = [
    "According to people familiar with the matter,",
    "Sources who asked not to be named say",
    "It is rumoured that",
    "Unconfirmed reports suggest",
]
_UNITS = [
    ("downloads", "times"),
    ("users", "users"),
    ("derivative models", "derivatives"),
    ("stars", "stars"),
]


def _fmt(value: float, rng: random.Random) -> str:
    """One figure in one of the ways people write it: 642.3 million, 642,300,000, 642M, 0.64 billion."""
    style = rng.randrange(4)
    if value >= 1e9 and style == 3:
        return f"{value / 1e9:.2f} billion"
    if value >= 1e6:
        if style == 0:
            return f"{value / 1e6:.1f} million"
        if style == 1:
            return f"{int(value):,}"
        if style == 2:
            return f"{value / 1e6:.0f}M"
        return f"{value / 1e6:.0f} million"
    return f"{int(value):,}"


def threshold_pairs(rng: random.Random, n: int) -> list[Pair]:
    """Figures against thresholds and comparators, the mistake a topical model makes most: "642 million"
    does not pass "700 million"."""
    out = []
    for _ in range(n):
        who = f"{rng.choice(_COMPANIES)}'s {rng.choice(_MODELS)} models"
        unit = rng.choice(_UNITS)
        actual = rng.choice([1e6, 1e7, 1e8]) * rng.uniform(1.2, 9.5)
        evidence = rng.choice(
            [
                f"{who} have reached {_fmt(actual, rng)} {unit}, according to the hub's export.",
                f"As of this month, {who} count {_fmt(actual, rng)} {unit}.",
                f"The statistics show {_fmt(actual, rng)} {unit} for {who}.",
            ]
        )
        above = rng.random() < 0.5
        threshold = actual * (rng.uniform(0.55, 0.93) if above else rng.uniform(1.07, 1.8))
        threshold = float(f"{threshold:.2g}")
        t = _fmt(threshold, rng)
        kind = rng.randrange(5)
        if kind == 0:
            claim, label = f"{who} have more than {t} {unit}.", S if above else R
        elif kind == 1:
            claim, label = f"{who} have passed {t} {unit}.", S if above else R
        elif kind == 2:
            claim, label = f"{who} have fewer than {t} {unit}.", R if above else S
        elif kind == 3:
            claim, label = f"{who} have entered the {t} {unit} club.", S if above else R
        else:
            approx = float(f"{actual:.2g}")
            far = actual * rng.choice([0.5, 0.7, 1.4, 2.0])
            claim = f"{who} have roughly {_fmt(approx if above else far, rng)} {unit}."
            label = S if above else R
        out.append(Pair(claim, evidence, label, "gen/threshold"))
    return out


def attribution_pairs(rng: random.Random, n: int) -> list[Pair]:
    """Whose words, and how firm: a hedge or a rumour does not confirm; a named person's plain statement does."""
    facts = [
        "{c} has the largest share of the open-model market",
        "{m} was built on {m2}",
        "{c} will release {m} next year",
        "{m} is the most downloaded model family on the hub",
        "{c} plans to open an office in Porto",
        "{c} trained {m} on licensed data only",
    ]
    out = []
    for _ in range(n):
        fact = rng.choice(facts).format(
            c=rng.choice(_COMPANIES), m=rng.choice(_MODELS), m2=rng.choice(_MODELS) + "-2"
        )
        person = rng.choice(_PEOPLE)
        claim = rng.choice([f"{person} confirmed that {fact}.", f"{person} said that {fact}."])
        kind = rng.randrange(5)
        if kind == 0:
            out.append(Pair(claim, f"{person}: {fact[0].upper() + fact[1:]}.", S, "gen/attribution"))
        elif kind == 1:
            hedge = rng.choice(_HEDGES)
            out.append(Pair(claim, f"{person}: {hedge} {fact}.", N, "gen/hedge"))
        elif kind == 2:
            out.append(
                Pair(f"{fact[0].upper() + fact[1:]}.", f"{rng.choice(_RUMOURS)} {fact}.", N, "gen/rumour")
            )
        elif kind == 3:
            denial = rng.choice(
                [
                    f"No, it is not true that {fact}.",
                    f"I wouldn't say that {fact}.",
                    f"It's false that {fact}.",
                ]
            )
            out.append(Pair(claim, f"{person}: {denial}", R, "gen/denial"))
        else:
            other = rng.choice([p for p in _PEOPLE if p != person])
            out.append(Pair(claim, f"{other}: {fact[0].upper() + fact[1:]}.", N, "gen/other-speaker"))
    return out


def perturbed(pairs: list[Pair], rng: random.Random, share: float) -> list[Pair]:
    """Hard cases made from SUPPORTED pairs: an inserted negation or a changed figure contradicts the
    evidence; another subject makes it say nothing about the claim."""
    # subjects of other claims (the span a claim opens with), so a swap puts a name of the same sort in place
    names = sorted(
        {m.group() for p in pairs[:20000] if (m := _CAPITALISED.match(p.claim)) and len(m.group()) > 3}
    )
    out = []
    for p in pairs:
        if p.label != S or rng.random() > share:
            continue
        kind = rng.randrange(3)
        if kind == 0 and (c := negate(p.claim)):
            out.append(Pair(c, p.evidence, R, "gen/negation"))
        elif kind == 1 and (c := change_number(p.claim, p.evidence, rng)):
            out.append(Pair(c, p.evidence, R, "gen/number"))
        elif kind == 2 and names and (c := swap_entity(p.claim, p.evidence, names, rng)):
            out.append(Pair(c, p.evidence, N, "gen/entity"))
    return out


def off_topic(pairs: list[Pair], rng: random.Random, n: int) -> list[Pair]:
    evidence = [p.evidence for p in pairs]
    return [Pair(rng.choice(pairs).claim, rng.choice(evidence), N, "gen/off-topic") for _ in range(n)]


# --- assembly --------------------------------------------------------------------------------------------


def build(eval_dir: Path, seed: int = 13) -> tuple[list[Pair], list[Pair]]:
    rng = random.Random(seed)
    train, val = vitaminc_pairs(eval_dir / "vitaminc-train" / "pairs.jsonl")
    if (eval_dir / "nli-train").is_dir():
        nli = nli_pairs(eval_dir / "nli-train")
        val += [p for p in nli if bucket(p.claim + p.evidence, 20) == 0]
        train += [p for p in nli if bucket(p.claim + p.evidence, 20) != 0]
    train += rationale_pairs(eval_dir / "scifact", rng, lambda r: not heldout("scifact", r))
    train += rationale_pairs(eval_dir / "check-covid", rng, lambda r: not heldout("check-covid", r))
    generated = (
        perturbed(train, rng, share=0.35)
        + threshold_pairs(rng, 6000)
        + attribution_pairs(rng, 4000)
        + off_topic(train, rng, 6000)
    )
    # the generated kinds are checked on their own held-out slice too
    val += [p for p in generated if bucket(p.claim + p.evidence, 20) == 0]
    train += [p for p in generated if bucket(p.claim + p.evidence, 20) != 0]
    rng.shuffle(train)
    return dedupe(train), dedupe(val)


def focus(eval_dir: Path, seed: int = 13, replay: int = 6000) -> list[Pair]:
    """A second, short stage for the scientific sets, where the first model stays too cautious: their
    SUPPORTED/REFUTED rationale pairs three times over, their hard NOT_ENOUGH_INFO pairs once, and a replay
    sample of the first stage's pairs so it does not forget the rest."""
    rng = random.Random(seed + 1)
    science = rationale_pairs(eval_dir / "scifact", rng, lambda r: not heldout("scifact", r))
    science += rationale_pairs(eval_dir / "check-covid", rng, lambda r: not heldout("check-covid", r))
    decided = [p for p in science if p.label != N]
    nei = [p for p in science if p.label == N]
    first, _ = build(eval_dir, seed)
    out = (
        decided * 3
        + rng.sample(nei, min(len(nei), len(decided)))
        + rng.sample(first, min(replay, len(first)))
    )
    rng.shuffle(out)
    return out


def science_claim_pairs(dataset: Path, rng: random.Random, keep, negations: bool = True) -> list[Pair]:
    """Stage 3: pairs built the way SciFact and Check-COVID define their labels. A claim's label belongs to its
    whole rationale (its sentences joined in abstract order), so that text is the main pair, the single rationale
    sentences are extra ones; the same abstract's other sentences, alone and the most claim-like three joined,
    are NOT_ENOUGH_INFO, as are a claim without evidence against the sentences its dataset points at (alone and
    joined). With ``negations`` a SUPPORTED claim with an inserted negation (``negate``) is REFUTED by the same
    rationale: SciFact has half as many REFUTED claims as SUPPORTED ones."""
    corpus = _corpus(dataset / "corpus.jsonl")
    origin = dataset.name + "/s3"
    out: list[Pair] = []

    def unrelated(claim: str, sents: list[str], idxs: list[int], tag: str) -> None:
        ranked = sorted(idxs, key=lambda i: -_overlap(claim, sents[i]))
        for i in ranked[:2]:
            out.append(Pair(claim, sents[i], N, origin + tag))
        if len(ranked) > 1:
            out.append(
                Pair(claim, " ".join(sents[i] for i in sorted(ranked[:3])), N, origin + tag + "-joined")
            )

    for row in read_jsonl(dataset / "claims.jsonl"):
        if not keep(row):
            continue
        claim, label = row["claim"], row["label"]
        negated = negate(claim) if negations and label == S else None
        for ev in row["evidence"]:
            sents = corpus.get(ev["doc_id"], [])
            idxs = sorted({i for i in ev["sentences"] or [] if i < len(sents)})
            if not idxs:
                continue
            joined = " ".join(sents[i] for i in idxs)
            out.append(Pair(claim, joined, label, origin))
            if negated:
                out.append(Pair(negated, joined, R, origin + "/negated"))
            if len(idxs) > 1:
                out += [Pair(claim, sents[i], label, origin + "/single") for i in idxs]
            unrelated(claim, sents, [i for i in range(len(sents)) if i not in idxs], "/same-doc")
        if label == N:
            meta = row.get("meta") or {}
            if meta.get("nei_doc_id") in corpus:
                sents = corpus[meta["nei_doc_id"]]
                pointed = [i for i in meta.get("nei_sentences") or [] if i < len(sents)]
                out += [Pair(claim, sents[i], N, origin + "/nei") for i in pointed]
                unrelated(claim, sents, [i for i in range(len(sents)) if i not in pointed], "/nei")
            for doc_id in meta.get("cited_doc_ids", []):
                sents = corpus.get(doc_id, [])
                unrelated(claim, sents, list(range(len(sents))), "/nei")
    return out


def stage3(eval_dir: Path, replay_from: Path | None, seed: int = 13, replay: int = 3000) -> list[Pair]:
    """The third, scientific stage: the claim-level pairs of ``science_claim_pairs`` (held-out claims
    excluded), as many of their NOT_ENOUGH_INFO pairs as SUPPORTED/REFUTED ones, and a replay sample of the first stage's pairs (read from
    ``replay_from`` when it exists, else rebuilt) so general stance is not forgotten."""
    rng = random.Random(seed + 2)
    science = science_claim_pairs(eval_dir / "scifact", rng, lambda r: not heldout("scifact", r))
    science += science_claim_pairs(eval_dir / "check-covid", rng, lambda r: not heldout("check-covid", r))
    science = dedupe(science)
    if replay_from and replay_from.exists():
        with gzip.open(replay_from, "rt", encoding="utf-8") as fh:
            first = [Pair(**json.loads(line)) for line in fh]
    else:
        first, _ = build(eval_dir, seed)
    first = [p for p in first if not p.origin.startswith(("scifact", "check-covid"))]
    decided = [p for p in science if p.label != N]
    nei = [p for p in science if p.label == N]
    out = decided + rng.sample(nei, min(len(nei), len(decided))) + rng.sample(first, min(replay, len(first)))
    rng.shuffle(out)
    return out


def dedupe(pairs: Iterable[Pair]) -> list[Pair]:
    seen: set[tuple[str, str]] = set()
    out = []
    for p in pairs:
        key = (p.claim, p.evidence)
        if key not in seen and p.claim and p.evidence and p.label in LABELS:
            seen.add(key)
            out.append(p)
    return out


def write(pairs: list[Pair], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for p in pairs:
            fh.write(json.dumps(asdict(p), ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    ap.add_argument("--out", type=Path, default=Path("train/out/pairs"))
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--focus", action="store_true", help="also write the second stage's focus.jsonl.gz")
    ap.add_argument(
        "--science",
        type=Path,
        default=None,
        help="write only the third stage's science.jsonl.gz, replaying pairs from this train.jsonl.gz",
    )
    ap.add_argument("--replay", type=int, default=3000, help="replayed first-stage pairs in --science")
    args = ap.parse_args()
    if args.science:
        stage = stage3(args.eval_dir, args.science, args.seed, args.replay)
        write(stage, args.out / "science.jsonl.gz")
        counts = Counter(p.origin.split("/s3")[-1] or "rationale" for p in stage if "/s3" in p.origin)
        print(f"science: {len(stage)} pairs {dict(Counter(p.label for p in stage))} {dict(counts)}")
        return
    if args.focus:
        stage2 = focus(args.eval_dir, args.seed)
        write(stage2, args.out / "focus.jsonl.gz")
        print(f"focus: {len(stage2)} pairs {dict(Counter(p.label for p in stage2))}")
    train, val = build(args.eval_dir, args.seed)
    write(train, args.out / "train.jsonl.gz")
    write(val, args.out / "val.jsonl.gz")
    stats = {
        "train": len(train),
        "val": len(val),
        "train_labels": Counter(p.label for p in train),
        "train_origins": Counter(p.origin.split("/")[0] for p in train),
        "generated": Counter(p.origin for p in train if p.origin.startswith("gen/")),
        "seed": args.seed,
    }
    (args.out / "stats.json").write_text(json.dumps(stats, indent=2))
    print(json.dumps(stats, indent=2))


if __name__ == "__main__":
    main()
