"""What every browser session shares: one store and one checker, and the locks that keep sessions apart.

The checker caches per-store state (document texts, the BM25 index) and is not thread-safe, so checks take
turns (they are fast). Writes take turns too: an ingest starts by repairing interrupted writes, which would
undo another session's ingest in flight.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from assistant.checker import Checker
from assistant.config import Settings
from assistant.errors import SourcecheckError
from assistant.schema import SourceDocument, Verdict
from assistant.store import Store
from ingest.loaders import LOADERS
from ingest.pipeline import IngestReport, ItemResult, ingest_paths

SUPPORTED_TYPES = sorted(LOADERS)  # file extensions an upload may have
MAX_API_CLAIMS = 500  # per check_many call: longer lists belong to check-file (resumable, cached)


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
        claims = list(claims)
        if len(claims) > MAX_API_CLAIMS:
            raise SourcecheckError(
                f"at most {MAX_API_CLAIMS} claims per call, got {len(claims)}",
                hint="split the list, or use `sourcecheck check-file` for long lists",
            )
        verdicts: list[Verdict] = []
        for claim in claims:  # the lock per claim, so a long list does not shut every chat session out
            with self._checking:
                verdicts.extend(self.checker.check_many([claim]))
        return verdicts

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
        with self._writing:  # two sessions uploading the same name take turns
            kept, previous = [], {}
            for path in files:
                target = self.uploads / Path(path).name
                if Path(path).resolve() != target.resolve():
                    if target.exists():  # kept until the new version is in: a failed upload restores it
                        previous[str(target)] = target.with_name(target.name + ".previous")
                        os.replace(target, previous[str(target)])
                    shutil.copyfile(path, target)
                kept.append(target)
            report = ingest_paths(
                kept,
                self.store,
                max_bytes=self.settings.max_file_bytes,
                max_chars=self.settings.chunk_chars,
                progress=progress,
            )
            failed = {str(r.item) for r in report.failed}
            for target in kept:
                backup = previous.get(str(target))
                if str(target) in failed:
                    if backup is not None:
                        os.replace(backup, target)  # the stored document still comes from this file
                    else:
                        target.unlink(missing_ok=True)
                elif backup is not None:
                    backup.unlink(missing_ok=True)
        return report

    def remove(self, doc_id: str) -> bool:
        with self._writing:
            doc = next((d for d in self.store.documents() if d.doc_id == doc_id), None)
            removed = self.store.remove(doc_id)
        if doc is not None and Path(doc.origin).parent == self.uploads.resolve():
            Path(doc.origin).unlink(missing_ok=True)
        return removed
