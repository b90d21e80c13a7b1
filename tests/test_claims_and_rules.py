"""Claim reading, splitting, extraction; rules and aggregation as pure functions over hand-made evidence."""

from __future__ import annotations

from assistant.retrieve.evidence import Evidence
from assistant.schema import Passage
from assistant.verify.aggregate import combine, decide
from assistant.verify.claims import extract_claims, parse_claim, split_claim
from assistant.verify.names import entity_coverage
from assistant.verify.rules import evidence_findings
from assistant.verify.speaker_findings import resolve_role


def test_attribution_frames():
    f = parse_claim(
        "Lumora CEO Anneke Voss confirmed that Quill has captured the lion's share of the market."
    )
    assert f.speaker == "Lumora CEO Anneke Voss" and f.verb == "confirmed"
    assert f.content == "Quill has captured the lion's share of the market"
    denial = parse_claim("Castellan's CEO denied that Castellan is switching to Quill.")
    assert denial.denial and denial.speaker == "Castellan's CEO"
    assert parse_claim("According to Lumora's CEO, the lab has roughly 600 people.").speaker == "Lumora's CEO"
    assert parse_claim("Lumora has said that Quill overtook Skerry.").speaker == "Lumora"
    assert parse_claim("The Quill-3 models together had 300 million downloads.").entities == ["Quill-3"]
    plain = parse_claim("Quill-2-72B is not licensed under Apache 2.0.")
    assert plain.speaker is None and "Quill-2-72B" in plain.entities


def test_possessives_separate_owner_and_owned():
    # regression: "Orrin Works' Vesper-2" was one name that no evidence contained, so the figure check
    # skipped the right sentence and an unrelated figure decided the claim
    assert parse_claim("Lumora's Quill models passed 500 million downloads.").entities[:2] == [
        "Lumora",
        "Quill",
    ]
    assert parse_claim(
        "Orrin Works' Vesper-2 model reached 41 million downloads in August 2025."
    ).entities == [
        "Orrin Works",
        "Vesper-2",
    ]  # and a date is no name: sharing "August 2025" does not make a sentence about Vesper-2
    assert parse_claim("Fewer than 275 cases were confirmed in Norlake.").entities == ["Norlake"]


def test_a_name_is_found_as_its_adjective():
    assert entity_coverage(["Bulgaria"], "276 confirmed cases in 20 Bulgarian provinces") == 1.0
    assert entity_coverage(["Quill"], "Quillon models") == 0.0


def test_two_statements_joined_by_a_semicolon_are_checked_one_by_one():
    assert split_claim("Skerry-2 does not speak itself; it turns speech into text.") == [
        "Skerry-2 does not speak itself.",
        "Skerry-2 turns speech into text.",
    ]
    # a second statement with its own subject is left alone
    assert split_claim("Quill is popular; Lark is not.") == ["Quill is popular; Lark is not."]


def test_split_lists_and_compound_subjects():
    assert split_claim("Quill leads in Ardmoor, Tolsey and Brenmark.") == [
        "Quill leads in Ardmoor",
        "Quill leads in Tolsey",
        "Quill leads in Brenmark.",
    ]
    assert split_claim("Quill-1 and Quill-2 are not licensed under Apache 2.0.") == [
        "Quill-1 is not licensed under Apache 2.0.",
        "Quill-2 is not licensed under Apache 2.0.",
    ]
    assert split_claim("Quill passed 500 million downloads.") == ["Quill passed 500 million downloads."]
    # "each" distributes the predicate over the listed subjects: every one must hold
    assert split_claim("Quill, Lark and Skerry each have more than 9,000 likes.") == [
        "Quill has more than 9,000 likes.",
        "Lark has more than 9,000 likes.",
        "Skerry has more than 9,000 likes.",
    ]
    assert split_claim("Quill-1, Quill-2 and Lark-1 are all released under Apache 2.0.") == [
        "Quill-1 is released under Apache 2.0.",
        "Quill-2 is released under Apache 2.0.",
        "Lark-1 is released under Apache 2.0.",
    ]


def test_an_export_is_no_speaker():
    # "according to X's export" names a document of figures: its figures decide, not a person's words
    frame = parse_claim("According to ModelYard's March 2025 export, Quill had 5 million likes.")
    assert frame.speaker is None and frame.content.startswith("According to ModelYard's March 2025 export")
    assert parse_claim("According to Castellan's download statistics, Quill leads.").speaker is None
    assert parse_claim("According to Castellan's chief analyst, Quill leads the market.").speaker is not None


def test_extract_claims_keeps_facts_with_offsets_and_drops_rhetoric():
    article = (
        "Open models are everywhere. Quill passed 500 million downloads in November, Lumora said. "
        "Isn't that amazing? Skerry had 44.8 million downloads in October. Who knows what comes next."
    )
    found = extract_claims(article)
    assert [c for c, _, _ in found] == [
        "Quill passed 500 million downloads in November, Lumora said.",
        "Skerry had 44.8 million downloads in October.",
    ]
    assert all(article[s:e] == c for c, s, e in found)


def test_resolve_role_from_participant_lists_and_prose():
    header = "PARTICIPANTS\nSigne Aldgate -- Head of IR, Lumora Labs\nAnneke Voss -- Chief Executive Officer, Lumora Labs"
    assert resolve_role("Lumora's CEO", [header]) == "Anneke Voss"
    assert (
        resolve_role("Castellan's CEO", ["Maren Holt is co-founder and CEO of Castellan Cloud."])
        == "Maren Holt"
    )
    assert resolve_role("Pellucid's CTO", ["no names here"]) == "Pellucid's CTO"
    call = "Lumora Labs Inc.\nQ4 results call\n\nAnneke Voss (Chief Executive Officer): Thank you."
    assert resolve_role("Lumora's chief executive", [call]) == "Anneke Voss"
    assert resolve_role("Castellan's chief executive", [call]) == "Castellan's chief executive"
    assert resolve_role("Lumora's CFO", [call]) == "Lumora's CFO"


def test_combine_follows_the_list_convention():
    assert combine(["SUPPORTED", "SUPPORTED"]) == "SUPPORTED"
    assert combine(["SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO"]) == "REFUTED"
    assert combine(["SUPPORTED", "NOT_ENOUGH_INFO"]) == "NOT_ENOUGH_INFO"


# --- aggregation over hand-made evidence ---------------------------------------------------------------------


def ev(
    text: str,
    *,
    date=None,
    kind="news",
    speaker=None,
    role=None,
    probs=(0.8, 0.05, 0.15),
    title="Doc",
    reply_to=None,
    document=None,
) -> Evidence:
    passage = Passage(
        id=f"d-{hash(text)}:0",
        doc_id=f"d-{hash(text)}",
        index=0,
        text=text,
        char_start=0,
        char_end=len(text),
        source="s",
        title=title,
        kind=kind,
        date=date,
        speaker=speaker,
        role=role,
    )
    e = Evidence(
        passage,
        0,
        len(text),
        text,
        f"{speaker}: {text}" if speaker else text,
        text,
        document=document or text,
        relevance=1 - probs[2],
        probs=probs,
        reply_to=reply_to,
    )
    return e


def judge(claim: str, evidence: list[Evidence]):
    frame = parse_claim(claim)
    speaker = resolve_role(frame.speaker, [e.document for e in evidence]) if frame.speaker else None
    for e in evidence:
        e.findings = evidence_findings(frame, e, speaker)
    return decide(frame, evidence)


