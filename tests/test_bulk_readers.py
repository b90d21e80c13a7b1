"""Claims files: every format, and every kind of bad row becomes an error row (never a crash)."""

from __future__ import annotations

import json

import pytest

from assistant.bulk import MAX_CLAIM_CHARS, read_claims
from assistant.errors import LoadError


def _by_id(rows):
    return {r.id: r for r in rows}


def test_txt_skips_blank_lines_and_numbers_claims_by_line(tmp_path):
    path = tmp_path / "c.txt"
    path.write_bytes("\ufeffQuill passed 500 million.\n\n   \nSkerry-4 was released  in June.\r\n".encode())
    rows = read_claims(path)
    assert [(r.id, r.claim, r.error) for r in rows] == [
        ("1", "Quill passed 500 million.", None),
        ("4", "Skerry-4 was released in June.", None),
    ]


def test_txt_undecodable_bytes_flag_only_their_line(tmp_path):
    path = tmp_path / "c.txt"
    path.write_bytes(b"A good claim.\nBad \xff\xfe bytes here.\nAnother good claim.\n")
    rows = _by_id(read_claims(path))
    assert rows["1"].error is None and rows["3"].error is None
    assert "UTF-8" in rows["2"].error
    assert rows["2"].claim == "Bad \ufffd\ufffd bytes here."


def test_csv_ids_carried_columns_and_bad_rows(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(
        "ID,Claim,desk,label\n"
        'x1,"Quill passed 500 million, said Lumora.",tech,SUPPORTED\n'
        ",No id given here.,tech,\n"
        'x3,"A claim that spans\ntwo lines.",politics,REFUTED\n'
        "x4,,tech,\n"
        "x5\n"
        f"x6,{'long ' * 500},tech,\n",
        encoding="utf-8",
    )
    rows = _by_id(read_claims(path))
    assert rows["x1"].claim == "Quill passed 500 million, said Lumora." and rows["x1"].error is None
    assert rows["x1"].extra == {"desk": "tech", "label": "SUPPORTED"}
    assert rows["3"].claim == "No id given here."  # no id: the line number
    assert rows["x3"].claim == "A claim that spans two lines." and rows["x3"].line == 4
    assert rows["x4"].error == "empty claim"
    assert "missing 'claim' column" in rows["x5"].error
    assert rows["x6"].error.startswith(f"claim longer than {MAX_CLAIM_CHARS}")
    assert len(rows["x6"].claim) == MAX_CLAIM_CHARS + 1  # truncated, with an ellipsis


def test_csv_without_a_claim_column_is_refused_with_its_columns(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("id,text\n1,hello\n")
    with pytest.raises(LoadError, match=r"no 'claim' column.*id, text"):
        read_claims(path)


def test_jsonl_every_bad_line_kind(tmp_path):
    path = tmp_path / "c.jsonl"
    lines = [
        json.dumps({"id": "A-1", "claim": "Quill passed 500 million.", "label": "SUPPORTED", "tags": ["n"]}),
        '{"id": "A-2", "claim": "cut off',
        "[1, 2]",
        json.dumps({"id": "A-4"}),
        json.dumps({"id": 5, "claim": 42}),
        json.dumps({"claim": "No id: line number."}),
        json.dumps({"id": "A-1", "claim": "Same id again."}),
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    rows = read_claims(path)
    by_id = _by_id(rows)
    assert len(rows) == 7
    assert by_id["A-1"].error is None and by_id["A-1"].extra == {"label": "SUPPORTED", "tags": ["n"]}
    assert by_id["2"].error.startswith("malformed JSON")
    assert by_id["3"].error == "not a JSON object"
    assert by_id["A-4"].error == "missing 'claim' field"
    assert by_id["5"].error == "'claim' is not a string"
    assert by_id["6"].claim == "No id: line number." and by_id["6"].error is None
    assert by_id["A-1@7"].error == "duplicate id 'A-1' (first on line 1)"
    assert len({r.id for r in rows}) == len(rows)


def test_unknown_extension_is_a_clear_error(tmp_path):
    path = tmp_path / "claims.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(LoadError, match=r"use \.txt, \.csv or \.jsonl"):
        read_claims(path)
