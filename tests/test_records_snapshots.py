"""Statistics exports over time and scope (assistant/verify/records.py, record_checks.py, tables.py): the snapshot
a claim's date selects, sums over an organisation's families, multiples and fractions, ranks over rows, and what
an export that lists only some organisations cannot say about a whole hub.

Our own fictional hub "ModelYard": Lumora Labs (families Quill and Lark), Orrin Works (Kestrel), Castellan
(Brant); two model exports (31 March and 30 June 2025) and a family summary of 30 June that says it lists only
these three organisations. Read through the real loaders, without a store or a model.
"""

from __future__ import annotations

import json

import pytest

from assistant.verify.quantities import word_figures
from assistant.verify.record_checks import check_records
from assistant.verify.records import concept, records
from assistant.verify.table_claims import parse_comparison
from assistant.verify.tables import compare_rows, sum_rows
from tests.conftest import export_evidence, split_export

HEAD = (
    "model_id,family,org,downloads_30d_k,downloads_all_time_millions,likes,"
    "finetunes,quantizations,adapters,merges,snapshot_date\n"
)
JUNE_CSV = HEAD + (
    "lumora/quill-2-8b,Quill,lumora,3000,150.00,900,2000,3000,1000,200,2025-06-30\n"
    "lumora/quill-3-8b,Quill,lumora,9000,240.00,2000,5000,6000,2500,500,2025-06-30\n"
    "lumora/quill-3-70b,Quill,lumora,4000,110.00,1500,3000,2500,1200,300,2025-06-30\n"
    "lumora/lark-1-3b,Lark,lumora,1000,60.00,300,500,700,200,50,2025-06-30\n"
    "orrin/kestrel-2-7b,Kestrel,orrin,6000,200.00,1200,4000,4500,1500,400,2025-06-30\n"
    "orrin/kestrel-2-13b,Kestrel,orrin,3500,90.00,800,2000,2500,800,100,2025-06-30\n"
    "castellan/brant-1-6b,Brant,castellan,800,30.00,200,300,400,100,20,2025-06-30\n"
    "castellan/brant-1-20b,Brant,castellan,500,18.20,150,200,300,60,10,2025-06-30\n"
)
MARCH_CSV = HEAD + (
    "lumora/quill-2-8b,Quill,lumora,3500,130.00,800,1800,2700,900,150,2025-03-31\n"
    "lumora/quill-3-8b,Quill,lumora,7000,200.00,1700,4200,5000,2000,380,2025-03-31\n"
    "lumora/quill-3-70b,Quill,lumora,3000,90.00,1200,2500,2100,1000,220,2025-03-31\n"
    "lumora/lark-1-3b,Lark,lumora,900,52.00,250,400,600,150,40,2025-03-31\n"
    "orrin/kestrel-2-7b,Kestrel,orrin,5500,205.00,1000,3600,4000,1300,350,2025-03-31\n"
    "orrin/kestrel-2-13b,Kestrel,orrin,3000,80.00,700,1800,2200,700,90,2025-03-31\n"
    "castellan/brant-1-6b,Brant,castellan,700,26.00,180,250,350,80,15,2025-03-31\n"
    "castellan/brant-1-20b,Brant,castellan,450,15.00,120,150,250,50,8,2025-03-31\n"
)


def _written(path, text: str, date: str):
    """``split_export`` of one export written to ``path`` and dated ``date``."""
    path.write_text(text)
    return split_export(export_evidence(path, date))


def _family(name, org, all_time, last_30d, share, finetunes, quants, adapters, merges):
    return {
        "family": name,
        "org": org,
        "downloads_all_time_millions": all_time,
        "downloads_30d_millions": last_30d,
        "share_of_hub_downloads_30d_pct": share,
        "derivatives": {
            "finetunes": finetunes,
            "quantizations": quants,
            "adapters": adapters,
            "merges": merges,
            "total": finetunes + quants + adapters + merges,
        },
    }


