"""A small learned aggregator over the final decision and its evidence: P(SUPPORTED / REFUTED / NOT_ENOUGH_INFO).

A multinomial logistic regression, fit on held-out dev data by ``bench/fit_aggregator.py`` and shipped in
``assistant/resources/aggregator.json`` (feature names, weights, version). It reads what the rules and the scorer
already computed (which rule decided and with what label, the raw score, the verifier's best support and
refutation among the evidence the gates let through and among all of it, relevance, figures, a speaker, the
gates' flags), so it costs a few multiplications per claim. Inference is numpy only.

Two uses, each a setting (``assistant/config.py``):

- **confidence** (``SOURCECHECK_CONFIDENCE=learned``): the verdict's confidence is P(the label chosen);
- **labels** (``SOURCECHECK_LEARNED_LABELS=true``): on the scorer path only (no rule decided), an abstention
  (NOT_ENOUGH_INFO) may become REFUTED, or SUPPORTED when P(SUPPORTED) clears the shipped ``support_bar``.

The rules' labels are never changed. Without the resource (missing, unreadable, or for other features) the
checker logs why and falls back to the calibrator (``verify/calibrate.py``) and the rules' labels.
"""

from __future__ import annotations

import json
import logging
import math
from importlib import resources
from pathlib import Path

import numpy as np

from assistant.retrieve.evidence import Evidence
from assistant.verify.aggregate import _CANNOT_SUPPORT, _NOT_SUPPORTING, MIN_RELEVANCE, Decision
from assistant.verify.claims import ClaimFrame
from assistant.verify.findings import has

log = logging.getLogger(__name__)

DEFAULT_PATH = Path(str(resources.files("assistant") / "resources" / "aggregator.json"))
VERSION = 1
LABELS = ("SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO")
SOURCES = ("figures", "words", "scorer")
# the gates that keep evidence from supporting (verify/aggregate.py); "open" evidence has none of them
_GATED = ("rumour", "hedged", "question", "entity-gap", "date-gap")
_FLAGS = ("rumour", "hedged", "negated", "plan", "degree-gap", "entity-gap", "date-gap", "polarity-gap")
_STRUCTURED = ("row", "record", "header")

FEATURES: tuple[str, ...] = (
    *(f"{lab}|{src}" for lab in LABELS for src in SOURCES),
    "score",
    "open_support",
    "open_refute",
    "all_support",
    "all_refute",
    "relevance",
    "figures",
    "speaker",
    *(f"flag:{f}" for f in _FLAGS),
)


def source_of(decided_by: str) -> str:
    """Where a decision came from: the figure and table checks, someone's words, or the scorer path."""
    if decided_by.startswith(("rules:numeric", "rules:table")):
        return "figures"
    if decided_by.startswith(("rules:attribution", "rules:reply", "rules:rumour")):
        return "words"
    return "scorer"


def on_scorer_path(decision: Decision) -> bool:
    """No rule decided: the scorer's thresholds did (the only decisions the label switch may change)."""
    return decision.decided_by == "scorer"


def features(frame: ClaimFrame, evidence: list[Evidence], decision: Decision) -> list[float]:
    """The aggregator's inputs, in the order of ``FEATURES``; every value is in [0, 1]."""
    pool = [
        e
        for e in evidence
        if (e.relevance >= MIN_RELEVANCE or e.reply_to) and e.passage.unit not in _STRUCTURED
    ]
    open_ = [e for e in pool if not any(has(e, k) for k in _GATED)]

    def best(items: list[Evidence], i: int) -> float:
        return max((float(e.probs[i]) for e in items), default=0.0)

    src = source_of(decision.decided_by)
    one_hot = [float(decision.label == lab and src == s) for lab in LABELS for s in SOURCES]
    return [
        *one_hot,
        float(np.clip(decision.score, 0.0, 1.0)),
        best(open_, 0),
        best(open_, 1),
        best(pool, 0),
        best(pool, 1),
        float(np.clip(max((e.relevance for e in evidence), default=0.0), 0.0, 1.0)),
        float(any(q.kind not in ("year", "period") for q in frame.quantities)),
        float(frame.speaker is not None),
        *(float(any(has(e, f) for e in pool)) for f in _FLAGS),
    ]


