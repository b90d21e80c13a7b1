"""Errors that reach the user. Each says what went wrong and, where it can, how to fix it."""


class SourcecheckError(Exception):
    """Base class. ``hint`` is a one-line suggestion for the user; ``retryable`` says whether trying again may help."""

    retryable = False

    def __init__(self, message: str, *, hint: str | None = None):
        super().__init__(message)
        self.hint = hint

    def __str__(self) -> str:
        base = super().__str__()
        return f"{base} ({self.hint})" if self.hint else base


class ConfigError(SourcecheckError):
    """A setting is missing or wrong."""


class LoadError(SourcecheckError):
    """A file could not be read into a document (bad format, encoding, size...)."""


class StoreUnavailable(SourcecheckError):
    """The vector store cannot be reached (e.g. a Chroma server that is down)."""

    retryable = True


class StoreMismatch(SourcecheckError):
    """The collection was built with another embedder than the one configured."""
