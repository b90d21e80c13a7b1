"""Transcripts: WebVTT, SRT and speaker-labelled text, as turns with speaker and timestamp.

The stored text of a VTT/SRT file is rebuilt as one paragraph per turn ("Speaker [00:01:02.500]: words"),
so a quote is clean prose; consecutive cues of one speaker form one turn. In SRT (and unlabelled VTT
cues) a cue without a label continues the previous speaker's turn.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import webvtt

from assistant.errors import LoadError
from ingest.textio import read_text
from ingest.types import LoadedDocument, Segment

# "NAME:", "Name Surname:" or "Name Surname (Role, Organisation):" at the start of a line, optionally after a
# [hh:mm:ss] timestamp. Names are any script's letters ("JACINTA ORTEÑO"): an unmatched label would hand that
# speaker's words to the previous speaker.
_L = r"[^\W\d_]"  # a letter
_LABEL = re.compile(
    r"^[ \t]*(?:[\[(](?P<ts>\d{1,2}:\d\d(?::\d\d)?(?:[.,]\d+)?)[\])][ \t]*)?"
    rf"(?P<name>(?=[^\W\d_a-zß-ÿ]){_L}(?:{_L}|[.'’-])*(?:[ \t](?:{_L}|[.'’-])+){{0,4}})[ \t]*"
    r"(?:\((?:(?P<ts2>\d{1,2}:\d\d(?::\d\d)?)|(?P<role>[^()\n:]{2,80}))\))?:[ \t]+(?=\S)",
    re.M,
)
# Header fields look like labels but are not speakers.
_NOT_SPEAKERS = frozenset(
    [
        "date",
        "published",
        "publisher",
        "title",
        "author",
        "source",
        "format",
        "interviewer",
        "interviewee",
        "note",
        "notes",
        "contact",
        "location",
        "subject",
        "re",
        "from",
        "to",
        "cc",
        "dateline",
        "participants",
        "by",
        "kind",
        "language",
        "recorded",
        "transcript",
        "guests",
        "panelists",
        "venue",
        "event",
        "time",
        "duration",
        "episode",
        "summary",
        "update",
        "correction",
        "editor",
    ]
)


def display_name(label: str) -> str:
    """'WENNA BRANDT' -> 'Wenna Brandt'; mixed-case labels stay as written."""
    label = " ".join(label.split())
    return label.title() if label.isupper() else label


def _labels(text: str) -> list[re.Match[str]]:
    return [m for m in _LABEL.finditer(text) if m.group("name").strip().lower() not in _NOT_SPEAKERS]


def is_speaker_labelled(text: str) -> bool:
    """At least two speakers who each speak at least twice, and four turns in all."""
    counts: dict[str, int] = {}
    for m in _labels(text):
        name = m.group("name").strip().lower()
        counts[name] = counts.get(name, 0) + 1
    return sum(counts.values()) >= 4 and sum(1 for c in counts.values() if c >= 2) >= 2


_HOST_LABELS = frozenset({"host", "interviewer", "moderator", "presenter", "anchor", "operator"})


def mark_hosts(text: str, segments: list[Segment]) -> list[Segment]:
    """The interviewer is whoever is labelled so, or asks questions in at least half of their turns (and more
    often than anyone else). Their assertions frame questions; they are not the guest's words."""
    asked: dict[str, list[int]] = {}
    for seg in segments:
        if seg.unit == "turn" and seg.speaker:
            stats = asked.setdefault(seg.speaker, [0, 0])
            stats[0] += "?" in text[seg.char_start : seg.char_end]
            stats[1] += 1
    ratios = {who: q / n for who, (q, n) in asked.items() if n}
    top = max(ratios.values(), default=0.0)
    hosts = {
        who
        for who, r in ratios.items()
        if who.lower() in _HOST_LABELS or (r >= 0.5 and r == top and len(ratios) > 1)
    }
    for seg in segments:
        if seg.speaker in hosts:
            seg.role = "host"
    return segments


def turns_from_labelled_text(text: str) -> list[Segment]:
    """Segments for a speaker-labelled text: the header before the first turn is prose; each turn runs to
    the next label (unlabelled paragraphs in between continue the turn)."""
    matches = _labels(text)
    segments: list[Segment] = []
    if matches and matches[0].start() > 0:
        segments.append(Segment(0, matches[0].start()))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        stop = end
        while stop > m.end() and text[stop - 1].isspace():
            stop -= 1
        ts = m.group("ts") or m.group("ts2")
        segments.append(
            Segment(m.end(), stop, unit="turn", speaker=display_name(m.group("name")), timestamp=ts)
        )
    return mark_hosts(text, segments)


