"""Negation, plans, whose words, and the figures' subject: rules as pure functions over hand-made evidence
(fictional names throughout)."""

from __future__ import annotations

from assistant.retrieve.evidence import in_third_person, units
from assistant.schema import Passage
from assistant.verify.aggregate import decide
from assistant.verify.claims import parse_claim
from assistant.verify.quantities import extract_quantities
from assistant.verify.rules import about_subject, evidence_findings
from assistant.verify.stance import main_clause, negated_restatement, polarity_gap
from ingest.metadata import affiliation
from tests.test_claims_and_rules import ev


def _judge(claim: str, *evidence):
    frame = parse_claim(claim)
    for e in evidence:
        e.relevance = 0.9
        e.findings = evidence_findings(frame, e)
    return decide(frame, list(evidence))


def test_number_words_are_read_whole():
    values = lambda t: [q.value for q in extract_quantities(t)]  # noqa: E731
    assert values("The lab is about six hundred people.") == [600]
    assert values("a hundred and ten engineers") == [110]
    assert values("twenty-five models") == [25]
    assert values("nine hundred thousand users") == [900_000]
    assert values("six hundred million downloads") == [600_000_000]
    assert values("about a quarter of downloads") == [25]


def test_a_roughly_figure_in_words_supports_the_same_figure_in_digits():
    # regression: "about six hundred people" was read as 6 and 100, and refuted "roughly 600 people"
    d = _judge(
        "The core Quill Lab has roughly 600 people.",
        ev("The core Quill Lab is about six hundred people, plus shared teams.", probs=(0.3, 0.3, 0.4)),
    )
    assert d.label == "SUPPORTED" and d.decided_by == "rules:numeric"


def test_a_figure_about_another_model_says_nothing_of_a_named_model():
    # regression: a milestone sentence naming only the hub "supported" a claim about another model's downloads
    names = parse_claim("Wisp-Small-20B has been downloaded more than 20 million times on ModelHub.").entities
    other = "Quill models have passed 700 million downloads on ModelHub."
    assert not about_subject(names, other, document=other)
    # the model is named earlier in the same document: "the preview model" is about it
    document = "Wisp-Small-20B is out today. The preview model was downloaded 25 million times on ModelHub."
    assert about_subject(names, "The preview model was downloaded 25 million times on ModelHub.", document)
    # a disease name is not a product name: the sentence about the country's cases may omit it
    assert about_subject(["COVID-19", "Norlake"], "There are 174 confirmed cases in Norlake.")


def test_a_negated_restatement_refutes():
    claim = "Lumora is in talks to take a stake in Kestrel Robotics"
    said = "But to be clear, Lumora has no investment in Kestrel and Lumora is not in talks about one."
    assert negated_restatement(claim, said)
    assert not negated_restatement(claim, "I can't speak for Kestrel.")  # names alone are not the point
    assert not negated_restatement("Lumora does not hold a stake in Kestrel", said)
    # the scorer reads the denial as support (it misses negation): the negation turns it into a refutation
    d = _judge(claim + ".", ev(said, date="2025-11-13", probs=(0.8, 0.05, 0.15)))
    assert d.label == "REFUTED"


def test_a_newer_refutation_beats_an_older_support():
    claim = "Lumora is in talks to take a stake in Kestrel Robotics."
    older = ev("Lumora is in talks to take a stake in Kestrel Robotics, the company said.", date="2025-10-02")
    older.passage.date = "2025-10-02"
    denial = ev(
        "Lumora is not in talks to take a stake in Kestrel Robotics, its CEO said.",
        date="2025-11-13",
        probs=(0.85, 0.05, 0.1),
    )
    older.probs = (0.9, 0.05, 0.05)
    assert _judge(claim, older, denial).label == "REFUTED"


def test_polarity_must_match_for_support():
    assert polarity_gap("Quill-2 is not licensed under Apache 2.0", "Quill-2 is licensed under Apache 2.0.")
    assert polarity_gap("Kestrel abandoned Wisp", "Kestrel's own Wisp family is not being discontinued.")
    assert not polarity_gap("Kestrel abandoned Wisp", "Kestrel abandoned Wisp in May.")
    d = _judge(
        "Kestrel abandoned its own Wisp model family.",
        ev("Kestrel's own Wisp model family, first released in 2023, is not being discontinued."),
    )
    assert d.label != "SUPPORTED"


