"""How a sentence stands to a claim apart from what the scorer reads: negation (a denial in the claim's own or
synonymous words, or a polarity the claim does not share), plans and expectations, and degree ("the most" is
not "a favourite"). Pure functions of two strings."""

from __future__ import annotations

import re

from assistant.verify.claims import TAG_QUESTION, is_negated
from assistant.verify.quantity import STOP_WORDS as _STOP
from assistant.verify.quantity import stem as _stem

_NEGATION_CUE = re.compile(
    r"\b(?:not(?! only| least| just)|no(?! doubt| matter)|never|none|neither|nor|cannot|no longer|"
    r"\w+n['’]t)\b",
    re.I,
)
# negations that leave the claim standing: "not the first model it released", "no other company"
_HARMLESS_NEGATION = re.compile(
    r"\b(?:not (?:the|its|their) (?:first|only|last|most|least|largest|biggest|main)|no other|not yet the|"
    r"not only|not least|not just)\b",
    re.I,
)
_SCOPE_WORDS = 6
# a negated verb: "is not", "did not", "wasn't", "never", "no longer" (not "a film not produced by ...")
_VERB_NEGATION = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|could|should|may|might|must)"
    r"\s+(?:not|never|no)\b|\b\w+n['’]t\b|\bno longer\b|\bnever\b|^\W*no\b",
    re.I,
)


def _content_stems(text: str) -> set[str]:
    return {_stem(w.lower()) for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() not in _STOP}


def shared_words(claim: str, text: str) -> float:
    """The share of the claim's content words that the text uses too (by stem): how much of the claim the text
    is about at all."""
    wanted = _content_stems(claim)
    return len(wanted & _content_stems(text)) / len(wanted) if wanted else 1.0


# Verbs that say the same thing, by their stems (a small thesaurus for the negation check: "will not be
# retired" denies "discontinued").
_SAME_SENSE = [
    {_stem(w) for w in group.split()}
    for group in (
        "abandon abandoned discontinue discontinued drop dropped scrap scrapped cancel cancelled shut retire retired",
        "release released launch launched publish published ship shipped come coming arrive arriving arrived",
        "acquire acquired buy bought purchase purchased",
        "invest invested investment stake funding",
        "switch switching move moved moving migrate migrated",
        "use uses used using rely relies",
        "end ended stop stopped halt halted cease ceased",
        "increase increased rise rose grow grew climb climbed",
        "decrease decreased fall fell decline declined shrink shrank",
        "hire hired employ employed recruit recruited",
        "partner partnered collaborate collaborated",
        "confirm confirmed acknowledge acknowledged admit admitted",
    )
]


def _senses(stems: set[str]) -> set[str]:
    """Stems with their synonyms' stems added."""
    out = set(stems)
    for group in _SAME_SENSE:
        if stems & group:
            out |= group
    return out


def _predicate_stems(claim: str) -> set[str]:
    """The claim's lower-case content words: what it says, apart from whom it names."""
    return _senses({_stem(w) for w in re.findall(r"\b[a-z]{3,}\b", claim) if w not in _STOP})


_CONTRAST = re.compile(r"\b(?:rather than|instead of)\b", re.I)


def negated_restatement(claim: str, sentence: str) -> bool:
    """Does the sentence deny what a positive claim asserts: a negation whose next few words are the claim's own
    ("we have no plans to buy it" against "X plans to buy it")? The scorer reads such sentences as
    support; here the negation flips them."""
    if is_negated(claim):
        return False
    sentence = without_tag(sentence)
    # "came from robotics firms rather than from its own fleet": the sentence's "not our own fleet" says what
    # the claim's contrast says, and denies none of its point
    wanted = _predicate_stems(_CONTRAST.split(claim)[0])
    clause = main_clause(claim, sentence)  # not a relative clause: "..., which was not the first"
    for cue in _NEGATION_CUE.finditer(clause):
        if _HARMLESS_NEGATION.match(clause, cue.start()):
            continue
        # a negation's scope ends with its sentence: "On fine-tunes alone, no. Lark still has more ..." denies
        # nothing of what follows the full stop
        after = re.split(r"[.;!?](?:\s|$)", clause[cue.end() :], maxsplit=1)[0]
        scope = " ".join(after.split()[:_SCOPE_WORDS])
        if _content_stems(scope) & wanted and not _elsewhere(claim, scope):
            return True
    return False


