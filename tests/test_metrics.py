"""Evaluation metrics and calibration: pure functions."""

import pytest

from assistant.evaluate import (
    classification_metrics,
    expected_calibration_error,
    oracle_doc_ids,
    quote_matches,
    sentence_spans,
)
from assistant.verify.aggregate import Decision
from assistant.verify.calibrate import Calibrator

S, R, N = "SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO"


def test_classification_metrics():
    m = classification_metrics([S, S, R, N, N], [S, R, R, S, N])
    assert m["accuracy"] == pytest.approx(3 / 5)
    assert m["per_label"][S] == pytest.approx({"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2})
    assert m["per_label"][R]["precision"] == pytest.approx(0.5) and m["per_label"][R]["recall"] == 1.0
    assert m["confusion"][N][S] == 1 and m["confusion"][S][R] == 1
    assert m["wrong_supported_rate"] == pytest.approx(
        1 / 3
    )  # one of three non-SUPPORTED claims called SUPPORTED
    assert m["macro_f1"] == pytest.approx((0.5 + 2 / 3 + 2 / 3) / 3)


def test_ece():
    assert expected_calibration_error([0.9, 0.9], [True, True]) == pytest.approx(0.1)
    assert expected_calibration_error([0.5, 0.5], [True, False]) == pytest.approx(0.0)
    assert expected_calibration_error([], []) == 0.0


def test_quote_matching_tolerates_whitespace_and_partial_spans():
    gold = '"family": "Skerry",\n      "organization": "Fjordline Labs"'
    assert quote_matches('"family": "Skerry", "organization": "Fjordline Labs", "public_models": 11', gold)
    assert quote_matches(
        "A small team, around twenty people.", "A small team, around twenty people. Most moved."
    )
    assert not quote_matches("Something else entirely here.", gold)


def test_sentence_spans_and_oracle_ids():
    doc = {"text": "One two. Three four.", "sentences": ["One two.", "Three four."]}
    assert sentence_spans(doc) == [(0, 8), (9, 20)]
    claim = {
        "evidence": [{"doc_id": 5, "sentences": [0]}],
        "meta": {"cited_doc_ids": [5, 6], "oracle_doc_id": "x"},
    }
    assert oracle_doc_ids(claim) == ["5", "x", "6"]


def test_calibrator_fit_is_monotone_and_maps_scores():
    scores = [i / 100 for i in range(100)]
    correct = [s > 0.5 for s in scores]
    xs, ys = Calibrator.fit(scores, correct)
    assert ys == sorted(ys) and ys[0] < 0.3 and ys[-1] > 0.8
    calibrator = Calibrator({S: (xs, ys)})
    assert calibrator(Decision(S, 0.95)) > calibrator(Decision(S, 0.1))
    assert Calibrator()(Decision(R, 0.2)) == pytest.approx(1 / 3)  # unfitted: raw score, clipped
