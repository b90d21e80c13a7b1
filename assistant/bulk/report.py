"""Reports rendered from finished rows: csv, md and a self-contained html page (jsonl is the journal itself)."""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path

from assistant.bulk.models import ResultRow, Summary
from assistant.errors import SourcecheckError
from assistant.schema import LABELS

FORMATS = ("jsonl", "csv", "md", "html")
_BY_SUFFIX = {".jsonl": "jsonl", ".csv": "csv", ".md": "md", ".html": "html", ".htm": "html"}
_LABEL_TEXT = {"SUPPORTED": "Supported", "REFUTED": "Refuted", "NOT_ENOUGH_INFO": "Not enough info"}
_CSV_COLUMNS = [
    "id",
    "claim",
    "label",
    "confidence",
    "explanation",
    "error",
    "decided_by",
    "top_quote",
    "top_source",
    "citations",
]
_CITATION_FIELDS = ("source", "title", "quote", "char_start", "char_end", "doc_id", "stance", "date")


def report_format(out: Path, fmt: str | None) -> str:
    """``--format`` if given, else from the file extension."""
    fmt = fmt or _BY_SUFFIX.get(out.suffix.lower())
    if fmt not in FORMATS:
        raise SourcecheckError(
            f"cannot tell the report format of {out.name}", hint=f"use --format {'|'.join(FORMATS)}"
        )
    return fmt


def journal_path(out: Path, fmt: str) -> Path:
    """Where the resumable journal of a report lives: the report itself for jsonl, ``OUT.jsonl`` otherwise."""
    return out if fmt == "jsonl" else out.with_name(out.name + ".jsonl")


def write_report(out: Path, rows: list[ResultRow], fmt: str, summary: Summary, title: str = "") -> None:
    """Render atomically, so a report on disk is always a whole one."""
    text = {"csv": render_csv, "md": render_markdown, "html": render_html}[fmt](rows, summary, title)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(text, encoding="utf-8", newline="")
    os.replace(tmp, out)


def _citations(row: ResultRow) -> list[dict]:
    return [{k: getattr(c, k) for k in _CITATION_FIELDS} for c in row.citations]


def render_csv(rows: list[ResultRow], summary: Summary | None = None, title: str = "") -> str:
    carried = list(dict.fromkeys(k for r in rows for k in r.input))
    # An input column named like a report column (a gold "label", say) is kept beside ours as input_<name>.
    names = {k: f"input_{k}" if k in _CSV_COLUMNS else k for k in carried}
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(_CSV_COLUMNS + list(names.values()))
    for r in rows:
        top = r.citations[0] if r.citations else None
        writer.writerow(
            [
                _inert(r.id),
                _inert(r.claim),
                r.label or "",
                "" if r.confidence is None else f"{r.confidence:.2f}",
                _inert(r.explanation),
                _inert(r.error or ""),
                r.decided_by or "",
                _inert(top.quote) if top else "",
                _inert(top.source) if top else "",
                json.dumps(_citations(r), ensure_ascii=False) if r.citations else "",
                *(_cell(r.input.get(k)) for k in carried),
            ]
        )
    return buf.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    return _inert(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))


