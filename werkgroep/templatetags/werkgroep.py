from decimal import Decimal

from django import template

from werkgroep.constants import uren_tekst

register = template.Library()


@register.filter
def uren(waarde: Decimal | int | float | None) -> str:
    """Hours the Dutch way without trailing zeros: 7,5 and 350 (— when unknown)."""
    return uren_tekst(waarde)
