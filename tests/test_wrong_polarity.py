"""Wrong polarity: evidence that reads like the claim but does not establish it (a mark gone past, a firm's
estimate, a money amount for a count, a retracted description, a second predicate nobody mentions), and
evidence that reads unlike the claim but does not contradict it. Invented entities throughout."""

from __future__ import annotations

from assistant.retrieve.evidence import Evidence
from assistant.schema import Passage
from assistant.verify.aggregate import decide
from assistant.verify.alignment import compare
from assistant.verify.claims import parse_claim, split_claim
from assistant.verify.quantities import extract_quantities
from assistant.verify.rules import evidence_findings
from tests.test_claims_and_rules import ev


def judge(claim: str, evidence: list[Evidence]):
    frame = parse_claim(claim)
    for e in evidence:
        e.findings = evidence_findings(frame, e)
    return decide(frame, evidence)


def test_gone_past_a_mark_is_beyond_it():
    (claim,) = extract_quantities("Quill had already gone past 500 million downloads")
    assert claim.comparator == "gt"
    (short,) = extract_quantities("Quill had 497.3 million downloads")
    assert compare(claim, short) == "refutes"
    # "the past 30 days" is still a period, not a bound
    assert [q.kind for q in extract_quantities("downloads in the past 30 days")] == ["period"]


def test_an_estimate_by_a_firm_named_by_a_common_noun_establishes_no_figure():
    source = ev(
        "The firm estimates that Quill models accounted for about 38 percent of open-weight downloads by "
        "Skerry organisations, up from 31 percent a year earlier.",
        probs=(0.96, 0.02, 0.02),
    )
    claim = "Quill accounts for about 38 percent of open-weight downloads by Skerry organisations."
    assert judge(claim, [source]).label == "NOT_ENOUGH_INFO"
    stated = ev(
        "Quill models accounted for about 38 percent of open-weight downloads by Skerry organisations.",
        probs=(0.96, 0.02, 0.02),
    )
    assert judge(claim, [stated]).label == "SUPPORTED"


def test_a_count_of_customers_is_not_read_against_an_amount_of_money():
    source = ev(
        "The hosted retrieval API of Lumora Labs contributed KVV 61.0 million.", probs=(0.3, 0.1, 0.6)
    )
    claim = "More than 1,000 enterprises pay for Lumora Labs' hosted retrieval API."
    assert judge(claim, [source]).label == "NOT_ENOUGH_INFO"
    counted = ev(
        "More than 1,200 enterprises pay for Lumora Labs' hosted retrieval API.", probs=(0.9, 0.05, 0.05)
    )
    assert judge(claim, [counted]).label == "SUPPORTED"


def test_a_claims_period_far_from_its_figure_still_narrows_it():
    claim = "Monthly downloads of the Quill family came to roughly 24 million in the October export."
    frame = parse_claim(claim)
    total = ev("Half a billion: Quill crosses 500 million downloads on Skerry")
    assert not [f for f in evidence_findings(frame, total) if f.kind == "numeric"]  # an all-time total
    monthly = ev("family: Quill | downloads_millions: 497.3 | downloads_30d_millions: 23.99")
    findings = evidence_findings(frame, monthly)
    assert [f.stance for f in findings if f.kind == "numeric"] == ["supports"]  # "monthly" is the 30d field


def test_a_correction_notice_refutes_what_it_retracts_and_supports_nothing_of_it():
    notice = "The article also described Orrin Works as based in Skerry; it is based in Castellan."
    claim = "Orrin Works is headquartered in Skerry."
    assert judge(claim, [ev(notice, probs=(0.95, 0.02, 0.03))]).label == "REFUTED"
    # what the correction puts right is the source's own word
    right = judge("Orrin Works is headquartered in Castellan.", [ev(notice, probs=(0.9, 0.05, 0.05))])
    assert right.label == "SUPPORTED"


def test_what_an_earlier_version_said_contradicts_nothing():
    notice = (
        "Correction, 10 July 2031: An earlier version of this article said Quill-2-Base had been downloaded "
        "81.4 million times in the 30 days to the end of June."
    )
    claim = "In the hub's October statistics, Quill-2-Base ranks second by all-time downloads."
    assert judge(claim, [ev(notice, probs=(0.05, 0.75, 0.2))]).label == "NOT_ENOUGH_INFO"
    # a figure that repeats the retracted one is refuted by it; one that differs is not
    repeated = "Quill-2-Base had been downloaded 81.4 million times in the 30 days to the end of June."
    assert judge(repeated, [ev(notice, probs=(0.9, 0.05, 0.05))]).label == "REFUTED"
    other = "Quill-2-Base had been downloaded 95 million times in the 30 days to the end of June."
    assert judge(other, [ev(notice, probs=(0.05, 0.9, 0.05))]).label == "NOT_ENOUGH_INFO"


