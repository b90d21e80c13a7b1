"""The `sourcecheck` command line: a thin client of the Python API (no verdict logic lives here)."""

from __future__ import annotations

import contextlib
import json
import os
import time
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from assistant.config import Settings
from assistant.errors import SourcecheckError
from assistant.store import Store

app = typer.Typer(
    help="Check claims against your own reference documents.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
# Off a terminal (pipes, CI logs) rich would wrap at 80 columns; keep lines whole there.
out = Console(width=None if Console().is_terminal else 200)
err = Console(stderr=True, width=None if Console(stderr=True).is_terminal else 200)

_STATUS_STYLE = {
    "added": "green",
    "replaced": "cyan",
    "unchanged": "dim",
    "duplicate": "dim",
    "skipped": "yellow",
    "failed": "red",
}


def _settings(**overrides) -> Settings:
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except Exception as exc:  # pydantic ValidationError: show which setting is wrong
        raise SourcecheckError(f"invalid settings: {exc}") from exc


def _open_store(settings: Settings) -> Store:
    return Store.from_settings(settings)


def _fail(exc: SourcecheckError) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}")
    return typer.Exit(2)


def sample_corpus() -> Path:
    return Path(str(resources.files("assistant") / "sample" / "docs"))


def _count_files(paths: list[Path]) -> int:
    return sum(1 for p in paths for _ in (p.rglob("*") if p.is_dir() else [p]) if not _.is_dir())


def run_ingest(
    settings: Settings, paths: list[Path], jsonl: Path | None, kind: str | None, quiet: bool = False
):
    from ingest.pipeline import ingest_jsonl, ingest_paths

    store = _open_store(settings)
    total = None if jsonl else _count_files(paths)
    columns = [
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    ]
    with Progress(*columns, console=err, transient=True, disable=quiet or not err.is_terminal) as bar:
        task = bar.add_task("ingesting", total=total)

        def on_item(result) -> None:
            bar.advance(task)
            if result.status == "failed":
                err.print(f"[red]FAILED[/red] {result.item}: {result.error}")
            elif result.status == "skipped":
                err.print(f"[yellow]skipped[/yellow] {result.item}: {result.error}")
            for warning in result.warnings:
                err.print(f"[yellow]warning[/yellow] {result.item}: {warning}")

        if jsonl:
            report = ingest_jsonl(jsonl, store, max_chars=settings.chunk_chars, kind=kind, progress=on_item)
        else:
            report = ingest_paths(
                paths,
                store,
                max_bytes=settings.max_file_bytes,
                max_chars=settings.chunk_chars,
                kind=kind,
                progress=on_item,
            )
    return report