FAMILY_JSON = {
    "hub": "ModelYard",
    "snapshot_date": "2025-06-30",
    "scope": "families published by the organisations lumora, orrin and castellan; other organisations are not listed",
    "families": [
        _family("Quill", "lumora", 500.0, 16.0, 36.2, 10000, 11500, 4700, 1000),
        _family("Lark", "lumora", 60.0, 1.0, 2.3, 500, 700, 200, 50),
        _family("Kestrel", "orrin", 290.0, 9.5, 21.6, 6000, 7000, 2300, 500),
        _family("Brant", "castellan", 48.2, 1.3, 3.0, 500, 700, 160, 30),
    ],
}


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("snapshots")
    files = {
        "modelyard_model-stats_2025-03-31.csv": (MARCH_CSV, "2025-03-31"),
        "modelyard_model-stats_2025-06-30.csv": (JUNE_CSV, "2025-06-30"),
        "modelyard_family-summary_2025-06-30.json": (json.dumps(FAMILY_JSON, indent=2), "2025-06-30"),
    }
    evidence = []
    for name, (text, date) in files.items():
        (tmp / name).write_text(text)
        evidence += export_evidence(tmp / name, date)
    return split_export(evidence)


def check(exports, claim):
    rows, headers = exports
    found = (
        compare_rows(claim, rows, headers=headers)
        or sum_rows(claim, rows)
        or check_records(claim, records(rows), headers)
    )
    return None if found is None else found[0]


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # all-time downloads: Kestrel-2-7B 205.00 against Quill-3-8B 200.00 in March, 200.00 against 240.00 in June
        (
            "Quill-3-8B overtook Kestrel-2-7B in all-time downloads between the end of March and the end of June 2025.",
            "supports",
        ),
        ("Kestrel-2-7B overtook Quill-3-8B in all-time downloads between March and June 2025.", "refutes"),
        # ahead at both snapshots (Quill's rows 420 and 500 against Kestrel's 285 and 290): it may have fallen
        # behind and overtaken again in between, the snapshots cannot say
        (
            "Quill overtook Kestrel in all-time downloads between the end of March and the end of June 2025.",
            None,
        ),
        # no dates: ahead in the newest export and behind in an older one; behind in the newest refutes
        ("Quill-3-8B has overtaken Kestrel-2-7B in all-time downloads.", "supports"),
        ("Kestrel-2-7B has overtaken Quill-3-8B in all-time downloads.", "refutes"),
        ("Quill has overtaken Kestrel in all-time downloads.", None),
    ],
)
def test_overtaking_between_two_snapshots(exports, claim, stance):
    assert check(exports, claim) == stance


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # two counts of one name: Kestrel's 7,000 quantizations against 6,000 fine-tunes, 2,300 adapters, 500 merges
        ("Among the derivatives of the Kestrel models, quantizations outnumber fine-tunes.", "supports"),
        ("Among derivatives of the Kestrel models, merges outnumber adapters.", "refutes"),
        ("Kestrel's adapters outnumber its merges.", "supports"),
        ("Brant has more merges than adapters.", "refutes"),
        # a word that describes the family ("chat") is no part of its name
        ("Among derivatives of the Kestrel chat models, quantizations outnumber fine-tunes.", "supports"),
    ],
)
def test_two_counts_of_one_name(exports, claim, stance):
    assert check(exports, claim) == stance


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # June rows: Quill-3-8B's 240 of the Quill rows' 500 million is 48 percent
        (
            "Quill-3-8B made up less than half of the Quill family's all-time downloads at the end of June 2025.",
            "supports",
        ),
        (
            "Quill-3-8B made up more than half of the Quill family's all-time downloads at the end of June 2025.",
            "refutes",
        ),
        (
            "Quill-3-8B represented about a half of Quill's all-time downloads at the end of June 2025.",
            "supports",
        ),
    ],
)
def test_a_part_that_makes_up_a_share_of_its_group(exports, claim, stance):
    assert check(exports, claim) == stance


def test_first_among_the_listed_families_is_not_first_on_a_partial_export(exports):
    # Quill leads every family the summary lists, but it says other organisations are not listed
    assert check(exports, "Quill has more derivative models than any other family.") is None
    assert check(exports, "Brant has more derivative models than any other family.") == "refutes"


