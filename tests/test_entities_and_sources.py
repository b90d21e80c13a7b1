"""Whose claim it is and what it names: entity extraction, the entity gates (titles, acronyms, aliases), rumour
cues and attribution frames. Every name and sentence here is invented for these tests."""

from __future__ import annotations

from assistant.verify.claims import entities, parse_claim
from assistant.verify.names import entity_coverage, readable_title
from assistant.verify.speaker_findings import speaker_matches
from tests.test_claims_and_rules import ev, judge


def _kinds(claim: str, evidence) -> set[str]:
    from assistant.verify.rules import evidence_findings

    return {f.kind for f in evidence_findings(parse_claim(claim), evidence)}


# --- what a claim names ----------------------------------------------------------------------------------------


def test_openers_dates_and_numbers_are_no_names():
    # regression: "There", "Three", "With", "4 March" and "2021-22" were names no evidence could contain, so
    # every sentence had an entity gap and the claim could never be decided
    assert entities("There are more than 650 confirmed cases in Norlake.") == ["Norlake"]
    assert entities("Three people have recovered in Norlake.") == ["Norlake"]
    assert entities("With over 280,000 cases, Norlake has run 750,000 tests.") == ["Norlake"]
    assert entities("By 4 March, Norlake had recorded 86 cases.") == ["Norlake"]
    assert entities("By March 29th, Norlake had recorded 790 deaths.") == ["Norlake"]
    assert entities("After 22 May 2019, Kestrel had grossed 90 million.") == ["Kestrel"]
    assert entities("Castellan won twice in the 2021-22 season.") == ["Castellan"]
    # a figure written as a modifier ("14-billion-parameter") is a figure, not a name to find in the source
    assert entities("Lark-14B is a fine-tune of Lumora's 14-billion-parameter code model.") == [
        "Lark-14B",
        "Lumora",
    ]
    assert entities("Kestrel was a famous band in the mid-1970s.") == ["Kestrel"]
    assert entities("Over 26 other videos had more views than Lark Song.") == ["Lark Song"]
    # names with digits stay names
    assert entities("Quill-3-8B was released by Lumora Labs.") == ["Quill-3-8B", "Lumora Labs"]


def test_a_place_kind_and_an_ordinal_name():
    # regression: "the U.S state of Norlake" named "U.S", which a page about Norlake never repeats, and "21st
    # Orrin Works" lost its ordinal
    assert entities("By April 1, the U.S state of Norlake had recorded 313 deaths.") == ["Norlake"]
    assert entities("The Republic of Norlake confirmed its first case.") == ["Norlake"]
    assert entities("A case was found at the Town of Kestrel in Norlake.") == ["Kestrel", "Norlake"]
    assert entities("21st Orrin Works owns Lark.") == ["21st Orrin Works", "Lark"]
    # a kind of place that is part of a name stays in it
    assert entities("Norlake State University closed.") == ["Norlake State University"]
    assert entities("On the 3rd Lumora released Quill.") == ["Lumora", "Quill"]


def test_a_capital_letter_joined_to_a_word_is_a_term():
    # regression: "C-terminal" in "the hydroxylation of C-terminal lysine" was a name no sentence repeated
    assert entities("Kv19Q catalyzes the hydroxylation of C-terminal lysine.") == ["Kv19Q"]
    assert entities("T-cell counts in Norlake rose.") == ["Norlake"]
    assert entities("X-Lark grossed 5 million.") == ["X-Lark"]  # a capital after the hyphen makes a name


# --- the entity gate -------------------------------------------------------------------------------------------


def test_a_name_with_digits_with_or_without_its_hyphen():
    # regression: "Kv19Q" in a claim and "Kv-19Q" in the abstract, "COVID-19" and "COVID19", were other names
    assert entity_coverage(["Kv19Q"], "an increase in Kv-19Q(high) monocytes") == 1.0
    assert entity_coverage(["COVID-19"], "its first case of COVID19 was reported") == 1.0
    assert entity_coverage(["Kv19q3"], "Kv19Q3 levels rose") == 1.0  # case does not matter either
    # digits stay apart: "Quill-3" is not "Quill-38", nor its sibling "Quill-3-8B"
    assert entity_coverage(["Quill-3"], "Quill-38 was released") == 0.0
    assert entity_coverage(["Quill-3"], "Quill-3-8B was released") == 0.0


