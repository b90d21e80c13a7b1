"""Quantities: units, comparators, thresholds. The pinned pairs of the verifier issue live here."""

import pytest

from assistant.verify.quantities import alignment, compare, extract_quantities


def q(text: str):
    (found,) = extract_quantities(text)
    return found


@pytest.mark.parametrize(
    ("claim", "evidence", "expected"),
    [
        ("passed 700 million downloads", "more than 600 million downloads", "unknown"),  # neither way
        ("passed 700 million downloads", "more than 700 million downloads", "supports"),
        ("passed 700 million downloads", "downloaded 642.3 million times", "refutes"),
        ("entered the 700 million downloads club", "just short of 700 million downloads", "refutes"),
        ("more than 700 million downloads", "downloads_all_time: 712000000", "supports"),
        ("roughly 31 million downloads", '"last_30d_millions": 31.37', "supports"),
        ("about a quarter of downloads", "26 percent of downloads", "supports"),
        ("4 billion downloads", "roughly 400 million downloads", "refutes"),
        ("0.7 billion downloads", "700M downloads", "supports"),
        (
            "700 million downloads",
            "687.42 million downloads",
            "refutes",
        ),  # a bare figure allows rounding, not 2 %+
        ("fewer than 275 cases", "56,517 cases", "refutes"),
        ("less than 1,660 people", "1,657 confirmed cases", "supports"),
        ("at least 41 cases", "41 positive cases", "supports"),
        ("more than 41 cases", "41 positive cases", "refutes"),
        ("grew 5 percentage points", "grew 5 percent", "unknown"),  # percent and points are kept apart
    ],
)
def test_compare(claim, evidence, expected):
    assert compare(q(claim), q(evidence)) == expected


def test_dates_are_not_quantities_but_years_and_periods_are_typed():
    found = extract_quantities(
        "released on 15 July 2025 in the 30 days to 31 October, in 2012, with 3 models"
    )
    assert [(x.value, x.kind) for x in found] == [(30.0, "period"), (2012.0, "year"), (3.0, "count")]


def test_model_names_and_versions_are_not_quantities():
    assert extract_quantities("Quill-3-8B and Skerry-4 Rover at 00:12") == []


def test_alignment_needs_shared_context():
    claim = q("Quill passed 700 million downloads")
    assert alignment(claim, q("700 million downloads")) >= 0.5
    assert alignment(claim, q("with 3 models released")) < 0.5
    assert alignment(claim, q("downloads rose 12 percent")) == 0.0  # a percent is not a count


def test_two_figures_in_one_sentence_each_find_their_own():
    # regression: "lasted" stemmed to the window word "last", and "accelerators" near 41 counted as 41's word
    claim = extract_quantities("The training run lasted 41 days on 2,048 accelerators")
    evidence = extract_quantities("Training ran for 41 days on a cluster of 2,048 accelerators.")
    for cq in claim:
        best = max(evidence, key=lambda eq: alignment(cq, eq))
        assert best.value == cq.value and alignment(cq, best) >= 0.5 and compare(cq, best) == "supports"
