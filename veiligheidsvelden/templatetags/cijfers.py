"""`{{ meting.waarde|cijfer }}`: a figure the Dutch way (45,1 · 1.204), '—' without one."""

from __future__ import annotations

from decimal import Decimal

from django import template

from veiligheidsvelden.cijfers.selectors import getal

register = template.Library()


@register.filter
def cijfer(waarde: Decimal | int | None) -> str:
    """A missing meting resolves to '' in a template; it shows as a dash."""
    if isinstance(waarde, Decimal | int) and not isinstance(waarde, bool):
        return getal(Decimal(waarde))
    return "—"