def load_labelled_text(path: Path, max_bytes: int) -> LoadedDocument:
    text, warnings = read_text(path, max_bytes)
    return LoadedDocument(
        text=text, format="txt", kind="transcript", segments=turns_from_labelled_text(text), warnings=warnings
    )


# "[HOST] Good afternoon" or "[DANA ORTE]: ..." labels a cue too; "[Music]" and "[laughter]" are no speakers
_BRACKET_LABEL = re.compile(rf"^\[(?P<name>{_L}(?:{_L}|[ .'’-]){{0,40}})\]:?[ \t]+(?=\S)")
_SOUNDS = frozenset(
    [
        "music",
        "laughter",
        "laughs",
        "applause",
        "inaudible",
        "crosstalk",
        "silence",
        "noise",
        "cheering",
        "pause",
    ]
)


def _cue_speaker(caption: webvtt.Caption) -> tuple[str | None, str]:
    text = " ".join(caption.text.split())
    if caption.voice:
        return display_name(caption.voice), text
    m = _LABEL.match(text)
    if m and m.group("name").strip().lower() not in _NOT_SPEAKERS:
        return display_name(m.group("name")), text[m.end() :]
    m = _BRACKET_LABEL.match(text)
    if m and m.group("name").strip().lower() not in _NOT_SPEAKERS | _SOUNDS:
        return display_name(m.group("name")), text[m.end() :]
    return None, text


def _build(captions: list[webvtt.Caption], header: list[str], fmt: str) -> LoadedDocument:
    """Merge cues into turns and lay them out as text with offsets."""
    turns: list[list] = []  # [speaker, timestamp, [texts]]
    speaker: str | None = None
    for caption in captions:
        label, words = _cue_speaker(caption)
        if not words:
            continue
        if label is None and speaker is None and not turns:
            header.append(caption.text.strip())  # e.g. an event title card before anyone speaks
            continue
        if label is not None and label != speaker:
            speaker = label
            turns.append([speaker, caption.start, [words]])
        else:  # no label, or the same speaker again: the turn goes on
            turns[-1][2].append(words)
    if not turns and header and captions:
        # subtitles that never name a speaker: one turn of an unknown one, not a header with nothing after it
        turns, header = [[None, captions[0].start, header]], []
    if not turns:
        raise LoadError("no spoken cues found")
    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    if header:
        head = "\n".join(header)
        parts.append(head + "\n\n")
        segments.append(Segment(0, len(head)))
        pos = len(parts[0])
    for who, ts, words in turns:
        prefix = f"{who or 'Unknown speaker'} [{ts}]: "
        body = " ".join(words)
        segments.append(
            Segment(pos + len(prefix), pos + len(prefix) + len(body), unit="turn", speaker=who, timestamp=ts)
        )
        parts.append(prefix + body + "\n\n")
        pos += len(prefix) + len(body) + 2
    text = "".join(parts).rstrip("\n") + "\n"
    return LoadedDocument(text=text, format=fmt, kind="transcript", segments=mark_hosts(text, segments))


def _note_blocks(raw: str) -> list[str]:
    """WebVTT NOTE blocks (show, episode, recording and publication dates) become the header."""
    lines: list[str] = []
    for block in re.split(r"\n\s*\n", raw):
        if block.startswith("NOTE"):
            body = block[4:].strip()
            lines.extend(line.strip() for line in body.splitlines() if line.strip())
    return lines


def load_vtt(path: Path, max_bytes: int) -> LoadedDocument:
    raw, warnings = read_text(path, max_bytes)
    try:
        captions = list(webvtt.from_string(raw))
    except Exception as exc:  # webvtt raises MalformedFileError / MalformedCaptionError
        raise LoadError(f"malformed WebVTT: {exc}") from exc
    notes = _note_blocks(raw)
    doc = _build(captions, list(notes), "vtt")
    doc.title = notes[0] if notes else None
    doc.warnings = warnings
    return doc


def load_srt(path: Path, max_bytes: int) -> LoadedDocument:
    raw, warnings = read_text(path, max_bytes)
    try:
        captions = list(webvtt.from_buffer(io.StringIO(raw), format="srt"))
    except Exception as exc:
        raise LoadError(f"malformed SRT: {exc}") from exc
    doc = _build(captions, [], "srt")
    first = doc.text.splitlines()[0]
    doc.title = first.strip("[] ") if first.startswith("[") else None
    doc.warnings = warnings
    return doc
