"""Embedders: the embedded ONNX model, and OpenAI-compatible embeddings over real HTTP."""

from __future__ import annotations

import numpy as np
import pytest

import assistant.embeddings as emb
from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.store import Store
from ingest.pipeline import ingest_paths
from tests.fake_openai import FakeOpenAI, fake_vector


def test_minilm_vectors_are_normalised_ordered_and_meaningful(embeddings):
    texts = [
        "Quill passed 500 million downloads.",
        "x",
        "The weather in Brightmoor was rainy all week long and cold.",
        "Quill models reached half a billion downloads.",
    ]
    vectors = embeddings.embed_array(texts)
    assert vectors.shape == (4, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    # batching sorts by length internally; results must come back in input order
    for i, text in enumerate(texts):
        assert np.allclose(vectors[i], embeddings.embed_query(text), atol=1e-4)
    sims = vectors @ vectors.T
    assert sims[0, 3] > 0.6 > sims[0, 2]


def test_long_text_is_truncated_not_rejected(embeddings):
    assert len(embeddings.embed_query("downloads " * 2000)) == 384


def test_tampered_model_file_is_refused(monkeypatch):
    emb._load_minilm.cache_clear()
    monkeypatch.setattr(emb, "TOKENIZER_SHA256", "0" * 64)
    with pytest.raises(ConfigError, match="sha256"):
        emb.MiniLMEmbeddings().embed_query("hi")
    emb._load_minilm.cache_clear()


def test_openai_compatible_embeddings_over_http(tmp_path, sample_docs):
    with FakeOpenAI() as server:
        settings = Settings(
            home=tmp_path / "h",
            collection="remote",
            embeddings="openai",
            openai_base_url=server.url,
            openai_api_key="sk-test-123",
            embedding_model="fake-embed",
        )
        embedder = emb.make_embeddings(settings)
        assert embedder.embed_query("hello") == pytest.approx(fake_vector("hello"))
        store = Store.from_settings(settings, embedder)
        report = ingest_paths([sample_docs / "fjordline_pr_2025-06-02_skerry-4.txt"], store, max_bytes=10**7)
        assert report.count("added") == 1
        posted = [r for r in server.requests if r["path"].endswith("/embeddings")]
        assert posted and all(r["body"]["model"] == "fake-embed" for r in posted)
        assert all(
            isinstance(t, str) for r in posted for t in r["body"]["input"]
        )  # plain strings, no tiktoken
        assert posted[0]["auth"] == "Bearer sk-test-123"


def test_cached_embedder_survives_eviction_within_one_call(embeddings):
    from assistant.verify.scorer import CachedEmbedder

    cache = CachedEmbedder(embeddings, size=3)
    first = cache(["a b", "c d", "e f"])
    again = cache(["a b", "g h", "i j", "c d"])  # more than the cache holds, with old hits among them
    assert again.shape == (4, 384) and np.allclose(again[0], first[0]) and np.allclose(again[3], first[1])
    assert len(cache._cache) == 3
