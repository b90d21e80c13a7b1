"""Metamorphic checks of statistics exports (ingest/loaders/stats.py, assistant/verify/records.py,
record_checks.py, tables.py): one small invented world, rendered as the exports a hub or an analyst might
publish (column names in several styles, units in headers or cells, thousands separators, the date in a
column, a comment line or only the file name; JSON as a list, an object keyed by name, nested statistics),
must give the same verdicts to the same claims.

The world: organisations Lumora Labs (family Quill), Orrin Works (Kestrel) and Castellan (Brant); seven models;
snapshots of 31 March and 30 June 2025.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from assistant.retrieve.evidence import units
from assistant.schema import Passage
from assistant.verify.record_checks import check_records
from assistant.verify.records import records
from assistant.verify.tables import compare_rows, sum_rows
from ingest.loaders.stats import load_csv, load_json
from tests.conftest import export_evidence, split_export


@dataclass(frozen=True)
class Model:
    repo: str
    family: str
    base: str
    all_time: int
    last_30d: int
    likes: int
    finetunes: int
    quants: int
    adapters: int
    merges: int

    @property
    def derivatives(self) -> int:
        return self.finetunes + self.quants + self.adapters + self.merges


ORGS = {"Quill": "Lumora Labs", "Kestrel": "Orrin Works", "Brant": "Castellan"}
SNAPSHOTS = {
    "2025-03-31": [
        Model("lumora/Quill-2-8B", "Quill", "", 130_000_000, 3_500_000, 800, 1800, 2700, 900, 150),
        Model("lumora/Quill-3-8B", "Quill", "", 200_000_000, 7_000_000, 1700, 4200, 5000, 2000, 380),
        Model("lumora/Quill-3-70B", "Quill", "", 90_000_000, 3_000_000, 1200, 2500, 2100, 1000, 220),
        Model("orrin/Kestrel-2-7B", "Kestrel", "", 205_000_000, 5_500_000, 1000, 3600, 4000, 1300, 350),
        Model("orrin/Kestrel-2-13B", "Kestrel", "", 80_000_000, 3_000_000, 700, 1800, 2200, 700, 90),
        Model("castellan/Brant-1-6B", "Brant", "", 26_000_000, 700_000, 180, 250, 350, 80, 15),
        Model("castellan/Brant-1-20B", "Brant", "Brant-1-6B", 15_000_000, 450_000, 120, 150, 250, 50, 8),
    ],
    "2025-06-30": [
        Model("lumora/Quill-2-8B", "Quill", "", 150_000_000, 3_000_000, 900, 2000, 3000, 1000, 200),
        Model("lumora/Quill-3-8B", "Quill", "", 240_000_000, 9_000_000, 2000, 5000, 6000, 2500, 500),
        Model("lumora/Quill-3-70B", "Quill", "", 110_000_000, 4_000_000, 1500, 3000, 2500, 1200, 300),
        Model("orrin/Kestrel-2-7B", "Kestrel", "", 200_000_000, 6_000_000, 1200, 4000, 4500, 1500, 400),
        Model("orrin/Kestrel-2-13B", "Kestrel", "", 90_000_000, 3_500_000, 800, 2000, 2500, 800, 100),
        Model("castellan/Brant-1-6B", "Brant", "", 30_000_000, 800_000, 200, 300, 400, 100, 20),
        Model("castellan/Brant-1-20B", "Brant", "Brant-1-6B", 18_200_000, 500_000, 150, 200, 300, 60, 10),
    ],
}
# each family's share of all 30-day downloads on the hub, in percent
SHARES = {
    "2025-03-31": {"Quill": 30.1, "Kestrel": 19.4, "Brant": 2.6},
    "2025-06-30": {"Quill": 36.2, "Kestrel": 21.6, "Brant": 3.0},
}


@dataclass(frozen=True)
class Family:
    name: str
    org: str
    models: list[Model]
    share: float

    def total(self, attr: str) -> int:
        return sum(getattr(m, attr) for m in self.models)


def families(day: str) -> list[Family]:
    return [
        Family(f, o, [m for m in SNAPSHOTS[day] if m.family == f], SHARES[day][f]) for f, o in ORGS.items()
    ]


def _short(n: float) -> str:
    """12300000 -> "12.3M", 850000 -> "850k"."""
    for unit, scale in (("B", 1e9), ("M", 1e6), ("k", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f}".rstrip("0").rstrip(".") + unit
    return str(n)


def _csv(header: list[str], rows: list[list[object]]) -> str:
    def cell(v: object) -> str:
        s = str(v)
        return f'"{s}"' if "," in s else s

    return "\n".join(",".join(cell(c) for c in r) for r in [header, *rows]) + "\n"


# --- the formats: (file name, text) for one snapshot -------------------------------------------------------


def csv_snake(day: str) -> tuple[str, str]:
    header = "model_id,org,family,base_model,downloads_30d,all_time_downloads,likes,fine_tunes,quants,adapters,merges,snapshot"
    rows = [
        [
            m.repo,
            ORGS[m.family],
            m.family,
            m.base,
            m.last_30d,
            m.all_time,
            m.likes,
            m.finetunes,
            m.quants,
            m.adapters,
            m.merges,
            day,
        ]
        for m in SNAPSHOTS[day]
    ]
    return f"hub_models_{day}.csv", _csv(header.split(","), rows)


def csv_words(day: str) -> tuple[str, str]:
    header = [
        "Model",
        "Publisher",
        "Series",
        "Base model",
        "Downloads (last 30 days)",
        "Total downloads (M)",
        "Likes",
        "Fine-tuned models",
        "Quantized",
        "LoRA adapters",
        "Merges",
        "As of",
    ]
    rows = [
        [
            m.repo,
            ORGS[m.family],
            m.family,
            m.base,
            f"{m.last_30d:,}",
            f"{m.all_time / 1e6:.1f}",
            f"{m.likes:,}",
            f"{m.finetunes:,}",
            f"{m.quants:,}",
            f"{m.adapters:,}",
            f"{m.merges:,}",
            day,
        ]
        for m in SNAPSHOTS[day]
    ]
    return f"hub-model-report-{day}.csv", _csv(header, rows)


def csv_short_cells(day: str) -> tuple[str, str]:
    """Units in the cells ("12.3M", "850k"), the date only in the file name."""
    header = [
        "repo",
        "author",
        "model_family",
        "Base model",
        "Monthly downloads",
        "downloads_all_time",
        "likes",
        "finetunes",
        "quantizations",
        "adapters",
        "merges",
    ]
    rows = [
        [
            m.repo,
            ORGS[m.family],
            m.family,
            m.base,
            _short(m.last_30d),
            _short(m.all_time),
            m.likes,
            m.finetunes,
            m.quants,
            m.adapters,
            m.merges,
        ]
        for m in SNAPSHOTS[day]
    ]
    return f"modelyard_models_{day}.csv", _csv(header, rows)


def csv_comment(day: str) -> tuple[str, str]:
    """A comment line dates the export; units in the column names (thousands, millions)."""
    header = [
        "model",
        "organisation",
        "family",
        "finetuned_from",
        "dl_30d_k",
        "downloads_all_time_millions",
        "likes",
        "fine-tuned models",
        "quantizations",
        "adapters",
        "merges",
    ]
    rows = [
        [
            m.repo,
            ORGS[m.family],
            m.family,
            m.base,
            f"{m.last_30d / 1e3:.0f}",
            f"{m.all_time / 1e6:.2f}",
            m.likes,
            m.finetunes,
            m.quants,
            m.adapters,
            m.merges,
        ]
        for m in SNAPSHOTS[day]
    ]
    text = f"# ModelYard model statistics, snapshot {day}\n" + _csv(header, rows)
    return f"modelyard_stats_{day[:7]}.csv", text


def csv_history(day: str) -> tuple[str, str]:
    """Every snapshot in one file, a column saying which: the second snapshot's file holds both."""
    header = [
        "model_id",
        "org",
        "family",
        "base_model",
        "downloads_30d",
        "downloads_all_time",
        "likes",
        "finetunes",
        "quantizations",
        "adapters",
        "merges",
        "snapshot_date",
    ]
    days = [d for d in SNAPSHOTS if d <= day]
    rows = [
        [
            m.repo,
            ORGS[m.family],
            m.family,
            m.base,
            m.last_30d,
            m.all_time,
            m.likes,
            m.finetunes,
            m.quants,
            m.adapters,
            m.merges,
            d,
        ]
        for d in days
        for m in SNAPSHOTS[d]
    ]
    return ("model_history.csv", _csv(header, rows)) if len(days) > 1 else ("", "")


