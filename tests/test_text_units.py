"""Sentence splitting, chunking and metadata rules (pure functions)."""

from pathlib import Path

import pytest

from ingest.chunking import chunk
from ingest.metadata import (
    date_from_filename,
    find_dates,
    infer_kind,
    parse_date,
    resolve_date,
    title_from_text,
)
from ingest.sentences import split_sentences
from ingest.types import LoadedDocument, Segment


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_sentences_respect_abbreviations_initials_and_decimals():
    text = "Dr. Ada Moss said the U.S. market grew 4.5% in 2025. It was big! Then J. Doe left."
    assert _sentences(text) == [
        "Dr. Ada Moss said the U.S. market grew 4.5% in 2025.",
        "It was big!",
        "Then J. Doe left.",
    ]


def test_sentences_keep_soft_wrapped_lines_and_split_headers_and_lists():
    text = (
        "ACME -- PRESS RELEASE\nDate: 5 April 2025\n\n"
        "This long line of a hard-wrapped press release goes on past sixty characters\n"
        "and ends here. Second sentence.\n- first item\n- second item"
    )
    assert _sentences(text) == [
        "ACME -- PRESS RELEASE",
        "Date: 5 April 2025",
        "This long line of a hard-wrapped press release goes on past sixty characters\nand ends here.",
        "Second sentence.",
        "- first item",
        "- second item",
    ]


def test_lowercase_after_period_is_not_a_boundary():
    assert _sentences("Version 3. was released. ok") == ["Version 3. was released. ok"]


def test_chunks_are_exact_spans_within_segments_and_bounded():
    text = " ".join(f"Sentence number {i} talks about downloads." for i in range(60))
    doc = LoadedDocument(text, "txt", segments=[Segment(0, 700), Segment(700, len(text), page=2)])
    specs = chunk(doc, max_chars=300)
    assert all(s.char_end - s.char_start <= 300 for s in specs)
    for spec in specs:
        assert spec.segment.char_start <= spec.char_start < spec.char_end <= spec.segment.char_end
        assert spec.embed_text == text[spec.char_start : spec.char_end]
    assert {s.segment.page for s in specs} == {None, 2}


def test_overlong_sentence_is_cut_at_spaces():
    text = "word " * 400
    specs = chunk(LoadedDocument(text, "txt"), max_chars=200)
    assert len(specs) >= 10
    assert all(len(s.embed_text) <= 200 and not s.embed_text.startswith(" ") for s in specs)


def test_rows_stay_whole_and_embed_their_statement():
    text = "a,b\n1,2\n"
    doc = LoadedDocument(text, "csv", segments=[Segment(4, 7, unit="row", statement="a: 1 | b: 2")])
    (spec,) = chunk(doc, max_chars=100)
    assert (spec.char_start, spec.char_end, spec.embed_text) == (4, 7, "a: 1 | b: 2")


def test_turns_are_embedded_with_their_speaker():
    text = "Host: Is it true? Guest: No."
    doc = LoadedDocument(text, "txt", segments=[Segment(6, 17, unit="turn", speaker="Host")])
    (spec,) = chunk(doc)
    assert spec.embed_text == "Host: Is it true?"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-11-18", "2025-11-18"),
        ("2025-11-01T04:12:09Z", "2025-11-01"),
        ("D:20250901120000Z", "2025-09-01"),
        ("5 April 2025", "2025-04-05"),
        ("April 5, 2025", "2025-04-05"),
        ("Sept. 3rd 2025", "2025-09-03"),
        ("31 February 2025", None),
        ("no date here", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_find_dates_in_order():
    assert [d for _, d in find_dates("on 1 May 2024 and 2025-01-02")] == ["2024-05-01", "2025-01-02"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Posted 14/05/2031 by the desk", ["2031-05-14"]),  # a number over 12 is the day
        ("05/14/2031", ["2031-05-14"]),
        ("14.05.2031", ["2031-05-14"]),
        ("2031/05/14", ["2031-05-14"]),
        ("12/12/2031", ["2031-12-12"]),
        ("05/06/2031", []),  # either could be the month: no date rather than one off by a month
        ("on 3.4.2031 or 3.4.2031.5", []),
        ("31/02/2031", []),
    ],
)
def test_find_dates_digit_dates(text, expected):
    assert [d for _, d in find_dates(text)] == expected
    if expected:
        assert resolve_date(Path("note.txt"), f"Date: {text}\n", None, None) == expected[0]


def test_date_priority_and_never_invented():
    text = "Quill Update\nLumora | 1 September 2025\nLumora published Quill-1 on 12 March 2023."
    # a date that merely follows "published" in prose is not the publication date
    assert resolve_date(Path("update.pdf"), text, None, None) == "2025-09-01"
    assert resolve_date(Path("x.txt"), "Date: 5 May 2025\n", "2025-06-01", None) == "2025-06-01"
    assert resolve_date(Path("x.txt"), "Published: 5 May 2025\n", None, "2024-01-01") == "2025-05-05"
    assert resolve_date(Path("report_2025-02-14.txt"), "no dates", None, None) == "2025-02-14"
    assert resolve_date(Path("report.txt"), "no dates at all", None, None) is None
    assert date_from_filename(Path("x_20240102.txt")) == "2024-01-02"


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        ("acme_pr_2025-01-01.txt", "ACME -- PRESS RELEASE\nFor immediate release", "announcement"),
        ("news_daily_2025.html", "By Jane Roe\nThe Daily Courier reports", "news"),
        ("notes.txt", "Shopping list: eggs, milk.", "other"),
    ],
)
def test_infer_kind(name, text, kind):
    assert infer_kind(Path(name), text, None) == kind


def test_loader_kind_wins_over_cues():
    assert infer_kind(Path("news_stats.csv"), "a,b", "statistics") == "statistics"