def _elsewhere(claim: str, scope: str) -> set[str]:
    """The places a negation's scope names that the claim does not: "and no reported cases in Orrin District"
    denies cases there, not the cases the claim reports of another place."""
    places = re.findall(r"\b(?:in|at)\s+(?:the\s+)?([A-Z][\w'’-]+)", scope)
    return {name for name in places if name not in claim}


# A profit and a loss at the same level are opposites: "was profitable at the operating level" against "we
# recorded an operating loss"
_PROFIT = re.compile(
    r"\bprofitable\b|\b(?:made|turned|posted|recorded|reported|booked)\s+an?\s+(?:\w+\s+)?profit\b|\bin the black\b",
    re.I,
)
_LOSS = re.compile(
    r"\b(?:(?P<level>operating|net|pre-tax)\s+)?loss(?:es)?\b|\bin the red\b|\bunprofitable\b|\blost money\b",
    re.I,
)
_LEVEL = re.compile(r"\b(operating|net|pre-tax)\b", re.I)


def profit_clash(claim: str, sentence: str) -> bool:
    """Does the sentence report a loss where the claim says there was a profit, at the level the claim names
    (an operating loss against "profitable at the operating level"; any loss when it names none)? The first loss
    the sentence reports is its own period's ("an operating loss of 9.8 million, narrower than the 13.1 million
    loss a year ago"). A negated sentence ("did not record a loss") says no such thing."""
    if not _PROFIT.search(claim) or is_negated(claim) or _LOSS.search(claim):
        return False
    loss = _LOSS.search(main_clause(claim, sentence))
    if loss is None or is_negated(sentence[: loss.start()].split(",")[-1]):
        return False
    level = _LEVEL.search(claim)
    return level is None or (loss.group("level") or "").lower() == level.group(1).lower()


_REVENUE = re.compile(r"\b(?:revenues?|sales|turnover|takings|grossed)\b", re.I)


def revenue_for_profit(claim: str, sentence: str) -> bool:
    """Does the sentence give only what came in ("Our revenue last year was 90 million") where the claim says
    there was a profit ("is profitable")? Money taken in says nothing of whether more went out."""
    if not _PROFIT.search(claim):
        return False
    return bool(_REVENUE.search(sentence)) and not (_PROFIT.search(sentence) or _LOSS.search(sentence))


# Words that deny each other of one thing: a model "kept closed" is not "open", one "open" not "proprietary";
# the sentence must say it of its subject ("will be open", "stays proprietary"), not name "open models" in passing
_PREDICATED = (
    r"\b(?:is|are|was|were|be|been|being|remains?|remained|stays?|stayed|kept|keep|keeps)\s+(?:\w+\s+)?"
)
_OPPOSITES = (
    (
        re.compile(rf"(?:{_PREDICATED})?\b(?:closed|proprietary)\b", re.I),
        re.compile(rf"(?:{_PREDICATED})?\bopen\b", re.I),
    ),
)
_OPPOSITE_SHARED = 0.5


def opposite_clash(claim: str, sentence: str) -> bool:
    """Does the sentence say of the claim's thing the opposite word ("The next generation will be open" against
    "plans to keep the next generation closed")? It must share most of the claim's other words, say the
    opposite in its main clause without the claim's own word, and not negate it ("will not be open")."""
    if is_negated(claim):
        return False
    clause = main_clause(claim, sentence)
    for one, other in _OPPOSITES:
        for mine, theirs in ((one, other), (other, one)):
            said = mine.search(claim)
            opposite = theirs.search(clause)
            if not said or mine.search(clause) or not opposite or is_negated(clause):
                continue
            if not re.match(_PREDICATED, opposite.group(0), re.I):
                continue  # "builds open models": a kind of thing named, nothing said of the claim's
            rest = claim[: said.start()] + claim[said.end() :]
            if shared_words(rest, clause) >= _OPPOSITE_SHARED:
                return True
    return False


