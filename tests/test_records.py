"""The records reasoner over statistics exports (assistant/verify/records.py, record_checks.py, tables.py).

Our own fictional hub "Crateworks": families Pelion (Alder Forge), Tundra (Corvid Labs), Mosswing (Fenlight);
countries Alvania, Brisca, Corland. The pure tests read the exports through the real loaders (so the stored
statement format is the one ingest writes) without a store or a model; the last tests ingest them for real.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.retrieve.evidence import Evidence, units
from assistant.schema import Passage
from assistant.verify.claims import parse_claim
from assistant.verify.findings import Finding
from assistant.verify.record_checks import check_records, newer_disagrees
from assistant.verify.record_when import claim_span, export_period, timing
from assistant.verify.records import members, metric, norm_value, records
from assistant.verify.table_peers import described_as, record_names
from assistant.verify.tables import compare_rows, sum_rows
from tests.conftest import export_evidence, split_export

MODEL_CSV = """\
model_id,organization,family,base_model,license,created_at,downloads_last_30d,downloads_all_time,derivative_finetunes,derivative_quantizations,derivative_total,snapshot_date
alderforge/Pelion-2-9B,Alder Forge,Pelion,,pelion-open-1.0,2024-05-02,900000,30500000,2100,1500,3600,2025-06-30
alderforge/Pelion-3-8B,Alder Forge,Pelion,,apache-2.0,2025-03-11,6000000,52000000,5200,3100,8300,2025-06-30
alderforge/Pelion-3-32B,Alder Forge,Pelion,,apache-2.0,2025-03-11,3500000,21000000,1900,2000,3900,2025-06-30
alderforge/Pelion-3-Coder-7B,Alder Forge,Pelion,,apache-2.0,2025-05-20,1600000,6000000,700,400,1100,2025-06-30
corvid/Tundra-2-7B,Corvid Labs,Tundra,,tundra-license,2024-09-01,4000000,70000000,7000,7000,14000,2025-06-30
corvid/Tundra-2-7B-Chat,Corvid Labs,Tundra,corvid/Tundra-2-7B,tundra-license,2024-09-15,1000000,9000000,800,600,1400,2025-06-30
"""


def _family(name, org, first, all_time, last_30d, finetunes, quants):
    return {
        "family": name,
        "organization": org,
        "first_public_release": first,
        "downloads": {"all_time_millions": all_time, "last_30d_millions": last_30d},
        "derivative_models": {"finetunes": finetunes, "quantizations": quants, "total": finetunes + quants},
    }


FAMILY_JSON = {
    "export": "crateworks.family_summary",
    "snapshot_date": "2025-06-30",
    "families": [
        _family("Pelion", "Alder Forge", "2024-05-02", 109.5, 12.0, 9900, 7000),
        _family("Tundra", "Corvid Labs", "2024-09-01", 79.0, 5.0, 7800, 7600),
        _family("Mosswing", "Fenlight", "2023-11-20", 20.0, 0.8, 1000, 900),
    ],
}


def _country(name, millions, *ranked):
    return {
        "country": name,
        "downloads_millions": millions,
        "top_families": [
            {"rank": i + 1, "family": family, "share_pct": share} for i, (family, share) in enumerate(ranked)
        ],
    }


REGIONAL_JSON = {
    "export": "crateworks.regional_top_families",
    "period": "2025-04-01/2025-06-30",
    "published": "2025-07-10",
    "method": "Share of model downloads attributed to each country; the top two families per country.",
    "countries": [
        _country("Alvania", 20.1, ("Pelion", 40.2), ("Tundra", 30.0)),
        _country("Brisca", 11.4, ("Tundra", 45.0), ("Pelion", 25.5)),
        _country("Corland", 6.3, ("Tundra", 38.1), ("Mosswing", 21.7)),
    ],
}


def _write(tmp: Path) -> list[Path]:
    paths = [
        tmp / "crateworks_model_stats_2025-06-30.csv",
        tmp / "crateworks_family_summary_2025-06-30.json",
        tmp / "crateworks_regional_top_families_2025Q2.json",
    ]
    paths[0].write_text(MODEL_CSV)
    paths[1].write_text(json.dumps(FAMILY_JSON, indent=2))
    paths[2].write_text(json.dumps(REGIONAL_JSON, indent=2))
    return paths


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("exports")
    paths = _write(tmp)
    evidence = export_evidence(paths[0], "2025-06-30") + export_evidence(paths[1], "2025-06-30")
    evidence += export_evidence(paths[2], "2025-07-10")
    return split_export(evidence)


def check(exports, claim):
    rows, headers = exports
    found = compare_rows(claim, rows) or sum_rows(claim, rows) or check_records(claim, records(rows), headers)
    if found is None:
        return None, []
    stance, cited, _ = found
    for ev in cited:  # every cited record is an exact span of its export
        assert ev.document[ev.char_start : ev.char_end] == ev.text
    return stance, cited


def names(cited) -> list[str]:
    return [e.scoring_text.split(" | ")[0].split(": ")[1] for e in cited]


# --- reading records ------------------------------------------------------------------------------------


def test_records_have_an_identity_units_and_rankings(exports):
    rows, _ = exports
    recs = records(rows)
    pelion = next(r for r in recs if r.key == "family" and r.name == "Pelion")
    assert pelion.value("downloads.last_30d_millions") == pytest.approx(12e6)
    model = next(r for r in recs if r.name == "alderforge/Pelion-3-8B")
    assert model.key == "model_id" and model.is_("Pelion-3-8B") and not model.is_("Pelion")
    brisca = next(r for r in recs if r.name == "Brisca")
    key, items = brisca.ranking()
    assert key == "top_families" and [i["family"] for i in items] == ["Tundra", "Pelion"]
    rows_ = [r for r in recs if r.key == "model_id"]
    assert {r.name for r in members("Pelion-3", rows_)} == {
        "alderforge/Pelion-3-8B",
        "alderforge/Pelion-3-32B",
        "alderforge/Pelion-3-Coder-7B",
    }
    assert len(members("Pelion", rows_)) == 4 and len(members("Alder Forge", rows_)) == 4
    assert norm_value("the Apache 2.0 License") == norm_value("apache-2.0")


def test_metric_follows_the_counted_word(exports):
    rows, _ = exports
    model_rows = [r for r in records(rows) if r.key == "model_id"]
    assert metric("downloaded more than 80 million times", model_rows) == "downloads_all_time"
    assert metric("downloads in the last 30 days", model_rows) == "downloads_last_30d"
    assert metric("derivative fine-tunes", model_rows) == "derivative_finetunes"
    assert metric("derivative models", model_rows) == "derivative_total"
    assert metric("likes", model_rows) is None  # the export does not count it


# --- ranks ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "stance", "cited"),
    [
        (
            "Tundra was the most downloaded model family in Brisca in the second quarter of 2025.",
            "supports",
            ["Brisca"],
        ),
        ("Pelion was the most downloaded model family in Brisca in Q2 2025.", "refutes", ["Brisca"]),
        ("Pelion is the most downloaded model family in Brisca.", "refutes", ["Brisca"]),
        ("Pelion is the second most downloaded model family in Brisca.", "supports", ["Brisca"]),
        ("Pelion was not the most downloaded family in Brisca in Q2 2025.", "supports", ["Brisca"]),
        (
            "Tundra is among the top two model families in every country.",
            "supports",
            ["Alvania", "Brisca", "Corland"],
        ),
        ("Pelion is among the top two model families in every country.", "refutes", ["Corland"]),
        (
            "Alder Forge's Pelion was the most downloaded model family in Alvania in Q2 2025.",
            "supports",
            ["Alvania"],
        ),
        # not what the export says: another quarter, another measure, another owner, a place it does not list
        ("Pelion was the most downloaded model family in Brisca in Q1 2025.", None, []),
        ("Pelion is the most popular model family in Brisca.", None, []),
        ("Tundra is among the top two model families every month.", None, []),
        ("Corvid Labs' Pelion was the most downloaded family in Alvania in Q2 2025.", None, []),
        ("Pelion is the most downloaded model family in Fallowby.", None, []),
        # past tense without a date: it may have been, before this export
        ("Pelion was the most downloaded model family in Brisca.", None, []),
        # a family ranking does not rank single models
        ("Pelion is the most downloaded model in Alvania.", None, []),
    ],
)
def test_rank_in_a_ranking(exports, claim, stance, cited):
    got, evidence = check(exports, claim)
    assert got == stance
    assert names(evidence) == cited


# --- attributes of rows ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "stance", "cited"),
    [
        ("Pelion-2-9B is not licensed under Apache 2.0.", "supports", ["alderforge/Pelion-2-9B"]),
        ("Pelion-3-32B is licensed under the Apache 2.0 license.", "supports", ["alderforge/Pelion-3-32B"]),
        ("Pelion-2-9B is released under the Apache 2.0 license.", "refutes", ["alderforge/Pelion-2-9B"]),
        (
            "Every Pelion model is released under the Apache 2.0 license.",
            "refutes",
            ["alderforge/Pelion-2-9B"],
        ),
        ("All Pelion-3 models are released under the Apache 2.0 license.", "supports", None),
        ("Tundra-2-7B-Chat is built on Tundra-2-7B.", "supports", ["corvid/Tundra-2-7B-Chat"]),
        ("Tundra-2-7B-Chat is built on Pelion-3-8B.", "refutes", ["corvid/Tundra-2-7B-Chat"]),
        ("Pelion-3-Coder-7B was released in May 2025.", "supports", ["alderforge/Pelion-3-Coder-7B"]),
        ("Pelion-3-Coder-7B was released alongside Pelion-3-8B in March 2025.", "refutes", None),
        # a value the column never takes, and a row with no declared base: no verdict
        ("Pelion-3-8B is released under a permissive license.", None, None),
        ("Pelion-3-8B is built on Tundra-2-7B.", None, None),
    ],
)
def test_attributes_of_rows(exports, claim, stance, cited):
    got, evidence = check(exports, claim)
    assert got == stance
    if cited is not None:
        assert names(evidence) == cited


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # the base's owner named before it, and "sits on top of"
        ("Tundra-2-7B-Chat was fine-tuned from Corvid's Tundra-2-7B.", "supports"),
        ("Tundra-2-7B-Chat sits on top of Alder Forge's Pelion-3-8B.", "refutes"),
        # "a Corvid model": the base's own row names its organisation (a name's first word counts for it)
        ("Corvid Labs' chat model Tundra-2-7B-Chat sits on top of a Corvid model.", "supports"),
        ("Tundra-2-7B-Chat is built on an Alder Forge model.", "refutes"),
        ("Tundra-2-7B-Chat is not built on an Alder Forge model.", "supports"),
    ],
)
def test_the_base_of_a_row_by_its_owner(exports, claim, stance):
    assert check(exports, claim)[0] == stance


def test_a_family_of_one_model_has_that_models_base(tmp_path):
    path = tmp_path / "crateworks_models.csv"
    path.write_text(
        "model_id,organization,family,base_model,downloads_all_time,snapshot_date\n"
        "corvid/Tundra-2-7B,Corvid Labs,Tundra,,70000000,2025-06-30\n"
        "corvid/Tundra-2-1B,Corvid Labs,Tundra,,9000000,2025-06-30\n"
        "fenlight/Mosswing-7B,Fenlight,Mosswing,corvid/Tundra-2-7B,2000000,2025-06-30\n"
    )
    one = split_export(export_evidence(path, "2025-06-30"))
    assert check(one, "Mosswing was fine-tuned from Tundra-2-7B.")[0] == "supports"
    assert check(one, "Mosswing was fine-tuned from Tundra-2-1B.")[0] == "refutes"
    # a family of several rows has no one base
    assert check(one, "Tundra was fine-tuned from Mosswing-7B.")[0] is None


# --- one record's figure, a group's sum, comparisons, superlatives --------------------------------------


@pytest.mark.parametrize(
    ("claim", "stance", "cited"),
    [
        # the family's own record decides a family claim; its models' rows do not
        (
            "Pelion models were downloaded roughly 12 million times in the 30 days to 30 June 2025.",
            "supports",
            ["Pelion"],
        ),
        ("Pelion has more than 15 thousand derivative models.", "supports", ["Pelion"]),
        ("Mosswing has more than 2,000 derivative models.", "refutes", ["Mosswing"]),
        (
            "Pelion-3-8B has been downloaded more than 60 million times.",
            "refutes",
            ["alderforge/Pelion-3-8B"],
        ),
        # a later date: growth keeps "more than" true; an earlier date: "more than" failed then too
        (
            "By December 2025, Tundra models had been downloaded more than 75 million times.",
            "supports",
            ["Tundra"],
        ),
        (
            "By January 2025, Tundra models had been downloaded more than 80 million times.",
            "refutes",
            ["Tundra"],
        ),
        ("By January 2025, Tundra models had been downloaded more than 75 million times.", None, []),
        ("Tundra models were downloaded about 5 million times in the 30 days to 31 January 2025.", None, []),
        # a change between two dates is not one snapshot's business
        ("Pelion's derivative model count rose by more than 5,000 between January and June 2025.", None, []),
    ],
)
def test_figures_against_a_record(exports, claim, stance, cited):
    got, evidence = check(exports, claim)
    assert got == stance
    assert names(evidence) == cited


def test_a_group_sum_counts_what_the_claim_counts(exports):
    # 52M + 21M + 6M all-time downloads: the count of models ("three") is not the figure
    stance, cited = check(
        exports, "The three Pelion-3 models together had been downloaded more than 78 million times."
    )
    assert stance == "supports" and len(cited) == 3
    stance, _ = check(exports, "The Pelion-3 models together had been downloaded more than 80 million times.")
    assert stance == "refutes"


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # one row against a group's sum: 7,000 fine-tunes vs 7,800; but 14,000 derivatives vs 13,300
        ("Tundra-2-7B alone has more derivative fine-tunes than all Pelion-3 models combined.", "refutes"),
        ("Tundra-2-7B alone has more derivative models than all Pelion-3 models combined.", "supports"),
        ("Pelion still has more cumulative downloads than Tundra.", "supports"),
        ("Tundra models are currently downloaded more often each month than Pelion models.", "refutes"),
        ("In January 2025, Tundra models were downloaded more often than Pelion models.", None),
        # past tense, no date: today's export shows it holds, not that it never held
        ("Pelion had more derivative models than Tundra.", "supports"),
        ("Tundra had more derivative models than Pelion.", None),
        # the verbs hubs report counts with, and an owner before each side: 16,900 against 15,400 derivatives
        (
            "Alder Forge's Pelion models have spawned more derivative models than Corvid Labs' Tundra models.",
            "supports",
        ),
        (
            "Corvid Labs' Tundra models have attracted more derivative models than Alder Forge's Pelion models.",
            "refutes",
        ),
        # an owner the records contradict names no side
        ("Corvid Labs' Pelion models have spawned more derivative models than Tundra.", None),
        # "more X of A than of B": 7,600 quantizations of Tundra against 7,000 of Pelion
        (
            "Crateworks listed more quantized versions of Tundra than of Pelion at the end of June 2025.",
            "supports",
        ),
        (
            "Crateworks listed more quantized versions of Pelion than of Tundra at the end of June 2025.",
            "refutes",
        ),
        # a date that opens the claim without a comma, and "already": 7,800 fine-tunes against 9,900
        ("Back in June 2025 Tundra already had more fine-tunes than Pelion.", "refutes"),
        ("Tundra had more fine-tunes than Pelion at the end of June 2025.", "refutes"),
    ],
)
def test_comparisons(exports, claim, stance):
    assert check(exports, claim)[0] == stance


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # two named families' own records added up: 109.5 + 20.0 = 129.5 million; one family's figure alone
        # decides nothing about "together"
        (
            "Alder Forge's Pelion and Mosswing models together had more than 125 million downloads.",
            "supports",
        ),
        ("Pelion and Mosswing together had been downloaded more than 135 million times.", "refutes"),
        # "N times as often", passive: 12.0 against 5.0 million over 30 days, 2.4 times
        (
            "In the 30 days to 30 June 2025, Pelion was downloaded more than twice as often as Tundra.",
            "supports",
        ),
        (
            "In the 30 days to 30 June 2025, Pelion was downloaded more than three times as often as Tundra.",
            "refutes",
        ),
        # a side's count of models and "between them" are no part of its name: 11.1 against 5.0 million
        (
            "Over the 30 days to 30 June 2025, the three Pelion-3 models between them were downloaded more often "
            "than the entire Tundra family.",
            "supports",
        ),
        # where the figures are from, said after the second side, is no part of it
        (
            "Pelion-3-8B on its own had more all-time downloads than the Pelion-3-32B and Pelion-3-Coder-7B "
            "models put together, according to Crateworks' June figures.",
            "supports",
        ),
        # "on its own" qualifies the side: 52.0 against 21.0 + 6.0 million
        (
            "Pelion-3-8B on its own had more all-time downloads than the Pelion-3-32B and Pelion-3-Coder-7B "
            "models put together.",
            "supports",
        ),
        # "every A and B model put together" is one sum (79.0 + 30.5 million against 70.0), not each model
        (
            "As of 30 June 2025, Tundra-2-7B had more all-time downloads than every Pelion-3 and Pelion-2 model put together.",
            "refutes",
        ),
    ],
)
def test_sums_and_multiples_of_listed_sides(exports, claim, stance):
    assert check(exports, claim)[0] == stance


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # a negated comparative is a superlative: Pelion's 16,900 derivatives lead Tundra's 15,400
        ("No model family on Crateworks has more derivative models than Pelion.", "supports"),
        ("No family has more derivative models than Tundra.", "refutes"),
        # an opening phrase that says where the figures are from names no side
        ("In Crateworks' June summary, no family had more derivative models than Pelion.", "supports"),
        ("According to the hub's export, no family has more derivative models than Tundra.", "refutes"),
        ("Pelion has more derivative models than any other family.", "supports"),
        ("Tundra has more derivative models than any other family.", "refutes"),
        # ahead of every family is ahead of every family of a kind; behind one whose kind the records do not
        # give ("code") says nothing of that kind
        ("Pelion has more derivative models on Crateworks than any other code family.", "supports"),
        ("Tundra has more derivative models than any other code family.", None),
        # against the models of a group the records name: Tundra-2-7B's 70.0 million against Pelion's rows
        ("Tundra-2-7B has more all-time downloads than any other Pelion model.", "supports"),
    ],
)
def test_a_comparison_with_every_other_record_of_its_kind(exports, claim, stance):
    assert check(exports, claim)[0] == stance


def test_a_rival_ahead_refutes_any_other_of_a_kind_where_a_document_calls_it_one(exports):
    rows, _ = exports
    claim = "Tundra has more derivative models than any other code family."
    # Pelion (16,900) is ahead of Tundra (15,400): a document that calls Pelion a code family settles it
    coded = lambda rec, kind: described_as(kind, record_names(rec), "Alder Forge's Pelion code models lead.")  # noqa: E731
    assert compare_rows(claim, rows, kind_of=coded)[0] == "refutes"
    other = lambda rec, kind: described_as(kind, record_names(rec), "Pelion beat every code model.")  # noqa: E731
    assert compare_rows(claim, rows, kind_of=other) is None


@pytest.mark.parametrize(
    ("sentence", "called"),
    [
        ("Kestrel-2 is a fine-tune of Lumora's open Quill-3-8B robotics-control model.", True),
        ("Lumora's robotics family, Quill, passed a million downloads.", True),
        ("Skerry is unrelated to Lumora's Quill robotics models.", True),
        ("Quill-3-8B, a robotics model, shipped in May.", True),
        # the kind in the same sentence, but not said of the name
        ("Quill-3-8B beat every robotics model.", False),
        ("Lark is a robotics family. Quill is used for search.", False),
    ],
)
def test_a_sentence_that_calls_a_model_a_kind(sentence, called):
    assert described_as("robotics", ["Quill-3-8B", "Quill"], sentence) is called


def test_a_describing_word_is_no_part_of_a_name_unless_the_rows_use_it(exports):
    # Pelion's 9,900 fine-tunes against 7,000 quantizations; but "code" is in Pelion-3-Coder-7B's id: "the
    # Pelion code models" are a part of the family, which no family record counts
    assert (
        check(exports, "Among derivatives of the Pelion models, fine-tunes outnumber quantizations.")[0]
        == "supports"
    )
    assert (
        check(exports, "Among derivatives of the Pelion code models, fine-tunes outnumber quantizations.")[0]
        is None
    )


def test_a_describing_word_every_row_of_the_family_uses_names_the_family(tmp_path):
    # "the Lark chat family": every Lark row's id says "chat", so the word describes the family as a whole
    path = tmp_path / "modelyard_model_stats_2031-06-30.csv"
    path.write_text(
        "model_id,organization,family,downloads_all_time,snapshot_date\n"
        "orrin/Lark-2-7B-Chat,Orrin Works,Lark,40000000,2031-06-30\n"
        "orrin/Lark-2-20B-Chat,Orrin Works,Lark,25000000,2031-06-30\n"
        "lumora/Quill-3-8B,Lumora Labs,Quill,50000000,2031-06-30\n"
        "lumora/Quill-3-2B,Lumora Labs,Quill,20000000,2031-06-30\n"
    )
    rows = split_export(export_evidence(path, "2031-06-30"))
    claim = "The Lark chat family has more all-time downloads than Quill-3-8B and Quill-3-2B combined."
    assert check(rows, claim)[0] == "refutes"
    assert check(rows, claim.replace("Quill-3-8B and Quill-3-2B combined", "Quill-3-8B"))[0] == "supports"


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # a claim attributed to an export is judged on that export's figures: Pelion 109.5 million
        (
            "According to Crateworks' June 2025 export, Pelion had more than 100 million downloads.",
            "supports",
        ),
        (
            "According to Crateworks' June 2025 statistics, Pelion had fewer than 100 million downloads.",
            "refutes",
        ),
    ],
)
def test_a_claim_attributed_to_an_export_is_judged_on_it(exports, claim, stance):
    frame = parse_claim(claim)
    assert frame.speaker is None
    assert check(exports, frame.content)[0] == stance


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # a part field against a whole field of one record: 9,900 fine-tunes of 16,900 derivatives, 58.6%
        ("More than half of Pelion's derivative models are fine-tunes.", "supports"),
        ("At least two thirds of Pelion's derivative models are fine-tunes.", "refutes"),
        # one row against the sum of a group that holds it: 52.0 of 109.5 million all-time downloads, 47.5%
        ("Pelion-3-8B accounts for more than 40% of all downloads of Alder Forge's models.", "supports"),
        ("Pelion-3-8B accounts for more than half of all downloads of Alder Forge's models.", "refutes"),
        # a whole that does not hold the part is no share of it
        ("Tundra-2-7B accounts for more than half of all downloads of Alder Forge's models.", None),
    ],
)
def test_a_share_of_a_whole_from_two_counts(exports, claim, stance):
    assert check(exports, claim)[0] == stance


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # an opening preposition is no name the export must hold
        (
            "Among the models in Crateworks' statistics, Tundra-2-7B was the second most downloaded over the 30 "
            "days to 30 June 2025.",
            "supports",
        ),
        (
            "Among the models in Crateworks' statistics, Pelion-3-32B was the second most downloaded over the 30 "
            "days to 30 June 2025.",
            "refutes",
        ),
    ],
)
def test_a_rank_among_the_export_rows(exports, claim, stance):
    assert check(exports, claim)[0] == stance


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        ("Pelion is the model family with the most derivative models.", "supports"),
        ("Tundra is the open model family with the most derivative models.", "refutes"),
        ("Pelion-3-8B is the most downloaded Pelion model.", "supports"),
        ("Pelion-3-32B is the most downloaded Pelion model.", "refutes"),
        ("In January 2025, Tundra was the model family with the most derivative models.", None),
        ("Tundra was the model family with the most derivative models.", None),
    ],
)
def test_superlatives_over_records(exports, claim, stance):
    assert check(exports, claim)[0] == stance


# --- time -----------------------------------------------------------------------------------------------


def test_claim_spans_and_export_timing():
    assert claim_span("in the third quarter of 2025") == ("2025-07-01", "2025-09-30")
    assert claim_span("in Q2 2025") == ("2025-04-01", "2025-06-30")
    assert claim_span("in the 30 days to 31 October 2025") == ("2025-10-31", "2025-10-31")
    assert claim_span("in March 2024") == ("2024-03-01", "2024-03-31")
    assert claim_span("Quill is big.") is None
    period = export_period("export: x | period: 2025-04-01/2025-06-30 | published: 2025-07-10")
    assert timing("in Q2 2025", None, period) == "same"
    assert timing("in May 2025", None, period) == "same"
    assert timing("in Q1 2025", None, period) is None
    assert timing("by the end of June 2025", "2025-06-30", None) == "same"
    assert timing("by December 2025", "2025-06-30", None) == "later"
    assert timing("in 2024", "2025-06-30", None) is None


def _article(text: str, date: str, finding: Finding | None = None) -> Evidence:
    passage = Passage(
        id="a:0", doc_id="a", index=0, text=text, char_start=0, char_end=len(text), source="a.txt",
        title="news", kind="news", date=date,
    )  # fmt: skip
    ev = units(passage, text, 0.0)[0]
    ev.findings = [finding] if finding else []
    return ev


def test_a_newer_document_on_the_same_figure_outranks_the_export(exports):
    rows, _ = exports
    record = next(e for e in rows if e.scoring_text.startswith("family: Pelion"))
    newer = _article(
        "Pelion passed 120 million downloads.", "2025-08-01", Finding("numeric", "supports", 1.0, "")
    )
    older = _article(
        "Pelion passed 120 million downloads.", "2025-05-01", Finding("numeric", "supports", 1.0, "")
    )
    other = _article(
        "Tundra passed 120 million downloads.", "2025-08-01", Finding("numeric", "supports", 1.0, "")
    )
    other.findings.append(Finding("entity-gap", "none", 1.0, ""))
    claim = "Pelion has passed 120 million downloads."
    assert newer_disagrees(claim, "refutes", [record], [newer])
    assert not newer_disagrees(claim, "refutes", [record], [older, other])
    # a claim that names its date is judged at that date, whatever came later
    assert not newer_disagrees(
        "By June 2025, Pelion had passed 120 million downloads.", "refutes", [record], [newer]
    )


# --- end to end -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def checker(tmp_path_factory, embeddings):
    from assistant.checker import Checker
    from assistant.config import Settings
    from assistant.store import Store
    from ingest.pipeline import ingest_paths

    tmp = tmp_path_factory.mktemp("crateworks")
    _write(tmp)
    (tmp / "brisca-courier_2025-02-03_model-race.txt").write_text(
        "Brisca Courier, 3 February 2025\n\nPelion is the most downloaded model family in Brisca, "
        "according to Crateworks figures for January.\n\nTundra's maker Corvid Labs said it expects to catch up.\n"
    )
    (tmp / "fenlight_interview_2025-07-20.txt").write_text(
        "Interview with Fenlight CEO Ilka Marsh, 20 July 2025\n\nMarsh said Mosswing grew quickly this spring.\n"
    )
    settings = Settings(home=tmp_path_factory.mktemp("home"), collection="records")
    store = Store.from_settings(settings, embeddings)
    ingest_paths([tmp], store, max_bytes=10**7)
    return Checker.from_settings(settings, store=store)


def test_the_export_refutes_a_present_tense_claim_an_older_article_supports(checker):
    verdict = checker.check("Pelion is the most downloaded model family in Brisca.")
    assert (verdict.label, verdict.decided_by.split()[0]) == ("REFUTED", "rules:table"), verdict.explanation
    quote = verdict.citations[0]
    assert '"country": "Brisca"' in quote.quote
    assert checker.store.get_document(quote.doc_id).text[quote.char_start : quote.char_end] == quote.quote


def test_list_items_are_checked_one_by_one(checker):
    verdict = checker.check(
        "In Q2 2025, Tundra was the most downloaded model family in Brisca, Corland and Alvania."
    )
    assert verdict.label == "REFUTED"
    assert [s.label for s in verdict.sub_verdicts] == ["SUPPORTED", "SUPPORTED", "REFUTED"]
    assert '"country": "Alvania"' in verdict.citations[0].quote


def test_an_attributed_claim_is_not_decided_by_an_export(checker):
    verdict = checker.check("Ilka Marsh said Tundra is the most downloaded model family in Brisca.")
    assert not verdict.decided_by.startswith("rules:table")


# --- review fixes: release dates, licence values, ties, falling fields, impossible dates ------------------


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # the release is the claim's whole predicate
        ("Pelion-3-8B was released in March 2025.", "supports"),
        ("Pelion-3-8B was first released on 11 March 2025.", "supports"),
        ("Pelion-3-8B was released in Q2 2025.", "refutes"),
        # a release date beside another figure, a superlative or a comparison does not decide the claim
        ("Pelion-3-8B, released in March 2025, has more than 900 million downloads.", None),
        ("Pelion-3-8B was the most downloaded model released in March 2025.", None),
        ("Pelion-3-8B was released in March 2025 with 8 billion parameters.", None),
        ("Pelion-3-32B was released in March 2025 and downloaded more than Pelion-2-9B.", None),
        # a bound is no date: left to the general date checks
        ("Pelion-3-Coder-7B was released after May 2025.", None),
        ("Pelion-3-8B was released before April 2025.", None),
        ("Pelion-3-8B was released by the end of March 2025.", None),
        ("Pelion-3-8B was released prior to April 2025.", None),
        ("Pelion-3-8B was released no later than February 2025.", None),
        ("Pelion-3-Coder-7B was released since April 2025.", None),
    ],
)
def test_a_release_date_decides_only_a_release_claim(exports, claim, stance):
    assert check(exports, claim)[0] == stance


EXTRA_CSV = """\
model_id,organization,family,license,created_at,downloads_all_time,likes,share_pct,snapshot_date
fenlight/Mosswing-1-3B,Fenlight,Mosswing,cc-by-nc-4.0,2023-11-20,9000000,4100,22.5,2025-06-30
fenlight/Mosswing-2-1B,Fenlight,Mosswing,brae-3.1,2024-08-02,9000000,3900,26.0,2025-06-30
fenlight/Mosswing-2-4B,Fenlight,Mosswing,brae-3.1,2025-02-14,2000000,800,3.1,2025-06-30
"""


@pytest.fixture(scope="module")
def extra(tmp_path_factory):
    path = tmp_path_factory.mktemp("extra") / "crateworks_mosswing_stats_2025-06-30.csv"
    path.write_text(EXTRA_CSV)
    return split_export(export_evidence(path, "2025-06-30"))[0], {}


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # equal once normalised; only a claimed value without digits may leave out the version
        ("Mosswing-1-3B is released under a CC BY license.", None),
        ("Mosswing-1-3B is released under the CC BY-NC 4.0 license.", "supports"),
        ("Mosswing-2-1B is released under the Brae 3 license.", None),
        ("Mosswing-2-1B is released under the Brae 3.1 license.", "supports"),
        ("Mosswing-2-1B is released under the Brae license.", "supports"),
        ("Mosswing-1-3B is released under the Brae license.", "refutes"),
    ],
)
def test_licence_values_match_whole(extra, claim, stance):
    assert check(extra, claim)[0] == stance


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        ("Mosswing-2-1B uses the Brae license.", "supports"),
        # one predicate that holds is not the whole claim: a record check reads one predicate, so it says nothing
        ("Mosswing-2-1B uses the Brae license and has been downloaded more than 900 million times.", None),
        ("Mosswing-2-1B uses the MIT license and has been downloaded more than 5 million times.", None),
        ("Mosswing-2-1B has been downloaded more than 5 million times and uses the MIT license.", None),
    ],
)
def test_a_record_check_decides_only_a_claim_of_one_predicate(extra, claim, stance):
    assert check(extra, claim)[0] == stance


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # Mosswing-1-3B and Mosswing-2-1B have 9 million downloads each
        ("Mosswing-1-3B is the most downloaded Mosswing model.", None),
        ("Mosswing-2-1B is the most downloaded Mosswing model.", None),
        ("Mosswing-2-1B is the second most downloaded Mosswing model.", None),
        ("Mosswing-2-4B is the most downloaded Mosswing model.", "refutes"),
        ("Mosswing-1-3B is the model with the most likes.", "supports"),
    ],
)
def test_a_tie_decides_no_superlative(extra, claim, stance):
    assert check(extra, claim)[0] == stance


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # all-time downloads only grow: "more than N" at the snapshot holds later
        ("By December 2025, Mosswing-2-1B had been downloaded more than 8 million times.", "supports"),
        # a share and likes can fall: a June snapshot says nothing about December
        ("As of 31 December 2025, Mosswing-2-1B has a share of more than 25%.", None),
        ("By December 2025, Mosswing-1-3B had more than 4,000 likes.", None),
        # nor, undated in the past tense, about before: likes taken back may have been more
        ("Mosswing-2-4B had more than 1,000 likes.", None),
        ("Mosswing-2-4B has more than 1,000 likes.", "refutes"),
    ],
)
def test_growth_is_assumed_only_for_cumulative_counts(extra, claim, stance):
    assert check(extra, claim)[0] == stance


@pytest.mark.parametrize(
    "claim",
    [
        "By 31 April 2025, Pelion had more than 100 million downloads.",
        "On 0 March 2025, Pelion had more than 100 million downloads.",
        "Pelion-3-8B was released on 30 February 2025.",
        "Pelion had more than 100 million downloads in Q4 9999.",
        "By December 9999, Pelion had more than 100 million downloads.",
    ],
)
def test_impossible_dates_name_no_time(exports, claim):
    assert claim_span(claim) is None
    assert timing(claim, "2025-06-30", None) == "undated"
    check(exports, claim)  # does not raise


def test_doc_ids_limit_the_exports_a_claim_is_checked_against(checker):
    claim = "Pelion is the most downloaded model family in Brisca."
    article = next(d.doc_id for d in checker.store.documents() if "brisca-courier" in d.source)
    verdict = checker.check(claim, doc_ids=[article])
    assert not verdict.decided_by.startswith("rules:table"), verdict.explanation
    assert all(c.doc_id == article for c in verdict.citations)
    regional = next(d.doc_id for d in checker.store.documents() if "regional" in d.source)
    verdict = checker.check(claim, doc_ids=[regional])
    assert verdict.decided_by.startswith("rules:table") and verdict.label == "REFUTED"


def test_exports_are_read_once_per_store_generation(checker, monkeypatch):
    import assistant.checker as checker_module
    import assistant.verify.record_coverage as record_coverage

    calls = {"records": 0, "text": 0}
    read, text = checker_module.records, record_coverage.export_text

    def counted_records(evidence):
        calls["records"] += 1
        return read(evidence)

    def counted_text(export):
        calls["text"] += 1
        return text(export)

    monkeypatch.setattr(checker_module, "records", counted_records)
    monkeypatch.setattr(record_coverage, "export_text", counted_text)
    checker._generation = None  # as after a write: everything is read again
    checker.check("Tundra is among the top two model families in every country.")
    first = dict(calls)
    assert first["records"] > 0 and first["text"] > 0
    checker.check("Pelion is the second most downloaded model family in Brisca.")
    checker.check("Mosswing has more than 2,000 derivative models.")
    assert calls == first  # the second and third claims read no export again


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # a figure in words is a figure: "than fifteen thousand" compares with a number, not with a name
        ("Pelion has more than fifteen thousand derivative models.", "supports"),
        ("Mosswing has more than twenty thousand derivative models.", "refutes"),
        ("Pelion has more than Tundra derivative models.", None),
    ],
)
def test_a_bound_in_words_is_a_figure(exports, claim, stance):
    assert check(exports, claim)[0] == stance


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # a participle that opens the claim is no name the export must hold: Alder Forge's rows add up to 109.5M
        (
            "Counting all of its models, Alder Forge had passed 100 million downloads by the end of June 2025.",
            "supports",
        ),
        (
            "Counting all of its models, Alder Forge had passed 120 million downloads by the end of June 2025.",
            "refutes",
        ),
        # a mark not yet reached is a bound below it: Mosswing 20.0 million, Pelion 109.5 million
        ("At the end of June 2025, Mosswing had not yet reached 25 million downloads.", "supports"),
        ("At the end of June 2025, Pelion had not yet reached 100 million downloads.", "refutes"),
    ],
)
def test_an_opening_participle_and_a_mark_not_yet_reached(exports, claim, stance):
    assert check(exports, claim)[0] == stance


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # a multiple with a half: fine-tunes 7,800 against 1,000 (7.8 times); 9,900 against 7,800 (1.27 times)
        ("Tundra has more than seven and a half times as many fine-tunes as Mosswing.", "supports"),
        ("Pelion has more than one and a half times as many fine-tunes as Tundra.", "refutes"),
        # a majority is more than half: 9,900 of 16,900 derivatives are fine-tunes; 7,600 of 15,400 quantizations
        ("Most Pelion derivatives are fine-tunes.", "supports"),
        ("The majority of Tundra's derivatives are quantizations.", "refutes"),
        # a part named with its kind ("generation") and a share dated after it: 79.0 of 109.5 million, 72.1%
        (
            "The Pelion-3 generation accounts for more than two-thirds of all Pelion downloads as of 30 June 2025.",
            "supports",
        ),
        (
            "As of 30 June 2025, the Pelion-3 models make up more than three quarters of all Pelion downloads.",
            "refutes",
        ),
        # an organisation by the first word of its name, and the hub the counts are on: 52.0 of 109.5 million
        ("Pelion-3-8B accounts for more than 40% of all of Alder's downloads on Crateworks.", "supports"),
        ("Pelion-3-8B accounts for more than half of all of Alder's downloads on Crateworks.", "refutes"),
    ],
)
def test_multiples_majorities_and_shares_in_other_words(exports, claim, stance):
    assert check(exports, claim)[0] == stance


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        # a comparison by place: 16,900 derivatives against 15,400; 7,800 fine-tunes against 9,900
        ("At the end of June 2025, Pelion was ahead of Tundra on derivative models.", "supports"),
        ("At the end of June 2025, Tundra was ahead of Pelion on derivative models.", "refutes"),
        ("Tundra is behind Pelion in fine-tunes.", "supports"),
        # what developers made of each: 7,600 quantizations of Tundra against 7,000 of Pelion
        ("Developers have produced more quantizations of Tundra than of Pelion.", "supports"),
        ("Developers have published more fine-tunes of Tundra than of Pelion.", "refutes"),
        # "the most fine-tuned" family has the most fine-tunes, "the most quantized" the most quantizations
        ("Pelion is the most fine-tuned family on Crateworks.", "supports"),
        ("Pelion is the most quantized family on Crateworks.", "refutes"),
    ],
)
def test_comparisons_by_place_by_what_was_made_and_by_the_most_fine_tuned(exports, claim, stance):
    assert check(exports, claim)[0] == stance


def test_a_size_written_into_a_model_s_description_is_no_count_of_the_export():
    from assistant.verify.record_thresholds import claim_figure

    # "14-billion-parameter" describes the base model: no count of fine-tunes to read against a row
    assert (
        claim_figure("Skerry-7B is a fine-tuned version of Lumora's 14-billion-parameter code model.") is None
    )
    assert claim_figure("Quill-3 has more than 500 fine-tunes.").value == 500


def test_a_superlative_of_a_kind_ranks_only_that_kind(tmp_path):
    # "the most downloaded text-to-speech family": a speech-recognition family ahead of it is no rival
    families = [
        {
            "family": "Quill",
            "org": "Lumora Labs",
            "task": "speech-recognition",
            "downloads_all_time_millions": 700,
        },
        {
            "family": "Lark",
            "org": "Lumora Labs",
            "task": "text-to-speech",
            "downloads_all_time_millions": 250,
        },
        {
            "family": "Skerry",
            "org": "Orrin Works",
            "task": "text-to-speech",
            "downloads_all_time_millions": 90,
        },
        {
            "family": "Kestrel",
            "org": "Orrin Works",
            "task": "speech-recognition",
            "downloads_all_time_millions": 40,
        },
    ]
    path = tmp_path / "hub_family-summary_2031-10-31.json"
    path.write_text(json.dumps({"snapshot_date": "2031-10-31", "families": families}))
    rows, _ = split_export(export_evidence(path, "2031-10-31"))
    tts = "Lark is the most downloaded text-to-speech family in the export."
    assert check((rows, {}), tts)[0] == "supports"
    asr = "Kestrel is the most downloaded speech-recognition family in the export."
    assert check((rows, {}), asr)[0] == "refutes"