def json_family_list(day: str) -> tuple[str, str]:
    """A bare list of family objects; the date only in the file name."""
    data = [
        {
            "series": f.name,
            "publisher": f.org,
            "total_downloads": f.total("all_time"),
            "downloads_30d": f.total("last_30d"),
            "likes": f.total("likes"),
            "fine_tunes": f.total("finetunes"),
            "quantized": f.total("quants"),
            "lora_adapters": f.total("adapters"),
            "merges": f.total("merges"),
            "derivatives": f.total("derivatives"),
            "share_of_hub_downloads_30d_pct": f.share,
        }
        for f in families(day)
    ]
    return f"families_{day}.json", json.dumps(data, indent=2)


def json_keyed(day: str) -> tuple[str, str]:
    """An object keyed by family name; downloads in millions, said once in the metadata."""
    data = {
        "snapshot_date": day,
        "download_unit": "millions",
        "families": {
            f.name: {
                "organization": f.org,
                "downloads_all_time": round(f.total("all_time") / 1e6, 2),
                "downloads_last_30_days": round(f.total("last_30d") / 1e6, 2),
                "likes": f.total("likes"),
                "finetunes": f.total("finetunes"),
                "quantizations": f.total("quants"),
                "adapters": f.total("adapters"),
                "merges": f.total("merges"),
                "share_of_hub_downloads_30d_pct": f.share,
            }
            for f in families(day)
        },
    }
    return f"family_summary_{day}.json", json.dumps(data, indent=2)