# every other party at once: "anyone else's weights", "any other company's model", "another lab's base"
ANYONE_ELSE = re.compile(
    r"\b(?:anyone|anybody|someone|somebody)\s+else['’]s\b|\b(?:any|an)\s*other\s+[a-z]+['’]s?\b", re.I
)


_CLAIM_NEGATION = re.compile(r"\b(?:not|never|no longer)\s+|(?<=\w)n['’]t\b", re.I)
# most of a negated claim's words must be under the sentence's negation: "does not use another company's base
# model" says "was not derived from another company's base model"; "not licensed under MIT" does not say "not
# licensed under Apache 2.0"
_AGREEING_SHARE = 0.6


def negated_alike(claim: str, sentence: str) -> bool:
    """A negated claim and a sentence that negates the same words ("was not derived from another company's base
    model", "does not use another company's base model"): they agree, though the scorer, which misses negation,
    often reads two negations as a contradiction."""
    if not is_negated(claim):
        return False
    if said_apart(claim, sentence):
        return True
    negation = _CLAIM_NEGATION.search(claim)
    if negation is None or is_negated(claim[negation.end() :]):
        return False  # more than one negation: too tangled to read by words
    # what the claim denies: the words after its negation, names included ("not licensed under Apache 2.0")
    wanted = _content_stems(claim[negation.end() :])
    clause = main_clause(claim, sentence)
    for cue in _NEGATION_CUE.finditer(clause):
        if _HARMLESS_NEGATION.match(clause, cue.start()):
            continue
        scope = _content_stems(" ".join(clause[cue.end() :].split()[:_SCOPE_WORDS]))
        agreeing = {w for w in wanted if _senses({w}) & scope}
        if wanted and len(agreeing) / len(wanted) >= _AGREEING_SHARE:
            return True
    return False


_CLAUSE_BREAK = re.compile(
    r",\s+(?=(?:which|who|whom|whose|though|although|while|whereas|but|so that)\b)|;\s+|\s+[—–]\s+|\s+--\s+"
    # "..., and we intend to keep it that way": "and" with a subject of its own opens another clause
    r"|,\s+(?=and\s+(?:we|i|they|he|she|you|it|this|that|there)\b)",
    re.I,
)
# a relative clause inside the sentence ends at its closing comma: in "Anjuvar, which released X in 2023, did
# not comment" the release and the silence are two clauses
_RELATIVE_END = re.compile(r"(,\s+(?:which|who|whom|whose)\b[^,;]*),(?=\s)", re.I)


def main_clause(claim: str, sentence: str) -> str:
    """The clause of the sentence that says most of what the claim says. Cues outside it ("..., which I would not
    have predicted") do not qualify the claim's point."""
    clauses = _CLAUSE_BREAK.split(_RELATIVE_END.sub(r"\1;", sentence))
    if len(clauses) == 1:
        return sentence
    wanted = _content_stems(claim)
    return max(clauses, key=lambda c: len(_content_stems(c) & wanted))


def without_tag(sentence: str) -> str:
    """The sentence without a closing tag question ("Quill leads now, doesn't it?" asserts that it leads)."""
    return TAG_QUESTION.sub("?", sentence)


def polarity_gap(claim: str, sentence: str) -> bool:
    """A negated claim ("X is not licensed under Y") is not supported by a sentence without any negation, nor a
    plain claim by a negated sentence ("will not be retired" for "discontinued"): the scorer often misses
    negation, so it may not decide such pairs alone. A sentence that sets the claim's subject apart from what
    the claim says it is not part of says the claim's negation in other words (see said_apart)."""
    if said_apart(claim, sentence):
        return False
    return is_negated(claim) != bool(_VERB_NEGATION.search(main_clause(claim, without_tag(sentence))))


