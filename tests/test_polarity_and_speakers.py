"""Negation, plans, degree, whose words, and the figures' subject: rules as pure functions over hand-made
evidence. Every name and sentence here is invented for these tests."""

from __future__ import annotations

import pytest

from assistant.retrieve.evidence import in_third_person, units
from assistant.schema import Passage
from assistant.verify.aggregate import decide
from assistant.verify.claims import parse_claim
from assistant.verify.names import about_subject
from assistant.verify.quantities import extract_quantities
from assistant.verify.rules import evidence_findings
from assistant.verify.speaker_findings import speaker_matches
from assistant.verify.stance import degree_gap, main_clause, negated_restatement, plan_gap, polarity_gap
from ingest.metadata import affiliation
from tests.test_claims_and_rules import ev, judge


def _judge(claim: str, *evidence):
    frame = parse_claim(claim)
    for e in evidence:
        e.relevance = 0.9
        e.findings = evidence_findings(frame, e)
    return decide(frame, list(evidence))


def _kinds(claim: str, evidence) -> set[str]:
    return {f.kind for f in evidence_findings(parse_claim(claim), evidence)}


# --- figures -------------------------------------------------------------------------------------------------


def test_number_words_are_read_whole():
    values = lambda t: [q.value for q in extract_quantities(t)]  # noqa: E731
    assert values("The team is roughly four hundred engineers.") == [400]
    assert values("a hundred and five stations") == [105]
    assert values("thirty-seven releases") == [37]
    assert values("eight hundred thousand riders") == [800_000]
    assert values("three hundred million queries") == [300_000_000]
    assert values("about a quarter of sales") == [25]


def test_a_roughly_figure_in_words_supports_the_same_figure_in_digits():
    # regression: a figure in words was read as two numbers ("four" and "hundred") and refuted the claim
    d = _judge(
        "The Quill research group has roughly 400 engineers.",
        ev(
            "The Quill research group numbers about four hundred engineers in two cities.",
            probs=(0.3, 0.3, 0.4),
        ),
    )
    assert d.label == "SUPPORTED" and d.decided_by == "rules:numeric"


def test_a_figure_about_another_model_says_nothing_of_a_named_model():
    # regression: a sentence naming only the hub "supported" a claim about another model's downloads
    names = parse_claim("Wisp-Small-20B has been fetched more than 20 million times on ModelYard.").entities
    other = "Quill models have now been fetched 900 million times on ModelYard."
    assert not about_subject(names, other, document=other)
    # the model is named earlier in the same document: "the new checkpoint" is about it
    document = "Wisp-Small-20B ships today. The new checkpoint was fetched 25 million times on ModelYard."
    assert about_subject(names, "The new checkpoint was fetched 25 million times on ModelYard.", document)
    # a disease name is not a product name: a sentence about the country's cases may omit it
    assert about_subject(["COVID-19", "Norlake"], "There are 174 confirmed cases in Norlake.")


def test_growth_rates_align_across_wordings():
    # regression: "grew by more than 20 percent year on year" found no figure in "sales ..., up 22 percent": the
    # comparator took the context's places, "grew" and "growth" did not match, "year on year" read as a window
    d = _judge(
        "Lumora Cloud sales grew by more than 20 percent year on year in the second quarter of 2024.",
        ev(
            "In the second quarter of 2024 Lumora Cloud sales reached 4.2 billion marks, up 22 percent, after "
            "growth of 18 percent a quarter earlier.",
            probs=(0.1, 0.1, 0.8),
        ),
    )
    assert d.label == "SUPPORTED" and d.decided_by == "rules:numeric"


def test_times_counts_what_the_verb_says():
    (q,) = extract_quantities("Quill models have been fetched 3 billion times")
    assert q.head == "fetch"


def test_a_figure_from_another_year_does_not_support():
    # the source, from 2023, speaks of growth "since spring"; the claim is about 2022
    said = "Our partner count rose about forty percent since spring, Castellan's founder said."
    d = _judge("Castellan's partner count rose by about 40 percent in 2022.", ev(said, date="2023-09-02"))
    assert d.label != "SUPPORTED"


def test_a_figure_for_another_period_decides_nothing():
    # regression: the scorer refuted a first-day figure with a monthly one
    d = _judge(
        "Quill-5-4B was fetched more than 3 million times in its first day.",
        ev("Quill-5-4B alone was fetched more than 11 million times in March.", probs=(0.05, 0.9, 0.05)),
    )
    assert d.label == "NOT_ENOUGH_INFO"