def json_nested(day: str) -> tuple[str, str]:
    """Nested statistics, and the family's models nested under it."""

    def stats(all_time: int, last_30d: int, likes: int) -> dict:
        return {"downloads": {"all_time": all_time, "last_30_days": last_30d}, "likes": likes}

    def derivatives(x) -> dict:
        get = (lambda a: x.total(a)) if isinstance(x, Family) else (lambda a: getattr(x, a))
        return {
            "finetunes": get("finetunes"),
            "quantized": get("quants"),
            "adapters": get("adapters"),
            "merges": get("merges"),
        }

    data = {
        "hub": "ModelYard",
        "snapshot_date": day,
        "families": [
            {
                "name": f.name,
                "org": f.org,
                "stats": stats(f.total("all_time"), f.total("last_30d"), f.total("likes")),
                "share_of_hub_downloads_30d_pct": f.share,
                "derivatives": derivatives(f),
                "models": [
                    {
                        "id": m.repo,
                        "base_model": m.base or None,
                        "stats": stats(m.all_time, m.last_30d, m.likes),
                        "derivatives": derivatives(m),
                    }
                    for m in f.models
                ],
            }
            for f in families(day)
        ],
    }
    return f"hub_snapshot_{day}.json", json.dumps(data, indent=2)


# what each format holds: per-model rows, per-family records (with a share of the hub)
FORMATS = {
    "csv_snake": (csv_snake, {"models"}),
    "csv_words": (csv_words, {"models"}),
    "csv_short_cells": (csv_short_cells, {"models"}),
    "csv_comment": (csv_comment, {"models"}),
    "csv_history": (csv_history, {"models"}),
    "json_family_list": (json_family_list, {"families"}),
    "json_keyed": (json_keyed, {"families"}),
    "json_nested": (json_nested, {"families", "models"}),
}

