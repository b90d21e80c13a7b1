"""Whose figure, whose forecast, whose words: a sibling company's headcount, a group's total, an analyst's
forecast, an anonymous source speaking again, a purpose read as use, a monthly ranking read as all-time."""

from __future__ import annotations

from assistant.verify.claims import parse_claim
from tests.test_claims_and_rules import ev, judge


def test_a_sibling_company_sharing_a_word_is_another_company():
    claim = "Brantley Sonics has 620 employees."
    sibling = ev("Brantley Marine employs 620 people.", title="Brantley Marine ships its sonar")
    assert judge(claim, [sibling]).label != "SUPPORTED"
    # the shared word alone, or in a possessive, is still the company itself
    own = ev("Brantley employs 620 people.", title="Brantley Sonics news")
    assert judge(claim, [own]).label == "SUPPORTED"
    own = ev("Brantley's workforce is 620 employees.", title="Brantley Sonics news")
    assert judge(claim, [own]).label == "SUPPORTED"
    # another spelling of the name's own word is the name ("Sonic", "Son.")
    own = ev("Brantley Sonic employs 620 people.")
    assert judge(claim, [own]).label == "SUPPORTED"


def test_a_figure_counted_together_with_another_family_is_the_groups():
    claim = "Quill models alone have been downloaded more than 500 million times."
    group = ev(
        "Together with the Lark models, models published by Lumora Labs have now been downloaded more than "
        "500 million times.",
        title="Quill passes half a billion",
    )
    assert judge(claim, [group]).label != "SUPPORTED"
    # a claim about the group itself is supported
    both = "Quill and Lark models have been downloaded more than 500 million times together."
    assert (
        judge(
            both,
            [
                ev(
                    "Together with the Lark models, Quill models have been downloaded more than "
                    "500 million times."
                )
            ],
        ).label
        == "SUPPORTED"
    )


def test_a_figure_for_listed_families_counted_together_is_the_groups():
    claim = "The Lark family alone has now passed 300 million downloads."
    group = ev(
        "Counting both of Orrin Works' model families - Lark and Vesper - downloads on ModelYard now exceed "
        "340 million."
    )
    assert judge(claim, [group]).label != "SUPPORTED"
    # a claim about the owner names no one family: the total may be its own
    owner = "Orrin Works' models have passed 300 million downloads on ModelYard."
    assert judge(owner, [group]).label == "SUPPORTED"


def test_a_sentence_closing_on_an_estimate_is_only_an_estimate():
    claim = "Quill accounts for about 38 percent of open speech-model downloads in the Skerry region."
    estimate = ev(
        "Lumora Labs now accounts for about 38 percent of all downloads of open-weight speech models by users "
        "in the Skerry region, according to an estimate by Arvid Tell, analyst at Brantley Partners."
    )
    assert judge(claim.replace("Quill", "Lumora Labs"), [estimate]).label == "NOT_ENOUGH_INFO"
    fact = ev(
        "Lumora Labs now accounts for about 38 percent of all downloads of open-weight speech models by users "
        "in the Skerry region, according to the hub's own counters."
    )
    assert judge(claim.replace("Quill", "Lumora Labs"), [fact]).label == "SUPPORTED"


def test_a_third_partys_forecast_does_not_establish_the_future():
    claim = "Quill will overtake Skerry in all-time downloads in 2027."
    forecast = ev('Castellan expects Quill to overtake Skerry on all-time downloads "some time in 2027".')
    assert judge(claim, [forecast]).label == "NOT_ENOUGH_INFO"
    assert judge("Quill has overtaken Skerry in all-time downloads.", [forecast]).label == "NOT_ENOUGH_INFO"
    # the attributed claim is the forecaster's words
    attributed = judge("Castellan said Quill will overtake Skerry in all-time downloads in 2027.", [forecast])
    assert attributed.label != "REFUTED"


def test_an_anonymous_source_speaking_again_is_still_a_rumour():
    doc = (
        "Lumora is preparing a new model, according to two people familiar with the plans. The people, who asked "
        "not to be named because the plans are not public, said the model is aimed at newsrooms and archives. "
        "The same people said Lumora is considering moving its next generation to a closed licence for paying "
        "customers. "
        "One of them said Lumora is also preparing to open an office in Kestrel next year."
    )
    e = ev(doc)
    start = doc.index("One of them")
    e.char_start, e.text, e.scoring_text = start, doc[start:], doc[start:]
    decision = judge("Lumora is preparing to open an office in Kestrel.", [e])
    assert decision.label == "NOT_ENOUGH_INFO"


