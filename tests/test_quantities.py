"""Quantities: units, comparators, thresholds. The pinned pairs of the verifier issue live here."""

import pytest

from assistant.verify.alignment import alignment, compare, same_head
from assistant.verify.quantities import extract_quantities


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
        # a spelled-out threshold: "the half-billion club" is more than 500 million, "a quarter of a billion" a
        # count of 250 million (no quarter of a share)
        ("joined the half-billion downloads club", "downloaded 476 million times", "refutes"),
        ("passed a quarter of a billion downloads", "downloaded 262 million times", "supports"),
        ("passed the half-million mark in downloads", "downloaded 480,000 times", "refutes"),
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
        # a fraction of a scale word is a count ("a quarter of a billion" is 250 million), not a share
        ("more than a quarter of a billion downloads", "253.4 million downloads", "supports"),
        ("more than a quarter of a billion downloads", "244 million downloads", "refutes"),
        ("roughly a third of a million downloads", "331,000 downloads", "supports"),
        ("about a quarter of downloads", "250 million downloads", "unknown"),
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


@pytest.mark.parametrize(
    ("claim", "evidence", "expected"),
    [
        # a currency between the comparator and the number keeps the bound
        ("Quill grossed more than $115 million", "Quill grossed $116.5 million", "supports"),
        ("Quill grossed more than $ 115 million", "Quill grossed $ 116.5 million", "supports"),
        ("Lark raised over €14m", "Lark raised €15.2m", "supports"),
        ("Kestrel cost under £5 million", "Kestrel cost £5.4 million", "refutes"),
        # the Indian scales
        ("grossed more than 97 crores", "grossed 97.81 crore", "supports"),
        ("grossed 9.7 crore", "grossed 97 million", "supports"),
        # an exact written count is exact; a scaled round figure keeps its rounding
        ("less than 412 cases", "410 cases", "supports"),
        ("more than 405 cases", "410 cases", "supports"),
        ("700 million downloads", "687 million downloads", "refutes"),
        # ratings on a scale of ten, spaced percent signs
        ("an average score of 8.5", "an average score of 8.5/10", "supports"),
        ("averaging over 7/10", "an average rating of 7.17/10", "supports"),
        ("rated above 85 %", "an approval rating of 96 %", "supports"),
    ],
)
def test_compare_formats(claim, evidence, expected):
    assert compare(q(claim), q(evidence)) == expected


def test_numbers_in_names_are_not_figures():
    assert extract_quantities("The Skerry Chronicles 3 sold well in Ligue 2 towns") == []
    assert extract_quantities("Orrin Works : Chapter 3 grossed $ 79 million")[0].value == 79e6
    # a sentence's opening word is no name; a possessive's figure is its owner's
    assert [x.value for x in extract_quantities("Under 50 copies of Lark 's 81 volumes")] == [50.0, 81.0]
    # the second year of a season is no figure
    assert [x.kind for x in extract_quantities("in the 2003–04 Kestrel League season")] == ["year"]


def test_scores_are_one_figure_and_whose_win_stays_open():
    (lost,) = extract_quantities("Castellan lost 33–28 against Brantley")
    assert lost.kind == "score"
    evidence = q("in the 33-28 loss to Brantley")
    assert compare(lost, evidence) == "supports" and alignment(lost, evidence) >= 0.5
    assert compare(q("Castellan lost 33–27 against Brantley"), evidence) == "refutes"
    assert compare(q("Castellan won 33–28 against Brantley"), evidence) == "unknown"
    assert extract_quantities("a budget of 65–80 crore")[-1].kind == "count"  # a range of amounts, no score


def test_stems_join_the_forms_of_a_figure_word():
    claim = q("Lumora had fewer than 350 recoveries")
    assert alignment(claim, q("Lumora reported 333 recovered patients")) >= 0.5
    assert alignment(q("rated above 85 %"), q("an approval rating of 96 %")) >= 0.5
    assert (
        alignment(q("Lark earned more than 20 crore globally"), q("it grossed 27.6 crore worldwide")) >= 0.5
    )