def _inert(text: str) -> str:
    """A spreadsheet runs a cell that opens with = + - @ (or a tab or CR) as a formula; quotes come from
    documents anyone may have written, so such a cell gets a leading apostrophe (OWASP's advice)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


# Markdown viewers render inline HTML, links and images: every character with a meaning there becomes a
# character reference (one pass, so a reference is never escaped again), the table's "|" included.
_MD_SPECIAL = re.compile(r"[&<>\"'\\`*_\[\]{}()#+!|~$]")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", " ".join(text.split()))


def render_markdown(rows: list[ResultRow], summary: Summary, title: str = "") -> str:
    lines = [f"# {_md(title or 'Claim check report')}", "", _summary_line(summary), ""]
    lines += ["| id | claim | verdict | confidence | evidence | explanation |", "|---|---|---|---|---|---|"]
    for r in rows:
        verdict = f"**{_LABEL_TEXT[r.label]}**" if r.label else "error"
        evidence = "<br>".join(f"“{_md(c.quote)}” ({_md(c.title or c.source)})" for c in r.citations)
        note = _md(r.error) if r.error else _md(r.explanation)
        conf = "" if r.confidence is None else f"{r.confidence:.2f}"
        lines.append(f"| {_md(r.id)} | {_md(r.claim)} | {verdict} | {conf} | {evidence} | {note} |")
    return "\n".join(lines) + "\n"


def _summary_line(summary: Summary) -> str:
    parts = [f"{summary.labels.get(lab, 0)} {_LABEL_TEXT[lab].lower()}" for lab in LABELS]
    return f"{summary.total} claims: {', '.join(parts)}, {summary.errors} error(s)."


# --- html --------------------------------------------------------------------------------------------------

_COLOURS = {"SUPPORTED": "#1a7f4b", "REFUTED": "#b42318", "NOT_ENOUGH_INFO": "#9a6700", "ERROR": "#57606a"}

_CSS = """
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 Georgia,'Times New Roman',serif;color:var(--ink);background:#fff}
main{max-width:980px;margin:0 auto;padding:32px 20px 64px}
h1{font:700 30px/1.2 -apple-system,'Segoe UI',Helvetica,Arial,sans-serif;margin:0 0 4px}
.meta,.small{color:var(--muted);font:14px/1.5 -apple-system,'Segoe UI',Helvetica,Arial,sans-serif}
.overview{display:flex;flex-wrap:wrap;gap:28px;align-items:center;margin:24px 0 32px;padding:20px;
 background:var(--bg);border:1px solid var(--line);border-radius:10px}