# --- the snapshot a claim's date selects; derivatives as the sum of their kinds ---------------------------


def test_derivatives_are_the_sum_of_their_kinds_in_the_snapshot_the_claim_dates(exports):
    # March: 5,550 + 11,580 + 5,820 = 22,950 over the Quill rows (fine-tunes, quantizations, adapters, merges);
    # "merges included" says what the count takes in, not that it counts merges
    claim = "At the end of March 2025, Quill's derivative models, merges included, numbered more than 22,000."
    assert check(exports, claim) == "supports"
    assert check(exports, claim.replace("22,000", "25,000")) == "refutes"
    assert concept("derivative models, merges included") == "derivative"
    assert concept("derivative models including adapters") == "derivative"


def test_than_any_model_of_a_family_at_the_date_named(exports):
    # 31 March: Kestrel-2-7B (205.00) is ahead of Quill-3-8B (200.00); 30 June: Quill-3-8B leads (240 vs 200)
    march = "At the end of March 2025, Quill-3-8B had more all-time downloads than any Kestrel model."
    assert check(exports, march) == "refutes"
    assert check(exports, march.replace("March", "June")) == "supports"
    assert parse_comparison(march).each


# --- sums over an organisation's families ----------------------------------------------------------------


def test_an_organisations_models_taken_together(exports):
    # Lumora: Quill 500 M + Lark 60 M = 560 M
    claim = (
        "Taken together, Lumora's models had more than a billion all-time downloads at the end of June 2025."
    )
    assert check(exports, claim) == "refutes"
    assert check(exports, claim.replace("a billion", "half a billion")) == "supports"


def test_one_family_against_two_organisations_put_together(exports):
    # Quill 27,200 derivatives; Orrin's Kestrel 15,800 + Castellan's Brant 1,390 = 17,190
    claim = (
        "At the end of June 2025, the Quill family had more derivative models than all of Orrin's and "
        "Castellan's models put together."
    )
    assert check(exports, claim) == "supports"
    other = claim.replace("the Quill family", "the Kestrel family").replace("Orrin's", "Lumora's")
    assert check(exports, other) == "refutes"
    # without "together" or "combined", "more than A and B" may mean more than each of them: not added up
    each = "At the end of June 2025, the Kestrel family had more derivative models than Lark and Brant."
    assert check(exports, each) is None


# --- multiples and fractions -----------------------------------------------------------------------------


def test_a_multiple_of_another_groups_figure(exports):
    # Quill-3-8B 240 M against the Brant family's 30.00 + 18.20 = 48.2 M: 4.98 times, just under five
    claim = "At the end of June 2025, Quill-3-8B had more than five times as many all-time downloads as the whole Brant family."
    assert check(exports, claim) == "refutes"
    assert check(exports, claim.replace("five", "four")) == "supports"
    assert check(exports, claim.replace("more than five times", "roughly five times")) == "supports"
    assert (
        check(exports, claim.replace("more than five times", "twice").replace("Brant", "Kestrel"))
        == "refutes"
    )
    # "five" is a multiple, not a count of downloads: no threshold of 5 on Quill-3-8B
    rows, headers = exports
    assert check_records(claim, records(rows), headers) is None


def test_fractions_of_the_hub_are_read_from_a_share_field(exports):
    # share_of_hub_downloads_30d_pct: Quill 36.2, Kestrel 21.6, Brant 3.0
    tail = " of all downloads on ModelYard in the 30 days to 30 June 2025."
    assert check(exports, "Quill took more than a third" + tail) == "supports"
    assert check(exports, "Orrin's Kestrel models took roughly a fifth" + tail) == "supports"
    assert check(exports, "Brant took roughly a fifth" + tail) == "refutes"
    assert check(exports, "Kestrel took more than two thirds" + tail) == "refutes"
    # a share of what a name owns is no share of the hub
    assert (
        check(exports, "Quill took more than a third of Lumora's downloads in the 30 days to 30 June 2025.")
        is None
    )