def test_threshold_claims_against_exact_and_bounded_figures():
    claim = "Quill has passed 700 million downloads."
    assert judge(claim, [ev("Quill has more than 600 million downloads.")]).label == "NOT_ENOUGH_INFO"
    assert judge(claim, [ev("Quill now has more than 700 million downloads.")]).label == "SUPPORTED"
    refuted = judge(claim, [ev("Quill has 642.3 million downloads.")])
    assert refuted.label == "REFUTED" and refuted.decided_by == "rules:numeric"


def test_one_refuted_figure_refutes_the_sentence_that_agrees_with_the_others():
    claim = (
        "In Skerry there are less than 190 active quillpox cases , including one member and one staff member."
    )
    source = ev("In Skerry there are 212 active quillpox cases , including one member and one staff member.")
    decision = judge(claim, [source])
    assert decision.label == "REFUTED" and decision.decided_by == "rules:numeric"


def test_a_figure_for_a_named_part_is_that_parts():
    source = ev(
        "As of 9 May , Skerry counts 58 quillpox cases , 41 in Kestrel Province , and 17 in the Lark Federation "
        ", and none in Orrin ."
    )
    assert judge(
        "17 quillpox cases have been reported in the Lark Federation of Skerry .", [source]
    ).label == ("SUPPORTED")
    assert judge("Over 20 quillpox cases were reported in the Lark Federation .", [source]).label == "REFUTED"


def test_one_named_family_s_figure_is_a_floor_for_all_of_its_owner_s_models():
    quill = "Lumora Labs' Quill code models have been downloaded 476 million times on ModelYard."
    claim = "Lumora Labs' models, taken together, have now been downloaded more than {} times on ModelYard."
    assert judge(claim.format("half a billion"), [ev(quill)]).label == "NOT_ENOUGH_INFO"
    assert judge(claim.format("400 million"), [ev(quill)]).label == "SUPPORTED"
    assert (
        judge(claim.replace("more than", "fewer than").format("450 million"), [ev(quill)]).label == "REFUTED"
    )
    # the family's own claim is judged on its own figure
    assert (
        judge("Lumora Labs' Quill models have passed half a billion downloads.", [ev(quill)]).label
        == "REFUTED"
    )


def test_the_named_part_yields_to_what_is_counted_and_to_money():
    # the subject's name is in every figure's stretch: the counted noun decides ("records" are no "yards")
    yards = ev(
        "Orrin played for Lark University where he holds 19 passing records including 6,112 passing yards ."
    )
    assert judge("Orrin recorded under 5,800 passing yards at Lark University .", [yards]).label == "REFUTED"
    lines = ev("In Skerry , Brantley acquired 48,000 access lines for US $ 88 million from Kestrel .")
    assert judge("Brantley acquired more than 48,600 access lines from Kestrel .", [lines]).label == "REFUTED"


def test_newest_document_wins_for_present_tense_claims():
    old = ev("Quill downloads top 400 million.", date="2025-05-06")
    new = ev("Quill downloads passed 700 million.", date="2025-11-18")
    assert judge("Quill has more than 650 million downloads.", [old, new]).label == "SUPPORTED"
    # a claim that names a date is judged at that date
    assert (
        judge("As of 6 May 2025, Quill had more than 650 million downloads.", [old, new]).label == "REFUTED"
    )


def test_numbers_about_another_entity_do_not_count():
    decision = judge("Skerry has passed 700 million downloads.", [ev("Quill has 642.3 million downloads.")])
    assert decision.label == "NOT_ENOUGH_INFO"


def test_correction_notice_retracts_a_figure():
    text = "Correction: an earlier version incorrectly stated that Quill had 4 billion downloads."
    assert judge("Quill models have been downloaded 4 billion times.", [ev(text)]).label == "REFUTED"


def test_a_retracted_figure_the_claim_does_not_give_is_read_by_nobody():
    # the scorer reads the retracted "3.1 million" as support for the words it shares with the claim; the
    # correction's refutation is only for a claim that repeats it, here it says nothing either way
    notice = ev(
        "Correction, 2 June 2031: An earlier version of this article said Kestrel-2-Fast was downloaded "
        "3.1 million times in its first week.",
        probs=(0.85, 0.1, 0.05),
    )
    decision = judge("Kestrel-2-Fast's first-week downloads came to about a third of a million.", [notice])
    assert decision.label == "NOT_ENOUGH_INFO"


def test_rumours_do_not_support():
    rumour = ev("Lumora will release Quill-4 in December 2025, according to people familiar with the matter.")
    assert judge("Lumora will release Quill-4 in December 2025.", [rumour]).label == "NOT_ENOUGH_INFO"


def test_attribution_hedge_refusal_host_and_silence():
    host = ev(
        "You've captured the lion's share of the market.",
        kind="transcript",
        speaker="Marguerite Olsen",
        role="host",
    )
    refusal = ev(
        "I wouldn't use that phrase.",
        kind="transcript",
        speaker="Anneke Voss",
        reply_to=host.text,
        probs=(0.3, 0.1, 0.6),
    )
    hedge = ev(
        "I think we have the lion's share of the market, probably.",
        kind="transcript",
        speaker="Anneke Voss",
    )
    claim = "Anneke Voss confirmed that Quill has the lion's share of the market."
    assert judge(claim, [host, refusal]).label == "REFUTED"
    assert judge(claim, [host, hedge]).label == "NOT_ENOUGH_INFO"
    assert judge(claim, [host]).label == "NOT_ENOUGH_INFO"  # the host's words are not the guest's
    assert judge("Quill has the lion's share of the market.", [host]).label == "NOT_ENOUGH_INFO"


def test_a_no_to_the_question_leaves_the_askers_figure_before_it_open():
    # regression: "Our figures put Lumora at about 57 percent. Do you dominate that market?" - "I wouldn't
    # call it that." refuted "Lumora has about 57 percent of the market"
    premise = "Our figures put Lumora at about 57 percent of speech-model downloads in Norlake."
    question = "Do you dominate that market now?"
    claim = "Lumora accounts for about 57 percent of speech-model downloads in Norlake."

    def answer(asked):
        e = ev(
            "I wouldn't call it that.",
            kind="transcript",
            speaker="Anneke Voss",
            reply_to=premise,
            probs=(0.02, 0.02, 0.96),
        )
        e.asked, e.relevance = asked, 0.9
        return e

    assert judge(claim, [answer(f"BRANT: {question}")]).label == "NOT_ENOUGH_INFO"
    # "Is that right?" asks about the figure itself, and a turn with no closing question asserts it
    assert judge(claim, [answer("Is that right?")]).label == "REFUTED"
    assert judge(claim, [answer(None)]).label == "REFUTED"


def test_an_answer_to_a_host_decides_a_plain_claim():
    host = ev(
        "And Lumora is an investor in Pellucid, right?",
        kind="transcript",
        speaker="Marisol Quentin",
        role="host",
    )
    answer = ev(
        "No. Lumora has no stake in Pellucid.",
        kind="transcript",
        speaker="Rohan Kaelin",
        reply_to=host.text,
        probs=(0.2, 0.4, 0.4),
    )
    decision = judge("Lumora Labs is an investor in Pellucid Robotics.", [host, answer])
    assert decision.label == "REFUTED" and decision.refute == [answer]


def test_a_yes_that_agrees_to_answer_then_denies_is_not_a_confirmation():
    host = ev(
        "There were reports that you are in talks to buy Skerry. Can you clarify?",
        kind="transcript",
        speaker="Marisol Quentin",
        role="host",
    )
    answer = ev(
        "Yes, I can: Lumora is not in talks to acquire Skerry, and it has not been.",
        kind="transcript",
        speaker="Anneke Voss",
        reply_to=host.text,
        probs=(0.56, 0.05, 0.39),  # the scorer, confused by the negation
    )
    answer.relevance = 0.95  # topically it is the claim itself
    decision = judge("Lumora is in talks to acquire Skerry.", [host, answer])
    assert decision.label == "REFUTED", decision.explanation


