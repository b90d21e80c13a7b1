#!/usr/bin/env python3
"""Generate lumora_ecosystem-update_2025-09-01.pdf (a fictional sample document).

Standard library only. Writes a minimal but valid PDF 1.4 file: one built-in
Helvetica (Type1, WinAnsiEncoding) font, one content stream per page, a proper
cross-reference table and trailer, and an /Info dictionary with /Title and
/CreationDate. Text is word-wrapped using the standard Helvetica glyph widths
so that each output line is a single Tj string (clean text extraction).

Usage: python3 scripts/make_sample_pdf.py [output.pdf]
"""

import os
import sys

PAGE_W, PAGE_H = 612, 792  # US Letter, points
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 72, 72, 72
TEXT_W = PAGE_W - 2 * MARGIN_X

# Helvetica advance widths (1/1000 em) for printable ASCII, from the standard AFM.
_HELV = {
    " ": 278,
    "!": 278,
    '"': 355,
    "#": 556,
    "$": 556,
    "%": 889,
    "&": 667,
    "'": 191,
    "(": 333,
    ")": 333,
    "*": 389,
    "+": 584,
    ",": 278,
    "-": 333,
    ".": 278,
    "/": 278,
    ":": 278,
    ";": 278,
    "<": 584,
    "=": 584,
    ">": 584,
    "?": 556,
    "@": 1015,
    "A": 667,
    "B": 667,
    "C": 722,
    "D": 722,
    "E": 667,
    "F": 611,
    "G": 778,
    "H": 722,
    "I": 278,
    "J": 500,
    "K": 667,
    "L": 556,
    "M": 833,
    "N": 722,
    "O": 778,
    "P": 667,
    "Q": 778,
    "R": 722,
    "S": 667,
    "T": 611,
    "U": 722,
    "V": 667,
    "W": 944,
    "X": 667,
    "Y": 667,
    "Z": 611,
    "[": 278,
    "\\": 278,
    "]": 278,
    "^": 469,
    "_": 556,
    "`": 333,
    "a": 556,
    "b": 556,
    "c": 500,
    "d": 556,
    "e": 556,
    "f": 278,
    "g": 556,
    "h": 556,
    "i": 222,
    "j": 222,
    "k": 500,
    "l": 222,
    "m": 833,
    "n": 556,
    "o": 556,
    "p": 556,
    "q": 556,
    "r": 333,
    "s": 500,
    "t": 278,
    "u": 556,
    "v": 500,
    "w": 722,
    "x": 500,
    "y": 500,
    "z": 500,
    "{": 334,
    "|": 260,
    "}": 334,
    "~": 584,
}
for _d in "0123456789":
    _HELV[_d] = 556


def text_width(s, size):
    return sum(_HELV.get(c, 556) for c in s) * size / 1000.0


def wrap(text, size, width=TEXT_W):
    lines, cur = [], ""
    for word in text.split():
        cand = word if not cur else cur + " " + word
        if cur and text_width(cand, size) > width:
            lines.append(cur)
            cur = word
        else:
            cur = cand
    if cur:
        lines.append(cur)
    return lines


def esc(s):
    s.encode("ascii")  # keep the PDF strings plain ASCII
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


# Document content: (style, text). "pagebreak" starts a new page.
STYLES = {
    "title": (18, 24, 6),
    "sub": (10, 14, 14),
    "h": (12, 16, 4),
    "p": (10.5, 14, 8),
    "row": (10.5, 14, 0),
}