@app.command()
def ingest(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files and folders (folders are read recursively).")
    ] = None,
    jsonl: Annotated[
        Path | None, typer.Option(help="A corpus in JSONL (one {doc_id, title, text} per line).")
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            help="Set the kind of every document: announcement, statistics, transcript, news or other."
        ),
    ] = None,
    collection: Annotated[str | None, typer.Option(help="Collection to ingest into.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="One line per document.")] = False,
) -> None:
    """Ingest documents: .txt .md .html .pdf .docx .csv .json .vtt .srt, or a JSONL corpus."""
    if not paths and not jsonl:
        raise typer.BadParameter("give files or folders, or --jsonl CORPUS")
    try:
        settings = _settings(collection=collection)
        report = run_ingest(settings, list(paths or []), jsonl, kind)
    except SourcecheckError as exc:
        raise _fail(exc) from exc
    if verbose:
        for r in report.results:
            if r.status not in ("failed", "skipped"):
                style = _STATUS_STYLE.get(r.status, "")
                out.print(
                    f"[{style}]{r.status:9}[/{style}] {r.item}  [dim]{r.kind} {r.date or 'no date'} "
                    f"{r.passages} passages[/dim]"
                )
    counts = ", ".join(
        f"{report.count(s)} {s}"
        for s in ("added", "replaced", "unchanged", "duplicate", "skipped", "failed")
        if report.count(s)
    )
    repaired = f"; repaired {report.repaired} interrupted document(s)" if report.repaired else ""
    out.print(
        f"{len(report.results)} item(s): {counts or 'nothing to do'}; {report.passages} passages written{repaired}"
    )
    if report.failed:
        raise typer.Exit(1)


@app.command()
def sources(
    collection: Annotated[str | None, typer.Option(help="Collection to list.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List ingested documents with kind, date and passage count."""
    try:
        docs = _open_store(_settings(collection=collection)).documents()
    except SourcecheckError as exc:
        raise _fail(exc) from exc
    if as_json:
        out.print_json(json.dumps([{k: v for k, v in d.metadata().items()} for d in docs]))
        return
    table = Table("doc_id", "kind", "date", "passages", "title", "source", show_lines=False)
    for d in docs:
        table.add_row(d.doc_id, d.kind, d.date or "-", str(d.chunk_count), d.title[:60], d.source)
    out.print(table)
    out.print(f"{len(docs)} document(s)")


@app.command()
def remove(
    doc_id: Annotated[str, typer.Argument(help="The doc_id shown by `sourcecheck sources`.")],
    collection: Annotated[str | None, typer.Option(help="Collection.")] = None,
) -> None:
    """Delete one document and its passages."""
    try:
        removed = _open_store(_settings(collection=collection)).remove(doc_id)
    except SourcecheckError as exc:
        raise _fail(exc) from exc
    if not removed:
        err.print(f"[red]error:[/red] no document with doc_id {doc_id}")
        raise typer.Exit(1)
    out.print(f"removed {doc_id}")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="A claim or question.")],
    k: Annotated[int, typer.Option(help="How many passages.")] = 5,
    collection: Annotated[str | None, typer.Option(help="Collection.")] = None,
) -> None:
    """Show the passages closest to a claim, with source, date, speaker and exact offsets."""
    try:
        store = _open_store(_settings(collection=collection))
        hits = store.search(query, k=k)
    except SourcecheckError as exc:
        raise _fail(exc) from exc
    for passage, score in hits:
        out.print(f"[bold]{score:.2f}[/bold] {passage.title} [dim]({_where(passage)})[/dim]")
        out.print(f"      [dim]{passage.source} [{passage.char_start}:{passage.char_end}][/dim]")
        out.print(f"      {passage.text[:300]}")


SAMPLE_CLAIMS = [
    "Quill models have passed 500 million downloads on ModelYard.",
    "By the end of October 2025, Quill models had been downloaded more than 500 million times.",
    "Anneke Voss said Quill is the most popular open model family in the world.",
]


@app.command()
def demo(
    claims: Annotated[
        list[str] | None, typer.Argument(help="Claims to check (default: three sample claims).")
    ] = None,
) -> None:
    """Ingest the bundled (fictional) sample corpus and check sample claims against it."""
    from assistant.checker import Checker

    settings = _settings(collection=os.environ.get("SOURCECHECK_COLLECTION", "sourcecheck-sample"))
    try:
        report = run_ingest(settings, [sample_corpus()], None, None)
        checker = Checker.from_settings(settings)
        out.print(
            f"sample corpus: {len(report.results)} files ({report.count('added')} new), collection "
            f"'{settings.collection}' in {settings.chroma_url or settings.chroma_path}"
        )
        for claim in claims or SAMPLE_CLAIMS:
            out.rule()
            out.print(f"[bold]{claim}[/bold]")
            _print_verdict(checker.check(claim))
    except SourcecheckError as exc:
        raise _fail(exc) from exc


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on (0.0.0.0 for the local network).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 7860,
    sample: Annotated[
        bool,
        typer.Option(
            "--sample",
            help="Ingest the bundled (fictional) sample corpus first, into the collection 'sourcecheck-sample' "
            "unless SOURCECHECK_COLLECTION says otherwise.",
        ),
    ] = False,
    collection: Annotated[str | None, typer.Option(help="Collection to check against.")] = None,
) -> None:
    """Start the web chat: check claims, read the cited passages, manage sources; plus an HTTP API."""
    from assistant.ui.app import launch
    from assistant.ui.service import Service

    if sample and collection is None:
        collection = os.environ.get("SOURCECHECK_COLLECTION", "sourcecheck-sample")
    try:
        settings = _settings(collection=collection)
        if sample:
            report = run_ingest(settings, [sample_corpus()], None, None)
            out.print(f"sample corpus: {len(report.results)} files ({report.count('added')} new)")
        service = Service(settings)
        demo, url = launch(service, host=host, port=port)
    except SourcecheckError as exc:
        raise _fail(exc) from exc
    login = " (login required: SOURCECHECK_UI_USER)" if settings.ui_user and settings.ui_password else ""
    out.print(
        f"sourcecheck is running at [bold]{url}[/bold]{login}  (collection '{settings.collection}'; Ctrl+C stops it)"
    )
    try:
        demo.block_thread()
    finally:
        demo.close()


