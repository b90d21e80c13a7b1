"""The chat's pure parts: escaping hostile document text, exact highlighting, intents and follow-ups."""

from __future__ import annotations

import html
import re

import pytest
from markdown_it import MarkdownIt

from assistant.errors import StoreUnavailable
from assistant.schema import Citation, SourceDocument, SubVerdict, Verdict
from assistant.ui import render
from assistant.ui.conversation import ChatState, Intent, as_claim, detect, reply
from assistant.verify.claims import extract_claims

HOSTILE = (
    "# Heading\n\nIntro **bold** and [a link](http://evil.example) and $x$ and `code`.\n\n"
    "<script>alert('owned')</script> <img src=x onerror=alert(1)> Quill-9 has 12 users.\n\n"
    "| a | b |\n|---|---|\n| 1 | 2 |\n\nTail paragraph."
)


def _chat_html(fragment: str) -> str:
    """What a Markdown renderer with raw HTML on (as the chat's is) makes of a message."""
    return MarkdownIt("commonmark", {"html": True}).enable("table").render(fragment)


def _unescape(fragment: str) -> str:
    return html.unescape(fragment.replace("<br>", "\n"))


def _citation(doc: str, quote: str, **extra) -> Citation:
    start = doc.index(quote)
    fields = {"doc_id": "d1", "source": "s.md", "title": "T", "kind": "news", "date": "2025-01-02"}
    return Citation(
        **{**fields, **extra}, quote=quote, char_start=start, char_end=start + len(quote), stance="supports"
    )


def _verdict(label="SUPPORTED", citations=(), **extra) -> Verdict:
    return Verdict(
        claim="Quill-9 has 12 users.",
        label=label,
        confidence=0.83,
        citations=list(citations),
        explanation="The figures agree.",
        **extra,
    )


# --- escaping and highlighting -------------------------------------------------------------------------


def test_text_neutralises_html_markdown_and_latex():
    out = _chat_html(f"<div>{render.text(HOSTILE)}</div>")
    assert "<script" not in out and "<img" not in out and "<strong>" not in out and "<a " not in out
    assert "<h1>" not in out and "<table>" not in out and "<code>" not in out
    assert "$" not in out and "*" not in out  # as references: shown as characters, never parsed
    # ... and the reader sees exactly the document's characters
    assert _unescape(re.sub(r"</?div>\n?", "", out)) == HOSTILE


def test_text_stays_one_html_block():
    # A blank line would end the HTML block and let Markdown parse what follows.
    assert "\n" not in render.text("a\n\nb\r\nc")


@pytest.mark.parametrize(
    "quote", ["Quill-9 has 12 users.", "<script>alert('owned')</script>", "Tail paragraph."]
)
def test_highlight_marks_exactly_the_span(quote):
    start = HOSTILE.index(quote)
    out = render.highlight(HOSTILE, start, start + len(quote), chars=60)
    marked = re.findall(r"<mark>(.*?)</mark>", out)
    assert len(marked) == 1 and _unescape(marked[0]) == quote
    before, after = out.split("<mark>")[0], out.split("</mark>")[1]
    assert HOSTILE[:start].endswith(_unescape(before).removeprefix("… "))
    assert HOSTILE[start + len(quote) :].startswith(_unescape(after).removesuffix(" …"))


def test_context_stops_at_paragraphs_and_words():
    doc = "First para.\n\nAlpha beta gamma delta QUOTE epsilon zeta eta.\n\nNext para."
    start = doc.index("QUOTE")
    lo, hi = render.window(doc, start, start + 5, chars=12)
    assert doc[lo:hi] == "gamma delta QUOTE epsilon"  # whole words only
    lo, hi = render.window(doc, start, start + 5, chars=500)
    assert doc[lo:hi] == "Alpha beta gamma delta QUOTE epsilon zeta eta."  # never the next paragraph
    lo, hi = render.window(doc, start, start + 5, chars=500, paragraphs=True)
    assert (lo, hi) == (0, len(doc))  # "show me the source": the neighbours too
    lo, hi = render.window(doc, start, start + 5, chars=25, paragraphs=True)
    assert doc[lo:hi] == "Alpha beta gamma delta QUOTE epsilon zeta eta."  # whole paragraphs only


