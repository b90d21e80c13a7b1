"""Bulk checking over the real sample store: the verdict cache, the CLI end to end, and a kill -9 mid-run."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap

import pytest
from typer.testing import CliRunner

from assistant.bulk import BulkChecker, check_file
from assistant.bulk.cache import CacheKey
from assistant.checker import Checker
from assistant.cli import app
from ingest.pipeline import ingest_paths
from tests.conftest import child_env

runner = CliRunner()
CLAIMS = [
    "Lumora Labs first published Quill-1-7B on 12 March 2023.",
    "Quill models have passed 500 million downloads on ModelYard.",
    "Lumora Labs will release Quill-4 in February 2026.",
    "Lumora Labs is an investor in Pellucid Robotics.",
]


@pytest.fixture
def ingested(settings, store, sample_docs):
    ingest_paths([sample_docs], store, max_bytes=10**7)
    return settings, store


def _counting(checker: Checker) -> list[str]:
    seen: list[str] = []
    original = checker.check

    def check(claim, doc_ids=None):
        seen.append(claim)
        return original(claim, doc_ids)

    checker.check = check  # type: ignore[method-assign]
    return seen


def _jsonl(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_cache_hits_on_rerun_and_misses_once_a_document_is_added(ingested, tmp_path):
    settings, store = ingested
    claims = tmp_path / "c.txt"
    claims.write_text("\n".join(CLAIMS) + "\n")

    def run(out_name):
        bulk = BulkChecker.from_settings(settings)
        seen = _counting(bulk.checker)
        summary = check_file(claims, tmp_path / out_name, bulk=bulk)
        bulk.close()
        return seen, summary

    seen, first = run("a.jsonl")
    assert len(seen) == 4 and first.cached == 0
    seen, second = run("b.jsonl")  # another report, same claims and corpus: all from the cache
    assert seen == [] and second.cached == 4
    strip = [{k: v for k, v in r.items() if k != "cached"} for r in _jsonl(tmp_path / "a.jsonl")]
    assert strip == [{k: v for k, v in r.items() if k != "cached"} for r in _jsonl(tmp_path / "b.jsonl")]

    extra = tmp_path / "new-doc"
    extra.mkdir()
    (extra / "brightmoor_note_2025-12-01.txt").write_text(
        "Brightmoor Wire, 1 December 2025. Lumora Labs announced that Quill-4 will be released in March 2026.\n"
    )
    ingest_paths([extra], store, max_bytes=10**7)
    seen, third = run("c.jsonl")
    assert len(seen) == 4 and third.cached == 0  # a new document: every verdict is recomputed


def test_cache_key_follows_corpus_scorer_and_claim_whitespace(ingested):
    _, store = ingested
    key = CacheKey(store, scorer="heuristic-v1", backend="embedded", model="embedded")
    other = CacheKey(store, scorer="verifier-v2", backend="embedded", model="embedded")
    claim = CLAIMS[0]
    assert key(claim) == key(f"  {claim.replace(' ', '   ')} ")
    assert key(claim) != other(claim) and key(claim) != key(CLAIMS[1])
    before = key(claim)
    store.remove(store.documents()[0].doc_id)
    assert key(claim) != before


def test_embedded_backend_runs_one_claim_at_a_time(ingested):
    settings, _ = ingested
    assert BulkChecker.from_settings(settings.model_copy(update={"concurrency": 4})).workers == 1
    remote = settings.model_copy(
        update={"concurrency": 3, "backend": "openai", "openai_base_url": "http://127.0.0.1:9/v1"}
    )
    assert BulkChecker.from_settings(remote, use_cache=False).workers == 3


def test_cli_check_file_end_to_end(ingested, tmp_path, monkeypatch):
    settings, _ = ingested
    monkeypatch.setenv("SOURCECHECK_COLLECTION", settings.collection)
    claims = tmp_path / "claims.csv"
    claims.write_text(
        "id,claim,desk\n" + "".join(f"k{i},{c},tech\n" for i, c in enumerate(CLAIMS)) + "k9,,tech\n"
    )
    html = tmp_path / "out" / "report.html"
    result = runner.invoke(app, ["check-file", str(claims), "--out", str(html)])
    assert result.exit_code == 1, result.output  # one error row: the run finishes, the exit code says so
    assert "5 claim(s)" in result.stdout and "1 error(s)" in result.stdout
    page = html.read_text()
    assert page.count('<section class="claim">') == 5 and "Quill-1-7B" in page
    assert [r["id"] for r in _jsonl(tmp_path / "out" / "report.html.jsonl")] == ["k0", "k1", "k2", "k3", "k9"]

    again = runner.invoke(app, ["check-file", str(claims), "--out", str(html)])
    assert "5 already done" in again.stdout and "0 processed" in again.stdout

    piped = runner.invoke(app, ["check-file", str(claims), "--out", "-"])
    rows = [json.loads(line) for line in piped.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["k0", "k1", "k2", "k3", "k9"] and rows[0]["cached"] is True
    assert rows[0]["label"] == "SUPPORTED" and rows[0]["input"] == {"desk": "tech"}

    table = runner.invoke(app, ["check-file", str(claims)])
    assert "SUPPORTED" in table.stdout and "empty claim" in table.stdout

    bad = runner.invoke(app, ["check-file", str(claims), "--out", str(tmp_path / "r.xlsx")])
    assert bad.exit_code == 2 and "--format" in bad.stderr and "Traceback" not in bad.output


# The real CLI, SIGKILLed in the middle of writing its third row: half a line reaches the disk.
_KILLED_MID_ROW = textwrap.dedent(
    """
    import os, signal, sys
    from assistant.bulk import journal
    original = journal.Journal.append
    def append(self, row):
        if len(self.rows) == 2:
            data = journal._line(row)
            os.write(os.open(self.path, os.O_WRONLY | os.O_APPEND), data[: len(data) // 2])
            os.kill(os.getpid(), signal.SIGKILL)
        original(self, row)
    journal.Journal.append = append
    from assistant.cli import app
    app(["check-file", sys.argv[1], "--out", sys.argv[2]])
    """
)


@pytest.mark.slow
def test_kill_9_mid_row_then_rerun_gives_every_row_once(ingested, tmp_path):
    settings, _ = ingested
    claims, out = tmp_path / "c.txt", tmp_path / "r.jsonl"
    claims.write_text("\n".join(CLAIMS) + "\n")
    env = child_env(settings)
    proc = subprocess.run(
        [sys.executable, "-c", _KILLED_MID_ROW, str(claims), str(out)],
        env=env,
        capture_output=True,
        timeout=300,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]
    assert not out.read_bytes().endswith(b"\n")  # it did die mid-line
    assert len(out.read_bytes().splitlines()) == 3

    result = runner.invoke(app, ["check-file", str(claims), "--out", str(out)], env=env)
    assert result.exit_code == 0, result.output
    assert "2 already done" in result.stdout
    rows = _jsonl(out)
    assert [r["id"] for r in rows] == ["1", "2", "3", "4"]
    assert all(r["label"] and r["error"] is None for r in rows)