def _where(item) -> str:
    """Kind, date, page, speaker and timestamp of a passage or citation, as one line."""
    page = f"p. {item.page}" if item.page else ""
    parts = (item.kind, item.date or "undated", page, item.speaker or "", item.timestamp or "")
    return ", ".join(x for x in parts if x)


def _print_verdict(verdict) -> None:
    colour = {"SUPPORTED": "green", "REFUTED": "red", "NOT_ENOUGH_INFO": "yellow"}[verdict.label]
    out.print(
        f"[bold {colour}]{verdict.label}[/bold {colour}]  confidence {verdict.confidence:.2f}  "
        f"[dim]({verdict.decided_by})[/dim]"
    )
    if verdict.error:
        out.print(f"[red]error:[/red] {verdict.error}")
    out.print(verdict.explanation)
    for sub in verdict.sub_verdicts:
        out.print(f"  - {sub.label:15} {sub.claim}")
    for c in verdict.citations:
        out.print(f"\n  [bold]{c.stance}[/bold]: {c.title} [dim]({_where(c)})[/dim]")
        out.print(f'  "{c.quote}"')
        out.print(f"  [dim]{c.source} [{c.char_start}:{c.char_end}][/dim]")


@app.command()
def check(
    claim: Annotated[str, typer.Argument(help="The claim to check.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the Verdict as JSON.")] = False,
    collection: Annotated[str | None, typer.Option(help="Collection.")] = None,
) -> None:
    """Is this claim supported by the ingested documents? Verdict, confidence and verbatim quotes."""
    from assistant.checker import Checker

    try:
        verdict = Checker.from_settings(_settings(collection=collection)).check(claim)
    except SourcecheckError as exc:
        raise _fail(exc) from exc
    if as_json:
        print(verdict.model_dump_json(indent=2))
    else:
        _print_verdict(verdict)


class _RateColumn(ProgressColumn):
    """Claims per minute, from rich's own moving estimate of the task's speed."""

    def render(self, task) -> Text:
        return Text(f"{task.speed * 60:,.0f}/min" if task.speed else "–/min", style="progress.data.speed")


def _print_summary(summary, console: Console) -> None:
    labels = ", ".join(
        f"{summary.labels.get(lab, 0)} {lab}" for lab in ("SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO")
    )
    resumed = f", {summary.resumed} already done" if summary.resumed else ""
    console.print(
        f"{summary.total} claim(s): {labels}, {summary.errors} error(s){resumed}; "
        f"{summary.processed} processed ({summary.cached} from cache) in {summary.elapsed_s:.1f} s, "
        f"{summary.claims_per_min:,.0f} claims/min"
    )


