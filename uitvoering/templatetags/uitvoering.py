"""Template filters of the uitvoering pages: amounts in euros, an activity's result and its
latest progress."""

from __future__ import annotations

from decimal import Decimal

from django import template

from uitvoering.constants import bedrag
from uitvoering.models import Activiteit, Voortgang
from uitvoering.selectors import laatste_voortgang
from uitvoering.teksten import resultaat_tekst

register = template.Library()


@register.filter
def euro(waarde: Decimal | None) -> str:
    return bedrag(waarde)


@register.filter
def resultaat(activiteit: Activiteit) -> str:
    return resultaat_tekst(activiteit)


@register.filter
def laatste(activiteit: Activiteit) -> Voortgang | None:
    return laatste_voortgang(activiteit)


@register.filter
def kwartaal(per_kwartaal: dict[int, Voortgang], k: int) -> Voortgang | None:
    return per_kwartaal.get(k)
