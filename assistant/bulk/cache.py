"""A verdict cache, so re-running a claims file over an unchanged corpus is near-instant.

The key is everything a verdict depends on: the claim (whitespace-normalised, as the checker sees it), the
corpus (a fingerprint of the registry: every complete document's id and content hash), the embedder, the
backend and model, the judge's identity (for an LLM backend: model, server, prompt versions and hashes), the
scorer's name, the checker's mode, and a hash of the verifier's own code and
calibration, so a new rule or a refit changes every key. Stored in SQLite under the settings home.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from functools import cache
from importlib import resources
from pathlib import Path

from assistant import __version__
from assistant.embeddings import embedder_name
from assistant.schema import Verdict
from assistant.store import Store

# Verdicts are a function of these files too: a change in any of them must miss the cache.
# The code a verdict depends on, per package: an edit to any of it invalidates cached verdicts. (The verifier's
# weights are covered through verify/model.py, which pins their sha256.)
_CODE = {
    "assistant": (
        "checker.py",
        "schema.py",
        "retrieve/*.py",
        "verify/*.py",
        "resources/calibration.json",
        "resources/aggregator.json",
    ),
    "ingest": ("sentences.py",),  # evidence sentences are cut at check time
}


@cache
def code_fingerprint() -> str:
    digest = hashlib.sha256(__version__.encode())
    for package, patterns in _CODE.items():
        root = Path(str(resources.files(package)))
        for pattern in patterns:
            for path in sorted(root.glob(pattern)):
                digest.update(f"{package}/{path.relative_to(root).as_posix()}".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class CorpusFingerprint:
    """sha256 over (doc_id, sha256) of every complete document. Recomputed only when the store's write counter
    moves, which costs one lookup by id per claim."""

    def __init__(self, store: Store):
        self.store = store
        self._generation: int | None = None
        self._value = ""

    def __call__(self) -> str:
        generation = self.store.generation()
        if generation != self._generation:
            docs = sorted((d.doc_id, d.sha256) for d in self.store.documents())
            self._value = hashlib.sha256(json.dumps(docs).encode()).hexdigest()[:16]
            self._generation = generation
        return self._value


class CacheKey:
    """Builds cache keys for one checker (its store, scorer, mode) under one set of settings."""

    def __init__(
        self,
        store: Store,
        *,
        scorer: str,
        backend: str,
        model: str,
        mode: str = "full",
        judge: str = "embedded",
    ):
        self.corpus = CorpusFingerprint(store)
        self.fixed = {
            "judge": judge,
            "embedder": embedder_name(store.embeddings),
            "backend": backend,
            "model": model,
            "scorer": scorer,
            "mode": mode,
            "code": code_fingerprint(),
        }

    def __call__(self, claim: str) -> str:
        parts = {**self.fixed, "corpus": self.corpus(), "claim": " ".join(claim.split())}
        return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


class VerdictCache:
    """key -> Verdict JSON in one SQLite file. Safe across threads (one lock) and processes (SQLite's)."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, timeout=30, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # a lost cache entry costs one re-check, nothing more
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS verdicts (key TEXT PRIMARY KEY, verdict TEXT NOT NULL, at REAL NOT NULL)"
        )

    @classmethod
    def at_home(cls, home: Path) -> VerdictCache:
        return cls(home / "cache" / "verdicts.sqlite3")

    def get(self, key: str) -> Verdict | None:
        with self._lock:
            row = self._db.execute("SELECT verdict FROM verdicts WHERE key = ?", (key,)).fetchone()
        return Verdict.model_validate_json(row[0]) if row else None

    def put(self, key: str, verdict: Verdict) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO verdicts VALUES (?, ?, ?)",
                (key, verdict.model_dump_json(), time.time()),
            )

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM verdicts").fetchone()[0]

    def close(self) -> None:
        self._db.close()
