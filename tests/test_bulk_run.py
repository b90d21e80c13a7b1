"""Bulk runs with a fake checker: resume, no duplicates, error rows, threads, and the rendered reports."""

from __future__ import annotations

import csv
import io
import json
import re
import threading
import time

import pytest

from assistant.bulk import BulkChecker, ClaimInput, ResultRow, check_claims, check_file
from assistant.bulk.journal import Journal, JournalBusy
from assistant.bulk.report import render_html, render_markdown
from assistant.errors import SourcecheckError
from assistant.schema import Citation, Verdict


def _citation(quote: str, stance: str) -> Citation:
    return Citation(
        doc_id="d1",
        source="notes/source.txt",
        title="A <b>title</b>",
        kind="news",
        quote=quote,
        char_start=10,
        char_end=10 + len(quote),
        stance=stance,
    )


class FakeChecker:
    """Deterministic verdicts from keywords; "boom" raises, like a backend failing on one claim."""

    def __init__(self):
        self.seen: list[str] = []

    def check(self, claim: str) -> Verdict:
        self.seen.append(claim)
        if "boom" in claim:
            raise RuntimeError("backend fell over")
        label = "REFUTED" if "not" in claim else "SUPPORTED"
        cite = _citation(f"Source text about {claim}", "supports" if label == "SUPPORTED" else "refutes")
        return Verdict(claim=claim, label=label, confidence=0.8, citations=[cite], explanation="fake")