def test_weak_evidence_is_not_enough():
    weak = ev("Lumora makes robots.", probs=(0.3, 0.05, 0.65))
    assert judge("Lumora builds warehouse robots.", [weak]).label == "NOT_ENOUGH_INFO"


def test_a_claim_with_figures_needs_them_checked():
    unrelated_numbers = ev(
        "Quill-3-8B was downloaded more than 13 million times in August.", probs=(0.8, 0.05, 0.15)
    )
    decision = judge(
        "Quill-3-8B was downloaded more than 2 million times on its first day.", [unrelated_numbers]
    )
    assert decision.label != "SUPPORTED"


def test_hedged_figures_do_not_support():
    hedged = ev("Quill models may have reached 500 million downloads, analysts think.")
    assert judge("Quill models have 500 million downloads.", [hedged]).label != "SUPPORTED"


def test_every_figure_of_a_claim_must_agree():
    one = ev("Skerry has 40 million downloads and 3,000 derivative models.")
    decision = judge("Skerry has 40 million downloads and 9,000 derivative models.", [one])
    assert decision.label == "REFUTED"
    only_first = ev("Skerry has 40 million downloads.")
    assert (
        judge("Skerry has 40 million downloads and 9,000 derivative models.", [only_first]).label
        != "SUPPORTED"
    )


def test_an_agreeing_year_does_not_vouch_for_the_amount_beside_it():
    # the year agrees, the amount is neither confirmed ("roughly 104 million" may be over 107) nor denied
    rough = ev("As of July 2024 , Quill models had roughly 104,307,132 downloads in total .")
    decision = judge("In 2024 , Quill models had a total of over 107 million downloads .", [rough])
    assert decision.label != "SUPPORTED"


def test_a_yes_is_not_undone_by_a_later_negation():
    host = ev("So Lumora funds Pellucid, right?", kind="transcript", speaker="Marisol Quentin", role="host")
    yes = ev("Yes.", kind="transcript", speaker="Rohan Kaelin", reply_to=host.text, probs=(0.3, 0.1, 0.6))
    later = ev(
        "We're not stopping there.",
        kind="transcript",
        speaker="Rohan Kaelin",
        reply_to=host.text,
        probs=(0.3, 0.1, 0.6),
    )
    later.position = 3
    assert judge("Lumora funds Pellucid.", [host, yes, later]).label == "SUPPORTED"


def test_comparison_parsing_and_metric_fields():
    from assistant.verify.records import Record, metric, read_fields
    from assistant.verify.table_claims import parse_comparison

    c = parse_comparison("Quill has more quantized derivative models on ModelYard than Skerry.")
    assert (c.a, c.b, c.metric, c.more) == ("Quill", "Skerry", "quantized derivative models", True)
    assert parse_comparison("Quill is popular in Ardmoor.") is None
    c = parse_comparison("Quill models are currently downloaded more often each month than Skerry models.")
    assert (c.a, c.b, c.more) == ("Quill", "Skerry", True)
    row = Record(
        None,  # type: ignore[arg-type]
        read_fields(
            "family: Skerry | downloads.all_time_millions: 812.39 | downloads.last_30d_millions: 31.37 | "
            "derivative_models.quantizations: 46476 | derivative_models.total: 120000"
        ),
    )
    assert metric("quantized derivative models", [row]) == "derivative_models.quantizations"
    assert metric("derivative models", [row]) == "derivative_models.total"
    assert metric("downloads", [row]) == "downloads.all_time_millions"
    assert metric("cumulative downloads", [row]) == "downloads.all_time_millions"
    assert metric("downloads in the last 30 days", [row]) == "downloads.last_30d_millions"
    assert row.value("downloads.last_30d_millions") == 31.37e6


def test_a_scorer_verdict_cites_only_the_sentences_that_decided_it():
    strong = ev("Lumora Labs opened an office in Porto.", probs=(0.9, 0.05, 0.05))
    weak = ev("Lumora Labs hires staff in Porto and Lisbon.", probs=(0.4, 0.1, 0.5))
    decision = judge("Lumora Labs opened an office in Porto.", [strong, weak])
    assert decision.label == "SUPPORTED" and decision.support == [strong]


def test_a_matching_year_alone_does_not_support_against_the_scorer():
    # the year agrees, the title does not: the scorer's contradiction is not overruled by the year
    claim = "Wenna Brandt has held the Skerry Cup title since 2019."
    text = "Wenna Brandt has held the Lark Trophy title since 2019."
    assert judge(claim, [ev(text, probs=(0.1, 0.7, 0.2))]).decided_by != "rules:numeric"
    assert judge(claim, [ev(text, probs=(0.1, 0.7, 0.2))]).label != "SUPPORTED"
    # a counted figure that agrees still decides, whatever the scorer says
    figure = judge(
        "Quill had 41 releases in 2019.", [ev("Quill had 41 releases in 2019.", probs=(0.2, 0.6, 0.2))]
    )
    assert figure.label == "SUPPORTED" and figure.decided_by == "rules:numeric"


def test_an_agreeing_date_alone_needs_a_sentence_about_the_claim():
    # the date meets the bound, but the sentence is about schools and pupils, not households: it shares the
    # time, not the claim
    claim = "By June 2031, most households in several Lark cities had been connected to the grid."
    topical = ev(
        "RESULTS: By April 6, 2031, there were 74 schools that had been reported closed in 19 Lark districts, "
        "reflecting an estimated 176 190 pupils nationwide connected to the Kestrel network.",
        probs=(0.31, 0.18, 0.51),
    )
    assert judge(claim, [topical]).label != "SUPPORTED"
    # the same date with a sentence that says the rest of the claim supports it
    restating = ev(
        "By April 2031, most households in several Lark cities had been connected to the grid, a survey found.",
        probs=(0.45, 0.30, 0.25),
    )
    decision = judge(claim, [restating])
    assert decision.label == "SUPPORTED" and decision.decided_by == "rules:numeric"


def test_ranks_decide_with_what_is_ranked_and_a_tally_of_points_is_a_score():
    # the ranked thing's name is in both ranks of the sentence: what is ranked ("nominal output") decides
    source = ev(
        "The economy of Skerry is the 19th largest by purchasing power , and 37th largest by nominal output ."
    )
    assert (
        judge("Skerry ranks behind the 35th largest economy by nominal output .", [source]).label
        == "SUPPORTED"
    )
    assert (
        judge("Skerry ranks above the 35th largest economy by nominal output .", [source]).label == "REFUTED"
    )
    chart = ev("Lark Song has so far peaked at number 31 on the Kestrel Hot 100 .")
    assert judge("Lark Song ranked above 33rd on the Kestrel Hot 100 .", [chart]).label == "SUPPORTED"
    # a place that agrees does not carry a tally of points that does not
    table = ev(
        "Quill FC was the first Orrin League champion ( with 52:26 points ) over second place club Lark FC ."
    )
    claim = "Quill FC won the first Orrin League with 52:22 points , and Lark FC came in second place ."
    assert judge(claim, [table]).label == "REFUTED"