# --- verdict cards --------------------------------------------------------------------------------------


def test_verdict_card_shows_label_confidence_citation_metadata_and_context():
    cite = _citation(
        HOSTILE, "Quill-9 has 12 users.", page=4, speaker="Ana <b>Ruiz</b>", timestamp="00:01:02"
    )
    out = render.verdict_card(_verdict(citations=[cite]), {"d1": HOSTILE}.get)
    assert 'class="sc-card sc-supported"' in out and "✓ Supported" in out and "confidence 83%" in out
    assert "p. 4" in out and "00&#58;01&#58;02" in out and "2025&#45;01&#45;02" in out
    assert "Ana &#60;b&#62;Ruiz&#60;/b&#62;" in out  # metadata is document text too
    assert "&#60;script&#62;" in out and "<script" not in _chat_html(out)  # its context, escaped
    assert re.search(r"<mark>Quill&#45;9 has 12 users\.</mark>", out)


@pytest.mark.parametrize(
    ("label", "css", "name"),
    [("REFUTED", "sc-refuted", "✗ Refuted"), ("NOT_ENOUGH_INFO", "sc-nei", "? Not enough info")],
)
def test_each_label_has_its_colour_class(label, css, name):
    out = render.verdict_card(_verdict(label), lambda _: None)
    assert f"sc-card {css}" in out and name in out


def test_a_changed_document_shows_the_quote_alone_never_a_wrong_span():
    cite = _citation(HOSTILE, "Tail paragraph.")
    out = render.verdict_card(_verdict(citations=[cite]), {"d1": "rewritten " + HOSTILE}.get)
    assert "<mark>Tail paragraph.</mark>" in out and "&#35; Heading" not in out


def test_error_verdict_says_it_could_not_check():
    out = render.verdict_card(_verdict("NOT_ENOUGH_INFO", error="empty claim"), lambda _: None)
    assert "Could not check this claim: empty claim" in out


def test_explain_lists_parts_and_each_citation_stance():
    cite = _citation(HOSTILE, "Quill-9 has 12 users.")
    sub = SubVerdict(claim="Quill-9 has 12 users", label="SUPPORTED", confidence=0.9, explanation="ok")
    out = render.explain(_verdict(citations=[cite], sub_verdicts=[sub], decided_by="rules:numeric"))
    assert "Decided by: rules&#58;numeric" in out and "every part must hold" in out
    assert 'sc-stance sc-supports">supports' in out and "“Quill&#45;9 has 12 users.”" in out


def test_article_table_shows_pending_rows_then_a_summary():
    claims = ["A is 1.", "B is <2>."]
    partial = render.article_reply(claims, [_verdict()])
    assert (
        "&#40;1 done&#41;" in partial and partial.count("checking…") == 1 and "B is &#60;2&#62;." in partial
    )
    done = render.article_reply(claims, [_verdict(), _verdict("REFUTED")])
    assert "2 check&#45;worthy claims&#58; 1 supported, 1 refuted." in done and "checking…" not in done


def test_sources_table_escapes_titles_and_lists_counts():
    doc = SourceDocument("abc", "/x", "x.md", "<i>T</i>", "news", None, "", "", "md", chunk_count=7)
    out = render.sources_table([doc])
    assert "&#60;i&#62;T&#60;/i&#62;" in out and '<td class="sc-num">7</td>' in out and "1 document(s)" in out
    assert "No sources yet" in render.sources_table([])


