"""Whose words the evidence is: the claim's speaker (a role such as "Lumora's CEO" resolved to a name), a
speaker's refusal, "no" or confirmation in reply to a question, the claim's subject denying it on the record,
rumours and anonymous sources, and a third party's forecast."""

from __future__ import annotations

import re

from assistant.retrieve.evidence import Evidence
from assistant.verify.claims import HOST_WORDS, TAG_QUESTION, ClaimFrame, is_negated
from assistant.verify.findings import previous_sentence
from assistant.verify.names import GENERIC_ORG_WORDS, claim_subject
from ingest.metadata import affiliation, find_dates

# A speaker refusing the question's premise: only direct refusals, not any negation in a long answer.
REFUSAL = re.compile(
    r"(?:^|[.!?]\s)\s*(?:no[,.!]|not quite|not really|not globally|not exactly|that's not (?:true|right|correct|"
    r"accurate|what)|that is not (?:true|right|correct|accurate)|i disagree|i wouldn't (?:use|call|say|put|go)|"
    r"i would not (?:use|call|say)|i'd not call|that's an overstatement|that's overstating|i think that's "
    r"(?:probably )?overstating|we're not|we are not|that's not happening)|\bi wouldn't (?:use|call) (?:that|it)|"
    r"\boverstating it\b|"
    # a qualified no that opens the answer: "Not in total, no.", "Not yet, no."
    r"^\s*not\b[^.?!,]{0,30},\s*no\b|\bwe have no plans\b|\bwe deny\b|\bi (?:doubt (?:it|that)|don't think so|do not think so)\b|"
    # the report the question cites, called untrue: "That report is not true."
    r"\b(?:that|the|this|those|these) (?:report|story|claim|rumou?r|article)s? (?:is|are|was|were) (?:simply |just )?"
    r"(?:not (?:true|right|correct|accurate)|untrue|false|wrong|inaccurate)\b",
    re.I,
)
CONFIRM = re.compile(
    r"^\s*(?:yes|yeah|that's right|that is right|correct|exactly|absolutely|indeed|we did|we have)\b", re.I
)
DECLINE = re.compile(
    r"\b(?:declined to comment|did not respond|no comment|won't comment|not going to comment|"
    r"don't comment)\b",
    re.I,
)
# "X is also said to be negotiating": an unnamed "said to", whatever adverb sits in it, is hearsay
# "reports that" is a rumour as a noun without a source ("amid reports that"), not as the verb of a named
# source ("Review aggregator Rotten Tomatoes reports that ..."): that is a named party on the record
RUMOUR = re.compile(
    r"\b(?:(?:people|person|sources?|someone) (?:familiar with|close to|briefed on)|"
    r"according to (?:people|sources|two|three|several|a (?:separate )?person)|sources (?:said|say|says)|"
    r"anonymous|reportedly|rumou?r|speculat\w*|(?:is|are|was|were)(?: (?:also|now|still|widely|even))? said to|"
    r"unconfirmed|press reports|"
    r"media reports|(?:amid|following|after|despite|there (?:are|were|have been)|early|unverified|news) "
    r"reports that)\b",
    re.I,
)


# a reply that answers a yes/no question with no: "No.", "Not this year.", "Not yet."
NO_ANSWER = re.compile(
    r"^\s*(?:no\b|nope\b|not (?:this year|this quarter|this month|yet|now|for now|soon|anytime soon|in \d{4})\b)",
    re.I,
)
_THIS_YEAR = re.compile(r"\b(?:this|the) year\b", re.I)


def no_as_claimed(frame: ClaimFrame, ev: Evidence) -> bool:
    """ "Z said X would not ship in 2025" and Z answered "Will X ship before the end of the year?" with "Not this
    year.": a no to the plain question is the negated claim, said by Z. The claim's years must be the
    question's: named in it or the answer, or "this year" in a source dated that year."""
    if ev.reply_to is None or ev.position > 0 or not ev.passage.speaker:
        return False
    if not (NO_ANSWER.search(ev.text) or REFUSAL.search(ev.text)):
        return False
    return is_negated(frame.content) and not is_negated(ev.reply_to) and years_asked(frame, ev)


