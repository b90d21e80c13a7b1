"""Dates as bounds: "before 2015", "after March 29", "by 2015", "since 2017" compared as intervals with the date
the evidence gives for the same event. Every name and sentence here is invented for these tests."""

from __future__ import annotations

import pytest

from assistant.verify.claims import parse_claim
from assistant.verify.dates import (
    anchor,
    bounds,
    claim_event,
    compare_when,
    dates_in,
    event_date,
    event_dates,
)
from assistant.verify.rules import evidence_findings
from assistant.verify.tally_findings import tally_stances
from tests.test_claims_and_rules import ev
from tests.test_polarity_and_speakers import _judge


def _cmp(claim: str, evidence_date: str) -> str:
    (bound,) = bounds(claim)
    (when,) = dates_in(evidence_date)
    return compare_when(bound.cmp, when, bound.when)


@pytest.mark.parametrize(
    "claim, evidence, stance",
    [
        ("revealed before 2015", "April 2014", "supports"),
        ("revealed before 2015", "2015", "refutes"),
        ("revealed before March 2014", "2014", "unknown"),  # the year does not say which month
        ("opened after 2015", "December 8, 2013", "refutes"),
        ("opened after 2015", "2016", "supports"),
        ("done by 2015", "2015", "supports"),  # "by" and "until" allow the bound itself
        ("done by 2015", "March 2016", "refutes"),
        ("closed before March 6", "March 5, 2020", "supports"),  # a year-less bound takes the event's year
        ("will begin before November 10", "November 11, 2019", "refutes"),
        ("died before September 19, 2001", "18 September 2001", "supports"),
        ("married since 1981", "1981", "supports"),  # since: it began then
        ("held the title since 2017", "2018", "refutes"),  # it did not hold yet
        ("held the title since 2017", "2015", "unknown"),  # it held then, but began earlier
    ],
)
def test_a_bound_is_an_interval(claim, evidence, stance):
    assert _cmp(claim, evidence) == stance


def test_as_of_is_a_reporting_date_not_a_bound_nor_an_event():
    assert bounds("Lark County had more than 780 cases as of 7 April.") == []
    assert [b.cmp for b in bounds("As of before 2005, Orrin Works was busy.")] == ["before"]
    assert (
        event_dates("As of 7 April 2020, Lark County had 786 cases, first seen in March 2020.")[0].month == 3
    )


def test_the_date_of_the_same_event_not_any_date_of_the_sentence():
    text = "Kestrel Vane ( born November 2 , 1953 ) is an actor known for Lark ( 2014 ) and Skerry ( 2015 ) ."
    born = event_date(text, claim_event("Kestrel Vane was born before 1970", 22))
    assert (born.year, born.month, born.day) == (1953, 11, 2)
    followed = "It was followed by Lark II in 2008 and Lark III : Last Light in 2019 ."
    claim = "Lark was followed by Lark II before 2009"
    assert event_date(followed, claim_event(claim, claim.index("before"))).year == 2008
    # a date that opens the event's clause counts; one inside another phrase before it does not
    assert (
        event_date("In April 2014 Castellan revealed the diagnosis .", claim_event("x revealed it", 13)).month
        == 4
    )
    after_release = "Soon after the film 's 1968 release , Orrin began work on his debut ."
    assert event_date(after_release, claim_event("Orrin began work after 1968", 17)) is None
    # "communicated" is no start, though its first letters are a start's
    assert not claim_event("It was communicated before 2015", 20).search("commenced")


