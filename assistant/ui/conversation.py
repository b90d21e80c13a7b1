"""What a chat message asks for, and the reply to it, as a stream of HTML snapshots.

Pure apart from the ``Backend`` it is given (the checker and the stored texts), so it is tested without a
browser. A session's memory is ``ChatState``: the verdicts of the last answer, which follow-ups ("why?",
"show me the source", "why 2?") refer to.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from assistant.errors import SourcecheckError
from assistant.schema import Verdict
from assistant.ui import render
from ingest.sentences import split_sentences

log = logging.getLogger(__name__)


class Intent(StrEnum):
    EMPTY = "empty"
    HELP = "help"
    WHY = "why"  # explain the last verdict in detail
    SOURCE = "source"  # the last verdict's top citation in its full passage
    ARTICLE = "article"  # several sentences: check each check-worthy claim
    CLAIM = "claim"


class Backend(Protocol):
    def check(self, claim: str) -> Verdict: ...

    def extract_claims(self, article: str) -> list[tuple[str, int, int]]: ...

    def document_text(self, doc_id: str) -> str | None: ...


@dataclass
class ChatState:
    verdicts: list[Verdict] = field(default_factory=list)


# A follow-up is the whole message: "why?", "how so", "explain 2", "show me the source #3". A question that
# goes on ("why did Lumora ...") is a claim to check, not a follow-up.
_ROW = r"\W*(?:(?:claim|row|number|no\.?)\s*)?#?(\d{1,3})?\W*$"
_WHY = re.compile(
    r"^\W*(?:why(?: is that| that| so| not| is it)?|how so|how come|explain(?: that| this| it)?|"
    r"how do you know|what is the reasoning|reasoning|details?)" + _ROW,
    re.IGNORECASE,
)
_SOURCE = re.compile(
    r"^\W*(?:(?:show|open|see|give)(?: me)?(?: the)? (?:full )?"
    r"(?:source|passage|evidence|context|document|quote)s?|sources?|where does it say(?: that| so)?)" + _ROW,
    re.IGNORECASE,
)
_HELP = re.compile(r"^\W*(?:help|hi|hello|hey|what can you do)\W*$", re.IGNORECASE)
_PREFIX = re.compile(
    r"^\s*(?:is it true that|is this (?:claim )?(?:supported|true)\s*:?|check\s*:|claim\s*:|"
    r"fact[- ]check\s*:?)\s*",
    re.IGNORECASE,
)

HELP = (
    "Type a claim (“Quill models have passed 500 million downloads”) and I check it against your sources: "
    "a verdict, how confident, and the passages that decide it. Paste an article and I check each "
    "check-worthy sentence. Then ask “why?” or “show me the source”. Manage documents in the Sources tab."
)


def detect(message: str) -> tuple[Intent, int | None]:
    """The intent of a message, and the row number a follow-up names ("why 2?"), if any."""
    stripped = message.strip()
    if not stripped:
        return Intent.EMPTY, None
    for intent, pattern in ((Intent.WHY, _WHY), (Intent.SOURCE, _SOURCE)):
        match = pattern.match(stripped)
        if match:
            return intent, int(match.group(1)) if match.group(1) else None
    if _HELP.match(stripped):
        return Intent.HELP, None
    if len(split_sentences(stripped)) >= 2:
        return Intent.ARTICLE, None
    return Intent.CLAIM, None


def as_claim(message: str) -> str:
    """ "Is it true that X?" -> "X": the checker wants a statement."""
    return _PREFIX.sub("", " ".join(message.split())).rstrip("?").strip()


def _pick(state: ChatState, number: int | None) -> Verdict | str:
    """The verdict a follow-up is about, or a notice saying why there is none."""
    if not state.verdicts:
        return "Ask about a claim first; then “why?” explains the verdict."
    if number is None:
        if len(state.verdicts) == 1:
            return state.verdicts[0]
        return f"Which claim? Say “why 2?” or “show me the source 2” (1 to {len(state.verdicts)})."
    if not 1 <= number <= len(state.verdicts):
        return f"There is no claim {number}; the last answer has {len(state.verdicts)}."
    return state.verdicts[number - 1]


def _follow_up(intent: Intent, number: int | None, state: ChatState, backend: Backend) -> str:
    verdict = _pick(state, number)
    if isinstance(verdict, str):
        return render.notice(verdict)
    if intent is Intent.WHY:
        return render.explain(verdict)
    if not verdict.citations:
        return render.notice("That verdict cites no passage: nothing in your sources decides the claim.")
    return render.source_view(verdict.citations[0], backend.document_text)


def _check(claim: str, state: ChatState, backend: Backend) -> Iterator[str]:
    yield render.status("Retrieving passages and judging the claim…")
    verdict = backend.check(claim)
    state.verdicts = [verdict]
    yield render.verdict_card(verdict, backend.document_text)


def _article(article: str, state: ChatState, backend: Backend) -> Iterator[str]:
    claims = list(dict.fromkeys(" ".join(c.split()) for c, _, _ in backend.extract_claims(article)))
    if not claims:
        yield render.notice(
            "I found no check-worthy claim in that text (figures, dates, names or who said what). "
            "Try one sentence at a time."
        )
        return
    verdicts: list[Verdict | None] = []
    yield render.article_reply(claims, verdicts)
    for claim in claims:
        verdicts.append(backend.check(claim))
        yield render.article_reply(claims, verdicts)
    state.verdicts = [v for v in verdicts if v is not None]


def reply(message: str, state: ChatState, backend: Backend) -> Iterator[str]:
    """Snapshots of the assistant's reply (each replaces the previous one); updates ``state``."""
    intent, number = detect(message)
    try:
        if intent is Intent.EMPTY:
            yield render.notice("Type a claim to check, or paste an article.")
        elif intent is Intent.HELP:
            yield render.notice(HELP)
        elif intent in (Intent.WHY, Intent.SOURCE):
            yield _follow_up(intent, number, state, backend)
        elif intent is Intent.ARTICLE:
            yield from _article(message, state, backend)
        else:
            yield from _check(as_claim(message), state, backend)
    except SourcecheckError as exc:  # a user-facing failure (store down, bad setting): say it, keep the chat
        yield render.notice(f"Could not check: {exc}", "error")
    except Exception as exc:
        log.exception("chat reply failed")
        yield render.notice(f"Something went wrong ({type(exc).__name__}: {exc}). Try again.", "error")
