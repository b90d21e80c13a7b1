"""Sentence boundaries with character offsets.

A small rule-based splitter rather than a library: we need exact offsets into text that keeps its own
line breaks (hard-wrapped press releases, headers, lists), and it runs on every ingested character, so
it must be fast. Rules: paragraphs and "hard" line breaks end a sentence; so do . ! ? followed by space
and a capital, digit or quote, unless the word before is a known abbreviation or an initial.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "inc",
        "ltd",
        "co",
        "corp",
        "plc",
        "llc",
        "vs",
        "etc",
        "al",
        "approx",
        "dept",
        "est",
        "fig",
        "figs",
        "no",
        "nos",
        "vol",
        "e.g",
        "i.e",
        "cf",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "a.m",
        "p.m",
        "ph.d",
        "gen",
        "gov",
        "rep",
        "sen",
    ]
)
# A full stop glued to the next sentence ("with 97.Lark would", "in 2018.The club") still ends one: pages
# flattened from markup often lose the space. Only after a number or a lower-case word, and before a
# capitalised word, so that "U.S.A", "3.5" and "Vol.2" stay whole.
_TERMINAL = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|(?:(?<=[a-z]{3})|(?<=\d))\.(?=[A-Z][a-z]+\s)")
_LIST_START = re.compile(r"\s*(?:[-*•#|>]|\d{1,3}[.)]\s)")
_HARD_END = ".!?:;"
_SHORT_LINE = 60


def _is_boundary(text: str, end: int, next_start: int) -> bool:
    """Terminal punctuation at text[:end] followed by whitespace up to next_start."""
    if next_start >= len(text):
        return True
    nxt = text[next_start]
    if nxt.islower():
        return False
    m = re.search(r"([\w.]+)[.!?]*[\"'”’)\]]*$", text[max(0, end - 40) : end])
    if m and text[end - 1] != "!" and text[end - 1] != "?":
        word = m.group(1).rstrip(".").lower()
        if word in _ABBREVIATIONS:
            return False
        if len(word) == 1 and word.isalpha():  # an initial: "J. Smith"
            return False
    return True


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split [start, end) at blank lines and hard line breaks; soft-wrapped lines stay together."""
    blocks: list[tuple[int, int]] = []
    block_start = start
    pos = start
    while True:
        nl = text.find("\n", pos, end)
        if nl == -1:
            break
        line = text[pos:nl].rstrip()
        next_nl = text.find("\n", nl + 1, end)
        next_line = text[nl + 1 : next_nl if next_nl != -1 else end]
        hard = (
            not line.strip()
            or not next_line.strip()
            or line.endswith(tuple(_HARD_END))
            or len(line.strip()) < _SHORT_LINE
            or bool(_LIST_START.match(next_line))
        )
        if hard:
            blocks.append((block_start, nl))
            block_start = nl + 1
        pos = nl + 1
    blocks.append((block_start, end))
    return blocks


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within text[start:end], whitespace-trimmed, in order."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for b_start, b_end in _blocks(text, start, end):
        s_start = b_start
        for m in _TERMINAL.finditer(text, b_start, b_end):
            nxt = m.end()
            while nxt < b_end and text[nxt].isspace():
                nxt += 1
            if nxt < b_end and _is_boundary(text, m.end(), nxt):
                span = _strip(text, s_start, m.end())
                if span:
                    spans.append(span)
                s_start = nxt
        span = _strip(text, s_start, b_end)
        if span:
            spans.append(span)
    return spans