def test_a_price_is_no_total():
    # regression: a price per thousand queries refuted a claim about a total spend
    price = extract_quantities("priced at 2 credits per thousand queries")[0]
    assert price.value == 2 and price.kind == "rate"
    d = _judge(
        "Lumora spent more than 5 billion credits developing Quill-5.",
        ev(
            "Quill-5 is offered to Lumora customers at 2 credits per thousand queries.", probs=(0.1, 0.2, 0.7)
        ),
    )
    assert d.label == "NOT_ENOUGH_INFO"


def test_planned_figures_do_not_support():
    d = _judge(
        "Lumora spent more than 5 billion credits on data centres.",
        ev("Lumora intends to spend at least 80 billion credits on data centres.", probs=(0.2, 0.1, 0.7)),
    )
    assert d.label != "SUPPORTED"


# --- negation, plans, degree ---------------------------------------------------------------------------------


def test_a_negated_restatement_refutes():
    claim = "Lumora plans to buy a stake in Kestrel Robotics"
    said = "To be clear, Lumora owns no part of Kestrel and Lumora has no plans to buy a stake in it."
    assert negated_restatement(claim, said)
    assert not negated_restatement(claim, "I won't speak for Kestrel.")  # names alone are not the point
    assert not negated_restatement("Lumora does not plan to buy a stake in Kestrel", said)
    # the scorer reads the denial as support (it misses negation): the negation turns it into a refutation
    d = _judge(claim + ".", ev(said, date="2025-11-13", probs=(0.8, 0.05, 0.15)))
    assert d.label == "REFUTED"


def test_negations_that_leave_the_claim_standing():
    claim = "Quill-3 uses the MIT license"
    assert not negated_restatement(
        claim, "Quill-3, which was not the first model Lumora released, uses the MIT license."
    )
    assert not negated_restatement(
        claim, "Quill-3 uses the MIT license, though it is not the most fetched model."
    )
    assert not negated_restatement(
        "Lumora bought a stake in Kestrel", "Lumora bought a stake in Kestrel; no other firm did."
    )
    # a negation of another place's cases denies nothing of the claim's place
    assert not negated_restatement(
        "37 quillpox cases have been reported in the Lark Federation",
        "There are 88 cases , 51 in Skerry , and 37 in the Lark Federation , and no reported cases in Orrin District .",
    )
    assert negated_restatement(
        "Quillpox cases have been reported in Orrin District",
        "There are no reported cases in Orrin District .",
    )


def test_curly_apostrophes_negate():
    assert polarity_gap("Quill-3 is licensed under MIT", "Quill-3 isn’t licensed under MIT.")
    assert negated_restatement("Kestrel retired Lark", "Kestrel’s Lark line won’t be retired.")


def test_a_denial_in_other_words_refutes():
    assert negated_restatement(
        "Kestrel discontinued its Lark robots",
        "The Lark robots from Kestrel will not be retired, its CTO said.",
    )
    assert negated_restatement("Castellan is switching to Quill", "We are not migrating to Quill.")
    assert not negated_restatement("Castellan is switching to Quill", "We are not hiring this year.")


def test_a_newer_refutation_beats_an_older_support():
    claim = "Lumora plans to buy a stake in Kestrel Robotics."
    older = ev("Lumora plans to buy a stake in Kestrel Robotics, the firm told staff.", date="2025-03-02")
    older.probs = (0.9, 0.05, 0.05)
    denial = ev(
        "Lumora has no plans to buy a stake in Kestrel Robotics, its chair said.",
        date="2025-06-20",
        probs=(0.85, 0.05, 0.1),
    )
    assert _judge(claim, older, denial).label == "REFUTED"
    # the same two sources the other way round in time: the support is the newer word
    older.passage.date, denial.passage.date = "2025-06-20", "2025-03-02"
    assert _judge(claim, older, denial).label != "REFUTED"


def test_polarity_must_match_for_support():
    assert polarity_gap("Quill-2 is not licensed under MIT", "Quill-2 is licensed under MIT.")
    assert polarity_gap(
        "Kestrel discontinued Lark", "Kestrel's own Lark line, launched in 2021, will not be retired."
    )
    assert not polarity_gap("Kestrel discontinued Lark", "Kestrel discontinued Lark in May.")
    d = _judge(
        "Kestrel discontinued its own Lark robot line.",
        ev("Kestrel's own Lark robot line, launched in 2021, will not be retired."),
    )
    assert d.label != "SUPPORTED"


def test_cues_outside_the_main_clause_do_not_count():
    sentence = (
        "Builders now publish more plug-ins for Quill than for any other engine, "
        "which none of us would have guessed."
    )
    claim = "builders publish more plug-ins for Quill than for any other engine"
    assert "none of us" not in main_clause(claim, sentence)
    assert not polarity_gap(claim, sentence)
    kinds = _kinds(claim, ev(sentence))
    assert "plan" not in kinds and "polarity-gap" not in kinds


