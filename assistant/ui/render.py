"""HTML for the chat and the sources panel: verdict cards, citations in their context, tables.

Pure functions of verdicts and document text. Every piece of document or user text goes through ``text()``:
the chat renders Markdown around HTML, so escaping ``<`` is not enough; Markdown and LaTeX punctuation become
character references too, and newlines become ``<br>`` so a message stays one HTML block (Markdown ends an HTML
block at a blank line and would start interpreting the rest).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from assistant.schema import Citation, SourceDocument, SubVerdict, Verdict

DocText = Callable[[str], str | None]  # doc_id -> the stored full text (None when the document is gone)

CONTEXT_CHARS = 240  # around a quote in a verdict card
SOURCE_CHARS = 1500  # around a quote when the user asks to see the source

_LABELS = {
    "SUPPORTED": ("Supported", "✓", "supported"),
    "REFUTED": ("Refuted", "✗", "refuted"),
    "NOT_ENOUGH_INFO": ("Not enough info", "?", "nei"),
}
# One pass, so a character reference made for one character is never escaped again.
_SPECIAL = re.compile(r"\r?\n|[&<>\"'\\`*_\[\]{}()#+!|~$=:-]")


def _reference(match: re.Match[str]) -> str:
    char = match.group()
    return "<br>" if char.endswith("\n") else f"&#{ord(char)};"


def text(value: object) -> str:
    """Escape anything for the chat: HTML, Markdown and LaTeX punctuation; newlines become ``<br>``."""
    return _SPECIAL.sub(_reference, str(value))


def label_badge(label: str) -> str:
    name, icon, css = _LABELS[label]
    return f'<span class="sc-badge sc-{css}">{icon} {name}</span>'


def percent(confidence: float) -> str:
    return f"{round(confidence * 100)}%"


def window(doc: str, start: int, end: int, chars: int, paragraphs: bool = False) -> tuple[int, int]:
    """Bounds of the context around ``doc[start:end]``: at most ``chars`` on each side, cut at a word
    boundary; within the quote's paragraph, or with ``paragraphs`` whole neighbouring paragraphs."""
    lo, hi = max(0, start - chars), min(len(doc), end + chars)
    if paragraphs:  # cut only where the limit falls, at the first paragraph break inside it
        para_lo = doc.find("\n\n", lo, start) if lo > 0 else -1
        para_hi = doc.rfind("\n\n", end, hi) if hi < len(doc) else -1
    else:
        para_lo, para_hi = doc.rfind("\n\n", lo, start), doc.find("\n\n", end, hi)
    if para_lo != -1:
        lo = para_lo + 2
    elif lo > 0 and not doc[lo - 1].isspace():
        space = doc.find(" ", lo, start)
        lo = space + 1 if space != -1 else start
    if para_hi != -1:
        hi = para_hi
    elif hi < len(doc) and not doc[hi].isspace():
        space = doc.rfind(" ", end, hi)
        hi = space if space != -1 else end
    return lo, hi


def highlight(doc: str, start: int, end: int, chars: int = CONTEXT_CHARS, paragraphs: bool = False) -> str:
    """The quote ``doc[start:end]`` inside ``<mark>``, with its context; ellipses where the context is cut."""
    lo, hi = window(doc, start, end, chars, paragraphs)
    # An ellipsis only where a paragraph was cut, not where the context is a whole paragraph.
    before = "… " if lo > 0 and doc[lo - 1] != "\n" else ""
    after = " …" if hi < len(doc) and doc[hi] != "\n" else ""
    return f"{before}{text(doc[lo:start])}<mark>{text(doc[start:end])}</mark>{text(doc[end:hi])}{after}"


def _quoted(citation: Citation, doc_text: DocText, chars: int) -> str:
    wide = chars > CONTEXT_CHARS
    doc = doc_text(citation.doc_id)
    if doc is None or doc[citation.char_start : citation.char_end] != citation.quote:
        # The document was removed or replaced since the verdict: show the quote alone, never a wrong span.
        return f"<mark>{text(citation.quote)}</mark>"
    return highlight(doc, citation.char_start, citation.char_end, chars, paragraphs=wide)


