"""Who said what and when, and changes in points: an estimate's change between two shares, the firm a report's
"The firm estimates" points back to, the span a change took (no period its levels count over), and a speech
act dated by the claim ("In August 2026, Z put X at N")."""

from __future__ import annotations

from assistant.retrieve.evidence import Evidence
from assistant.verify.claims import parse_claim
from assistant.verify.periods import change_window
from tests.test_claims_and_rules import ev, judge


def in_document(document: str, sentence: str, **kw) -> Evidence:
    """The evidence for one sentence of a longer document, as the retriever gives it."""
    e = ev(sentence, **kw)
    start = document.index(sentence)
    e.passage.text, e.passage.char_end = document, len(document)
    e.char_start, e.char_end, e.document, e.context = start, start + len(sentence), document, document
    return e


def test_an_estimate_named_in_the_claim_frames_it():
    frame = parse_claim(
        "In Lark Partners' estimates, Quill's share went up by five percentage points over a year."
    )
    assert frame.speaker == "Lark Partners" and frame.verb == "estimates"
    assert frame.content.startswith("Quill's share")
    frame = parse_claim("By Castellan's estimate, Quill holds 30 percent of the market.")
    assert frame.speaker == "Castellan"
    # a quarter is no one's estimate
    assert parse_claim("In Lumora's third quarter, Quill grew 5 percent.").speaker is None


def test_the_span_a_change_took_is_no_period_its_levels_count_over():
    assert change_window("Quill's share rose by seven points in a year") is None
    assert change_window("Quill's share rose by seven points over the past year") is None
    assert change_window("Quill's third-quarter share rose by seven points") == "quarter"


SHARE = (
    "Lark Partners estimates that Quill accounts for 44 percent of open model downloads in Skerry in the third "
    "quarter, up from 39 percent a year earlier."
)


def test_an_estimates_change_in_points_between_two_shares():
    weak = (0.02, 0.02, 0.8)  # the scorer reads two levels as unlike a change between them
    claim = "In Lark Partners' estimates, Quill's share went up by five percentage points over a year."
    assert judge(claim, [ev(SHARE, probs=weak)]).label == "SUPPORTED"
    wrong = "In Lark Partners' estimates, Quill's share went up by seven percentage points over a year."
    assert judge(wrong, [ev(SHARE, probs=weak)]).label == "REFUTED"
    # points are not percent: 39 to 44 percent is a rise of 12.8 percent
    relative = "In Lark Partners' estimates, Quill's share rose by 5 percent in a year."
    assert judge(relative, [ev(SHARE, probs=weak)]).label == "REFUTED"
    # the bare claim is only the firm's estimate
    bare = "Quill's share went up by five percentage points over a year."
    assert judge(bare, [ev(SHARE, probs=weak)]).label == "NOT_ENOUGH_INFO"


def test_the_firm_a_report_named_before_speaks_in_the_firm_estimates():
    document = (
        "Quill leads, according to estimates published this week by the research firm Lark Partners Analytics. "
        "The firm estimates that Quill accounted for about 38 percent of model downloads by European "
        "organisations in the third quarter, up from 31 percent a year earlier."
    )
    sentence = document[document.index("The firm") :]
    claim = "According to Lark Partners, Quill's European share rose by seven percentage points in a year."
    found = in_document(document, sentence, probs=(0.02, 0.02, 0.84))
    assert judge(claim, [found]).label == "SUPPORTED"
    # another firm's words are not Lark's
    other = "According to Castellan, Quill's European share rose by seven percentage points in a year."
    found = in_document(document, sentence, probs=(0.02, 0.02, 0.84))
    assert judge(other, [found]).label == "NOT_ENOUGH_INFO"