def test_an_amount_is_read_only_against_amounts_in_its_own_currency():
    quarter = ev("Lumora Labs' third-quarter revenue was 515 million skerrins, about US$142 million.")
    assert judge("Lumora Labs' third-quarter revenue topped US$500 million.", [quarter]).label == "REFUTED"
    year = ev("For the full year, Lumora Labs' revenue was 1.9 billion skerrins, or about US$524 million.")
    assert judge("Lumora Labs' revenue for the year exceeded US$500 million.", [year]).label == "SUPPORTED"
    euros = ev("Lumora Labs raised 40 million euros in its second round.")
    assert (
        judge("Lumora Labs raised more than $35 million in its second round.", [euros]).label != "SUPPORTED"
    )


def test_a_figure_hyphenated_to_its_unit_measures_the_noun_after_it():
    claim = "Every Skerry-2 size handles a 64k-token context."
    window = ev("All three Skerry-2 sizes accept a context window of 64,000 tokens.")
    training = ev("The Skerry-2 models were trained on 9 trillion tokens, of which 6 trillion were code.")
    assert judge(claim, [training]).label == "NOT_ENOUGH_INFO"
    assert judge(claim, [window, training]).label == "SUPPORTED"


def test_a_change_in_points_is_read_from_two_percentages_side_by_side():
    share = ev(
        "Brantley Partners estimates that Lark took 41 percent of spending on Skerry robots in 2031, up from 34 percent."
    )
    rose = "Brantley Partners estimates that Lark's share of spending on Skerry robots rose by seven percentage points in 2031."
    assert judge(rose, [share]).label == "SUPPORTED"
    assert judge(rose.replace("seven", "four"), [share]).label == "REFUTED"
    assert judge(rose.replace("rose", "fell"), [share]).label == "REFUTED"
    # a rise of 7 percent is relative: 34 to 41 percent is a rise of a fifth, and the points are no such figure
    assert judge(rose.replace("percentage points", "percent"), [share]).label != "SUPPORTED"
    margin = ev(
        "Operating margin at Orrin Works was 14 percent in the quarter, compared with 9 percent a year before."
    )
    higher = (
        "Orrin Works' operating margin in the quarter was five percentage points higher than a year before."
    )
    assert judge(higher, [margin]).label == "SUPPORTED"


def test_a_change_by_a_fraction_is_relative_and_a_change_in_points_is_not():
    levels = ev(
        "On the Skerry benchmark the error rate went from 12.5 percent with Lark-1 to 8.0 percent with Lark-2."
    )
    # 12.5 to 8.0 is a cut of 36 percent of where it started: more than a third, not 36 points
    assert (
        judge("Lark-2 cut its predecessor's error rate by more than a third.", [levels]).label == "SUPPORTED"
    )
    assert judge("Lark-2 cut its predecessor's error rate by two thirds.", [levels]).label == "REFUTED"
    assert judge("Lark-2 raised its predecessor's error rate by a third.", [levels]).label == "REFUTED"
    assert judge("Lark-2 lowered the error rate by about 36 percentage points.", [levels]).label == "REFUTED"
    assert judge("Lark-2 lowered the error rate by 4.5 percentage points.", [levels]).label == "SUPPORTED"
    # a change the source states itself ("up 36 percent") is a change too, with its direction
    stated = ev("Lark Cloud revenue was 4.2 billion crowns in the quarter, up 36 percent year on year.")
    grew = "Lark Cloud revenue grew by more than 30 percent year on year."
    assert judge(grew, [stated]).label == "SUPPORTED"
    assert judge(grew.replace("30", "40"), [stated]).label == "REFUTED"
    assert judge(grew.replace("grew", "fell"), [stated]).label == "REFUTED"
    # a plain share is never read against the change
    assert judge("Lark-2 has an error rate of 36 percent.", [levels]).label != "SUPPORTED"


def test_a_quarter_is_no_figure_for_the_year_and_a_forecast_no_result():
    quarter = ev("Revenue at Orrin Works for the second quarter was 61.2 million crowns, up 9 percent.")
    guidance = ev("For the full year Orrin Works now expects revenue of between 240 and 250 million crowns.")
    # a quarter's revenue against the year's guidance, and the other way round, say nothing
    assert judge(
        "Orrin Works' second-quarter revenue was about 61 million crowns.", [guidance, quarter]
    ).label == ("SUPPORTED")
    assert (
        judge("Orrin Works' full-year revenue came to 250 million crowns.", [quarter]).label
        == "NOT_ENOUGH_INFO"
    )
    # "under the guidance of" someone is no forecast
    mentored = ev(
        "Under the guidance of Mira Sand, Orrin Works posted revenue of 250 million crowns for the full year."
    )
    assert (
        judge("Orrin Works' full-year revenue came to 250 million crowns.", [mentored]).label == "SUPPORTED"
    )
    # guidance is a forecast: it neither gives nor contradicts the year's result
    assert (
        judge("Orrin Works' full-year revenue came to 300 million crowns.", [guidance]).label
        == "NOT_ENOUGH_INFO"
    )
    assert (
        judge("Orrin Works' full-year revenue came to 250 million crowns.", [guidance]).label
        == "NOT_ENOUGH_INFO"
    )
    assert judge(
        "Orrin Works expects full-year revenue of at least 240 million crowns.", [guidance]
    ).label == ("SUPPORTED")


def test_a_total_over_kinds_gives_no_figure_for_one_kind():
    total = ev(
        "Kestrel is the base model for more than 85,000 public derivative models on ModelYard, counting "
        "fine-tunes, quantizations, adapters and merges."
    )
    assert judge("Kestrel has more than 80,000 derivative models.", [total]).label == "SUPPORTED"
    # the claim counts one kind of what the source totals: the total bounds none of its parts from below
    assert (
        judge("Kestrel has more than 80,000 fine-tuned derivative models.", [total]).label
        == "NOT_ENOUGH_INFO"
    )
    assert judge("Kestrel has more than 80,000 quantized models.", [total]).label == "NOT_ENOUGH_INFO"


def test_an_officer_who_reports_a_figure_is_judged_on_their_own_words():
    call = (
        "Lumora Labs results call\n\nMira Sand (Chief Executive Officer): Thank you all.\n"
        "Tovan Hale (Chief Financial Officer): Lumora revenue for the second quarter was 61.2 million crowns."
    )
    said = ev(
        "Lumora revenue for the second quarter was 61.2 million crowns.",
        kind="transcript",
        speaker="Tovan Hale",
        role="Chief Financial Officer",
    )
    said.document = call
    # the chief executive did not give the figure, whoever did: the attribution is not established
    claim = "Lumora's chief executive reported second-quarter revenue of 61.2 million crowns."
    assert judge(claim, [said]).label == "NOT_ENOUGH_INFO"
    # a country's or a company's reported count is its data, which any source may give
    assert parse_claim("Lark Federation reported 410 cases.").speaker is None


def test_a_figure_counts_over_the_period_its_documents_title_names():
    margin = ev(
        "Operating margin was 13.0 percent, compared with 9.0 percent a year ago.",
        kind="transcript",
        speaker="Tovan Hale",
        title="Orrin Works - Second quarter 2031 results call",
    )
    claim = "Orrin Works' operating margin widened by 4 percentage points year on year in the second quarter of 2031."
    assert judge(claim, [margin]).label == "SUPPORTED"
    assert judge(claim.replace("by 4", "by 6"), [margin]).label == "REFUTED"
    # a title's quarter is no period for a sentence that names its own
    annual = ev(
        "Annual operating margin was 13.0 percent, compared with 9.0 percent a year ago.",
        speaker="Tovan Hale",
        title="Orrin Works - Second quarter 2031 results call",
    )
    assert judge(claim.replace("by 4", "by 6"), [annual]).label != "REFUTED"