def test_a_counted_further_source_is_still_a_rumour():
    # "A third person said ...": one more unnamed source in a report that began with anonymous ones
    doc = (
        "Orrin Works has held talks about buying Lark Robotics, according to two people familiar with the matter. "
        "The talks were at an early stage and might come to nothing, one of the people said. Orrin Works makes the "
        "Vesper family of open models, which it sells to manufacturers of laptops, kiosks and handheld scanners. "
        "A third person said Orrin Works had also discussed bundling its Vesper models with Skerry laptops."
    )
    e = ev(doc, probs=(0.9, 0.02, 0.08))
    start = doc.index("A third person")
    e.char_start, e.text, e.scoring_text = start, doc[start:], doc[start:]
    decision = judge("Orrin Works has discussed bundling Vesper models with Skerry laptops.", [e])
    assert decision.label == "NOT_ENOUGH_INFO"


def test_what_a_model_is_for_is_not_who_uses_it():
    claim = "Quill-Stream is used by broadcasters for live captioning."
    purpose = ev("Lumora also released Quill-Stream, a low-latency streaming model for live captioning.")
    assert judge(claim, [purpose]).label == "NOT_ENOUGH_INFO"
    used = ev("Quill-Stream is used by three broadcasters for live captioning.")
    assert judge(claim, [used]).label == "SUPPORTED"


def test_a_monthly_ranking_is_not_an_all_time_one():
    claim = "Quill is the most downloaded speech family on ModelYard of all time."
    monthly = ev("Quill has been the most downloaded speech family on ModelYard every month since June.")
    assert judge(claim, [monthly]).label == "NOT_ENOUGH_INFO"


def test_a_no_answers_the_question_put_not_a_claim_naming_more():
    question = "People say Lumora has the lion's share of open speech recognition now. Fair?"
    answer = ev(
        "I wouldn't put it that way.",
        speaker="Anneke Voss",
        kind="transcript",
        reply_to=question,
        probs=(0.2, 0.3, 0.5),
    )
    claim = "Lumora holds the lion's share of Kestrel's speech recognition market."
    assert judge(claim, [answer]).label == "NOT_ENOUGH_INFO"
    assert judge("Lumora has the lion's share of open speech recognition.", [answer]).label == "REFUTED"


def test_calling_the_report_untrue_on_the_record_refutes_the_rumour():
    rumour = ev(
        "Lumora is considering moving Quill-5 to a closed licence, according to people familiar with the plans."
    )
    denial = ev(
        "That report is not true.",
        speaker="Anneke Voss",
        kind="transcript",
        reply_to="There was a report last month that Quill-5 would move to a closed licence. Can you address that?",
        probs=(0.2, 0.3, 0.5),
        date="2026-11-05",
    )
    denial.org = "Lumora Labs"
    decision = judge("Lumora plans to move Quill-5 to a closed licence.", [rumour, denial])
    assert decision.label == "REFUTED"


def test_a_doubt_disputes_what_was_asked_and_the_rest_of_the_answer_still_counts():
    asked = (
        "Lumora likes to say you are their biggest customer. Is Castellan really Lumora's biggest customer?"
    )
    doubt = ev("I doubt it.", speaker="Maren Holt", kind="transcript", reply_to=asked, probs=(0.1, 0.4, 0.5))
    pays = ev(
        "We pay for their hosted API at the hospitals, but we're one customer among many.",
        speaker="Maren Holt",
        kind="transcript",
        reply_to=asked,
        probs=(0.85, 0.05, 0.1),
    )
    for e in (doubt, pays):
        e.org, e.position = "Castellan", 1
    disputed = judge("Maren Holt said Castellan is Lumora's biggest customer.", [doubt, pays])
    assert disputed.label == "REFUTED"
    confirmed = judge("Maren Holt confirmed that Castellan pays for Lumora's hosted API.", [doubt, pays])
    assert confirmed.label == "SUPPORTED"