def test_a_relative_clause_and_a_new_subject_are_clauses_of_their_own():
    sentence = "Lumora Labs, which released its first open model in May 2023, did not comment on the figures."
    claim = "Lumora Labs released its first open model in 2023"
    assert main_clause(claim, sentence).strip() == "which released its first open model in May 2023"
    assert not polarity_gap(claim, sentence)
    assert polarity_gap("Lumora commented on the figures", sentence)  # the silence is still read
    said = '"Quill remains the most downloaded engine on ModelYard, and we intend to keep it that way," she said.'
    assert not plan_gap("Quill is still the most downloaded engine on ModelYard", said)
    assert plan_gap("Lumora keeps Quill the most downloaded engine", "Lumora intends to keep Quill on top.")


def test_plans_do_not_establish_what_is():
    d = _judge(
        "Quill is widely used by teachers in Norlake.",
        ev("The company intends to open Quill teacher clubs next year, with new ones in Norlake."),
    )
    assert d.label == "NOT_ENOUGH_INFO"
    assert (
        _judge(
            "Lumora plans to open Quill teacher clubs.",
            ev("Lumora plans to open Quill teacher clubs in 2026."),
        ).label
        == "SUPPORTED"
    )


def test_a_superlative_needs_a_superlative():
    claim = "Quill-3-Tutor is the most used model for homework help on ModelYard."
    said = (
        "The Quill-3 models rank among the most fetched on ModelYard, and Quill-3-Tutor has become a favourite "
        "for homework help."
    )
    assert _judge(claim, ev(said, probs=(0.9, 0.05, 0.05))).label == "NOT_ENOUGH_INFO"
    assert _judge(
        claim, ev("Quill-3-Tutor is the most used model for homework help on ModelYard.")
    ).label == ("SUPPORTED")


def test_a_partitive_all_is_no_universal():
    # "of all the patients studied, 85 (37.6%) ..." gives a part of a whole: it does not establish "all"
    claim = "All critically ill Kestrel patients needed a ventilator to recover."
    part = (
        "Of all the Kestrel patients studied, 85 (37.6%) received a ventilator and 20 (8.8%) needed dialysis."
    )
    assert _judge(claim, ev(part, probs=(0.84, 0.05, 0.11))).label == "NOT_ENOUGH_INFO"
    every = "All critically ill Kestrel patients in the ward needed a ventilator to recover."
    assert _judge(claim, ev(every, probs=(0.84, 0.05, 0.11))).label == "SUPPORTED"


def test_built_on_another_model_refutes():
    claim = "Kestrel's Project Lark is built on Lumora's Skerry-4 Rover."
    said = ev("In short, Lark is built entirely on Quill-3-32B.", probs=(0.05, 0.1, 0.85))
    said.relevance = 0.2  # the sentence reads unlike the claim; the rule still finds it
    said.findings = evidence_findings(parse_claim(claim), said)
    d = decide(parse_claim(claim), [said])
    assert d.label == "REFUTED" and d.decided_by == "rules:base"
    # the same base, a list of bases, another subject, or no model at all: no finding
    for text in (
        "In short, Lark is built on Skerry-4 Rover.",
        "Lark is built on Quill-3-32B and Skerry-4 Rover.",
        "Wisp is built entirely on Quill-3-32B.",
        "Lark's pricing is based on Lumora's published rates.",
    ):
        assert "other-base" not in _kinds(claim, ev(text))


def test_rows_are_not_judged_by_the_scorer():
    row = ev("lumora/Quill-2-9B,Lumora,Quill,apache-2.0", probs=(0.05, 0.9, 0.05))
    row.passage.unit = "row"
    assert _judge("Lumora will stop releasing its largest Quill models.", row).label == "NOT_ENOUGH_INFO"


# --- names ---------------------------------------------------------------------------------------------------