def years_asked(frame: ClaimFrame, ev: Evidence) -> bool:
    """Was each year the claim names the one the question asked about (named in the question or its answer, or
    "this year" in a source dated that year)? A yes to "this year?" in 2024 says nothing of 2025."""
    said = f"{ev.reply_to or ''} {ev.text}"
    for q in frame.quantities:
        if q.kind != "year" or str(int(q.value)) in said:
            continue
        if not (_THIS_YEAR.search(said) and (ev.date or "")[:4] == str(int(q.value))):
            return False
    return True


_ROLES = {
    "ceo": r"chief executive(?: officer)?|ceo",
    "boss": r"chief executive(?: officer)?|ceo",  # "Lumora's boss": its chief executive
    "cto": r"chief technology officer|cto",
    "technology chief": r"chief technology officer|cto",  # "Castellan's technology chief": its CTO
    "cfo": r"chief financial officer|cfo",
    "finance chief": r"chief financial officer|cfo",
    "president": r"president",
    "founder": r"(?:co-)?founder",
}
_ROLE_IN_CLAIM = re.compile(rf"\b({'|'.join(_ROLES)}|chief executive)\b", re.I)
_NAME = r"((?:Dr\. )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})"


def resolve_role(speaker: str, texts: list[str]) -> str:
    """ "Lumora's CEO" -> the person the documents name as such ("Anneke Voss -- Chief Executive Officer,
    Lumora Labs", "Lumora CEO Anneke Voss", "Maren Holt is co-founder and CEO of Castellan Cloud")."""
    m = _ROLE_IN_CLAIM.search(speaker)
    if not m:
        return speaker
    role = "(?i:" + _ROLES.get(m.group(1).lower(), _ROLES["ceo"]) + ")"
    org_words = [
        w for w in re.findall(r"[A-Z][\w-]+", speaker.replace("'s", "")) if w.upper() != w or len(w) > 3
    ]
    org = org_words[0] if org_words else ""
    patterns = [
        rf"{_NAME}\s*(?:--|-|–|—|,)\s*{role}\b[^\n]{{0,40}}{re.escape(org)}",
        rf"{re.escape(org)}\S*\s+{role}\s+{_NAME}",
        rf"{_NAME},?\s+(?:is\s+)?(?:the\s+)?(?:(?i:co-founder) and\s+)?{role}\s+(?:of|at)\s+{re.escape(org)}",
        rf"{role}\s+of\s+{re.escape(org)}\S*,?\s+{_NAME}",
    ]
    for text in texts:
        for pattern in patterns:
            found = re.search(pattern, text)
            if found:
                return found.group(1)
        # a participants list or speaker label, "Name (Chief Executive Officer[, Org])": the organisation is
        # in the brackets, or it is the one whose call or event the document's opening line names
        for found in re.finditer(rf"{_NAME}\s*\(\s*{role}\b([^)\n]*)\)", text):
            if org and (org in found.group(2) or org in text[:300]):
                return found.group(1)
    return speaker


def denied_by_subject(frame: ClaimFrame, ev: Evidence) -> bool:
    """Is the sentence said on the record by the claim's subject: its own people ("we are not abandoning
    Tordilla" by Hornaza's CTO, for "Hornaza is giving up on Tordilla") or its own announcement? Their denial
    of the claim in its own words refutes it however the sentence is worded around it."""
    subject = claim_subject(frame.entities)
    who = _distinctive(subject or "")
    if not who or has_rumour(ev.text):
        return False
    if ev.passage.speaker:
        if not ev.org:
            return False
        org = _distinctive(ev.org)
        # a deal has two parties, and either one's denial is on the record: "There are no talks with Lumora",
        # said by Skerry's CTO, for "Lumora is in talks to acquire Skerry"
        parties = [_distinctive(n) for n in frame.entities] if _DEALING.search(frame.content) else [who]
        return any(p and p <= org for p in parties)
    return ev.passage.kind == "announcement" and who <= _distinctive(ev.passage.title or "")


