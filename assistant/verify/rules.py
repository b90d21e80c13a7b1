"""Everything the rules can say about one piece of evidence: the findings of each check (figures, tallies, dates,
speakers, replies, rumours, hedges, negation and degree, base models, names) for the aggregation to weigh."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.retrieve.evidence import Evidence
from assistant.verify.base_models import only_as_base, other_base
from assistant.verify.claims import (
    ClaimFrame,
    as_superlative,
    characterisation_gap,
    hedged_about,
    plain_verbs,
)
from assistant.verify.corrections import other_figure, retracted_reading
from assistant.verify.date_findings import date_findings, when_findings, years_ago_findings
from assistant.verify.figure_findings import grouped_with, numeric_findings, one_kind_of_a_total, turn_topic
from assistant.verify.findings import Finding, previous_sentence
from assistant.verify.names import (
    MODEL_LIKE,
    alias_named,
    claim_subject,
    covered,
    defined_alias,
    entity_in,
    family_named,
    member_named,
    named_here,
    other_kind,
    other_subject,
    readable_title,
    same_place,
    version_named,
)
from assistant.verify.speaker_findings import (
    CONFIRM,
    DECLINE,
    ESTIMATOR,
    NO_ANSWER,
    REFUSAL,
    RUMOUR,
    at_venue,
    cites_another,
    denied_by_subject,
    forecast_by_other,
    no_as_claimed,
    own_estimate_by_other,
    published_by,
    said_in,
    speaker_matches,
    unnamed_source,
    years_asked,
)
from assistant.verify.stance import (
    ANYONE_ELSE,
    degree_gap,
    further_training_gap,
    market_gap,
    negated_alike,
    negated_restatement,
    off_the_denial,
    opposite_clash,
    plan_gap,
    polarity_gap,
    profit_clash,
    ranking_period_gap,
    revenue_for_profit,
    use_gap,
)
from assistant.verify.tally_findings import sample_stances, tally_stances


def evidence_findings(
    frame: ClaimFrame, ev: Evidence, speaker: str | None = None, reference: str | None = None
) -> list[Finding]:
    """Everything the rules can say about one piece of evidence. ``speaker`` is the claim's speaker with any
    role ("Lumora's CEO") resolved to a name; ``reference`` the date "N years ago" counts from."""
    if frame.weak:
        scope = f"{readable_title(ev.passage.title)}\n{ev.document or ev.text}"
        frame = replace(frame, entities=[n for n in frame.entities if named_here(n, frame, scope)])
    findings = numeric_findings(frame, ev) + date_findings(frame, ev) + when_findings(frame, ev)
    findings += tally_stances(frame, ev) + sample_stances(frame, ev)
    findings += years_ago_findings(frame, ev, reference)
    before = ev.context[: max(0, ev.char_start - ev.passage.char_start)][-200:]
    # "The Orrin Post reported that P": the outlet's report of P, rumour or hedge, is what the claim is about
    reported = bool(speaker and published_by(speaker, ev))
    if reported:
        pass  # no rumour, no hedge: the claim is that the outlet reported it
    elif RUMOUR.search(ev.text) or RUMOUR.search(before) or unnamed_source(ev):
        findings.append(
            Finding("rumour", "none", 1.0, "reported only from anonymous sources or as speculation")
        )
    elif DECLINE.search(ev.text):
        findings.append(Finding("rumour", "none", 1.0, "a party declined to comment"))
    if hedged_about(frame.content, ev.text) and not reported:
        findings.append(Finding("hedged", "none", 1.0, f"{ev.passage.speaker or 'the speaker'} hedges"))
    own_words = bool(
        speaker
        and speaker_matches(speaker, ev)
        and at_venue(frame.venue, ev)
        and said_in(frame.said_on, ev)
        and not cites_another(speaker, ev)
    )
    # what a questioner asserts is theirs, not the answerer's; it still counts for a claim about the questioner
    if (ev.passage.role == "host" or ev.text.rstrip().endswith("?")) and not own_words:
        findings.append(
            Finding("question", "none", 1.0, "asserted in a question, not by the one who answers")
        )
    # "no A has more X than B" ranks B first: no denial to weigh against a plain source
    statement = as_superlative(frame.content)
    negated = (
        negated_restatement(plain_verbs(statement), ev.scoring_text)
        or profit_clash(frame.content, ev.text)
        or opposite_clash(frame.content, ev.text)
    )
    if no_as_claimed(frame, ev):
        findings.append(
            Finding(
                "confirm",
                "supports",
                0.8,
                f"{ev.passage.speaker} says no, as the claim does: {ev.reply_to[:80]}",
            )
        )
    # a refusal answers the question when it opens the reply ("No. ..."), not five sentences later
    elif ev.passage.speaker and (
        (REFUSAL.search(ev.text) and (ev.reply_to is None or ev.position <= 1))
        or (ev.reply_to and ev.position == 0 and NO_ANSWER.search(ev.text) and years_asked(frame, ev))
    ):
        findings.append(Finding("refusal", "refutes", 1.0, f"{ev.passage.speaker} disputes it"))
    # "Yes, I can: we are not in talks" agrees to answer, then denies: what the sentence says wins over its "Yes"
    confirmed = ev.reply_to is not None and CONFIRM.search(ev.text) and ev.position == 0
    if confirmed and not negated and years_asked(frame, ev):
        findings.append(
            Finding("confirm", "supports", 0.8, f"{ev.passage.speaker} confirms: {ev.reply_to[:80]}")
        )
    denied = False
    if negated:
        findings.append(
            Finding("negated", "refutes", 0.8, "says the opposite: the claim's words under a negation")
        )
        if denied := denied_by_subject(frame, ev):
            findings.append(Finding("subject-denies", "refutes", 1.0, "the one the claim is about denies it"))
    elif polarity_gap(statement, ev.scoring_text):
        findings.append(Finding("polarity-gap", "none", 1.0, "the claim is negated, the source is not"))
        if off_the_denial(statement, ev.scoring_text):
            findings.append(Finding("off-point", "none", 1.0, "says too little of what the claim denies"))
    elif negated_alike(statement, ev.text):
        findings.append(Finding("negated-alike", "supports", 0.8, "denies what the claim denies"))
    if revenue_for_profit(frame.content, ev.text):
        findings.append(Finding("off-point", "none", 1.0, "gives what came in, not whether it was a profit"))
    if retracted_reading(frame.content, ev.text) and other_figure(frame.content, ev.text):
        # "about a third of a million" does not repeat a retracted "3.4 million": the retracted part says nothing
        findings.append(
            Finding("retracted", "none", 1.0, "a correction retracts a figure the claim does not give")
        )
    elif retracted_reading(frame.content, ev.text):
        findings.append(Finding("retracted", "refutes", 1.0, "a correction retracts what the claim says"))
    base = other_base(frame, ev)
    if base is not None:
        findings.append(base)
    starting_point = only_as_base(frame, ev.text)
    if starting_point is not None:
        # about the model built on it: nothing for or against the claim (a gap the figures respect too)
        findings.append(
            Finding("entity-gap", "none", 1.0, f"names {starting_point} only as another model's base")
        )
    if degree_gap(frame.content, ev.scoring_text):
        findings.append(Finding("degree-gap", "none", 1.0, "the claim says 'the most', the source does not"))
    elif ranking_period_gap(frame.content, ev.scoring_text):
        findings.append(
            Finding("degree-gap", "none", 1.0, "the claim ranks over all time, the source over a period")
        )
    elif use_gap(frame.content, ev.scoring_text):
        findings.append(
            Finding("degree-gap", "none", 1.0, "the claim says who uses it, the source what it is for")
        )
    elif characterisation_gap(frame.content, ev.text):
        findings.append(
            Finding("degree-gap", "none", 1.0, "the claim judges what it is, the source states a fact")
        )
    if further_training_gap(frame.content, ev.text):
        findings.append(Finding("off-point", "none", 1.0, "speaks of training on top of a trained model"))
    if plan_gap(frame.content, ev.text):
        findings.append(Finding("plan", "none", 1.0, "speaks of plans or expectations, not of what is"))
    elif not frame.speaker and (forecaster := forecast_by_other(frame, ev.text)):
        findings.append(
            Finding("plan", "none", 1.0, f"only {forecaster}'s forecast, not an established fact")
        )
    if not frame.speaker and (estimator := forecast_by_other(frame, ev.text, ESTIMATOR)):
        findings.append(
            Finding("hedged", "none", 1.0, f"only {estimator}'s estimate, not an established fact")
        )
    elif not frame.speaker and ev.passage.speaker and own_estimate_by_other(frame, ev.text, ev.org):
        findings.append(
            Finding("hedged", "none", 1.0, f"only {ev.passage.speaker}'s estimate, not an established fact")
        )
    kind = other_kind(frame.content, _near(ev))
    if kind:
        findings.append(Finding("entity-gap", "none", 1.0, f"names no {kind}: another product of the name"))
    if market_gap(frame.content, _near(ev)):
        # a share of another market is no share of the claim's, for or against it
        findings.append(Finding("entity-gap", "none", 1.0, "speaks of another market than the claim's"))
    grouped = grouped_with(frame, ev.text) or one_kind_of_a_total(frame, ev.text)
    if grouped:
        findings.append(Finding("entity-gap", "none", 1.0, f"its figure counts {grouped} too"))
    if own_words:
        findings.append(Finding("speaker", "none", 1.0, f"words of {speaker}"))
    # Every name in the claim must be in the sentence, the one before it or the title (a speaker's own
    # organisation counts for "we"); otherwise the evidence is about something else (a sister company,
    # another model, another country).
    near = _near(ev)
    missing = [
        n
        for n in frame.entities
        if not (
            covered(n, frame.entities, near)
            or same_place(n, near)
            or (n in frame.background and entity_in(n, ev.document or ""))
            or defined_alias(n, near, ev.document or "")
            or version_named(n, frame.content, near)
            or member_named(n, frame.content, near)
        )
    ]
    if negated and ANYONE_ELSE.search(ev.text):
        # "did not start from anyone else's weights" denies it of every other party: the claim's other names
        # ("started from Lark weights") are in it, its subject must still be named
        subject = claim_subject(frame.entities)
        missing = [n for n in missing if n == subject]
    if negated and ev.passage.speaker and ev.org:
        # a party's denial on the record: "Quill-4 is not coming this year", said by Lumora's CTO, is Lumora's
        # word on "Lumora will launch Quill-4", whether or not the sentence names Lumora
        missing = [n for n in missing if not covered(n, frame.entities, ev.org)]
    if denied:
        # the maker denying it of its own model by the model's family name ("Skerry is our first model we did
        # not pre-train" for "pre-trained Skerry-12B") names the model, unless another of the family is named
        missing = [n for n in missing if not family_named(n, near)]
    if not missing and (other := other_subject(frame.entities, ev.text)):
        findings.append(Finding("entity-gap", "none", 1.0, f"it is about {other}, not the claim's subject"))
    if missing:
        # a product its document names ("the preview model" in the release about "Heron-32B-Preview"), or a name
        # written as its other name ("coronavirus" for "COVID-19"), is a gap for the scorer, which reads the
        # sentence alone and is easily swayed by a topic's words, but not for the figures, which about_subject
        # and the figures' own words checked
        elsewhere = all(
            (MODEL_LIKE.match(n) and entity_in(n, ev.document)) or alias_named(n, near) for n in missing
        )
        gap = Finding(
            "entity-gap", "none", 0.5 if elsewhere else 1.0, "does not name everything the claim names"
        )
        findings.append(gap)
    return findings


_POINTING = re.compile(r"\b(?:they|their|theirs|them|it|its)\b", re.I)


def _near(ev: Evidence) -> str:
    # a speaker's sentence that names nothing is about the one before it, or the question its turn answers
    previous = turn_topic(ev) or previous_sentence(ev)
    speaker = ""
    if ev.passage.speaker and re.search(r"\b(?:we|our|us)\b", ev.text, re.I):
        # "than we do": the speaker's organisation, as the document's header introduces it
        header = ev.document[:1500] if ev.document else ""
        line = next((ln for ln in header.splitlines() if ev.passage.speaker.split()[-1] in ln), "")
        speaker = line
    # an answer's "their", "it", "they" point at what the question named ("We pay for their hosted API" to "Is
    # Pellavo Kaldrevik's biggest customer?")
    asked = ev.reply_to if ev.reply_to and _POINTING.search(ev.text) else ""
    return f"{readable_title(ev.passage.title)}\n{previous}\n{ev.scoring_text}\n{speaker}\n{asked}"


__all__ = ["evidence_findings"]