@pytest.mark.parametrize(
    "claim, sentence, label",
    [
        (
            "Kestrel Vane was born before 1970.",
            "Kestrel Vane ( born November 2 , 1953 ) is an actor known for Lark ( 2014 ) and Skerry ( 2015 ) .",
            "SUPPORTED",
        ),
        (
            "Orrin Brantley died before September 19, 2001.",
            "Orrin Brantley ( November 26 , 1927 – September 18 , 2001 ) was a painter from Skerry .",
            "SUPPORTED",
        ),
        (
            "Lark was followed by Lark II before 2009.",
            "Lark was followed by Lark II in 2008 and Lark III : Last Light in 2019 .",
            "SUPPORTED",
        ),
        (
            "The Quill Theatre closed before March 6.",
            "The Quill Theatre announced its closure on March 5 , 2020 .",
            "SUPPORTED",
        ),
        (
            "The Lumora musical will begin before November 10, in Skerry.",
            "The Lumora musical will open in Skerry on November 11 , 2019 .",
            "REFUTED",
        ),
        (
            "Castellan made the longest field goal of 64 yards after 2015.",
            "The longest field goal made was 64 yards by Castellan on December 8 , 2013 .",
            "REFUTED",
        ),
    ],
)
def test_bounded_dates_decide(claim, sentence, label):
    assert _judge(claim, ev(sentence, probs=(0.5, 0.45, 0.05))).label == label


def test_a_satisfied_bound_is_no_date_gap():
    sentence = "In April 2014 Castellan revealed that he had been diagnosed with an illness ."
    kinds = {
        f.kind
        for f in evidence_findings(parse_claim("Castellan revealed his illness before 2015."), ev(sentence))
    }
    assert not kinds & {"date-gap", "year-gap"}
    kinds = {
        f.kind
        for f in evidence_findings(parse_claim("Castellan revealed his illness before 2014."), ev(sentence))
    }
    assert "date-gap" in kinds


def test_a_reporting_date_meets_a_figures_bound():
    # "more than 85 cases by 17 March" is judged at the count "as of 17 March"; the figures decide
    d = _judge(
        "Lark County had more than 85 confirmed cases by March 17, 2020.",
        ev("As of 17 March 2020 , Lark County has 92 confirmed cases .", probs=(0.7, 0.2, 0.1)),
    )
    assert d.label == "SUPPORTED"


def test_a_date_says_nothing_of_the_claims_figures():
    d = _judge(
        "Castellan made a field goal of more than 60 yards after 2015.",
        ev("Castellan made a field goal on December 8 , 2016 .", probs=(0.9, 0.05, 0.05)),
    )
    assert d.label != "SUPPORTED"


def test_a_bounded_year_is_no_figure():
    # "before 2006" against "in 2005" was read as two years that differ
    d = _judge(
        "Skerry was the largest source of funds under management before 2006.",
        ev("Skerry was by far the largest source of funds under management in 2005 .", probs=(0.6, 0.3, 0.1)),
    )
    assert d.label == "SUPPORTED"


def test_a_range_dates_the_event_by_all_of_it():
    text = "The chart shows the cases in Lark County since 5 March 2020 to 26 April 2020 ."
    claim = "The chart shows the cases in Lark County before April 27, 2020."
    (bound,) = bounds(claim)
    when = event_date(text, claim_event(claim, bound.start) or anchor(claim, bound.start))
    assert compare_when(bound.cmp, when, bound.when) == "supports"
    (late,) = bounds("The chart shows the cases in Lark County after March 6, 2020.")
    assert compare_when(late.cmp, when, late.when) == "unknown"  # it began before, and ran on after


def test_a_counts_reporting_verb_dates_no_event():
    # "confirmed on 9 March" dates another count of the same sentence, not the claim's
    claim = "More than 17 new cases were confirmed in Lark County on March 11, 2020."
    assert claim_event(claim, claim.index(" on ")) is None
    d = _judge(
        claim,
        ev(
            "On 11 March , eighteen more cases were confirmed in Lark County : a woman , confirmed on 9 March .",
            probs=(0.8, 0.1, 0.1),
        ),
    )
    assert d.label != "REFUTED"