def test_an_ordinary_word_opening_a_claim_is_no_name():
    # regression: "Having", "Active" and "Birth-weight" were names no evidence sentence contained, so every
    # sentence of an abstract had an entity gap and scientific claims could never be decided
    assert parse_claim("Active Kv19Q induces neutrophil polarization.").entities == ["Kv19Q"]
    assert parse_claim("Ross Labs released Quill.").entities[0] == "Ross Labs"  # "Labs" alone names nothing
    frame = parse_claim("Having a pet lowers stress in Norlake.")
    assert frame.weak == frame.ordinary == ["Having"]  # a verb form heading a phrase: surely no name
    said = ev("Owning a pet was linked to lower stress in Norlake.")
    assert "entity-gap" not in {f.kind for f in evidence_findings(frame, said)}
    # a bare noun is ordinary where the document writes it in lower case
    frame = parse_claim("Exercise lowers stress in Norlake.")
    assert frame.weak == ["Exercise"] and frame.ordinary == []
    said = ev("Time outdoors was linked to lower stress in Norlake.")
    assert "entity-gap" in {f.kind for f in evidence_findings(frame, said)}
    said.document = "We asked about exercise. Time outdoors was linked to lower stress in Norlake."
    assert "entity-gap" not in {f.kind for f in evidence_findings(frame, said)}
    # a real word that the document never uses in lower case stays a name that must be there
    lark = parse_claim("Lark is the most fetched family in Norlake.")
    assert lark.weak == ["Lark"]
    about_others = ev("Quill is the most fetched family in Norlake.")
    about_others.document = "Quill is the most fetched family in Norlake."
    assert "entity-gap" in {f.kind for f in evidence_findings(lark, about_others)}
    assert parse_claim("Quorvex is popular in Norlake.").weak == []  # an invented name is never a word


def test_acronym_joined_to_a_word():
    assert "entity-gap" not in _kinds(
        "ART substantially reduces infectiveness of HIV-positive people.",
        ev("All models suggest that ART at high levels of access reduces HIV transmission."),
    )
    assert "entity-gap" in _kinds(
        "Quill-mini was fetched 2 million times.", ev("Quill was fetched 2 million times.")
    )
    assert "entity-gap" in _kinds(
        "Quill-3-8B was fetched 2 million times.", ev("Quill was fetched 2 million times.")
    )


# --- whose words ---------------------------------------------------------------------------------------------

HEADER = """PARTICIPANTS
Mira Osk -- Head of Investor Relations, Lumora Group
Anneke Voss -- Chief Executive Officer, Lumora Group
Tobin Hale -- Analyst, Brantley Partners
Sela Drum -- Analyst, Zephyr Group

Host: Dana Reyes
Guest: Tomas Ekberg, Chief Technology Officer, Kestrel Robotics
Wenna Moran is co-founder and CEO of Castellan AI, the company behind Wisp.
I'm Rafe Quint from the Norlake Technology Review.
"""


def test_affiliation_from_transcript_headers():
    assert affiliation("Anneke Voss", HEADER) == "Lumora Group"
    assert affiliation("TOBIN HALE", HEADER) == "Brantley Partners"
    assert affiliation("Tomas Ekberg", HEADER) == "Kestrel Robotics"
    assert affiliation("Wenna Moran", HEADER) == "Castellan AI"
    assert affiliation("Rafe Quint", HEADER) == "Norlake Technology Review"
    assert affiliation("Dana Reyes", HEADER) is None
    assert affiliation("Bo Li", "Bo Li, a researcher at Quill University, said so.") == "Quill University"
    assert affiliation("Anneke Voss", "Lumora CEO Anneke Voss opened the call.") == "Lumora"
    assert affiliation("Tam Oru", "Lumora analyst Tam Oru asked the first question.") is None  # covers it
    # an introduction in the host's opening turn: the one who runs an organisation speaks for it
    opening = "HOST: Welcome. I'm Dev Orrin, and with me is Wenna Moran, who runs Castellan AI."
    assert affiliation("MORAN", opening) == "Castellan AI"
    assert affiliation("Wenna Moran", "Wenna Moran, who co-founded Skerry Labs, joins us.") == "Skerry Labs"


def _turn(speaker: str, sentence: str):
    text = HEADER + f"\n{speaker.upper()}: {sentence}\n"
    start = text.index(sentence)
    passage = Passage(
        id="t:0",
        doc_id="t",
        index=0,
        text=sentence,
        char_start=start,
        char_end=start + len(sentence),
        source="t.txt",
        title="Call",
        kind="transcript",
        speaker=speaker,
    )
    return text, start, units(passage, text, 1.0)


def test_first_person_is_read_as_the_speakers_organisation():
    assert (
        in_third_person("We have no stake in Kestrel and we’re not buying one. Ask us.", "Lumora")
        == "Lumora has no stake in Kestrel and Lumora is not buying one. Ask Lumora."
    )
    sentence = "Quill still trails Skerry on fetches; our lead is in plug-ins."
    text, _, (unit,) = _turn("Anneke Voss", sentence)
    assert unit.text == sentence == text[unit.char_start : unit.char_end]  # the quote stays verbatim
    assert "Lumora Group's lead" in unit.scoring_text