def test_a_negated_claim_agrees_with_a_sentence_that_negates_the_same_words():
    claim = "Castellan's Orrin-Voice 1 was not derived from another company's base model."
    # the scorer reads the two negations as a contradiction
    same = ev(
        "Castellan's speech model, Orrin-Voice 1, was trained from scratch by Castellan and does not use "
        "another company's base model.",
        probs=(0.03, 0.95, 0.02),
    )
    assert judge(claim, [same]).label == "SUPPORTED"
    # another thing negated is no agreement
    other = ev("Lark is not sold in Skerry; it is sold in Kestrel.", probs=(0.05, 0.9, 0.05))
    assert judge("Lark is not sold in Kestrel.", [other]).label == "REFUTED"


def test_a_total_of_several_kinds_is_not_one_kinds_count():
    total = ev(
        "Quill is also the base model for more than 105,000 public derivative models on ModelYard, counting "
        "fine-tunes, quantizations, adapters and merges."
    )
    assert judge("Quill has more than 100,000 fine-tuned derivative models.", [total]).label != "SUPPORTED"
    assert judge("Quill has more than 100,000 derivative models.", [total]).label == "SUPPORTED"


def test_a_version_of_a_model_is_named_by_the_names_that_extend_it():
    release = ev("Lumora also released Quill-4-Stream, a low-latency streaming variant of Quill-4-Medium.")
    assert judge("Lumora has released a streaming version of Quill-4.", [release]).label == "SUPPORTED"
    # the model itself is not its sibling
    assert judge("Lumora has released Quill-4.", [release]).label != "SUPPORTED"


def test_a_maker_denying_it_of_its_model_by_the_family_name_refutes():
    # "Skerry is our first model we did not pre-train ourselves", said by Orrin Works' CTO in a talk about
    # Skerry-12B, denies "Orrin Works pre-trained Skerry-12B": the family's name is the model, in its maker's mouth
    def said(text: str):
        e = ev(
            text,
            speaker="Ivo Marsh",
            kind="transcript",
            probs=(0.04, 0.9, 0.06),
            document=f"Fireside with Ivo Marsh, CTO of Orrin Works.\nOrrin Works launched Skerry-12B and Skerry-30B. {text}",
        )
        e.org = "Orrin Works"
        return e

    claim = "Orrin Works pre-trained Skerry-12B from scratch."
    assert (
        judge(claim, [said("Skerry is our first model that we did not pre-train ourselves.")]).label
        == "REFUTED"
    )
    # another model of the family named: not about Skerry-12B
    other = said("Skerry-30B is our first model that we did not pre-train ourselves.")
    assert judge(claim, [other]).label == "NOT_ENOUGH_INFO"


def test_by_the_firms_estimate_is_the_firm_the_report_named():
    # "A new report from Lark Analytics puts a number on it. By the firm's estimate, Quill had 41 percent ...":
    # the figure is Lark Analytics', as "The firm estimates that ..." would be
    text = (
        "By the firm's estimate, Quill models accounted for 41 percent of enterprise deployments in Skerry."
    )
    document = f"A new report from Lark Analytics puts a number on the market. {text}"
    said = ev(text, document=document, probs=(0.2, 0.7, 0.1))
    said.char_start = document.index("By the")
    claim = "Lark Analytics puts Quill's share of enterprise deployments in Skerry at about two-fifths."
    decision = judge(claim, [said])
    assert decision.label == "SUPPORTED" and decision.decided_by == "rules:numeric"


def test_a_companys_boss_is_its_chief_executive():
    from assistant.verify.speaker_findings import resolve_role

    frame = parse_claim("According to Orrin's boss, no part of Skerry ended up in Kestrel.")
    assert frame.speaker == "Orrin's boss"
    header = "Fireside with Ivo Marsh, chief executive of Orrin Works, and Pia Lund."
    assert resolve_role(frame.speaker, [header]) == "Ivo Marsh"


def test_a_no_to_the_most_denies_the_superlative_not_a_lesser_claim():
    asked = "So Kestrel is now the most downloaded model family on ModelYard?"
    no = ev(
        "Not in total, no. Lark is still ahead.",
        speaker="Ivo Marsh",
        kind="transcript",
        reply_to=asked,
        probs=(0.1, 0.1, 0.8),
    )
    assert judge("Kestrel is now the most downloaded model family on ModelYard.", [no]).label == "REFUTED"
    assert judge("Kestrel is now a popular model family on ModelYard.", [no]).label == "NOT_ENOUGH_INFO"