# (claim, verdict, what the format must hold for the verdict; None: any format)
S, R = "supports", "refutes"
CLAIMS = [
    # family totals and thresholds (a family's own record, or the sum of its rows)
    ("The Quill family has more than 450 million all-time downloads.", S, None),
    ("The Quill family has more than 600 million all-time downloads.", R, None),
    ("Quill models were downloaded more than 15 million times in the last 30 days.", S, None),
    ("Quill models were downloaded more than 20 million times in the last 30 days.", R, None),
    ("Brant has about 48 million all-time downloads.", S, None),
    ("Brant has more than 1 billion all-time downloads.", R, None),
    # derivatives: one kind, and every kind added up
    ("Quill has more than 25,000 derivative models.", S, None),
    ("Quill has more than 30,000 derivative models.", R, None),
    ("Quill has more than 10,000 quantized models.", S, None),
    ("Kestrel has more than 5,000 fine-tunes.", S, None),
    ("Kestrel has fewer than 2,000 adapters.", R, None),
    # a named snapshot against the newer one
    ("At the end of March 2025, the Quill family had more than 450 million all-time downloads.", R, None),
    ("At the end of March 2025, the Quill family had more than 400 million all-time downloads.", S, None),
    # groups against groups
    ("Kestrel has more all-time downloads than all of Castellan's models combined.", S, None),
    ("Brant has more all-time downloads than all of Orrin Works' models combined.", R, None),
    ("Quill has more derivative models than Kestrel.", S, None),
    # ranks and models
    ("Kestrel is the second most downloaded family.", S, "families"),
    ("Brant is the second most downloaded family.", R, "families"),
    ("Quill-3-8B has more all-time downloads than any Kestrel model.", S, "models"),
    ("Brant-1-6B has more all-time downloads than any Kestrel model.", R, "models"),
    ("At the end of March 2025, Quill-3-8B had more all-time downloads than any Kestrel model.", R, "models"),
    ("Kestrel-2-7B has been downloaded about 200 million times.", S, "models"),
    ("Kestrel-2-7B has been downloaded about 2 billion times.", R, "models"),
    ("Quill-3-8B was downloaded more than 100 million times in the last 30 days.", R, "models"),
    ("Quill-3-8B is the most downloaded model.", S, "models"),
    ("Kestrel-2-7B is the second most downloaded model.", S, "models"),
    ("Quill-2-8B is the second most downloaded model.", R, "models"),
    ("Brant-1-6B was downloaded about 800 thousand times in the last 30 days.", S, "models"),
    ("Brant-1-20B is built on Brant-1-6B.", S, "models"),
    ("Lumora Labs' models have more than 25,000 derivative models.", S, None),
    # other words for the same figures
    ("Kestrel's 30-day downloads were about 9.5 million.", S, None),
    ("Kestrel's 30-day downloads are about 290 million.", R, None),
    ("Kestrel has more monthly downloads than Brant.", S, None),
    ("In the 30 days to 30 June 2025, Brant was downloaded about 1.3 million times.", S, None),
    ("Quill has more than 9k fine-tunes.", S, None),
    ("Quill has more merges than Kestrel.", S, None),
    ("Brant has more quantized models than Kestrel.", R, None),
    ("Quill's derivatives (fine-tunes, quantizations, adapters and merges) total more than 25,000.", S, None),
    # the kinds a claim names, added up: 8,500 + 9,800 + 3,900 = 22,200 (merges make it 22,950)
    ("At the end of March 2025, Quill had more than 22,000 fine-tunes, quantizations and adapters.", S, None),
    ("At the end of March 2025, Quill had more than 22,500 fine-tunes, quantizations and adapters.", R, None),
    ("The Kestrel models together had more than 280 million all-time downloads.", S, None),
    ("The Kestrel models together had more than 300 million all-time downloads.", R, None),
    ("Kestrel-2-7B has more likes than Quill-2-8B.", S, "models"),
    ("Quill-3-8B has more than twice as many all-time downloads as Quill-3-70B.", S, "models"),
    ("Brant-1-20B has more than 500,000 monthly downloads.", R, "models"),
    # shares of the hub
    ("Kestrel took roughly a fifth of all downloads on ModelYard in the last 30 days.", S, "families"),
    ("Brant took roughly a fifth of all downloads on ModelYard in the last 30 days.", R, "families"),
    ("Quill took more than a third of all downloads on ModelYard in the last 30 days.", S, "families"),
    ("Quill accounts for about 36% of all downloads on ModelYard in the last 30 days.", S, "families"),
]


@pytest.fixture(scope="module", params=sorted(FORMATS))
def export(request, tmp_path_factory):
    from ingest.metadata import resolve_date

    render, holds = FORMATS[request.param]
    tmp = tmp_path_factory.mktemp(request.param)
    evidence = []
    for day in SNAPSHOTS:
        name, text = render(day)
        if not name:  # a format that holds every snapshot in one file
            continue
        path = tmp / name
        path.write_text(text)
        loaded = load_csv(path, 10**6) if path.suffix == ".csv" else load_json(path, 10**6)
        evidence += export_evidence(path, resolve_date(path, loaded.text, loaded.date, loaded.weak_date))
    return (request.param, holds, *split_export(evidence))


def check(rows, headers, claim):
    recs = records(rows)
    found = (
        compare_rows(claim, rows, recs) or sum_rows(claim, rows, recs) or check_records(claim, recs, headers)
    )
    return None if found is None else found[0]


@pytest.mark.parametrize(("claim", "verdict", "needs"), CLAIMS)
def test_every_format_gives_the_same_verdicts(export, claim, verdict, needs):
    name, holds, rows, headers = export
    expected = verdict if needs is None or needs in holds else None
    assert check(rows, headers, claim) == expected, name


