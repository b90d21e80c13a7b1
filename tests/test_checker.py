"""The verification pipeline end to end on the fictional sample corpus: real store, real embedder."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from assistant.checker import Checker
from assistant.cli import app
from assistant.schema import Verdict
from ingest.pipeline import ingest_paths


@pytest.fixture(scope="module")
def checker(tmp_path_factory, embeddings):
    from assistant.config import Settings
    from assistant.store import Store
    from tests.conftest import SAMPLE_DOCS

    settings = Settings(home=tmp_path_factory.mktemp("home"), collection="checker")
    store = Store.from_settings(settings, embeddings)
    ingest_paths([SAMPLE_DOCS], store, max_bytes=10**7)
    return Checker.from_settings(settings, store=store)


# Claims and verdicts from assistant/sample/README.md (our own fictional world).
@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("Lumora Labs first published Quill-1-7B on 12 March 2023.", "SUPPORTED"),
        (
            "By the end of October 2025, Quill models had been downloaded more than 500 million times.",
            "REFUTED",
        ),
        ("Quill models have passed 500 million downloads on ModelYard.", "SUPPORTED"),
        ("Anneke Voss said Quill is the most popular open model family in the world.", "REFUTED"),
        ("Lumora Labs will release Quill-4 in February 2026.", "NOT_ENOUGH_INFO"),
        ("Pellucid Robotics' Project Lantern is built on Quill-3-34B.", "SUPPORTED"),
        ("Quill models had been downloaded about 2.9 billion times by May 2025.", "REFUTED"),
        pytest.param(
            "Skerry-4-27B scores higher than Quill-3-34B on independent benchmarks.",
            "NOT_ENOUGH_INFO",
            # Known weakness of minilm-verifier-v1: it reads "on the company's own benchmark" as contradicting
            # "independent benchmarks" (P(refutes) 0.71). Strict, so the day it is right this test says so.
            marks=pytest.mark.xfail(strict=True, reason="verifier reads 'own benchmark' as a contradiction"),
        ),
    ],
)
def test_sample_claims(checker, claim, label):
    verdict = checker.check(claim)
    assert verdict.label == label, verdict.explanation
    if label != "NOT_ENOUGH_INFO":
        assert verdict.citations
        wanted = "refutes" if label == "REFUTED" else "supports"
        assert verdict.citations[0].stance == wanted


def test_every_citation_is_an_exact_span(checker):
    claims = [
        "Quill models have passed 500 million downloads on ModelYard.",
        "Anneke Voss said Quill is the most popular open model family in the world.",
        "Pellucid Robotics' Project Lantern is built on Quill-3-34B.",
        "Quill models had been downloaded about 2.9 billion times by May 2025.",
    ]
    seen = 0
    for verdict in checker.check_many(claims):
        assert len(verdict.citations) <= 3
        for c in verdict.citations:
            doc = checker.store.get_document(c.doc_id)
            assert doc.text[c.char_start : c.char_end] == c.quote
            assert c.source == doc.source and c.date == doc.date
            seen += 1
    assert seen >= 4


def test_transcript_citations_carry_speaker_and_timestamp(checker):
    verdict = checker.check("Anneke Voss said Quill is the most popular open model family in the world.")
    cited = verdict.citations[0]
    assert cited.speaker == "Anneke Voss" and cited.timestamp and cited.kind == "transcript"


def test_verdict_is_json_with_a_documented_schema(checker):
    verdict = checker.check("Quill models have passed 500 million downloads on ModelYard.")
    data = json.loads(verdict.model_dump_json())
    assert Verdict.model_validate(data).model_dump() == verdict.model_dump()
    assert {"label", "confidence", "citations", "explanation", "sub_verdicts", "decided_by"} <= set(data)
    assert 0 <= data["confidence"] <= 1
    assert "citations" in Verdict.model_json_schema()["properties"]


def test_list_claims_are_split_and_combined(checker):
    verdict = checker.check("Lumora released Quill models in Brightmoor, Atlantis and Narnia.")
    assert len(verdict.sub_verdicts) == 3
    assert verdict.label != "SUPPORTED"


def test_empty_claim_and_bad_claims_in_a_batch(checker):
    results = list(checker.check_many(["", "Quill models have passed 500 million downloads on ModelYard."]))
    assert results[0].error == "empty claim" and results[1].label == "SUPPORTED"


def test_check_cli_human_and_json(tmp_path, sample_docs):
    runner = CliRunner()
    runner.invoke(app, ["ingest", str(sample_docs)])
    human = runner.invoke(app, ["check", "Lumora Labs is an investor in Pellucid Robotics."])
    assert human.exit_code == 0 and "REFUTED" in human.stdout and "Rohan Kaelin" in human.stdout
    as_json = runner.invoke(app, ["check", "Quill models have passed 500 million downloads.", "--json"])
    verdict = json.loads(as_json.stdout)
    assert verdict["label"] == "SUPPORTED" and verdict["citations"][0]["quote"]


def test_eval_command_on_a_tiny_corpus(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    docs = [
        {
            "doc_id": "a",
            "title": "Quill",
            "sentences": ["Quill was released in 2023.", "It has 7 billion parameters."],
        },
        {"doc_id": "b", "title": "Skerry", "sentences": ["Skerry has more than 40 million downloads."]},
    ]
    corpus.write_text("\n".join(json.dumps({**d, "text": " ".join(d["sentences"])}) for d in docs) + "\n")
    claims = tmp_path / "claims.jsonl"
    rows = [
        {
            "id": "1",
            "claim": "Skerry has passed 30 million downloads.",
            "label": "SUPPORTED",
            "evidence": [{"doc_id": "b", "sentences": [0]}],
        },
        {
            "id": "2",
            "claim": "Skerry has fewer than 10 million downloads.",
            "label": "REFUTED",
            "evidence": [{"doc_id": "b", "sentences": [0]}],
        },
        {"id": "3", "claim": "Narnia has a king.", "label": "NOT_ENOUGH_INFO", "evidence": []},
    ]
    claims.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    predictions, metrics = tmp_path / "p.jsonl", tmp_path / "m.json"
    result = CliRunner().invoke(
        app,
        [
            "eval",
            "--corpus",
            str(corpus),
            "--claims",
            str(claims),
            "--predictions",
            str(predictions),
            "--out",
            str(metrics),
        ],
    )
    assert result.exit_code == 0, result.output
    m = json.loads(metrics.read_text())
    assert m["n"] == 3 and m["accuracy"] == 1.0 and m["citation_precision"] == 1.0
    preds = [json.loads(line) for line in predictions.read_text().splitlines()]
    assert [p["id"] for p in preds] == ["1", "2", "3"]
    assert preds[0]["citations"][0]["quote"] == "Skerry has more than 40 million downloads."
    assert {
        "accuracy",
        "macro_f1",
        "per_label",
        "confusion",
        "wrong_supported_rate",
        "ece",
        "claims_per_s",
    } <= set(m)


def test_a_reingested_document_is_quoted_from_its_new_text(tmp_path, embeddings):
    from assistant.config import Settings
    from assistant.store import Store
    from ingest.pipeline import ingest_jsonl

    settings = Settings(home=tmp_path / "h", collection="stale")
    store = Store.from_settings(settings, embeddings)
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"doc_id": "q", "title": "Quill", "text": "Quill has 400 million downloads."}) + "\n"
    )
    ingest_jsonl(corpus, store)
    checker = Checker.from_settings(settings, store=store)
    assert checker.check("Quill has more than 450 million downloads.").label == "REFUTED"
    corpus.write_text(
        json.dumps({"doc_id": "q", "title": "Quill", "text": "Preface. Quill has 500 million downloads."})
        + "\n"
    )
    ingest_jsonl(corpus, store)
    verdict = checker.check("Quill has more than 450 million downloads.")
    assert verdict.label == "SUPPORTED"
    assert verdict.citations[0].quote == "Quill has 500 million downloads."
    assert store.get_document("q").text[verdict.citations[0].char_start : verdict.citations[0].char_end] == (
        verdict.citations[0].quote
    )


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("Quill-3-8B has more derivative models than Quill-1-7B.", "SUPPORTED"),
        ("Quill-1-7B has more derivative models than Quill-3-8B.", "REFUTED"),
        ("Skerry has more downloads in the last 30 days than Quill.", "SUPPORTED"),
        # the three Quill-3 rows add up to 293,857,729 all-time downloads
        ("The Quill-3 models together had been downloaded more than 280 million times.", "SUPPORTED"),
        ("The Quill-3 models together had been downloaded more than 300 million times.", "REFUTED"),
    ],
)
def test_comparisons_over_statistics_rows(checker, claim, label):
    verdict = checker.check(claim)
    assert (verdict.label, verdict.decided_by.split()[0]) == (label, "rules:table"), verdict.explanation
    assert len(verdict.citations) >= 2 and all(c.kind == "statistics" for c in verdict.citations)
