"""What every browser session shares: one store and one checker, and the locks that keep sessions apart.

The checker caches per-store state (document texts, the BM25 index) and is not thread-safe, so checks take
turns (they are fast). Writes take turns too: an ingest starts by repairing interrupted writes, which would
undo another session's ingest in flight.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from assistant.checker import Checker
from assistant.config import Settings
from assistant.schema import SourceDocument, Verdict
from assistant.store import Store
from ingest.loaders import LOADERS
from ingest.pipeline import IngestReport, ItemResult, ingest_paths

SUPPORTED_TYPES = sorted(LOADERS)  # file extensions an upload may have


class Service:
    def __init__(self, settings: Settings, store: Store | None = None, checker: Checker | None = None):
        self.settings = settings
        self.store = store or Store.from_settings(settings)
        self.checker = checker or Checker.from_settings(settings, store=self.store)
        self.uploads = settings.home / "uploads"
        self._checking = threading.Lock()
        self._writing = threading.Lock()

    # --- checking ----------------------------------------------------------------------------------------

    def check(self, claim: str) -> Verdict:
        with self._checking:
            return self.checker.check(claim)

    def extract_claims(self, article: str) -> list[tuple[str, int, int]]:
        with self._checking:  # with an LLM backend this asks the model; without, it is the rule-based reader
            return self.checker.extract_claims(article)

    def check_many(self, claims: Iterable[str]) -> list[Verdict]:
        with self._checking:
            return list(self.checker.check_many(claims))

    def document_text(self, doc_id: str) -> str | None:
        with self._checking:  # the document cache belongs to the checker
            doc = self.checker.docs.get(doc_id)
        return doc.text if doc else None

    # --- sources -----------------------------------------------------------------------------------------

    def documents(self) -> list[SourceDocument]:
        return self.store.documents()

    def ingest(
        self, files: Iterable[Path], progress: Callable[[ItemResult], None] | None = None
    ) -> IngestReport:
        """Ingest uploaded files. Each is kept under ``home/uploads`` by its own name, so uploading a new
        version of a file replaces the old one; a file that fails is not kept."""
        self.uploads.mkdir(parents=True, exist_ok=True)
        kept = []
        for path in files:
            target = self.uploads / Path(path).name
            if Path(path).resolve() != target.resolve():
                shutil.copyfile(path, target)
            kept.append(target)
        with self._writing:
            report = ingest_paths(
                kept,
                self.store,
                max_bytes=self.settings.max_file_bytes,
                max_chars=self.settings.chunk_chars,
                progress=progress,
            )
        for result in report.failed:
            Path(result.item).unlink(missing_ok=True)
        return report

    def remove(self, doc_id: str) -> bool:
        with self._writing:
            doc = next((d for d in self.store.documents() if d.doc_id == doc_id), None)
            removed = self.store.remove(doc_id)
        if doc is not None and Path(doc.origin).parent == self.uploads.resolve():
            Path(doc.origin).unlink(missing_ok=True)
        return removed
