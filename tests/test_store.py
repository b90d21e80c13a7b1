"""The embedded Chroma store in a temp dir: ingest, idempotency, replacement, removal, exact offsets."""

from __future__ import annotations

import json
import shutil

import pytest

from assistant.errors import StoreMismatch
from assistant.store import Store
from ingest.pipeline import ingest_jsonl, ingest_paths

MB = 10**7


def _ingest(store, *paths, **kw):
    return ingest_paths(list(paths), store, max_bytes=MB, **kw)


def test_sample_corpus_ingests_with_kinds_dates_and_exact_quotes(store, sample_docs):
    report = _ingest(store, sample_docs)
    assert report.count("added") == len(list(sample_docs.iterdir())) and not report.failed
    docs = {d.source.rsplit("/", 1)[-1]: d for d in store.documents()}
    assert docs["modelyard_model_stats_2025-10-31.csv"].kind == "statistics"
    assert docs["pellucid_fireside_kaelin_2025-10-20.srt"].kind == "transcript"
    assert docs["lumora_pr_2025-11-10_quill-500-million.html"].kind == "announcement"
    assert docs["news_aldonia-herald_2025-05-14_quill-downloads.html"].kind == "news"
    assert docs["news_aldonia-herald_2025-05-14_quill-downloads.html"].date == "2025-05-14"
    total = 0
    for meta in docs.values():
        full = store.get_document(meta.doc_id)
        passages = list(store.passages(meta.doc_id))
        assert len(passages) == meta.chunk_count > 0
        for p in passages:
            quote = full.text[p.char_start : p.char_end]
            assert quote and quote.strip() == quote
            assert (p.source, p.kind, p.date) == (meta.source, meta.kind, meta.date)
        total += len(passages)
    assert store.count_passages() == total


def test_search_finds_rows_turns_and_pages(store, sample_docs):
    _ingest(store, sample_docs)
    hits = store.search("Does Lumora have a stake in Pellucid Robotics?", k=5)
    assert any(p.speaker == "Rohan Kaelin" and "stake" in p.text for p, _ in hits)
    assert all(-1.0 <= score <= 1.0 for _, score in hits)
    (top, _), *_ = store.search(
        "Skerry-4-27B downloads in the last 30 days", k=3, where={"kind": "statistics"}
    )
    assert top.kind == "statistics" and top.unit in ("row", "record")


def test_reingest_unchanged_adds_nothing(store, sample_docs):
    _ingest(store, sample_docs)
    before = store.count_passages()
    report = _ingest(store, sample_docs)
    assert report.count("unchanged") == len(report.results) and report.passages == 0
    assert store.count_passages() == before