def where(citation: Citation) -> list[tuple[str, str]]:
    """(field, value) for kind, date, page, speaker and timestamp: the ones that are known."""
    items = [("kind", citation.kind), ("date", citation.date or "undated")]
    if citation.page:
        items.append(("page", f"p. {citation.page}"))
    if citation.speaker:
        items.append(("speaker", citation.speaker))
    if citation.timestamp:
        items.append(("timestamp", citation.timestamp))
    return items


def citation_block(citation: Citation, doc_text: DocText, chars: int = CONTEXT_CHARS) -> str:
    meta = " · ".join(f'<span class="sc-{k}">{text(v)}</span>' for k, v in where(citation))
    return (
        f'<div class="sc-cite sc-{citation.stance}">'
        f'<div class="sc-cite-head"><span class="sc-stance">{citation.stance}</span> '
        f'<span class="sc-title">{text(citation.title)}</span></div>'
        f'<div class="sc-meta">{meta}</div>'
        f'<blockquote class="sc-context">{_quoted(citation, doc_text, chars)}</blockquote>'
        f'<div class="sc-source">{text(citation.source)}</div>'
        "</div>"
    )


def verdict_card(verdict: Verdict, doc_text: DocText) -> str:
    """The answer to one claim: label, confidence, one-line explanation, then the cited passages."""
    css = _LABELS[verdict.label][2]
    if verdict.error:
        explanation = f"Could not check this claim: {text(verdict.error)}"
    else:
        explanation = text(verdict.explanation or "No passage in your sources decides this claim.")
    cites = "".join(citation_block(c, doc_text) for c in verdict.citations)
    if not cites:
        cites = '<div class="sc-none">No passage in your sources supports or refutes it.</div>'
    return (
        f'<div class="sc-card sc-{css}">'
        f'<div class="sc-head">{label_badge(verdict.label)}'
        f'<span class="sc-conf">confidence {percent(verdict.confidence)}</span></div>'
        f'<div class="sc-claim">{text(verdict.claim)}</div>'
        f'<div class="sc-expl">{explanation}</div>'
        f'<div class="sc-cites">{cites}</div>'
        '<div class="sc-hint">Ask “why?” for the reasoning, or “show me the source” for the full passage.</div>'
        "</div>"
    )


