"""Evidence scorers: (claim, evidence texts) -> P(supports, refutes, neither) per text.

The interface is all the pipeline knows. ``HeuristicScorer`` is the stand-in until the embedded verifier
model lands: embedding similarity and word coverage say whether a sentence is about the claim; negation and
antonym mismatches say whether it contradicts it. Numbers, dates and attribution are left to the rules.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from assistant.embeddings import MiniLMEmbeddings
from assistant.retrieve.lexical import tokenize
from assistant.verify.claims import is_negated

_ANTONYMS = [
    ("increase", "decrease"),
    ("increase", "reduce"),
    ("rise", "fall"),
    ("rose", "fell"),
    ("grow", "shrink"),
    ("higher", "lower"),
    ("more", "fewer"),
    ("more", "less"),
    ("larger", "smaller"),
    ("before", "after"),
    ("won", "lost"),
    ("win", "lose"),
    ("gain", "loss"),
    ("positive", "negative"),
    ("open", "closed"),
    ("allow", "forbid"),
    ("include", "exclude"),
    ("accept", "reject"),
    ("confirm", "deny"),
    ("first", "last"),
    ("up", "down"),
    ("promote", "inhibit"),
    ("activate", "inhibit"),
    ("enhance", "impair"),
    ("improve", "worsen"),
    ("high", "low"),
    ("above", "below"),
    ("beneficial", "harmful"),
    ("safe", "unsafe"),
    ("effective", "ineffective"),
    ("associated", "unassociated"),
    ("maximum", "minimum"),
    ("most", "least"),
    ("abandon", "continue"),
]
_ANTONYM_MAP: dict[str, set[str]] = {}
for _a, _b in _ANTONYMS:
    _ANTONYM_MAP.setdefault(_a, set()).add(_b)
    _ANTONYM_MAP.setdefault(_b, set()).add(_a)


class EvidenceScorer(Protocol):
    name: str

    def score(self, claim: str, evidence: Sequence[str]) -> np.ndarray:
        """An (n, 3) array: P(supports), P(refutes), P(neither) for each evidence text."""
        ...

    def assess(self, claim: str, evidence: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """The scores above, and how much each text is about the claim, in [0, 1] (it decides which evidence
        is weighed at all), computed together: both need the same similarities."""
        ...


class CachedEmbedder:
    """Embeds texts once per process window: relevance ranking and scoring read the same sentences."""

    def __init__(self, embeddings: MiniLMEmbeddings, size: int = 8192):
        self.embeddings, self.size = embeddings, size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        found = {t: self._cache[t] for t in dict.fromkeys(texts) if t in self._cache}
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            found.update(zip(missing, self.embeddings.embed_array(missing), strict=True))
        for text, vec in found.items():  # most recently used last; the oldest go first
            self._cache[text] = vec
            self._cache.move_to_end(text)
        while len(self._cache) > self.size:
            self._cache.popitem(last=False)
        return np.stack([found[t] for t in texts]) if texts else np.zeros((0, 384), dtype=np.float32)


def _words(text: str) -> set[str]:
    return {re.sub(r"(ing|ed|es|s)$", "", w) for w in re.findall(r"[a-z]+", text.lower())}


def coverage(claim: str, text: str) -> float:
    """Share of the claim's content tokens (numbers included) found in the text."""
    wanted = set(tokenize(claim))
    return len(wanted & set(tokenize(text))) / len(wanted) if wanted else 0.0


def antonym_clash(claim: str, text: str) -> bool:
    cw, tw = _words(claim), _words(text)
    return any(_ANTONYM_MAP.get(w, set()) & tw and w not in tw for w in cw)


class HeuristicScorer:
    name = "heuristic-v1"

    def __init__(self, embed: CachedEmbedder):
        self.embed = embed

    def relevance(self, claim: str, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros(0)
        vectors = self.embed([claim, *texts])
        cos = vectors[1:] @ vectors[0]
        cov = np.array([coverage(claim, t) for t in texts])
        return 1 / (1 + np.exp(-(6 * (cos - 0.55) + 5 * (cov - 0.55))))

    def score(self, claim: str, evidence: Sequence[str]) -> np.ndarray:
        return self.assess(claim, evidence)[0]

    def assess(self, claim: str, evidence: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        rel = self.relevance(claim, evidence)
        out = np.zeros((len(evidence), 3))
        claim_negated = is_negated(claim)
        for i, text in enumerate(evidence):
            clash = (is_negated(text) != claim_negated) or antonym_clash(claim, text)
            refute_share = 0.55 if clash else 0.08
            out[i] = (rel[i] * (1 - refute_share), rel[i] * refute_share, 1 - rel[i])
        return out, rel
