"""ChatOpenAI against OpenAI or an OpenAI-compatible server: construction, bounded retries, fault classification.

Every failure becomes an ``LLMError`` whose reason is written here ("timeout", "rate limited (429)", ...),
never the server's own message: servers echo parts of a bad key in theirs, and the reason ends up in verdicts,
reports and logs. The SDK's own retries are off so that Retry-After is honoured with our cap and every attempt
is counted in one place.
"""

from __future__ import annotations

import json
import logging
import time
from typing import TypeVar

import openai
from langchain_core.exceptions import ModelRefusalError, OutputParserException
from langchain_core.messages import HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI
from pydantic import BaseModel, ValidationError

from assistant.config import Settings
from assistant.errors import ConfigError

log = logging.getLogger(__name__)
T = TypeVar("T", bound=BaseModel)
BACKOFF_S = 0.5  # first wait between retries; doubles each time, capped by settings.llm_max_wait_s
MAX_OUTPUT_TOKENS = 2000


class LLMError(Exception):
    """A failed LLM request, with a reason that is safe to show anywhere."""

    def __init__(self, reason: str, *, retryable: bool = False, retry_after: float | None = None):
        super().__init__(reason)
        self.reason, self.retryable, self.retry_after = reason, retryable, retry_after


def _retry_after(response) -> float | None:
    try:
        value = response.headers.get("retry-after")
        return max(0.0, float(value)) if value is not None else None
    except (AttributeError, TypeError, ValueError):  # an HTTP date or garbage: use our own backoff
        return None


def classify(exc: BaseException, model: str) -> LLMError:
    """What went wrong, in our words, and whether trying again may help."""
    if isinstance(exc, LLMError):
        return exc
    if isinstance(exc, openai.APITimeoutError):  # before APIConnectionError, its base class
        return LLMError("timeout", retryable=True)
    if isinstance(exc, openai.APIConnectionError):
        return LLMError("server unreachable", retryable=True)
    if isinstance(exc, openai.RateLimitError):
        return LLMError("rate limited (429)", retryable=True, retry_after=_retry_after(exc.response))
    if isinstance(exc, openai.NotFoundError):
        return LLMError(f"model {model!r} not found on the server (404)")
    if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        return LLMError(f"not authorised ({exc.status_code}): check OPENAI_API_KEY")
    if isinstance(exc, openai.APIStatusError):
        if exc.status_code >= 500:
            return LLMError(f"server error ({exc.status_code})", retryable=True)
        return LLMError(f"request rejected ({exc.status_code}); try SOURCECHECK_LLM_STRUCTURED_OUTPUT")
    if isinstance(exc, openai.LengthFinishReasonError):
        # asked again with the same limit, at temperature 0, it would stop at the same place
        return LLMError("truncated output (length limit)")
    if isinstance(exc, ModelRefusalError | openai.ContentFilterFinishReasonError):
        return LLMError("the model refused")
    if isinstance(exc, ValidationError | OutputParserException | json.JSONDecodeError | ValueError):
        return LLMError("malformed output", retryable=True)
    return LLMError(f"unexpected {type(exc).__name__}")


def make_chat(settings: Settings) -> ChatOpenAI:
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
    if key is None and settings.openai_base_url is None:
        raise ConfigError(
            "SOURCECHECK_BACKEND=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local server)",
            hint="see .env.example",
        )
    return ChatOpenAI(
        model=settings.llm_model,
        base_url=settings.openai_base_url,
        api_key=key or "not-needed",  # local servers ignore it, but the SDK wants one
        timeout=settings.request_timeout_s,
        max_retries=0,
        temperature=0,
        max_tokens=MAX_OUTPUT_TOKENS,
    )


class LLMClient:
    """Typed answers from a chat model. Safe to share between threads: ChatOpenAI's HTTP client is, and the
    only state here is the structured-output runnable per schema, built on first use."""

    def __init__(self, settings: Settings, chat: ChatOpenAI | None = None):
        self.chat = chat or make_chat(settings)
        self.model = settings.llm_model
        self.method = settings.llm_structured_output
        self.max_retries, self.max_wait = settings.llm_max_retries, settings.llm_max_wait_s
        self._runnables: dict[type, object] = {}

    def structured(self, schema: type[T], system: str, user: str) -> T:
        """One answer of type ``schema``; raises ``LLMError`` after the retries are spent."""
        runnable = self._runnables.get(schema)
        if runnable is None:
            runnable = self._runnables[schema] = self.chat.with_structured_output(schema, method=self.method)
        messages = [SystemMessage(system), HumanMessage(user)]
        for attempt in range(self.max_retries + 1):
            try:
                out = runnable.invoke(messages)  # type: ignore[attr-defined]
                if not isinstance(out, schema):  # a tool-calling server that answered in prose
                    raise LLMError("malformed output", retryable=True)
                return out
            except Exception as exc:
                error = classify(exc, self.model)
            log.warning(
                "LLM request for %s failed: %s (attempt %d of %d)",
                schema.__name__,
                error.reason,
                attempt + 1,
                self.max_retries + 1,
            )
            if not error.retryable or attempt == self.max_retries:
                raise error from None  # the SDK's exception carries the server's message: not passed on
            time.sleep(self._wait(attempt, error))
        raise AssertionError("unreachable")

    def _wait(self, attempt: int, error: LLMError) -> float:
        wait = error.retry_after if error.retry_after is not None else BACKOFF_S * 2**attempt
        return min(wait, self.max_wait)