# "X is not part of Y", "is not owned by Y", "does not belong to Y", "is not a subsidiary of Y": what the claim
# denies is membership of Y
_NOT_MEMBER = re.compile(
    r"\b(?:is|are|was|were)\s+not\s+(?:(?:a\s+)?part\s+of|owned\s+by|controlled\s+by|run\s+by|"
    r"an?\s+(?:unit|division|subsidiary|arm|department|branch|business)\s+(?:of|within)|within|under)\s+"
    r"(?:the\s+)?(?P<whole>[A-Z][\w'’.-]*)|\b(?:does|do|did)\s+not\s+belong\s+to\s+(?:the\s+)?(?P<owner>[A-Z][\w'’.-]*)"
)
# a sentence that sets a thing apart from Y: "operates separately from Y", "independent of Y", "a sister company of
# Y" (a sibling under one parent is no part of the other)
_APART = r"(?:separate(?:ly)?\s+from|independent(?:ly)?\s+(?:of|from)|sister\s+(?:company|firm|business|organi[sz]ation)\s+(?:of|to))\s+(?:the\s+)?"


def said_apart(claim: str, sentence: str) -> bool:
    """Does the sentence set the claim's subject apart from what the negated claim says it is not part of ("Quill
    Maps operates separately from Quill Labs" for "Quill Maps is not part of Quill Labs")?"""
    m = _NOT_MEMBER.search(claim)
    if m is None:
        return False
    whole = m.group("whole") or m.group("owner")
    return re.search(_APART + re.escape(whole) + r"\b", sentence, re.I) is not None


# A negated claim's words a sentence must share to contradict it: below this, the scorer's "refutes" is its
# confusion at the claim's negation, not a contradiction ("Across A and B, Quill's models were downloaded 510
# million times" against "Quill Maps is not part of Quill Labs").
_DENIAL_SHARED = 0.4


def off_the_denial(claim: str, sentence: str) -> bool:
    """A plain sentence that says too little of what a negated claim denies to contradict it."""
    return is_negated(claim) and shared_words(claim, sentence) < _DENIAL_SHARED


_SUPERLATIVE_WORDS = (
    r"most|least|largest|biggest|highest|lowest|fewest|best|worst|first|last|leading|top|greatest|smallest|"
    r"fastest|strongest|widest|oldest|newest|number one|no\. 1|#1"
)
_CLAIM_SUPERLATIVE = re.compile(
    rf"(?<!\bamong )(?<!\bone of )\b(?:the|its|their|his|her|[A-Z][\w.-]*['’]s?)\s+(?:(?:single|very|second|third|fourth|fifth)[ -])?(?:{_SUPERLATIVE_WORDS})\b",
    re.I,
)
# "among the most downloaded" and "one of the largest" are no superlative of one thing
# "the fourth and final studio album" is its last
# a record is the most or the highest of its kind ("a crowd of 41,200 remains the club record")
_RECORD = (
    r"(?:a|the|club|all-time|new|world|national|league|franchise|still)\s+record\b"
    r"(?!\s+(?:label|company|deal|store|shop|producer|book|of)\b)|\brecord[- ](?:high|low|breaking)"
)
_SUPERLATIVE = re.compile(
    rf"(?<!among the )(?<!one of the )\b(?:{_SUPERLATIVE_WORDS}|final)\b|\w+est-\w+|\b{_RECORD}", re.I
)


# a claim about every member of a group ("All adults in Norlake have ...") against a sentence that quantifies
# none, or only part ("more than half of adults in Norlake have ...")
_CLAIM_UNIVERSAL = re.compile(r"^\s*(?:all|every|each)\b", re.I)
# "of all the patients studied, 85 (37.6%) ..." picks a part out of a whole: a partitive "all" is no universal
_UNIVERSAL = re.compile(
    r"\b(?:(?<!\bof )(?<!\bamong )all|every|each|always|everyone|everybody|100 ?%|100 percent|universal\w*)\b",
    re.I,
)


