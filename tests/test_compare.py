"""Claims that need two figures (verify/figures.py, verify/compare.py), on hand-made evidence: no model."""

from __future__ import annotations

import pytest

from assistant.retrieve.evidence import Evidence
from assistant.schema import Passage
from assistant.verify.claims import parse_claim
from assistant.verify.compare import judge, parse_change, parse_comparative, parse_superlative, queries
from assistant.verify.figure_findings import numeric_findings
from assistant.verify.figures import OTHER, find_figures
from assistant.verify.findings import Finding
from assistant.verify.periods import window


def ev(
    text: str, date: str, *, unit: str = "prose", probs=(0.1, 0.1, 0.8), doc: str | None = None
) -> Evidence:
    doc_id = doc or f"d-{abs(hash(text))}"
    passage = Passage(
        id=f"{doc_id}:0",
        doc_id=doc_id,
        index=0,
        text=text,
        char_start=0,
        char_end=len(text),
        source="s",
        title="Doc",
        kind="statistics" if unit == "record" else "news",
        date=date,
        unit=unit,
    )
    return Evidence(passage, 0, len(text), text, text, text, document=text, relevance=0.5, probs=probs)


def decide(claim: str, evidence: list[Evidence]):
    return judge(parse_claim(claim), evidence)


# --- whose figure is which -----------------------------------------------------------------------------------

SIDE_BY_SIDE = ev(
    "On a monthly basis the two are close: in March, Bramble models were downloaded 12.5 million times "
    "compared with 14.1 million for Tessel.",
    "2025-04-10",
)
CUMULATIVE = ev(
    "Tessel models have been downloaded about 500 million times, while Bramble stands at roughly 320 million.",
    "2025-04-10",
)


def test_each_name_gets_its_own_figure_and_the_second_inherits_the_period():
    figures = find_figures([SIDE_BY_SIDE], ["Bramble", "Tessel"], "downloaded", "")
    got = {f.owner: (f.quantity.value, f.when, f.window) for f in figures}
    assert got == {"Bramble": (12.5e6, "2025-03-31", "month"), "Tessel": (14.1e6, "2025-03-31", "month")}


def test_a_sibling_is_not_the_name():
    text = "Corvid-3-8B alone was downloaded more than 9 million times in June."
    figures = find_figures([ev(text, "2025-07-02")], ["Corvid"], "downloaded", "")
    assert [f.owner for f in figures] == [OTHER]


def test_a_release_date_is_not_when_the_figure_was_true():
    text = (
        "Bramble models have been downloaded more than 300 million times since the first release in May 2022."
    )
    (figure,) = find_figures([ev(text, "2025-06-01")], ["Bramble"], "downloaded", "")
    assert figure.when == "2025-06-01" and figure.window is None


def test_statistics_records_are_read_by_field():
    record = ev(
        "family: Tessel | downloads.last_30d_millions: 31.5 | derivative_models.total: 52000", "2025-09-30"
    )
    record.passage.unit = "record"
    (figure,) = find_figures([record], ["Tessel"], "derivative model count", "")
    assert figure.quantity.value == 52000 and figure.when == "2025-09-30"
    (monthly,) = find_figures([record], ["Tessel"], "downloaded", "downloaded more often each month")
    assert monthly.quantity.value == 31.5e6 and monthly.window == "month"


def test_rumours_give_no_figures():
    rumour = ev("Bramble models were reportedly downloaded 40 million times.", "2025-05-01")
    rumour.findings = [Finding("rumour", "none", 1.0, "anonymous")]
    assert find_figures([rumour], ["Bramble"], "downloaded", "") == []


# --- comparisons ---------------------------------------------------------------------------------------------

TRAINED_A = ev("Bramble-4 Fern was trained on more than 20 trillion tokens of text and code.", "2025-03-01")
TRAINED_B = ev(
    "The Tessel-2 models were pre-trained on approximately 15 trillion tokens, roughly twice the data used for "
    "Tessel-1.",
    "2025-03-20",
)
CONTEXT = ev("Bramble-4 Fern supports a context window of up to one million tokens.", "2025-03-01")


