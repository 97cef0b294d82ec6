"""Markdown to safe HTML: Markdown renders, then nh3 (ammonia) keeps only an allow-list of
tags and attributes, links only to http(s) and mailto, and drops every script, style and
event handler. Text is stored as typed and sanitised on every render."""

from __future__ import annotations

import markdown as _markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

TOEGESTANE_TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "blockquote", "code", "pre",
    "ul", "ol", "li", "h3", "h4", "h5", "h6", "a", "table", "thead", "tbody", "tr",
    "th", "td", "abbr", "sup", "sub",
}  # fmt: skip
TOEGESTANE_ATTRIBUTEN = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
TOEGESTANE_SCHEMAS = {"http", "https", "mailto"}


def naar_html(tekst: str) -> SafeString:
    """Render Markdown `tekst` to sanitised HTML. Headings start at h3 (the page has h1, h2)."""
    html = _markdown.markdown(tekst or "", extensions=["tables", "sane_lists"])
    for niveau in (4, 3, 2, 1):  # "# Kop" in a chapter is a sub-heading of the chapter
        html = html.replace(f"<h{niveau}>", f"<h{niveau + 2}>").replace(
            f"</h{niveau}>", f"</h{niveau + 2}>"
        )
    schoon = nh3.clean(
        html,
        tags=TOEGESTANE_TAGS,
        attributes=TOEGESTANE_ATTRIBUTEN,
        url_schemes=TOEGESTANE_SCHEMAS,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return mark_safe(schoon)
