"""Who said what, and what an answer answers: agreement claims, questions that lean on the sentence before,
a speaker's turn that goes on from an earlier sentence, replies that deny a question, and lists."""

from __future__ import annotations

import re

import numpy as np

from assistant.checker import Checker, _leans_back, _sentence_before
from assistant.retrieve.evidence import units
from assistant.schema import Passage
from assistant.verify.aggregate import decide
from assistant.verify.base_models import only_as_base
from assistant.verify.claims import characterisation_gap, parse_claim, split_claim
from assistant.verify.rules import evidence_findings
from assistant.verify.speaker_findings import makes
from tests.test_claims_and_rules import ev, judge


def _turn(document: str, speaker: str, turn: str, *, index: int = 0, role=None, date=None):
    """The evidence units of one speaker's turn inside a transcript document."""
    start = document.index(turn)
    passage = Passage(
        id=f"t:{index}",
        doc_id="t",
        index=index,
        text=turn,
        char_start=start,
        char_end=start + len(turn),
        source="t.srt",
        title="Fireside",
        kind="transcript",
        date=date,
        speaker=speaker,
        role=role,
    )
    return units(passage, document, 1.0)


# --- "Z agreed that P" ------------------------------------------------------------------------------------


def test_agreed_is_an_attribution():
    frame = parse_claim("Maren Holt agreed that Lark is essentially Quill under a new name.")
    assert frame.speaker == "Maren Holt"
    assert frame.content == "Lark is essentially Quill under a new name"


def test_a_judgement_is_not_established_by_the_fact_it_rests_on():
    claim = "Lark is essentially Quill under a new name"
    assert characterisation_gap(claim, "Lark starts from the Quill-3-14B weights; we are proud of it.")
    assert not characterisation_gap(claim, "Lark is basically Quill with a new label.")
    assert not characterisation_gap("Lark starts from Quill weights", "Lark starts from the Quill weights.")
    assert not characterisation_gap("Lark is a coding model", "Lark is just a coding model.")
    fact = ev(
        "Lark starts from the Quill-3-14B weights; that part is public and we're proud of it.",
        kind="transcript",
        speaker="Maren Holt",
        probs=(0.92, 0.02, 0.06),  # the scorer takes the related fact for agreement
    )
    decision = judge("Maren Holt agreed that Lark is essentially Quill under a new name.", [fact])
    assert decision.label != "SUPPORTED", decision.explanation


# --- a question that leans on the sentence before it ---------------------------------------------------------

FIRESIDE = (
    "MAREN HOLT: Welcome. My guest is Tobin Hale, chief technology officer of Castellan.\n"
    "Tobin, last month you released Lark. Is it simply Quill with a new name on it?\n"
    "TOBIN HALE: No, and I'd push back on that framing. Lark starts from the Quill-3-14B weights.\n"
    "On top of that we ran continued pre-training on 800 billion tokens, mostly legal text.\n"
)


def test_a_question_that_leans_back_is_read_with_its_setup():
    assert _leans_back("Is it simply Quill with a new name on it?")
    assert _leans_back("So do they still use it?")
    assert not _leans_back("How has it been received?")  # no yes or no to read
    assert not _leans_back("Is Quill the best open model?")  # says what it asks by itself
    host = _turn(FIRESIDE, "Maren Holt", FIRESIDE[: FIRESIDE.index("TOBIN")].strip(), role="host")
    assert _sentence_before(host[-1]) == "Tobin, last month you released Lark."
    assert _sentence_before(host[1]) == "Welcome."  # the speaker's label is left out
    assert _sentence_before(host[0]) == ""


class _Scorer:
    """Relevance: the share of the claim's words the text has (enough to tell a setup from a bare pronoun)."""

    def assess(self, claim: str, texts: list[str]):
        wanted = set(re.findall(r"\w+", claim.lower()))
        relevance = [len(wanted & set(re.findall(r"\w+", t.lower()))) / len(wanted) for t in texts]
        return np.tile([0.0, 0.0, 1.0], (len(texts), 1)), np.array(relevance)


def test_the_setup_makes_the_question_close_enough_to_fetch_its_answer():
    checker = Checker.__new__(Checker)
    checker.scorer = _Scorer()
    host = _turn(FIRESIDE, "Maren Holt", FIRESIDE[: FIRESIDE.index("TOBIN")].strip(), role="host")
    found = checker._set_up_questions("lark is simply quill with a new name", [host[-1]])
    assert [(q, round(r, 2)) for _, q, r in found] == [
        ("Tobin, last month you released Lark. Is it simply Quill with a new name on it?", 1.0)
    ]
    assert checker._set_up_questions("castellan hires forty engineers", [host[-1]]) == []