def test_parse_comparative():
    c = parse_comparative("Bramble-4 Fern was pre-trained on more tokens than the Tessel-2 models")
    assert (c.a, c.b, c.more, c.metric, c.verbs) == (
        "Bramble-4 Fern",
        "Tessel-2",
        True,
        "tokens",
        "pre-trained",
    )
    often = parse_comparative(
        "In March 2025, Bramble models were downloaded more often on Hubble than Tessel models"
    )
    assert (often.a, often.b, often.metric, often.window) == ("Bramble", "Tessel", "downloaded", "month")
    assert parse_comparative("Tessel-3 alone has more fine-tunes than all Bramble models combined") is None


def test_comparison_across_two_documents():
    evidence = [TRAINED_A, TRAINED_B, CONTEXT]
    supported = decide("Bramble-4 Fern was pre-trained on more tokens than the Tessel-2 models.", evidence)
    assert supported.label == "SUPPORTED" and supported.support == [TRAINED_A, TRAINED_B]
    assert (
        decide("Bramble-4 Fern was trained on fewer tokens than the Tessel-2 models.", evidence).label
        == "REFUTED"
    )


def test_overlapping_bounds_decide_nothing():
    low = ev("Bramble-4 Fern was trained on more than 14 trillion tokens.", "2025-03-01")
    assert (
        decide("Bramble-4 Fern was trained on more tokens than the Tessel-2 models.", [low, TRAINED_B])
        is None
    )


def test_a_named_month_picks_that_months_figures():
    evidence = [CUMULATIVE, SIDE_BY_SIDE]
    refuted = decide("In March 2025, Bramble models were downloaded more often than Tessel models.", evidence)
    assert refuted.label == "REFUTED" and refuted.refute == [SIDE_BY_SIDE]
    # a claim about the totals reads the totals, not the monthly figures
    assert decide("Tessel has more cumulative downloads than Bramble.", evidence).label == "SUPPORTED"


def test_present_tense_reads_the_newest_figures():
    newer = ev(
        "In September, Bramble models were downloaded 30 million times, against 21 million for Tessel.",
        "2025-10-02",
    )
    claim = "Bramble models are downloaded more often each month than Tessel models."
    assert decide(claim, [SIDE_BY_SIDE, newer]).label == "SUPPORTED"
    assert decide(claim, [SIDE_BY_SIDE]).label == "REFUTED"


def test_figures_far_apart_in_time_are_not_compared():
    early = ev("Bramble-4 Fern was trained on more than 20 trillion tokens.", "2024-01-01")
    assert (
        decide("Bramble-4 Fern was trained on more tokens than the Tessel-2 models.", [early, TRAINED_B])
        is None
    )


def test_attributed_comparisons_are_left_to_the_attribution_rules():
    assert (
        decide(
            "Mira Holt said Bramble-4 Fern was trained on more tokens than Tessel-2.", [TRAINED_A, TRAINED_B]
        )
        is None
    )


# --- changes over time ---------------------------------------------------------------------------------------

MARCH = ev(
    "According to figures compiled on 4 March, developers had published 61,000 derivative models based on "
    "Tessel, compared with 41,200 based on Corvid Labs' Bramble.",
    "2025-03-10",
)
SEPTEMBER = ev(
    "The hub's summary for the end of September showed 66,000 derivative models for Bramble against 72,500 for Tessel.",
    "2025-10-15",
)
APRIL = ev("Developers have published more than 60,000 derivative models based on Tessel.", "2025-04-08")


def test_parse_change():
    c = parse_change(
        "Bramble's derivative model count rose by more than 20,000 between March and the end of September 2025"
    )
    assert (c.name, c.rising, c.amount.value, c.amount.comparator) == ("Bramble", True, 20000, "gt")
    assert c.start == ("2025-03-01", "2025-03-31") and c.end == ("2025-09-24", "2025-09-30")
    assert parse_change("Bramble's derivative model count did not fall between March and May 2025") is None


def test_change_between_two_dated_figures():
    evidence = [MARCH, SEPTEMBER]
    claim = "Bramble's derivative model count rose by more than 20,000 between March and the end of September 2025."
    supported = decide(claim, evidence)
    assert supported.label == "SUPPORTED" and supported.support == [MARCH, SEPTEMBER]
    assert decide(claim.replace("20,000", "30,000"), evidence).label == "REFUTED"
    assert (
        decide("Bramble's derivative model count fell between March and September 2025.", evidence).label
        == "REFUTED"
    )