def claims_table(claims: Sequence[str], verdicts: Sequence[Verdict | None]) -> str:
    """Claims found in an article with their verdicts so far; ``None`` marks a claim still being checked."""
    rows = []
    for number, claim in enumerate(claims, start=1):
        verdict = verdicts[number - 1] if number <= len(verdicts) else None
        if verdict is None:
            cells = '<td class="sc-pending">checking…</td><td></td><td></td>'
        else:
            top = verdict.citations[0] if verdict.citations else None
            source = f"{text(top.title)} ({text(top.date or 'undated')})" if top else "–"
            cells = f"<td>{label_badge(verdict.label)}</td><td>{percent(verdict.confidence)}</td><td>{source}</td>"
        rows.append(f'<tr><td class="sc-num">{number}</td><td>{text(claim)}</td>{cells}</tr>')
    return (
        '<table class="sc-table sc-claims"><thead><tr><th>#</th><th>claim</th><th>verdict</th>'
        f"<th>confidence</th><th>top source</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def article_reply(claims: Sequence[str], verdicts: Sequence[Verdict | None]) -> str:
    done = sum(v is not None for v in verdicts)
    if done < len(claims):
        head = f"Checking {len(claims)} check-worthy claims… ({done} done)"
    else:
        counts = {label: sum(v.label == label for v in verdicts if v) for label in _LABELS}
        summary = ", ".join(f"{n} {_LABELS[label][0].lower()}" for label, n in counts.items() if n)
        head = f"{len(claims)} check-worthy claims: {summary}."
    return (
        f'<div class="sc-article"><div class="sc-article-head">{text(head)}</div>'
        f"{claims_table(claims, verdicts)}"
        '<div class="sc-hint">Ask “why 2?” or “show me the source 2” about one row.</div></div>'
    )


def _sub_verdict(sub: SubVerdict) -> str:
    return (
        f"<li>{label_badge(sub.label)} <b>{text(sub.claim)}</b> ({percent(sub.confidence)})"
        f"{' — ' + text(sub.explanation) if sub.explanation else ''}</li>"
    )


def explain(verdict: Verdict) -> str:
    """ "why?": how the verdict was reached, its parts, and what each citation says."""
    parts = [
        f'<div class="sc-why"><div class="sc-head">{label_badge(verdict.label)}'
        f'<span class="sc-conf">confidence {percent(verdict.confidence)}</span></div>',
        f'<div class="sc-claim">{text(verdict.claim)}</div>',
        f"<p>{text(verdict.explanation or 'No passage decided this claim.')}</p>",
        f'<p class="sc-decided">Decided by: {text(verdict.decided_by)}</p>',
    ]
    if verdict.sub_verdicts:
        items = "".join(_sub_verdict(s) for s in verdict.sub_verdicts)
        parts.append(f"<p>The claim was split into parts; every part must hold:</p><ul>{items}</ul>")
    if verdict.citations:
        items = "".join(
            f'<li><span class="sc-stance sc-{c.stance}">{c.stance}</span> <b>{text(c.title)}</b> '
            f"({text(', '.join(v for _, v in where(c)))}): “{text(c.quote)}”</li>"
            for c in verdict.citations
        )
        parts.append(f"<p>What each cited passage says:</p><ul>{items}</ul>")
    else:
        parts.append(
            "<p>No retrieved passage supported or refuted it, so there is not enough information.</p>"
        )
    return "".join(parts) + "</div>"


def source_view(citation: Citation, doc_text: DocText) -> str:
    """ "show me the source": the top citation in a wide context, with where it is in the document."""
    return (
        f'<div class="sc-sourceview">{citation_block(citation, doc_text, SOURCE_CHARS)}'
        f'<div class="sc-offsets">doc_id {text(citation.doc_id)}, characters '
        f"{citation.char_start}–{citation.char_end}</div></div>"
    )


def notice(message: str, css: str = "info") -> str:
    return f'<div class="sc-notice sc-{css}">{text(message)}</div>'


def status(message: str) -> str:
    """A progress line shown while a check runs."""
    return f'<div class="sc-status"><span class="sc-spinner"></span>{text(message)}</div>'


# --- sources panel ---------------------------------------------------------------------------------------


def sources_table(docs: Iterable[SourceDocument]) -> str:
    rows = [
        f"<tr><td>{text(d.title)}</td><td>{text(d.kind)}</td><td>{text(d.date or '–')}</td>"
        f'<td class="sc-num">{d.chunk_count}</td><td class="sc-id">{text(d.doc_id)}</td></tr>'
        for d in docs
    ]
    if not rows:
        return notice("No sources yet. Upload files above to start checking claims against them.")
    return (
        '<table class="sc-table sc-sources"><thead><tr><th>title</th><th>kind</th><th>date</th>'
        f"<th>passages</th><th>doc_id</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f'<div class="sc-count">{len(rows)} document(s)</div>'
    )


def ingest_report(results: Iterable[tuple[str, str, str | None, int]]) -> str:
    """One line per uploaded file: (name, status, error, passages)."""
    items = []
    for name, status_, error, passages in results:
        ok = status_ not in ("failed", "skipped")
        detail = (f"{passages} passage" + ("" if passages == 1 else "s")) if ok else (error or status_)
        items.append(
            f'<li class="sc-{"ok" if ok else "fail"}"><b>{text(status_)}</b> {text(name)}: {text(detail)}</li>'
        )
    return f'<ul class="sc-report">{"".join(items)}</ul>'
