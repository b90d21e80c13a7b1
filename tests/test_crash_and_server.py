"""Real processes: an ingest killed with SIGKILL mid-write, and a real `chroma run` server (also killed)."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.errors import StoreUnavailable
from assistant.store import Store
from ingest.pipeline import ingest_paths
from tests.conftest import child_env

pytestmark = pytest.mark.slow
MB = 10**7

# Runs the real CLI, but SIGKILLs itself right after the second batch of passages reached Chroma and
# before those documents were marked complete: the worst moment to die.
_CRASHING_INGEST = textwrap.dedent(
    """
    import os, signal, sys
    import ingest.pipeline
    from langchain_chroma import Chroma
    ingest.pipeline.BATCH_PASSAGES = 10
    original = Chroma.add_texts
    calls = []
    def add_then_die(self, *args, **kwargs):
        ids = original(self, *args, **kwargs)
        calls.append(1)
        if len(calls) == 2:
            os.kill(os.getpid(), signal.SIGKILL)
        return ids
    Chroma.add_texts = add_then_die
    from assistant.cli import app
    app(["ingest", sys.argv[1]])
    """
)


def _consistent(store: Store) -> tuple[int, int]:
    docs = store.documents()
    by_id = {d.doc_id: d for d in docs}
    passages = list(store.passages())
    assert {p.doc_id for p in passages} <= set(by_id), "orphan passages"
    assert len({p.id for p in passages}) == len(passages)
    for doc in docs:
        assert sum(1 for p in passages if p.doc_id == doc.doc_id) == doc.chunk_count, doc.source
    assert len({d.origin for d in docs}) == len(docs), "two versions of one file"
    return len(docs), len(passages)


def test_kill_9_mid_ingest_then_rerun_leaves_a_clean_store(tmp_path, sample_docs, settings, embeddings):
    env = child_env(settings)
    proc = subprocess.run(
        [sys.executable, "-c", _CRASHING_INGEST, str(sample_docs)], env=env, capture_output=True, timeout=300
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]
    store = Store.from_settings(settings, embeddings)
    assert store.count_passages() > 0  # it did die part-way, with passages written
    report = ingest_paths([sample_docs], store, max_bytes=MB)
    assert report.repaired >= 1 and not report.failed
    n_docs, _ = _consistent(store)
    assert n_docs == len(list(sample_docs.iterdir()))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    port = _free_port()
    chroma = Path(sys.executable).with_name("chroma")
    proc = subprocess.Popen(
        [
            str(chroma),
            "run",
            "--path",
            str(tmp_path / "server-data"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1).read()
            break
        except OSError:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("chroma run did not start")
            time.sleep(0.3)
    yield url, proc
    proc.kill()
    proc.wait(timeout=10)


def test_server_mode_round_trip_and_dead_server(chroma_server, sample_docs, embeddings, tmp_path):
    url, proc = chroma_server
    settings = Settings(home=tmp_path / "unused", chroma_url=url, collection="served")
    store = Store.from_settings(settings, embeddings)
    report = ingest_paths([sample_docs], store, max_bytes=MB)
    assert not report.failed and report.count("added") == len(list(sample_docs.iterdir()))
    assert not (tmp_path / "unused").exists()  # nothing went to the local folder
    _consistent(store)
    hits = store.search("Skerry downloads in the 30 days to 31 October", k=3)
    assert hits and hits[0][0].doc_id
    assert ingest_paths([sample_docs], store, max_bytes=MB).count("unchanged") == len(report.results)

    proc.kill()
    proc.wait(timeout=10)
    with pytest.raises(StoreUnavailable, match="unreachable"):
        store.documents()
    with pytest.raises(StoreUnavailable, match="cannot reach the Chroma server"):
        Store.from_settings(settings, embeddings)
    with pytest.raises(StoreUnavailable):
        ingest_paths([sample_docs], store, max_bytes=MB)


def test_cli_with_a_dead_server_says_so_in_one_line(monkeypatch):
    from typer.testing import CliRunner

    from assistant.cli import app

    monkeypatch.setenv("SOURCECHECK_CHROMA_URL", f"http://127.0.0.1:{_free_port()}")
    result = CliRunner().invoke(app, ["sources"])
    assert result.exit_code == 2
    assert "cannot reach the Chroma server" in result.stderr and "Traceback" not in result.output