def test_a_lower_bound_refutes_but_never_supports():
    evidence = [APRIL, SEPTEMBER]
    # "more than 60,000" in April (not 75,000: that would be written so), 72,500 at the end of September
    assert (
        decide("Tessel's derivative model count fell between April and September 2025.", evidence).label
        == "REFUTED"
    )
    # ... but a rise is not established either: "more than 60,000" could have been 75,000
    assert decide("Tessel's derivative model count rose between April and September 2025.", evidence) is None


def test_no_figure_in_a_named_period_decides_nothing():
    claim = "Bramble's derivative model count rose between January and September 2025."
    assert decide(claim, [MARCH, SEPTEMBER]) is None


# --- superlatives that newer figures undo ------------------------------------------------------------------

OLD_CLAIM = ev(
    "Developers have published more than 70,000 derivative models based on Tessel, making it the most "
    "fine-tuned open model family.",
    "2025-04-08",
    probs=(0.95, 0.02, 0.03),
)
OVERTAKEN = ev(
    "Hub statistics now show that Bramble has more derivative models than any other family, having overtaken "
    "Corvid Labs' Tessel.",
    "2025-11-02",
)


def test_parse_superlative():
    s = parse_superlative("Tessel is the open model family with the most derivative models")
    assert (s.name, s.metric) == ("Tessel", "derivative models")
    assert parse_superlative("Tessel is the most downloaded model family in Ostland") is None
    assert parse_superlative("In May 2025, Tessel had the most derivative models") is None


def test_a_newer_overtaking_refutes_an_older_superlative():
    claim = "Tessel is the open model family with the most derivative models."
    refuted = decide(claim, [OLD_CLAIM, OVERTAKEN])
    assert refuted.label == "REFUTED" and refuted.refute == [OVERTAKEN]
    newer_figures = ev(
        "At the end of October the hub counted 81,000 derivative models for Bramble against 79,400 for Tessel.",
        "2025-11-05",
    )
    assert decide(claim, [OLD_CLAIM, newer_figures]).label == "REFUTED"


def test_a_newer_supporting_statement_keeps_it_open():
    claim = "Tessel is the open model family with the most derivative models."
    newest = ev(
        "Tessel remains the family with the most derivative models.", "2025-12-01", probs=(0.9, 0.05, 0.05)
    )
    assert decide(claim, [OLD_CLAIM, OVERTAKEN, newest]) is None


def test_queries_look_up_each_side():
    assert queries("Bramble-4 Fern was trained on more tokens than the Tessel-2 models") == [
        "Bramble-4 Fern tokens",
        "Tessel-2 tokens",
    ]
    assert queries("Nothing to compare here") == []


# --- a period qualifier -------------------------------------------------------------------------------------


def test_periods():
    assert window("downloaded more than 2 million times on its first day") == "day"
    assert window("more than 2 million times in its first seven days") == "week"
    assert window("a week after it released the models") is None
    assert window("in the 30 days to 31 October") == "month"


def test_a_week_is_no_figure_for_a_day():
    claim = parse_claim("Corvid-3-8B was downloaded more than 2 million times on its first day.")
    week = ev(
        "Corvid-3-8B had been downloaded more than 2 million times in its first seven days.", "2025-05-06"
    )
    day = ev("Corvid-3-8B was downloaded more than 2.5 million times on its first day.", "2025-05-06")
    assert [f.kind for f in numeric_findings(claim, week)] == ["period-gap"]  # no figure, and a flag
    assert [f.stance for f in numeric_findings(claim, day)] == ["supports"]


