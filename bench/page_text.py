"""HTML → the visible page text an editor would copy: one paragraph per block element.

Used by ``bench/kinds_corpus.py`` (see its docstring for how a page becomes raw.txt): which
elements a reader never sees, which start a new paragraph, and which page region (menu, footer,
comments, related articles…) each paragraph sits in, from its ancestors' tags, classes and ids.
Works on an lxml HTML tree (the ``bench`` extra).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Elements whose content a reader never sees as page text.
_INVISIBLE = frozenset(
    {
        "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
        "embed", "canvas", "video", "audio", "select", "option", "datalist", "input",
        "textarea", "map", "title", "meta", "link",
    }
)  # fmt: skip
_HIDDEN_CLASSES = frozenset(
    {"hidden", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "d-none"}
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# One paragraph each (a browser starts a new line before and after them).
_BLOCKS = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "tr", "blockquote",
        "figcaption", "pre", "div", "section", "article", "header", "footer", "nav", "aside",
        "main", "form", "table", "thead", "tbody", "tfoot", "ul", "ol", "dl", "figure",
        "address", "details", "summary", "fieldset", "legend", "caption", "hr", "body", "html",
        "center", "menu", "dialog", "hgroup", "noframes", "frameset", "frame",
    }
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
# Page regions, first match wins: (name, exact class/id words, word prefixes).
_REGIONS: tuple[tuple[str, frozenset[str], tuple[str, ...]], ...] = (
    ("comments", frozenset({"respond", "replies", "discussion"}),
     ("comment", "kommentar", "disqus", "leserbrief")),
    ("share", frozenset({"sharing", "follow"}), ("share", "social", "teilen")),
    ("related", frozenset({"latest", "weitere", "similar", "aehnlich"}),
     ("related", "teaser", "recommend", "popular", "mostread", "trending", "outbrain", "taboola")),
    ("ad", frozenset({"ad", "ads", "anzeige", "werbung", "dfp", "adsense"}),
     ("advert", "sponsor", "adslot", "adunit", "adcontainer")),
    ("consent", frozenset({"gdpr", "paywall", "subscribe", "login", "signup", "register", "abo"}),
     ("cookie", "consent", "newsletter")),
    ("navigation", frozenset({"nav", "menu", "pagination", "pager", "toc"}),
     ("navigation", "navbar", "breadcrumb", "menu", "mainnav")),
    ("footer", frozenset({"foot", "bottom", "colophon", "imprint", "impressum"}), ("footer",)),
    ("sidebar", frozenset({"aside"}), ("sidebar",)),  # Not "widget", "rail": layout words.
    ("header", frozenset({"masthead", "topbar"}), ("siteheader", "site-header")),
)  # fmt: skip
_REGION_TAGS = {"nav": "navigation", "footer": "footer", "aside": "sidebar", "form": "form"}
_REGION_SKIP = frozenset({"html", "body", "main", "article"})
_TAXONOMY = ("tag-", "category-", "postid-", "page-id-", "post-template", "format-")
_WORD = re.compile(r"[a-z0-9]+")
_NOT_REGION = frozenset({"commentary", "commentaries", "advertorial"})  # Article types.
_BR = "\x00"
_PARAGRAPH_BREAK = re.compile(rf"\s*{_BR}\s*{_BR}[\s{_BR}]*")
_INVISIBLE_CHARS = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\xad"))

# Words glued at a case change ("KlimaschutzBohren"): split when reading class and id names.
GLUED = re.compile(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ])")


@dataclass
class _Collector:
    paragraphs: list[tuple[str, str, str]] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    blocks: list[str] = field(default_factory=lambda: ["body"])
    regions: list[str] = field(default_factory=lambda: [""])

    def add(self, text: str | None) -> None:
        if text:
            self.parts.append(text)

    def flush(self) -> None:
        if not self.parts:
            return
        text = "".join(self.parts).translate(_INVISIBLE_CHARS)
        self.parts = []
        for piece in _PARAGRAPH_BREAK.split(text):
            clean = " ".join(piece.replace(_BR, " ").split())
            if clean:
                self.paragraphs.append((clean, self.blocks[-1], self.regions[-1]))


def region_of(element: Any, tag: str) -> str:
    """The kind of page region an element opens, from its tag and its class and id words, or ''.

    Not a label: a hint the benchmark groups its figures by (what do the kinds call paragraphs
    inside comment sections, share bars, related-article lists…). html/body/main/article carry
    page-wide classes (WordPress's ``comments-open``), so they open none.
    """
    if tag in _REGION_SKIP:
        return ""
    names = " ".join(
        name
        for name in f"{element.get('class', '')} {element.get('id', '')}".split()
        if not name.lower().startswith(_TAXONOMY)
    )
    words = [w for w in _WORD.findall(GLUED.sub(" ", names).lower()) if w not in _NOT_REGION]
    for region, exact, prefixes in _REGIONS:
        if any(word in exact or word.startswith(prefixes) for word in words):
            return region
    return _REGION_TAGS.get(tag, "")


def _hidden(element: Any) -> bool:
    attrs = element.attrib
    if "hidden" in attrs or attrs.get("aria-hidden", "").strip().lower() == "true":
        return True
    if _HIDDEN_STYLE.search(attrs.get("style", "")):
        return True
    return bool(_HIDDEN_CLASSES.intersection(attrs.get("class", "").lower().split()))


def _has_block(element: Any) -> bool:
    return any(
        isinstance(sub.tag, str) and sub.tag.lower() in _BLOCKS for sub in element.iterdescendants()
    )


def _walk(element: Any, out: _Collector) -> None:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if not tag or tag in _INVISIBLE or _hidden(element):
        out.add(element.tail)  # Comments, processing instructions, hidden elements: tail only.
        return
    if tag == "br":
        out.add(_BR)
        out.add(element.tail)
        return
    block = tag in _BLOCKS or (tag in _CELLS and _has_block(element))
    if block:
        out.flush()
        out.blocks.append(tag)
    elif tag in _CELLS:
        out.add(" ")
    region = region_of(element, tag)
    if region:
        out.regions.append(region)
    out.add(element.text)
    for child in element:
        _walk(child, out)
    if block:
        out.flush()
        out.blocks.pop()
    elif tag in _CELLS:
        out.add(" ")
    if region:
        out.regions.pop()
    out.add(element.tail)


def visible_paragraphs(tree: Any) -> list[tuple[str, str, str]]:
    """(text, block tag, region) of each visible paragraph of an lxml HTML tree, in order."""
    out = _Collector()
    body = tree.find(".//body")
    _walk(body if body is not None else tree, out)
    out.flush()
    return out.paragraphs


def page_language(tree: Any) -> str:
    """Primary subtag of the page's declared language, or ''."""
    root = tree.getroottree().getroot()
    values = [root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang")]
    values += root.xpath("//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')"
                         "='content-language']/@content")  # fmt: skip
    for value in values:
        match = re.match(r"\s*([A-Za-z]{2,3})\b", value or "")
        if match:
            return match.group(1).lower()
    return ""