def test_word_figures():
    (billion,) = word_figures("more than a billion downloads")
    assert (billion.value, billion.kind, billion.comparator) == (1e9, "count", "gt")
    (fifth,) = word_figures("roughly a fifth of the downloads")
    lo, hi, _, _ = fifth.interval(as_claim=True)
    assert fifth.kind == "percent" and lo == pytest.approx(18.0) and hi == pytest.approx(22.0)
    assert word_figures("a fifth")[0].comparator == "approx"  # a fraction word is always rounded
    assert word_figures("one million and five") == []


# --- one name at two snapshots ---------------------------------------------------------------------------


def test_a_thirty_day_count_at_two_snapshots(exports):
    # Quill: 13,500 k (31 March, summed rows) against 16.0 million (30 June, the family's own record)
    claim = (
        "Quill's downloads over the previous 30 days were higher at the end of June 2025 than at the end of "
        "March 2025."
    )
    assert check(exports, claim) == "supports"
    assert check(exports, claim.replace("higher", "lower")) == "refutes"


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # all-time, summed rows: Kestrel 285 behind Quill 420 (gap 135) on 31 March, 290 behind 500 (gap 210) on
        # 30 June: the deficit widened by 55.6%
        (
            "Kestrel fell further behind Quill between the end of March and the end of June 2025, its all-time "
            "download deficit widening by more than half.",
            "supports",
        ),
        (
            "Kestrel fell further behind Quill between the end of March and the end of June 2025, its all-time "
            "download deficit widening by more than two thirds.",
            "refutes",
        ),
        (
            "Kestrel gained ground on Quill between the end of March and the end of June 2025, cutting its "
            "all-time download deficit by more than half.",
            "refutes",
        ),
        # Quill leads: it has no deficit to cut
        (
            "Quill cut its all-time download deficit to Kestrel by more than half between the end of March and "
            "the end of June 2025.",
            None,
        ),
    ],
)
def test_a_gap_between_two_names_at_two_snapshots(exports, claim, stance):
    assert check(exports, claim) == stance


# --- ranks over rows, and scope ---------------------------------------------------------------------------


def test_rank_by_a_metric_over_the_exports_rows(exports):
    # all-time, 30 June: quill-3-8b 240, kestrel-2-7b 200, quill-2-8b 150, quill-3-70b 110 (quill-3-70b is
    # third by 30-day downloads, which the claim does not use)
    tail = " ranks third by all-time downloads in ModelYard's latest statistics export."
    assert check(exports, "Quill-3-70B" + tail) == "refutes"
    assert check(exports, "Quill-2-8B" + tail) == "supports"


def test_a_hub_wide_superlative_needs_an_export_of_the_whole_hub(exports):
    # first among the rows listed is not first on the whole hub; behind a listed row is behind it anywhere
    assert check(exports, "Quill-3-8B is the most downloaded model on the whole of ModelYard.") is None
    assert (
        check(exports, "Kestrel-2-13B is the most downloaded model on the whole of ModelYard.") == "refutes"
    )
    # the family summary says other organisations are not listed
    assert check(exports, "Quill is the family with the most all-time downloads on ModelYard.") is None
    assert check(exports, "Brant is the family with the most all-time downloads on ModelYard.") == "refutes"