def test_the_counted_noun_skips_modifiers_and_names_the_part():
    claim = q("more than 780 cases")
    evidence = extract_quantities(
        "there were 786 confirmed quillpox cases , of which 346 were in Lark , 424 in Kestrel"
    )
    assert same_head(claim, evidence[0])  # "confirmed" is no counted noun, "cases" is
    best = max(evidence, key=lambda eq: (same_head(claim, eq), alignment(claim, eq)))
    assert best.value == 786 and compare(claim, best) == "supports"
    assert q("410 new infections").head == q("410 new cases").head  # one measure, two words
    # "26 out of 28 provinces": the part counts provinces, the whole is only the whole
    part, whole = extract_quantities("Skerry fever reached 26 out of 28 provinces")
    claim = q("a total of 26 provinces")
    assert alignment(claim, part) > alignment(claim, whole)
    assert q("the number of recoveries reached 30").head == "recover"


def test_a_figure_for_the_world_is_no_figure_for_one_region_and_a_run_is_no_total():
    claim = q("Quill grossed less than $ 433.2 million globally")
    region = extract_quantities("Quill has grossed $ 47.2 million in Kestrel")[0]
    world = extract_quantities("for a worldwide total of $ 433.5 million")[0]
    assert alignment(claim, world) >= 0.5 > alignment(claim, region)
    assert alignment(q("grossed 62 crore domestically"), q("earned 62 crore worldwide")) < 0.5
    assert alignment(q("topped the chart for a total of five weeks"), q("spent five consecutive weeks")) < 0.5


def test_a_claims_figures_keep_to_their_clauses():
    first, second = extract_quantities(
        "Quill grossed less than $ 129 million in Kestrel , and a worldwide total of less than $ 228 million",
        clauses=True,
    )
    assert "worldwid" not in first.context and "worldwid" in second.context


def test_one_measure_whichever_word_reports_it():
    # "people" are counted by what happened to them; deaths, fatalities and "lives claimed" are one tally
    tested, died = extract_quantities(
        "Fewer than 6,000 people tested positive in Skerry and under 400 have died", clauses=True
    )
    cases, deaths, recoveries = extract_quantities(
        "8,712 cases have been reported with 388 deaths and 2,105 recoveries"
    )
    assert same_head(tested, cases) and not same_head(tested, deaths)
    assert same_head(died, deaths) and not same_head(died, recoveries)
    assert same_head(q("claimed fewer than 400 lives"), deaths)
    assert same_head(q("under 400 fatalities"), deaths)
    assert same_head(q("a storm killed around 300 people"), deaths)
    assert same_head(q("210 people have recovered"), recoveries)
    assert same_head(q("over 131,000 residents"), q("a population of 130,477 people"))
    assert same_head(q("under 5,300 travelers"), q("5,214 travellers"))
    assert same_head(q("38 fixtures"), q("38 matches"))
    assert same_head(q("less than 6000 people who tested positive for quillpox in Skerry died"), deaths)
    assert same_head(q("less than 3,700 employees"), q("it employs around 3,500 people worldwide"))
    assert same_head(
        q("more than 70 lives"), q("74 people in Skerry with a confirmed quillpox infection have died")
    )
    assert "gross" in q("made a box office of under 35 crore").context
    made = q("Lark made less than $ 60 million globally")
    assert alignment(made, q("and has grossed $ 63 million worldwide")) >= 0.5  # money made is a gross
    assert "gross" not in q("made 50 appearances").context


def test_a_claims_figure_without_a_noun_counts_what_the_one_before_counts():
    first, second = extract_quantities(
        "Kestrel Air has less than 48 aircraft , while Lark Air has less than 31", clauses=True
    )
    assert second.head == first.head == "aircraft"
    domestic, world = extract_quantities(
        "Quill grossed under $ 12 million outside Kestrel and less than $ 27 million globally", clauses=True
    )
    assert "gross" in world.context and "worldwid" in world.context
    assert "outsid" in domestic.context and "outsid" not in world.context  # each keeps its own scope
    total = extract_quantities("Quill grossed $ 11.4 million in Kestrel and $ 25.8 million worldwide")[1]
    assert alignment(world, total) >= 0.5 > alignment(domestic, total)


def test_the_sources_very_figure_settles_a_bound_on_it():
    assert compare(q("grossed more than $ 41.3 million"), q("grossed $ 41.3 million")) == "refutes"
    assert compare(q("fewer than 29 receptions"), q("29 receptions")) == "refutes"
    assert compare(q("at least 29 receptions"), q("29 receptions")) == "supports"
    assert compare(q("more than 615 million"), q("over 615 million")) == "supports"
    # a headline's "pass 500 million" and "near 300 million" are bounds, not the very figure
    assert compare(q("passed 500 million downloads"), q("models pass 500 million downloads")) == "supports"
    assert compare(q("more than 300 million downloads"), q("downloads near 300 million")) == "refutes"
    # a source's "around 300" is the half-hundreds around it: under 400, not under 350
    assert compare(q("under 400 deaths"), q("around 300 deaths")) == "supports"
    assert compare(q("under 350 deaths"), q("around 300 deaths")) == "unknown"


