"""HTML: the main text and title, without scripts, navigation, cookie banners and other boilerplate."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from assistant.errors import LoadError
from ingest.metadata import parse_date
from ingest.textio import read_text
from ingest.types import LoadedDocument

_DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
    "dialog",
]
_BOILERPLATE = re.compile(
    r"cookie|consent|banner|subscribe|newsletter|share|social|breadcrumb|sidebar|advert|"
    r"promo|related|skip-link|menu",
    re.I,
)
_BLOCKS = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "tr",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "header",
    "footer",
    "address",
    "hr",
]
_DATE_META = [
    ("name", "date"),
    ("name", "dc.date"),
    ("name", "dcterms.date"),
    ("property", "article:published_time"),
    ("name", "pubdate"),
    ("name", "publish-date"),
    ("itemprop", "datePublished"),
    ("name", "publication_date"),
]


def _meta(soup: BeautifulSoup, attr: str, value: str) -> str | None:
    tag = soup.find("meta", attrs={attr: re.compile(f"^{re.escape(value)}$", re.I)})
    content = tag.get("content") if isinstance(tag, Tag) else None
    return content.strip() if isinstance(content, str) and content.strip() else None


def _publication_date(soup: BeautifulSoup, root: Tag) -> str | None:
    for attr, value in _DATE_META:
        content = _meta(soup, attr, value)
        if content and (iso := parse_date(content)):
            return iso
    time_tag = root.find("time", attrs={"datetime": True})
    if isinstance(time_tag, Tag):
        return parse_date(str(time_tag["datetime"]))
    return None


# "<aside class="correction">": a correction, clarification or editor's note, which puts the article right
_CORRECTION = re.compile(r"correction|clarification|erratum|errata|editor", re.I)


def _is_correction(tag: Tag) -> bool:
    names = " ".join([*(tag.get("class") or []), str(tag.get("id") or "")])
    return bool(_CORRECTION.search(names))


def _is_boilerplate(tag: Tag) -> bool:
    names = " ".join([*(tag.get("class") or []), str(tag.get("id") or ""), str(tag.get("role") or "")])
    return bool(names.strip()) and bool(_BOILERPLATE.search(names))


def _text(root: Tag) -> str:
    for br in root.find_all("br"):
        br.replace_with("\n")
    for cell in root.find_all(["td", "th"]):
        cell.insert_after(" | ")
    for block in root.find_all(_BLOCKS):
        block.insert_before("\n\n")
        block.insert_after("\n\n")
    paragraphs = []
    for para in re.split(r"\n[ \t\r\f\v]*\n", root.get_text()):
        lines = [" ".join(line.split()).strip(" |") for line in para.split("\n")]
        para = "\n".join(line for line in lines if line)
        if para:
            paragraphs.append(para)
    return "\n\n".join(paragraphs) + "\n"


def load_html(path: Path, max_bytes: int) -> LoadedDocument:
    raw, warnings = read_text(path, max_bytes)
    soup = BeautifulSoup(raw, "html.parser")
    title_tag = soup.find("title")
    page_title = title_tag.get_text(" ", strip=True) if title_tag else None
    for tag in soup.find_all(_DROP_TAGS):
        if tag.name == "aside" and _is_correction(tag):
            continue  # a correction notice set aside is the article's own word on what it got wrong
        tag.decompose()
    for tag in soup.find_all(True):
        if (
            not tag.decomposed
            and tag.name not in ("html", "body", "main", "article")
            and _is_boilerplate(tag)
        ):
            tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    for tag in root.find_all(["header", "footer"]):
        # Inside an article a header holds the headline and byline; a page-level one is site chrome.
        if not tag.find_parent("article"):
            tag.decompose()
    h1 = root.find("h1")
    title = (
        _meta(soup, "property", "og:title") or (h1.get_text(" ", strip=True) if h1 else None) or page_title
    )
    date = _publication_date(soup, root)
    text = _text(root)
    if not text.strip():
        raise LoadError("HTML page has no readable text")
    return LoadedDocument(text, "html", title=title, date=date, warnings=warnings)