def _claims(tmp_path, n=6):
    path = tmp_path / "claims.jsonl"
    rows = [{"id": f"c{i}", "claim": f"Claim number {i} holds.", "desk": f"d{i}"} for i in range(n)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def _journal_ids(path):
    return [json.loads(line)["id"] for line in path.read_text().splitlines()]


def test_a_run_writes_one_row_per_claim_and_a_rerun_checks_nothing(tmp_path):
    claims, out = _claims(tmp_path), tmp_path / "r.jsonl"
    fake = FakeChecker()
    summary = check_file(claims, out, bulk=BulkChecker(fake))
    assert _journal_ids(out) == [f"c{i}" for i in range(6)]
    assert summary.total == 6 and summary.labels == {"SUPPORTED": 6} and summary.processed == 6
    row = json.loads(out.read_text().splitlines()[0])
    assert row["error"] is None and row["input"] == {"desk": "d0"}
    assert {"source", "title", "quote", "char_start", "char_end", "doc_id"} <= set(row["citations"][0])

    again = FakeChecker()
    summary = check_file(claims, out, bulk=BulkChecker(again))
    assert again.seen == [] and summary.resumed == 6 and summary.total == 6
    assert _journal_ids(out) == [f"c{i}" for i in range(6)]


def test_resume_after_a_truncated_last_line_redoes_only_the_missing_claims(tmp_path):
    claims, out = _claims(tmp_path), tmp_path / "r.jsonl"
    check_file(claims, out, bulk=BulkChecker(FakeChecker()))
    lines = out.read_bytes().splitlines(keepends=True)
    # As after kill -9: three rows whole, the fourth cut in the middle of its JSON.
    out.write_bytes(b"".join(lines[:3]) + lines[3][: len(lines[3]) // 2])
    fake = FakeChecker()
    summary = check_file(claims, out, bulk=BulkChecker(fake))
    assert fake.seen == ["Claim number 3 holds.", "Claim number 4 holds.", "Claim number 5 holds."]
    assert summary.resumed == 3 and summary.processed == 3
    assert _journal_ids(out) == [f"c{i}" for i in range(6)]
    assert all(json.loads(line) for line in out.read_text().splitlines())


def test_journal_drops_repeated_ids_and_garbage_lines(tmp_path):
    path = tmp_path / "j.jsonl"
    row = ResultRow(id="a", claim="x", label="SUPPORTED", confidence=0.5)
    path.write_text(row.model_dump_json() + "\nnot json\n" + row.model_dump_json() + "\n")
    journal = Journal.open(path)
    assert list(journal.rows) == ["a"]
    assert _journal_ids(path) == ["a"]  # rewritten on disk too


def test_journal_cuts_only_the_tail_and_refuses_a_second_writer(tmp_path):
    path = tmp_path / "j.jsonl"
    whole = ResultRow(id="a", claim="x", label="SUPPORTED", confidence=0.5).model_dump_json() + "\n"
    path.write_bytes(whole.encode() + b'{"id": "b", "cla')
    with Journal.open(path) as journal:
        assert list(journal.rows) == ["a"] and path.read_bytes() == whole.encode()
        with pytest.raises(JournalBusy, match="another run is writing"):
            Journal.open(path)
    with Journal.open(path) as again:  # the lock goes with the first run
        assert list(again.rows) == ["a"]


def test_a_blank_line_in_the_middle_loses_no_row(tmp_path):
    # regression: a blank line between rows made the repair truncate the last row's newline, so the next
    # append glued a row onto it and both were lost on the next open
    path = tmp_path / "j.jsonl"
    a, b = (ResultRow(id=i, claim="x", label="SUPPORTED", confidence=0.5).model_dump_json() for i in "ab")
    path.write_text(a + "\n\n" + b + "\n")
    with Journal.open(path) as journal:
        journal.append(ResultRow(id="c", claim="y", label="REFUTED", confidence=0.5))
    with Journal.open(path) as again:
        assert list(again.rows) == ["a", "b", "c"]
    assert _journal_ids(path) == ["a", "b", "c"]


def test_a_journal_of_other_claims_is_refused(tmp_path):
    claims, out = _claims(tmp_path), tmp_path / "r.jsonl"
    check_file(claims, out, bulk=BulkChecker(FakeChecker()))
    claims.write_text(json.dumps({"id": "c0", "claim": "An edited claim."}) + "\n")
    with pytest.raises(SourcecheckError, match="another claim"):
        check_file(claims, out, bulk=BulkChecker(FakeChecker()))
    summary = check_file(claims, out, bulk=BulkChecker(FakeChecker()), fresh=True)
    assert summary.total == 1 and _journal_ids(out) == ["c0"]


def test_the_claims_file_is_never_the_journal(tmp_path):
    claims = _claims(tmp_path)
    before = claims.read_bytes()
    with pytest.raises(SourcecheckError, match="claims file itself"):
        check_file(claims, claims, bulk=BulkChecker(FakeChecker()))
    as_csv = tmp_path / "claims.csv"  # the report itself (not only its journal) may not be the claims file
    as_csv.write_text("id,claim\nc1,Claim number 1 holds.\n")
    with pytest.raises(SourcecheckError, match="claims file itself"):
        check_file(as_csv, as_csv, bulk=BulkChecker(FakeChecker()))
    assert claims.read_bytes() == before and as_csv.read_text().startswith("id,claim")


def test_a_claim_that_raises_is_an_error_row_and_retry_errors_redoes_it(tmp_path):
    claims = tmp_path / "c.txt"
    claims.write_text("First claim holds.\nThis one goes boom.\nLast claim is not true.\n")
    out = tmp_path / "r.jsonl"
    summary = check_file(claims, out, bulk=BulkChecker(FakeChecker()))
    rows = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert rows["2"]["error"] == "RuntimeError: backend fell over" and rows["2"]["label"] is None
    assert rows["3"]["label"] == "REFUTED" and summary.errors == 1

    fake = FakeChecker()
    check_file(claims, out, bulk=BulkChecker(fake), retry_errors=True)
    assert fake.seen == ["This one goes boom."]
    assert sorted(_journal_ids(out)) == ["1", "2", "3"]


def test_csv_report_carries_input_columns_through(tmp_path):
    claims = tmp_path / "c.csv"
    claims.write_text("id,claim,desk,label\nx1,Quill holds.,tech,SUPPORTED\nx2,,politics,REFUTED\n")
    out = tmp_path / "r.csv"
    check_file(claims, out, bulk=BulkChecker(FakeChecker()))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == ["x1", "x2"]
    assert (
        rows[0]["desk"] == "tech"
        and rows[0]["input_label"] == "SUPPORTED"
        and rows[0]["label"] == "SUPPORTED"
    )
    assert rows[0]["top_quote"] == "Source text about Quill holds."
    assert json.loads(rows[0]["citations"])[0]["char_start"] == 10
    assert rows[1]["error"] == "empty claim" and rows[1]["label"] == "" and rows[1]["desk"] == "politics"
    assert (tmp_path / "r.csv.jsonl").exists()  # the resumable journal beside the report


def test_html_report_escapes_everything_and_is_self_contained(tmp_path):
    claims = tmp_path / "c.jsonl"
    hostile = '<script>alert("x")</script> Lumora <img src=x onerror=alert(1)>'
    claims.write_text(
        json.dumps({"id": "<i>1</i>", "claim": hostile, "note": "<b>bold</b>"})
        + "\n"
        + json.dumps({"id": "2", "claim": "Broken claim goes boom."})
        + "\n"
    )
    out = tmp_path / "report.html"
    check_file(claims, out, bulk=BulkChecker(FakeChecker()))
    page = out.read_text(encoding="utf-8")
    for raw in ("<script", "<img", "<i>1", "<b>bold", "<b>title"):
        assert raw not in page, raw
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;b&gt;title&lt;/b&gt;" in page and "<details>" in page
    assert "Not checked: RuntimeError: backend fell over" in page
    for external in ("<link", "@import", "url(", "http:", "https:"):
        assert external not in page, external
    assert not re.search(r"<[^>]*\s(src|href)=", page)  # no tag loads anything
    assert "<svg" in page and "<style>" in page


def test_markdown_escapes_table_syntax_and_html():
    row = ResultRow(id="1", claim="a | b <script>", label="SUPPORTED", confidence=0.5, explanation="x|y")
    from assistant.bulk.models import Summary

    summary = Summary()
    summary.add(row)
    text = render_markdown([row], summary)
    assert "a &#124; b &#60;script&#62;" in text and "x&#124;y" in text and "<script" not in text
    assert "1 claims: 1 supported" in text
    assert "<script" not in render_html([row], summary)


def test_markdown_and_csv_reports_keep_document_text_inert():
    from assistant.bulk.models import Summary
    from assistant.bulk.report import render_csv

    quote = "![x](http://tracker.example/p.png) [click](javascript:alert(1))"
    cite = _citation(quote, "supports")
    row = ResultRow(
        id="1", claim='=HYPERLINK("http://x")', label="SUPPORTED", confidence=0.5, citations=[cite]
    )
    summary = Summary()
    summary.add(row)
    md = render_markdown([row], summary)
    assert "](" not in md and "![" not in md  # no live image or link
    cells = next(csv.reader(io.StringIO(render_csv([row]).splitlines()[1])))
    assert cells[1] == '\'=HYPERLINK("http://x")'  # not a formula in a spreadsheet


def test_check_claims_accepts_strings_and_reports_progress():
    seen = []
    rows = list(
        check_claims(
            ["Quill holds.", "  ", "Skerry is not open."],
            bulk=BulkChecker(FakeChecker()),
            progress=lambda done, total, row: seen.append((done, total, row.id)),
        )
    )
    assert [r.label for r in rows] == ["SUPPORTED", None, "REFUTED"]
    assert rows[1].error == "empty claim"
    assert seen == [(1, 3, "1"), (2, 3, "2"), (3, 3, "3")]


def test_threads_give_each_worker_its_own_checker_and_lose_nothing():
    made: list[FakeChecker] = []
    threads: set[int] = set()

    class SlowChecker(FakeChecker):
        def check(self, claim):
            threads.add(threading.get_ident())
            time.sleep(0.01)  # a network wait: the reason threads help
            return super().check(claim)

    def make():
        made.append(SlowChecker())
        return made[-1]

    bulk = BulkChecker(make_checker=make, workers=3)
    items = [ClaimInput(id=str(i), claim=f"Claim {i} holds.") for i in range(30)]
    rows = list(bulk.run(items))
    assert sorted(int(r.id) for r in rows) == list(range(30))
    assert 1 < len(made) <= 3 and len(threads) == len(made)
    assert sum(len(c.seen) for c in made) == 30  # every claim checked exactly once


def test_several_workers_need_a_checker_factory():
    with pytest.raises(ValueError, match="make_checker"):
        BulkChecker(FakeChecker(), workers=2)