def test_a_claim_that_dates_a_speech_act_needs_words_of_that_date():
    frame = parse_claim("In August 2026, Mira Quell put Lumora's headcount at around 340.")
    assert frame.speaker == "Mira Quell" and frame.said_on == "2026-08"
    assert parse_claim("On 12 August 2026, Mira Quell said Lumora has 340 employees.").said_on == "2026-08-12"
    # a date that frames no one's words stays in the claim
    assert parse_claim("In 2025, Quill passed 5 million downloads.").content.startswith("In 2025")
    # a month alone dates the words in whichever year their document is from
    month = parse_claim("In July, Lumora's chief executive claimed Quill was the most downloaded family.")
    assert (month.speaker, month.said_on) == ("Lumora's chief executive", "-07")
    assert month.content == "Quill was the most downloaded family"
    assert parse_claim("In May, Quill downloads rose 5 percent.").speaker is None
    claim = "In August 2026, Mira Quell said Lumora has 340 employees."
    words = "Lumora has 340 employees today."
    then = ev(words, speaker="Mira Quell", kind="transcript", date="2026-08-12")
    assert judge(claim, [then]).label == "SUPPORTED"
    later = ev(words, speaker="Mira Quell", kind="transcript", date="2026-10-15")
    assert judge(claim, [later]).label == "NOT_ENOUGH_INFO"


def test_a_quarter_written_as_q3_is_the_titles_third_quarter():
    title = "Lumora Labs - Third Quarter 2026 Results - Earnings Call Transcript"
    turn = "Gross margin was 61.5 percent, compared with 58.3 percent a year ago."

    def said():
        e = ev(turn, speaker="Mira Quell", kind="transcript", title=title, probs=(0.08, 0.02, 0.84))
        e.org = "Lumora Labs"
        return e

    claim = "Lumora Labs' gross margin was 3.2 percentage points higher than a year earlier in Q3 2026."
    assert judge(claim, [said()]).label == "SUPPORTED"
    # 58.3 to 61.5 percent is a rise of 5.5 percent, not of 3.2 percent
    relative = "Lumora Labs' gross margin rose by 3.2 percent year on year in the third quarter of 2026."
    assert judge(relative, [said()]).label == "REFUTED"
    # another quarter is another period
    other = "Lumora Labs' gross margin was 3.2 percentage points higher than a year earlier in Q2 2026."
    assert judge(other, [said()]).label != "SUPPORTED"


# --- "N years ago" ------------------------------------------------------------------------------------------


def _ago(claim: str, e: Evidence, reference: str) -> list[str]:
    from assistant.verify.date_findings import years_ago_findings

    return [f.stance for f in years_ago_findings(parse_claim(claim), e, reference)]


def test_a_release_put_online_is_dated_by_the_sentence_that_says_when():
    claim = "Lumora put its first Quill model online about three years ago."
    follows = ev(
        "Quill-2 follows Quill-1-Base, the company's first open model, which Lumora put on ModelYard in "
        "September 2023.",
        title="Lumora releases Quill-2",
    )
    assert _ago(claim, follows, "2026-11-20") == ["supports"]
    assert _ago(claim, follows, "2028-01-20") == ["refutes"]  # four years and four months
    # a later release dates no first one
    later = ev("Lumora put Quill-2 on ModelYard in May 2024.", title="Lumora releases Quill-2")
    assert _ago(claim, later, "2026-11-20") == []


def test_the_headline_of_a_release_published_today_says_what_it_released():
    claim = "Lumora Labs released its first open-weight model three years ago."
    today = ev(
        "Lumora Labs today published Quill-1, a 1.3-billion-parameter image model, on ModelYard.",
        title="Lumora Labs releases Quill-1, its first open-weight image model",
        date="2023-08-09",
    )
    assert _ago(claim, today, "2026-10-21") == ["supports"]
    # a headline of another kind does not make the sentence's release the first
    plain = ev(
        "Lumora Labs today published Quill-3, a 9-billion-parameter image model, on ModelYard.",
        title="Lumora Labs releases Quill-3",
        date="2023-08-09",
    )
    assert _ago(claim, plain, "2026-10-21") == []


def test_a_speakers_we_is_their_organisation_for_a_founding():
    claim = "Orrin Works was founded roughly five years ago."
    said = ev(
        "We incorporated in August 2021, three of us in a flat.", speaker="Mira Quell", kind="transcript"
    )
    assert _ago(claim, said, "2026-11-20") == []  # whose founding, the sentence does not say
    said.org = "Orrin Works"
    assert _ago(claim, said, "2026-11-20") == ["supports"]
    assert _ago("Orrin Works was founded roughly four years ago.", said, "2026-11-20") == ["refutes"]