.counts{display:grid;grid-template-columns:repeat(5,auto);gap:4px 22px;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif}
.counts b{display:block;font-size:26px;line-height:1.1}
.counts span{font-size:13px;color:var(--muted)}
.claim{border-top:1px solid var(--line);padding:18px 0 14px;display:grid;grid-template-columns:150px 1fr;gap:6px 22px}
.verdict{font:700 13px/1 -apple-system,'Segoe UI',Helvetica,Arial,sans-serif;letter-spacing:.04em;text-transform:uppercase;
 color:#fff;border-radius:4px;padding:6px 8px;display:inline-block}
.conf{margin-top:10px;font:13px -apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:var(--muted)}
.meter{height:6px;background:var(--line);border-radius:3px;margin-top:4px;overflow:hidden}
.meter i{display:block;height:100%}
.text{font-size:18px;margin:0 0 6px}
.id{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;color:var(--muted)}
.why{margin:4px 0 8px}
.error{color:#b42318;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:15px}
details{margin:6px 0;font-size:15px}
summary{cursor:pointer;color:#0969da;font:14px -apple-system,'Segoe UI',Helvetica,Arial,sans-serif}
blockquote{margin:10px 0 4px;padding:6px 14px;border-left:4px solid var(--line);background:var(--bg)}
blockquote.supports{border-color:#1a7f4b}blockquote.refutes{border-color:#b42318}
dl{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;font:13px -apple-system,'Segoe UI',Helvetica,Arial,sans-serif;margin:8px 0}
dt{color:var(--muted)}dd{margin:0;word-break:break-word}
@media (max-width:640px){.claim{grid-template-columns:1fr}}
@media print{details{display:block}summary{display:none}}
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _chart(summary: Summary) -> str:
    """Horizontal bars of verdict counts, as inline SVG (no script, no external resource)."""
    bars = [(_LABEL_TEXT[lab], summary.labels.get(lab, 0), _COLOURS[lab]) for lab in LABELS]
    bars.append(("Errors", summary.errors, _COLOURS["ERROR"]))
    top = max((n for _, n, _ in bars), default=0) or 1
    out = ['<svg width="380" height="132" role="img" aria-label="Verdict counts">']
    for i, (name, n, colour) in enumerate(bars):
        y, width = 8 + i * 30, round(220 * n / top)
        out.append(
            f'<text x="0" y="{y + 15}" font-family="sans-serif" font-size="13" fill="#59636e">{_e(name)}</text>'
            f'<rect x="112" y="{y}" width="{max(width, 2)}" height="20" rx="3" fill="{colour}"/>'
            f'<text x="{118 + width}" y="{y + 15}" font-family="sans-serif" font-size="13">{n}</text>'
        )
    return "".join(out) + "</svg>"


def _citation_html(c) -> str:
    where = [c.kind, c.date or "undated"]
    where += [f"p. {c.page}" if c.page else "", c.speaker or "", c.timestamp or ""]
    return (
        f'<blockquote class="{_e(c.stance)}">{_e(c.quote)}</blockquote>'
        f"<dl><dt>{_e(c.stance)}</dt><dd><b>{_e(c.title)}</b> ({_e(', '.join(w for w in where if w))})</dd>"
        f"<dt>source</dt><dd>{_e(c.source)}</dd>"
        f"<dt>offsets</dt><dd>characters {c.char_start}–{c.char_end} of document {_e(c.doc_id)}</dd></dl>"
    )


def _row_html(r: ResultRow) -> str:
    key = r.label or "ERROR"
    colour = _COLOURS[key]
    badge = _LABEL_TEXT.get(key, "Error")
    side = f'<div><span class="verdict" style="background:{colour}">{_e(badge)}</span>'
    if r.confidence is not None:
        pct = round(100 * r.confidence)
        side += (
            f'<div class="conf">confidence {r.confidence:.2f}'
            f'<div class="meter"><i style="width:{pct}%;background:{colour}"></i></div></div>'
        )
    body = [f'<p class="text">{_e(r.claim)}</p>', f'<div class="id">id {_e(r.id)}</div>']
    if r.error:
        body.append(f'<p class="error">Not checked: {_e(r.error)}</p>')
    elif r.explanation:
        body.append(f'<p class="why">{_e(r.explanation)}</p>')
    if r.citations:
        n = len(r.citations)
        quotes = "".join(_citation_html(c) for c in r.citations)
        body.append(f"<details><summary>{n} quoted source{'s' if n > 1 else ''}</summary>{quotes}</details>")
    if r.input:
        fields = "".join(f"<dt>{_e(k)}</dt><dd>{_e(_cell(v))}</dd>" for k, v in r.input.items())
        body.append(f"<details><summary>input fields</summary><dl>{fields}</dl></details>")
    return f'<section class="claim">{side}</div><div>{"".join(body)}</div></section>'


def render_html(rows: list[ResultRow], summary: Summary, title: str = "") -> str:
    title = title or "Claim check report"
    checked = summary.total - summary.errors
    shares = [
        (f"{100 * summary.labels.get(lab, 0) / checked:.0f}%" if checked else "–", _LABEL_TEXT[lab].lower())
        for lab in LABELS
    ]
    counts = [(str(summary.total), "claims"), *shares, (str(summary.errors), "not checked")]
    cells = "".join(f"<div><b>{n}</b><span>{_e(name)}</span></div>" for n, name in counts)
    generated = datetime.now(UTC).strftime("%d %B %Y, %H:%M UTC")
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body><main>"
        f"<h1>{_e(title)}</h1>"
        f'<div class="meta">{summary.total} claims checked against the ingested documents · generated {generated} '
        "by sourcecheck. Quotes are verbatim from the documents; verdicts are machine judgements to be verified."
        "</div>"
        f'<div class="overview">{_chart(summary)}<div class="counts">{cells}</div></div>'
        + "\n".join(_row_html(r) for r in rows)
        + "</main></body></html>\n"
    )