def test_an_abbreviation_the_document_defines_is_the_name():
    # regression: an abstract defined "quorvexin (QVX)" and then wrote only "QVX", so its sentences never named
    # the claim's "Quorvexin" and the claim could never be decided
    said = ev("Remarkably, QVX reduces proliferation by inducing breaks.", probs=(0.05, 0.9, 0.05))
    said.document = "We used the small molecule quorvexin (QVX) in cells. " + said.text
    assert "entity-gap" not in _kinds("Quorvexin prevents breaks.", said)
    assert judge("Quorvexin prevents breaks.", [said]).label == "REFUTED"
    undefined = ev("Remarkably, QVX reduces proliferation by inducing breaks.", probs=(0.05, 0.9, 0.05))
    undefined.document = "We used the small molecule quorvexin in cells. " + undefined.text
    assert "entity-gap" in _kinds("Quorvexin prevents breaks.", undefined)
    # and the other way round, also for several words abbreviated by their initials
    long = ev("Lark cell growth slowed.")
    long.document = "Lark cell growth (LCG) was measured. " + long.text
    assert "entity-gap" not in _kinds("LCG slowed in Norlake.", ev("LCG slowed.", title="Norlake"))
    assert "entity-gap" not in _kinds("LCG slowed.", long)


def test_an_acronym_names_what_it_abbreviates():
    assert entity_coverage(["US"], "grossed $5 million in the United States and Canada") == 1.0
    assert entity_coverage(["U.K"], "cases in the UK rose to 85") == 1.0
    assert entity_coverage(["United Kingdom"], "the U.K. ran 10,000 tests") == 1.0
    assert entity_coverage(["US"], "let us look at the figures") == 0.0  # case matters
    assert entity_coverage(["UK"], "UKIP won two seats") == 0.0
    # a term of three letters or more is spelled out in lower case as often; two letters would be a word
    assert entity_coverage(["GDP"], "the 42nd largest in terms of nominal gross domestic product") == 1.0
    assert entity_coverage(["UK"], "the united kingdom of the two rivers") == 0.0
    # one country, two acronyms
    assert entity_coverage(["US"], "grossed $ 47 million in the USA & Canada") == 1.0
    assert entity_coverage(["USA"], "sold 2 million copies in the U.S. alone") == 1.0
    assert entity_coverage(["US"], "the USAF flew 12 sorties") == 0.0


def test_other_words_with_a_names_initials_are_another_name():
    # regression: a person's name was found in any two capitalised words with its initials, so "Orla Brantley"
    # was named by "Orrin Brook" and "Wenna Skerry" by "Western State"
    assert entity_coverage(["Wenna Skerry"], "a professor at nearby Western State in 1968") == 0.0
    assert entity_coverage(["Orla Brantley"], "founded by Orrin Brook and a colleague") == 0.0
    assert entity_coverage(["Orla Brantley"], "as Orla Brantley said") == 1.0
    assert entity_coverage(["United Kingdom"], "UK sales rose") == 1.0


def test_a_name_that_describes_the_subject_is_for_its_document():
    # regression: "Kestrel, the album by Lark Ames, sold ..." needed "Lark Ames" in the sentence giving the sales,
    # though the page about the album names her; an appositive says which thing the claim is about
    claim = "Kestrel , the studio album by Lark Ames , sold over 70,000 copies in Norlake ."
    assert parse_claim(claim).background == ["Lark Ames"]
    said = ev("It was certified platinum in Norlake, denoting shipments of 70,000 units.", title="Kestrel")
    said.document = "Kestrel is the third studio album by Lark Ames. " + said.text
    assert "entity-gap" not in _kinds(claim, said)
    # the document must name it, and a name the claim asserts something of is no description
    elsewhere = ev(
        "It was certified platinum in Norlake, denoting shipments of 70,000 units.", title="Kestrel"
    )
    elsewhere.document = "Kestrel is the third studio album by Orrin Works. " + elsewhere.text
    assert "entity-gap" in _kinds(claim, elsewhere)
    assert parse_claim("Kestrel , the album by Lark Ames , beat Lark Ames .").background == []
    assert parse_claim("Kestrel , the Lumora Labs model , sold 5 copies .").background == []


def test_north_america_is_the_united_states_and_canada():
    # regression: box-office sentences give North America's takings as "the United States and Canada", so no
    # sentence ever named the claim's "North America"
    said = ev("Kestrel has grossed $55.6 million in the United States and Canada.", title="Kestrel")
    assert "entity-gap" not in _kinds("Kestrel earned under $56 million in North America.", said)
    only = ev("Kestrel has grossed $55.6 million in the United States.", title="Kestrel")
    assert "entity-gap" in _kinds("Kestrel earned under $56 million in North America.", only)