def test_a_bounded_year_before_1900_is_no_figure_either():
    d = _judge(
        "The treaties of Lark were signed before 1715.",
        ev("The main treaties of Lark were finally signed on 11 April 1713 .", probs=(0.5, 0.45, 0.05)),
    )
    assert d.label == "SUPPORTED"


def test_a_titles_number_is_no_figure():
    # "2" names the game; the date is what the claim says of it
    d = _judge(
        "Kestrel Dance 2 was released for the Lark console after October 7, 2010.",
        ev("Kestrel Dance 2 was released for the Lark console on 12 October 2010 .", probs=(0.6, 0.3, 0.1)),
    )
    assert d.label == "SUPPORTED"
    # but "after 60 reviews" counts reviews
    d = _judge(
        "After 60 reviews, the Lark film has a rating of 78 % on Kestrel.",
        ev("The Lark film was released on 12 October 2010 .", probs=(0.9, 0.05, 0.05)),
    )
    assert d.label != "SUPPORTED"


@pytest.mark.parametrize(
    "claim, sentence, label",
    [
        (
            "The movie Lark 2 : The New Batch premiered before 1989.",
            "Lark 2 : The New Batch is a 1990 American comedy horror film , and the sequel to Lark ( 1984 ) .",
            "REFUTED",
        ),
        (
            "The film Skerry 's Life was released before 1999.",
            "The studio began work on it while its staff were busy on Skerry 's Life ( 1998 ) .",
            "SUPPORTED",
        ),
    ],
)
def test_a_works_year_is_when_it_came_out(claim, sentence, label):
    assert _judge(claim, ev(sentence, probs=(0.5, 0.45, 0.05))).label == label


def test_a_count_that_looks_like_a_year_is_no_year():
    claim = parse_claim("Lark County had less than 2000 confirmed cases as of before April 28, 2020.")
    sentence = ev("As of 27 April 2020 , Lark County has 1986 confirmed cases .")
    assert not {f.kind for f in evidence_findings(claim, sentence)} & {"date-gap", "year-gap"}


def test_a_day_in_the_month_mentions_the_month():
    claim = parse_claim("Lark County had 43 confirmed cases as of 14th March 2020.")
    sentence = ev("As of March 14 , 2020 , Lark County has 43 confirmed cases .")
    assert "date-gap" not in {f.kind for f in evidence_findings(claim, sentence)}


def test_an_end_is_dated_by_the_end():
    d = _judge(
        "The Kestrel War ended in 1919.",
        ev("The chapel was built after the end of the Kestrel War in 1447 ."),
    )
    assert d.label == "REFUTED"


def test_a_reporting_date_a_day_apart_leaves_the_figures_to_decide():
    # cumulative counts "as of 7 April" against "as of 6 April": the figures decide, the dates do not block
    d = _judge(
        "Lark County had more than 780 confirmed cases as of 7 April 2020.",
        ev("As of 6 April , Lark County had 786 confirmed cases .", date="2020-04-08", probs=(0.6, 0.3, 0.1)),
    )
    assert d.label == "SUPPORTED"


@pytest.mark.parametrize(
    "claim, sentence, label",
    [
        (
            "Kestrel Phi came into existence before September 29, 1872.",
            "Founded at Lark University on October 10 , 1872 , Kestrel Phi is the fourth such society .",
            "REFUTED",
        ),
        (
            "Skerry was released after 1980.",
            "The song was used in the opening credits of the 1998 film Lark , as well as the 1960 film classic Skerry .",
            "REFUTED",
        ),
    ],
)
def test_more_ways_of_dating_an_event(claim, sentence, label):
    assert _judge(claim, ev(sentence, probs=(0.4, 0.3, 0.3))).label == label


def test_a_month_in_lower_case_is_a_month():
    assert [(w.year, w.month) for w in dates_in("as of october 2016 it may 2016")] == [
        (2016, 10),
        (2016, None),
    ]