# --- through the real pipeline: ingest into a store, Checker.check -----------------------------------------

_LABEL = {"supports": "SUPPORTED", "refutes": "REFUTED", None: "NOT_ENOUGH_INFO"}


@pytest.fixture(scope="module", params=sorted(FORMATS))
def checker(request, tmp_path_factory, embeddings):
    from assistant.checker import Checker
    from assistant.config import Settings
    from assistant.store import Store
    from ingest.pipeline import ingest_paths

    render, holds = FORMATS[request.param]
    docs = tmp_path_factory.mktemp(f"{request.param}-docs")
    for day in SNAPSHOTS:
        name, text = render(day)
        if not name:  # a format that holds every snapshot in one file
            continue
        (docs / name).write_text(text)
    settings = Settings(home=tmp_path_factory.mktemp(f"{request.param}-home"), collection="formats")
    store = Store.from_settings(settings, embeddings)
    ingest_paths([docs], store, max_bytes=10**7)
    return request.param, holds, Checker.from_settings(settings, store=store)


def test_every_format_through_the_pipeline(checker):
    name, holds, check_one = checker
    wrong = []
    for claim, verdict, needs in CLAIMS[::3]:  # every kind of claim; all of them are read above, store-free
        expected = _LABEL[verdict if needs is None or needs in holds else None]
        got = check_one.check(claim)
        if got.label != expected:
            wrong.append(f"{claim} -> {got.label}, not {expected}: {got.explanation}")
    assert not wrong, f"{name}:\n" + "\n".join(wrong)


# --- the pieces --------------------------------------------------------------------------------------------


def test_field_names_read_into_one_vocabulary():
    from assistant.verify.records import canonical_key

    assert canonical_key("Total downloads (M)") == "total_downloads_millions"
    assert canonical_key("Downloads (last 30 days)") == "downloads_last_30d"
    assert canonical_key("Downloads (millions, all time)") == "downloads_all_time_millions"
    assert canonical_key("Downloads [M]") == "downloads_millions"
    assert canonical_key("% of hub downloads") == "pct_of_hub_downloads"
    assert canonical_key("dl_30d_k") == "downloads_30d_k"
    assert canonical_key("stats.downloads.last_30_days") == "stats.downloads.last_30d"
    assert canonical_key("downloads_last_30_days_millions") == "downloads_last_30d_millions"
    assert canonical_key("Fine-tuned models") == canonical_key("fine_tunes") == "finetunes"
    assert canonical_key("Quantized") == canonical_key("quants") == "quantizations"
    assert canonical_key("LoRA adapters") == "adapters"
    assert canonical_key("Series") == canonical_key("model_family") == "family"
    assert canonical_key("organisation") == "organization"
    assert canonical_key("finetuned_from") == canonical_key("Parent model") == "base_model"
    # names it has no other word for stay as they are
    assert canonical_key("downloads_all_time_millions") == "downloads_all_time_millions"
    assert canonical_key("share_of_hub_downloads_30d_pct") == "share_of_hub_downloads_30d_pct"


def test_figures_with_their_unit_in_the_cell():
    from assistant.verify.records import number, precision

    assert number("12.3M") == pytest.approx(12.3e6)
    assert number("850k") == 850e3
    assert number("1.2bn") == pytest.approx(1.2e9)
    assert number("1,234,567") == 1234567
    assert number("36.2%") == pytest.approx(36.2)
    assert number("Quill") is None
    assert precision("12.3M", "downloads") == pytest.approx(50e3)
    assert precision("850k", "downloads") == pytest.approx(500)


def test_a_window_that_ends_now_is_no_undated_past():
    from assistant.verify.record_when import past_undated

    assert past_undated("Quill was downloaded more than 9 million times.")
    assert not past_undated("Quill was downloaded more than 9 million times in the last 30 days.")
    assert not past_undated("Quill is downloaded more than 9 million times a month.")


def _recs(statements: list[str]) -> list:
    passages = [
        Passage(
            id=f"x:{i}",
            doc_id="x",
            index=i,
            text=s,
            char_start=0,
            char_end=len(s),
            source="x.json",
            title="x",
            kind="statistics",
            date="2025-06-30",
            unit="record",
        )
        for i, s in enumerate(statements)
    ]
    return records([e for p in passages for e in units(p, p.text, 0.0)])


