"""The learned aggregator (assistant/verify/learned.py): resource, features, probabilities, label switch, fallback."""

from __future__ import annotations

import json
import logging

import numpy as np
import pytest

from assistant.checker import Checker
from assistant.config import Settings
from assistant.retrieve.evidence import Evidence
from assistant.verify import learned
from assistant.verify.aggregate import Decision, decide
from assistant.verify.calibrate import Calibrator
from assistant.verify.claims import parse_claim
from assistant.verify.learned import FEATURES, LABELS, Aggregator, features
from assistant.verify.rules import evidence_findings
from tests.test_claims_and_rules import ev


def judged(claim: str, evidence: list[Evidence]) -> tuple:
    frame = parse_claim(claim)
    for e in evidence:
        e.findings = evidence_findings(frame, e)
    return frame, evidence, decide(frame, evidence)


def toy(support_bar: float = 0.9, refute_bar: float = 0.4, bias=(0.0, 0.0, 0.0)) -> Aggregator:
    """Weights that read the model's best support / refutation among all evidence as P(S) / P(R)."""
    w = np.zeros((len(FEATURES), 3))
    w[FEATURES.index("all_support"), 0] = 6.0
    w[FEATURES.index("all_refute"), 1] = 6.0
    return Aggregator(w, np.array(bias), support_bar=support_bar, refute_bar=refute_bar)


def test_the_shipped_resource_loads_and_gives_probabilities():
    agg = Aggregator.load()
    assert agg is not None, "assistant/resources/aggregator.json should ship"
    assert agg.meta["features"] == list(FEATURES) and agg.meta["labels"] == list(LABELS)
    assert 0.5 <= agg.support_bar <= 1.01
    rng = np.random.default_rng(0)
    x = rng.random((50, len(FEATURES)))
    p = agg.probabilities(x)
    assert p.shape == (50, 3) and np.allclose(p.sum(axis=1), 1.0) and (p >= 0).all()
    assert np.isclose(agg.probabilities(x[0]).sum(), 1.0)


def test_features_from_hand_made_evidence():
    frame, evidence, decision = judged(
        "Lumora will open an office in Oslo.",
        [
            ev(
                "Lumora will open an office in Oslo, sources familiar with the matter said.",
                probs=(0.9, 0.0, 0.1),
            ),
            ev("Lumora denied any plans for Oslo.", probs=(0.1, 0.7, 0.2)),
        ],
    )
    x = dict(zip(FEATURES, features(frame, evidence, decision), strict=True))
    assert len(x) == len(FEATURES) and all(0.0 <= v <= 1.0 for v in x.values())
    assert sum(x[f"{lab}|{src}"] for lab in LABELS for src in learned.SOURCES) == 1.0  # one decider
    assert x[f"{decision.label}|{learned.source_of(decision.decided_by)}"] == 1.0
    assert x["flag:rumour"] == 1.0  # "sources familiar with the matter"
    assert x["all_support"] == pytest.approx(0.9) and x["open_support"] < 0.9  # the rumour is gated
    assert x["all_refute"] == pytest.approx(0.7) and x["speaker"] == 0.0 and x["figures"] == 0.0


def test_features_of_figures_and_speakers():
    frame, evidence, decision = judged(
        "Quill models passed 500 million downloads.",
        [ev("Quill models have passed 500 million downloads.", date="2025-10-01")],
    )
    x = dict(zip(FEATURES, features(frame, evidence, decision), strict=True))
    assert x["figures"] == 1.0 and x["SUPPORTED|figures"] == 1.0
    frame = parse_claim("Anneke Voss said Quill is popular.")
    decision = Decision("NOT_ENOUGH_INFO", 0.6, decided_by="rules:attribution")
    x = dict(zip(FEATURES, features(frame, [], decision), strict=True))
    assert x["speaker"] == 1.0 and x["NOT_ENOUGH_INFO|words"] == 1.0 and x["relevance"] == 0.0


def test_the_label_switch_never_says_supported_below_the_bar():
    agg = toy(support_bar=0.9, refute_bar=0.4)
    rng = np.random.default_rng(1)
    for p in rng.dirichlet((1.0, 1.0, 1.0), size=2000):
        for label in LABELS:
            new = agg.relabel(p, label)
            if label != "NOT_ENOUGH_INFO":
                assert new == label  # only abstentions change
            if new == "SUPPORTED" and label != "SUPPORTED":
                assert p[0] >= 0.9
            if new == "REFUTED" and label != "REFUTED":
                assert p[1] >= 0.4 and p[1] >= p[2]
    assert agg.relabel(np.array([0.95, 0.0, 0.05]), "NOT_ENOUGH_INFO") == "SUPPORTED"
    assert agg.relabel(np.array([0.3, 0.5, 0.2]), "NOT_ENOUGH_INFO") == "REFUTED"
    assert toy(support_bar=1.01).relabel(np.array([1.0, 0.0, 0.0]), "NOT_ENOUGH_INFO") != "SUPPORTED"


