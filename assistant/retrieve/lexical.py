"""BM25 over all stored passages (bm25s). Numbers and names pull passages that embeddings miss."""

from __future__ import annotations

import re
from collections.abc import Sequence

import bm25s

from assistant.schema import Passage

_TOKEN = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*")
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "for",
        "from",
        "has",
        "have",
        "had",
        "he",
        "her",
        "his",
        "i",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "our",
        "she",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "will",
        "with",
        "you",
        "your",
        "not",
        "than",
        "then",
        "there",
        "these",
        "those",
    ]
)


def _stem(token: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 4:
            return token[: -len(suffix)]
    return token


def tokenize(text: str) -> list[str]:
    tokens = []
    for tok in _TOKEN.findall(text.lower()):
        if tok[0].isdigit():
            tokens.append(tok.replace(",", ""))  # 21,480,112 == 21480112
        elif tok not in _STOPWORDS:
            tokens.append(_stem(tok))
    return tokens


class LexicalIndex:
    def __init__(self, passages: Sequence[Passage]):
        self.passages = list(passages)
        self._bm25 = bm25s.BM25()
        corpus = [tokenize(f"{p.title} {p.text}") or ["<empty>"] for p in self.passages]
        if corpus:
            self._bm25.index(corpus, show_progress=False)

    def search(self, query: str, k: int = 20) -> list[tuple[Passage, float]]:
        tokens = tokenize(query)
        if not self.passages or not tokens:
            return []
        k = min(k, len(self.passages))
        ids, scores = self._bm25.retrieve([tokens], k=k, show_progress=False, n_threads=1)
        return [(self.passages[int(i)], float(s)) for i, s in zip(ids[0], scores[0], strict=True) if s > 0]
