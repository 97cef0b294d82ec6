"""The quarter-end reminders of the daily sweep: each trekker (a werkgroeplid with an
account) of an activity that is not gereed or vervallen is asked to record the quarter's
progress, from a week before the quarter ends until a month after, once per quarter
(the outbox's unique key: kind, uitvoeringsplan, quarter, recipient).

Registered with `ivp.herinneringen` in `UitvoeringConfig.ready()`."""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.urls import reverse
from django.utils import timezone

from ivp.models import Gebruiker
from stappen.services import melding_maak
from uitvoering.constants import AFGESLOTEN, kwartaal_eind
from uitvoering.models import Activiteit, Uitvoeringsplan

# From this many days before a quarter's end until this many after it.
DAGEN_VOOR, DAGEN_NA = 7, 30

SOORTEN = [
    (
        "voortgang_kwartaal",
        "Het kwartaal eindigt: leg de voortgang van uw activiteiten vast",
        False,
    ),
]


def _kwartaal_rond(vandaag: dt.date) -> tuple[int, int] | None:
    """The (year, quarter) whose end is near or just past, if any."""
    for jaar in (vandaag.year, vandaag.year - 1):
        for kwartaal in (4, 3, 2, 1):
            eind = kwartaal_eind(jaar, kwartaal)
            if (
                eind - dt.timedelta(days=DAGEN_VOOR)
                <= vandaag
                <= eind + dt.timedelta(days=DAGEN_NA)
            ):
                return jaar, kwartaal
    return None


def voortgang_herinneringen(vandaag: dt.date, gemeente_id: int | None = None) -> int:
    rond = _kwartaal_rond(vandaag)
    if rond is None:
        return 0
    jaar, kwartaal = rond
    activiteiten = (
        Activiteit.objects.filter(uitvoeringsplan__jaar=jaar, trekker__gebruiker__isnull=False)
        .exclude(status__in=AFGESLOTEN)
        .exclude(voortgang__kwartaal=kwartaal)
        .select_related("trekker__gebruiker", "uitvoeringsplan__plan")
        .order_by("uitvoeringsplan_id", "pk")
    )
    if gemeente_id is not None:
        activiteiten = activiteiten.filter(uitvoeringsplan__plan__gemeente_id=gemeente_id)
    per_trekker: dict[tuple[int, int], tuple[Uitvoeringsplan, Gebruiker, list[str]]] = {}
    for a in activiteiten:
        gebruiker = a.trekker.gebruiker if a.trekker else None
        up = a.uitvoeringsplan
        if gebruiker is None or not gebruiker.is_active or up is None:
            continue
        per_trekker.setdefault((up.pk, gebruiker.pk), (up, gebruiker, []))[2].append(a.titel)
    nieuw = 0
    for up, gebruiker, titels in per_trekker.values():
        nieuw += len(
            melding_maak(
                [gebruiker],
                f"Kwartaal K{kwartaal} {jaar} loopt af: leg de voortgang vast van "
                f"{len(titels)} {'activiteiten' if len(titels) > 1 else 'activiteit'} waarvan "
                "u trekker bent.",
                reverse("uitvoering:voortgang", kwargs={"uitvoeringsplan_id": up.pk}),
                extra="\n".join(f"- {t}" for t in titels),
                soort="voortgang_kwartaal",
                onderwerp=up,
                moment=f"{jaar}-K{kwartaal}",
                gemeente=up.plan.gemeente_id,
            )
        )
    return nieuw


def herinneringen(vandaag: dt.date, gemeente_id: int | None = None) -> int:
    """The finder registered with the daily sweep."""
    return voortgang_herinneringen(vandaag, gemeente_id)


@shared_task(name="uitvoering.tasks.herinneringen_versturen")
def herinneringen_versturen(gemeente_id: int | None = None) -> int:
    return herinneringen(timezone.localdate(), gemeente_id)