def test_a_part_of_a_whole_is_a_share_of_it():
    from assistant.verify.changes import shares_of_whole
    from assistant.verify.quantities import extract_quantities

    total = ev(
        "Skerry Cloud revenue for the quarter was 80.0 million crowns, of which the hosted search API brought in "
        "52.4 million crowns."
    )
    # 52.4 of 80.0 is 65.5 percent
    assert judge(
        "The hosted search API brought in more than 60 percent of Skerry Cloud revenue.", [total]
    ).label == ("SUPPORTED")
    assert judge(
        "The hosted search API brought in less than half of Skerry Cloud revenue.", [total]
    ).label == ("REFUTED")
    # the whole may be the sentence before's: "... contributed 52.4 million of that"
    part = "The hosted search API contributed 52.4 million crowns of that."
    [share] = shares_of_whole(part, "Revenue was 80.0 million crowns.", extract_quantities(part))
    assert abs(share.value - 65.5) < 0.01 and share.kind == "percent" and "revenu" in share.context


def test_a_sentence_that_opens_a_year_earlier_gives_the_level_before():
    from assistant.verify.alignment import compare
    from assistant.verify.changes import earlier_changes
    from assistant.verify.quantities import extract_quantities

    before = (
        "Brantley Partners estimates that Lark took an estimated 41 percent of Skerry robot spending in 2031."
    )
    then = "A year earlier, Brantley put Lark's share at 34 percent."
    points = [q for q in earlier_changes(then, before, extract_quantities(then)) if q.kind == "points"]
    assert [round(q.value, 6) for q in points] == [7.0]
    # the difference of the source's own figures supports the claimed change to the digit, estimated or not
    seven = parse_claim("Lark's share of Skerry robot spending rose by seven percentage points in a year.")
    assert compare(seven.quantities[0], points[0]) == "supports"
    assert (
        compare(parse_claim("Lark's share rose by 12 percentage points.").quantities[0], points[0])
        == "refutes"
    )
    # a sentence that does not open on an earlier time gives no change
    assert (
        earlier_changes(
            "Lark's share was 34 percent.", before, extract_quantities("Lark's share was 34 percent.")
        )
        == []
    )


def test_a_fraction_word_is_rounded_and_an_estimate_establishes_no_fact():
    estimate = ev(
        "Brantley Partners estimates that Lark took 33 percent of spending on Skerry robots in 2031."
    )
    bare = "Lark holds a third of spending on Skerry robots."
    assert judge(bare, [estimate]).label == "NOT_ENOUGH_INFO"
    named = "Brantley Partners estimates that Lark took a third of spending on Skerry robots in 2031."
    assert judge(named, [estimate]).label == "SUPPORTED"
    fact = ev("Lark took 33 percent of spending on Skerry robots in 2031.")
    assert judge(bare.replace("holds", "took") + "", [fact]).label != "REFUTED"  # a third is about 33 percent
    assert judge("Lark took two thirds of spending on Skerry robots in 2031.", [fact]).label == "REFUTED"
    sales = ev(
        "With estimated sales of over 9 million copies worldwide , Skerry Nights is a best-selling album ."
    )
    assert judge("Skerry Nights sold less than 9 million copies worldwide .", [sales]).label == "REFUTED"


def test_a_version_in_a_name_is_no_figure():
    # regression: "Apache 2.0" was read as the figure 2.0, which "agreed" with the claim's and supported it
    claim = "Quill-2 is not licensed under Apache 2.0."
    unsure = (0.3, 0.5, 0.2)  # the rules, not the scorer, made it SUPPORTED
    assert (
        judge(claim, [ev("Quill-2 is not licensed under MIT; it uses Apache 2.0.", probs=unsure)]).label
        != "SUPPORTED"
    )
    plain = "Quill-2 is licensed under Apache 2.0."
    assert (
        judge(plain, [ev("Quill-2 is licensed under MIT, not Apache 2.0.", probs=unsure)]).label
        != "SUPPORTED"
    )


def test_a_place_at_number_three_is_a_rank_not_a_count():
    # "entered the chart at number three" is a place; "61,737 copies" counts what the claim counts
    found = evidence_findings(
        parse_claim("Skerry Nights sold more than 61,000 copies during the first week in Lark ."),
        ev(
            "Skerry Nights entered the Lark Albums Chart at number three , selling 61,737 copies during the "
            "first week in Lark ."
        ),
    )
    assert [f.stance for f in found if f.kind == "numeric"] == ["supports"]


def test_a_sibling_named_only_as_the_measure_of_comparison_leaves_the_sentence_its_own_model():
    title = "Kestrel-4 enters preview"
    said = "The model was trained on thirty-four years of sensor data, two years more than Kestrel-3."
    compared = ev(said, title=title, document=f"{title}\n{said}")
    assert (
        judge("Kestrel-4 learned from more than three decades of sensor data.", [compared]).label
        == "SUPPORTED"
    )
    assert (
        judge("Kestrel-4 learned from more than four decades of sensor data.", [compared]).label == "REFUTED"
    )
    sibling = "Kestrel-3 was trained on thirty-four years of sensor data."
    other = ev(sibling, title=title, document=f"{title}\n{sibling}")
    assert (
        judge("Kestrel-4 learned from more than three decades of sensor data.", [other]).label != "SUPPORTED"
    )


def test_the_year_a_change_is_measured_from_does_not_date_the_figure():
    title = "Lumora Labs third quarter 2031 results call"
    said = (
        "Revenue for the third quarter was 52.4 million corvos, up 18 percent from the third quarter of 2030."
    )
    call = ev(said, title=title, document=f"{title}\n{said}", kind="transcript")
    claim = "Lumora Labs' revenue for the third quarter of 2031 was roughly 52 million corvos."
    assert judge(claim, [call]).label == "SUPPORTED"
    assert judge(claim.replace("52 million", "81 million"), [call]).label == "REFUTED"


def test_a_share_that_made_up_part_of_a_whole_changes_in_points():
    title = "Lumora Labs third quarter results call"
    said = "Cloud hosting made up 48 percent of revenue, compared with 41 percent a year ago."
    call = ev(said, title=title, document=f"{title}\n{said}", kind="transcript", speaker="Anneke Voss")
    claim = "Cloud hosting's share of Lumora Labs' revenue rose seven percentage points in a year."
    assert judge(claim, [call]).label == "SUPPORTED"
    # "nearly 12 points" is close under 12, not the 7 points the two levels give
    nearly = "Cloud hosting's share of Lumora Labs' revenue rose by nearly 12 percentage points year on year."
    assert judge(nearly, [call]).label == "REFUTED"


def _results_call(said: str) -> Evidence:
    title = "Orrin Works third quarter 2031 results call"
    return ev(said, title=title, document=f"{title}\n{said}", kind="transcript", speaker="Maren Holt")


def test_an_amount_in_a_currency_code_its_bound_and_its_change_from_the_level_beside_it():
    call = _results_call(
        "Revenue for the third quarter was KVV 6.15 billion, compared with KVV 5.00 billion in the third quarter "
        "of last year."
    )
    # a bound before a currency code, "third-quarter" as "the third quarter", and "KVV 7B" no name
    assert judge("Orrin Works' third-quarter revenue came in under KVV 7B.", [call]).label == "SUPPORTED"
    assert judge("Orrin Works' third-quarter revenue came in under KVV 6B.", [call]).label == "REFUTED"
    # the change between the two amounts: 23 percent
    assert (
        judge("Orrin Works grew its third-quarter revenue by more than a fifth.", [call]).label == "SUPPORTED"
    )
    assert (
        judge("Orrin Works grew its third-quarter revenue by more than a third.", [call]).label == "REFUTED"
    )
    assert judge("Orrin Works grew its third-quarter revenue by 23 percent.", [call]).label == "SUPPORTED"
    # the earlier level set beside the present one is no figure for the present
    assert judge("Orrin Works' third-quarter revenue was about KVV 5 billion.", [call]).label == "REFUTED"