def test_a_score_out_of_a_hundred_is_a_percentage_and_an_age_is_no_count_of_years():
    score = extract_quantities("Lark received a score of 81 out of 100 based on 17 reviews")[0]
    claim = q("a score above 79 %")
    assert score.kind == "percent" and alignment(claim, score) >= 0.5 and compare(claim, score) == "supports"
    assert q("rated 68/100").kind == "percent" and q("rated 6.8/10").kind == "count"
    young = q("moved to Skerry when he was less than 6 years old")
    assert young.head == q("moved to Skerry at the age of five").head == q("aged 31").head == "age"
    assert alignment(young, q("moved to Skerry at the age of five")) >= 0.5
    assert alignment(young, q("lived in Skerry for five years")) < 0.5  # a stay is no age


def test_a_sources_figure_keeps_its_own_words_and_scope():
    home, abroad, world = extract_quantities(
        "Quill grossed $ 23 million in Kestrel and $ 41.7 million in other territories for a worldwide total "
        "of $ 64.7 million"
    )
    outside, total = extract_quantities(
        "Quill grossed less than $ 44.1 million in territories other than Kestrel and a total of less than "
        "$ 66.2 million worldwide",
        clauses=True,
    )
    assert "worldwid" not in home.context | abroad.context and "outsid" not in home.context
    assert alignment(outside, abroad) >= 0.5 > alignment(outside, home)
    assert alignment(total, world) >= 0.5 > max(alignment(total, home), alignment(total, abroad))
    assert q("$ 640,000 in other territories").head is None  # where, not what
    # people come whole: "4.217 people" is a count with a point between its thousands
    assert q("4.217 people with confirmed infection have died").value == 4217
    assert q("4.217 million downloads").value == 4.217e6


def test_an_elided_noun_is_no_noun_of_another_kind_of_figure():
    _years, amount = extract_quantities(
        "Lark signed with Kestrel for another four years worth a maximum of $ 14 million", clauses=True
    )
    assert amount.head is None  # money counts no years
    _aircraft, money = extract_quantities("Skerry has 40 aircraft and more than $ 9 million", clauses=True)
    assert money.head is None


def test_marks_on_a_scale_and_the_base_of_an_average():
    _reviews, _approval, mark = extract_quantities(
        "Quill received more than 40 reviews , an approval rating below 63 % and an average rating below 7/10",
        clauses=True,
    )
    count, average = extract_quantities("based on 45 reviews , with a rating average of 6.6/10")
    assert same_head(mark, average) and not same_head(mark, count)  # a mark borrows no "reviews"
    assert compare(mark, average) == "supports"
    base = q("Averaged over 52 reviewers")
    assert base.comparator == "eq" and compare(base, q("based on 52 reviews")) == "supports"
    assert q("averaging over 7/10").comparator == "gt"
    # "around the world" is the worldwide total; a full figure with a stray scale word keeps its digits
    world = q("Lark grossed more than $ 318 million around the world")
    assert "worldwid" in world.context and world.head is None
    assert q("$ 18,300,000 million in other territories").value == 18.3e6
    assert q("1,200 million downloads").value == 1.2e9


def test_a_share_counts_the_last_noun_of_its_phrase_and_a_percentage_scored_is_a_rating():
    share = q("Less than 40 % of the confirmed quillpox cases in Skerry are in Lark")
    known = q("Nearly forty percent of known regional cases are in Lark")
    assert share.head == known.head and compare(share, known) == "supports"
    scored = q("Lark scored less than 72.5 % on the aggregator")
    assert alignment(scored, q("the film has an approval rating of 72 % on the aggregator")) >= 0.5


def ranks(text: str):
    return [f for f in extract_quantities(text) if f.kind == "rank"]