def test_what_an_outlet_reported_is_its_report_rumour_or_not():
    document = (
        "# Lark weighs a paid-only Kestrel-4\n\n*The Skerry Courier -- 14 July 2031*\n\n"
        "Lark was weighing offering Kestrel-4 only through a paid service, according to a person briefed on "
        "the plans."
    )
    text = document.split("\n\n")[-1]
    report = ev(text, document=document, probs=(0.85, 0.05, 0.1))
    report.char_start = document.index("Lark was")
    claim = (
        "The Skerry Courier reported that Lark was weighing offering Kestrel-4 only through a paid service."
    )
    assert judge(claim, [report]).label == "SUPPORTED"
    # the report is no fact of its own: the plain claim rests on an anonymous source
    assert (
        judge("Lark was weighing offering Kestrel-4 only through a paid service.", [report]).label
        != "SUPPORTED"
    )
    # another outlet's report is not the Courier's
    other = document.replace("The Skerry Courier", "The Orrin Herald")
    elsewhere = ev(text, document=other, probs=(0.85, 0.05, 0.1))
    assert judge(claim, [elsewhere]).label == "NOT_ENOUGH_INFO"


def test_a_makers_denial_for_the_whole_year_refutes_a_launch_in_one_of_its_months():
    # regression: Lumora's CTO saying "Quill-4 is not coming this year" was no word of Lumora's (the sentence
    # does not name it) and said nothing of December (it names no month), so a rumoured launch stayed open
    def said(text: str, org: str):
        e = ev(text, kind="transcript", speaker="Tobin Hale", date="2031-11-04", probs=(0.02, 0.03, 0.95))
        e.org, e.relevance = org, 0.6
        return e

    claim = "Lumora will launch Quill-4 in December 2031."
    assert judge(claim, [said("Quill-4 is not coming this year.", "Lumora Labs")]).label == "REFUTED"
    assert judge(claim, [said("Quill-4 is not coming at all in 2031.", "Lumora Labs")]).label == "REFUTED"
    # another company's officer does not speak for Lumora, nor does a denial for another year
    assert judge(claim, [said("Quill-4 is not coming this year.", "Castellan")]).label == "NOT_ENOUGH_INFO"
    assert judge(claim, [said("Quill-4 is not coming in 2030.", "Lumora Labs")]).label == "NOT_ENOUGH_INFO"


def test_either_party_to_a_deal_denies_it_on_the_record():
    # regression: Skerry's CTO saying "There are no talks with Lumora about an acquisition" was no party's
    # denial (only Lumora, the claim's subject, counted), and a loosely related sentence outweighed it
    denial = ev(
        "There are no talks with Lumora about an acquisition.",
        kind="transcript",
        speaker="Ada Brenn",
        probs=(0.06, 0.37, 0.57),
    )
    denial.org, denial.relevance = "Skerry Music", 0.43
    loose = ev("Projects built on Lumora models include Skerry Music's Kestrel-2.", probs=(0.68, 0.14, 0.18))
    claim = "Lumora is in talks to acquire Skerry Music."
    assert judge(claim, [denial, loose]).label == "REFUTED"
    # a bystander's denial is no party's
    denial.org = "Castellan"
    assert judge(claim, [denial, loose]).label == "NOT_ENOUGH_INFO"


def test_the_maker_saying_open_denies_kept_closed():
    # regression: Lumora's CEO saying "The next generation will be open" did not deny "Lumora plans to keep the
    # next generation of Quill models closed": "open" is no negation of "closed" by the negation cues
    from assistant.verify.stance import opposite_clash

    claim = "Lumora plans to keep the next generation of Quill models closed."
    said = "The next generation will be open, like every Quill model before it."
    assert opposite_clash(claim, said)
    assert not opposite_clash(claim, "The next generation will not be open.")
    assert not opposite_clash(
        claim, "Lumora builds open coding models (Lark) and small vision models (Quill)."
    )
    e = ev(said, kind="transcript", speaker="Ada Brenn", probs=(0.02, 0.02, 0.96))
    e.org, e.relevance = "Lumora Labs", 0.64
    assert judge(claim, [e]).label == "REFUTED"