def test_title_skips_mastheads_fields_and_datelines():
    text = "FJORDLINE AI — PRESS RELEASE\nDate: 5 April 2025\n\nFJORDLINE RELEASES SKERRY-4, A NEW MODEL\n"
    assert title_from_text(text) == "FJORDLINE RELEASES SKERRY-4, A NEW MODEL"


def test_a_headline_naming_a_transcript_is_a_title_and_a_speakers_turn_is_not():
    call = (
        "Orrin Works - Q3 2031 Results - Earnings Call Transcript\nDate: 5 May 2031\n\nOperator: Welcome.\n"
    )
    assert title_from_text(call) == "Orrin Works - Q3 2031 Results - Earnings Call Transcript"
    assert title_from_text("ORRIN WORKS TRANSCRIPT\nOrrin Works opens a new lab in Skerry.") == (
        "Orrin Works opens a new lab in Skerry."
    )
    turns = "Anneke Voss (CFO): Thank you. Revenue rose.\nPia Varga [00:00:02.000]: Welcome to the show.\n"
    assert title_from_text(turns) is None  # the file name says more than anyone's first words
    assert title_from_text("Quill-3 review - the best model yet?\n") == "Quill-3 review - the best model yet?"


def test_a_markdown_table_row_is_read_with_its_header():
    from assistant.retrieve.evidence import units
    from assistant.schema import Passage
    from assistant.verify.claims import parse_claim
    from assistant.verify.figure_findings import numeric_findings

    text = (
        "# Lumora releases Quill-5\n\nThe family has three models:\n\n"
        "| Model | Parameters | Notes |\n|---|---|---|\n"
        "| Quill-5-Mini | 3B | for phones |\n| Quill-5-Max | 40B | highest quality |\n\nAll are open.\n"
    )
    passage = Passage(
        id="d:0", doc_id="d", index=0, text=text, char_start=0, char_end=len(text), source="s.md",
        title="Lumora releases Quill-5", kind="announcement", date="2025-04-01", unit="prose",
    )  # fmt: skip
    found = {e.text: e for e in units(passage, text, 0.0)}
    row = found["| Quill-5-Max | 40B | highest quality |"]
    # the quote stays the row itself; what is read names what each cell gives
    assert text[row.char_start : row.char_end] == row.text
    assert row.scoring_text == "Model: Quill-5-Max | Parameters: 40B | Notes: highest quality"
    assert found["| Model | Parameters | Notes |"].scoring_text == "| Model | Parameters | Notes |"
    assert [
        f.stance for f in numeric_findings(parse_claim("Quill-5-Max has 40 billion parameters."), row)
    ] == ["supports"]
    assert [
        f.stance for f in numeric_findings(parse_claim("Quill-5-Max has 12 billion parameters."), row)
    ] == ["refutes"]


def test_a_full_stop_glued_to_the_next_sentence_still_ends_one():
    text = "Lark was eighth in the poll , with 97.Lark would top it a year later . It opened in 2018.The club won."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Lark was eighth in the poll , with 97.",
        "Lark would top it a year later .",
        "It opened in 2018.",
        "The club won.",
    ]
    # not inside abbreviations, decimals or a web address
    kept = "The U.S.A. team scored 3.5 points. See www.lark.example for more."
    assert [kept[a:b] for a, b in split_sentences(kept)] == [
        "The U.S.A. team scored 3.5 points.",
        "See www.lark.example for more.",
    ]


def test_a_plain_text_table_row_is_read_with_its_column_headings():
    # regression: a results call's table laid out in columns was one "sentence" of every row's figures, so a
    # claim about another quarter was refuted by the figures of the quarter the table gives
    from assistant.retrieve.evidence import units
    from assistant.schema import Passage
    from assistant.verify.claims import parse_claim
    from assistant.verify.figure_findings import numeric_findings
    from assistant.verify.quantities import extract_quantities

    text = (
        "Anneke Voss (CFO): Here are the figures.\n\n"
        "                              Q3 2031        Q3 2030        Change\n"
        "                              Jul-Sep 2031   Jul-Sep 2030\n"
        "    Revenue (Lm)                 812.4          655.0        +24.0%\n"
        "      Hosted API                 402.1          300.6        +33.8%\n"
        "    Gross margin                 61.2%          58.7%      +2.5 pts\n\n"
        "Anneke Voss (CFO): We expect more next year.\n"
    )
    passage = Passage(
        id="d:0", doc_id="d", index=0, text=text, char_start=0, char_end=len(text), source="s.txt",
        title="Lumora Labs Q3 2031 results call", kind="transcript", date="2031-11-01", unit="turn",
        speaker="Anneke Voss",
    )  # fmt: skip
    found = {e.text.strip(): e for e in units(passage, text, 0.0)}
    row = next(e for t, e in found.items() if t.startswith("Revenue (Lm)"))
    assert text[row.char_start : row.char_end] == row.text and "Hosted API" not in row.text
    assert row.scoring_text == (
        "Revenue (Lm) Q3 2031 Jul-Sep 2031: L 812.4 million | Revenue (Lm) Q3 2030 Jul-Sep 2030: L 655.0 million"
        " | Revenue (Lm) Change: +24.0%"
    )
    margin = next(e for t, e in found.items() if t.startswith("Gross margin"))
    assert margin.scoring_text.endswith("Gross margin Change: +2.5 pts")
    assert [q.kind for q in extract_quantities("+2.5 pts")] == ["points"]
    # the table gives the third quarter: no figure for the fourth, for or against it
    fourth = parse_claim("Lumora Labs' revenue in the fourth quarter of 2031 exceeded L 900 million.")
    assert not [f for f in numeric_findings(fourth, row) if f.stance != "none"]