def test_a_rank_is_a_place_on_a_list():
    (ninth,) = ranks("Lark ranks ninth on the Kestrel list , behind only Orrin")
    assert (ninth.value, ninth.comparator) == (9, "eq")
    # "above 33rd" is a better place, "behind the 35th largest" a worse one
    (above,) = ranks("Quill ranked above 33rd on the Skerry Hot 100")
    (peak,) = ranks("Quill has peaked at number 31 on the Skerry Hot 100")
    assert above.comparator == "lt" and compare(above, peak) == "supports"
    assert alignment(above, peak) >= 0.5
    (behind,) = ranks("Lark ranks behind the 35th largest economy by nominal output")
    assert compare(behind, ranks("Lark is the 37th largest economy by nominal output")[0]) == "supports"
    assert compare(behind, ranks("Lark is the 33rd-largest economy by nominal output")[0]) == "refutes"
    # "below 11th" is read both ways (a lower number, a lower place): only eleventh itself refutes it
    (below,) = ranks("Orrin's list ranking is below 11th place")
    assert compare(below, ninth) == "unknown"
    assert compare(below, ranks("Orrin ranks eleventh on the list")[0]) == "refutes"
    # "among the top ten" is at most tenth
    (top,) = ranks("Skerry was among the top fifteen highest-grossing films of that year")
    assert (top.value, top.comparator) == (15, "le")
    assert compare(top, ranks("it is the 15th highest-grossing film of the year")[0]) == "supports"
    assert compare(top, ranks("it is the 17th highest-grossing film of the year")[0]) == "refutes"
    # a time, a century, a verb and the order of events are no ranks
    assert not ranks("his first goal came in the 9th minute")
    assert not ranks("set in the late 16th century")
    assert not ranks("Quill downloads top 300 million")
    assert not ranks("Lark scored the second goal")


def test_a_sources_figure_takes_no_scope_from_the_figure_before_it():
    _home, abroad, world, budget = extract_quantities(
        ", Quill has grossed $ 3.7 million in Kestrel and $ 9.6 million in other territories for a worldwide "
        "total of $ 13.3 million , against a budget of $ 28 million ."
    )
    assert "outsid" in abroad.context and "outsid" not in world.context and "worldwid" not in budget.context
    _, globally = extract_quantities(
        "The film Quill earned under $ 3.8 million in Kestrel and less than $ 13.4 million globally .",
        clauses=True,
    )
    assert alignment(globally, world) >= 0.5 > max(alignment(globally, budget), alignment(globally, abroad))


def test_formats_a_figure_is_written_in():
    # a figure glued to the sentence before it is still a figure; an abbreviation's or a name's number is not
    assert q("Games must be approved to be sold.312.47 million Lark units have been sold").value == 312.47e6
    assert not extract_quantities("see fig.3 and Quill.3")
    # a currency with a space in it keeps the bound: "less than US $ 70 billion"
    assert q("valued at less than US $ 70 billion").comparator == "lt"
    assert q("placed under a $ 12 million bounty").comparator == "eq"  # "a" is no currency's prefix
    assert (
        q("grossed under than $ 612 million worldwide").comparator == "lt"
    )  # a stray "than" keeps the bound
    # a participle alone says what its figure counts: "57 recovered" are recoveries
    assert same_head(q("more than 52 people had recovered"), q("57 recovered"))
    # a league tally of points is one figure; a time is none
    (points,) = extract_quantities("Quill FC finished with 52:26 points")
    assert points.kind == "score" and compare(points, q("Quill FC had 52:22 points")) == "refutes"
    assert not extract_quantities("the match kicked off at 7:30")


def test_a_claims_amount_against_another_keeps_its_own_scope():
    gross, budget = extract_quantities(
        "Quill grossed more than $ 342 million worldwide against its less than $ 71 million budget",
        clauses=True,
    )
    assert "worldwid" in gross.context and "worldwid" not in budget.context


def test_a_name_inside_a_shares_phrase_only_narrows_it():
    share = q("More than 35 % of known Skerry quillpox cases are in Lark")
    assert share.head == q("Nearly 38 percent of known national cases are in Lark").head == "cas"
    assert q("under 61 % of known national quillpox cases").head == "cas"  # four words
    assert q("35 % of Kestrel voters").head == "voter"
    assert q("21 new Quill-19 cases in Lark").head == "cas"  # a name after a modifier narrows the noun


def test_the_edge_of_a_figures_rounding_is_no_value_it_names():
    # "$ 61.4 million" is a value from 61.35 to 61.45 million, but not either edge
    assert compare(q("more than $ 61.35 million"), q("$ 61.4 million")) == "supports"
    assert compare(q("under $ 47.85 million"), q("$ 47.8 million")) == "supports"
    assert compare(q("more than $ 47.85 million"), q("$ 47.8 million")) == "refutes"


