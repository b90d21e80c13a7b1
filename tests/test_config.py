"""Settings: environment, .env, aliases, validation, and .env.example kept complete."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from assistant.config import Settings

ROOT = Path(__file__).resolve().parents[1]


def test_defaults_need_nothing(monkeypatch, tmp_path):
    settings = Settings()
    assert settings.backend == "embedded" and settings.embeddings == "embedded"
    assert settings.chroma_url is None
    assert settings.home == tmp_path / "home"  # from SOURCECHECK_HOME set by the test fixture


def test_environment_and_openai_aliases(monkeypatch):
    monkeypatch.setenv("SOURCECHECK_BACKEND", "openai")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-value")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://localhost:11434/v1")
    monkeypatch.setenv("SOURCECHECK_MAX_FILE_MB", "2")
    settings = Settings()
    assert settings.backend == "openai" and settings.openai_base_url == "http://localhost:11434/v1"
    assert settings.openai_api_key.get_secret_value() == "sk-secret-value"
    assert "sk-secret-value" not in repr(settings) and "sk-secret-value" not in str(settings.model_dump())
    assert settings.max_file_bytes == 2 * 1024 * 1024


def test_dotenv_file_is_read_from_the_working_folder(tmp_path):
    (tmp_path / ".env").write_text("SOURCECHECK_COLLECTION=from-dotenv\n")
    assert Settings().collection == "from-dotenv"


@pytest.mark.parametrize("name", ["x", "has space", "-leading", "a" * 80])
def test_bad_collection_names(name):
    with pytest.raises(ValidationError):
        Settings(collection=name)


def test_bad_backend():
    with pytest.raises(ValidationError):
        Settings(backend="magic")


def test_env_example_documents_every_setting():
    text = (ROOT / ".env.example").read_text()
    for name in Settings.model_fields:
        assert f"SOURCECHECK_{name.upper()}" in text or name.startswith("openai_"), name
    assert "OPENAI_API_KEY" in text and "OPENAI_BASE_URL" in text