def test_cues_outside_the_main_clause_do_not_count():
    sentence = (
        "Developers have now published more derivative models on Quill than on any other family, "
        "which is something I would not have predicted."
    )
    claim = "developers have built more derivative models on Quill than on any other family"
    assert "would not" not in main_clause(claim, sentence)
    assert not polarity_gap(claim, sentence)
    kinds = {f.kind for f in evidence_findings(parse_claim(claim), ev(sentence))}
    assert "plan" not in kinds and "polarity-gap" not in kinds


def test_plans_do_not_establish_what_is():
    d = _judge(
        "Quill is popular with developers in Norlake.",
        ev("The company plans to double its Quill developer meet-ups, with new events in Norlake."),
    )
    assert d.label == "NOT_ENOUGH_INFO"
    assert (
        _judge(
            "Lumora plans to double its Quill developer meet-ups.",
            ev("Lumora plans to double its Quill developer meet-ups in 2026."),
        ).label
        == "SUPPORTED"
    )


def test_rows_are_not_judged_by_the_scorer():
    row = ev("lumora/Quill-2-9B,Lumora,Quill,apache-2.0", probs=(0.05, 0.9, 0.05))
    row.passage.unit = "row"
    assert _judge("Lumora will stop releasing its largest Quill models.", row).label == "NOT_ENOUGH_INFO"


HEADER = """PARTICIPANTS
Mira Osk -- Head of Investor Relations, Lumora Group
Anneke Voss -- Chief Executive Officer, Lumora Group
Tobin Hale -- Analyst, Farrow Partners

Host: Dana Reyes
Guest: Piet Lund, Chief Technology Officer, Kestrel Robotics
Ilse Moran is co-founder and CEO of Castellan AI, the company behind Wisp.
I'm Rafe Quint from the Norlake Technology Review.
"""


def test_affiliation_from_transcript_headers():
    assert affiliation("Anneke Voss", HEADER) == "Lumora Group"
    assert affiliation("TOBIN HALE", HEADER) == "Farrow Partners"
    assert affiliation("Piet Lund", HEADER) == "Kestrel Robotics"
    assert affiliation("Ilse Moran", HEADER) == "Castellan AI"
    assert affiliation("Rafe Quint", HEADER) == "Norlake Technology Review"
    assert affiliation("Dana Reyes", HEADER) is None
    assert affiliation("Bo Li", "Bo Li, a researcher at Quill University, said so.") == "Quill University"


def test_first_person_is_read_as_the_speakers_organisation():
    assert (
        in_third_person("We have no investment in Kestrel and we are not in talks. Trust us.", "Lumora")
        == "Lumora has no investment in Kestrel and Lumora is not in talks. Trust Lumora."
    )
    text = HEADER + "\nANNEKE VOSS: Quill still trails Skerry on downloads; our lead is in derivatives.\n"
    start = text.index("Quill still")
    passage = Passage(
        id="t:0",
        doc_id="t",
        index=0,
        text=text[start:],
        char_start=start,
        char_end=len(text),
        source="t.txt",
        title="Call",
        kind="transcript",
        speaker="Anneke Voss",
    )
    (unit,) = units(passage, text, 1.0)
    assert unit.text == text[start:].strip() or unit.text in text  # the quote stays verbatim
    assert "Lumora Group's lead" in unit.scoring_text and "our lead" in unit.text


def test_growth_rates_align_across_wordings():
    # regression: "grew by more than 30 percent year on year" found no figure in "revenue ..., up 31 percent":
    # the comparator took the context's places, "grew" and "growth" did not match, "year on year" read as a window
    d = _judge(
        "Lumora Cloud revenue grew by more than 30 percent year on year in the third quarter of 2025.",
        ev(
            "Lumora Cloud revenue was 9.71 billion crowns, up 31 percent, compared with growth of 26 percent "
            "in the previous quarter of 2025.",
            probs=(0.1, 0.1, 0.8),
        ),
    )
    assert d.label == "SUPPORTED" and d.decided_by == "rules:numeric"


def test_times_counts_what_the_verb_says():
    (q,) = extract_quantities("Quill models have been downloaded 4 billion times")
    assert q.head == "download"


def test_a_superlative_needs_a_superlative():
    claim = "Quill-3-Coder is the most popular model for local code assistants on ModelHub."
    said = (
        "The small Quill-3 models are among the most downloaded models on ModelHub, and Quill-3-Coder has "
        "become a popular choice for local code assistants."
    )
    assert _judge(claim, ev(said, probs=(0.9, 0.05, 0.05))).label == "NOT_ENOUGH_INFO"
    assert (
        _judge(
            claim, ev("Quill-3-Coder is the most popular model for local code assistants on ModelHub.")
        ).label
        == "SUPPORTED"
    )


