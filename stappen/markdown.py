"""Markdown to safe HTML: Markdown renders, then nh3 (ammonia) keeps only an allow-list of
tags and attributes, links only to http(s) and mailto, and drops every script, style and
event handler. Text is stored as typed and sanitised on every render."""

from __future__ import annotations

import re
from functools import lru_cache

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


_KOP = re.compile(r"<(/?)h([1-6])>")


# Texts kept rendered per process: a chapter of 1,500 words is ~10 kB of Markdown and ~12 kB
# of HTML, so at most ~10 MB a worker; a document page renders about ten.
CACHE_GROOTTE = 512


def naar_html(tekst: str, basis: int = 3) -> SafeString:
    """Render Markdown `tekst` to sanitised HTML. The text stands under a chapter heading
    (h2), so its own headings keep their levels but start at `basis` (h3): `##` and `###`
    become h3 and h4, never h5 under h2; whichever level the text starts with becomes h3."""
    return mark_safe(_gerenderd(tekst or "", int(basis)))


@lru_cache(maxsize=CACHE_GROOTTE)
def _gerenderd(tekst: str, basis: int) -> str:
    html = _markdown.markdown(tekst, extensions=["tables", "sane_lists"])
    niveaus = [int(n) for _, n in _KOP.findall(html)]
    if niveaus:
        verschuiving = basis - min(niveaus)
        html = _KOP.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + verschuiving, 6)}>", html)
    schoon = nh3.clean(
        html,
        tags=TOEGESTANE_TAGS,
        attributes=TOEGESTANE_ATTRIBUTEN,
        url_schemes=TOEGESTANE_SCHEMAS,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    # A wide table scrolls inside its own box on a phone, never the page (WCAG 1.4.10); the
    # box is added after cleaning, so a text cannot bring its own.
    schoon = schoon.replace(
        "<table>",
        '<div class="utrecht-table-container" role="region" aria-label="Tabel" tabindex="0">'
        "<table>",
    ).replace("</table>", "</table></div>")
    return schoon