def test_not_from_anyone_elses_weights_denies_it_of_every_other_party():
    # regression: "Quill-22B did not start from anyone else's weights" named no Lark, so it could not refute
    # "Quill-22B started from Lark weights"
    said = ev(
        "Quill-22B did not start from anyone else's weights, and neither will its successor.",
        kind="transcript",
        speaker="Ada Brenn",
        probs=(0.31, 0.46, 0.23),
    )
    said.relevance = 0.93
    assert judge("Quill-22B started from Lark weights.", [said]).label == "REFUTED"
    # the claim's subject must still be the sentence's
    assert judge("Kestrel-7B started from Lark weights.", [said]).label == "NOT_ENOUGH_INFO"


def test_one_model_or_family_of_an_owner_is_a_floor_for_its_total():
    from dataclasses import replace

    claim = "Orrin Works' models had passed 300 million downloads on ModelYard."
    row = ev(
        "model_id: orrin/Lark-2-7B | family: Lark | org: Orrin Works | downloads.all_time: 41900000",
        kind="statistics",
        probs=(0.3, 0.4, 0.3),
    )
    row.passage = replace(row.passage, unit="record")
    # one model's 41.9 million says the owner has at least that many, not that it has no more
    assert judge(claim, [row]).label == "NOT_ENOUGH_INFO"
    assert (
        judge("Orrin Works' models had passed 30 million downloads on ModelYard.", [row]).label != "REFUTED"
    )
    # the model's own claim is judged on its row
    assert judge("Lark-2-7B had passed 300 million downloads on ModelYard.", [row]).label == "REFUTED"
    said = "According to ModelYard's counters, the Lark family stood at 251.4 million all-time downloads."
    family = ev(said, document=f"Orrin Works' Lark models are popular. {said}", probs=(0.3, 0.4, 0.3))
    assert judge(claim, [family]).label == "NOT_ENOUGH_INFO"
    assert (
        judge("The Lark family had passed 300 million downloads on ModelYard.", [family]).label == "REFUTED"
    )


def test_an_analysts_estimate_is_their_firms_and_a_share_of_it_is_an_amount():
    frame = parse_claim("Brantley Partners' analyst reckons Lumora has more than a third of the market.")
    assert (frame.speaker, frame.verb) == ("Brantley Partners", "reckons")
    assert (
        parse_claim("A Brantley analyst estimates that Quill will pass 40 million downloads.").speaker
        == "Brantley"
    )
    assert parse_claim("Brantley Partners puts Castellan's share of the market above one third.").speaker == (
        "Brantley Partners"
    )
    document = (
        "Lumora Labs leads, according to an estimate by Arvid Tell, senior analyst at Brantley Partners. "
        "Tell puts Castellan's share at 29 percent. Tell also estimates that spending on speech-recognition "
        "subscriptions will reach KVV 2.5 billion in 2031, up from KVV 1.9 billion last year, and that "
        "Lumora's Quill subscriptions take roughly one fifth of it."
    )

    def said(sentence: str):
        e = ev(sentence, document=document)
        e.char_start = document.index(sentence)
        return e

    share = said("Tell puts Castellan's share at 29 percent.")
    assert judge("Brantley Partners puts Castellan's share above one third.", [share]).label == "REFUTED"
    assert judge("Brantley Partners puts Castellan's share above one quarter.", [share]).label == "SUPPORTED"
    market = said(document[document.index("Tell also") :])
    claim = "A Brantley analyst estimates that Lumora's Quill subscriptions will take in roughly KVV 500 million in 2031."
    assert judge(claim, [market]).label == "SUPPORTED"
    assert judge(claim.replace("500", "800"), [market]).label == "REFUTED"


def test_a_sentence_on_another_subject_says_nothing_of_the_claims():
    # the title names both firms; the sentence is about one of them only
    leads = ev(
        "Lumora Labs now holds about 41 percent of all downloads of open speech models in the region.",
        title="Lumora ahead, Castellan close behind",
    )
    assert judge(
        "Castellan's share of the region's open speech-model downloads is above one third.", [leads]
    ).label == ("NOT_ENOUGH_INFO")
