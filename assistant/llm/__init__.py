"""Model backends. ``make_judge(settings)`` is the one place where the configured backend is chosen."""

from __future__ import annotations

from assistant.config import Settings
from assistant.llm.base import EmbeddedJudge, Judge


def make_judge(settings: Settings) -> Judge:
    """``embedded``: rules and the embedded scorer only (offline). ``openai``: OpenAI or any OpenAI-compatible
    server judges over the same evidence, under the rules' precedence (``verify.precedence``)."""
    if settings.backend == "openai":
        from assistant.llm.judge import LLMJudge  # imported only when used: it builds an HTTP client

        return LLMJudge(settings)
    return EmbeddedJudge()


__all__ = ["EmbeddedJudge", "Judge", "make_judge"]