# what two parties do together: each is a party to it
_DEALING = re.compile(
    r"\b(?:talks?|negotiat\w*|acquir\w*|buy(?:s|ing)?|bought|merg\w*|partner\w*|deal|invest\w*|licens\w*|"
    r"sign(?:s|ed|ing)?)\b",
    re.I,
)


# one of the unnamed sources a report introduced earlier, speaking again: "One of them said ...", "The same
# people said ...", "the person added"
_UNNAMED_AGAIN = re.compile(
    r"\b(?:one of them|one of (?:the|those) (?:people|persons|sources)|the (?:same )?(?:people|person|sources?|"
    r"officials?)|(?:an)?other (?:person|source)|both (?:people|sources)|"
    # "A third person said ...": one more of them, counted rather than named
    r"an? (?:second|third|fourth|fifth|further|separate|different) (?:person|source|official|insider))"
    r"\s+(?:also\s+)?(?:said|says|added|told|"
    r"claimed|described|expects?)\b",
    re.I,
)


def unnamed_source(ev: Evidence) -> bool:
    """The sentence is in the words of an anonymous source the document introduced before it ("according to two
    people familiar with ... One of them said ..."): the rumour reaches past the sentence that named them."""
    if not _UNNAMED_AGAIN.search(ev.text):
        return False
    earlier = ev.document[: ev.char_start] if ev.document else ev.context
    return bool(RUMOUR.search(earlier))


# "Morkvist expects Lirra to overtake Grelva in 2027", "analysts predict ...": someone's forecast
FORECASTER = re.compile(
    r"(?P<who>\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}|\banalysts?|\bexperts?)\s+(?:now\s+|also\s+)?"
    r"(?:expects?|expected|predicts?|predicted|forecasts?|projects?|projected|anticipates?|anticipated)\b"
)


# "Brantley estimates that Quill accounts for 41 percent ...": an analyst's estimate, whatever it is about
ESTIMATOR = re.compile(
    r"(?P<who>\b[A-Z][\w'’.&-]*(?:\s+[A-Z&][\w'’.&-]*){0,3}|\banalysts?|\bexperts?)\s+(?:now\s+|also\s+)?"
    r"(?:estimates?|estimated)\s+that\b"
)

# "In our estimate, ...", "By my reckoning", "we estimate that": the speaker's own estimate
OWN_ESTIMATE = re.compile(
    r"\b(?:in|by)\s+(?:our|my)\s+(?:own\s+)?(?:estimates?|reckoning|calculations?)\b|\bwe\s+estimate\b", re.I
)


def own_estimate_by_other(frame: ClaimFrame, text: str, org: str | None) -> bool:
    """Is the sentence a speaker's own estimate ("In our estimate, Lark took about four in ten downloads"),
    the speaker not speaking for the claim's subject? An analyst's estimate on a panel establishes no figure as
    fact, nor refutes one, as "Brantley estimates that ..." does not."""
    if not OWN_ESTIMATE.search(text):
        return False
    subject = _distinctive(claim_subject(frame.entities) or "")
    return not (subject and org and subject & _distinctive(org))


_PRONOUNS = frozenset(["it", "we", "they", "he", "she", "i", "you", "this", "that", "company", "firm"])


def forecast_by_other(frame: ClaimFrame, text: str, pattern: re.Pattern = FORECASTER) -> str | None:
    """A third party's forecast ("Morkvist expects X to overtake Y") establishes neither the future ("X will
    overtake Y in 2027") nor the present ("X has overtaken Y"): the forecaster is named, and is not the claim's
    subject (whose plans plan_gap weighs). Returns the forecaster. With ``pattern=ESTIMATOR``, the same for an
    estimate ("Brantley estimates that ..."): it establishes only that Brantley estimates it."""
    subject = _distinctive(claim_subject(frame.entities) or "")
    for m in pattern.finditer(text):
        who = _distinctive(m.group("who")) - _PRONOUNS
        if who and not (subject and who <= subject):
            return m.group("who")
    return None