def test_round_trip_through_json(tmp_path):
    agg = toy(support_bar=0.85, refute_bar=0.55)
    path = tmp_path / "agg.json"
    path.write_text(json.dumps(agg.to_json(fitted="today")))
    back = Aggregator.load(path)
    assert back is not None and back.support_bar == 0.85 and back.refute_bar == 0.55
    x = np.linspace(0, 1, len(FEATURES))
    assert np.allclose(back.probabilities(x), agg.probabilities(x), atol=1e-5)


@pytest.mark.parametrize(
    "content",
    [
        None,  # missing
        "{not json",
        json.dumps({"version": 99}),
        json.dumps({**toy().to_json(), "features": ["score"]}),
        json.dumps({**toy().to_json(), "weights": [[1.0, 2.0, 3.0]]}),
    ],
)
def test_a_missing_or_corrupt_resource_falls_back_to_the_calibrator(tmp_path, monkeypatch, caplog, content):
    path = tmp_path / "aggregator.json"
    if content is not None:
        path.write_text(content)
    monkeypatch.setattr(learned, "DEFAULT_PATH", path)
    with caplog.at_level(logging.WARNING, logger="assistant.verify.learned"):
        assert Aggregator.load() is None
    assert "falls back to the calibrator" in caplog.text and str(path) in caplog.text
    checker = Checker(store=None, scorer=None, retriever=object(), confidence="learned", learned_labels=True)  # type: ignore[arg-type]
    assert checker.aggregator is None
    frame, evidence, decision = judged(
        "Lumora opened an office in Oslo.", [ev("Lumora opened an office in Oslo.")]
    )
    out, confidence = checker._learned(frame, evidence, decision)
    assert out is decision and confidence == checker.calibrator(decision)


def test_checker_uses_the_aggregator_as_the_settings_say():
    frame, evidence, _ = judged(
        "Lumora opened an office in Oslo.", [ev("Lumora closed its Oslo office.", probs=(0.05, 0.6, 0.35))]
    )
    nei = Decision("NOT_ENOUGH_INFO", 0.4)  # a scorer-path abstention
    agg = toy(support_bar=0.9, refute_bar=0.4)
    p = agg.probabilities(features(frame, evidence, nei))
    assert p[1] > max(p[0], p[2])

    def make(**kw) -> Checker:
        return Checker(
            store=None, scorer=None, retriever=object(), calibrator=Calibrator(), aggregator=agg, **kw
        )  # type: ignore[arg-type]

    # confidence only: the label stands, the confidence is P(label)
    out, conf = make(confidence="learned")._learned(frame, evidence, nei)
    assert out.label == "NOT_ENOUGH_INFO" and conf == pytest.approx(p[2])
    # calibrated: the calibrator's number
    out, conf = make(confidence="calibrated")._learned(frame, evidence, nei)
    assert out.label == "NOT_ENOUGH_INFO" and conf == Calibrator()(nei)
    # the label switch turns the abstention into REFUTED, citing the refuting sentence
    out, conf = make(confidence="learned", learned_labels=True)._learned(frame, evidence, nei)
    assert out.label == "REFUTED" and out.decided_by == "learned" and out.refute == evidence
    assert conf == pytest.approx(p[1])
    # a rule's decision is never switched, and an LLM's is left to the calibrator
    rule = Decision("NOT_ENOUGH_INFO", 0.6, decided_by="rules:rumour")
    assert make(learned_labels=True)._learned(frame, evidence, rule)[0] is rule
    llm = Decision("SUPPORTED", 0.8, decided_by="llm:gpt (prompt judge-v1)")
    out, conf = make(confidence="learned", learned_labels=True)._learned(frame, evidence, llm)
    assert out is llm and conf == Calibrator()(llm)


def test_the_switch_never_supports_below_the_bar_in_the_checker():
    frame, evidence, _ = judged(
        "Lumora opened an office in Oslo.", [ev("Lumora opened an office in Oslo.", probs=(0.85, 0.0, 0.15))]
    )
    nei = Decision("NOT_ENOUGH_INFO", 0.3)
    agg = toy(support_bar=0.999, refute_bar=0.4)
    assert agg.probabilities(features(frame, evidence, nei))[0] < 0.999
    checker = Checker(store=None, scorer=None, retriever=object(), aggregator=agg, learned_labels=True)  # type: ignore[arg-type]
    assert checker._learned(frame, evidence, nei)[0].label != "SUPPORTED"
    agg.support_bar = 0.5
    out, _ = checker._learned(frame, evidence, nei)
    assert out.label == "SUPPORTED" and out.support == evidence


def test_settings_switch(monkeypatch, store):
    assert Settings().confidence == "learned" and Settings().learned_labels is False
    monkeypatch.setenv("SOURCECHECK_CONFIDENCE", "calibrated")
    monkeypatch.setenv("SOURCECHECK_LEARNED_LABELS", "true")
    settings = Settings(scorer="heuristic")
    assert settings.confidence == "calibrated" and settings.learned_labels is True
    checker = Checker.from_settings(settings, store=store)
    assert checker.confidence == "calibrated" and checker.learned_labels and checker.aggregator is not None
    assert "learned_labels=True" in checker.variant
    off = Checker.from_settings(
        Settings(scorer="heuristic", confidence="calibrated", learned_labels=False), store=store
    )
    assert off.aggregator is None and "aggregator=none" in off.variant
    with pytest.raises(ValueError):
        Settings(confidence="magic")