def test_a_disease_and_its_virus_are_one_name_for_the_figures():
    # regression: a page titled "2020 coronavirus outbreak in Norlake" never named "COVID-19", so its figures
    # could not support a claim about COVID-19 cases; the scorer, easily swayed by the topic, still needs the name
    claim = "More than 170 cases of COVID-19 have been confirmed in Norlake."
    said = ev("There are 174 confirmed cases in 15 provinces.", title="2020 coronavirus outbreak in Norlake")
    assert judge(claim, [said]).label == "SUPPORTED"
    other = ev("There are 174 confirmed cases in 15 provinces.", title="2020 measles outbreak in Norlake")
    assert judge(claim, [other]).label == "NOT_ENOUGH_INFO"
    plain = ev("Norlake's hospitals treated coronavirus patients.", title="Norlake", probs=(0.9, 0.05, 0.05))
    assert judge("COVID-19 patients were treated in Norlake.", [plain]).label == "NOT_ENOUGH_INFO"


def test_the_title_names_the_subject_of_its_sentences():
    # regression: a page title with escaped brackets and colons ("Kestrel-COLON- Dawn") did not name "Kestrel",
    # so "It has grossed $78.2 million" could not decide a claim about the film
    assert readable_title("Kestrel-COLON- Dawn -LRB-2014 film-RRB-") == "Kestrel : Dawn ( 2014 film )"
    sentence = ev(
        "It has grossed $78.2 million worldwide.", title="Kestrel-COLON- Dawn", probs=(0.1, 0.1, 0.8)
    )
    assert "entity-gap" not in _kinds("Kestrel : Dawn grossed more than $90 million.", sentence)
    assert judge("Kestrel : Dawn grossed more than $90 million.", [sentence]).label == "REFUTED"
    # and a sentence the scorer reads as the claim supports it when only the title names the subject
    plain = ev(
        "It stars Lark Ames as a lighthouse keeper.", title="Kestrel-COLON- Dawn", probs=(0.9, 0.05, 0.05)
    )
    plain.relevance = 0.8
    assert judge("Kestrel : Dawn stars Lark Ames.", [plain]).label == "SUPPORTED"
    # the title covers its subject, not every name in the claim: another studio is still a gap
    other = ev("It has grossed $78.2 million worldwide.", title="Kestrel-COLON- Dawn")
    assert "entity-gap" in _kinds("Kestrel : Dawn earned $78.2 million for Orrin Works.", other)


# --- rumours ---------------------------------------------------------------------------------------------------


def test_a_named_source_that_reports_is_no_rumour():
    # regression: "reports that" was read as "reported only from anonymous sources" even after a named source
    named = ev(
        "Review aggregator Brightscore reports that 92 % of 165 critics gave Kestrel a positive review."
    )
    assert "rumour" not in _kinds("Kestrel has a 92 % approval rating on Brightscore.", named)
    for rumour in (
        "Lumora will buy Skerry, amid reports that talks have begun.",
        "Lumora reportedly plans to buy Skerry.",
        "Sources say Lumora will buy Skerry.",
        "Lumora is said to be buying Skerry.",
        "Lumora will buy Skerry, according to people familiar with the matter.",
    ):
        assert "rumour" in _kinds("Lumora will buy Skerry.", ev(rumour)), rumour


def test_an_adverb_inside_said_to_is_still_hearsay():
    # regression: "is also said to be negotiating" escaped the "is said to" rumour form and supported a signing
    hearsay = ev("Skerry is also said to be negotiating a licensing deal with the carmaker Orrin Works.")
    assert "rumour" in _kinds("Skerry has signed a licensing deal with Orrin Works.", hearsay)
    assert judge("Skerry has signed a licensing deal with Orrin Works.", [hearsay]).label == "NOT_ENOUGH_INFO"
    for form in ("are widely said to", "was now said to"):
        assert "rumour" in _kinds("Lumora will buy Skerry.", ev(f"Lumora {form} be buying Skerry.")), form