def test_partial_scope():
    from assistant.verify.record_ranks import partial_scope

    assert partial_scope("Quill is the most downloaded model on the whole of ModelYard.", "")
    assert partial_scope(
        "Quill is the most downloaded model on ModelYard.", "scope: other publishers are not listed"
    )
    assert partial_scope(
        "Quill is the most downloaded model.", "scope: covers only the families of three labs"
    )
    assert not partial_scope(
        "Quill is the most downloaded model on ModelYard.", "notes: only public repos counted"
    )


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # "N models are derivatives of X" counts X's derivatives (Kestrel: 6,000 + 7,000 + 2,300 + 500 = 15,800),
        # not the models summed
        ("More than 15,000 models on ModelYard are derivatives of Kestrel.", "supports"),
        ("More than 16,000 models on ModelYard are derivatives of Kestrel.", "refutes"),
        ("More than 12,000 models are fine-tunes of Quill.", "refutes"),
        # "built on X" names the base whose derivatives are counted, not a platform like "on ModelYard"
        ("Fewer than 12,000 derivative models are built on Kestrel.", "refutes"),
        ("More than 15,000 derivative models are built on Kestrel on ModelYard.", "supports"),
        # a week's figure is not the 30 days' a row counts, though "a third of a million" is now a count
        ("Quill-3-8B's first-week downloads came to about a third of a million.", None),
    ],
)
def test_models_that_are_derivatives_count_derivatives(exports, claim, stance):
    assert check(exports, claim) == stance


ORGS_JSON = {
    "export": "ModelYard organisation summary",
    "snapshot_date": "2025-06-30",
    "organisations": [
        {
            "organisation": "Lumora Labs",
            "families": [
                {"family": "Quill", "downloads_all_time_millions": 410.0, "derivatives": {"total": 40100}},
                {"family": "Lark", "downloads_all_time_millions": 90.0, "derivatives": {"total": 6000}},
            ],
            "organisation_downloads_all_time_millions": 500.0,
        },
        {
            "organisation": "Orrin Works",
            "families": [
                {"family": "Kestrel", "downloads_all_time_millions": 450.0, "derivatives": {"total": 45000}},
            ],
            "organisation_downloads_all_time_millions": 450.0,
        },
    ],
}
# the kinds of derivative under short column names: "deriv_quant" counts quantizations
SHORT_CSV = "model,family,publisher,deriv_finetune,deriv_quant,deriv_adapter,deriv_merge,snapshot\n" + (
    "lumora/quill-3-8b,Quill,Lumora Labs,9000,12000,4000,500,2025-06-30\n"
    "lumora/lark-1-3b,Lark,Lumora Labs,1000,1500,400,50,2025-06-30\n"
    "orrin/kestrel-2-7b,Kestrel,Orrin Works,12000,16000,6000,900,2025-06-30\n"
)


@pytest.mark.parametrize(
    ("name", "text", "claim", "stance"),
    [
        # "every Lumora model put together": the rows of Lumora Labs (40,100 + 6,000), not the organisation's
        # own record, read as a member of "Lumora" by its name's prefix
        (
            "orgs.json",
            json.dumps(ORGS_JSON),
            "Kestrel now has fewer derivative models than every Lumora model put together.",
            "supports",
        ),
        (
            "orgs.json",
            json.dumps(ORGS_JSON),
            "Kestrel now has more derivative models than every Lumora model put together.",
            "refutes",
        ),
        # 9,000 + 12,000 + 4,000 + 500 = 25,500 for Quill-3-8B against 34,900 for Kestrel-2-7B
        ("short.csv", SHORT_CSV, "Quill-3-8B has more derivative models than Kestrel-2-7B.", "refutes"),
        ("short.csv", SHORT_CSV, "Kestrel-2-7B has more than 30,000 derivative models.", "supports"),
    ],
)
def test_an_organisation_s_models_and_short_derivative_columns(tmp_path, name, text, claim, stance):
    rows, _ = _written(tmp_path / f"modelyard_{name}", text, "2025-06-30")
    assert check((rows, {}), claim) == stance


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # Quill: its March rows (130 + 200 + 90 = 420 million) then its June family record (500 million), +19 %
        (
            "Quill's all-time downloads grew by about 19 percent between the end of March and the end of June 2025.",
            "supports",
        ),
        (
            "Quill's all-time downloads more than doubled between the end of March and the end of June 2025.",
            "refutes",
        ),
        # derivatives: 22,950 in March's rows, 27,200 in June's record: a change by a count
        (
            "The number of Quill derivatives grew by more than 4,000 between the end of March and the end of June 2025.",
            "supports",
        ),
        (
            "The number of Quill derivatives grew by more than 5,000 between the end of March and the end of June 2025.",
            "refutes",
        ),
        # two snapshots named by their months alone: Kestrel-2-13B 80 then 90 million, +12.5 %
        (
            "Kestrel-2-13B's all-time downloads grew by more than 10 percent between the March and June snapshots.",
            "supports",
        ),
        (
            "Kestrel-2-13B's all-time downloads grew by more than 15 percent between the March and June snapshots.",
            "refutes",
        ),
    ],
)
def test_growth_by_a_multiple_a_count_and_between_two_named_snapshots(exports, claim, stance):
    assert check(exports, claim) == stance