def test_a_negation_that_leaves_out_its_predicate_reads_it_from_the_sentence_before():
    from assistant.retrieve.evidence import elided_negation

    assert (
        elided_negation("The group itself is not, though.", "The Quill cloud arm is profitable.")
        == "The group itself is not profitable, though."
    )
    assert elided_negation("Lark isn't.", "Quill is open source.") == "Lark is not open source."
    # a negation that says its own predicate leaves nothing out
    assert elided_negation("The company is not based in Kestrel.", "Quill is open source.") is None
    _, _, units_ = _turn(
        "Anneke Voss", "The Quill cloud arm is profitable. The company itself isn't, though."
    )
    # the speaker's "The company" is their own, as their "we" is
    assert units_[1].scoring_text == "Anneke Voss: Lumora Group itself is not profitable, though."
    assert units_[1].text == "The company itself isn't, though."


def test_revenue_says_nothing_of_a_profit():
    def said(sentence: str):
        _, _, (unit,) = _turn("Anneke Voss", sentence)
        unit.probs, unit.relevance = (0.85, 0.05, 0.1), 0.9
        return unit

    claim = "Anneke Voss said Lumora Group is profitable."
    assert judge(claim, [said("Our revenue last year was KVV 90 million.")]).label == "NOT_ENOUGH_INFO"
    assert (
        judge(claim, [said("We turned a profit last year on revenue of KVV 90 million.")]).label
        == "SUPPORTED"
    )


def test_an_organisations_people_speak_for_it():
    _, _, (analyst,) = _turn("Tobin Hale", "Our estimate is that Quill holds about a fifth of the market.")
    assert speaker_matches("Brantley Partners", analyst)
    assert speaker_matches("Tobin Hale", analyst)
    assert not speaker_matches("Orbit Partners", analyst)  # a shared generic word is no match
    _, _, (other,) = _turn("Sela Drum", "Our estimate is higher.")
    assert not speaker_matches("Brantley Partners", other)


def test_due_to_a_cause_is_no_plan():
    from assistant.verify.stance import plan_gap

    claim = "Quill has been downloaded 28,000 times in Norlake."
    assert plan_gap(claim, "The Quill release is due to ship in May.")
    # regression: "is due to the people who attended" read as a schedule and kept a plain count from supporting
    assert not plan_gap(
        claim, "Quill has 28,000 downloads. The rise in Norlake is due to the teachers there."
    )
    assert plan_gap(claim, "Quill is due for a new release in Norlake.")


def test_a_claim_about_a_plan_has_no_plan_gap_and_bracketed_asides_are_no_plan():
    from assistant.verify.stance import plan_gap

    # the claim is itself about what is scheduled or expected
    assert not plan_gap(
        "The Lark Trophy final is set for 12 May 2026.", "The final is set to be played on 12 May."
    )
    assert not plan_gap(
        "Quill-5 was set to be released in 2026.", "Quill-5 is scheduled to be released in 2026."
    )
    # an aside in brackets is not the sentence's own plan
    assert not plan_gap(
        "Kestrel won the Lark Trophy in June 2025.",
        "Kestrel won the Lark Trophy on 19 June 2025 (airs 26 June).",
    )
    # a plan still does not establish what is
    assert plan_gap("Lumora holds meet-ups in Skerry.", "Lumora plans to hold meet-ups in Skerry.")


def test_affiliation_from_bracketed_roles():
    header = (
        "Lumora Labs Inc.\nFourth-quarter results - conference call\n\nParticipants:\n"
        "Anneke Voss (Chief Executive Officer)\nÍñigo Salceda (Analyst, Casa de Valores Ortiga)\n"
        "Pia Varga (Moderator)\n"
    )
    assert affiliation("Íñigo Salceda", header) == "Casa de Valores Ortiga"
    # an officer with no organisation named belongs to the company whose call it is (the opening line)
    assert affiliation("Anneke Voss", header) == "Lumora Labs"
    assert affiliation("Pia Varga", header) is None
    assert affiliation("Anneke Voss", "Q4 results, 2025\n\nAnneke Voss (Chief Executive Officer)\n") is None


@pytest.mark.parametrize(
    "first_line, organisation",
    [
        ("Orrin Works AS - Third quarter 2031 results call", "Orrin Works"),
        ("Castellan AI Oy | Q2 2031 earnings call", "Castellan AI"),
        ("Skerry Labs -- Third Quarter 2031 Results Call", "Skerry Labs"),  # a dash typed as two hyphens
        ("Lumora Labs Limited: Annual results 2031", "Lumora Labs"),
        ("Q2 2031 earnings call - Lumora Labs", None),  # the event first: no bare name to take
        ("Lumora Labs reports record quarter", None),
    ],
)
def test_host_organisation_before_the_event(first_line, organisation):
    header = f"{first_line}\n\nParticipants:\nAnneke Voss (Chief Executive Officer)\n"
    assert affiliation("Anneke Voss", header) == organisation


