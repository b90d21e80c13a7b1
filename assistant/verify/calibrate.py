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
        """Equal-count bins of raw score -> accuracy in each, made non-decreasing."""
        order = np.argsort(scores)
        s, c = np.asarray(scores)[order], np.asarray(correct, dtype=float)[order]
        chunks = [ch for ch in np.array_split(np.arange(len(s)), min(bins, max(1, len(s) // 10))) if len(ch)]
        xs = [float(s[ch].mean()) for ch in chunks]
        ys = [float((c[ch].sum() + 1) / (len(ch) + 2)) for ch in chunks]  # Laplace-smoothed accuracy
        ys = list(np.maximum.accumulate(ys))
        return xs, ys
