"""Renamed models and families (assistant/verify/renames.py): a claim that still uses the old name."""

from __future__ import annotations

from assistant.verify.renames import previous_names, renamed_in, with_new_names
from tests.conftest import export_evidence, split_export


def test_a_sentence_that_says_a_model_is_now_called_something_else():
    text = (
        "Every repository keeps its history. lumora/Quill-1-Base is now\nlumora/Lark-1-Base, "
        "lumora/Quill-2-Base is now lumora/Lark-2-Base and Quill-2-Chat was renamed to Lark-2-Chat."
    )
    assert renamed_in([text]) == {
        "Quill-1-Base": "Lark-1-Base",
        "Quill-2-Base": "Lark-2-Base",
        "Quill-2-Chat": "Lark-2-Chat",
    }
    # a model that is now something else than a name is no rename
    assert renamed_in(["Quill-2-Base is now the most downloaded model."]) == {}


def test_a_family_records_previous_names(tmp_path):
    import json

    from assistant.verify.records import records

    path = tmp_path / "modelyard_family-summary_2031-10-31.json"
    families = [
        {"family": "Lark", "previous_names": ["Quill"], "downloads_all_time_millions": 210},
        {"family": "Skerry", "downloads_all_time_millions": 90},
    ]
    path.write_text(json.dumps({"snapshot_date": "2031-10-31", "families": families}))
    rows, _ = split_export(export_evidence(path, "2031-10-31"))
    assert previous_names(records(rows)) == {"Quill": "Lark"}


def test_a_claim_with_the_old_name_is_read_with_the_new_one():
    renames = {"Quill": "Lark", "Quill-2-Base": "Lark-2-Base"}
    assert with_new_names("Quill-2-Base has passed 90 million downloads.", renames) == (
        "Lark-2-Base has passed 90 million downloads."
    )
    assert with_new_names("Quill has more downloads than Skerry.", renames) == (
        "Lark has more downloads than Skerry."
    )
    # a model of the old family that no document renames keeps its name
    assert with_new_names("Quill-3-Tiny has 4 million downloads.", {"Quill": "Lark"}) is None


def test_the_newest_export_speaks_for_a_model_under_its_old_name(tmp_path, embeddings):
    # regression: "Quill-2-Base has passed 90 million downloads" was refuted by the older export, the last to
    # list the old name, though the newer one counts the same repository, renamed, above 90 million
    from assistant.checker import Checker
    from assistant.config import Settings
    from assistant.store import Store
    from ingest.pipeline import ingest_paths

    docs = tmp_path / "docs"
    docs.mkdir()
    header = "model_id,family,organization,downloads_all_time,snapshot_date\n"
    (docs / "modelyard_model-stats_2031-05-31.csv").write_text(
        header + "lumora/Quill-2-Base,Quill,Lumora Labs,71000000,2031-05-31\n"
        "orrin/Skerry-7B,Skerry,Orrin Works,52000000,2031-05-31\n"
    )
    (docs / "modelyard_model-stats_2031-10-31.csv").write_text(
        header + "lumora/Lark-2-Base,Lark,Lumora Labs,93400000,2031-10-31\n"
        "orrin/Skerry-7B,Skerry,Orrin Works,60100000,2031-10-31\n"
    )
    (docs / "lumora_pr_2031-07-01_lark-rename.txt").write_text(
        "Lumora Labs renames Quill to Lark\n\n1 July 2031\n\nThe Quill models are called Lark from today. "
        "Each repository keeps its history: lumora/Quill-2-Base is now lumora/Lark-2-Base.\n"
    )
    settings = Settings(home=tmp_path / "home", collection="renames")
    store = Store.from_settings(settings, embeddings)
    ingest_paths([docs], store, max_bytes=10**7)
    checker = Checker.from_settings(settings, store=store)
    verdict = checker.check("Quill-2-Base has passed 90 million downloads.")
    assert (verdict.label, verdict.decided_by.split()[0]) == ("SUPPORTED", "rules:table"), verdict.explanation
    assert "Lark-2-Base" in verdict.citations[0].quote
    # a claim dated at the older snapshot is still judged on it, under the name it had then
    dated = checker.check("Quill-2-Base had more than 70 million downloads at the end of May 2031.")
    assert dated.label == "SUPPORTED" and "Quill-2-Base" in dated.citations[0].quote