def test_a_total_to_date_is_no_figure_for_one_month():
    # an export's all-time field counts every month so far: no figure for what one month counted, for or
    # against; the same export's 30-day field still is one
    claim = parse_claim("Lark's Quill models were downloaded more than 3 million times in September 2027.")
    record = ev(
        '{ "family": "Quill", "models": 2, "downloads_all_time_millions": 41.7, "downloads_q3_2027_millions": 7.2 }',
        "2027-10-31",
        unit="record",
    )
    assert not [f for f in numeric_findings(claim, record) if f.kind == "numeric"]
    prose = ev("Quill models have been downloaded 41.7 million times in all-time downloads.", "2027-10-31")
    assert not [f for f in numeric_findings(claim, prose) if f.kind == "numeric"]
    # a claim about the total itself still reads it
    total = parse_claim("Lark's Quill models passed 40 million all-time downloads in September 2027.")
    assert {f.stance for f in numeric_findings(total, record) if f.kind == "numeric"} == {"supports"}


def test_a_named_date_without_figures_from_then_decides_nothing():
    newer = ev(
        "In September, Bramble models were downloaded 30 million times, against 21 million for Tessel.",
        "2025-10-02",
    )
    assert (
        decide("In March 2024, Bramble models were downloaded more often than Tessel models.", [newer])
        is None
    )


# --- review fixes ------------------------------------------------------------------------------------------


def test_an_overtaking_denied_planned_or_of_a_sibling_refutes_nothing():
    claim = "Tessel is the open model family with the most derivative models."
    for text in (
        "Bramble has not yet overtaken Tessel in derivative models.",
        "Bramble is expected to have overtaken Tessel in derivative models by the end of the year.",
        "Bramble could soon have overtaken Tessel in derivative models.",
        "Bramble, with 80,000 derivative models, surpassed Tessel-3 this autumn.",
        "In derivative models Bramble overtook Tessel-3-8B in October.",
    ):
        assert decide(claim, [OLD_CLAIM, ev(text, "2025-11-02")]) is None, text
    overtaken = ev("In derivative models Bramble has now overtaken Tessel.", "2025-11-02")
    assert decide(claim, [OLD_CLAIM, overtaken]).label == "REFUTED"


def test_the_passive_overtaking_refutes_too():
    claim = "Tessel is the open model family with the most derivative models."
    passive = ev("In derivative models Tessel has now been overtaken by Bramble.", "2025-11-02")
    assert decide(claim, [OLD_CLAIM, passive]).label == "REFUTED"
    for text in (
        "In derivative models Tessel has not been overtaken by Bramble.",
        "In derivative models Tessel could soon be overtaken by Bramble.",
    ):
        assert decide(claim, [OLD_CLAIM, ev(text, "2025-11-02")]) is None, text


def test_a_day_that_does_not_exist_names_no_period():
    for text in (
        "Tessel's derivative model count rose by more than 5,000 between 31 February 2025 and May 2025.",
        "Tessel's derivative model count rose by more than 5,000 between 0 March 2025 and 31 April 2025.",
        "Tessel's derivative model count rose since 31 April 2025.",
        "Tessel's derivative model count rose between March 9999 and December 9999.",
    ):
        assert parse_change(text) is None, text
        assert decide(text, [OLD_CLAIM]) is None
        queries(text)  # does not raise


def test_record_figures_read_the_fields_precision_and_window():
    record = ev(
        "family: Tessel | downloads.last_30d_millions: 31.5 | likes_7d: 1200 | derivative_models.total: 52000",
        "2025-09-30",
    )
    record.passage.unit = "record"
    (monthly,) = find_figures([record], ["Tessel"], "downloaded", "downloaded more often each month")
    assert monthly.quantity.precision == pytest.approx(50_000)  # "31.5" millions: to the nearest 100,000
    (weekly,) = find_figures([record], ["Tessel"], "likes", "more likes each week")
    assert weekly.window == "week" and weekly.quantity.precision == 0.5


def test_a_month_without_a_last_day_is_no_date():
    text = "By the end of December 9999, Bramble models had been downloaded 30 million times."
    figures = find_figures([ev(text, "2025-06-01")], ["Bramble"], "downloaded", "")  # does not raise
    assert [f.when for f in figures if f.quantity.value == 30e6] == ["2025-06-01"]


