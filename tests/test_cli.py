"""The CLI through typer's runner: a batch with every kind of bad input, sources, remove, demo."""

from __future__ import annotations

import json

import pypdf
from typer.testing import CliRunner

from assistant.cli import app

runner = CliRunner()


def _bad_inputs(folder, sample_docs):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "undecodable.md").write_bytes(bytes(range(128, 256)) * 3)  # bytes no encoding explains
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    writer = pypdf.PdfWriter(clone_from=str(sample_docs / "lumora_ecosystem-update_2025-09-01.pdf"))
    writer.encrypt(user_password="pw", algorithm="RC4-128")
    with (folder / "locked.pdf").open("wb") as fh:
        writer.write(fh)
    (folder / "broken.csv").write_text("only_one_column\nx\n")
    (folder / "broken.json").write_text('{"families": [')
    (folder / "huge.txt").write_text("word " * 300_000)  # 1.5 MB, over the cap set below
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n")
    return 8  # failing files; the .png is skipped, not failed


def test_bad_inputs_fail_one_line_each_and_the_rest_is_ingested(tmp_path, sample_docs, monkeypatch):
    monkeypatch.setenv("SOURCECHECK_MAX_FILE_MB", "1")
    bad = tmp_path / "bad"
    bad.mkdir()
    n_bad = _bad_inputs(bad, sample_docs)
    good = sample_docs / "fjordline_pr_2025-06-02_skerry-4.txt"
    result = runner.invoke(app, ["ingest", str(bad), str(good), str(bad / "photo.png")])
    assert result.exit_code == 1
    failed_lines = [line for line in result.stderr.splitlines() if line.startswith("FAILED")]
    assert len(failed_lines) == n_bad + 1  # + the explicitly named .png
    for name, reason in [
        ("empty.txt", "empty file"),
        ("junk.txt", "binary"),
        ("undecodable.md", "UTF-8"),
        ("corrupt.pdf", "corrupt PDF"),
        ("locked.pdf", "encrypted PDF"),
        ("broken.csv", "malformed CSV"),
        ("broken.json", "malformed JSON"),
        ("huge.txt", "cap"),
        ("photo.png", "unsupported file type"),
    ]:
        assert any(name in line and reason in line for line in failed_lines), (name, failed_lines)
    assert "1 added" in result.stdout and f"{n_bad + 1} failed" in result.stdout
    sources = runner.invoke(app, ["sources", "--json"])
    assert [d["title"] for d in json.loads(sources.stdout)] == [
        "FJORDLINE AI RELEASES SKERRY-4, A NEW FAMILY OF OPEN-WEIGHT MODELS"
    ]


def test_ingest_sources_remove_roundtrip(sample_docs):
    result = runner.invoke(app, ["ingest", str(sample_docs), "-v"])
    assert result.exit_code == 0, result.output
    assert "0 failed" not in result.stdout and "failed" not in result.stdout
    listing = runner.invoke(app, ["sources"])
    assert listing.exit_code == 0 and "statistics" in listing.stdout and "2025-10-31" in listing.stdout
    docs = json.loads(runner.invoke(app, ["sources", "--json"]).stdout)
    assert len(docs) == len(list(sample_docs.iterdir()))
    assert all({"doc_id", "kind", "date", "chunk_count", "title", "source"} <= set(d) for d in docs)
    removed = runner.invoke(app, ["remove", docs[0]["doc_id"]])
    assert removed.exit_code == 0
    assert len(json.loads(runner.invoke(app, ["sources", "--json"]).stdout)) == len(docs) - 1
    missing = runner.invoke(app, ["remove", "no-such-doc"])
    assert missing.exit_code == 1 and "no document" in missing.stderr


def test_search_prints_sources_and_offsets(sample_docs):
    runner.invoke(app, ["ingest", str(sample_docs)])
    result = runner.invoke(app, ["search", "Is Lumora an investor in Pellucid?", "--k", "3"])
    assert result.exit_code == 0
    assert "Rohan Kaelin" in result.stdout and "pellucid_fireside_kaelin_2025-10-20.srt [" in result.stdout


def test_ingest_jsonl_option(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"doc_id": "a", "title": "A", "text": "Alpha is first."}) + "\n")
    result = runner.invoke(app, ["ingest", "--jsonl", str(corpus)])
    assert result.exit_code == 0 and "1 added" in result.stdout


def test_ingest_needs_input_and_valid_kind(sample_docs):
    assert runner.invoke(app, ["ingest"]).exit_code == 2
    bad_kind = runner.invoke(app, ["ingest", str(sample_docs), "--kind", "memo"])
    assert bad_kind.exit_code == 2 and "unknown kind" in bad_kind.stderr


def test_invalid_setting_is_one_clear_line(monkeypatch):
    monkeypatch.setenv("SOURCECHECK_COLLECTION", "x")
    result = runner.invoke(app, ["sources"])
    assert result.exit_code == 2 and "collection" in result.stderr and "Traceback" not in result.output


def test_demo_ingests_the_sample_and_checks_claims():
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert "sample corpus: 11 files (11 new)" in result.stdout
    assert result.stdout.count("SUPPORTED") >= 1 and "REFUTED" in result.stdout
    # a quote is shown: the family's record in the 31 October export refutes the October claim
    assert '"all_time_millions": 490.4' in result.stdout
    again = runner.invoke(app, ["demo", "Lumora Labs is an investor in Pellucid Robotics."])
    assert "(0 new)" in again.stdout and "REFUTED" in again.stdout
