"""The resumable record of a run: one JSON ``ResultRow`` per line, appended and fsync'd as each claim finishes.

A run killed at any moment (Ctrl-C, ``kill -9``, power loss) leaves at worst one half-written last line.
``Journal.open`` drops it (and any other line that does not parse, and any repeated id), rewriting the file
atomically, so the rows it returns are exactly the claims that are finished.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from assistant.bulk.models import ResultRow

log = logging.getLogger(__name__)


class Journal:
    def __init__(self, path: Path, rows: dict[str, ResultRow]):
        self.path = path
        self.rows = rows  # finished rows by id, in file order
        self._fd: int | None = None

    @classmethod
    def open(cls, path: Path, *, drop: Callable[[ResultRow], bool] | None = None) -> Journal:
        """Read (and repair) the journal at ``path``; ``drop`` removes rows to be redone (e.g. errors)."""
        rows: dict[str, ResultRow] = {}
        dirty = False
        if path.exists():
            data = path.read_bytes()
            dirty = bool(data) and not data.endswith(b"\n")  # the last write was cut short
            for raw in data.splitlines():
                row = _parse(raw)
                if row is None or row.id in rows or (drop is not None and drop(row)):
                    dirty = dirty or bool(raw.strip())
                    continue
                rows[row.id] = row
        journal = cls(path, rows)
        if dirty:
            journal._rewrite()
        return journal

    def _rewrite(self) -> None:
        kept = len(self.rows)
        log.warning("journal %s: dropped unfinished or repeated lines, kept %d rows", self.path, kept)
        tmp = self.path.with_name(self.path.name + ".tmp")
        with tmp.open("wb") as fh:
            fh.writelines(_line(row) for row in self.rows.values())
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    def append(self, row: ResultRow) -> None:
        if self._fd is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        data = _line(row)
        while data:  # os.write may write less than asked
            data = data[os.write(self._fd, data) :]
        # fsync per row: a claim takes ~100 ms to check, a sync a millisecond or two; what is written survives
        os.fsync(self._fd)
        self.rows[row.id] = row

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _line(row: ResultRow) -> bytes:
    return (row.model_dump_json() + "\n").encode("utf-8")


def _parse(raw: bytes) -> ResultRow | None:
    if not raw.strip():
        return None
    try:
        return ResultRow.model_validate(json.loads(raw))
    except (ValueError, ValidationError):  # a cut-off line, or not one of ours
        return None