def test_an_aggregators_percentages_are_its_rating():
    claim = q("Quill Rising has a rating of less than 65 % on the aggregator")
    assert claim.head == q("it holds a 64 % rating on the aggregator").head == "rat"
    assert alignment(claim, q("it holds a 64 % rating on the aggregator")) >= 0.5
    # the share of critics who gave it a good review is its approval rating
    approval = q("Lark has an approval rating of more than 70 %")
    critics = extract_quantities(
        "the aggregator reports that 71 % of 96 critics have given the film a positive review"
    )[0]
    assert same_head(approval, critics) and compare(approval, critics) == "supports"
    assert (
        extract_quantities("35 % of 96 critics were from Skerry")[0].head == "review"
    )  # no review given: a share of critics


def test_a_tally_that_looks_like_a_year_is_a_count():
    assert q("in Lark the confirmed cases reached 1961").kind == "count"
    assert q("Lark County has 1974 confirmed cases").kind == "count"
    assert q("In 2031 people left Lark").kind == "year"
    assert compare(q("more than 1,900 cases"), q("the confirmed cases reached 1961")) == "supports"


def test_a_player_who_played_n_times_made_n_appearances():
    played = q("Orrin played for the Skerry national team less than 58 times")
    assert (
        same_head(played, q("with 56 appearances"))
        and compare(played, q("with 56 appearances")) == "supports"
    )
    assert q("Quill was downloaded 4 billion times").head == "download"


def test_a_capitalised_number_word_inside_a_sentence_is_a_name():
    assert [
        f.text for f in extract_quantities("Since 2031 , the Big Five of Lark have won 41 of 58 finals")
    ] == [
        "2031",
        "41",
        "58",
    ]
    assert not extract_quantities("Kestrel Rovers ( Division Two )")
    assert q("One case was confirmed in Skerry").value == 1  # a sentence opens with it


def test_which_one_a_sentence_is_about_qualifies_each_of_its_figures():
    claim = q("The first season of Lark has an average rating of more than 7.65/10 on the aggregator")
    reviews, mark = [
        f
        for f in extract_quantities(
            "On the aggregator , the first season has a rating of 88 % , based on 47 reviews , with an average "
            "rating of 7.61/10 ."
        )
        if f.kind == "count"
    ]
    assert alignment(claim, mark) > alignment(claim, reviews) and compare(claim, mark) == "refutes"
    # "the first album" is no figure for the albums as a whole
    assert (
        alignment(
            q("Quill 's first album sold over 2 million copies"), q("Quill 's albums sold 5 million copies")
        )
        < 0.5
    )


def test_a_count_of_those_is_a_count_of_people_by_what_happened_to_them():
    _tests, positive, died = extract_quantities(
        "More than 52,000 tests were done in Lark , over 31,000 of those tested positive , and over 2,400 died",
        clauses=True,
    )
    assert positive.head == q("31,412 confirmed cases").head
    assert same_head(died, q("2,466 people have died"))


def test_hospitalised_people_and_people_tested_are_hospitalisations_and_tests():
    # regression: "3,000 people that have been hospitalized" counted people, so "2,702 hospitalizations" could
    # not settle it; nor "after testing 72,818 people" a claim about tests
    hospitalised = q("less than 3,000 people that have been hospitalized in Lark")
    assert same_head(hospitalised, q("2,702 hospitalizations"))
    assert compare(hospitalised, q("2,702 hospitalizations")) == "supports"
    assert q("after testing 72,818 people in Lark").head == q("performed 70,000 tests").head
    assert q("6,121 residents and staff have tested positive").head == q("6,000 confirmed cases").head
    assert q("Lark has 1,200 employees").head == q("1,000 employees").head  # nothing happened to them
    assert q("more than 1,300 positive tests in Lark").head == q("1,275 confirmed cases").head
    assert q("more than 1,300 tests in Lark").head != q("1,275 confirmed cases").head


def test_a_gross_elsewhere_is_one_in_other_territories():
    sentence = "Quill has grossed $ 2.5 million in Norlake , and $ 0.5 million in other territories"
    home, abroad = extract_quantities(sentence)
    claimed = q("Quill grossed more than $ 0.4 million elsewhere")
    assert alignment(claimed, abroad) >= 0.5 > alignment(claimed, home)