def test_an_event_dated_differently_by_its_mentions_is_left_open():
    d = _judge(
        "The Lumora musical will begin before November 10, in Skerry.",
        ev(
            "The Lumora musical will open in Skerry on November 7 , 2019 and in Lark starting November 20 , 2019 .",
            probs=(0.5, 0.3, 0.2),
        ),
    )
    assert d.label != "REFUTED"


@pytest.mark.parametrize(
    "claim, sentence, label",
    [
        # a count that only grows: 1,228 deaths on 27 March were at least 1,228 on 31 March
        (
            "By the end of March 2020, Lark County had recorded less than 1,000 deaths.",
            "As of 27 March , there have been 17,089 confirmed cases in Lark County , and 1,228 deaths .",
            "REFUTED",
        ),
        # a month later it was 786; a month earlier it cannot have been more than 790
        (
            "By March 29th , Lark County had recorded more than 790 deaths .",
            "Lark County had 13,842 confirmed cases and a total of 786 confirmed deaths as of April 28 , 2020 .",
            "REFUTED",
        ),
        # below 14,000 in late April: below 14,000 in March too
        (
            "By March 26th , Lark County had recorded fewer than 14,000 cases .",
            "Lark County had 13,842 confirmed cases and a total of 786 confirmed deaths as of April 28 , 2020 .",
            "SUPPORTED",
        ),
        # over 90 on 23 May: over 90 on any later day
        (
            "After 22 May 2019 , Quill 2 had grossed over 90 crores globally .",
            "As of 23 May 2019 , Quill 2 has earned 94.18 crore worldwide , the ninth highest-grossing film of 2019 .",
            "SUPPORTED",
        ),
        # an exact figure belongs to the day it was counted
        (
            "Before 22 April 2020 , Skerry had 450 coronavirus recoveries .",
            "As of 22 April 2020 , there have been 1,692 confirmed cases , 450 recoveries and 7 deaths in Skerry .",
            "REFUTED",
        ),
        (
            "Skerry had 4,160 coronavirus cases after April 14 , 2020 .",
            "As of April 12 , 2020 , the Skerry health office has confirmed 4,160 cases and 110 deaths .",
            "REFUTED",
        ),
        # "people had died" and "deaths", "have died" count the same thing
        (
            "Four people had died of the flu in Skerry after April 15 , 2020 .",
            "As of 15 April , Skerry has 1,019 cases , of which 176 cases have recovered and 4 have died .",
            "REFUTED",
        ),
        (
            "By the end of March 2020, Lark County had recorded less than 1,000 deaths.",
            "As of 27 March , Lark County has 17,089 cases , and 1,228 people with confirmed infection have died .",
            "REFUTED",
        ),
        (
            "Three people had died of the flu in Skerry by April 10 , 2020 .",
            "As of 10 April , Skerry has 484 cases , of which 109 cases have recovered and 3 have died .",
            "SUPPORTED",
        ),
        # 4 on 5 April: at least 4 on 10 April
        (
            "Three people had died of the flu in Skerry by April 10 , 2020 .",
            "As of 5 April , Skerry has 484 cases , of which 109 cases have recovered and 4 have died .",
            "REFUTED",
        ),
        # regression: the month the claim names is the month the source's count is of
        (
            "By March 1996 , the Lark console had sold less than 10.8 million units .",
            "As of March 1996 , the Lark console has sold 10.62 million units .",
            "SUPPORTED",
        ),
    ],
)
def test_a_running_count_only_grows(claim, sentence, label):
    assert _judge(claim, ev(sentence, probs=(0.5, 0.4, 0.1))).label == label


