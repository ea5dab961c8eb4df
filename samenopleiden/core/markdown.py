"""Markdown as people write it in the platform (core document sections, notes, plans): one parser for the web
page and for the DOCX/PDF exports.

Raw HTML is never passed through: markdown-it runs with `html` off (a <script> stays visible text), and the
HTML it makes is cleaned once more by nh3 with a short list of allowed tags, so that a link can never carry
`javascript:`.
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
}


def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    return md.enable("table").enable("strikethrough")


def to_html(text: str) -> str:
    """Safe HTML for a page. Links open as normal links; only http(s) and mailto addresses survive."""
    html = parser().render(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}, "th": {"style"}, "td": {"style"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def word_count(text: str) -> int:
    """Words as a reader counts them: Markdown markers (#, *, |, -) are not words."""
    plain = "".join(ch if ch.isalnum() or ch in "'’-" else " " for ch in text or "")
    return sum(1 for word in plain.split() if any(ch.isalnum() for ch in word))