def test_a_hedge_scopes_over_its_clause():
    # regression: "perhaps" in a relative clause, or "might" in a critic's quoted words, marked the whole sentence
    # as hedged, so the figure in its main clause could decide nothing
    side = ev("In 1910, a male lark was caught in Norlake with a tail of 9 cm, which was perhaps bitten off.")
    assert "hedged" not in _kinds("The lark caught in Norlake in 1910 was a male.", side)
    quoted = ev(
        "Kestrel has an approval rating of 74 % on Brightscore, with the consensus stating: `` however "
        "formulaic Kestrel might seem, it is fun ''."
    )
    claim = "Kestrel has an approval rating of more than 70 % on Brightscore."
    assert "hedged" not in _kinds(claim, quoted)
    assert judge(claim, [quoted]).label == "SUPPORTED"
    # a hedge in the claim's own clause, or opening the sentence, still hedges it
    for hedged in (
        "Lumora probably sold 5 million units, the analysts said.",
        "Perhaps, Lumora sold 5 million units.",
        "Lumora may have sold 5 million units.",
        # a conclusion drawn in a trailing clause qualifies the finding it is drawn from
        "Lumora sold 5 million units, suggesting that demand could be rising.",
        # quoted words that carry the claim are its hedge
        'The CEO said: "we may have sold 5 million units".',
    ):
        assert "hedged" in _kinds("Lumora sold 5 million units.", ev(hedged)), hedged


# --- attribution -------------------------------------------------------------------------------------------------


def test_a_count_confirmed_by_a_country_is_data_not_words():
    # regression: "Norlake confirmed fewer than 825 deaths" was judged on "Norlake's recorded words" and never
    # decided; a count as the verb's object is official data that any source may give
    claim = "Norlake confirmed fewer than 825 deaths from less than 74,515 cases."
    frame = parse_claim(claim)
    assert frame.speaker is None and "Norlake" in frame.entities
    said = ev("74,528 cases have been reported with 832 deaths.", title="2020 outbreak in Norlake")
    decision = judge(claim, [said])
    assert decision.label == "REFUTED" and decision.decided_by == "rules:numeric"
    assert parse_claim("Norlake has reported 7,100 cases, as of 31 March 2020.").speaker is None
    assert parse_claim("The virus claimed more than 8,000 lives in Norlake.").speaker is None
    # a statement stays the speaker's words, with or without "that"
    assert parse_claim("Lumora confirmed that 500 people left Quill.").speaker == "Lumora"
    assert parse_claim("Lumora's CEO said 40 percent of users churned.").speaker == "Lumora's CEO"
    assert parse_claim("Lumora reported 20 million downloads, which is a record.").speaker == "Lumora"


def test_words_that_name_no_one_are_no_speaker():
    # regression: with the pattern case-blind, "The reported number", "An estimated", "Early reports" and "the
    # United States" (read as "states") were speakers and verbs
    for claim in (
        "The reported number of cases in Norlake rose to more than 215.",
        "An estimated 40 percent of people in Norlake never develop symptoms.",
        "Early reports from doctors in Norlake have said that the drug helps.",
        "Scientists confirmed that the virus came from bats.",
        "Transmission in the United States was occurring in late January.",
        "Though estimates vary, models suggest that 30 percent of spread is silent.",
    ):
        assert parse_claim(claim).speaker is None, claim
    # names, roles and outlets still are
    assert parse_claim("ModelYard's blog reported that Quill overtook Skerry.").speaker == "ModelYard's blog"
    assert parse_claim("Lionel Kest has stated that Quill leads the market.").speaker == "Lionel Kest"


def test_a_named_source_reports_in_its_own_words():
    frame = parse_claim("Brightscore said the film Kestrel has an approval rating of more than 90 %.")
    assert frame.speaker == "Brightscore"
    named = ev(
        "Review aggregator Brightscore reports that 92 % of 165 critics gave the film a positive review."
    )
    assert speaker_matches("Brightscore", named)
    assert not speaker_matches("Brightscore", ev("Critics gave the film a positive review."))


def test_figures_are_about_the_claims_subject():
    # regression: a page about one player "supported" a year claimed of another, since the claim's other name and
    # the year were there
    from assistant.verify.names import about_subject

    names = parse_claim("Lark Ames was linked to the theft of the Quill trophy in 1984.").entities
    other = "Castellan has long been linked to the theft of the Quill trophy in 1984."
    assert not about_subject(names, other, document=f"Rook Castellan\n{other}")
    assert about_subject(names, other.replace("Castellan", "Ames"), document=other)
    # the title names the subject of its sentences; a counted term ("COVID-19") is not the subject
    assert about_subject(names, f"Lark Ames\n{other.replace('Castellan', 'She')}")
    assert about_subject(["COVID-19", "Norlake"], "There are 174 confirmed cases in Norlake.")
    claim = "Lark Ames was linked to the theft of the Quill trophy in 1984."
    assert judge(claim, [ev(other, title="Rook Castellan")]).label == "NOT_ENOUGH_INFO"