def has_rumour(text: str) -> bool:
    return bool(RUMOUR.search(text))


def at_venue(venue: str | None, ev: Evidence) -> bool:
    """Is the evidence from where the claim says Z spoke ("on the podcast", "on the results call")? The kind of
    occasion must be in the document's name or title."""
    if venue is None:
        return True
    where = f"{ev.passage.source} {ev.passage.title}".lower()
    return bool(re.search(rf"(?<![a-z]){re.escape(venue)}", where))


def said_in(period: str | None, ev: Evidence) -> bool:
    """Is the evidence dated when the claim says Z spoke ("In August 2026, Z said ...": a document of August
    2026)? A transcript's date dates what was said in it; an undated one cannot show it."""
    if period is not None and period.startswith("-"):
        return (ev.date or "")[4:7] == period  # a month of no year: "-05" for May
    return period is None or (ev.date or "").startswith(period)


def makes(org: str, product: str, texts: list[str]) -> bool:
    """Do the documents say the organisation makes the product? "Lumora Labs' Quill models", "Lumora's Quill",
    "Lumora Labs ... develops the Quill models", "Lumora announced today that its Quill family ..."."""
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", org) if w.lower() not in GENERIC_ORG_WORDS]
    if not words or not product:
        return False
    owner = rf"\b{re.escape(words[0])}(?:\s+[A-Z][\w-]*)*"
    thing = rf"(?:[\w-]+\s+){{0,3}}?{re.escape(product)}(?![\w-])"
    pattern = rf"{owner}(?:['’]s?\s+{thing}|[^.]{{0,80}}?\b(?:its|develops|makes|builds|maker of)\s+(?:the\s+)?{thing})"
    return any(re.search(pattern, t) for t in texts)


def _distinctive(name: str) -> set[str]:
    words = (re.sub(r"['’]s$", "", w).lower() for w in re.findall(r"[A-Za-z][\w'’-]*", name))
    return {w for w in words if w and w not in GENERIC_ORG_WORDS}


# a sentence whose speaker is the party the sentence before named: "The firm estimates that ...", "The company
# said ...", "It reported ..."
_THE_PARTY = r"the\s+(?:firm|company|agency|group|analysts?|researchers?|consultancy|bank|institute)"
_SAME_SOURCE = re.compile(
    rf"^\W*(?:{_THE_PARTY}|it|they)\s+"
    r"(?:also\s+)?(?:said|says|estimates|estimated|reported|reports|told|wrote|writes|puts|put|found|finds)\b"
    # "By the firm's estimate, ...", "In the agency's figures, ...": the same party's words
    rf"|^\W*(?:by|in|according to)\s+(?:{_THE_PARTY}|its|their)['’]?s?\s+(?:own\s+|latest\s+|new\s+)?"
    r"(?:estimates?|reckoning|calculations?|figures|numbers|count)\b",
    re.I,
)


# "Ceraphin Research puts you at 44 percent": the figure is another party's, which the speaker only cites
_CITES = re.compile(
    r"(?P<who>\b[A-Z][\w'’.&-]*(?:\s+[A-Z&][\w'’.&-]*){0,3})\s+(?:puts?|estimates?|estimated|has|had)\s+"
    r"(?:you|us|them|it|\w+)\s+at\b|\baccording to\s+(?P<source>[A-Z][\w'’.&-]*(?:\s+[A-Z&][\w'’.&-]*){0,3})"
)


def cites_another(speaker: str, ev: Evidence) -> str | None:
    """The party whose figure the speaker's sentence passes on ("Brantley puts you at 44 percent", "according
    to Brantley, ..."), when it is neither the speaker nor the speaker's organisation: the words are the
    speaker's, the claim they carry is not."""
    mine = _distinctive(speaker) | _distinctive(ev.passage.speaker or "") | _distinctive(ev.org or "")
    for m in _CITES.finditer(ev.text):
        who = m.group("who") or m.group("source")
        named = _distinctive(who) - _PRONOUNS
        if named and not named & mine:
            return who
    return None