def test_a_change_measured_on_an_earlier_year_and_a_share_against_a_stated_change():
    up_on = _results_call(
        "Revenue for the third quarter was 48.6 million velks, up 22 percent on the third quarter of 2030."
    )
    assert (
        judge("Orrin Works reported third-quarter 2031 revenue of about 49 million velks.", [up_on]).label
        == "SUPPORTED"
    )
    # a share ("made up more than 40 percent") is never read against a stated change ("up 28 percent")
    grew = _results_call(
        "Revenue for the third quarter was 412 million velks, up 28 percent from the same quarter last year."
    )
    claim = "Hosted inference made up more than 40 percent of Orrin Works' third-quarter 2031 revenue."
    assert judge(claim, [grew]).label == "NOT_ENOUGH_INFO"


def test_an_amount_of_money_is_never_read_against_a_count_of_things():
    said = "The Kestrel-3 models were trained on fourteen trillion tokens of text."
    launch = ev(
        said, title="Orrin Works launches Kestrel-3", document=f"Orrin Works launches Kestrel-3\n{said}"
    )
    assert (
        judge("Orrin Works spent more than KVV 1 billion training Kestrel-3.", [launch]).label
        == "NOT_ENOUGH_INFO"
    )
    assert (
        judge("The Kestrel-3 models were trained on more than 10 trillion tokens.", [launch]).label
        == "SUPPORTED"
    )
    call = _results_call("We added 38 people in the quarter and ended September with 412 employees.")
    assert (
        judge("Orrin Works' revenue for the third quarter was roughly US$39 million.", [call]).label
        != "REFUTED"
    )


def test_a_currency_spelled_out_in_brackets_or_joined_to_its_amount_is_money():
    # "KVV 45 million (Kelvani vaira)": the claim's "vaira" are that money, read against the amount
    fund = ev(
        "The work is funded by Lumora Labs, which is committing KVV 45 million (Kelvani vaira) to Skerry over "
        "the next three years."
    )
    assert judge("Lumora is committing 45 billion vaira to Skerry.", [fund]).label == "REFUTED"
    assert judge("Lumora is committing 45 million vaira to Skerry.", [fund]).label == "SUPPORTED"
    # a name joined to the figure ("a 1.8-million-franc grant") is the currency, as "CHF" is
    grant = ev("Skerry is funded by a grant of CHF 1.8 million from the Arlen Trust.")
    assert judge("Skerry is funded by a 2.8-million-franc grant.", [grant]).label == "REFUTED"
    assert judge("Skerry is funded by a 1.8-million-franc grant.", [grant]).label == "SUPPORTED"
    # and francs are no euros
    assert judge("Skerry is funded by a grant of 1.8 million euros.", [grant]).label == "NOT_ENOUGH_INFO"


def test_a_share_of_another_market_says_nothing_of_the_claims():
    from assistant.verify.stance import market_gap

    claim = "Castellan has the lion's share of Kestrel's drone-mapping market."
    solar = ev(
        "Castellan Energy installed 61% of new battery packs in Kestrel last year, the lion's share of the market.",
        probs=(0.9, 0.03, 0.07),
    )
    assert judge(claim, [solar]).label == "NOT_ENOUGH_INFO"
    assert market_gap(claim, solar.text)
    # the claim's own market, in other order or words around it, is no gap
    assert not market_gap(
        claim, "In Kestrel, Castellan holds the lion's share of drone mapping, 61% of the market."
    )
    assert not market_gap(
        "Castellan leads the market for drone mapping.", "Castellan has 61% of drone-mapping sales."
    )
    assert not market_gap("Castellan holds 40% of the market.", "Castellan has 61% of battery sales.")


def test_a_total_says_nothing_of_the_count_that_leaves_a_kind_out():
    claim = "Setting adapters aside, Quill has more than 40,000 derivative models."
    total = ev("Developers have published just over 42,000 derivative models based on Quill.")
    assert judge(claim, [total]).label == "NOT_ENOUGH_INFO"
    listed = ev(
        "Quill has 42,000 derivative models, counting fine-tunes, quantizations, adapters and merges."
    )
    assert judge(claim, [listed]).label == "NOT_ENOUGH_INFO"
    # a source that leaves the same kind out gives the claim's very count
    same = ev("Not counting adapters, Quill has 41,200 derivative models.")
    assert judge(claim, [same]).label == "SUPPORTED"


def test_an_amount_of_money_is_not_read_against_a_count_of_things():
    claim = "Castellan spent more than KVV 2 billion training Lark-3."
    tokens = ev("Castellan trained Lark-3 on nine trillion tokens.", probs=(0.1, 0.1, 0.8))
    assert judge(claim, [tokens]).label == "NOT_ENOUGH_INFO"
    spent = ev("Castellan spent KVV 1.2 billion training Lark-3.", probs=(0.1, 0.1, 0.8))
    assert judge(claim, [spent]).label == "REFUTED"


def test_a_growing_count_below_the_mark_before_the_claims_time_refutes_nothing():
    claim = "Quill passed 300 million downloads in December 2026."
    earlier = ev(
        "As of 31 October 2026, Quill models had been downloaded 280 million times.", date="2026-11-02"
    )
    assert judge(claim, [earlier]).label == "NOT_ENOUGH_INFO"
    # after the claim's month, still below the mark: it was below it then too
    later = ev("As of 5 January 2027, Quill models had been downloaded 280 million times.", date="2027-01-06")
    assert judge(claim, [later]).label == "REFUTED"
    # a mark still to come is not missed by today's figure
    now = ev("Lark has been downloaded 41 million times.", date="2026-09-30")
    assert judge("Lark will top 50 million downloads in 2027.", [now]).label == "NOT_ENOUGH_INFO"


def test_a_count_in_an_exports_field_is_no_year():
    from assistant.verify.figure_findings import count_in_a_field
    from assistant.verify.quantities import extract_quantities

    row = "model_id: kestrel/Lark-2 | likes: 2030 | downloads_total_k: 500 | snapshot_date: 2026-09-30"
    years = [q for q in extract_quantities(row) if q.kind == "year"]
    assert [count_in_a_field(row, q) for q in years if q.text == "2030"] == [True]
    assert not count_in_a_field("release_year: 2030", extract_quantities("release_year: 2030")[0])


def test_a_figure_for_the_models_is_none_for_an_app_of_the_same_name():
    claim = "Castellan's Kestrel app has been downloaded 12 million times."
    models = ev("Castellan's Kestrel models have been downloaded 310 million times.", probs=(0.1, 0.8, 0.1))
    assert judge(claim, [models]).label == "NOT_ENOUGH_INFO"
    app = ev("Castellan's Kestrel app has been downloaded 12 million times.")
    assert judge(claim, [app]).label == "SUPPORTED"
    # an export's row for the family (what Checker._table reads) names no app either
    from assistant.verify.names import other_kind

    row = "family: Kestrel | org: Castellan | downloads_alltime_millions: 310"
    assert other_kind(claim, row) == "app"
    assert other_kind("Castellan's Kestrel models have 310 million downloads.", row) is None