def test_a_counted_term_in_mixed_case_is_no_subject():
    # regression: "Covid-19" (not all capitals) was taken for the claim's subject, and for a product name the
    # sentence itself must give, so a page titled "... coronavirus pandemic in Norlake" was about something else
    claim = "Norlake confirmed more than 30 additional Covid-19 cases on March 12 , 2020 ."
    source = "On 12 March , 22 new cases have been reported ."
    assert judge(claim, [ev(source, title="2020 coronavirus pandemic in Norlake")]).label == "REFUTED"
    assert judge(claim, [ev(source, title="Sports in Norlake")]).label != "REFUTED"


def test_a_place_is_named_by_its_adjective():
    from assistant.verify.names import named_in

    assert named_in("Europe", "the fourth most visited European city")
    assert named_in("Norlandy", "the largest Norlandian port")
    assert named_in("Bulgaria", "in 26 Bulgarian provinces")
    assert not named_in("Europe", "the fourth most visited Asian city")
    # regression: a claim opening with its place ("Prague ...") left "Europe" as its subject, unnamed in
    # "European", so the sentence's rank was about something else
    claim = "Skerrow is ranked above the 4th most visited city in Europe ."
    source = "Skerrow is the fourth most visited European city after Lark , Castellan and Orrin ."
    assert judge(claim, [ev(source, title="Skerrow")]).label == "REFUTED"


def test_what_a_site_publishes_is_its_record():
    # regression: "According to Brightscore, the film has ..." found no words of Brightscore in "On review
    # aggregator Brightscore, the film has an approval rating of 15 %"
    published = ev(
        "On review aggregator Brightscore, the film has an approval rating of 15 % based on 18 reviews.",
        title="Kestrel -LRB-film-RRB-",
    )
    assert speaker_matches("Brightscore", published)
    claim = "According to Brightscore, the film Kestrel has an approval rating of more than 12 %."
    assert judge(claim, [published]).label == "SUPPORTED"
    assert not speaker_matches(
        "Brightscore", ev("The film opened on Friday; Brightscore counted 18 reviews.")
    )


def test_figures_support_only_with_every_name_there():
    # regression: matching figures supported a claim whose venue the sentence did not name
    claim = "The band's first show was at Lark's Pizza at 639 Skerry Avenue."
    said = ev("The band's first show was at Lark's located at 639 Skerry Avenue.", title="Kestrel")
    assert judge(claim, [said]).label == "NOT_ENOUGH_INFO"
    named = ev("The band's first show was at Lark's Pizza, located at 639 Skerry Avenue.", title="Kestrel")
    assert judge(claim, [named]).label == "SUPPORTED"


def test_the_subject_is_a_name_not_an_opening_word():
    # regression: "Global" opened the claim and was taken for its subject, so no sentence was about it
    claim = "Global sales of Lark Song stand at more than 15 million copies."
    said = ev("Worldwide sales of the album stand at 12 million copies.", title="Lark Song")
    assert judge(claim, [said]).label == "REFUTED"
    # a name written closed up is the same name
    assert entity_coverage(["Castellan Cloud"], "CastellanCloud bought 70,000 lines.") == 1.0


def test_a_product_its_document_names_counts_for_the_figures():
    # regression: "Training for the preview model ran for 41 days" in the release about Skerry-32B-Preview was
    # kept from supporting the product's figure, as though it did not name the product
    claim = "Lumora's Skerry-32B-Preview training run lasted 41 days."
    said = ev("Training for the preview model at Lumora ran for 41 days.", title="Lumora announces Skerry")
    said.document = (
        "Lumora releases Skerry-32B-Preview today. Training for the preview model at Lumora ran for 41 days."
    )
    assert judge(claim, [said]).label == "SUPPORTED"
    said.document = said.text  # named nowhere: a figure about something else
    assert judge(claim, [said]).label == "NOT_ENOUGH_INFO"


def test_all_is_not_supported_by_part():
    # regression: once "All" was no longer read as a name, "All adults ..." was supported by "more than half"
    part = ev("More than half of Norlake adults have at least one such condition.", probs=(0.9, 0.05, 0.05))
    assert judge("All Norlake adults have at least one such condition.", [part]).label == "NOT_ENOUGH_INFO"
    every = ev("Every Norlake adult has at least one such condition.", probs=(0.9, 0.05, 0.05))
    assert judge("All Norlake adults have at least one such condition.", [every]).label == "SUPPORTED"