def test_releasing_for_n_years_counts_from_the_first_release():
    claim = "Orrin Works has been releasing open-weight models for five years."
    first = ev(
        "Orrin Works released its first open-weight model, Skerry-1, in July 2023.", title="Orrin Works"
    )
    assert _ago(claim, first, "2026-10-20") == ["refutes"]  # three years and three months
    assert _ago(
        "Orrin Works has been releasing open-weight models for three years.", first, "2026-10-20"
    ) == ["supports"]
    later = ev("Orrin Works released the open-weight Skerry-3 in July 2025.", title="Orrin Works")
    assert _ago(claim, later, "2026-10-20") == []  # a later release dates no beginning
    # a span that is no time since a beginning
    assert _ago("Orrin Works released Skerry-1 with open weights for five years.", first, "2026-10-20") == []


def test_fifths_are_shares():
    from assistant.verify.quantities import extract_quantities

    (q,) = extract_quantities("Lark Partners puts Quill's share at nearly two fifths.")
    assert (q.kind, q.value, q.comparator) == ("percent", 40.0, "lt")
    (q,) = extract_quantities("three-fifths of downloads")
    assert (q.kind, q.value) == ("percent", 60.0)
    estimate = ev(
        "Lark Partners estimates that Quill accounted for about 38 percent of model downloads by European "
        "organisations in the third quarter of 2026."
    )
    claim = "Lark Partners puts Quill's share of European model downloads in Q3 2026 at nearly two fifths."
    assert judge(claim, [estimate]).label == "SUPPORTED"
    more = "Lark Partners puts Quill's share of European model downloads in Q3 2026 at more than two fifths."
    assert judge(more, [estimate]).label == "REFUTED"


def _judge_at(claim: str, evidence: list[Evidence], reference: str):
    from assistant.verify.aggregate import decide
    from assistant.verify.rules import evidence_findings

    frame = parse_claim(claim)
    for e in evidence:
        e.findings = evidence_findings(frame, e, None, reference)
    return decide(frame, evidence)


def test_a_release_dated_n_years_ago_decides_the_claim():
    # the scorer reads a sentence about something else ("did not comment") as neither; the date is the point
    aside = ev(
        "Lumora Labs, which released its first open model in August 2023, did not comment on the figures.",
        probs=(0.05, 0.07, 0.25),
    )
    claim = "Lumora Labs released its first open-weight model three years ago."
    assert _judge_at(claim, [aside], "2026-10-21").label == "SUPPORTED"
    assert _judge_at(claim.replace("three", "two"), [aside], "2026-10-21").label == "REFUTED"
    # one Quill model is named by a versioned Quill name
    follows = ev(
        "Quill-2 follows Quill-1-Base, the company's first open model, which Lumora put on ModelYard in "
        "September 2023.",
        title="Lumora releases Quill-2",
        probs=(0.28, 0.03, 0.25),
    )
    first = "Lumora put its first Quill model online about three years ago."
    assert _judge_at(first, [follows], "2026-11-20").label == "SUPPORTED"


def test_last_year_counts_from_the_document_it_was_said_in():
    from assistant.verify.date_findings import absolute_years

    assert (
        absolute_years("Lark-1 came out in June last year.", "2026-09-24") == "Lark-1 came out in June 2025."
    )
    assert absolute_years("We shipped it in March of this year.", "2026-09-24").endswith("March 2026.")
    assert absolute_years("Lark-1 came out in June last year.", None).endswith("June last year.")
    turn = "We haven't abandoned Lark. Lark-1 came out in June last year, so not quite two years."
    sentence = "Lark-1 came out in June last year, so not quite two years."
    said = in_document(turn, sentence, speaker="Mira Quell", kind="transcript", date="2026-09-24")
    said.org = "Orrin Works"
    assert _ago("Orrin Works released its first Lark model two years ago.", said, "2026-10-21") == ["refutes"]
    assert _ago("Orrin Works released its first Lark model a year ago.", said, "2026-10-21") == []  # "a"
    assert _ago("Orrin Works released its first Lark model one year ago.", said, "2026-10-21") == ["supports"]
    # a later model is not the first
    later = in_document(
        turn.replace("Lark-1", "Lark-2"),
        sentence.replace("Lark-1", "Lark-2"),
        speaker="Mira Quell",
        kind="transcript",
        date="2026-09-24",
    )
    later.org = "Orrin Works"
    assert _ago("Orrin Works released its first Lark model two years ago.", later, "2026-10-21") == []


