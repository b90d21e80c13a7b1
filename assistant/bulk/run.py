"""Running many claims: cache lookups, the checker (sequential, or a thread pool for remote backends), and a
resumable run over a claims file that writes its journal as it goes and renders the report at the end."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Protocol

from assistant.bulk.cache import CacheKey, VerdictCache
from assistant.bulk.journal import Journal
from assistant.bulk.models import ClaimInput, ResultRow, Summary
from assistant.bulk.readers import claim_input, read_claims
from assistant.bulk.report import journal_path, report_format, write_report
from assistant.config import Settings
from assistant.errors import SourcecheckError
from assistant.schema import Verdict
from assistant.store import Store

log = logging.getLogger(__name__)
Progress = Callable[[int, int, ResultRow], None]  # (done, total, the row just finished)


class CheckerLike(Protocol):
    def check(self, claim: str) -> Verdict: ...


class BulkChecker:
    """Turns ``ClaimInput`` rows into ``ResultRow`` rows. Input errors are reported without a check; a claim
    that raises inside the checker becomes an error row; good verdicts are cached.

    ``workers > 1`` runs a thread pool with one checker per thread from ``make_checker`` (each with its own
    judge and HTTP client). Only meant for backends that wait on the network: the embedded backend is
    CPU-bound and runs in one thread."""

    def __init__(
        self,
        checker: CheckerLike | None = None,
        *,
        cache: VerdictCache | None = None,
        key: Callable[[str], str] | None = None,
        workers: int = 1,
        make_checker: Callable[[], CheckerLike] | None = None,
    ):
        if checker is None and make_checker is None:
            raise ValueError("give a checker or make_checker")
        if workers > 1 and make_checker is None:
            raise ValueError("workers > 1 needs make_checker: checkers are not shared between threads")
        self.checker, self.make_checker = checker, make_checker
        self.cache = cache if key is not None else None
        self.key = key
        self.workers = max(1, workers)
        self._local = threading.local()

    @classmethod
    def from_settings(
        cls,
        settings: Settings | None = None,
        *,
        use_cache: bool = True,
        concurrency: int | None = None,
        store: Store | None = None,
    ) -> BulkChecker:
        from assistant.checker import Checker

        settings = settings or Settings()
        checker = Checker.from_settings(settings, store=store)
        workers = concurrency or settings.concurrency
        if not checker.judge.remote and workers > 1:
            log.info(
                "embedded backend: claims are checked one at a time (concurrency is for remote backends)"
            )
            workers = 1
        key = CacheKey(
            checker.store,
            scorer=checker.scorer.name,
            backend=settings.backend,
            model=settings.llm_model if checker.judge.remote else "embedded",
            mode=f"{checker.mode};{checker.variant}",
            judge=checker.judge.identity,  # for an LLM: model, server, prompt versions and hashes
        )
        return cls(
            checker,
            cache=VerdictCache.at_home(settings.home) if use_cache else None,
            key=key,
            workers=workers,
            make_checker=lambda: Checker.from_settings(settings, store=checker.store),
        )

    def _checker(self) -> CheckerLike:
        if self.workers == 1 and self.checker is not None:
            return self.checker
        if not hasattr(self._local, "checker"):
            self._local.checker = self.make_checker()  # type: ignore[misc]
        return self._local.checker

    def one(self, item: ClaimInput) -> ResultRow:
        if item.error:
            return ResultRow.failed(item, item.error)
        key = self.key(item.claim) if self.cache is not None and self.key is not None else None
        if key is not None and (hit := self.cache.get(key)) is not None:  # type: ignore[union-attr]
            return ResultRow.from_verdict(item, hit, cached=True)
        try:
            verdict = self._checker().check(item.claim)
        except Exception as exc:  # one failing claim is an error row, never the end of the run
            log.exception("claim %s failed", item.id)
            return ResultRow.failed(item, f"{type(exc).__name__}: {exc}")
        # a fallback verdict stands in for an LLM that failed: the next run should ask the LLM again
        if key is not None and not verdict.error and "fallback:" not in verdict.decided_by:
            self.cache.put(key, verdict)  # type: ignore[union-attr]
        return ResultRow.from_verdict(item, verdict)

    def run(self, items: Iterable[ClaimInput]) -> Iterator[ResultRow]:
        """Rows in input order when sequential, in completion order with several workers."""
        if self.workers == 1:
            yield from map(self.one, items)
            return
        pool = ThreadPoolExecutor(self.workers, thread_name_prefix="sourcecheck-bulk")
        pending: set[Future[ResultRow]] = set()
        try:
            for item in items:
                pending.add(pool.submit(self.one, item))
                if len(pending) >= 2 * self.workers:  # bounded: a million-line file is not queued at once
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    yield from (f.result() for f in done)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (f.result() for f in done)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        if self.cache is not None:
            self.cache.close()


def _inputs(claims: Iterable[ClaimInput | str]) -> Iterator[ClaimInput]:
    for n, claim in enumerate(claims, start=1):
        yield claim if isinstance(claim, ClaimInput) else claim_input(str(n), claim)


def check_claims(
    claims: Iterable[ClaimInput | str],
    *,
    settings: Settings | None = None,
    bulk: BulkChecker | None = None,
    progress: Progress | None = None,
) -> Iterator[ResultRow]:
    """Check claims (strings, ids 1..n, or ``ClaimInput`` rows) and yield a ``ResultRow`` per claim."""
    items = list(_inputs(claims))
    own = bulk is None
    bulk = bulk or BulkChecker.from_settings(settings)
    try:
        for done, row in enumerate(bulk.run(items), start=1):
            if progress:
                progress(done, len(items), row)
            yield row
    finally:
        if own:
            bulk.close()


def check_file(
    claims_path: Path,
    out: Path,
    *,
    fmt: str | None = None,
    settings: Settings | None = None,
    bulk: BulkChecker | None = None,
    progress: Progress | None = None,
    retry_errors: bool = False,
    fresh: bool = False,
) -> Summary:
    """Check every claim of a claims file into the report ``out``, resuming what an earlier run finished.

    Rows go to a JSONL journal as they finish: ``out`` itself for jsonl, ``OUT.jsonl`` beside it for csv, md
    and html, which are rendered from the journal once every claim is done."""
    fmt = report_format(out, fmt)
    items = read_claims(claims_path)
    path = journal_path(out, fmt)
    if claims_path.resolve() in (path.resolve(), out.resolve()):
        raise SourcecheckError(f"{out} is the claims file itself", hint="give --out another file name")
    redo = (lambda r: r.error is not None) if retry_errors else None
    with Journal.open(path, drop=redo, fresh=fresh) as journal:
        _same_claims(journal, items)
        summary = _run_missing(journal, items, settings=settings, bulk=bulk, progress=progress)
        rows = [journal.rows[i.id] for i in items]
        for row in rows:
            summary.add(row)
        if fmt != "jsonl":  # still under the journal's lock: no other run renders over this one
            write_report(out, rows, fmt, summary, title=f"Claim check: {claims_path.name}")
    return summary


def _run_missing(
    journal: Journal,
    items: list[ClaimInput],
    *,
    settings: Settings | None,
    bulk: BulkChecker | None,
    progress: Progress | None,
) -> Summary:
    todo = [i for i in items if i.id not in journal.rows]
    summary = Summary(resumed=len(items) - len(todo))

    def on_row(done: int, total: int, row: ResultRow) -> None:
        if progress:
            progress(summary.resumed + done, len(items), row)

    started = time.perf_counter()
    for row in check_claims(todo, settings=settings, bulk=bulk, progress=on_row) if todo else ():
        journal.append(row)
        summary.processed += 1
        summary.cached += row.cached  # labels are counted over the whole journal by the caller
    summary.elapsed_s = time.perf_counter() - started
    return summary


def _same_claims(journal: Journal, items: list[ClaimInput]) -> None:
    """A journal from another claims file (or an edited one) must not pass its rows off as this file's."""
    claims = {i.id: i.claim for i in items}
    for row in journal.rows.values():
        if claims.get(row.id) != row.claim:
            raise SourcecheckError(
                f"{journal.path} holds a result for another claim (id {row.id!r})",
                hint="use another --out, or --fresh to start over",
            )