def test_an_organisations_app_gets_nothing_from_its_models_figures():
    # regression: "X's app has passed N downloads" was supported by the sum of X's model rows, and then by a
    # sentence on one of X's model families that names neither X nor any app (X only in the headline)
    from assistant.verify.names import other_kind

    claim = "Lumora Labs' app has passed 2 million downloads."
    rows = "model: Quill-2-7B | org: Lumora Labs | downloads_alltime_k: 41200"
    assert other_kind(claim, rows) == "app"
    assert (
        other_kind("Lumora's app has passed 2 million downloads.", "Quill crossed 80 million downloads.")
        == "app"
    )
    assert other_kind(claim, "The Lumora app has passed 2 million downloads since its launch.") is None
    assert other_kind("Lumora Labs' models have passed 2 million downloads.", rows) is None
    # an app the claim names as the way to something else is not what it counts
    via = "Lumora Labs' models have been downloaded 2 million times via the Lumora Maps app."
    assert other_kind(via, rows) is None


def test_downloads_of_datasets_or_from_app_stores_are_no_model_downloads():
    # regression: "dataset downloads across the hub grew by 41 %" supported the same growth of model downloads,
    # and a hub export's download total supported a count "from mobile app stores"
    grew = "Model downloads across ModelYard grew by 38 % between March and June 2031."
    datasets = ev(
        "Dataset downloads across the hub grew by 38% between March and June.", probs=(0.6, 0.2, 0.2)
    )
    assert judge(grew, [datasets]).label == "NOT_ENOUGH_INFO"
    models = ev("Model downloads across ModelYard grew by 38% between March and June 2031.")
    assert judge(grew, [models]).label == "SUPPORTED"
    from assistant.verify.names import other_kind

    row = "family: Kestrel | org: Castellan | downloads_alltime_millions: 310"
    stores = (
        "Castellan's Kestrel models have been downloaded more than 300 million times from mobile app stores."
    )
    assert other_kind(stores, row) == "app store"
    assert other_kind(stores, "Kestrel models have 310 million installs from app stores.") is None
    # the claim's models are only an app of the same name in the text
    app = (
        "Castellan's streaming app Kestrel Play has been downloaded 310 million times from mobile app stores."
    )
    assert other_kind("Kestrel speech models have been downloaded 310 million times.", app) == "model"
    assert other_kind("Kestrel speech models have been downloaded 310 million times.", row) is None


def test_a_total_below_the_mark_refutes_the_count_that_leaves_a_kind_out():
    claim = "Setting adapters aside, Quill has more than 40,000 derivative models."
    total = ev("Developers have published 38,500 derivative models based on Quill.")
    assert judge(claim, [total]).label == "REFUTED"


def test_a_figure_within_the_claims_month_still_settles_a_mark_by_then():
    claim = "Quill had passed 300 million downloads by mid-December 2026."
    within = ev(
        "As of 18 December 2026, Quill models had been downloaded 280 million times.", date="2026-12-20"
    )
    assert judge(claim, [within]).label == "REFUTED"


def test_us_in_capitals_is_the_country_not_the_speaker():
    from assistant.retrieve.evidence import in_third_person

    said = "Revenue was 96.4 million kavs, about 38.6 million US dollars. They pay us well."
    assert (
        in_third_person(said, "Lark")
        == "Revenue was 96.4 million kavs, about 38.6 million US dollars. They pay Lark well."
    )


def test_a_code_with_digits_is_a_name_and_an_amount_in_a_currency_code_is_not():
    # "CDK6" names a gene as "Kv19Q" names a model; "TMB 5B" and "KVV 61.0" are amounts
    assert "CDK6" in parse_claim("CDK6 shows improved binding to variants of Lark.").entities
    assert parse_claim("Orrin Works revenue came in under TMB 5B.").entities == ["Orrin Works"]
    assert parse_claim("Lumora spent KVV 61.0 million on Quill.").entities == ["Lumora", "Quill"]


def test_sizes_written_with_their_scale_letter_are_one_list():
    from tests.test_changes_and_speech import in_document

    document = (
        "Quill-3 will be released on 2 December 2026 in three sizes: 2B, 9B and 30B parameters. All three will "
        "be published under the Quill Community Licence 2.0."
    )
    sizes = "Quill-3 will be released on 2 December 2026 in three sizes: 2B, 9B and 30B parameters."
    licence = "All three will be published under the Quill Community Licence 2.0."

    def evidence():
        return [
            in_document(document, licence, probs=(0.06, 0.1, 0.84)),
            in_document(document, sizes, probs=(0.96, 0.02, 0.02)),
        ]

    assert judge("Quill-3 will be offered in 2B, 9B and 30B versions.", evidence()).label == "SUPPORTED"
    # the same letters on other counts are another list
    downloads = ev("Quill-3 has 2M, 9M and 30M downloads across its sizes.")
    assert judge("Quill-3 will be offered in 2M, 9M and 30M versions.", [downloads]).label != "SUPPORTED"


def _call(said: str) -> Evidence:
    title = "Orrin Works Q3 2031 earnings call"
    e = ev(said, title=title, document=f"{title}\n{said}", kind="transcript", speaker="Maren Holt")
    e.org = "Orrin Works"
    return e


def test_growth_from_two_levels_in_one_sentence_read_at_face_value():
    # 2.5 to 4.1 is 64 percent: "more than 60 percent" holds on the figures as stated, though each is rounded
    sales = "Our Skerry unit, billed in sterling, took in £4.1 million in the quarter, against £2.5 million a year ago."
    claim = "Orrin Works' Skerry unit, billed in sterling, grew by more than 60 % year on year in the third quarter."
    assert judge(claim, [_call(sales)]).label == "SUPPORTED"
    assert judge(claim.replace("60", "70"), [_call(sales)]).label == "REFUTED"


def test_the_earlier_level_in_the_next_clause_counts_what_the_first_counts():
    staff = _call("We closed September with 530 staff; a year earlier we were 370.")
    claim = "Orrin Works' workforce grew by more than 40 % in the year to September 2031."
    assert judge(claim, [staff]).label == "SUPPORTED"  # 370 to 530 is 43 percent
    staff = _call("We closed September with 530 staff; a year earlier we were 370.")
    assert judge(claim.replace("40", "50"), [staff]).label == "REFUTED"


def test_an_amount_restated_in_brackets_leaves_the_two_levels_side_by_side():
    report = ev(
        "Lumora posted first-half revenue of KVV 72.4 million (about US$18.0 million), up from KVV 45.1 "
        "million a year before."
    )
    claim = "Lumora's first-half revenue grew by about 60 percent from a year earlier."
    assert judge(claim, [report]).label == "SUPPORTED"  # 72.4 against 45.1: 60.5 percent


def test_the_sources_amount_put_in_another_currency_is_refuted():
    call = _call("Revenue for the third quarter was 9.6 billion corvos, up 12 percent.")
    # the very figure in pounds misreports an amount in corvos
    assert (
        judge("Orrin Works reported third-quarter 2031 revenue of £9.6 billion.", [call]).label == "REFUTED"
    )
    call = _call("Revenue for the third quarter was 9.6 billion corvos, up 12 percent.")
    assert (
        judge("Orrin Works reported third-quarter 2031 revenue of 9.6 billion corvos.", [call]).label
        == "SUPPORTED"
    )
    # another figure in another currency: no rate, nothing to set against it
    call = _call("Revenue for the third quarter was 9.6 billion corvos, up 12 percent.")
    assert (
        judge("Orrin Works reported third-quarter 2031 revenue of £9.1 billion.", [call]).label
        == "NOT_ENOUGH_INFO"
    )


