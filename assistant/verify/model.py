"""The embedded verifier: our fine-tuned MiniLM claim/evidence classifier, int8 ONNX, run by onnxruntime.

It reads "[CLS] claim [SEP] evidence [SEP]" and gives P(supports), P(refutes), P(neither). How it was trained,
on what, and how well it does: assistant/resources/verifier/MODEL_CARD.md. No torch at run time.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from assistant.embeddings import TOKENIZER_SHA256, _sha256
from assistant.errors import ConfigError
from assistant.verify.scorer import HeuristicScorer

MODEL_SHA256 = "ba863a9135215d34916d95b61b5d408536c4873963792c4282133aba7ebf5bb3"
MAX_TOKENS = 160  # as trained (train/verifier.py --max-len)


def _resource(*parts: str) -> Path:
    return Path(str(resources.files("assistant").joinpath("resources", *parts)))


@cache
def _load(threads: int):
    """Session and pair tokenizer, checked against their pinned sha256 once per process."""
    import onnxruntime as ort
    from tokenizers import Tokenizer

    model, tokenizer_file = _resource("verifier", "model.onnx"), _resource("minilm", "tokenizer.json")
    for path, expected in ((model, MODEL_SHA256), (tokenizer_file, TOKENIZER_SHA256)):
        if not path.exists() or _sha256(path) != expected:
            raise ConfigError(
                f"{path} is missing or does not match its pinned sha256", hint="reinstall sourcecheck"
            )
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.enable_truncation(MAX_TOKENS, strategy="longest_first")
    tokenizer.no_padding()
    return session, tokenizer


def _softmax(logits: np.ndarray) -> np.ndarray:
    z = np.exp(logits - logits.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


class VerifierModel:
    """Inference with a small cache: the same (claim, sentence) pair comes back when a claim is split into
    parts or re-checked. Not thread-safe (the cache): give each thread its own, as bulk runs do."""

    name = "minilm-verifier-v1"

    def __init__(self, threads: int | None = None, cache_size: int = 20000):
        self.threads = threads or min(os.cpu_count() or 1, 4)
        self.cache_size = cache_size
        self._cache: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()

    def _run(self, encoding) -> np.ndarray:
        session, _ = _load(self.threads)
        feed = {
            "input_ids": np.array([encoding.ids], dtype=np.int64),
            "attention_mask": np.ones((1, len(encoding.ids)), dtype=np.int64),
            "token_type_ids": np.array([encoding.type_ids], dtype=np.int64),
        }
        (logits,) = session.run(["logits"], feed)
        return _softmax(logits.astype(np.float64))[0]

    def predict(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """An (n, 3) array of P(supports), P(refutes), P(neither).

        One pair per call: the int8 model quantizes activations with one scale per call, so in a batch a
        pair's scores would depend on its neighbours (measured: logits moved by up to 0.7). Alone, a pair
        always gets the same scores, and on 2 cores short pairs run no slower that way (bench/RESULTS.md)."""
        out = np.zeros((len(pairs), 3))
        todo = [i for i, p in enumerate(pairs) if p not in self._cache]
        for i, p in enumerate(pairs):
            if p in self._cache:
                out[i] = self._cache[p]
                self._cache.move_to_end(p)
        if todo:
            _, tokenizer = _load(self.threads)
            encodings = tokenizer.encode_batch([(pairs[i][0] or " ", pairs[i][1] or " ") for i in todo])
            for i, encoding in zip(todo, encodings, strict=True):
                out[i] = self._cache[pairs[i]] = self._run(encoding)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return out


class ModelScorer:
    """The default evidence scorer: the verifier model's probabilities for each (claim, evidence) pair.

    Relevance (which sentences are about the claim at all) is the larger of the model's 1 - P(neither) and the
    topical similarity of ``topical``: the model reads a question ("Lumora is an investor, right?") or a bare
    figure as saying nothing, yet such sentences must still reach the reply and number checks.

    With ``topical`` set, only the ``max_pairs`` sentences most similar to the claim are read by the model; the
    others (a claim gathers ~50 sentences from its 10 passages) count as saying nothing. That halves the cost of
    a check; the pipeline weighs at most 24 sentences anyway."""

    def __init__(
        self, model: VerifierModel | None = None, topical: HeuristicScorer | None = None, max_pairs: int = 24
    ):
        self.model = model or VerifierModel()
        self.topical = topical
        self.max_pairs = max_pairs
        self.name = self.model.name

    def score(self, claim: str, evidence: Sequence[str]) -> np.ndarray:
        return self.assess(claim, evidence)[0]

    def assess(self, claim: str, evidence: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        probs = np.tile([0.0, 0.0, 1.0], (len(evidence), 1))
        topical = self.topical.relevance(claim, evidence) if self.topical is not None else None
        if topical is None or len(evidence) <= self.max_pairs:  # which sentences the model reads
            read = list(range(len(evidence)))
        else:
            read = sorted(np.argsort(-topical, kind="stable")[: self.max_pairs].tolist())
        if read:
            probs[read] = self.model.predict([(claim, evidence[i]) for i in read])
        mine = 1.0 - probs[:, 2]
        return probs, mine if topical is None else np.maximum(mine, topical)