# "built entirely on X" says nothing else went into it: a source that names X as the base of one part ("its
# singing voice is based on X") says X is in it, not that X is all of it
_WHOLLY = re.compile(r"\b(?:entirely|wholly|exclusively|solely|purely)\b", re.I)


# "the world's largest X" ranks X over the world: "the main X in the region" or "the most downloaded on the hub"
# ranks it over less, and says nothing of the world
_WORLD_SUPERLATIVE = re.compile(
    rf"\bworld['’]s\s+(?:(?:single|second|third)[ -])?(?:{_SUPERLATIVE_WORDS})\b|"
    rf"\b(?:{_SUPERLATIVE_WORDS})\b[^.,;]*\b(?:in|on) (?:the )?(?:world|globe|planet)\b",
    re.I,
)
_WORLD = re.compile(r"\b(?:world|globe|global(?:ly)?|worldwide|planet|anywhere|internationally)\b", re.I)


def degree_gap(claim: str, sentence: str) -> bool:
    """ "X is the most used model for Y" is not supported by "X has become a favourite for Y"; "All X have Y" not
    by "More than half of X have Y"; "built entirely on X" not by "based on X"; "the world's largest" not by
    "the main one in the region"."""
    if _CLAIM_UNIVERSAL.search(claim) and not _UNIVERSAL.search(sentence):
        return True
    if _WORLD_SUPERLATIVE.search(claim) and not (_SUPERLATIVE.search(sentence) and _WORLD.search(sentence)):
        return True
    if _WHOLLY.search(claim) and not (_WHOLLY.search(sentence) or re.search(r"\bonly\b", sentence, re.I)):
        return True
    return bool(_CLAIM_SUPERLATIVE.search(claim)) and not _SUPERLATIVE.search(sentence)


# a ranking over all time against one over a period: "the most downloaded of all time" is not "the most
# downloaded every month since June" (a family can lead each month and still trail on the running total)
_ALL_TIME = re.compile(r"\b(?:of all time|all[- ]time|ever|overall|in total|cumulative(?:ly)?)\b", re.I)
_PERIOD_RANKING = re.compile(
    r"\b(?:every|each|per|this|last|that) (?:day|week|month|quarter|year)\b|\b(?:daily|weekly|monthly|"
    r"quarterly)\b|\bin the (?:last|past) (?:\d+|thirty|seven) days\b|\b30[- ]day\b",
    re.I,
)


def ranking_period_gap(claim: str, sentence: str) -> bool:
    """The claim ranks over all time ("the most downloaded ... of all time"), the sentence over a period
    ("the most downloaded every month since June")."""
    return (
        bool(_CLAIM_SUPERLATIVE.search(claim) and _ALL_TIME.search(claim))
        and bool(_SUPERLATIVE.search(sentence) and _PERIOD_RANKING.search(sentence))
        and not _ALL_TIME.search(sentence)
    )


# who uses a thing is a fact about its users; what it is made for is not: "a model for live captioning" does
# not establish "is used by broadcasters for live captioning"
_USED_BY = re.compile(r"\b(?:used|adopted|deployed|relied on|licensed|bought|paid for)\s+by\b", re.I)
_USE = re.compile(
    r"\b(?:us(?:e|es|ed|ing)|adopt\w*|deploy\w*|customers?|clients?|users?|rel(?:y|ies|ied) on|licens\w+|"
    r"bought|buys?|pays? for|paid for|runs?|running|signed)\b",
    re.I,
)


def use_gap(claim: str, sentence: str) -> bool:
    """The claim says who uses something ("X is used by broadcasters"), the sentence says only what it is for
    or is (no use, user or customer in it)."""
    return bool(_USED_BY.search(claim)) and not _USE.search(sentence)