def test_a_countrys_adjective_names_the_country():
    from assistant.verify.names import same_place

    assert same_place("British", "customers in the United Kingdom") and not same_place("British", "in Skerry")
    prices = ev(
        "# Orrin Works introduces Lark\n- Hosted Lark for fleets: 900 corvos per robot per month in Skerry; £5 "
        "per robot per month for\n  customers in the United Kingdom.",
        probs=(0.52, 0.02, 0.46),
    )
    claim = "Orrin Works charges British fleet operators £5 a month per robot for hosted Lark."
    assert judge(claim, [prices]).label == "SUPPORTED"
    dutch = "Orrin Works charges Dutch fleet operators £5 a month per robot for hosted Lark."
    assert judge(dutch, [prices]).label == "NOT_ENOUGH_INFO"


def test_a_speaker_s_own_estimate_and_a_sentence_with_no_share_decide_no_share():
    # an analyst's "In our estimate" on a panel is an estimate as "Brantley estimates that" is: no fact to
    # refute a bare share with
    panel = ev(
        "In our estimate for the third quarter, Quill took about four in ten downloads and Skerry roughly a third.",
        kind="transcript",
        speaker="Ines Varo",
        probs=(0.1, 0.8, 0.1),
    )
    claim = "Quill accounted for 41.7 percent of code-model downloads on the hub in the third quarter."
    assert judge(claim, [panel]).label == "NOT_ENOUGH_INFO"
    # nor does a sentence of counts say anything of a share: the scorer's reading of it is no refutation
    counts = ev(
        "Lumora's Quill models had been downloaded 217.3 million times on the hub by June.",
        probs=(0.1, 0.85, 0.05),
    )
    assert (
        judge("Quill holds 31 % of all code-model downloads on the hub.", [counts]).label == "NOT_ENOUGH_INFO"
    )


def test_training_on_top_of_a_trained_model_says_nothing_of_its_own_training():
    # the tokens of a later round (continued training, a fine-tune) are no figure for the model's own training
    claim = "Lark-2-14B was trained on 35 billion tokens."
    further = ev(
        "Orrin Works continued training Lark-2-14B on about 35 billion tokens of robotics logs.",
        probs=(0.2, 0.7, 0.1),
    )
    assert judge(claim, [further]).label == "NOT_ENOUGH_INFO"
    own = ev("Lark-2-14B was trained on 35 billion tokens of code and then post-trained on chat transcripts.")
    assert judge(claim, [own]).label == "SUPPORTED"


def test_the_one_amount_on_each_side_is_the_same_figure():
    # the words around them share too little ("signed", "moved there"), but each side has one amount
    claim = "Castellan United signed Arlo Penn for more than £40,000 ."
    moved = judge(
        claim, [ev("He was scouted by Castellan United and moved there for £55,000.", title="Arlo Penn")]
    )
    assert moved.label == "SUPPORTED" and moved.decided_by == "rules:numeric"
    assert (
        judge(claim, [ev("Castellan United signed him for £35,000.", title="Arlo Penn")]).label == "REFUTED"
    )
    # a bare "crore" is rupees, in box-office and budget figures alike
    opened = "The Skerry Express opening gross was higher than 6.25 crore ."
    assert (
        judge(
            opened,
            [ev("The movie opened with 9.5 crore in the domestic market .", title="The Skerry Express")],
        ).label
        == "SUPPORTED"
    )
    # two amounts in the source: the words must tell them apart, so nothing is read against the claim's
    two = ev("He moved to Castellan United for £55,000, and sold his house for £30,000.", title="Arlo Penn")
    assert judge(claim, [two]).label == "NOT_ENOUGH_INFO"
    # in another currency, or measuring something else, the one amount is no figure for the claim's
    assert (
        judge(claim, [ev("He moved to Castellan United for €55,000.", title="Arlo Penn")]).label
        == "NOT_ENOUGH_INFO"
    )


def test_a_record_is_the_highest_of_its_kind():
    claim = "The highest attendance at Orrin Park is more than 40,000 ."
    assert (
        judge(claim, [ev("An attendance of 41,200 at Orrin Park remains the club record .")]).label
        == "SUPPORTED"
    )
    assert (
        judge(claim, [ev("An attendance of 41,200 at Orrin Park was reached in May .")]).label
        == "NOT_ENOUGH_INFO"
    )


def test_an_epidemics_casualties_are_its_dead_and_foreigners_its_foreign_nationals():
    claim = "Skerry has recorded under 900 casualties , with fewer than 4 foreigners among its cases ."
    source = ev(
        "In Skerry there have been 12,400 confirmed cases , including 2 foreign nationals , and 861 people have died ."
    )
    assert judge(claim, [source]).label == "SUPPORTED"
    more = "As of 3 May , Skerry had recorded more than 900 casualties ."
    assert judge(more, [ev("As of 3 May , 861 people have died of quillpox in Skerry .")]).label == "REFUTED"


def test_the_one_amount_keeps_the_claims_scope_and_its_budget_apart():
    # "domestically" is not met by a worldwide amount, however alone it stands
    claim = "The Skerry Express grossed 41.5 crore domestically ."
    worldwide = ev("It has earned 41.5 crore worldwide .", title="The Skerry Express")
    assert judge(claim, [worldwide]).label == "NOT_ENOUGH_INFO"
    # a budget on one side only is another amount than the other side's
    budget = "The Skerry Express had a budget of under $ 30 million ."
    grossed = ev("The Skerry Express grossed $ 45 million in its first week .")
    assert judge(budget, [grossed]).label == "NOT_ENOUGH_INFO"


def test_a_rating_after_another_count_of_reviews_is_another_state_of_the_page():
    source = ev("On Skerry Scores , the film has a rating of 81 % , based on 52 reviews .", title="Lark")
    claim = "After 60 reviews , Lark 's rating on Skerry Scores was less than 78 % ."
    assert judge(claim, [source]).label == "NOT_ENOUGH_INFO"
    # the same count of reviews: the rating is the source's, for or against
    assert judge("After 52 reviews , Lark 's rating was less than 78 % .", [source]).label == "REFUTED"
    assert judge("After 52 reviews , Lark 's rating was above 75 % .", [source]).label == "SUPPORTED"
    # a count of reviews the claim states, not dates by, is a figure like any other
    stated = "Lark holds a rating above 70 % from more than 55 critics on Skerry Scores ."
    assert judge(stated, [source]).label == "REFUTED"


def test_the_one_amount_is_no_valuation_unless_the_source_says_so():
    claim = "Orrin Works' August funding round valued the company at US$60 million."
    seed = ev("In August Orrin Works raised a bridge round of seven million US dollars.")
    assert judge(claim, [seed]).label == "NOT_ENOUGH_INFO"


def test_a_claimed_year_is_met_by_the_same_year_of_the_sentence():
    claim = "Wenna Lark was around 70 years old in 2011 and 73 years old in 2014 ."
    source = ev(
        "In 2011 , at around 70 years old , she appeared as Orsola Tredmark in the horror short Skerry Dreadly , and in 2014 , at 73 ,"
        " as the older version of the title character in Lark Waltzing .",
        title="Wenna Lark",
    )
    assert judge(claim, [source]).label != "REFUTED"


def test_the_worlds_share_is_a_worldwide_share():
    claim = "The closures in 120 countries have affected less than 88 % of students worldwide ."
    source = ev(
        "Skerry Watch counts 120 countries with closures , affecting about 84.6 % of the world 's student population ."
    )
    assert judge(claim, [source]).label == "SUPPORTED"