def _byline(ev: Evidence) -> str:
    """Who published a news report: a short dated line at its top ("*The Castellan Dispatch -- 15 July 2026*",
    "Orrin Business Post · 14 July 2026"), and the name it is filed under."""
    top = (ev.document or "")[:400].splitlines()[:6]
    lines = [
        ln for ln in top if len(ln) < 120 and find_dates(ln) and not re.search(r"[.!?]\s*$", ln.strip("* "))
    ]
    return " ".join([*lines, re.sub(r"[-_./]+", " ", ev.passage.source or "")])


def published_by(speaker: str, ev: Evidence) -> bool:
    """Is the evidence a news report by the outlet the claim names ("The Orrin Post reported that ...")? What it
    reports, anonymous sources and hedges included, is its report: the claim is that it reported it."""
    who = _distinctive(speaker)
    return ev.passage.kind == "news" and bool(who) and who <= _distinctive(_byline(ev))


# a sentence that opens with a person's words: "Tell puts ...", "Arvid Tell also estimates ..."
_PERSON_SAYS = re.compile(
    r"^(?P<who>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s+(?:also\s+)?"
    r"(?:puts|put|says|said|estimates|estimated|reckons|expects|believes|thinks)\b"
)


def speaker_matches(speaker: str, ev: Evidence) -> bool:
    """Are these the words of the person or organisation the claim names?"""
    if re.fullmatch(rf"(?i:the\s+(?:{HOST_WORDS}))", speaker.strip()):
        # "the host asserted ...": whoever asks the questions, in a statement ("X leads now, doesn't it?"), not a
        # plain question ("Does X lead?"), which asserts nothing
        asks = ev.text.rstrip().endswith("?") and not TAG_QUESTION.search(ev.text)
        return ev.passage.role == "host" and not asks
    who = _distinctive(speaker)
    if not who:
        return False
    if ev.passage.speaker:
        # a person's own words ("Lumora CEO Anneke Voss" names her), or their organisation's: an analyst of
        # Brantley Partners speaks for "Brantley Partners estimates ..."
        person = _distinctive(ev.passage.speaker)
        return bool(person) and (person <= who or who <= person | _distinctive(ev.org or ""))
    if ev.passage.kind == "transcript":
        return False
    if published_by(speaker, ev):
        return True
    opening = _PERSON_SAYS.match(ev.text)
    if opening and ev.document:
        # "Tell puts Quill's share at 40 percent", Tell being the analyst the article introduced as Brantley's:
        # an organisation speaks through its analysts
        org = affiliation(opening.group("who"), ev.document[:3000])
        if org and who <= _distinctive(org):
            return True
    # An organisation speaks through its own announcements; a person through quotes that name them.
    text = ev.text.lower()
    if _SAME_SOURCE.match(ev.text):
        # "The firm estimates that ...": the party the sentence before named
        text = f"{previous_sentence(ev)}\n{ev.text}".lower()
    if ev.passage.kind == "announcement" and who <= _distinctive(f"{ev.passage.title} {ev.text}"):
        return True
    # a source reports, confirms or announces in its own words as much as it says them ("Review aggregator
    # Brightscore reports that ..."); what a site publishes is its record ("On Brightscore, the film has ...")
    return who <= _distinctive(text) and bool(
        re.search(
            r"\b(?:said|says|told|according to|stated|reports|reported|confirms|confirmed|announces|"
            # "By the firm's estimate", "a new report from Brantley": the party's own figures
            r"announced|estimates?|estimated|wrote|writes|report (?:from|by))\b",
            text,
        )
        or re.search(rf"\bon\s+(?:[\w-]+\s+){{0,3}}{re.escape(speaker.lower())}\b", text)
    )
