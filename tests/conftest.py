"""Shared fixtures. Every test gets its own data folder, and no test may reach beyond loopback."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.embeddings import MiniLMEmbeddings
from assistant.retrieve.evidence import Evidence, units
from assistant.schema import Passage
from assistant.store import Store
from ingest.loaders.stats import load_csv, load_json

SAMPLE_DOCS = Path(__file__).resolve().parents[1] / "assistant" / "sample" / "docs"


def export_evidence(path: Path, date: str | None) -> list[Evidence]:
    """Every passage of one statistics export as evidence, as the checker gathers it from the store."""
    loaded = load_csv(path, 10**6) if path.suffix == ".csv" else load_json(path, 10**6)
    out = []
    for i, seg in enumerate(loaded.segments):
        passage = Passage(
            id=f"{path.stem}:{i}",
            doc_id=path.stem,
            index=i,
            text=seg.statement,
            char_start=seg.char_start,
            char_end=seg.char_end,
            source=str(path),
            title=path.stem.replace("_", " "),
            kind="statistics",
            date=date,
            unit=seg.unit,
        )
        out.extend(units(passage, loaded.text, 0.0))
    return out


def split_export(evidence: list[Evidence]) -> tuple[list[Evidence], dict[str, str]]:
    """An export's evidence as the record checks take it: the rows, and each document's header by its id."""
    rows = [e for e in evidence if e.passage.unit != "header"]
    return rows, {e.doc_id: e.scoring_text for e in evidence if e.passage.unit == "header"}


def child_env(settings: Settings) -> dict[str, str]:
    """The environment of a child process (one a test kills) that works on this test's store, offline."""
    return {
        "SOURCECHECK_HOME": str(settings.home),
        "SOURCECHECK_COLLECTION": settings.collection,
        "PATH": "/usr/bin:/bin",
        "HF_HUB_OFFLINE": "1",
    }


_real_connect = socket.socket.connect


def _guarded_connect(sock, address):
    host = address[0] if isinstance(address, tuple) else None
    if host is not None:
        try:
            allowed = ipaddress.ip_address(host).is_loopback
        except ValueError:
            allowed = host == "localhost"
        if not allowed:
            raise OSError(f"tests must not reach the network (tried {host})")
    return _real_connect(sock, address)


@pytest.fixture(autouse=True)
def _offline_and_isolated(monkeypatch, tmp_path):
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setenv("SOURCECHECK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("GRADIO_ANALYTICS_ENABLED", "False")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    for name in (
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "SOURCECHECK_CHROMA_URL",
        "SOURCECHECK_COLLECTION",
        "SOURCECHECK_EMBEDDINGS",
        "SOURCECHECK_BACKEND",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # so a developer's own .env is not read


@pytest.fixture(scope="session")
def embeddings() -> MiniLMEmbeddings:
    return MiniLMEmbeddings(batch_size=32)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(home=tmp_path / "home", collection="test")


@pytest.fixture
def store(settings, embeddings) -> Store:
    return Store.from_settings(settings, embeddings)


@pytest.fixture
def sample_docs() -> Path:
    return SAMPLE_DOCS
