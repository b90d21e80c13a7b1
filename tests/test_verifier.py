"""The embedded verifier: the shipped ONNX model itself, and the judge (model + rules) pinned on hand-written pairs.

The pairs are our own; each runs through the real pipeline over a one-document store, so what is pinned is the
verdict a user would get, not a model score.
"""

from __future__ import annotations

import numpy as np
import pytest

from assistant.checker import Checker
from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.store import Store
from assistant.verify import model as verifier
from assistant.verify.model import ModelScorer, VerifierModel
from ingest.pipeline import ingest_paths

S, R, N = 0, 1, 2


@pytest.fixture(scope="module")
def vm() -> VerifierModel:
    return VerifierModel()


def test_probabilities_are_a_distribution_and_batching_changes_nothing(vm):
    pairs = [
        ("Quill-3 was released in March 2025.", "Lumora Labs released Quill-3 on 4 March 2025."),
        ("Quill-3 was released in March 2025.", "The weather in Porto was mild in October."),
        (
            "Ines Carvalho confirmed the deal.",
            "Ines Carvalho: I think the deal will probably happen, but I'm not sure.",
        ),
    ]
    together = vm.predict(pairs)
    assert together.shape == (3, 3) and np.allclose(together.sum(axis=1), 1.0)
    alone = np.vstack([VerifierModel().predict([p]) for p in pairs])
    # a pair's scores never depend on the pairs scored with it (int8 activation scales are per call)
    assert np.allclose(together, alone, atol=1e-9)


def test_model_reads_stance_not_just_topic(vm):
    claim = "Lumora Labs released Quill-3 in March 2025."
    p = vm.predict(
        [
            (claim, "Lumora Labs released Quill-3 on 4 March 2025."),
            (claim, "Lumora Labs did not release Quill-3 until June 2025."),
            (claim, "Porto's harbour handled more containers this year."),
        ]
    )
    assert p[0].argmax() == S
    assert p[1, S] < 0.5  # same topic, different answer: never a support
    assert p[2].argmax() == N


def test_cache_returns_the_same_scores(vm):
    pair = ("Castor Systems has 40 employees.", "Castor Systems employs 40 people.")
    first = vm.predict([pair]).copy()
    assert pair in vm._cache
    assert np.array_equal(vm.predict([pair]), first)


def test_scorer_relevance_keeps_topical_sentences():
    class Topical:
        def relevance(self, claim, texts):
            return np.full(len(texts), 0.9)

    scorer = ModelScorer(topical=Topical())
    texts = ["The weather in Porto was mild in October."]
    assert scorer.assess("Quill-3 was released in March 2025.", texts)[1][0] == pytest.approx(0.9)
    assert ModelScorer().assess("Quill-3 was released in March 2025.", texts)[1][0] < 0.5


def test_only_the_most_topical_sentences_are_read_by_the_model():
    class Topical:
        def relevance(self, claim, texts):
            return np.array([0.9 if "Quill" in t else 0.1 for t in texts])

    read = []

    class Spy(VerifierModel):
        def predict(self, pairs):
            read.extend(text for _, text in pairs)
            return super().predict(pairs)

    texts = [f"Filler sentence number {i} about the weather." for i in range(30)] + [
        "Quill-3 came out in March."
    ]
    probs = ModelScorer(Spy(), topical=Topical(), max_pairs=5).score(
        "Quill-3 was released in March 2025.", texts
    )
    assert len(read) == 5 and "Quill-3 came out in March." in read
    unread = [i for i, t in enumerate(texts) if t not in read]
    assert np.allclose(probs[unread], [0.0, 0.0, 1.0])  # an unread sentence says nothing


def test_a_tampered_model_file_is_refused(monkeypatch):
    verifier._load.cache_clear()
    monkeypatch.setattr(verifier, "MODEL_SHA256", "0" * 64)
    with pytest.raises(ConfigError, match="sha256"):
        VerifierModel().predict([("a claim", "some evidence")])
    verifier._load.cache_clear()


# --- the judge on pinned pairs ---------------------------------------------------------------------------