def test_the_first_minutes_of_a_game_are_a_window():
    assert q("Lark scored in the first 21 minutes of the game").kind == "period"
    assert q("the Kestrel vigil lasted over 12 hours").kind == "count"


def test_figures_written_as_words_are_read_where_every_figure_is():
    (third,) = extract_quantities("Lark holds a third of the Skerry market.")
    assert third.kind == "percent" and third.comparator == "approx"  # a fraction word is rounded
    (exact,) = extract_quantities("Lark took 33 percent of the Skerry market.")
    assert compare(third, exact) == "supports"
    (club,) = extract_quantities("Quill has entered the one-billion-downloads club.")
    assert club.comparator == "gt" and club.describes is None  # a threshold, not a measure of a club
    (two_thirds,) = extract_quantities("two thirds of the Kestrel staff are engineers")
    assert two_thirds.kind == "percent" and round(two_thirds.value) == 67  # a share, not a count of two


def test_the_very_figure_of_an_estimate_supports_the_claim_that_repeats_it():
    # "an estimated $ 8,908,000" reports that figure; the claim only drops the hedge
    assert compare(q("grossed $ 8,908,000"), q("grossed an estimated $ 8,908,000")) == "supports"
    # another figure is still judged by the estimate's rounding
    assert compare(q("grossed $ 8,950,000"), q("grossed an estimated $ 8,908,000")) == "unknown"
    assert compare(q("grossed $ 9,500,000"), q("grossed an estimated $ 8,908,000")) == "refutes"


@pytest.mark.parametrize(
    "text",
    [
        "The song 4 Minutes is a dance-pop song .",
        "Lark was founded under part 3 of the Skerry Act .",
        "Vol . 3 : The Quiet Verses is by Kestrel .",
        "The hiker was found in the film 10 Castellan Lane .",
        "Orrin Road is one of the highways near Skerry .",
    ],
)
def test_numbers_in_names_and_places_among_others_are_no_figures(text):
    assert [x for x in extract_quantities(text) if x.kind == "count"] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Lumora released 12 Quill models in 2025 .", 12),  # a capitalised modifier of a counted noun
        ("Only one of the three Quill models passed .", 1),  # one out of a count
        ("Quill Passes 700 Million Downloads On ModelYard", 700e6),  # a headline's capitals name nothing
    ],
)
def test_counts_near_capitals_stay_figures(text, value):
    assert value in [x.value for x in extract_quantities(text)]


def test_a_multiple_is_read_as_a_multiple_in_digits_or_words():
    claim = q("Skerry has over 7 times higher case counts than Lark .")
    said = q("Skerry has over seven times as many cases as Lark .")
    assert claim.head == said.head == "multiple"
    assert compare(claim, said) == "supports"


def test_a_bare_percentage_aligns_with_what_the_other_side_counts():
    # "rated 79 %" is the share of critics who gave it a good review: its rating
    claim = q("Skerry Nights was rated 79 % .")
    said = [
        x
        for x in extract_quantities("Lark reported that 79 % of critics have given the film a good review .")
    ]
    assert alignment(claim, said[0]) >= 0.5


def test_a_capacity_at_a_time_is_no_total():
    # what a model reads "at a time" is its window, not the tokens it was trained on
    trained = q("The Lark models were trained on 9 trillion tokens")
    window = q("All Lark models read up to 64,000 tokens at a time")
    assert alignment(trained, window) < 0.5
    assert alignment(q("Lark reads 64k tokens at once"), window) >= 0.5


def test_decades_are_years():
    (decades,) = extract_quantities("Quill learned from more than four decades of weather data")
    assert decades.comparator == "gt" and decades.value == 40 and decades.head == "year"
    years = q("Quill was trained on thirty-seven years of weather data")
    assert alignment(decades, years) >= 0.5 and compare(decades, years) == "refutes"
    assert compare(decades, q("Quill was trained on forty-two years of weather data")) == "supports"


def test_a_mark_not_yet_reached_is_a_bound_below_it():
    for said in (
        "had not yet reached 250 million",
        "has yet to reach 250 million",
        "never reached 250 million",
    ):
        (mark,) = extract_quantities(f"Kestrel downloads {said}.")
        assert mark.comparator == "lt", said
    (passed,) = extract_quantities("Kestrel downloads had not yet passed 250 million.")
    assert passed.comparator == "le"
    assert compare(passed, q("245.4 million downloads")) == "supports"