def test_a_second_predicate_nobody_mentions_does_not_ride_on_the_first():
    languages = ev("All four Quill-2 models read inputs of up to 8,192 tokens and cover 41 languages.")
    sources = ev(
        "They were trained on 2.1 billion text pairs mined from public web pages, parliamentary records and "
        "technical manuals.",
        probs=(0.1, 0.04, 0.86),
    )
    claim = "Quill-2 supports 41 languages and was trained partly on parliamentary records and social-media posts."
    assert judge(claim, [languages, sources]).label == "NOT_ENOUGH_INFO"
    said = (
        "Quill-2 supports 41 languages and was trained partly on parliamentary records and technical manuals."
    )
    assert judge(said, [languages, sources]).label == "SUPPORTED"


def test_a_listed_source_nobody_mentions_is_not_supported_by_the_other():
    source = ev(
        "Lark-1 was trained on 410 million image-text pairs, including batik and street-photography archives "
        "digitised with the Skerry National Gallery.",
        probs=(0.85, 0.05, 0.1),
    )
    claim = "Lark-1's training data included batik archives and film stills from the Skerry National Gallery."
    assert judge(claim, [source]).label == "NOT_ENOUGH_INFO"
    assert judge(
        "Lark-1's training data included batik and street-photography archives.", [source]
    ).label == ("SUPPORTED")


def test_names_that_each_have_a_figure_are_checked_one_by_one():
    assert split_claim(
        "Quill, Lark and Skerry each have more than 5,000 derivative models on ModelYard."
    ) == [
        "Quill has more than 5,000 derivative models on ModelYard.",
        "Lark has more than 5,000 derivative models on ModelYard.",
        "Skerry has more than 5,000 derivative models on ModelYard.",
    ]
    assert split_claim("Quill and Lark both have more than 9,000 likes.") == [
        "Quill has more than 9,000 likes.",
        "Lark has more than 9,000 likes.",
    ]


def test_a_sister_company_operated_separately_is_not_part_of_the_other():
    claim = "Quill Maps is not part of Quill Labs."
    apart = ev(
        "Quill Maps operates separately from Quill Labs, which develops open embedding models.",
        probs=(0.01, 0.97, 0.02),
    )
    # a plain sentence about something else the scorer reads as contradicting the negation
    aside = ev(
        "Across Lark and Kestrel, Quill's models have been downloaded 510 million times.",
        probs=(0.02, 0.96, 0.02),
    )
    assert judge(claim, [apart, aside]).label == "SUPPORTED"
    assert judge(claim, [aside]).label == "NOT_ENOUGH_INFO"
    # a sentence that puts it inside still refutes
    inside = ev("Quill Maps is a division of Quill Labs.", probs=(0.02, 0.9, 0.08))
    assert judge(claim, [inside]).label == "REFUTED"


def test_a_retracted_figure_says_nothing_of_a_bound_it_meets():
    notice = ev(
        "Correction, 20 August 2031: An earlier version of this article said Quill models had been downloaded "
        "6.84 billion times.",
        probs=(0.1, 0.7, 0.2),
    )
    claim = "By mid-August 2031 Quill had been downloaded more than 650 million times."
    assert judge(claim, [notice]).label == "NOT_ENOUGH_INFO"


def test_an_amount_in_a_named_currency_among_money_words_is_money():
    source = ev(
        "For the fourth quarter Lumora Labs expects revenue between KVV 88 million and KVV 92 million."
    )
    frame = parse_claim("Lumora Labs expects at least 88 million vaira in revenue in the fourth quarter.")
    assert [f.stance for f in evidence_findings(frame, source) if f.kind == "numeric"] == ["supports"]


def test_a_period_word_that_opens_the_claim_names_nothing():
    claim = "Monthly downloads of the Quill family came to roughly 24 million in the October export."
    assert parse_claim(claim).ordinary == ["Monthly"]
    row = ev("family: Quill | downloads_millions: 497.3 | downloads_30d_millions: 23.99")
    frame = parse_claim(claim)
    assert not any(f.kind == "entity-gap" for f in evidence_findings(frame, row))


def test_the_count_a_sentence_points_back_to_is_the_count_before_it():
    text = (
        "Lumora's Quill code models have passed 650 million downloads on ModelYard. The company said the count "
        "stood at 684 million on 15 August."
    )
    start = text.index("The company")
    passage = Passage(
        id="d-q:0",
        doc_id="d-q",
        index=0,
        text=text,
        char_start=0,
        char_end=len(text),
        source="s",
        title="Doc",
        kind="news",
        date="2031-08-19",
    )
    sentence = text[start:]
    second = Evidence(
        passage,
        start,
        len(text),
        sentence,
        sentence,
        text,
        document=text,
        relevance=0.7,
        probs=(0.1, 0.5, 0.4),
    )
    claim = "By mid-August 2031 Quill had been downloaded more than 650 million times."
    frame = parse_claim(claim)
    assert [f.stance for f in evidence_findings(frame, second) if f.kind == "numeric"] == ["supports"]


