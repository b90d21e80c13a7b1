"""The resumable record of a run: one JSON ``ResultRow`` per line, appended and fsync'd as each claim finishes.

A run killed at any moment (Ctrl-C, ``kill -9``, power loss) leaves at worst one half-written last line.
``Journal.open`` cuts it off (and drops any other line that does not parse, and any repeated id), so the rows
it returns are exactly the claims that are finished. The journal is held under an exclusive lock while open:
two runs appending to one report would each redo the other's claims and duplicate them.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from assistant.bulk.models import ResultRow
from assistant.errors import SourcecheckError

log = logging.getLogger(__name__)


class JournalBusy(SourcecheckError):
    """Another run is writing this report."""


class Journal:
    def __init__(self, path: Path, fd: int, rows: dict[str, ResultRow]):
        self.path = path
        self.rows = rows  # finished rows by id, in file order
        self._fd: int | None = fd

    @classmethod
    def open(
        cls, path: Path, *, drop: Callable[[ResultRow], bool] | None = None, fresh: bool = False
    ) -> Journal:
        """Lock, read and repair the journal at ``path``; ``drop`` removes rows to be redone (e.g. errors),
        ``fresh`` empties it."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise JournalBusy(
                f"another run is writing {path}", hint="wait for it, or stop it and run again to resume"
            ) from None
        journal = cls(path, fd, {})
        try:
            if fresh:
                os.ftruncate(fd, 0)
            journal._load(drop)
        except BaseException:
            journal.close()
            raise
        return journal

    def _load(self, drop: Callable[[ResultRow], bool] | None) -> None:
        data = _read_all(self._fd)  # type: ignore[arg-type]
        pos, first_skipped, kept_after = 0, None, False  # where the first dropped line starts; rows after it?
        for raw in data.splitlines(keepends=True):
            row = _parse(raw) if raw.endswith(b"\n") else None
            if row is None or row.id in self.rows or (drop is not None and drop(row)):
                first_skipped = pos if first_skipped is None else first_skipped
            else:
                self.rows[row.id] = row
                kept_after = kept_after or first_skipped is not None
            pos += len(raw)
        if first_skipped is None:
            return
        log.warning(
            "journal %s: dropped unfinished or repeated lines, kept %d rows", self.path, len(self.rows)
        )
        if not kept_after:  # only a tail to cut (the half-written line of a kill): a single, safe step
            os.ftruncate(self._fd, first_skipped)  # type: ignore[arg-type]
        else:  # lines to drop in the middle: rewrite in place (a crash here only means re-checking rows)
            os.ftruncate(self._fd, 0)  # type: ignore[arg-type]
            for row in self.rows.values():
                self._write(_line(row))
        os.fsync(self._fd)  # type: ignore[arg-type]

    def _write(self, data: bytes) -> None:
        if self._fd is None:
            raise ValueError(f"journal {self.path} is closed")
        while data:  # os.write may write less than asked
            data = data[os.write(self._fd, data) :]

    def append(self, row: ResultRow) -> None:
        self._write(_line(row))
        # fsync per row: a claim takes ~100 ms to check, a sync a millisecond or two; what is written survives
        os.fsync(self._fd)  # type: ignore[arg-type]
        self.rows[row.id] = row

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # releases the lock
            self._fd = None

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _read_all(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _line(row: ResultRow) -> bytes:
    return (row.model_dump_json() + "\n").encode("utf-8")


def _parse(raw: bytes) -> ResultRow | None:
    if not raw.strip():
        return None
    try:
        return ResultRow.model_validate(json.loads(raw))
    except (ValueError, ValidationError):  # a cut-off line, or not one of ours
        return None
