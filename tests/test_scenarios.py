"""Our own evaluation scenarios (bench/scenarios): valid, and every document loads cleanly, with a date."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from ingest.pipeline import build_file_document

SCENARIOS = Path(__file__).resolve().parents[1] / "bench" / "scenarios"
NAMES = sorted(p.name for p in SCENARIOS.iterdir() if (p / "claims.jsonl").exists())


def _checker():
    spec = importlib.util.spec_from_file_location("scenario_check", SCENARIOS / "check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", NAMES)
def test_scenario_is_valid(name):
    assert _checker().problems(SCENARIOS / name) == []


@pytest.mark.parametrize("name", NAMES)
def test_every_scenario_document_loads_with_a_date(name):
    for path in sorted((SCENARIOS / name / "docs").iterdir()):
        doc, passages, warnings = build_file_document(path, max_bytes=10**7, max_chars=800)
        assert doc.date, path.name
        assert passages, path.name
        assert not warnings, (path.name, warnings)


def test_the_checker_reports_a_quote_that_is_not_in_its_file(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("Quill passed 500 million downloads.", encoding="utf-8")
    good = {"id": "X-1", "claim": "c", "label": "SUPPORTED", "tags": [], "rationale": "r"}
    rows = [
        {**good, "evidence": [{"file": "docs/a.txt", "quote": "Quill passed 500 million"}]},
        {**good, "id": "X-2", "evidence": [{"file": "docs/a.txt", "quote": "Quill passed 600 million"}]},
        {
            **good,
            "id": "X-3",
            "label": "NOT_ENOUGH_INFO",
            "evidence": [{"file": "docs/a.txt", "quote": "Quill"}],
        },
    ]
    (tmp_path / "claims.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    found = _checker().problems(tmp_path)
    assert len(found) == 2
    assert found[0].startswith("X-2: quote is not an exact substring")
    assert found[1].startswith("X-3: evidence must be empty")
