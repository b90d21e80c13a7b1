"""Each loader on real files: the bundled sample corpus, plus files written here (docx, encrypted PDF)."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from assistant.errors import LoadError
from ingest.loaders.html import load_html
from ingest.loaders.office import load_docx, load_pdf
from ingest.loaders.plain import load_markdown, load_text
from ingest.loaders.stats import load_csv, load_json
from ingest.loaders.transcripts import load_srt, load_vtt
from ingest.pipeline import build_file_document

MB = 10**7


def _span(doc, seg):
    return doc.text[seg.char_start : seg.char_end]


def test_markdown_title_and_text_verbatim(sample_docs):
    path = sample_docs / "lumora_pr_2025-03-04_quill-3-launch.md"
    doc = load_markdown(path, MB)
    assert doc.title and "Quill-3" in doc.title
    assert doc.text == path.read_text()  # stored verbatim, so quotes match the file


def test_markdown_front_matter(tmp_path):
    path = tmp_path / "post.md"
    path.write_text(
        '---\ntitle: "Hub milestones"\ndate: 2025-09-22\n---\n\n# Other heading\n\nBody text here.\n'
    )
    doc = load_markdown(path, MB)
    assert (doc.title, doc.date) == ("Hub milestones", "2025-09-22")


def test_html_main_text_without_boilerplate(sample_docs):
    doc = load_html(sample_docs / "lumora_pr_2025-11-10_quill-500-million.html", MB)
    assert doc.date == "2025-11-10"
    assert doc.title == "Quill open-weight models pass 500 million downloads"
    assert "500 million" in doc.text
    for junk in ("cookies", "Privacy", "Accept all", "function", "{"):
        assert junk not in doc.text, junk


def test_html_article_header_is_kept_but_page_chrome_is_not(tmp_path):
    path = tmp_path / "a.html"
    path.write_text(
        "<html><head><title>T | Site</title></head><body><header>SITE MENU</header>"
        "<article><header><h1>Real headline</h1><time datetime='2024-03-02'>2 March</time></header>"
        "<p>First &amp; only <b>paragraph</b>.</p><table><tr><td>a</td><td>1</td></tr></table></article>"
        "<footer>Copyright</footer></body></html>"
    )
    doc = load_html(path, MB)
    assert doc.title == "Real headline" and doc.date == "2024-03-02"
    assert "First & only paragraph." in doc.text and "a | 1" in doc.text
    assert "SITE MENU" not in doc.text and "Copyright" not in doc.text


def test_html_correction_set_aside_is_kept(tmp_path):
    # a correction notice in an <aside> is the article's word on what it got wrong; a sidebar is not
    path = tmp_path / "c.html"
    path.write_text(
        "<html><body><article><h1>Quill surges</h1><p>Quill was downloaded 52,000 times in a week.</p>"
        "<aside class='correction'><p>An earlier version of this article said 5.2 million.</p></aside>"
        "<aside class='related-links'><p>More on Lumora</p></aside></article></body></html>"
    )
    doc = load_html(path, MB)
    assert "An earlier version of this article said 5.2 million." in doc.text
    assert "More on Lumora" not in doc.text


def test_pdf_pages_title_and_date(sample_docs):
    doc = load_pdf(sample_docs / "lumora_ecosystem-update_2025-09-01.pdf", MB)
    assert [s.page for s in doc.segments] == [1, 2]
    assert doc.weak_date == "2025-09-01"
    assert "407.7 million" in _span(doc, doc.segments[0])


def test_encrypted_pdf_is_refused_clearly(sample_docs, tmp_path):
    writer = pypdf.PdfWriter(clone_from=str(sample_docs / "lumora_ecosystem-update_2025-09-01.pdf"))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(LoadError, match="encrypted PDF"):
        load_pdf(path, MB)


def test_pdf_encrypted_with_empty_password_is_read(sample_docs, tmp_path):
    writer = pypdf.PdfWriter(clone_from=str(sample_docs / "lumora_ecosystem-update_2025-09-01.pdf"))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    path = tmp_path / "open.pdf"
    path.write_bytes(buf.getvalue())
    assert "407.7 million" in load_pdf(path, MB).text


@pytest.mark.parametrize("content", [b"%PDF-1.7\n garbage garbage", b"not a pdf at all", b"%PDF-1.4\n%%EOF"])
def test_corrupt_pdf(tmp_path, content):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(LoadError):
        load_pdf(path, MB)


def test_docx(tmp_path):
    import docx

    document = docx.Document()
    document.core_properties.title = "Board memo"
    document.add_heading("Quarterly memo", level=1)
    document.add_paragraph("Quill passed 500 million downloads.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "downloads", "502.9M"
    path = tmp_path / "memo.docx"
    document.save(path)
    doc = load_docx(path, MB)
    assert doc.title == "Board memo"
    assert "Quill passed 500 million downloads." in doc.text and "downloads | 502.9M" in doc.text
    assert doc.weak_date  # python-docx stamps the creation time


def test_corrupt_docx(tmp_path):
    path = tmp_path / "bad.docx"
    path.write_bytes(b"PK\x03\x04 this is not a zip")
    with pytest.raises(LoadError, match="docx"):
        load_docx(path, MB)


def test_csv_rows_are_quotable_statements(sample_docs):
    path = sample_docs / "modelyard_model_stats_2025-10-31.csv"
    doc = load_csv(path, MB)
    lines = path.read_text().splitlines()
    assert doc.kind == "statistics" and doc.date == "2025-10-31"
    assert len(doc.segments) == len(lines) - 1
    first = doc.segments[0]
    assert _span(doc, first) == lines[1]
    assert first.statement.startswith("model_id: lumora/Quill-1-7B | organization: Lumora Labs")
    assert "downloads_all_time: 58204117" in first.statement
    assert "base_model" not in first.statement  # empty fields are left out


def test_csv_quoted_multiline_field_and_bad_rows(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text('name,note,n\nA,"two\nlines",1\nB,short\nC,ok,3\n')
    doc = load_csv(path, MB)
    assert [_span(doc, s) for s in doc.segments] == ['A,"two\nlines",1', "C,ok,3"]
    assert "note: two\nlines" in doc.segments[0].statement
    assert any("wrong number of fields" in w for w in doc.warnings)


@pytest.mark.parametrize("content", ["just one column\nx\ny\n", "a,b\n1\n2\n3\n", "a,a\n1,2\n"])
def test_malformed_csv(tmp_path, content):
    path = tmp_path / "bad.csv"
    path.write_text(content)
    with pytest.raises(LoadError, match="malformed CSV"):
        load_csv(path, MB)


def test_json_records_header_and_exact_spans(sample_docs):
    path = sample_docs / "modelyard_family_summary_2025-10-31.json"
    doc = load_json(path, MB)
    assert doc.date == "2025-10-31" and doc.kind == "statistics"
    units = [s.unit for s in doc.segments]
    assert units[0] == "header" and units.count("record") >= 2
    record = next(s for s in doc.segments if s.unit == "record")
    span = _span(doc, record)
    assert span.startswith("{") and span.endswith("}") and span in path.read_text()
    assert "downloads.all_time_millions:" in record.statement


def test_json_top_level_list(tmp_path):
    path = tmp_path / "rows.json"
    path.write_text('[{"model": "A", "n": 1}, {"model": "B", "n": {"x": 2}}]')
    doc = load_json(path, MB)
    assert [s.statement for s in doc.segments] == ["model: A | n: 1", "model: B | n.x: 2"]


@pytest.mark.parametrize("content", ['{"a": 1,', "[1, 2", "42"])
def test_malformed_json(tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(LoadError):
        load_json(path, MB)


def test_vtt_turns_speakers_timestamps(sample_docs):
    doc = load_vtt(sample_docs / "podcast_open-model-radio_ep41_voss_2025-10-02.vtt", MB)
    turns = [s for s in doc.segments if s.unit == "turn"]
    assert turns[0].speaker == "Dara Pennick" and turns[0].timestamp == "00:00:03.120"
    # consecutive cues of one speaker form one turn
    assert "I'm Dara Pennick" in _span(doc, turns[0]) and "Anneke, welcome." in _span(doc, turns[0])
    answer = next(s for s in turns if "I wouldn't call it that." in _span(doc, s))
    assert answer.speaker == "Anneke Voss"
    assert "published 2 October 2025" in doc.text  # NOTE header kept, it dates the file


def test_srt_unlabelled_cue_continues_previous_speaker(sample_docs):
    doc = load_srt(sample_docs / "pellucid_fireside_kaelin_2025-10-20.srt", MB)
    turn = next(s for s in doc.segments if "built on Lumora's open-weight Quill-3-34B" in _span(doc, s))
    assert turn.speaker == "Rohan Kaelin" and turn.timestamp == "00:00:10.800"
    assert doc.title.startswith("Brightmoor Robotics Week 2025")
    assert doc.segments[0].speaker is None  # the title card is not a turn


def test_speaker_labelled_text(sample_docs):
    doc = load_text(sample_docs / "lumora_q3-2025_earnings-call_2025-11-06.txt", MB)
    assert doc.kind == "transcript"
    speakers = {s.speaker for s in doc.segments if s.unit == "turn"}
    assert {"Operator", "Anneke Voss"} <= speakers
    assert "Date" not in speakers and "Participants" not in speakers
    assert doc.segments[0].unit == "prose"  # header before the first turn


def test_plain_text_is_not_mistaken_for_a_transcript(sample_docs):
    doc = load_text(sample_docs / "fjordline_pr_2025-06-02_skerry-4.txt", MB)
    assert doc.kind is None and not doc.segments


def test_every_sample_file_builds_with_exact_offsets(sample_docs):
    for path in sorted(sample_docs.iterdir()):
        doc, passages, _ = build_file_document(path, MB, 800)
        assert passages, path
        for p in passages:
            assert 0 <= p.char_start < p.char_end <= len(doc.text)
            assert doc.text[p.char_start : p.char_end].strip() == doc.text[p.char_start : p.char_end]
        assert doc.date, path.name


def test_latin1_text_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Café Zürich annonce une croissance de 12 % à Genève cette année.".encode("cp1252"))
    doc = load_text(path, MB)
    assert "Zürich" in doc.text and any("not UTF-8" in w for w in doc.warnings)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\x00\x01\x02\x03binary\xff\xfe" * 50, "binary"), (b"   \n\n  ", "no text")],
)
def test_unreadable_text(tmp_path, content, message):
    path = tmp_path / "f.txt"
    path.write_bytes(content)
    with pytest.raises(LoadError, match=message):
        load_text(path, MB)


def test_size_cap(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("x" * 2000)
    with pytest.raises(LoadError, match="cap"):
        load_text(path, 1000)


def test_unsupported_extension(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG")
    with pytest.raises(LoadError, match="unsupported file type"):
        build_file_document(path, MB, 800)


def test_missing_file():
    with pytest.raises(LoadError, match="no such file"):
        build_file_document(Path("nope.txt"), MB, 800)


def test_speaker_labels_with_accents_and_bracketed_roles(tmp_path):
    # an unread label hands its speaker's words to whoever spoke before: the labels must all be turns
    path = tmp_path / "call.txt"
    path.write_text(
        "Lumora Labs Inc.\nQ4 results call\n\n"
        "Operator: Welcome to the call.\n\n"
        "Anneke Voss (Chief Executive Officer): Thank you. Quill passed 500 million downloads.\n\n"
        "Íñigo Salceda (Analyst, Casa de Valores Ortiga): Are you in talks to buy Skerry?\n\n"
        "Anneke Voss (Chief Executive Officer): No, we are not.\n\n"
        "ÍÑIGO SALCEDA (Analyst, Casa de Valores Ortiga): Thank you.\n\n"
        "Operator (00:42): That concludes the call.\n",
        encoding="utf-8",
    )
    doc = load_text(path, MB)
    assert doc.kind == "transcript"
    turns = [(s.speaker, doc.text[s.char_start : s.char_end]) for s in doc.segments if s.unit == "turn"]
    assert turns[2] == ("Íñigo Salceda", "Are you in talks to buy Skerry?")
    assert turns[3] == ("Anneke Voss", "No, we are not.")
    assert turns[4][0] == "Íñigo Salceda"
    assert [s.timestamp for s in doc.segments if s.unit == "turn"][-1] == "00:42"


def test_srt_bracket_labels_name_speakers_and_sound_tags_do_not(tmp_path):
    srt = tmp_path / "fireside.srt"
    srt.write_text(
        "1\n00:00:00,000 --> 00:00:04,000\n[HOST] Welcome to the Skerry summit.\n\n"
        "2\n00:00:04,000 --> 00:00:08,000\n[DANA ORTE]: Thanks. Quill passed 500 million downloads.\n\n"
        "3\n00:00:08,000 --> 00:00:10,000\n[Music] and we keep going.\n\n",
        encoding="utf-8",
    )
    doc = load_srt(srt, 10**6)
    turns = [(s.speaker, _span(doc, s)) for s in doc.segments if s.unit == "turn"]
    assert [who for who, _ in turns] == ["Host", "Dana Orte"]
    assert turns[1][1].startswith("Thanks. Quill passed") and "[Music] and we keep going." in turns[1][1]


def test_srt_without_any_speaker_label_loads_as_one_unknown_speaker(tmp_path):
    srt = tmp_path / "plain.srt"
    srt.write_text(
        "1\n00:00:00,000 --> 00:00:04,000\nQuill passed 500 million downloads.\n\n"
        "2\n00:00:04,000 --> 00:00:08,000\nLumora said so on Monday.\n",
        encoding="utf-8",
    )
    doc = load_srt(srt, 10**6)
    (turn,) = [s for s in doc.segments if s.unit == "turn"]
    assert turn.speaker is None
    assert _span(doc, turn) == "Quill passed 500 million downloads. Lumora said so on Monday."