class Aggregator:
    """P(label) from the features. ``support_bar`` / ``refute_bar``: the least P(SUPPORTED) / P(REFUTED) for the
    label switch to turn an abstention into SUPPORTED / REFUTED (above 1: never)."""

    def __init__(
        self,
        weights: np.ndarray,
        bias: np.ndarray,
        support_bar: float = 1.01,
        refute_bar: float = 1.01,
        meta: dict | None = None,
    ):
        self.weights = np.asarray(weights, dtype=float)  # (len(FEATURES), 3)
        self.bias = np.asarray(bias, dtype=float)  # (3,)
        if self.weights.shape != (len(FEATURES), len(LABELS)) or self.bias.shape != (len(LABELS),):
            raise ValueError(f"weights {self.weights.shape} / bias {self.bias.shape} do not fit the features")
        if not (np.isfinite(self.weights).all() and np.isfinite(self.bias).all()):
            raise ValueError("weights are not finite")
        self.support_bar, self.refute_bar = float(support_bar), float(refute_bar)
        self.meta = meta or {}

    @classmethod
    def from_json(cls, data: dict) -> Aggregator:
        if data.get("version") != VERSION:
            raise ValueError(f"version {data.get('version')!r}, expected {VERSION}")
        if tuple(data.get("labels", ())) != LABELS:
            raise ValueError(f"labels {data.get('labels')!r}, expected {list(LABELS)}")
        if tuple(data.get("features", ())) != FEATURES:
            raise ValueError("its features are not this version's features")
        meta = {k: v for k, v in data.items() if k not in ("weights", "bias")}
        bars = (float(data.get("support_bar", 1.01)), float(data.get("refute_bar", 1.01)))
        return cls(np.array(data["weights"]), np.array(data["bias"]), *bars, meta=meta)

    def to_json(self, **meta) -> dict:
        return {
            "version": VERSION,
            "labels": list(LABELS),
            "features": list(FEATURES),
            **meta,
            "support_bar": self.support_bar,
            "refute_bar": self.refute_bar,
            "weights": [[round(float(v), 6) for v in row] for row in self.weights],
            "bias": [round(float(v), 6) for v in self.bias],
        }

    @classmethod
    def load(cls, path: Path | None = None) -> Aggregator | None:
        """The shipped aggregator, or None (logged) when it is missing or unreadable."""
        path = path or DEFAULT_PATH
        try:
            return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
        except FileNotFoundError:
            log.warning("no learned aggregator at %s; confidence falls back to the calibrator", path)
        except (OSError, ValueError, KeyError, TypeError) as exc:  # json.JSONDecodeError is a ValueError
            log.warning(
                "unusable learned aggregator %s (%s); confidence falls back to the calibrator", path, exc
            )
        return None

    def probabilities(self, x: list[float] | np.ndarray) -> np.ndarray:
        """P(SUPPORTED), P(REFUTED), P(NOT_ENOUGH_INFO) for one feature vector (or a matrix of them)."""
        z = np.asarray(x, dtype=float) @ self.weights + self.bias
        z = z - z.max(axis=-1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=-1, keepdims=True)

    def relabel(self, p: np.ndarray, label: str) -> str:
        """The label of a scorer-path decision. Only an abstention changes: NOT_ENOUGH_INFO becomes SUPPORTED when
        P(SUPPORTED) >= ``support_bar``, else REFUTED when P(REFUTED) >= ``refute_bar`` and beats P(NEI). A
        SUPPORTED or REFUTED of the thresholds stands (demoting them cost scenario-A, bench/RESULTS.md)."""
        if label != "NOT_ENOUGH_INFO":
            return label
        if p[0] >= self.support_bar:
            return "SUPPORTED"
        if p[1] >= self.refute_bar and p[1] >= p[2]:
            return "REFUTED"
        return label

    def confidence(self, p: np.ndarray, label: str) -> float:
        value = float(p[LABELS.index(label)])
        return min(0.99, max(0.01, value)) if math.isfinite(value) else 1 / 3


def relabelled(decision: Decision, label: str, evidence: list[Evidence], p: np.ndarray) -> Decision:
    """The scorer path's decision under the aggregator's label. It cites the relevant evidence that reads that
    way and that the gates would let decide it (none for NOT_ENOUGH_INFO)."""
    usable = [
        e
        for e in evidence
        if e.relevance >= MIN_RELEVANCE
        and e.passage.unit not in _STRUCTURED
        and not any(has(e, k) for k in (_NOT_SUPPORTING if label == "SUPPORTED" else _CANNOT_SUPPORT))
    ]
    stance = {"SUPPORTED": 0, "REFUTED": 1}.get(label)
    cited = sorted(usable, key=lambda e: -e.probs[stance])[:3] if stance is not None else []
    return Decision(
        label,
        float(p[LABELS.index(label)]),
        support=cited if label == "SUPPORTED" else [],
        refute=cited if label == "REFUTED" else [],
        explanation=f"The learned aggregator reads the evidence as {label} (P = {p[LABELS.index(label)]:.2f}).",
        decided_by="learned",
    )