OVERTAKE_CSV = "month,model,family,org,dl_cumulative_k\n" + (
    "2025-05,lumora/quill-3-8b,Quill,Lumora Labs,236000\n"
    "2025-05,orrin/kestrel-2-7b,Kestrel,Orrin Works,244000\n"
    "2025-06,lumora/quill-3-8b,Quill,Lumora Labs,251000\n"
    "2025-06,orrin/kestrel-2-7b,Kestrel,Orrin Works,250100\n"
)


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # July's monthly figures: Quill-3-8B 9.0 million, Kestrel-2-7B 5.3; all time they are level (0)
        ("Only Quill-3-8B was downloaded more often than Kestrel-2-7B in July 2025.", "supports"),
        ("Only Kestrel-2-7B was downloaded more often than Quill-3-8B in July 2025.", "refutes"),
    ],
)
def test_only_one_ahead_by_the_month_s_figure(series, claim, stance):
    assert check(series, claim) == stance


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # "in June": behind at the end of May (236 against 244 million), ahead at the end of June (251 against 250.1)
        ("Quill overtook Kestrel in all-time downloads in June 2025.", "supports"),
        ("Kestrel overtook Quill in all-time downloads in June 2025.", "refutes"),
        # no export at the end of April: May is not settled
        ("Quill overtook Kestrel in all-time downloads in May 2025.", None),
    ],
)
def test_overtaking_within_a_named_month(tmp_path, claim, stance):
    assert (
        check(
            (_written(tmp_path / "modelyard_monthly_2025-06-30.csv", OVERTAKE_CSV, "2025-06-30")[0], {}),
            claim,
        )
        == stance
    )


SERIES_CSV = "month,model,family,org,dl_month_k,dl_cumulative_k\n" + "".join(
    f"2025-{m:02d},lumora/quill-3-8b,Quill,Lumora Labs,{q},0\n2025-{m:02d},orrin/kestrel-2-7b,Kestrel,Orrin Works,{k},0\n"
    for m, q, k in ((4, 9600, 5000), (5, 9400, 5100), (6, 9200, 5000), (7, 9000, 5300))
)


@pytest.fixture(scope="module")
def series(tmp_path_factory):
    """Four months of monthly figures for two models, as ``check`` takes them (rows only)."""
    path = tmp_path_factory.mktemp("series") / "modelyard_monthly_2025-07-31.csv"
    return _written(path, SERIES_CSV, "2025-07-31")[0], {}


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # a level held over a span: each month's figure, not the newest month's alone (Kestrel-2-7B: 5.0, 5.1,
        # 5.0, then 5.3 million in July)
        (
            "Kestrel-2-7B's monthly downloads stayed flat from April to June 2025, at roughly 5.0 million.",
            "supports",
        ),
        (
            "Kestrel-2-7B's monthly downloads stayed flat from April to July 2025, at roughly 5.0 million.",
            "refutes",
        ),
        ("Quill-3-8B's monthly downloads remained above 8.5 million from April to July 2025.", "supports"),
        ("Quill-3-8B's monthly downloads remained above 9.3 million from April to July 2025.", "refutes"),
        # July's 9.0 million is under 9.5 million, April's 9.6 million is not
        ("Quill-3-8B's monthly downloads remained under 9.5 million from April to July 2025.", "refutes"),
    ],
)
def test_a_level_held_in_every_month_of_a_span(series, claim, stance):
    assert check(series, claim) == stance


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # Quill-3-8B: 9.6, 9.4, 9.2, 9.0 million a month; Kestrel-2-7B: 5.0, 5.1, 5.0, 5.3
        ("Quill-3-8B's monthly downloads slipped every month from April to July 2025.", "supports"),
        ("Kestrel-2-7B's monthly downloads rose every month from April to July 2025.", "refutes"),
        ("Quill-3-8B's monthly downloads rose every month from April to July 2025.", "refutes"),
        # no export for March: the span is not settled
        ("Quill-3-8B's monthly downloads slipped every month from March to July 2025.", None),
    ],
)
def test_a_change_in_every_month_of_a_span(series, claim, stance):
    assert check(series, claim) == stance