@pytest.mark.parametrize(
    "claim, sentence",
    [
        # what can fall, or a day's figure, says nothing of another day
        (
            "By March 26th , Lark County had fewer than 14,000 active cases .",
            "Lark County had 13,842 active cases as of April 28 , 2020 .",
        ),
        (
            "By March 26th , Lark County had fewer than 400 new cases a day .",
            "Lark County had 380 new cases a day as of April 28 , 2020 .",
        ),
        # 4 on 5 April: perhaps 5 by 10 April
        (
            "Five people had died of the flu in Skerry by April 10 , 2020 .",
            "As of 5 April , Skerry has 484 cases , of which 109 cases have recovered and 4 have died .",
        ),
        # more than 50 on 10 April: perhaps not yet on 2 April
        (
            "By April 2 , 2020 , Lark County had recorded more than 50 deaths .",
            "As of 10 April 2020 , Lark County has recorded 64 deaths .",
        ),
        # regression: 1,565 on 19 April "supported" fewer than 1,600 a day later
        (
            "In Lark County , less than 1,600 people had tested positive for the flu as of April 20 , 2020 .",
            "As of 19 April 2020 , there have been 1,565 confirmed cases , 225 recoveries and 5 deaths .",
        ),
        # regression: 27 as of 7 April "refuted" 28 as of 8 April, a day later
        (
            "In Lark County , 28 people had tested positive for the flu as of April 8 , 2020 .",
            "Lark County has confirmed a total of 27 positive cases of the flu , as of 7 April 2020 .",
        ),
    ],
)
def test_a_running_count_decides_only_where_growth_settles_it(claim, sentence):
    assert _judge(claim, ev(sentence, probs=(0.5, 0.4, 0.1))).label == "NOT_ENOUGH_INFO"


def test_the_end_of_a_month_is_a_bound():
    (bound,) = bounds("By the end of March 2020 , Lark County had 80 cases .")
    assert (bound.cmp, bound.when.month) == ("by", 3)
    (late,) = bounds("The Lark band moved at the end of 2009 .", exact=True)
    assert (late.cmp, late.when.year) == ("in", 2009)
    assert bounds("Kestrel sold it at 2019 prices .", exact=True) == []


def test_a_range_of_years_mentions_each_year():
    (span,) = dates_in("The score was performed by Quill from 1961-1962 .")
    assert (span.year, span.to.year) == (1961, 1962)
    claim = parse_claim("The Lark soundtrack was recorded from 1961 to 1962 .")
    sentence = ev("The Lark soundtrack was performed by Quill and Kestrel from 1961-1962 .")
    assert not {f.kind for f in evidence_findings(claim, sentence)} & {"date-gap", "year-gap"}
    assert dates_in("It ended 2019-2018 .") == []  # no range: a score


def test_a_works_year_after_a_bracketed_edition():
    d = _judge(
        "Kestrel Vane 's Songs for Skerry album was released in 2012 .",
        ev(
            "* Songs for Skerry ( Lark Session ) ( 2013 ) ( Quill Records )", title="Kestrel Vane discography"
        ),
    )
    assert d.label == "REFUTED"


@pytest.mark.parametrize(
    "claim, sentence, label",
    [
        # "testing 72,818 people" counts tests; two year-less dates are of one year
        (
            "After March 20 , Skerry had performed over 70,000 tests .",
            "As of 21 March , after testing 72,818 people , there have been 5,018 confirmed cases in Skerry .",
            "SUPPORTED",
        ),
        (
            "Before March 22 , Skerry had performed fewer than 70,000 tests .",
            "As of 21 March , after testing 72,818 people , there have been 5,018 confirmed cases in Skerry .",
            "REFUTED",
        ),
    ],
)
def test_a_tally_named_by_its_verb(claim, sentence, label):
    assert _judge(claim, ev(sentence, probs=(0.5, 0.4, 0.1))).label == label


