"""Claims from an LLM: compound claims split into parts, and check-worthy claims picked out of an article.

The LLM only proposes text; offsets are ours. A proposed claim is located in the article (exactly, then
ignoring case and spacing); failing that, the sentence the LLM pointed to is used, verbatim; failing that,
the claim is dropped. So ``article[start:end]`` is always the returned claim.
"""

from __future__ import annotations

import logging
import re

from pydantic import BaseModel, Field

from assistant.llm.base import Extracted
from assistant.llm.client import LLMClient
from assistant.llm.prompts import Prompt, block
from ingest.sentences import split_sentences

log = logging.getLogger(__name__)
MAX_PARTS = 6


class ExtractedClaim(BaseModel):
    text: str = Field(description="The claim, word for word from the article.")
    sentence: int = Field(description="Id of the sentence it comes from.")


class ExtractedClaims(BaseModel):
    claims: list[ExtractedClaim]


class ClaimParts(BaseModel):
    parts: list[str] = Field(description="One self-contained sentence per fact; the claim itself if atomic.")


def _find(article: str, text: str, start: int) -> tuple[int, int] | None:
    text = text.strip().rstrip(".")
    if not text:
        return None
    for at in (start, 0):
        i = article.find(text, at)
        if i >= 0:
            return i, i + len(text)
    words = [re.escape(w) for w in text.split()]
    m = re.compile(r"\s+".join(words), re.I).search(article)
    return (m.start(), m.end()) if m else None


def locate(article: str, proposed: list[ExtractedClaim]) -> list[Extracted]:
    """(claim, start, end) per proposed claim that can be placed in the article, in article order."""
    sentences = split_sentences(article)
    out: dict[tuple[int, int], Extracted] = {}
    for claim in proposed:
        pointed = sentences[claim.sentence - 1] if 1 <= claim.sentence <= len(sentences) else None
        span = _find(article, claim.text, pointed[0] if pointed else 0) or pointed
        if span is None:
            log.warning("dropped an extracted claim that is not in the article")
            continue
        out.setdefault(span, (article[span[0] : span[1]], *span))
    return sorted(out.values(), key=lambda c: c[1])


def extract_input(article: str) -> str:
    sentences = split_sentences(article)
    return "\n".join(block("sentence", article[s:e], id=i) for i, (s, e) in enumerate(sentences, start=1))


def extract(client: LLMClient, prompt: Prompt, article: str) -> list[Extracted]:
    answer = client.structured(ExtractedClaims, prompt.text, extract_input(article))
    return locate(article, answer.claims)


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")  # "2025." and "2025" are one figure


def valid_parts(claim: str, parts: list[str]) -> list[str] | None:
    """The LLM's parts, or None when they cannot be trusted: empty, too many, or with a figure the claim
    does not have (a split must not add facts)."""
    parts = [" ".join(p.split()) for p in parts if p.strip()]
    if not parts or len(parts) > MAX_PARTS:
        return None
    figures = set(_FIGURE.findall(claim))
    if any(f not in figures for p in parts for f in _FIGURE.findall(p)):
        return None
    return parts if len(parts) > 1 else [claim]


def split(client: LLMClient, prompt: Prompt, claim: str) -> list[str] | None:
    answer = client.structured(ClaimParts, prompt.text, block("claim", claim))
    return valid_parts(claim, answer.parts)