# An export in long form: one row per model per month, downloads in thousands, the month its only date.
LONG_CSV = "model_id,family,org,month,downloads_month_k,downloads_cumulative_k\n" + (
    "lumora/quill-3-8b,Quill,lumora,2025-05,9000,231000\n"
    "lumora/quill-3-8b,Quill,lumora,2025-06,9000,240000\n"
    "orrin/kestrel-2-7b,Kestrel,orrin,2025-05,6000,244000\n"
    "orrin/kestrel-2-7b,Kestrel,orrin,2025-06,6000,250000\n"
)


@pytest.fixture(scope="module")
def long_export(tmp_path_factory):
    return _written(
        tmp_path_factory.mktemp("long") / "modelyard_model-stats-monthly_2025-06-30.csv",
        LONG_CSV,
        "2025-06-30",
    )


def test_a_long_export_has_one_snapshot_per_month(long_export):
    rows, _ = long_export
    assert sorted({r.date for r in records(rows)}) == ["2025-05-31", "2025-06-30"]


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # the newest month decides the present tense; May's 231 million is no refutation of "passed 235 million"
        ("Quill-3-8B has passed 235 million downloads.", "supports"),
        ("Quill-3-8B had passed 235 million downloads by the end of May 2025.", "refutes"),
        # one model's months are no sum: the two rows together (471 million) are not its downloads
        ("Quill-3-8B has more than 400 million downloads.", "refutes"),
    ],
)
def test_claims_on_a_long_export(long_export, claim, stance):
    assert check(long_export, claim) == stance


# A long export that also repeats the day it was taken in every row: each row still counts up to the end of
# its own month ("period"), not to the snapshot day.
PERIOD_CSV = "period,model,family,publisher,dl_month_k,dl_cumulative_k,snapshot\n" + (
    "2025-05,lumora/quill-3-8b,Quill,Lumora Labs,9000,231000,2025-06-30\n"
    "2025-05,lumora/quill-3-70b,Quill,Lumora Labs,4000,60000,2025-06-30\n"
    "2025-05,orrin/kestrel-2-7b,Kestrel,Orrin Works,6000,244000,2025-06-30\n"
    "2025-06,lumora/quill-3-8b,Quill,Lumora Labs,9500,240500,2025-06-30\n"
    "2025-06,lumora/quill-3-70b,Quill,Lumora Labs,4500,64500,2025-06-30\n"
    "2025-06,orrin/kestrel-2-7b,Kestrel,Orrin Works,6100,250100,2025-06-30\n"
)


@pytest.fixture(scope="module")
def period_export(tmp_path_factory):
    return _written(
        tmp_path_factory.mktemp("period") / "modelyard_monthly_2025-06-30.csv", PERIOD_CSV, "2025-06-30"
    )


