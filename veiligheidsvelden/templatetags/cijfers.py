"""`{{ meting.waarde|cijfer }}`: a figure the Dutch way (45,1 · 1.204), '—' without one."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django import template

from veiligheidsvelden.cijfers.selectors import getal

register = template.Library()


@register.filter
def cijfer(waarde: Decimal | int | None) -> str:
    """A missing meting resolves to '' in a template; it shows as a dash."""
    if isinstance(waarde, Decimal | int) and not isinstance(waarde, bool):
        return getal(Decimal(waarde))
    return "—"


@register.filter
def cijfer_waarde(meting: object) -> str:
    """`{{ meting|cijfer_waarde }}`: the value of a meting (or a dash without one)."""
    return cijfer(getattr(meting, "waarde", None))


@register.filter
def bij(mapping: Mapping[Any, Any] | None, sleutel: Any) -> Any:
    """`{{ gemeten|bij:doelstelling.pk }}`: a value of a dict, None when absent."""
    return mapping.get(sleutel) if mapping else None
