"""Correction notices: what a source says an earlier version of itself got wrong. "An earlier version of this
article said X" and "The article also described Q as based in T; it is based in R" state X and "Q is based in
T" only to retract them: the retracted part supports nothing, and a claim that says what it says is refuted by
it. The part after the correction ("it is based in R") is the source's own word again."""

from __future__ import annotations

import re

from assistant.verify.quantity import STOP_WORDS
from assistant.verify.quantity import stem as _stem

# the words that report what was said before: "An earlier version of this article said", "The report also
# described", "we incorrectly stated"
_SAID = r"(?:said|stated|described|reported|called|referred\s+to|identified|gave|misstated|named|listed|put)"
_CUE = re.compile(
    r"\b(?:an?\s+(?:earlier|previous|original)\s+version\s+of\s+(?:this|the)\s+\w+\s+(?:also\s+)?"
    r"(?:incorrectly\s+|wrongly\s+|mistakenly\s+|erroneously\s+)?"
    rf"{_SAID}|the\s+(?:article|story|report|piece|release|post)\s+(?:also\s+|originally\s+|previously\s+)?"
    rf"(?:incorrectly\s+|wrongly\s+|mistakenly\s+|erroneously\s+)?{_SAID}|"
    rf"(?:incorrectly|wrongly|mistakenly|erroneously)\s+{_SAID})\b(?:\s+that\b)?",
    re.I,
)
# where the correction begins: "; it is based in R", ". The correct figure", ", but", "in fact", "when"
_FIX = re.compile(
    r";|\.\s|,?\s+but\s+|,?\s+(?:in fact|actually|when in fact|rather)\b|\s+[–—-]\s+|"
    r",\s+(?:when|while|whereas)\s+|\bthe correct\b",
    re.I,
)


def retracted_span(text: str) -> tuple[int, int] | None:
    """The stretch of the sentence a correction retracts: from the words that report what was said before to
    where the correction begins (or the sentence's end)."""
    cue = _CUE.search(text)
    if cue is None:
        return None
    fix = _FIX.search(text, cue.end())
    return cue.end(), fix.start() if fix else len(text)


def _stems(text: str) -> set[str]:
    return {_stem(w.lower()) for w in re.findall(r"[A-Za-z][\w-]{2,}", text) if w.lower() not in STOP_WORDS}


def retracted_reading(claim: str, text: str) -> bool:
    """Does the claim speak of what the correction retracts rather than of what it puts right? By the words only
    one part has: "Q is headquartered in T" shares "T" with "described Q as based in T", and nothing with "it
    is based in R" that the retracted part lacks."""
    span = retracted_span(text)
    if span is None:
        return False
    retracted, corrected = _stems(text[span[0] : span[1]]), _stems(text[span[1] :])
    wanted = _stems(claim)
    return bool(wanted & (retracted - corrected)) and not wanted & (corrected - retracted)


def other_figure(claim: str, text: str) -> bool:
    """Does the claim give a figure that none of the retracted part's figures of its kind meets? Then it says
    something else than what was retracted, whatever words they share."""
    from assistant.verify.alignment import compare
    from assistant.verify.quantities import extract_quantities

    span = retracted_span(text)
    if span is None:
        return False
    retracted = text[span[0] : span[1]]
    figures = [q for q in extract_quantities(claim) if q.kind in ("count", "percent")]
    theirs = [q for q in extract_quantities(retracted) if q.kind in ("count", "percent")]
    return any(
        all(compare(c, r) != "supports" for r in theirs if r.kind == c.kind)
        and any(r.kind == c.kind for r in theirs)
        for c in figures
    )