@pytest.mark.parametrize(
    "claim, sentence, title, label",
    [
        # the date is all the claim says: the scorer's doubt about "after" does not hold it back
        (
            "Kestrel Vane was born after 1956 .",
            "Kestrel Vane ( born August 2 , 1957 ) is an American drummer and record producer .",
            "Doc",
            "SUPPORTED",
        ),
        (
            "Quill Lark 's album Hold On was released before October 22 , 2014 .",
            "Their most recent album Hold On was released on October 21 , 2014 .",
            "Quill Lark",
            "SUPPORTED",
        ),
        # a word the sentence lacks is not vouched for by the date
        (
            "Kestrel Vane held the Lark Silver title since 2017 .",
            "Kestrel Vane has held the Lark Heavyweight title since 2017 .",
            "Doc",
            "NOT_ENOUGH_INFO",
        ),
        (
            "Kestrel Vane was not born after 1956 .",
            "Kestrel Vane ( born August 2 , 1957 ) is a drummer .",
            "Doc",
            "NOT_ENOUGH_INFO",
        ),
    ],
)
def test_a_date_that_is_all_the_claim_says(claim, sentence, title, label):
    assert _judge(claim, ev(sentence, probs=(0.46, 0.5, 0.04), title=title)).label == label


@pytest.mark.parametrize(
    "claim, sentence",
    [
        # 413 on 20 March: perhaps over 500 a week later
        (
            "After 20 March , Lark County had more than 500 cases .",
            "As of March 20 , Lark County had 413 cases and 1 death .",
        ),
        # 3,269 on 19 March: perhaps under 3,000 the day before
        (
            "Before 19 March , Lark County had under 3,000 confirmed cases .",
            "As of 19 March , there have been 3,269 confirmed cases in Lark County .",
        ),
    ],
)
def test_another_days_count_that_growth_does_not_carry_refutes_nothing(claim, sentence):
    assert _judge(claim, ev(sentence, probs=(0.5, 0.4, 0.1))).label == "NOT_ENOUGH_INFO"


def test_tested_positive_counts_cases_not_tests():
    claim = parse_claim("By 17 March , more than 1,600 people had tested positive in Skerry .")
    assert tally_stances(claim, ev("As of 16 March , Skerry had performed 44,105 tests .")) == []
    (found,) = tally_stances(claim, ev("As of 16 March , 1,650 people had tested positive in Skerry ."))
    assert found.stance == "supports"


def test_a_date_in_digits_is_read_where_it_is_unambiguous():
    def ymd(text: str):
        (when,) = dates_in(text)
        return when.year, when.month, when.day

    assert ymd("Skerry counted 4,312 cases as of 23/05/2031") == (2031, 5, 23)  # day first: 23 is no month
    assert ymd("as of 14.05.2031") == (2031, 5, 14)
    assert ymd("on 05/14/2031") == (2031, 5, 14)  # month first: 14 is no month either
    assert ymd("on 2031-05-14") == (2031, 5, 14)
    assert ymd("on 05/06/2031") == (2031, None, None)  # either could be the month: only the year is sure
    assert compare_when("before", dates_in("opened on 21/06/2033")[0], dates_in("July 2033")[0]) == "supports"
    # and the day is no figure
    assert [q.text for q in parse_claim("As of 14.05.2031 , Lark had 5 cases .").quantities] == ["5"]


def test_a_bound_glued_to_its_year_is_a_bound():
    (bound,) = bounds("Lark Orrin was born before1979 .")
    assert (bound.cmp, bound.when.year) == ("before", 1979)
    assert not dates_in("the Quill2031 model")  # a name's digits are no date
    sentence = ev("Lark Orrin ( born 9 January 1979 ) is a Skerry singer .", probs=(0.6, 0.3, 0.1))
    assert _judge("Lark Orrin was born before1979 .", sentence).label == "REFUTED"


