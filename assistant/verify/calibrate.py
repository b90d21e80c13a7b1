"""Confidence: the probability that a label is right, mapped from the aggregation's raw score.

One monotone map per label, fit on dev data by ``sourcecheck eval --fit-calibration`` (histogram binning with
a monotone correction) and shipped in ``assistant/resources/calibration.json``. Without a fit the raw score
is used, clipped to [1/3, 0.99].
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import numpy as np

from assistant.verify.aggregate import Decision

DEFAULT_PATH = Path(str(resources.files("assistant") / "resources" / "calibration.json"))


class Calibrator:
    def __init__(self, tables: dict[str, tuple[list[float], list[float]]] | None = None):
        self.tables = tables or {}

    @classmethod
    def load_default(cls) -> Calibrator:
        if DEFAULT_PATH.exists():
            return cls(
                {k: (v["x"], v["y"]) for k, v in json.loads(DEFAULT_PATH.read_text())["labels"].items()}
            )
        return cls()

    def __call__(self, decision: Decision) -> float:
        table = self.tables.get(decision.label)
        raw = float(np.clip(decision.score, 0.0, 1.0))
        if not table:
            return float(np.clip(raw, 1 / 3, 0.99))
        xs, ys = table
        return float(np.clip(np.interp(raw, xs, ys), 0.01, 0.99))

    @staticmethod
    def fit(scores: list[float], correct: list[bool], bins: int = 8) -> tuple[list[float], list[float]]:
        """Equal-count bins of raw score -> accuracy in each, made non-decreasing by pooling adjacent bins
        that violate the order (isotonic regression over the bins)."""
        order = np.argsort(scores)
        s, c = np.asarray(scores)[order], np.asarray(correct, dtype=float)[order]
        chunks = [ch for ch in np.array_split(np.arange(len(s)), min(bins, max(1, len(s) // 10))) if len(ch)]
        # each block: [sum of scores, correct + 1, count + 2] (Laplace-smoothed accuracy)
        blocks = [[float(s[ch].sum()), float(c[ch].sum()) + 1, len(ch) + 2.0, len(ch)] for ch in chunks]
        pooled: list[list[float]] = []
        for block in blocks:
            pooled.append(block)
            while len(pooled) > 1 and pooled[-2][1] / pooled[-2][2] > pooled[-1][1] / pooled[-1][2]:
                last = pooled.pop()
                pooled[-1] = [a + b for a, b in zip(pooled[-1], last, strict=True)]
        xs = [b[0] / b[3] for b in pooled]
        ys = [b[1] / b[2] for b in pooled]
        return xs, ys
