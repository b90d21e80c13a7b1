"""A release's results table read whole: places in a column, a win in every column, a win over one rival, and a
change between two rows. Every name and figure here is invented."""

from __future__ import annotations

from assistant.verify import result_tables
from tests.test_claims_and_rules import ev

RELEASE = """# Lumora Labs releases Quill-5

| Model | Parameters | SkerryBench (F1) | Lark-20 (BLEU) | Kestrel-QA (accuracy, %) |
|---|---:|---:|---:|---:|
| Quill-5-70B | 70B | 71.4 | 33.2 | 80.5 |
| Quill-5-12B | 12B | 68.9 | 30.8 | 74.1 |
| Quill-4-20B | 20B | 64.0 | 27.5 | 64.2 |
| Vesper-3-40B (Orrin Works) | 40B | 70.2 | 29.9 | 81.3 |
| Vesper-3-9B (Orrin Works) | 9B | 66.3 | 28.0 | 73.0 |

Quill-5 is licensed under Apache 2.0.
"""


def _judge(claim: str):
    found = result_tables.judge(claim, [ev("Quill-5 is licensed under Apache 2.0.", document=RELEASE)])
    return found and found[0]


def test_a_place_in_one_column_counts_the_rows_above_it():
    assert _judge("In Lumora's SkerryBench results, Quill-5-12B comes third.") == "supports"
    assert _judge("On SkerryBench, Quill-5-12B comes second.") == "refutes"
    # a name that only starts like a row's is not that row
    assert _judge("On SkerryBench, Quill-5-1 comes third.") is None


def test_a_win_in_every_column_is_refuted_by_one_better_rival():
    assert _judge("Quill-5-70B topped every benchmark in the launch table.") == "refutes"
    assert _judge("Quill-5-12B beat Vesper-3-9B on all three benchmarks.") == "supports"
    assert _judge("Quill-4-20B beat Vesper-3-9B on all three benchmarks.") == "refutes"
    assert _judge("Quill-5-12B beat Vesper-3-9B on all four benchmarks.") is None  # not the table's three
    assert _judge("Vesper-3-40B beat Quill-5-70B on Kestrel-QA.") == "supports"


def test_a_change_between_two_rows_is_relative_in_percent():
    # 64.2 to 80.5 is a rise of 25.4 percent (16.3 points)
    claim = "From Quill-4-20B to Quill-5-70B, Kestrel-QA accuracy rose by more than 20 percent."
    assert _judge(claim) == "supports"
    assert _judge(claim.replace("20 percent", "30 percent")) == "refutes"
    assert _judge(claim.replace("rose", "fell")) == "refutes"
    assert _judge(claim.replace("20 percent", "15 percentage points")) == "supports"


def test_the_rows_are_cited_verbatim():
    found = result_tables.judge(
        "On SkerryBench, Quill-5-12B comes second.", [ev("Quill-5 is licensed.", document=RELEASE)]
    )
    assert found is not None
    for row in found[1]:
        assert row.text == RELEASE[row.char_start : row.char_end] and row.text.startswith("| ")
        assert "SkerryBench (F1):" in row.scoring_text