# training on top of a model that was already trained: "continued training it on 35 billion tokens", "further
# trained", "fine-tuned it on", "additional training"
_FURTHER_TRAINING = re.compile(
    r"\b(?:continu\w*\s+(?:to\s+)?(?:pre-?)?train\w*|further\s+(?:pre-?)?train\w*|(?:pre-?)?train\w*\s+(?:it|them)\s+"
    r"further|additional\s+(?:pre-?)?training|post-?train\w*|(?:re|extra)-?train(?:ed|ing)|"
    # a fine-tune's data, not the mention of fine-tunes ("has 300 fine-tunes on the hub")
    r"fine-?tun(?:ed|ing)\s+(?:[\w-]+\s+){0,3}?on)\b",
    re.I,
)
_TRAINED_ON = re.compile(r"\b(?:pre-?)?train(?:ed|ing)\s+on\b", re.I)


def further_training_gap(claim: str, sentence: str) -> bool:
    """The claim says what a model was trained on ("was trained on 35 billion tokens"), the sentence only what it
    (or a model built on it) was trained on further: continued training, a fine-tune. The data of a later round
    says nothing of the model's own training, for or against."""
    if (
        not _TRAINED_ON.search(claim)
        or _FURTHER_TRAINING.search(claim)
        or not _FURTHER_TRAINING.search(sentence)
    ):
        return False
    # a sentence that gives the model's own training too ("trained on 2 trillion tokens, then post-trained")
    return not _TRAINED_ON.search(_FURTHER_TRAINING.sub(" ", sentence))


# the market a share is of: "... of Kestrel's robotics-software market", "the market for on-device speech"
_MARKET_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|their|our|this|that)\s+|['’]s?\s+)((?:\b[a-z][\w-]*\s+){1,3})market\b"
)
_MARKET_AFTER = re.compile(r"\bmarket\s+for\s+((?:\b[a-z][\w-]*\s*){1,3})")
_SHARE_TALK = re.compile(r"\b(?:market|share|percent)\b|%", re.I)


def _market_words(claim: str) -> set[str]:
    """The words that say which market the claim's is ("drone-mapping" of "Kestrel's drone-mapping market"):
    the lower-case words just before "market", or after "market for"; names and function words are left out."""
    found = [m.group(1) for m in (*_MARKET_BEFORE.finditer(claim), *_MARKET_AFTER.finditer(claim))]
    words = {w for text in found for w in re.split(r"[\s-]+", text.lower()) if w}
    return {_stem(w) for w in words if w not in _STOP and len(w) > 2 and w not in ("open", "global", "whole")}


def market_gap(claim: str, sentence: str) -> bool:
    """The claim gives a share of one market ("the lion's share of X's weather-model market"), the sentence a
    share of another ("58% of new rooftop installations, the lion's share of the market"): what is measured
    must be the same market, or the sentence says nothing of the claim's. At least half of the words that name
    the claim's market must be there."""
    wanted = _market_words(claim)
    if not wanted or not _SHARE_TALK.search(sentence):
        return False
    said = {_stem(w) for w in re.split(r"[^\w]+|-", sentence.lower()) if w}
    return 2 * len(wanted & said) < len(wanted)


PLAN = re.compile(
    r"\b(?:plans? to|planned|planning to|will|would|intends? to|intended to|expects? to|expected to|aims? to|"
    r"(?:is|are|was|were) set (?:to|for)|(?:is|are|was|were) (?:slated|on track|pencil+ed in) (?:to|for)|going to|hopes? to|(?:is|are) preparing to|scheduled|in the pipeline|"
    # "is due to launch" is a plan; "is due to the people who attended" gives a cause
    r"(?:is|are|was|were) due (?:for|to(?!\s+(?:the|a|an|its|their|his|her|this|that|these|those)\b))|"
    r"(?:is|are|was|were) estimated to)\b",
    re.I,
)
_ASIDE = re.compile(r"\([^()]*\)")


def plan_gap(claim: str, sentence: str) -> bool:
    """The sentence speaks of a plan or an expectation where the claim speaks of what is ("plans to hold meet-ups
    in X" does not establish that X is already so). A claim that is itself about a plan or an expectation ("is
    set for", "is estimated to") has no such gap, and an aside in brackets ("(airs 26 June)") is no plan of the
    sentence's own."""
    if PLAN.search(claim):
        return False
    return bool(PLAN.search(main_clause(claim, _ASIDE.sub(" ", sentence))))
