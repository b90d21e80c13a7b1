"""Base models: a source that names another base model for the claim's model refutes it, and a sentence that
names the claim's model only as another model's starting point says nothing of it."""

from __future__ import annotations

import re

from assistant.retrieve.evidence import Evidence
from assistant.verify.claims import ClaimFrame, entities
from assistant.verify.findings import Finding
from assistant.verify.names import MODEL_LIKE, claim_subject, digit_name, entity_in, name_pattern

_BASE_RELATION = (
    r"(?:built|based|trained|fine-tuned|derived|distilled|started)\s+(?:\w+ly\s+)?(?:on|upon|from)|"
    r"a fine-tune of|a derivative of"
)
_BASE_CLAIM = re.compile(
    rf"^(?P<subject>.+?)\s+(?:is|was|are|were|has been|have been)\s+(?:\w+ly\s+)?(?:{_BASE_RELATION})\s+"
    rf"(?P<base>.+)$",
    re.I,
)
_BASE_SAID = re.compile(rf"\b(?:{_BASE_RELATION})\s+(?P<base>[^.;]+)", re.I)


def other_base(frame: ClaimFrame, ev: Evidence) -> Finding | None:
    """ "Lark is built on Skerry-4" against "Lark is built entirely on Quill-3-32B": the same model built on
    another model refutes (a model has one base; "also", "and" lists are left alone). Only models: both bases
    must be product names with a version ("pricing is based on published rates" says nothing of a base)."""
    claim = _BASE_CLAIM.match(frame.content)
    said = _BASE_SAID.search(ev.text)
    if not claim or not said or re.search(r"\b(?:also|and|as well as|along with)\b", said.group("base")):
        return None
    claimed, subject = entities(claim.group("base")), entities(claim.group("subject"))
    bases = [b for b in entities(said.group("base")) if any(c.isdigit() for c in b)]
    if not claimed or not subject or not bases or not any(c.isdigit() for c in claimed[-1]):
        return None
    # said of the claim's subject, in the same clause ("So Lark is built on ...", not "..., and Lark. It is")
    clause = re.split(r"[.;:!?]\s|,\s+(?:and|but|while|whereas)\s", ev.text[: said.start()])[-1]
    if not any(entity_in(word, clause) for name in subject for word in name.split() if len(word) > 2):
        return None
    product = claimed[-1]  # "Lumora's Skerry-4": the model, not its owner
    if any(entity_in(product, b) or entity_in(b, product) for b in bases):
        return None
    return Finding("other-base", "refutes", 0.75, f"the source says it is built on {bases[0]}, not {product}")


# where a sentence names a model as another's starting point: "built on X", "its base model is X", "X weights as
# its starting point"
_AS_BASE_BEFORE = re.compile(
    rf"(?:{_BASE_RELATION}|\bbase model (?:is|was)|\bon top of|\btook|\bstarts? from|\bstarting from)"
    r"\s+(?:[\w'’.-]+\s+){0,4}$",
    re.I,
)
# "is built on Quill-3-14B" (a model), not "was trained on legacy banking code" (data)
_ABOUT_A_BASE = re.compile(rf"(?:{_BASE_RELATION})\s+(?:[\w'’.-]+\s+){{0,3}}?[A-Z][\w.]*-[\w.-]*\d", re.I)
_AS_BASE_AFTER = re.compile(r"^\s*(?:weights\s+)?as (?:its|the|their) (?:starting point|base)\b", re.I)


def only_as_base(frame: ClaimFrame, text: str) -> str | None:
    """The claim's subject, a model, is named only as the starting point of another ("The model is built on
    Quill-3-14B: it took the Quill weights as its starting point, continued pre-training on legal text"): what
    the sentence says of the model built on it (its training, its licence) is not said of the base. Returns the
    subject so named, or None. A claim that is itself about a base ("X is built on Y") is left alone."""
    subject = claim_subject(frame.entities)
    if subject is None or not MODEL_LIKE.match(subject) or _ABOUT_A_BASE.search(frame.content):
        return None
    spots = list(re.finditer(name_pattern(digit_name(subject)), text, re.I))
    if not spots:
        return None
    for m in spots:
        if not (
            _AS_BASE_BEFORE.search(text[max(0, m.start() - 60) : m.start()])
            or _AS_BASE_AFTER.match(text[m.end() :])
        ):
            return None
    return subject