def test_a_place_among_the_worst_and_a_final_one_are_no_degree_gap():
    # "among the worst" places the thing among others, as "one of the worst" does; "final" is "last"
    assert not degree_gap(
        "Skerry was among the worst affected towns of Lark County.",
        "Skerry was one of the worst affected towns in Lark County.",
    )
    assert not degree_gap(
        "Skerry Nights is the last studio album by Kestrel.",
        "Skerry Nights is the fourth and final studio album by Kestrel.",
    )
    # a superlative of one thing still needs one
    assert degree_gap("Quill is the most downloaded family.", "Quill is one of the most downloaded families.")


def test_a_negation_does_not_reach_past_its_sentence():
    # regression: "On fine-tunes alone, no. Lark still has more fine-tunes than Quill" was read as denying that
    # Lark has more fine-tunes: the "no" answered the question before it
    claim = "Lark has been fine-tuned more often than Quill."
    said = "On fine-tunes alone, no. Lark still has more fine-tunes than Quill, and I'll admit that freely."
    assert not negated_restatement(claim, said)
    assert negated_restatement(claim, "No, Lark has not been fine-tuned more often than Quill.")


def test_the_claims_own_contrast_is_no_denial():
    # regression: "Most of that is other robotics shops, not our own fleet" was read as denying "most downloads
    # came from other robotics firms rather than from Lumora's own fleet": the "not" says the claim's contrast
    claim = "Most of Lark's downloads came from other robotics firms rather than from Lumora's own fleet."
    assert not negated_restatement(claim, "Most of that is other robotics shops, not our own fleet.")
    assert negated_restatement(claim, "Most of Lark's downloads did not come from other robotics firms.")


def test_the_worlds_largest_needs_a_source_that_ranks_over_the_world():
    # regression: "the main download site for open models in the region" supported "the world's largest"
    claim = "ModelYard is the world's largest download site for open models."
    assert degree_gap(claim, "On ModelYard, the main download site for open models in the region, ...")
    assert degree_gap(claim, "Quill is the most downloaded family on ModelYard.")
    assert not degree_gap(claim, "ModelYard is the largest download site for open models in the world.")
    assert not degree_gap(
        "ModelYard is the largest site in the world.", "ModelYard is the world's biggest site."
    )
    assert (
        judge(claim, [ev("ModelYard, the main download site in the region, grew fast.")]).label != "SUPPORTED"
    )


def test_all_of_it_needs_a_source_that_says_all_of_it():
    # regression: "built entirely on Lumora's models" was supported by a source that named a Lumora model as
    # the base of one part of the product only
    part = "Projects built on Lumora models include the voice of Skerry's Kestrel-2 (based on Quill-3-Base)."
    assert degree_gap("Kestrel-2 is built entirely on Lumora's models.", part)
    assert not degree_gap(
        "Kestrel-2 is built entirely on Lumora's models.", "Kestrel-2 is built only on Quill."
    )
    assert not degree_gap("Kestrel-2 is built on Lumora's models.", part)
    assert judge("Kestrel-2 is built entirely on Lumora's models.", [ev(part)]).label != "SUPPORTED"


# --- characterisations, forecasts, qualified noes and a figure written into a name's modifier -------------------


def test_a_characterisation_is_judged_on_the_speakers_words():
    # "Z has described X as Y" is Z's word for X: a guest who refuses the host's phrase refutes it
    frame = parse_claim("Castellan's CTO has described Kestrel's lead as a landslide.")
    assert frame.speaker == "Castellan's CTO" and frame.content == "Kestrel's lead as a landslide"
    host = ev("Kestrel's lead is a landslide.", kind="transcript", speaker="Orla Penn", role="host")
    refusal = ev(
        "I wouldn't put it that way.",
        kind="transcript",
        speaker="Ivo Marsh",
        reply_to=host.text,
        probs=(0.1, 0.1, 0.8),
    )
    assert judge("Ivo Marsh has described Kestrel's lead as a landslide.", [host, refusal]).label == "REFUTED"