def test_n_years_ago_is_dated_by_the_release_itself():
    from assistant.verify.claims import parse_claim
    from assistant.verify.date_findings import years_ago_findings
    from tests.test_claims_and_rules import ev

    claim = parse_claim("Castellan released its first open-weight vision model three years ago.")
    today = ev(
        "Castellan today published Kestrel-1, the company's first vision model with openly downloadable weights.",
        date="2028-03-02",
    )
    # a release "today" is dated by its own document: 2028-03 to 2031-05 is about three years
    assert [f.stance for f in years_ago_findings(claim, today, "2031-05-10")] == ["supports"]
    # a sentence whose date is of something else, or of a later release, dates nothing
    share = ev("Castellan's open-weight vision models took an estimated 40 percent of downloads in 2031.")
    later = ev(
        "Castellan released Kestrel-4, the fourth generation of its open-weight vision models, in April 2031."
    )
    assert years_ago_findings(claim, share, "2031-05-10") == []
    assert years_ago_findings(claim, later, "2031-05-10") == []


def test_n_years_ago_dates_a_founding_too():
    from assistant.verify.claims import parse_claim
    from assistant.verify.date_findings import years_ago_findings
    from tests.test_claims_and_rules import ev

    founded = ev("Brantley Partners was founded in March 2027 in Skerry and employs 40 people.")
    refuted = years_ago_findings(
        parse_claim("Brantley Partners was set up two years ago."), founded, "2031-05-10"
    )
    assert [f.stance for f in refuted] == ["refutes"]
    supported = years_ago_findings(
        parse_claim("Brantley Partners was founded four years ago."), founded, "2031-05-10"
    )
    assert [f.stance for f in supported] == ["supports"]


def test_a_date_both_sides_name_is_not_the_bounded_one():
    # "the 2030 revision" dates the report in claim and source alike; the figure's own year meets the bound
    sentence = "According to the 2030 revision of the Lark census , Skerry had 5.75 million people in 2028 ."
    claim = parse_claim("As per the 2030 revision of the Lark census , Skerry had people before 2029 .")
    kinds = {f.kind for f in evidence_findings(claim, ev(sentence))}
    assert not kinds & {"date-gap", "year-gap"}
    claim = parse_claim("As per the 2030 revision of the Lark census , Skerry had people before 2027 .")
    assert "date-gap" in {f.kind for f in evidence_findings(claim, ev(sentence))}


def test_a_day_the_claim_names_must_be_the_sources_day():
    claim = parse_claim("Kestrel sang in the Skerry Idol episode that was broadcast on April 8 .")
    other_day = ev("On the April 7 performance episode of Skerry Idol , Kestrel sang a ballad .")
    assert "date-gap" in {f.kind for f in evidence_findings(claim, other_day)}
    same_day = ev("On 8 April , Kestrel sang in the Skerry Idol performance episode .")
    assert "date-gap" not in {f.kind for f in evidence_findings(claim, same_day)}


def test_a_year_alone_does_not_support_a_day_or_month_the_source_does_not_give():
    # the source's year is the claim's, but not its day or month: no date supports the claim
    for claim in (
        "Skerry Nights opened in Lark on June 17 , 2016 .",
        "Skerry Nights opened in Lark in March 2016 .",
    ):
        d = _judge(
            claim, ev("Skerry Nights opened in Lark in 2016 , to good reviews .", probs=(0.8, 0.1, 0.1))
        )
        assert d.label == "NOT_ENOUGH_INFO"


def test_a_release_the_maker_dates_to_another_quarter_refutes_a_month():
    # "slated to launch in November 2031" is a plan, as "will be released in the first quarter of 2032" is: the
    # two date the same release (launch and release are one event), and the quarter's months exclude November
    claim = "Skerry-4 is slated to launch in November 2031."
    said = ev(
        "Skerry-4 will be released in the first quarter of 2032.", speaker="Ivo Marsh", kind="transcript"
    )
    decision = _judge(claim, said)
    assert decision.label == "REFUTED"
    assert _judge(claim, ev("Skerry-4 will be released in Q4 2031.", kind="announcement")).label != "REFUTED"
    assert _judge(claim, ev("Skerry-4 will be evaluated in the first quarter of 2032.")).label != "REFUTED"