def test_an_exchange_rate_is_no_amount():
    (rate,) = extract_quantities(
        "amounts are translated at the quarter's average rate of 2.5 corvos to the dollar"
    )
    assert rate.kind == "rate"
    assert compare(q("revenue of roughly US$ 2.5 million"), rate) == "unknown"
    assert q("Lumora earned 2.5 million corvos in the quarter").kind == "count"


def test_nearly_is_just_under_the_figure_not_anywhere_below_it():
    nearly = q("rose by nearly 15 percentage points")
    assert compare(nearly, q("rose by 14.2 percentage points")) == "supports"
    assert compare(nearly, q("rose by 8 percentage points")) == "refutes"
    # a source's "almost 700 million" is only below 700 million
    assert compare(q("more than 600 million downloads"), q("almost 700 million downloads")) == "unknown"
    assert compare(q("less than 700 million downloads"), q("410 million downloads")) == "supports"


def test_a_round_approximate_figure_reaches_a_fifth_of_itself_at_most():
    close = q("close to 100 million dollars of revenue")
    assert compare(close, q("38.6 million dollars of revenue")) == "refutes"
    assert compare(close, q("96.4 million dollars of revenue")) == "supports"
    assert compare(q("around 300 deaths"), q("262 deaths")) == "supports"
    assert compare(q("around 300 deaths"), q("210 deaths")) == "refutes"


@pytest.mark.parametrize(
    ("claim", "evidence", "expected"),
    [
        # three significant digits are precise to about them; fewer allow ordinary rounding
        ("roughly 512 million downloads", "528 million downloads", "refutes"),
        ("roughly 512 million downloads", "515.3 million downloads", "supports"),
        ("roughly 9,000 farms", "9,350 farms", "supports"),
        ("roughly 31 million downloads", "32.4 million downloads", "supports"),
    ],
)
def test_a_rough_figure_is_as_precise_as_its_digits(claim, evidence, expected):
    assert compare(q(claim), q(evidence)) == expected


def test_a_count_named_before_it_is_what_a_figure_counts():
    # "Quill's download count stands at ..." counts downloads; "the count stood at ..." names nothing
    assert q("Quill's download count currently stands at roughly 512 million .").head == "download"
    assert q("Lumora said the count stood at 684 million on 15 August .").head is None


def test_all_three_stands_for_the_things_just_listed():
    from assistant.verify.quantities import extract_quantities

    # no count of its own: "All three" are the sizes listed before, and no figure to set against "9B"
    assert extract_quantities("All three will be published under the Lark Licence 2.0.") == []
    assert extract_quantities("The two were merged, and all four of them run on a laptop.") == []
    assert [q.value for q in extract_quantities("All three models will be published.")] == [3.0]


def test_a_fraction_of_a_million_is_a_count():
    from assistant.verify.periods import window
    from tests.test_claims_and_rules import ev, judge

    (q,) = extract_quantities("first-week downloads came to about a third of a million")
    assert q.kind == "count" and 300_000 < q.value < 340_000 and q.comparator == "approx"
    assert extract_quantities("Quill took a third of the market")[0].kind == "percent"  # a share still
    assert window("a quarter of a million users") is None and window("each quarter") == "quarter"
    week = "Kestrel-2 was downloaded 330,000 times in its first week, Castellan said."
    # "first-week" downloads are downloads in the first week
    assert (
        judge("Kestrel-2's first-week downloads came to about a third of a million.", [ev(week)]).label
        == "SUPPORTED"
    )
    assert (
        judge("Kestrel-2's first-week downloads came to about a quarter of a million.", [ev(week)]).label
        == "REFUTED"
    )


def test_first_week_figures_count_over_a_week_and_do_not_repeat_a_retracted_figure():
    from assistant.verify.corrections import other_figure, retracted_reading
    from assistant.verify.periods import window

    # an export's 30-day count is no figure for "first-week downloads"
    assert window("Kestrel-2's first-week downloads") == "week" and window("a week after the launch") is None
    notice = (
        "Correction, 3 May 2031: An earlier version of this article said Kestrel-2 was\ndownloaded 4.1 million "
        "times in its first week."
    )
    assert retracted_reading("Kestrel-2 racked up 4.1 million downloads in its first week.", notice)
    # another figure is not what was retracted, whatever words it shares with it
    assert other_figure("Kestrel-2's first-week downloads came to about half a million.", notice)