def test_a_forecast_is_the_forecasters_words_dated_by_its_month():
    frame = parse_claim("Ivo Marsh forecast in May that Kestrel would pass 40 million downloads by 2027.")
    assert (frame.speaker, frame.verb, frame.said_on) == ("Ivo Marsh", "forecast", "-05")
    assert frame.content == "Kestrel would pass 40 million downloads by 2027"
    assert parse_claim("Lark predicted in June 2025 that Quill would ship.").said_on == "2025-06"
    early = parse_claim("The Lark Courier reported in early May that Quill had passed 40 million downloads.")
    assert (early.said_on, early.content) == ("-05", "Quill had passed 40 million downloads")
    said = ev('"We expect Kestrel to pass 40 million downloads by 2027," Ivo Marsh said.', date="2026-05-04")
    later = ev('"We expect Kestrel to pass 40 million downloads by 2027," Ivo Marsh said.', date="2026-08-04")
    claim = "Ivo Marsh forecast in May that Kestrel would pass 40 million downloads by 2027."
    mine = lambda e: {f.kind for f in evidence_findings(parse_claim(claim), e, "Ivo Marsh")}  # noqa: E731
    assert "speaker" in mine(said) and "speaker" not in mine(later)


def test_a_qualified_no_that_opens_the_answer_refutes_what_was_put():
    host = ev("So Kestrel is now the most used model on ModelYard?", kind="transcript", speaker="Orla Penn")
    answer = ev(
        "Not in total, no. Lark is still ahead.",
        kind="transcript",
        speaker="Ivo Marsh",
        reply_to=host.text,
        probs=(0.1, 0.1, 0.8),
    )
    claim = "Ivo Marsh confirmed that Kestrel is the most used model on ModelYard."
    assert judge(claim, [host, answer]).label == "REFUTED"
    assert "refusal" not in _kinds(claim, ev("Not only that, nobody else comes close.", speaker="Ivo Marsh"))


def test_a_figure_written_into_a_names_modifier_is_that_things():
    # "a 30-billion-parameter Kestrel model": a figure in a sentence about another model ("it", after a sentence
    # naming Lark-14B) neither refutes nor supports it
    claim = "Orrin Works has stopped training a 30-billion-parameter Kestrel model."
    other = ev(
        "We pruned it down to twelve billion parameters.",
        kind="transcript",
        speaker="Ivo Marsh",
        title="Orrin Works fireside",
        document="Orrin Works fireside. In the end, Skerry is built on Lark-14B. We pruned it down to twelve "
        "billion parameters.",
    )
    other.char_start = other.document.index("We pruned")
    assert "numeric" not in _kinds(claim, other)
    own = ev("Kestrel, Orrin Works' model, was cut at twelve billion parameters.")
    assert "numeric" in _kinds(claim, own)


def test_no_with_a_comparative_ranks_a_name_first_and_denies_nothing():
    from assistant.verify.claims import as_superlative

    claim = "No Kestrel model has been quantized more often than Lark-2."
    assert as_superlative(parse_claim(claim).content) == (
        "Lark-2 has been quantized more often than any Kestrel model"
    )
    # a bound on a figure ranks no one, and a plain negation is a negation
    assert as_superlative("No Quill model is larger than 70B") == "No Quill model is larger than 70B"
    assert as_superlative("Quill is not bigger than Lark") == "Quill is not bigger than Lark"
    ranked = ev("Lark-2 has more quantized versions than any Kestrel model.")
    assert not {"polarity-gap", "off-point", "negated"} & _kinds(claim, ranked)


def test_a_claim_about_a_schedule_has_no_plan_gap_with_a_plan():
    assert not plan_gap("Skerry-4 is slated to launch in May.", "Skerry-4 will launch in May.")
    assert not plan_gap("Skerry-4 is due for release in May.", "Skerry-4 will be released in May.")
    assert plan_gap("Skerry-4 launched in May.", "Skerry-4 will launch in May.")


def test_what_the_host_asserted_is_the_hosts_word():
    # "On Lark Radio, the host asserted that P": the host's statement counts, a tag question ("..., doesn't it?")
    # being no negation; a plain question asserts nothing
    claim = "On Lark Radio, the host asserted that Kestrel holds the lion's share of the forecasting market."
    frame = parse_claim(claim)
    assert (frame.speaker, frame.venue) == ("the host", "radio")
    said = "Kestrel has the lion's share of the forecasting market now, doesn't it?"
    host = ev(said, kind="transcript", speaker="Orla Penn", role="host", title="Lark Radio episode 4")
    assert judge(claim, [host]).label == "SUPPORTED"
    asked = ev(
        "Does Kestrel have the lion's share of the forecasting market?",
        kind="transcript",
        speaker="Orla Penn",
        role="host",
        title="Lark Radio episode 4",
    )
    assert judge(claim, [asked]).label == "NOT_ENOUGH_INFO"
    guest = ev(said.replace(", doesn't it?", "."), kind="transcript", speaker="Ivo Marsh", title="Lark Radio")
    assert judge(claim, [guest]).label == "NOT_ENOUGH_INFO"  # the guest is not the host
    assert not polarity_gap("Kestrel leads the market.", "Kestrel leads the market now, doesn't it?")
    assert parse_claim("On Monday, Lumora said that Quill has five models.").venue is None