def test_an_organisation_with_one_family_is_that_familys_record():
    from assistant.verify.records import enough_members, members

    recs = _recs(
        [
            "family: Brant | org: Castellan | downloads_all_time: 48200000",
            "family: Kestrel | org: Orrin Works | downloads_all_time: 290000000",
            "model: Quill-3-8B | downloads_all_time: 240000000",
        ]
    )
    assert enough_members("Castellan", members("Castellan", recs))
    # one row that only extends the name ("Quill-3" -> "Quill-3-8B") may be one of several models not listed
    assert not enough_members("Quill-3", members("Quill-3", recs))


def test_derivative_kinds_nested_under_derivatives_add_up():
    (rec,) = _recs(
        [
            "family: Quill | derivatives.finetunes: 10 | derivatives.quantized: 20 | derivatives.adapters: 3 | "
            "derivatives.merges: 1"
        ]
    )
    assert rec.fields["derivatives_total"] == "34"
    (given,) = _recs(
        [
            "family: Quill | derivatives.finetunes: 10 | derivatives.quantized: 20 | "
            "derivatives.adapters: 3 | derivatives.merges: 1 | derivatives.total: 40"
        ]
    )
    assert "derivatives_total" not in given.fields  # the export's own total stands


def test_stated_units_scale_downloads_not_shares(tmp_path):
    path = tmp_path / "families.json"
    path.write_text(
        json.dumps(
            {
                "units": {"downloads": "millions"},
                "Quill": {"downloads": 500.0, "share_pct": 36.2, "finetunes": 10000},
                "Kestrel": {"downloads": 290.0, "share_pct": 21.6, "finetunes": 6000},
            }
        )
    )
    statements = [s.statement for s in load_json(path, 10**6).segments if s.unit == "record"]
    assert statements[0] == "name: Quill | downloads_millions: 500.0 | share_pct: 36.2 | finetunes: 10000"


def test_comment_lines_above_a_csv_header(tmp_path):
    path = tmp_path / "stats.csv"
    path.write_text("# Hub statistics\n# snapshot 2025-06-30\nmodel,downloads\nQuill-3-8B,240000000\n")
    loaded = load_csv(path, 10**6)
    assert loaded.date == "2025-06-30"
    assert [s.unit for s in loaded.segments] == ["header", "row"]
    assert loaded.segments[0].statement == "Hub statistics snapshot 2025-06-30"


def test_one_objects_parts_are_no_records_keyed_by_name(tmp_path):
    path = tmp_path / "quill.json"
    path.write_text(
        json.dumps(
            {"downloads": {"all_time": 500, "last_30d": 16}, "derivatives": {"finetunes": 10, "merges": 1}}
        )
    )
    statements = [s.statement for s in load_json(path, 10**6).segments]
    assert statements == [
        "downloads.all_time: 500 | downloads.last_30d: 16",
        "derivatives.finetunes: 10 | derivatives.merges: 1",
    ]


def test_a_unit_for_the_whole_export_is_the_downloads_unit(tmp_path):
    path = tmp_path / "families.json"
    path.write_text(
        json.dumps(
            {
                "unit": "millions",
                "families": [
                    {"family": "Quill", "downloads": 500, "finetunes": 10000, "adapters_m": 0.5},
                    {"family": "Kestrel", "downloads": 290, "finetunes": 6000, "adapters_m": 0.2},
                ],
            }
        )
    )
    records_ = [s.statement for s in load_json(path, 10**6).segments if s.unit == "record"]
    assert (
        records_[0] == "family: Quill | downloads_millions: 500 | finetunes: 10000 | adapters_m_millions: 0.5"
    )


def test_a_date_column_named_in_words(tmp_path):
    path = tmp_path / "stats.csv"
    path.write_text(
        "Model,Downloads,As of\nQuill-3-8B,240000000,2025-06-30\nBrant-1-6B,30000000,2025-06-30\n"
    )
    assert load_csv(path, 10**6).date == "2025-06-30"


def test_what_a_claim_counts_when_it_names_several_kinds_of_derivative():
    from assistant.verify.records import concept

    assert concept("derivatives (fine-tunes, quantizations, adapters and merges)") == "derivative"
    assert concept("more fine-tunes and quantizations than Kestrel") is None
    assert concept("more fine-tunes than Kestrel") == "fine_?tun"


def test_a_period_is_no_name_and_no_figure():
    from assistant.verify.record_coverage import names
    from assistant.verify.record_thresholds import claim_figure

    claim = "Kestrel's 30-day downloads were about 9.5 million."
    assert names(claim) == ["Kestrel"]
    assert claim_figure(claim).value == 9.5e6