# --- intents --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "intent", "number"),
    [
        ("why?", Intent.WHY, None),
        ("  Why is that? ", Intent.WHY, None),
        ("how so", Intent.WHY, None),
        ("why 2?", Intent.WHY, 2),
        ("explain #3", Intent.WHY, 3),
        ("show me the source", Intent.SOURCE, None),
        ("Show the passage for claim 2", Intent.CLAIM, None),  # not the whole message: a claim
        ("show me the source 2", Intent.SOURCE, 2),
        ("where does it say that?", Intent.SOURCE, None),
        ("Why did Lumora release Quill-3 in March 2025?", Intent.CLAIM, None),
        ("Quill passed 500 million downloads.", Intent.CLAIM, None),
        ("Quill passed 500 million. Skerry-4 launched in June 2025.", Intent.ARTICLE, None),
        ("help", Intent.HELP, None),
        ("   ", Intent.EMPTY, None),
    ],
)
def test_detect(message, intent, number):
    assert detect(message) == (intent, number)


def test_as_claim_turns_a_question_into_a_statement():
    assert as_claim("Is it true that Quill  passed 500 million?") == "Quill passed 500 million"
    assert as_claim("claim: Quill passed 500 million.") == "Quill passed 500 million."


# --- replies (a fake backend: the conversation needs only check, extract_claims and document_text) ---------


class FakeBackend:
    def __init__(self, fail: Exception | None = None):
        self.asked: list[str] = []
        self.fail = fail

    def check(self, claim: str) -> Verdict:
        if self.fail:
            raise self.fail
        self.asked.append(claim)
        quote = "Quill-9 has 12 users."
        cites = [_citation(HOSTILE, quote)] if "Quill" in claim else []
        return Verdict(
            claim=claim,
            label="SUPPORTED" if cites else "NOT_ENOUGH_INFO",
            confidence=0.7,
            citations=cites,
            explanation="why: " + claim,
        )

    def extract_claims(self, article: str) -> list[tuple[str, int, int]]:
        return extract_claims(article)

    def document_text(self, doc_id: str) -> str | None:
        return HOSTILE if doc_id == "d1" else None


def test_a_claim_shows_progress_then_the_card_and_is_remembered():
    backend, state = FakeBackend(), ChatState()
    snapshots = list(reply("Is it true that Quill-9 has 12 users?", state, backend))
    assert "sc-status" in snapshots[0] and "Retrieving" in snapshots[0]
    assert "sc-card sc-supported" in snapshots[-1] and "<mark>" in snapshots[-1]
    assert backend.asked == ["Quill-9 has 12 users"] and state.verdicts[0].claim == "Quill-9 has 12 users"


def test_follow_ups_refer_to_the_last_verdict():
    backend, state = FakeBackend(), ChatState()
    assert "Ask about a claim first" in list(reply("why?", state, backend))[-1]
    list(reply("Quill-9 has 12 users.", state, backend))
    why = list(reply("why?", state, backend))[-1]
    assert "why&#58; Quill&#45;9 has 12 users." in why and "sc-why" in why
    source = list(reply("show me the source", state, backend))[-1]
    assert "sc-sourceview" in source and "Tail paragraph." in source  # wider than the card's paragraph
    assert "doc_id d1, characters" in source
    assert backend.asked == ["Quill-9 has 12 users."]  # follow-ups check nothing new


def test_an_article_fills_its_table_row_by_row_and_rows_can_be_asked_about():
    backend, state = FakeBackend(), ChatState()
    article = (
        "Quill-9 has 12 users according to Lumora Labs. Nobody knows why. "
        "Lumora Labs said Skerry-4 was released in June 2025."
    )
    snapshots = list(reply(article, state, backend))
    assert [s.count("checking…") for s in snapshots] == [2, 1, 0]
    assert len(state.verdicts) == 2 and "sc-claims" in snapshots[-1]
    assert "Which claim?" in list(reply("why?", state, backend))[-1]
    assert "Skerry" in list(reply("why 2?", state, backend))[-1]
    assert "There is no claim 5" in list(reply("why 5?", state, backend))[-1]
    assert "cites no passage" in list(reply("show me the source 2", state, backend))[-1]


def test_a_failing_store_is_reported_in_the_chat():
    state = ChatState()
    out = list(reply("Quill-9 has 12 users.", state, FakeBackend(fail=StoreUnavailable("Chroma is down"))))
    assert "sc-error" in out[-1] and "Chroma is down" in out[-1] and state.verdicts == []