# --- a speaker's turn goes on from its earlier sentences ---------------------------------------------------


def test_a_sentence_that_names_nothing_is_about_what_the_turn_was_about():
    turn = FIRESIDE[FIRESIDE.index("TOBIN HALE:") :].strip()
    *_, sentence = _turn(FIRESIDE, "Tobin Hale", turn)
    sentence.findings = []
    frame = parse_claim(
        "Castellan's CTO said the company had continued pre-training Lark on 800 billion tokens."
    )
    findings = evidence_findings(frame, sentence, "Tobin Hale")
    assert any(f.kind == "numeric" and f.stance == "supports" for f in findings)
    # a sentence with a subject of its own is about that subject, not about the turn's
    other = FIRESIDE.replace("On top of that we ran", "Skerry ran")
    turn = other[other.index("TOBIN HALE:") :].strip()
    *_, sentence = _turn(other, "Tobin Hale", turn)
    assert not any(f.kind == "numeric" for f in evidence_findings(frame, sentence, "Tobin Hale"))


UPTAKE = (
    "MAREN HOLT: Castellan launched Kestrel in the spring. How has Kestrel been taken up since?\n"
    "TOBIN HALE: It was slow for a month. Then it has picked up fast. We now serve roughly six thousand "
    "bakeries.\n"
)


def _uptake_sentence(date="2026-10-06"):
    turn = UPTAKE[UPTAKE.index("TOBIN HALE:") :].strip()
    *_, sentence = _turn(UPTAKE, "Tobin Hale", turn, date=date)
    sentence.relevance, sentence.probs = 0.2, (0.05, 0.02, 0.93)
    return sentence


def test_a_turn_of_pronouns_is_about_what_its_question_asked():
    # "We now serve ..." after "Then it has picked up fast.": neither names anything, so the answer is about
    # what the question put to the speaker
    frame = parse_claim("Kestrel serves about 6,000 bakeries.")
    findings = evidence_findings(frame, _uptake_sentence())
    assert [f.stance for f in findings if f.kind == "numeric"] == ["supports"]
    assert not any(f.kind == "entity-gap" for f in findings)
    # without a question naming it, the figure is nobody's in particular
    bare = UPTAKE.replace("How has Kestrel been taken up since?", "Tell us more.")
    turn = bare[bare.index("TOBIN HALE:") :].strip()
    *_, sentence = _turn(bare, "Tobin Hale", turn)
    assert not any(f.kind == "numeric" for f in evidence_findings(frame, sentence))


def test_the_newer_spoken_figure_supersedes_an_older_release():
    older = ev("During its trial, Kestrel served 1,500 bakeries.", date="2026-09-01", kind="announcement")
    assert judge("Kestrel serves about 1,500 bakeries.", [older, _uptake_sentence()]).label == "REFUTED"
    older = ev("During its trial, Kestrel served 1,500 bakeries.", date="2026-09-01", kind="announcement")
    assert (
        judge("Kestrel now serves roughly 6,000 bakeries.", [older, _uptake_sentence()]).label == "SUPPORTED"
    )


# --- a no that says what a negated claim says ----------------------------------------------------------------


def _asked(answer: str, date: str):
    host = ev(
        "Will we see Quill-4 before the end of the year?",
        kind="transcript",
        speaker="Marisol Quentin",
        role="host",
        date=date,
        probs=(0.05, 0.05, 0.9),
    )
    reply = ev(
        answer, kind="transcript", speaker="Anneke Voss", reply_to=host.text, date=date, probs=(0, 0, 1)
    )
    return [host, reply]


def test_a_no_to_the_plain_question_supports_the_negated_claim():
    negated = "Anneke Voss said Quill-4 would not be released in 2025."
    decision = judge(negated, _asked("Not this year. That much I can tell you.", "2025-11-06"))
    assert decision.label == "SUPPORTED" and decision.decided_by == "rules:reply", decision.explanation
    assert judge(negated, _asked("No. Beyond that, no dates.", "2025-11-06")).label == "SUPPORTED"
    # "this year" in a source of 2024 is 2024
    assert judge(negated, _asked("Not this year.", "2024-11-06")).label != "SUPPORTED"
    # the plain claim is what the no denies
    plain = "Anneke Voss said Quill-4 would be released in 2025."
    assert judge(plain, _asked("No. Beyond that, no dates.", "2025-11-06")).label == "REFUTED"
    assert judge(plain, _asked("Not this year.", "2025-11-06")).label == "REFUTED"
    assert judge(plain, _asked("Not this year.", "2024-11-06")).label == "NOT_ENOUGH_INFO"


