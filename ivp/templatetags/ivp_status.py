"""The status badge (Utrecht status badge, its text always shown), in one pass of Python
(issue 8): `includes/status.html` calls this tag, and the places that write one per row of a
long list (the thread blocks of the document and version pages) call it directly, where a
template include each was a good part of the page's time. Its HTML is the one the include
wrote before (`tests/stappen/test_documentpagina_snel.py` compares it with a frozen copy,
`tests/stappen/status_oud.html`)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import slugify

register = template.Library()

_VARIANT = {
    "afgerond": "success",
    "vastgesteld": "success",
    "gewijzigd_vastgesteld": "success",
    "actief": "neutral",
    "in_bespreking": "neutral",
    "kennisgenomen": "neutral",
    "ter_besluitvorming": "warning",
    "aangehouden": "warning",
    "te_laat": "danger",
    "te-laat": "danger",
    "verworpen": "danger",
}


@register.simple_tag
def status_badge(status: object, label: object) -> SafeString:
    """`{% status_badge status label %}`: what `{% include "includes/status.html" with
    status=… label=… %}` writes."""
    variant = _VARIANT.get(str(status), "inactive")
    return format_html(
        '<span class="utrecht-status-badge ivp-status ivp-status--{} '
        'utrecht-status-badge--{}">{}</span>',
        slugify(str(status)),
        variant,
        label,
    )