def test_an_owners_first_needs_a_sentence_that_says_first():
    # regression: "Lumora's first open model was a speech model" was supported by the release of one of its
    # speech models, which never said it was the first
    claim = "Lumora's first open-weight model was a speech model."
    assert degree_gap(claim, "Lumora Labs today published Quill-1, an open-weight speech model.")
    assert not degree_gap(claim, "Quill-1, Lumora's first open-weight model, is a speech model.")
    assert degree_gap("Lumora Labs' most downloaded model is Quill-2.", "Quill-2 is a Lumora Labs model.")


def test_a_chief_by_department_and_the_manner_of_saying_frame_the_speaker():
    # "Castellan's technology chief flatly denied that ...": a denial by its CTO, however it was said
    frame = parse_claim(
        "Castellan's technology chief flatly denied that Lumora was in talks to buy the company."
    )
    assert (frame.speaker, frame.verb, frame.denial) == ("Castellan's technology chief", "denied", True)
    assert frame.content == "Lumora was in talks to buy the company"
    assert parse_claim("Lumora's finance chief publicly confirmed that Quill is profitable.").speaker == (
        "Lumora's finance chief"
    )
    host = ev("The Lark Courier reported that Lumora is in talks to buy Castellan.", speaker="Orla Penn")
    answer = ev(
        "No. We are not in any talks with them.",
        kind="transcript",
        speaker="Ivo Marsh",
        reply_to=host.text,
        probs=(0.1, 0.1, 0.8),
        document="With me is Ivo Marsh, CTO of Castellan Cloud. No. We are not in any talks with them.",
    )
    claim = "Castellan's technology chief flatly denied that Lumora was in talks to buy the company."
    assert judge(claim, [host, answer]).label == "SUPPORTED"


def test_question_and_answer_letters_are_the_people_the_legend_names():
    from ingest.metadata import legend_speaker

    header = (
        "Ada Lind of the Lark Courier asked the questions (Q); Bo Tamsin, chief executive of "
        "Castellan AI, replied (A).\n\nQ: Is Lark open?\nA: No. Lark is closed.\n"
    )
    assert legend_speaker("A", header) == ("Bo Tamsin", False)
    assert legend_speaker("Q", header) == ("Ada Lind", True)
    assert legend_speaker("Host", header) is None
    start = header.index("No. Lark")
    passage = Passage(
        id="i:1",
        doc_id="i",
        index=1,
        text=header[start:],
        char_start=start,
        char_end=len(header) - 1,
        source="i.txt",
        title="Interview",
        kind="transcript",
        speaker="A",
    )
    answer = units(passage, header, 1.0)[0]
    assert answer.passage.speaker == "Bo Tamsin" and answer.org == "Castellan AI"
    assert speaker_matches("Tamsin", answer)


def test_a_refusal_answers_the_question_not_the_background_before_it():
    question = "Lumora says Quill has more derivative models than any other family. Is Castellan now trailing in the fine-tuning contest?"
    host = ev(question, kind="transcript", speaker="Ada Lind", role="host")
    refusal = ev(
        "I wouldn't put it that way.",
        kind="transcript",
        speaker="Bo Tamsin",
        reply_to=question,
        probs=(0.1, 0.1, 0.8),
    )
    assert (
        judge(
            "Bo Tamsin conceded that Castellan is trailing in the fine-tuning contest.", [host, refusal]
        ).label
        == "REFUTED"
    )
    # what the interviewer said before asking is not what the refusal disputes
    background = "Bo Tamsin acknowledged that Quill has more derivative models than Lark."
    assert judge(background, [host, refusal]).label == "NOT_ENOUGH_INFO"


def test_ruling_something_out_is_denying_it():
    frame = parse_claim("Lumora's chief executive has ruled out charging for Quill-5.")
    assert (frame.speaker, frame.verb, frame.denial) == ("Lumora's chief executive", "has ruled out", True)
    assert frame.content == "charging for Quill-5"
    host = ev("People expect you to start charging for Quill-5.", speaker="Orla Penn", role="host")
    answer = ev(
        "No. Quill-5 will be open weights.",
        kind="transcript",
        speaker="Anneke Voss",
        reply_to=host.text,
        probs=(0.1, 0.1, 0.8),
        document="Anneke Voss, chief executive of Lumora Labs, joins us. No. Quill-5 will be open weights.",
    )
    claim = "Lumora's chief executive has ruled out charging for Quill-5."
    assert judge(claim, [host, answer]).label == "SUPPORTED"