def test_a_yes_to_this_year_is_about_the_sources_year():
    plain = "Anneke Voss said Quill-4 would be released in 2025."
    assert judge(plain, _asked("Yes, in December.", "2025-11-06")).label == "SUPPORTED"
    assert judge(plain, _asked("Yes, in December.", "2024-11-06")).label != "SUPPORTED"


# --- lists that one sentence gives whole -----------------------------------------------------------------


def test_a_list_of_figures_with_one_unit_agrees_item_by_item():
    launch = ev(
        "The release comprises five models with 0.5, 3, 9, 20 and 70 billion parameters, all out today.",
        title="Lumora releases Quill-5",
    )
    claim = "Quill-5 came in five sizes: 0.5, 3, 9, 20 and 70 billion parameters."
    assert judge(claim, [launch]).label == "SUPPORTED"
    # another list, another count, or another measure does not agree
    assert judge(claim.replace("20 and", "24 and"), [launch]).label != "SUPPORTED"
    assert judge(claim.replace("five sizes", "six sizes"), [launch]).label != "SUPPORTED"
    assert judge(claim.replace("parameters", "downloads"), [launch]).label != "SUPPORTED"


def test_a_ranked_list_puts_each_of_its_names_among_the_first():
    ranked = ev("In 2025 the largest markets for Quill downloads were Ardmoor, Kestrel and Lark Federation.")
    claim = (
        "Ardmoor and Lark Federation were both among the three biggest markets for Quill downloads in 2025."
    )
    decision = [judge(part, [ranked]).label for part in split_claim(claim)]
    assert split_claim(claim)[0].startswith("Ardmoor was among")  # "both" goes with the pair
    assert decision == ["SUPPORTED", "SUPPORTED"]
    # a list that is not the ranking's complement ranks nothing
    news = ev(
        "The biggest markets news of 2025: Ardmoor, Kestrel and Lark Federation opened Quill download offices."
    )
    assert judge(split_claim(claim)[0], [news]).label != "SUPPORTED"
    # three names do not put one among the first two; a name not listed is not among them
    assert judge(
        "Ardmoor was among the two biggest markets for Quill downloads in 2025.", [ranked]
    ).label != ("SUPPORTED")
    assert judge(
        "Skerry was among the three biggest markets for Quill downloads in 2025.", [ranked]
    ).label != ("SUPPORTED")


# --- what is said of a model built on another is not said of the base ----------------------------------------


def test_a_derived_models_training_is_not_its_bases():
    derived = ev(
        "The model is built on Lumora's open-weight Quill-3-14B: Castellan took the Quill weights as its "
        "starting point, continued pre-training on 600 billion tokens of maritime law.",
        probs=(0.95, 0.02, 0.03),  # the scorer reads the whole sentence as about the model it names
    )
    claim = "Quill-3-14B was trained on maritime law."
    assert judge(claim, [derived]).label == "NOT_ENOUGH_INFO"
    assert only_as_base(parse_claim(claim), derived.text) == "Quill-3-14B"
    # the base's own training, or a claim about the base relation itself, are the sentence's business
    own = ev("Quill-3-14B was trained on 9 trillion tokens of maritime law.", probs=(0.95, 0.02, 0.03))
    assert judge(claim, [own]).label == "SUPPORTED"
    assert only_as_base(parse_claim("Lark-2 is built on Quill-3-14B."), derived.text) is None


# --- a speaker's words in other words ----------------------------------------------------------------------


def test_where_it_was_said_frames_the_attribution():
    frame = parse_claim(
        "On the results call, Anneke Voss put Quill at about a fifth of hub downloads in May."
    )
    assert (frame.speaker, frame.content) == ("Anneke Voss", "Quill at about a fifth of hub downloads in May")
    assert parse_claim("Lumora put out Quill-3 in May.").speaker is None  # "put out" is no estimate
    # a date is no setting (no venue), but says when Z said it: Z's words of that year
    dated = parse_claim("In 2023, Lumora said it had 40 staff.")
    assert (dated.speaker, dated.venue, dated.said_on) == ("Lumora", None, "2023")