def test_cash_in_hand_is_no_figure_for_profit():
    claim = "Lumora Labs' third-quarter 2031 net profit exceeded 100 million suvan."
    cash = ev(
        "Lumora Labs closed the third quarter of 2031 with 1.9 billion suvan in cash and equivalents.",
        title="Lumora Labs third quarter 2031 results call",
    )
    assert judge(claim, [cash]).label == "NOT_ENOUGH_INFO"
    profit = ev("Lumora Labs' third-quarter 2031 net profit was 140 million suvan.")
    assert judge(claim, [profit]).label == "SUPPORTED"


def test_every_item_of_a_listed_include_must_be_said():
    # regression: a source that named two of three listed projects supported the list; the middle item, between
    # commas, was never checked (only the part after "and" was)
    source = ev(
        "Projects built on Lumora models include the voice of Skerry's Kestrel-2 (based on Quill-3-Base) and "
        "the City of Lark's subtitling service (based on Quill-2).",
        probs=(0.9, 0.04, 0.06),
    )
    claim = (
        "Projects built on Lumora models include Kestrel-2's voice, Kestrel's beat tracker and Lark's subtitling "
        "service."
    )
    assert judge(claim, [source]).label == "NOT_ENOUGH_INFO"
    two = "Projects built on Lumora models include Kestrel-2's voice and Lark's subtitling service."
    assert judge(two, [source]).label == "SUPPORTED"


def test_a_round_raised_is_no_valuation_and_an_old_seed_round_no_new_round():
    # regression: "in talks to raise about 2.5 billion" refuted "is valued at six billion", and a seed round
    # closed years before refuted a new round of another size
    raising = ev("Skerry is in talks to raise about 2.5 billion suvan from regional pension funds.")
    assert judge("Skerry is valued at six billion suvan.", [raising]).label == "NOT_ENOUGH_INFO"
    seed = ev("Its seed round of 1.8 billion suvan closed in March 2028.", probs=(0.05, 0.8, 0.15))
    claim = "Skerry is raising roughly 2.5 billion suvan in a new funding round."
    assert judge(claim, [seed]).label == "NOT_ENOUGH_INFO"
    named = ev("Skerry's seed round of 1.8 billion suvan closed in March 2028.", probs=(0.05, 0.8, 0.15))
    assert judge("Skerry raised 2.5 billion suvan in its seed round.", [named]).label == "REFUTED"


def test_a_part_with_a_figure_is_left_to_the_figure_checks():
    from assistant.verify.claims import conjuncts

    assert conjuncts("Skerry reported less than 75 cases and less than two deaths during the outbreak") == []
    assert (
        conjuncts("Quill earned under $ 4.5 million in Kestrel and less than $ 16.3 million globally") == []
    )
    assert conjuncts("Quill was trained on web pages and social-media posts") == [
        ["social", "media", "posts"]
    ]
    assert conjuncts("Lark and Kestrel will close its borders to all foreigners on 16 March") == []


def test_an_analysts_estimate_supports_no_bare_claim_without_figures():
    # the scorer reads a sentence that merely names the claim's subject as support; an analyst's estimate
    # establishes only the estimate, whatever the claim is about
    source = ev(
        "Brantley estimates that Quill accounts for 41 percent of deployments, ahead of Orrin Works' Lark at "
        "9 percent.",
        probs=(0.8, 0.16, 0.04),
    )
    assert judge("Orrin Works has given up on its own Lark models.", [source]).label == "NOT_ENOUGH_INFO"
    # a claim about the estimate itself is judged on the estimator's words, not gated as a bare claim
    attributed = parse_claim("Brantley estimates that Quill accounts for 41 percent of deployments.")
    reasons = [f.reason for f in evidence_findings(attributed, source)]
    assert not any("Brantley's estimate" in r for r in reasons)


def test_a_speaker_who_passes_on_anothers_figure_does_not_make_it_theirs():
    from assistant.verify.speaker_findings import cites_another

    cited = ev("Brantley Partners puts you at 44 percent of downloads in Skerry.", speaker="Pia Varga")
    assert cites_another("Castellan Securities", cited) == "Brantley Partners"
    own = ev("We put Lumora at 44 percent of downloads in Skerry.", speaker="Pia Varga")
    assert cites_another("Castellan Securities", own) is None
    claim = "Castellan Securities estimates that Lumora has 44 percent of downloads in Skerry."
    cited.org = "Castellan Securities"
    frame = parse_claim(claim)
    assert "speaker" not in {f.kind for f in evidence_findings(frame, cited, speaker="Castellan Securities")}


def test_a_sentence_opening_measure_still_says_what_the_amount_is():
    title = "Lumora Labs - Third Quarter Results"
    revenue = ev("Revenue for the third quarter was 412 million suvan.", probs=(0.2, 0.1, 0.7), title=title)
    assert judge("Lumora Labs' third-quarter net profit exceeded 100 million suvan.", [revenue]).label != (
        "SUPPORTED"
    )
    same = ev("Net profit for the third quarter was 112 million suvan.", probs=(0.2, 0.1, 0.7), title=title)
    assert (
        judge("Lumora Labs' third-quarter net profit exceeded 100 million suvan.", [same]).label
        == "SUPPORTED"
    )
