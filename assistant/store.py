"""The Chroma store: passages (embedded, via langchain-chroma) and a registry of documents (full text).

Writes follow a small protocol so that a crash at any point (kill -9 included) can be repaired:
a document's registry record is written as ``pending`` before its passages, and flipped to ``complete``
after them. ``repair()`` deletes whatever a pending record points to; readers only trust complete records.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlparse

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

from assistant.config import Settings
from assistant.embeddings import embedder_name, make_embeddings
from assistant.errors import StoreMismatch, StoreUnavailable
from assistant.schema import Passage, SourceDocument

_PAGE = 2000
_REGISTRY_SUFFIX = "__documents"
_EMBEDDER_KEY = "sourcecheck_embedder"
_GENERATION_ID = "__generation__"  # a registry record counting writes, so caches know when to rebuild


@contextlib.contextmanager
def _reachable(where: str) -> Iterator[None]:
    """Turn transport failures of a Chroma server into one clear, retryable error."""
    try:
        yield
    except (ConnectionError, OSError) as exc:
        raise StoreUnavailable(f"Chroma at {where} is unreachable: {exc}") from exc
    except Exception as exc:
        if type(exc).__module__.startswith(("httpx", "httpcore")):
            raise StoreUnavailable(f"Chroma at {where} is unreachable: {exc}") from exc
        raise


def make_client(settings: Settings) -> chromadb.ClientAPI:
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if not settings.chroma_url:
        settings.chroma_path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)
    url = urlparse(settings.chroma_url)
    ssl = url.scheme == "https"
    try:
        client = chromadb.HttpClient(
            host=url.hostname or "localhost",
            port=url.port or (443 if ssl else 8000),
            ssl=ssl,
            settings=chroma_settings,
        )
        client.heartbeat()
    except Exception as exc:
        raise StoreUnavailable(
            f"cannot reach the Chroma server at {settings.chroma_url}: {exc}",
            hint="start it (chroma run --path DIR --port PORT) or unset SOURCECHECK_CHROMA_URL",
        ) from exc
    return client


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    def __init__(
        self, client: chromadb.ClientAPI, collection: str, embeddings: Embeddings, where: str = "local"
    ):
        self.where = where
        self.embeddings = embeddings
        name = embedder_name(embeddings)
        with _reachable(where):
            try:
                existing = client.get_collection(collection).metadata or {}
            except Exception:  # chromadb raises NotFoundError (or ValueError in older servers)
                existing = {}
            built_with = existing.get(_EMBEDDER_KEY)
            if built_with and built_with != name:
                raise StoreMismatch(
                    f"collection '{collection}' was built with the embedder '{built_with}', not '{name}'",
                    hint="use another SOURCECHECK_COLLECTION, or switch SOURCECHECK_EMBEDDINGS back",
                )
            self.vectors = Chroma(
                client=client,
                collection_name=collection,
                embedding_function=embeddings,
                collection_metadata={"hnsw:space": "cosine", _EMBEDDER_KEY: name},
            )
            self._chunks = self.vectors._collection
            self._docs = client.get_or_create_collection(
                collection + _REGISTRY_SUFFIX, embedding_function=None, metadata={"hnsw:space": "cosine"}
            )

    @classmethod
    def from_settings(cls, settings: Settings, embeddings: Embeddings | None = None) -> Store:
        client = make_client(settings)
        where = settings.chroma_url or str(settings.chroma_path)
        return cls(client, settings.collection, embeddings or make_embeddings(settings), where=where)

    # --- reading -----------------------------------------------------------------------------------------

    def _get_docs(self, **kwargs: Any) -> list[tuple[str, dict[str, Any], str]]:
        include = ["metadatas", "documents"] if kwargs.pop("with_text", False) else ["metadatas"]
        out: list[tuple[str, dict[str, Any], str]] = []
        offset = 0
        with _reachable(self.where):
            while True:
                page = self._docs.get(include=include, limit=_PAGE, offset=offset, **kwargs)
                texts = page.get("documents") or [""] * len(page["ids"])
                out.extend(zip(page["ids"], page["metadatas"], texts, strict=True))
                if len(page["ids"]) < _PAGE:
                    return out
                offset += _PAGE

    def documents(self) -> list[SourceDocument]:
        """Every complete document, without its text, oldest first."""
        rows = self._get_docs(where={"status": "complete"})
        docs = [SourceDocument.from_metadata(meta) for _, meta, _ in rows]
        return sorted(docs, key=lambda d: (d.ingested_at or "", d.source))

    def get_document(self, doc_id: str) -> SourceDocument | None:
        rows = self._get_docs(ids=[doc_id], with_text=True)
        if not rows or rows[0][1].get("status") != "complete":
            return None
        return SourceDocument.from_metadata(rows[0][1], rows[0][2])

    def passages(self, doc_id: str | None = None) -> Iterator[Passage]:
        where = {"doc_id": doc_id} if doc_id else None
        offset = 0
        while True:
            with _reachable(self.where):
                page = self._chunks.get(
                    where=where, include=["metadatas", "documents"], limit=_PAGE, offset=offset
                )
            for pid, text, meta in zip(page["ids"], page["documents"], page["metadatas"], strict=True):
                yield Passage.from_metadata(pid, text, meta)
            if len(page["ids"]) < _PAGE:
                return
            offset += _PAGE

    def get_passages(self, ids: list[str]) -> list[Passage]:
        """Passages by id, in the order asked; missing ids are skipped."""
        if not ids:
            return []
        with _reachable(self.where):
            page = self._chunks.get(ids=ids, include=["metadatas", "documents"])
        found = {
            pid: Passage.from_metadata(pid, text, meta)
            for pid, text, meta in zip(page["ids"], page["documents"], page["metadatas"], strict=True)
        }
        return [found[i] for i in ids if i in found]

    def generation(self) -> int:
        """Bumped by every write or removal: a cheap fingerprint of the store's contents."""
        with _reachable(self.where):
            rows = self._docs.get(ids=[_GENERATION_ID], include=["metadatas"])
        return int(rows["metadatas"][0]["generation"]) if rows["ids"] else 0

    def _bump(self) -> None:
        self._docs.upsert(
            ids=[_GENERATION_ID],
            embeddings=[[1.0]],
            documents=[""],
            metadatas=[{"status": "meta", "generation": self.generation() + 1}],
        )

    def count_passages(self) -> int:
        with _reachable(self.where):
            return self._chunks.count()

    def search(
        self, query: str, k: int = 8, where: dict[str, Any] | None = None
    ) -> list[tuple[Passage, float]]:
        """Dense search; the score is cosine similarity in [-1, 1] (1 = same direction)."""
        with _reachable(self.where):
            hits = self.vectors.similarity_search_with_score(query, k=k, filter=where)
        return [
            (Passage.from_metadata(doc.id or "", doc.page_content, doc.metadata), 1.0 - dist)
            for doc, dist in hits
        ]

    # --- writing -----------------------------------------------------------------------------------------

    def put_batch(self, items: list[tuple[SourceDocument, list[Passage]]]) -> list[str]:
        """Store documents with their passages. Returns per item: added | replaced | unchanged | duplicate.

        Unchanged content under the same doc_id is skipped; a new version from the same origin replaces
        the old one once the new one is complete."""
        statuses: list[str] = []
        with _reachable(self.where):
            known = {
                i: m
                for i, m, _ in self._get_docs(ids=list({d.doc_id for d, _ in items}))
                if m.get("status") == "complete"
            }
            todo: dict[str, tuple[SourceDocument, list[Passage]]] = {}
            for doc, passages in items:
                old = known.get(doc.doc_id)
                # Same doc_id from another origin: the same file content elsewhere, or a corpus reusing an id.
                # Either way the stored document stays; overwriting it would silently change another source.
                # Unless an older parser stored it: the same content parsed anew is what both sources say.
                # (From the same origin the hash already covers the parser version.)
                outdated = (
                    old is not None
                    and old["origin"] != doc.origin
                    and int(old.get("ingest_version") or 0) < doc.ingest_version
                )
                if doc.doc_id in todo or (
                    old and not outdated and (old.get("sha256") == doc.sha256 or old["origin"] != doc.origin)
                ):
                    first_origin = todo[doc.doc_id][0].origin if doc.doc_id in todo else old["origin"]
                    statuses.append("unchanged" if first_origin == doc.origin else "duplicate")
                    continue
                todo[doc.doc_id] = (doc, passages)
                statuses.append("replaced" if outdated else "added")
            if todo:
                replaced = self._write(list(todo.values()))
                statuses = [
                    "replaced" if s == "added" and d.origin in replaced else s
                    for s, (d, _) in zip(statuses, items, strict=True)
                ]
        return statuses

    def _write(self, items: list[tuple[SourceDocument, list[Passage]]]) -> set[str]:
        ids = [doc.doc_id for doc, _ in items]
        for doc, passages in items:
            doc.chunk_count = len(passages)
            doc.ingested_at = _now()
        self._docs.upsert(
            ids=ids,
            embeddings=[[1.0]] * len(ids),  # the registry is looked up by id and metadata, never by vector
            documents=[doc.text for doc, _ in items],
            metadatas=[{**doc.metadata(), "status": "pending"} for doc, _ in items],
        )
        self._chunks.delete(where={"doc_id": {"$in": ids}})
        passages = [p for _, ps in items for p in ps]
        if passages:
            self.vectors.add_texts(
                [p.text for p in passages],
                metadatas=[p.metadata() for p in passages],
                ids=[p.id for p in passages],
            )
        self._docs.update(ids=ids, metadatas=[{**doc.metadata(), "status": "complete"} for doc, _ in items])
        origins = [doc.origin for doc, _ in items]
        written = set(ids)
        stale = {i: m for i, m, _ in self._get_docs(where={"origin": {"$in": origins}}) if i not in written}
        replaced = {m["origin"] for m in stale.values()}
        for doc_id in stale:
            self.remove(doc_id)
        self._bump()
        return replaced

    def remove(self, doc_id: str) -> bool:
        if doc_id == _GENERATION_ID:
            return False  # bookkeeping, not a document
        with _reachable(self.where):
            rows = self._get_docs(ids=[doc_id])
            if not rows:
                return False
            self._docs.update(ids=[doc_id], metadatas=[{**rows[0][1], "status": "deleting"}])
            self._chunks.delete(where={"doc_id": doc_id})
            self._docs.delete(ids=[doc_id])
            self._bump()
        return True

    def repair(self) -> int:
        """Finish what an interrupted run left: drop unfinished documents and their passages, and older
        versions of an origin that a newer complete document replaced. Returns how many were dropped."""
        dropped = 0
        with _reachable(self.where):
            for doc_id, _, _ in self._get_docs(where={"status": {"$in": ["pending", "deleting"]}}):
                dropped += self.remove(doc_id)
            newest: dict[str, tuple[str, str]] = {}
            for doc_id, meta, _ in self._get_docs(where={"status": "complete"}):
                key = (meta.get("ingested_at", ""), doc_id)
                prev = newest.get(meta["origin"])
                if prev is None or key > prev:
                    if prev:
                        dropped += self.remove(prev[1])
                    newest[meta["origin"]] = key
                else:
                    dropped += self.remove(doc_id)
        return dropped
