"""Settings, read once from ``SOURCECHECK_*`` environment variables and ``.env``, then passed down."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Backend = Literal["embedded", "openai"]


def _default_home() -> Path:
    return Path(platformdirs.user_data_dir("sourcecheck", appauthor=False))


class Settings(BaseSettings):
    """Every setting of sourcecheck. ``.env.example`` documents each one."""

    model_config = SettingsConfigDict(
        env_prefix="SOURCECHECK_", env_file=".env", extra="ignore", populate_by_name=True
    )

    home: Path = Field(default_factory=_default_home, description="Data folder (embedded Chroma store).")
    collection: str = Field("sourcecheck", description="Chroma collection that holds the passages.")
    chroma_url: str | None = Field(
        None,
        description="When set (e.g. http://localhost:8000), use a Chroma server instead of the data folder.",
    )

    backend: Backend = Field("embedded", description="Who judges claims: the embedded verifier or an LLM.")
    embeddings: Backend = Field("embedded", description="Embedding backend for the store.")
    scorer: Literal["model", "heuristic"] = Field(
        "model",
        description="Evidence scorer of the embedded backend: the trained verifier model, or the similarity "
        "heuristic it replaced (kept for ablations).",
    )
    confidence: Literal["calibrated", "learned"] = Field(
        "learned",
        description="Where a verdict's confidence comes from: the per-label map of the decision's raw score "
        "(calibrated), or the learned aggregator's probability of the chosen label (learned). "
        "bench/RESULTS.md compares them.",
    )
    learned_labels: bool = Field(
        False,
        description="Let the learned aggregator change the label of decisions no rule made (the scorer "
        "path); SUPPORTED only above its fitted bar. Off: the rules and thresholds decide every label.",
    )
    openai_api_key: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("SOURCECHECK_OPENAI_API_KEY", "OPENAI_API_KEY", "openai_api_key"),
        description="API key for OpenAI or an OpenAI-compatible server.",
    )
    openai_base_url: str | None = Field(
        None,
        validation_alias=AliasChoices("SOURCECHECK_OPENAI_BASE_URL", "OPENAI_BASE_URL", "openai_base_url"),
        description="Base URL of an OpenAI-compatible server, e.g. http://localhost:11434/v1 for Ollama.",
    )
    llm_model: str = Field("gpt-4o-mini", description="Chat model name for the openai backend.")
    embedding_model: str = Field(
        "text-embedding-3-small", description="Embedding model for embeddings=openai."
    )
    request_timeout_s: float = Field(60.0, gt=0, description="Timeout of one backend request.")
    llm_max_retries: int = Field(
        2,
        ge=0,
        le=10,
        description="Retries of a failed LLM request (timeouts, 429, 5xx, bad JSON) before "
        "the claim falls back to the embedded verdict.",
    )
    llm_max_wait_s: float = Field(
        20.0,
        ge=0,
        description="Longest wait between LLM retries, even when a server's Retry-After asks for more.",
    )
    llm_structured_output: Literal["json_schema", "function_calling", "json_mode"] = Field(
        "json_schema",
        description="How the LLM is asked for structured output: json_schema (OpenAI, vLLM, llama.cpp server, "
        "Ollama, LM Studio), function_calling (tool calls), or json_mode (plain JSON) for servers without either.",
    )
    concurrency: int = Field(
        4,
        ge=1,
        le=64,
        description="Claims checked at once by `check-file` with a remote backend (the embedded one runs one at a time).",
    )

    max_file_mb: float = Field(50.0, gt=0, description="Files larger than this are refused at ingest.")
    chunk_chars: int = Field(800, ge=100, description="Largest passage, in characters.")
    embed_batch_size: int = Field(64, ge=1, description="Texts per embedding call.")

    ui_user: str | None = Field(None, description="With ui_password: basic login required by `serve`.")
    ui_password: SecretStr | None = Field(None, description="Password for ui_user.")

    @field_validator("collection")
    @classmethod
    def _valid_collection(cls, value: str) -> str:
        # Chroma's own rule; checked here so the error names the setting.
        if not re.fullmatch(r"[a-zA-Z0-9][a-zA-Z0-9._-]{1,60}[a-zA-Z0-9]", value):
            raise ValueError("collection must be 3-62 characters of letters, digits, '.', '_' or '-'")
        return value

    @property
    def chroma_path(self) -> Path:
        return self.home / "chroma"

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)
