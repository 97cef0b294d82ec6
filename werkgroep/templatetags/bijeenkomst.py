"""The meeting page's attendance table in one pass of Python (issue 8): 80 rows through the
template language were a good part of what the page's template cost at 50×. The HTML is what
the loop in `bijeenkomst.html` wrote (`tests/werkgroep/test_bijeenkomst_formulieren.py`
compares the page with a frozen copy of the old template)."""

from __future__ import annotations

from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def presentie_rijen(regels: list[tuple[str, str]]) -> SafeString:
    """Per member a row: their name, their recorded attendance (or that none is)."""
    return mark_safe(
        "\n".join(
            '<tr class="utrecht-table__row">'
            f'<th class="utrecht-table__header-cell" scope="row">{escape(naam)}</th>'
            f'<td class="utrecht-table__cell">{escape(status) if status else "Nog niet vastgelegd"}'
            "</td></tr>"
            for naam, status in regels
        )
    )