def test_changed_file_replaces_its_old_chunks(store, tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Note\n\nQuill has 400 million downloads. " + "Filler sentence here. " * 80)
    _ingest(store, path)
    old_id = store.documents()[0].doc_id
    path.write_text("# Note\n\nQuill has 500 million downloads now.\n")
    report = _ingest(store, path)
    assert report.results[0].status == "replaced"
    docs = store.documents()
    assert len(docs) == 1 and docs[0].doc_id != old_id
    assert store.count_passages() == docs[0].chunk_count
    assert not list(store.passages(old_id))
    assert all("400 million" not in p.text for p in store.passages())


def test_same_content_twice_is_one_document(store, tmp_path, sample_docs):
    src = sample_docs / "fjordline_pr_2025-06-02_skerry-4.txt"
    shutil.copy(src, tmp_path / "copy.txt")
    report = _ingest(store, src, tmp_path / "copy.txt")
    assert [r.status for r in report.results] == ["added", "duplicate"]
    shutil.copy(src, tmp_path / "later.txt")  # and in a later run
    assert _ingest(store, tmp_path / "later.txt").results[0].status == "duplicate"
    (doc,) = store.documents()
    assert doc.source == str(src)


def test_same_content_parsed_by_an_older_version_is_parsed_anew(store, tmp_path, sample_docs, monkeypatch):
    import ingest.pipeline

    src = sample_docs / "fjordline_pr_2025-06-02_skerry-4.txt"
    shutil.copy(src, tmp_path / "copy.txt")
    monkeypatch.setattr(ingest.pipeline, "INGEST_VERSION", ingest.pipeline.INGEST_VERSION - 1)
    assert _ingest(store, src).results[0].status == "added"
    monkeypatch.undo()
    # a copy elsewhere is no longer a duplicate of the stale parse: it replaces it, passages and all
    assert _ingest(store, tmp_path / "copy.txt").results[0].status == "replaced"
    (doc,) = store.documents()
    assert doc.source == str(tmp_path / "copy.txt") and doc.ingest_version == ingest.pipeline.INGEST_VERSION
    assert store.count_passages() == doc.chunk_count
    # and from then on the current parse stays, whichever path brings the same content
    assert _ingest(store, src).results[0].status == "duplicate"


def test_remove(store, sample_docs):
    _ingest(
        store,
        sample_docs / "fjordline_pr_2025-06-02_skerry-4.txt",
        sample_docs / "modelyard_model_stats_2025-10-31.csv",
    )
    victim = next(d for d in store.documents() if d.kind == "statistics")
    assert store.remove(victim.doc_id)
    assert victim.doc_id not in {d.doc_id for d in store.documents()}
    assert not list(store.passages(victim.doc_id)) and store.get_document(victim.doc_id) is None
    assert not store.remove(victim.doc_id)


def test_kind_override(store, sample_docs):
    _ingest(store, sample_docs / "fjordline_pr_2025-06-02_skerry-4.txt", kind="news")
    assert store.documents()[0].kind == "news"


def test_store_reopens_and_refuses_another_embedder(settings, embeddings, sample_docs):
    store = Store.from_settings(settings, embeddings)
    _ingest(store, sample_docs / "fjordline_pr_2025-06-02_skerry-4.txt")
    reopened = Store.from_settings(settings, embeddings)
    assert len(reopened.documents()) == 1

    class Other(type(embeddings)):
        name = "another-model"

    with pytest.raises(StoreMismatch, match="minilm"):
        Store.from_settings(settings, Other())


def test_jsonl_corpus_keeps_ids_titles_and_reports_bad_lines(store, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    rows = [
        {
            "doc_id": "d1",
            "title": "Quill launch",
            "text": "Quill-3 launched in March. It has four sizes.",
            "source": "wiki",
        },
        {"doc_id": 7, "title": "Numbers", "text": "Skerry passed 40 million downloads."},
    ]
    lines = [json.dumps(r) for r in rows] + [
        "{not json",
        json.dumps({"doc_id": "d3", "text": ""}),
        json.dumps([1]),
    ]
    corpus.write_text("\n".join(lines) + "\n")
    report = ingest_jsonl(corpus, store)
    assert [r.status for r in report.results] == ["added", "added", "failed", "failed", "failed"]
    assert "line 3" in report.results[2].error and "empty text" in report.results[3].error
    docs = {d.doc_id: d for d in store.documents()}
    assert set(docs) == {"d1", "7"} and docs["d1"].title == "Quill launch" and docs["d1"].source == "wiki"
    assert ingest_jsonl(corpus, store).count("unchanged") == 2
    rows[0]["text"] = "Quill-3 launched in April."
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert ingest_jsonl(corpus, store).results[0].status == "added"  # same doc_id, new text: rewritten
    assert [p.text for p in store.passages("d1")] == ["Quill-3 launched in April."]


def test_changed_metadata_is_rewritten_and_bookkeeping_cannot_be_removed(store, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"doc_id": "d1", "title": "T", "text": "Alpha.", "date": "October 2025"}) + "\n"
    )
    ingest_jsonl(corpus, store)
    assert store.documents()[0].date is None  # not an ISO date: dropped, never guessed
    corpus.write_text(
        json.dumps({"doc_id": "d1", "title": "T", "text": "Alpha.", "date": "2025-10-31"}) + "\n"
    )
    assert ingest_jsonl(corpus, store).results[0].status == "added"
    assert store.documents()[0].date == "2025-10-31"
    generation = store.generation()
    assert not store.remove("__generation__") and store.generation() == generation
