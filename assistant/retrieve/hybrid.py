"""Dense (Chroma) and lexical (BM25) search fused by reciprocal rank."""

from __future__ import annotations

from assistant.retrieve.lexical import LexicalIndex
from assistant.schema import Passage
from assistant.store import Store

RRF_K = 60


def rrf(rankings: list[list[Passage]], k: int = RRF_K) -> list[tuple[Passage, float]]:
    """Reciprocal rank fusion: each list adds 1/(k + rank) to a passage's score."""
    scores: dict[str, float] = {}
    by_id: dict[str, Passage] = {}
    for ranking in rankings:
        for rank, passage in enumerate(ranking):
            scores[passage.id] = scores.get(passage.id, 0.0) + 1.0 / (k + rank + 1)
            by_id[passage.id] = passage
    return sorted(((by_id[i], s) for i, s in scores.items()), key=lambda ps: -ps[1])


class HybridRetriever:
    """Holds the BM25 index of a store; rebuilt when the store's documents change."""

    def __init__(self, store: Store, k_dense: int = 20, k_lexical: int = 20):
        self.store = store
        self.k_dense, self.k_lexical = k_dense, k_lexical
        self._index: LexicalIndex | None = None

    def invalidate(self) -> None:
        """The store changed: rebuild the BM25 index on next use."""
        self._index = None

    def lexical(self) -> LexicalIndex:
        if self._index is None:
            self._index = LexicalIndex(list(self.store.passages()))
        return self._index

    def retrieve(self, query: str, k: int = 12, where: dict | None = None) -> list[tuple[Passage, float]]:
        dense = [p for p, _ in self.store.search(query, k=self.k_dense, where=where)]
        lexical = [p for p, _ in self.lexical().search(query, k=self.k_lexical)]
        if where and "doc_id" in where:
            allowed = (
                where["doc_id"].get("$in", []) if isinstance(where["doc_id"], dict) else [where["doc_id"]]
            )
            lexical = [p for p in lexical if p.doc_id in allowed]
        return rrf([dense, lexical])[:k]