def test_we_the_family_is_the_family_the_organisation_makes():
    texts = ["Lumora Labs' Quill models passed 500 million downloads.", "Skerry is made by Fjordline."]
    assert makes("Lumora Labs", "Quill", texts)
    assert makes("Lumora Labs", "Quill", ["Lumora Labs, founded in 2019, develops the Quill models."])
    assert makes("Lumora Labs", "Quill", ["Lumora Labs announced today that its Quill family passed 500M."])
    assert not makes("Lumora Labs", "Skerry", texts)
    assert not makes("Orbit Labs", "Quill", texts)  # a generic word is no owner

    class _Docs:
        def get(self, doc_id):
            return type("Doc", (), {"text": texts[0]})()

    class _Scorer:
        def assess(self, claim, scored):
            self.read = scored
            return np.tile([0.9, 0.0, 0.1], (len(scored), 1)), np.ones(len(scored))

    checker = Checker.__new__(Checker)
    checker.docs, checker.scorer = _Docs(), _Scorer()
    said = "On ModelYard, counting downloads, we are the biggest open family, yes."
    answer = ev(said, kind="transcript", speaker="Anneke Voss")
    answer.org = "Lumora Labs"
    checker._family_voice(
        parse_claim("Anneke Voss said Quill is the biggest open family on ModelYard."), [answer]
    )
    assert checker.scorer.read == [
        "Anneke Voss: On ModelYard, counting downloads, Quill is the biggest open family, yes."
    ]
    other = ev(said, kind="transcript", speaker="Tobin Hale")
    other.org = "Fjordline"  # not Quill's maker: "we" is not Quill
    checker.scorer.read = None
    checker._family_voice(
        parse_claim("Tobin Hale said Quill is the biggest open family on ModelYard."), [other]
    )
    assert checker.scorer.read is None and "Quill" not in other.scoring_text


def test_where_z_spoke_is_part_of_the_claim():
    claim = "On the podcast, Anneke Voss said Quill had passed 500 million downloads."
    assert parse_claim(claim).venue == "podcast"
    call = ev("Quill passed 600 million downloads on 16 January.", kind="transcript", speaker="Anneke Voss")
    call.passage.source = "lumora_earnings-call_2026-01-29.txt"
    assert judge(claim, [call]).label == "NOT_ENOUGH_INFO"  # she said it, but on the results call
    assert judge(claim.replace("On the podcast", "On the results call"), [call]).label == "SUPPORTED"


# --- a denial on the record by the one the claim is about ----------------------------------------------------

CALL = (
    "PARTICIPANTS\nMaren Holt -- Chief Technology Officer, Castellan\n\n"
    "MAREN HOLT: We are not abandoning Lark. It stays our small, on-device line.\n"
)


def test_the_subjects_own_denial_in_other_words_refutes():
    denial, _ = _turn(CALL, "Maren Holt", CALL[CALL.index("MAREN HOLT:") :].strip())
    assert denial.org == "Castellan" and "Castellan is not abandoning Lark" in denial.scoring_text
    denial.probs, denial.relevance = (0.37, 0.15, 0.48), 0.52  # the scorer is unsure; topically it is close
    frame = parse_claim("Castellan is giving up on its Lark models.")
    denial.findings = evidence_findings(frame, denial)
    assert decide(frame, [denial]).label == "REFUTED"
    # the same words from someone else are no denial of theirs
    other = CALL.replace("Chief Technology Officer, Castellan", "Analyst, Brantley Partners")
    said, _ = _turn(other, "Maren Holt", other[other.index("MAREN HOLT:") :].strip())
    said.probs, said.relevance = (0.37, 0.15, 0.48), 0.52
    said.findings = evidence_findings(frame, said)
    assert decide(frame, [said]).label == "NOT_ENOUGH_INFO"


def test_a_host_the_header_names_asks_though_they_greet_more_than_they_ask():
    # regression: a podcast host who opened and closed with greetings asked in too few turns to be marked the
    # host, so the guest's "I wouldn't put it that way" answered nothing and the host's phrase stayed unrefused
    from ingest.metadata import named_host

    document = (
        "Lark Radio, episode 9.\nHost: Dev Orrin. Guest: Ada Brenn, chief executive of Lumora Labs.\n\n"
        "Dev Orrin [00:00:00.000]: Welcome back. My guest runs Lumora.\n\n"
        "Ada Brenn [00:00:05.000]: Thanks, Dev.\n\n"
    )
    assert named_host("Dev Orrin", document)
    assert not named_host("Ada Brenn", document)
    assert not named_host("Dev", document)
    # a host's own turn that opens with the guest's name does not make the guest the host
    assert not named_host("Ada Brenn", document + "HOST: Ada Brenn, thank you.\n")
    (welcome, mine) = _turn(document, "Dev Orrin", "Welcome back. My guest runs Lumora.")
    assert welcome.passage.role == "host" and mine.passage.role == "host"
    (thanks,) = _turn(document, "Ada Brenn", "Thanks, Dev.", index=1)
    assert thanks.passage.role is None