def _results_table(rows) -> Table:
    table = Table("id", "verdict", "conf.", "claim", "top quote / error")
    for r in rows:
        colour = {"SUPPORTED": "green", "REFUTED": "red", "NOT_ENOUGH_INFO": "yellow"}.get(
            r.label or "", "dim"
        )
        note = (
            f"[red]{escape(r.error)}[/red]"
            if r.error
            else escape(r.citations[0].quote[:120] if r.citations else "")
        )
        conf = "" if r.confidence is None else f"{r.confidence:.2f}"
        table.add_row(escape(r.id), f"[{colour}]{r.label or 'ERROR'}[/{colour}]", conf, escape(r.claim), note)
    return table


@app.command("check-file")
def check_file_command(
    claims: Annotated[
        Path,
        typer.Argument(
            exists=True,
            dir_okay=False,
            help=".txt (one claim per line), .csv (a 'claim' column, optional 'id') or .jsonl ({id, claim}).",
        ),
    ],
    out_path: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Report file (resumable; re-run to continue). '-' writes JSONL to stdout. "
            "Without --out: a table on the terminal, nothing written.",
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="jsonl, csv, md or html (default: from the --out extension)."),
    ] = None,
    concurrency: Annotated[
        int | None,
        typer.Option(min=1, help="Claims at once with a remote backend (default SOURCECHECK_CONCURRENCY)."),
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Check every claim again.")] = False,
    retry_errors: Annotated[
        bool, typer.Option("--retry-errors", help="On resume, check rows that ended in an error again.")
    ] = False,
    fresh: Annotated[
        bool, typer.Option("--fresh", help="Start over: forget what --out already holds.")
    ] = False,
    collection: Annotated[str | None, typer.Option(help="Collection.")] = None,
) -> None:
    """Check every claim of a file; write a report (jsonl, csv, md or html). Killed or interrupted? Run it again."""
    from assistant import bulk
    from assistant.bulk.report import report_format

    to_file = out_path is not None and str(out_path) != "-"
    if not to_file and fmt not in (None, "jsonl"):
        raise typer.BadParameter("without a report file, results are a table or JSONL (--out -)")

    try:
        settings = _settings(collection=collection)
        if to_file:
            report_format(out_path, fmt)  # a bad --format fails before the checker loads
        checker = bulk.BulkChecker.from_settings(settings, use_cache=not no_cache, concurrency=concurrency)
        with _bulk_progress() as progress, contextlib.closing(checker):
            if to_file:
                summary = bulk.check_file(
                    claims,
                    out_path,
                    fmt=fmt,
                    bulk=checker,
                    progress=progress,
                    retry_errors=retry_errors,
                    fresh=fresh,
                )
            else:
                summary = _check_to_terminal(claims, checker, progress, as_jsonl=out_path is not None)
    except KeyboardInterrupt:
        saved = "finished rows are saved; run the same command again to resume" if to_file else "stopped"
        err.print(f"[yellow]interrupted[/yellow]: {saved}")
        raise typer.Exit(130) from None
    except SourcecheckError as exc:
        raise _fail(exc) from exc
    _print_summary(summary, out if out_path is None or to_file else err)
    if to_file:
        out.print(f"report: {out_path}")
    if summary.errors:
        raise typer.Exit(1)