def test_a_figure_from_another_year_does_not_support():
    # the source speaks of growth "since January" in a 2025 interview; the claim is about 2024
    said = "What I know is that Castellan's derivative count grew about sixty percent since January."
    d = _judge(
        "Castellan's derivative model count grew by about 60 percent in 2024.", ev(said, date="2025-06-17")
    )
    assert d.label != "SUPPORTED"


def test_an_ordinary_word_opening_a_claim_is_no_name():
    # regression: "Having", "Active" and "Birth-weight" were names no evidence sentence contained, so every
    # sentence of the abstract had an entity gap and scientific claims could never be decided
    assert parse_claim("Active Kv19Q induces neutrophil polarization.").entities == ["Kv19Q"]
    frame = parse_claim("Having a main partner worsens HIV outcomes.")
    assert frame.weak == ["Having"]
    said = ev("A stable partnership is associated with slower progression in HIV infected patients.")
    assert "entity-gap" not in {f.kind for f in evidence_findings(frame, said)}
    # an invented name is never an ordinary word; a real word is a name where the sources capitalise it
    assert parse_claim("Quorvane is popular in Norlake.").weak == []
    wren = parse_claim("Wren is the most downloaded family in Norlake.")
    assert wren.weak == ["Wren"]
    about_others = ev("Quill is the most downloaded family in Norlake.")
    about_others.document = "Lumora makes Quill; Kestrel makes the rival Wren models."
    assert "entity-gap" in {f.kind for f in evidence_findings(wren, about_others)}


def test_a_name_joined_to_an_ordinary_word():
    frame = parse_claim("ART substantially reduces infectiveness of HIV-positive people.")
    said = ev("All models suggest that ART at high levels of access reduces HIV transmission.")
    assert "entity-gap" not in {f.kind for f in evidence_findings(frame, said)}
    model = parse_claim("Quill-3-8B was downloaded 2 million times.")
    assert "entity-gap" in {
        f.kind for f in evidence_findings(model, ev("Quill was downloaded 2 million times."))
    }


def test_built_on_another_model_refutes():
    claim = "Kestrel's Project Lark is built on Lumora's Skerry-4 Scout."
    said = ev("So Lark is built entirely on Quill-3-32B.", probs=(0.05, 0.1, 0.85))
    said.relevance = 0.2  # the sentence reads unlike the claim; the rule still finds it
    said.findings = evidence_findings(parse_claim(claim), said)
    d = decide(parse_claim(claim), [said])
    assert d.label == "REFUTED" and d.decided_by == "rules:base"
    # the same base, or a list of bases, or another subject: no finding
    frame = parse_claim(claim)
    for text in (
        "So Lark is built on Skerry-4 Scout.",
        "Lark is built on Quill-3-32B and Skerry-4 Scout.",
        "Wisp is built entirely on Quill-3-32B.",
    ):
        assert "other-base" not in {f.kind for f in evidence_findings(frame, ev(text))}


def test_a_figure_for_another_period_decides_nothing():
    # regression: the scorer refuted "more than 2 million on its first day" with "13 million in August"
    d = _judge(
        "Quill-3-8B was downloaded more than 2 million times on its first day.",
        ev("Quill-3-8B alone was downloaded more than 13 million times in August.", probs=(0.05, 0.9, 0.05)),
    )
    assert d.label == "NOT_ENOUGH_INFO"


def test_a_price_is_no_total():
    # regression: "0.40 crowns per million tokens" refuted "spent more than 10 billion crowns training"
    (price,) = extract_quantities("a launch price of 0.40 crowns per million input tokens")
    assert price.kind == "rate"
    d = _judge(
        "Lumora spent more than 10 billion crowns training Quill-3.",
        ev(
            "Lumora customers can use Quill-3 at a launch price of 0.40 crowns per million input tokens.",
            probs=(0.1, 0.2, 0.7),
        ),
    )
    assert d.label == "NOT_ENOUGH_INFO"


def test_planned_figures_do_not_support():
    d = _judge(
        "Lumora spent more than 10 billion crowns on AI infrastructure.",
        ev("Lumora plans to spend at least 150 billion crowns on AI infrastructure.", probs=(0.2, 0.1, 0.7)),
    )
    assert d.label != "SUPPORTED"


def test_a_denial_in_other_words_refutes():
    assert negated_restatement(
        "Kestrel abandoned its own Wisp model family",
        "Kestrel's own Wisp model family, first released in May 2023, is not being discontinued.",
    )
    assert negated_restatement("Castellan is switching to Quill", "We are not moving to Quill.")
    assert not negated_restatement("Castellan is switching to Quill", "We are not hiring this year.")