def test_a_models_size_compares_across_documents_of_any_date():
    # parameters are what a released model is: a launch release of a year before still gives them
    claim = "Castellan's Kestrel-4-XL has more parameters than Orrin Works' Lark-3-Large."
    assert parse_comparative(claim).a == "Kestrel-4-XL" and parse_comparative(claim).b == "Lark-3-Large"
    sizes = [
        ev(
            "Castellan today made Kestrel-4-XL, a 3.4-billion-parameter model, available on ModelYard.",
            "2031-06-02",
        ),
        ev("Lark-3-Large has 2.7 billion parameters.", "2030-03-10"),
    ]
    assert decide(claim, sizes).label == "SUPPORTED"
    assert (
        decide("Orrin Works' Lark-3-Large has more parameters than Castellan's Kestrel-4-XL.", sizes).label
        == "REFUTED"
    )
    # downloads gather: figures a year apart still compare nothing
    downloads = [
        ev("Kestrel-4-XL has 2.2 million downloads.", "2031-06-02"),
        ev("Lark-3-Large has 1.6 million downloads.", "2030-03-10"),
    ]
    assert decide("Kestrel-4-XL has more downloads than Lark-3-Large.", downloads) is None


def test_fewer_errors_is_a_lower_error_rate_on_the_claims_benchmark():
    claim = "On SkerryBench, Lark-3-Large makes fewer transcription errors than Kestrel-4-XL."
    lark = ev(
        "On SkerryBench, Lark-3-Large reaches a word error rate of 5.9%, against 7.4% for Lark-2-Large.",
        "2030-03-10",
    )
    kestrel = ev("Kestrel-4-XL has a word error rate of 6.3% on SkerryBench.", "2031-06-02")
    assert decide(claim, [lark, kestrel]).label == "SUPPORTED"
    other = "On SkerryBench, Kestrel-4-XL makes fewer transcription errors than Lark-3-Large."
    assert decide(other, [lark, kestrel]).label == "REFUTED"
    # a rate on another benchmark is no rate on the claim's
    elsewhere = ev("Kestrel-4-XL has a word error rate of 6.3% on OrrinBench.", "2031-06-02")
    assert decide(claim, [lark, elsewhere]) is None


def test_a_figure_changed_to_another_is_no_present_level():
    # regression: the "originally announced height of 840 feet" supported "less than 926 feet tall", though it
    # was changed to 927 feet
    claim = "The Kestrel Tower was less than 926 feet tall ."
    sentence = (
        "The architects of the Kestrel Tower changed their originally announced height of 840 feet , or 68 "
        "stories , to 927 feet , or 71 stories ."
    )
    assert {f.stance for f in numeric_findings(parse_claim(claim), ev(sentence, "2020-01-01"))} == {"refutes"}
    kept = "The Kestrel Tower was less than 900 feet tall ."
    assert {f.stance for f in numeric_findings(parse_claim(kept), ev(sentence, "2020-01-01"))} == {"refutes"}


def test_a_part_of_a_whole_gives_a_share_though_it_names_none():
    # "31.2 million of that" after the whole is a share (64 percent): the sentence is no sentence without one
    claim = parse_claim("The hosted API brought in more than 60 percent of Lark's revenue for 2031.")
    text = "Lark's revenue for 2031 was 48.6 million corvos. The hosted API contributed 31.2 million corvos of that."
    start = text.index("The hosted")
    part = ev(text, "2031-11-05")
    part = Evidence(part.passage, start, len(text), text[start:], text[start:], text[start:], document=text)
    assert {f.stance for f in numeric_findings(claim, part) if f.kind == "numeric"} == {"supports"}


def test_a_half_year_figure_is_no_figure_for_the_year():
    # "first-half revenue" counts part of the year: it bounds nothing of the whole year's, for or against
    assert window("reported first-half revenue of 72.5 million corvos") == "half"
    assert window("in the first half of the list") is None and window("six months after the launch") is None
    claim = parse_claim("Lumora Labs reported revenue of 2.1 billion corvos for 2031.")
    half = ev("Lumora Labs reported first-half revenue of 72.5 million corvos.", "2031-09-24")
    assert not [f for f in numeric_findings(claim, half) if f.kind == "numeric"]
    year = ev("Lumora Labs reported revenue of 1.4 billion corvos in 2031.", "2032-02-01")
    assert [f.stance for f in numeric_findings(claim, year) if f.kind == "numeric" and f.about == 0] == [
        "refutes"
    ]