@contextlib.contextmanager
def _bulk_progress():
    """A progress bar on stderr (terminals only), fed by the bulk API's progress callback."""
    columns = [
        TextColumn("checking"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TimeRemainingColumn(),
    ]
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("checking", total=None)
        started = False

        def progress(done: int, total: int, row) -> None:
            nonlocal started
            if not started:  # rows resumed from the journal count as done, not as speed
                bar.reset(task, total=total, completed=done - 1)
                started = True
            bar.update(task, completed=done)

        yield progress


def _check_to_terminal(claims: Path, checker, progress, *, as_jsonl: bool):
    """No report file: JSONL on stdout as rows finish (``--out -``), or a table at the end."""
    from assistant import bulk

    summary, rows = bulk.Summary(), []
    started = time.perf_counter()
    for row in bulk.check_claims(bulk.read_claims(claims), bulk=checker, progress=progress):
        summary.add(row, processed=True)
        if as_jsonl:
            print(row.model_dump_json(), flush=True)
        else:
            rows.append(row)
    summary.elapsed_s = time.perf_counter() - started
    if rows:
        out.print(_results_table(rows))
    return summary


@app.command("eval")
def evaluate(
    claims: Annotated[Path, typer.Option(help="claims.jsonl in the common format.")],
    predictions: Annotated[Path, typer.Option(help="Where to write one prediction per line.")],
    out_path: Annotated[Path, typer.Option("--out", help="Where to write the metrics (JSON).")],
    corpus: Annotated[Path | None, typer.Option(help="corpus.jsonl in the common format.")] = None,
    docs: Annotated[
        Path | None, typer.Option(help="A folder of raw documents (gold evidence as file + quote).")
    ] = None,
    oracle: Annotated[
        bool, typer.Option(help="Search only the gold (or oracle) documents of each claim.")
    ] = False,
    limit: Annotated[int | None, typer.Option(help="Only the first N claims.")] = None,
    fit_calibration: Annotated[
        Path | None,
        typer.Option(
            help="Also fit confidence calibration on this run (raw scores) and write it to this JSON file."
        ),
    ] = None,
    mode: Annotated[
        str,
        typer.Option(
            help="full; or a baseline: no-rules (the scorer alone, no deterministic checks), "
            "similarity (SUPPORTED when evidence is similar enough)."
        ),
    ] = "full",
) -> None:
    """Measure verdicts and citations on a labelled set (accuracy, macro-F1, per label, ECE, citations)."""
    from assistant import evaluate as evaluation
    from assistant.checker import Checker
    from assistant.verify.calibrate import Calibrator

    if (corpus is None) == (docs is None):
        raise typer.BadParameter("give exactly one of --corpus or --docs")
    try:
        settings = _settings()
        store = evaluation.prepare_store(settings, corpus=corpus, docs=docs)
        rows = evaluation.load_claims(claims, limit)
        checker = Checker.from_settings(settings, store=store)
        if fit_calibration:
            checker.calibrator = Calibrator()  # fit on raw scores, not on a previous fit
        if mode not in ("full", "no-rules", "similarity"):
            raise typer.BadParameter("mode is full, no-rules or similarity")
        checker.mode = mode
        with Progress(
            TextColumn("checking"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        ) as bar:
            task = bar.add_task("checking", total=len(rows))
            metrics = evaluation.run_eval(
                checker,
                rows,
                corpus_docs=evaluation.load_corpus_docs(corpus),
                oracle=oracle,
                by_file=docs is not None,
                predictions=predictions,
                progress=lambda n: bar.update(task, completed=n),
            )
    except SourcecheckError as exc:
        raise _fail(exc) from exc
    raw = metrics.pop("raw_scores")
    metrics.update({"claims_file": str(claims), "corpus": str(corpus or docs), "mode": mode})
    out_path.write_text(json.dumps(metrics, indent=2))
    if fit_calibration:
        evaluation.fit_calibration(raw, fit_calibration, [str(claims)])
        out.print(f"calibration written to {fit_calibration}")
    table = Table("metric", "value")
    for key in evaluation.HEADLINE_METRICS:
        value = metrics[key]
        table.add_row(key, f"{value:.3f}" if isinstance(value, float) else str(value))
    for label, m in metrics["per_label"].items():
        table.add_row(f"{label} P/R/F1", f"{m['precision']:.2f} / {m['recall']:.2f} / {m['f1']:.2f}")
    out.print(table)


def main() -> None:  # pragma: no cover
    app()