_FIRESIDE = (
    "1\n00:00:01,000 --> 00:00:06,000\nÍÑIGO SALCEDA: Welcome. My guest is Anneke Voss, chief executive of "
    "Lumora Labs.\n\n2\n00:00:06,000 --> 00:00:12,000\nSome background first. Lumora Labs has a team of forty "
    "engineers, which is remarkable.\n\n3\n00:00:12,000 --> 00:00:16,000\nAnneke, you released Quill-4 last "
    "week. Is Quill-4 simply Quill-3 with a new name?\n\n4\n00:00:16,000 --> 00:00:20,000\nANNEKE VOSS: No, "
    "and I'd push back on that framing. Quill-4 starts from the Quill-3 weights.\n"
)
PAIRS = [
    # (evidence document, claim, the label it must get / a label it must not get)
    (
        "ModelYard statistics, 31 October 2025. Quill models have more than 600 million downloads.",
        "Quill models have passed 700 million downloads.",
        ("not", "SUPPORTED"),
    ),
    (
        "ModelYard statistics, 31 October 2025. Quill models have more than 700 million downloads.",
        "Quill models have passed 700 million downloads.",
        ("is", "SUPPORTED"),
    ),
    (
        "ModelYard statistics, 31 October 2025. Quill models have 642 million downloads.",
        "Quill models have passed 700 million downloads.",
        ("is", "REFUTED"),
    ),
    (
        "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n<v Marisol Quentin>So Quill leads the market, right?\n\n"
        "00:00:05.500 --> 00:00:09.000\n<v Anneke Voss>I wouldn't use that phrase.\n",
        "Anneke Voss confirmed that Quill leads the market.",
        ("not", "SUPPORTED"),
    ),
    (
        # regression: a dated figure about another model decided the claim (REFUTED), because the claim's
        # "August 2025" counted as a name the other sentence shared
        "Hub notes, September 2025\n\nAs of 31 August 2025, Quill models had been downloaded 407.7 million "
        "times. Orrin Works said its Vesper-2 model reached 41 million downloads in August 2025.",
        "Orrin Works' Vesper-2 model reached 41 million downloads in August 2025.",
        ("is", "SUPPORTED"),
    ),
    (
        # regression: the accented host label went unread, and "No" (which answers the closing question) was
        # taken to dispute the background the host gave earlier in the same turn
        _FIRESIDE,
        "Anneke Voss said Lumora Labs has a team of about forty engineers.",
        ("is", "NOT_ENOUGH_INFO"),
    ),
    (
        _FIRESIDE,
        "Anneke Voss agreed that Quill-4 is simply Quill-3 under a new name.",
        ("is", "REFUTED"),
    ),
    (
        "Porto's harbour handled more containers this year than in any year before.",
        "Quill models have passed 700 million downloads.",
        ("is", "NOT_ENOUGH_INFO"),
    ),
]


@pytest.fixture(scope="module")
def pinned(tmp_path_factory, embeddings):
    home = tmp_path_factory.mktemp("pinned")
    settings = Settings(home=home, collection="pinned")
    store = Store.from_settings(settings, embeddings)
    paths = []
    for i, (text, _, _) in enumerate(PAIRS):
        ext = "vtt" if text.startswith("WEBVTT") else "srt" if text.startswith("1\n00:") else "txt"
        path = home / f"pair{i}.{ext}"
        path.write_text(text)
        paths.append(path)
    report = ingest_paths(paths, store, max_bytes=10**6)
    doc_ids = [r.doc_id for r in report.results]
    assert all(doc_ids)
    return Checker.from_settings(settings, store=store), doc_ids


@pytest.mark.parametrize("index", range(len(PAIRS)))
def test_pinned_pairs(pinned, index):
    checker, doc_ids = pinned
    _, claim, (mode, label) = PAIRS[index]
    verdict = checker.check(claim, doc_ids=[doc_ids[index]])
    if mode == "is":
        assert verdict.label == label, verdict.explanation
    else:
        assert verdict.label != label, verdict.explanation
    for c in verdict.citations:
        assert c.doc_id == doc_ids[index]