def test_a_loss_at_the_claims_level_refutes_a_profit():
    from assistant.verify.stance import profit_clash

    loss = "We recorded an operating loss of 9.8 million, narrower than the 13.1 million loss a year ago."
    assert profit_clash("Lumora was profitable at the operating level in Q3 2026", loss)
    assert profit_clash("Lumora was profitable in Q3 2026", loss)
    assert not profit_clash("Lumora was profitable at the net level in Q3 2026", loss)  # another level
    assert not profit_clash("Lumora made an operating loss in Q3 2026", loss)
    assert not profit_clash("Lumora was profitable in Q3 2026", "We did not record a loss this quarter.")
    said = ev(
        loss,
        speaker="Mira Quell",
        kind="transcript",
        probs=(0.03, 0.05, 0.5),
        title="Lumora Labs - Third Quarter 2026 Results",
    )
    said.org = "Lumora Labs"
    assert judge("Lumora was profitable at the operating level.", [said]).label == "REFUTED"


def test_a_year_inside_a_claimed_figures_phrase_lends_only_a_quarters_words():
    from assistant.verify.quantities import extract_quantities

    (share,) = [
        q
        for q in extract_quantities(
            "Quill's share of downloads in Q3 2026 at nearly two fifths", clauses=True
        )
        if q.kind == "percent"
    ]
    assert {"shar", "download"} <= share.context
    # "for the third quarter of 2026" stays a clause of its own: revenue's quarter is no loss's
    revenue = ev("Revenue for the third quarter was 84.6 million, up 31 percent from a year earlier.")
    assert (
        judge("Lumora's net loss for the third quarter of 2026 was under 10 million.", [revenue]).label
        != "REFUTED"
    )


def test_the_first_of_another_kind_dates_no_first():
    claim = "Orrin Works released its first on-device vision model three years ago."
    code = ev(
        "Skerry-1, Orrin Works' first code model, put out in May 2029 as a preview, was retired in 2030."
    )
    vision = ev(
        "Orrin Works today published Lark-V-1, the company's first\non-device vision model, on ModelYard.",
        date="2028-04-02",
    )
    assert _ago(claim, code, "2031-06-10") == []  # its first code model is no first vision model
    assert _ago(claim, vision, "2031-06-10") == ["supports"]
    assert _judge_at(claim, [code, vision], "2031-06-10").label == "SUPPORTED"
    # a first that says no kind, or the claim's kind in its own words, is still the claim's first
    plain = ev("Skerry-1, the first model Orrin Works released, came out in May 2029.")
    assert _ago("Orrin Works released its first model two years ago.", plain, "2031-06-10") == ["supports"]


def test_a_change_in_points_over_a_year_is_met_by_levels_a_year_apart():
    # the claim's "in a year" is how long the change took: the levels never say "year", only their quarters
    estimate = ev(
        "Lark Partners estimates that Quill\naccounted for 44% of all code-model downloads on ModelYard in the "
        "second quarter of 2031, up from 29% in the\nsecond quarter of 2030.",
        probs=(0.03, 0.67, 0.3),
    )
    claim = "Lark Partners reckons Quill's share of code-model downloads on ModelYard climbed fifteen percentage points in a year."
    assert parse_claim(claim).speaker == "Lark Partners"
    assert judge(claim, [estimate]).label == "SUPPORTED"
    assert judge(claim.replace("fifteen", "ten"), [estimate]).label == "REFUTED"
    # "climbed fifteen percent", with no "by", is relative too: 29 to 44 percent is a rise of 52 percent
    relative = claim.replace("percentage points", "percent")
    assert judge(relative, [estimate]).label == "REFUTED"
    assert judge(relative.replace("fifteen", "about 52"), [estimate]).label == "SUPPORTED"


def test_a_firm_is_named_by_its_first_word_in_its_estimate():
    # "Brantley estimates" is Brantley Analytics' word: "Analytics" is what the firm is, not its name
    from assistant.verify.speaker_findings import speaker_matches

    said = ev(
        "Brantley estimates that Quill's models accounted for 44.3 per cent of downloads in the third quarter, up "
        "from 40.1 per cent in the second quarter, a gain of 4.2 percentage points."
    )
    assert speaker_matches("Brantley Analytics", said)
    claim = "According to Brantley Analytics, Quill's share rose by 4.2 percent between the second and third quarters."
    assert judge(claim, [said]).label == "REFUTED"  # 4.2 points is a rise of about 10 percent