def test_a_row_s_month_dates_it_before_the_snapshot_column(period_export):
    rows, _ = period_export
    assert sorted({r.date for r in records(rows)}) == ["2025-05-31", "2025-06-30"]


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # June's rows alone: 240.5 + 64.5 = 305 million, not the 596 million of both months' rows added up
        ("The Quill models together have been downloaded more than 300 million times.", "supports"),
        ("The Quill models together have been downloaded more than 400 million times.", "refutes"),
        # a month's monthly figure is that month's row: 9.5 + 4.5 = 14 million in June
        ("Quill's monthly downloads came to roughly 14 million in June 2025.", "supports"),
        # ranks by all-time downloads in the newest month: Kestrel-2-7B 250.1, Quill-3-8B 240.5
        ("Quill-3-8B is the most downloaded model in the export.", "refutes"),
        # "only A ... more often than B" in June's monthly figures: Quill-3-8B 9.5 million, Kestrel-2-7B 6.1 and
        # Quill-3-70B 4.5; Kestrel is ahead of Quill-3-70B too, though behind Quill-3-8B
        ("Only Quill-3-8B was downloaded more often than Kestrel-2-7B in June 2025.", "supports"),
        ("Only Quill-3-8B was downloaded more often than Quill-3-70B in June 2025.", "refutes"),
        # "a quarter of a billion" is 250 million, not 25 %: May's 244 million is under it
        (
            "By the end of May 2025, Kestrel-2-7B had been downloaded more than a quarter of a billion times.",
            "refutes",
        ),
        (
            "By the end of June 2025, Kestrel-2-7B had been downloaded more than a quarter of a billion times.",
            "supports",
        ),
    ],
)
def test_claims_on_a_long_export_with_a_snapshot_column(period_export, claim, stance):
    assert check(period_export, claim) == stance


TOP_CSV = "model_id,family,org,downloads_all_time_k,snapshot_date\n" + (
    "castellan/brant-2-9b,Brant,Castellan Audio,265950,2025-06-30\n"
    "castellan/brant-1-4b,Brant,Castellan Audio,215300,2025-06-30\n"
    "lumora/quill-3-base,Quill,Lumora Labs,146505,2025-06-30\n"
    "lumora/quill-2-large,Quill,Lumora Labs,140215,2025-06-30\n"
    "lumora/lark-2,Lark,Lumora Labs,95440,2025-06-30\n"
)


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # within an organisation named by its first word: Quill-3-Base leads Lumora Labs' rows, not the export's
        ("In the June export, Quill-3-Base is the most downloaded of Lumora's models.", "supports"),
        ("In the June export, Quill-2-Large is the most downloaded of Lumora's models.", "refutes"),
        ("In the June export, Quill-3-Base is the most downloaded model.", "refutes"),
        # the first places of a ranking and whose they are; "two" there is a place, not a count of downloads
        ("The two most downloaded models in the June export both belong to the Brant family.", "supports"),
        ("The three most downloaded models in the June export all belong to the Brant family.", "refutes"),
        ("The two most downloaded models in the June export both belong to Lumora.", "refutes"),
    ],
)
def test_ranks_within_an_owner_and_the_top_places(tmp_path, claim, stance):
    assert (
        check(
            (_written(tmp_path / "modelyard_model-stats_2025-06-30.csv", TOP_CSV, "2025-06-30")[0], {}),
            claim,
        )
        == stance
    )


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # one name's growth between two snapshots: Quill-3-8B 200.00 then 240.00 million all-time downloads, +20%
        (
            "Quill-3-8B's all-time downloads grew by more than 15 percent between the end of March and the end of June 2025.",
            "supports",
        ),
        (
            "Quill-3-8B's all-time downloads grew by more than a quarter between the end of March and the end of June 2025.",
            "refutes",
        ),
        # a lead is one figure less the other at the snapshot the claim dates: 240.00 - 200.00 in June, 205 - 200
        # in March
        (
            "At the end of June 2025, Quill-3-8B's lead over Kestrel-2-7B in all-time downloads was about 40 million.",
            "supports",
        ),
        (
            "At the end of June 2025, Quill-3-8B's lead over Kestrel-2-7B in all-time downloads was about 55 million.",
            "refutes",
        ),
        (
            "At the end of June 2025, Kestrel-2-7B's lead over Quill-3-8B in all-time downloads was about 40 million.",
            "refutes",
        ),
        (
            "At the end of March 2025, Kestrel-2-7B's lead over Quill-3-8B in all-time downloads was about 5 million.",
            "supports",
        ),
    ],
)
def test_growth_of_one_name_and_a_lead_over_another(exports, claim, stance):
    assert check(exports, claim) == stance