TITLE = "Quill Ecosystem Update - 1 September 2025"
CONTENT = [
    ("title", "Quill Ecosystem Update"),
    ("sub", "Lumora Labs | Brightmoor, Aldonia | 1 September 2025"),
    ("h", "Downloads"),
    (
        "p",
        "As of 31 August 2025, Quill models had been downloaded 407.7 million times on the "
        "ModelYard model hub since Lumora Labs published Quill-1-7B on 12 March 2023. That is "
        "up from more than 215 million at the launch of the Quill-3 series on 4 March 2025.",
    ),
    (
        "p",
        "The Quill-3 series, released under the Apache 2.0 licence, accounted for about 90 percent "
        "of all Quill downloads in August 2025. Quill-3-8B remains the most downloaded Quill model, "
        "with 132.1 million downloads since launch.",
    ),
    ("h", "Derivative models"),
    (
        "p",
        "Developers had published 44,300 public derivative models built on Quill by 31 August 2025: "
        "31,400 fine-tunes and 12,900 quantizations. In March 2025 the figure was just over 19,000.",
    ),
    ("h", "Enterprise"),
    (
        "p",
        "More than 1,050 organisations now use Quill Enterprise for support, indemnity, private "
        "fine-tuning or hosted deployment. Quill Enterprise revenue figures are reported with "
        "Lumora's quarterly results.",
    ),
    ("h", "What comes next"),
    (
        "p",
        "Lumora will publish updated instruction-tuned checkpoints for Quill-3-8B and Quill-3-34B "
        "in the fourth quarter of 2025. This update does not cover future model generations. The "
        "next Quill Ecosystem Update is planned for December 2025.",
    ),
    ("pagebreak", ""),
    ("h", "Downloads by model, all-time, as of 31 August 2025"),
    ("row", "Quill-3-8B (released 4 March 2025, Apache 2.0): 132.1 million"),
    ("row", "Quill-2-7B (released 20 February 2024, Quill Community License 1.0): 82.1 million"),
    ("row", "Quill-3-34B (released 4 March 2025, Apache 2.0): 59.5 million"),
    ("row", "Quill-1-7B (released 12 March 2023, Quill Community License 1.0): 56.8 million"),
    ("row", "Quill-2-13B (released 20 February 2024, Quill Community License 1.0): 50.2 million"),
    ("row", "Quill-3-72B (released 4 March 2025, Apache 2.0): 27.0 million"),
    ("p", "Total, six public Quill models: 407.7 million."),
    ("h", "Methodology"),
    (
        "p",
        "Download counts are taken from ModelYard's public counters, which count fetches of model "
        "weight files de-duplicated per client per model per 24 hours. Mirrors outside ModelYard "
        "are not included. Derivative models are public ModelYard repositories that declare a "
        "Quill model as their base model. Figures are rounded to 0.1 million and may differ slightly "
        "from ModelYard's own monthly exports.",
    ),
]


def layout(content):
    pages, ops, y = [], [], PAGE_H - MARGIN_TOP

    def flush():
        pages.append(ops[:])
        ops.clear()

    for style, text in content:
        if style == "pagebreak":
            flush()
            y = PAGE_H - MARGIN_TOP
            continue
        size, leading, after = STYLES[style]
        if style == "h":
            y -= 6
        for line in wrap(text, size):
            if y - leading < MARGIN_BOTTOM:
                flush()
                y = PAGE_H - MARGIN_TOP
            y -= leading
            ops.append((size, MARGIN_X, y, line))
        y -= after
    if ops:
        flush()
    return pages


def content_stream(ops):
    out = ["BT"]
    cur_size = None
    for size, x, y, line in ops:
        if size != cur_size:
            out.append(f"/F1 {size:g} Tf")
            cur_size = size
        out.append(f"1 0 0 1 {x:g} {y:g} Tm")
        out.append(f"({esc(line)}) Tj")
    out.append("ET")
    return ("\n".join(out) + "\n").encode("ascii")


def build_pdf(content, title, creation_date):
    pages = layout(content)
    n = len(pages)
    # Object numbers: 1 catalog, 2 pages, 3 font, 4 info, then page/content pairs.
    page_ids = [5 + 2 * i for i in range(n)]
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: ("<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join("%d 0 R" % p for p in page_ids), n)).encode(
            "ascii"
        ),
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: (
            f"<< /Title ({esc(title)}) /Author (Lumora Labs) /Producer (make_pdf.py) "
            f"/CreationDate ({creation_date}) >>"
        ).encode("ascii"),
    }
    for i, ops in enumerate(pages):
        pid, cid = page_ids[i], page_ids[i] + 1
        objs[pid] = (
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
            "/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (PAGE_W, PAGE_H, cid)
        ).encode("ascii")
        data = content_stream(ops)
        objs[cid] = b"<< /Length %d >>\nstream\n" % len(data) + data + b"endstream"

    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    size = max(objs) + 1
    xref_pos = len(out)
    out += b"xref\n0 %d\n" % size
    out += b"0000000000 65535 f \n"
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref_pos)
    return bytes(out)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(
        here, "..", "assistant", "sample", "docs", "lumora_ecosystem-update_2025-09-01.pdf"
    )
    path = sys.argv[1] if len(sys.argv) > 1 else default
    pdf = build_pdf(CONTENT, TITLE, "D:20250901090000+02'00'")
    with open(path, "wb") as f:
        f.write(pdf)
    print(f"wrote {path} ({len(pdf)} bytes)")


if __name__ == "__main__":
    main()