def test_a_place_within_a_list_of_the_n_most_is_a_rank():
    # regression: "in the list of the 70 most-viewed videos" was a count of 70, and met "6.7 million likes"
    (within,) = extract_quantities("Quill ( video ) is in the list of the 70 most-viewed videos .")
    assert (within.kind, within.comparator, within.value) == ("rank", "le", 70)
    (top,) = extract_quantities("The Quill video is among the top 70 most viewed videos .")
    assert compare(within, top) == "supports"
    (largest,) = extract_quantities("Lark is one of the 10 largest cities .")
    assert largest.kind == "rank"


def test_a_fraction_of_a_scale_word_is_no_quarter_year():
    from assistant.verify.periods import window

    assert window("had been downloaded more than a quarter of a billion times") is None
    assert window("a quarter of the hub's downloads") is None
    assert window("earned 3 million a quarter") == "quarter"
    # a period written as a modifier: "first-week downloads" count over a week, not over 30 days
    assert window("Quill's first-week downloads came to about a third of a million") == "week"


def test_a_number_word_after_a_possessive_names_the_owner_s_things_beside_another_figure():
    # "Lark's two model families ... at roughly 940 million": the figure is the downloads, no count of 2 to read
    # against a family's 251 million downloads
    claim = "All told, Lark's two model families are nearing a billion downloads, at roughly 940 million."
    assert [q.text for q in extract_quantities(claim, clauses=True)] == ["940 million"]
    # alone it is still the count the sentence reports
    assert [q.value for q in extract_quantities("Orrin Works' two labs are in Skerry.", clauses=True)] == [
        2.0
    ]


def test_derivative_models_are_no_count_of_the_models_a_family_holds():
    # regression: "fewer than 9,000 derivative models are built on X" was supported by X's row "models: 6"
    claim = extract_quantities("Fewer than 9,000 derivative models are built on Quill.")[0]
    row = extract_quantities("family: Quill | publisher: Lumora Labs | models: 6 | derivatives.total: 24100")
    assert alignment(claim, row[0]) < 0.5
    assert alignment(claim, row[1]) > 0.5
    released = extract_quantities("Lumora Labs has released 6 Quill models so far.")[0]
    assert alignment(claim, released) < 0.5
    derived = extract_quantities("Quill now has 24,100 derivative models on ModelYard.")[0]
    assert alignment(claim, derived) > 0.5
    # nor what the family's models were downloaded, with its noun or without
    downloads = extract_quantities(
        "The export puts the six Quill models at 1.32 billion downloads, up from 940 million in June."
    )
    assert all(alignment(claim, q) < 0.5 for q in downloads)


def test_a_ratio_in_words_is_a_share():
    # regression: "more than four in ten downloads" read as a count of four and one of ten, no share
    (share,) = extract_quantities("More than three in ten speech-model downloads in Norlake go to Lumora.")
    assert (share.kind, share.value, share.comparator) == ("percent", 30.0, "gt")
    source = q("Lumora's models accounted for about 36 percent of speech-model downloads in Norlake")
    assert compare(share, source) == "supports"
    (most,) = extract_quantities("nearly two out of three users")
    assert (most.kind, round(most.value, 1), most.comparator) == ("percent", 66.7, "lt")
    assert [x.kind for x in extract_quantities("Quill-3 ranked 2 in 2025")] == ["count", "year"]
    # a score out of ten is no share of anything
    assert all(x.kind != "percent" for x in extract_quantities("an average rating of 3.9 out of 10"))


def test_a_sentence_that_opens_with_its_period_gives_it_to_every_figure():
    # regression: "For the second quarter, A took about three in ten ... and B roughly a fifth": B's fifth had no
    # period, so a claim about B's share in the quarter was read against A's figure
    from assistant.verify.alignment import framed_period
    from assistant.verify.claims import parse_claim

    text = "For the second quarter, Lark took about three in ten speech downloads in Norlake and Skerry roughly a fifth."
    lark, skerry = extract_quantities(text)
    skerry = framed_period(text, skerry)
    assert "quarter" in skerry.context
    claim = next(
        x
        for x in parse_claim(
            "Skerry took about a fifth of Norlake's speech downloads in the second quarter."
        ).quantities
        if x.kind == "percent"
    )
    from assistant.verify.alignment import claimed_period

    claim = claimed_period(
        "Skerry took about a fifth of Norlake's speech downloads in the second quarter.", claim
    )
    assert alignment(claim, skerry) >= 0.5
    assert framed_period("Lark took 40 percent, and Skerry 20 percent.", lark) is lark
