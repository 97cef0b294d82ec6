"""The stappen reminders of the daily sweep: step deadlines, stukken deadlines (the day the
stukken for the college must be ready, counted back from the raad meeting) and review rounds;
and the nightly refresh of the gemeenten's meeting calendar feeds.

Registered with `ivp.herinneringen` in `StappenConfig.ready()`; each reminder goes through
`services.melding_maak`, whose unique key makes it arrive once however often the sweep runs.
"""

from __future__ import annotations

import datetime as dt
import logging

from celery import shared_task
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from ivp.constants import RolSoort
from ivp.models import Gemeente
from ivp.selectors import gebruikers_met_rol
from ivp.werkdagen import werkdagen_tot
from stappen.constants import DocumentStatus, StapStatus
from stappen.models import Bespreking, Raadsplanning, Stap, Vergadertermijnen
from stappen.selectors import nog_niet_gereageerd
from stappen.services.kalender import feed_ververs
from stappen.services.meldingen import melding_maak
from stappen.services.stukken import weergave_renderen

logger = logging.getLogger(__name__)

# A step's deadline is announced 14, 7 and 1 werkdagen before (only the nearest that is
# reached, so a deadline set 3 werkdagen ahead gets the 1- and 7-day notices, not the 14).
DEADLINE_WERKDAGEN = (14, 7, 1)
# A review round: 2 days before it closes, and on its last day.
BESPREKING_DAGEN = 2


# The kinds of notice of this app, as a person chooses for them (docs/herinneringen.md).
SOORTEN = [
    ("bespreking", "Een document ligt ter bespreking", False),
    ("noeming", "U wordt genoemd in een opmerking", False),
    ("reactie", "Een reactie op uw opmerking", False),
    ("hoofdstuk_auteur", "U schrijft mee aan een hoofdstuk", False),
    ("analyse_auteur", "U schrijft mee aan de analyse van een veld", False),
    ("bespreking_sluit", "Een bespreking sluit bijna en u reageerde nog niet", False),
    ("stap_deadline", "De deadline van een stap nadert", False),
    ("stap_te_laat", "De deadline van een stap is verstreken", True),
    ("stukken_deadline", "De stukken voor college en raad moeten bijna klaar zijn", False),
    ("stukken_te_laat", "De stukken voor college en raad zijn te laat", True),
]


def _deadline_drempel(vandaag: dt.date, deadline: dt.date) -> int | None:
    """0 when overdue, else the nearest of 14, 7, 1 werkdagen reached (None: not yet)."""
    if deadline < vandaag:
        return 0
    over = werkdagen_tot(vandaag, deadline)
    gehaald = [n for n in DEADLINE_WERKDAGEN if over <= n]
    return min(gehaald) if gehaald else None


def stap_herinneringen(vandaag: dt.date, gemeente_id: int | None = None) -> int:
    stappen = Stap.objects.exclude(status=StapStatus.AFGEROND).select_related("plan")
    if gemeente_id is not None:
        stappen = stappen.filter(plan__gemeente_id=gemeente_id)
    nieuw = 0
    for stap in stappen:
        drempel = _deadline_drempel(vandaag, stap.gepland_eind)
        if drempel is None:
            continue
        gemeente = stap.plan.gemeente_id
        soort = "stap_deadline"
        if drempel == 0:
            soort, moment = "stap_te_laat", "te-laat"
            ontvangers = gebruikers_met_rol(gemeente, RolSoort.COORDINATOR, RolSoort.BESTUURDER)
            tekst = (
                f"De deadline van {stap} van {stap.plan.titel} was "
                f"{stap.gepland_eind:%d-%m-%Y}; de stap is nog niet afgerond."
            )
        else:
            moment = f"{drempel}-werkdagen"
            ontvangers = gebruikers_met_rol(gemeente, RolSoort.COORDINATOR)
            over = werkdagen_tot(vandaag, stap.gepland_eind)
            wanneer = f"over {over} werkdag{'' if over == 1 else 'en'}" if over else "vandaag"
            tekst = (
                f"De deadline van {stap} van {stap.plan.titel} is "
                f"{stap.gepland_eind:%d-%m-%Y}, {wanneer}."
            )
        nieuw += len(
            melding_maak(
                ontvangers,
                tekst,
                reverse("stappen:plan", kwargs={"plan_id": stap.plan_id}),
                soort=soort,
                onderwerp=stap,
                moment=f"{stap.gepland_eind:%Y-%m-%d}:{moment}",
                gemeente=gemeente,
            )
        )
    return nieuw


def stukken_herinneringen(vandaag: dt.date, gemeente_id: int | None = None) -> int:
    """The day the stukken must be ready for the college, for a step whose raad meeting is
    chosen and whose document is not yet offered: 14, 7, 1 werkdagen before, and overdue."""
    planningen = Raadsplanning.objects.exclude(stap__status=StapStatus.AFGEROND).select_related(
        "stap__plan", "collegevergadering", "raadsvergadering"
    )
    if gemeente_id is not None:
        planningen = planningen.filter(stap__plan__gemeente_id=gemeente_id)
    nieuw = 0
    for planning in planningen:
        stap = planning.stap
        klaar = stap.documenten.exclude(
            status__in=[DocumentStatus.CONCEPT, DocumentStatus.IN_BESPREKING]
        ).exists()
        drempel = None if klaar else _deadline_drempel(vandaag, planning.stukken_datum)
        if drempel is None:
            continue
        gemeente = stap.plan.gemeente_id
        voor = f"de {planning.collegevergadering} (raad {planning.raadsvergadering.datum:%d-%m-%Y})"
        if drempel == 0:
            soort, moment = "stukken_te_laat", "te-laat"
            ontvangers = gebruikers_met_rol(gemeente, RolSoort.COORDINATOR, RolSoort.BESTUURDER)
            tekst = (
                f"De stukken van {stap} van {stap.plan.titel} moesten op "
                f"{planning.stukken_datum:%d-%m-%Y} klaar zijn voor {voor}."
            )
        else:
            moment = f"{drempel}-werkdagen"
            ontvangers = gebruikers_met_rol(gemeente, RolSoort.COORDINATOR)
            over = werkdagen_tot(vandaag, planning.stukken_datum)
            wanneer = f"over {over} werkdag{'' if over == 1 else 'en'}" if over else "vandaag"
            soort = "stukken_deadline"
            tekst = (
                f"De stukken van {stap} van {stap.plan.titel} moeten op "
                f"{planning.stukken_datum:%d-%m-%Y} klaar zijn voor {voor}, {wanneer}."
            )
        nieuw += len(
            melding_maak(
                ontvangers,
                tekst,
                reverse("stappen:plan", kwargs={"plan_id": stap.plan_id})
                + "#bestuurlijke-planning",
                soort=soort,
                onderwerp=planning,
                moment=f"{planning.stukken_datum:%Y-%m-%d}:{moment}",
                gemeente=gemeente,
            )
        )
    return nieuw


def bespreking_herinneringen(vandaag: dt.date, gemeente_id: int | None = None) -> int:
    rondes = Bespreking.objects.filter(
        gesloten_op__isnull=True,
        sluit_op__gte=vandaag,
        sluit_op__lte=vandaag + dt.timedelta(days=BESPREKING_DAGEN),
    ).select_related("document__plan", "versie")
    if gemeente_id is not None:
        rondes = rondes.filter(document__plan__gemeente_id=gemeente_id)
    nieuw = 0
    for ronde in rondes:
        document = ronde.document
        gemeente = document.plan.gemeente_id
        laatste_dag = ronde.sluit_op == vandaag
        wanneer = "vandaag" if laatste_dag else f"op {ronde.sluit_op:%d-%m-%Y}"
        leden = nog_niet_gereageerd(
            ronde, list(gebruikers_met_rol(gemeente, RolSoort.WERKGROEPLID))
        )
        nieuw += len(
            melding_maak(
                leden,
                f"De bespreking van versie {ronde.versie.nummer} van {document.titel} sluit "
                f"{wanneer}; u heeft nog niet gereageerd.",
                reverse("stappen:document", kwargs={"document_id": document.pk}),
                soort="bespreking_sluit",
                onderwerp=ronde,
                moment=f"{ronde.sluit_op:%Y-%m-%d}:{'laatste-dag' if laatste_dag else '2-dagen'}",
                gemeente=gemeente,
            )
        )
    return nieuw


def herinneringen(vandaag: dt.date, gemeente_id: int | None = None) -> int:
    """The finder registered with the daily sweep."""
    return (
        stap_herinneringen(vandaag, gemeente_id)
        + stukken_herinneringen(vandaag, gemeente_id)
        + bespreking_herinneringen(vandaag, gemeente_id)
    )


@shared_task(name="stappen.tasks.herinneringen_versturen")
def herinneringen_versturen(gemeente_id: int | None = None) -> int:
    """The stappen reminders alone (the beat runs all apps through ivp's sweep)."""
    return herinneringen(timezone.localdate(), gemeente_id)


@shared_task(name="stappen.tasks.pdf_renderen")
def pdf_renderen(weergave_id: int, alleen_wachtrij: bool = False) -> str | None:
    """Render one queued PDF (docs/pdf.md); idempotent. Returns its state. `alleen_wachtrij`:
    the hourly sweep's message, which leaves one already being rendered alone."""
    weergave = weergave_renderen(weergave_id, alleen_wachtrij=alleen_wachtrij)
    return weergave.status if weergave is not None else None


@shared_task(name="stappen.tasks.vergaderfeeds_verversen")
def vergaderfeeds_verversen() -> int:
    """Nightly (beat): one task per gemeente with a feed address."""
    ids = list(Vergadertermijnen.objects.exclude(feed_url="").values_list("gemeente_id", flat=True))
    for gemeente_id in ids:
        vergaderfeed_verversen.delay(gemeente_id)
    return len(ids)


@shared_task(name="stappen.tasks.vergaderfeed_verversen")
def vergaderfeed_verversen(gemeente_id: int) -> bool:
    """Fetch one gemeente's feed and import it; a feed that does not answer is recorded on the
    gemeente (its coordinator sees it on the calendar page) and the calendar stays as it was."""
    gemeente = Gemeente.objects.filter(pk=gemeente_id).first()
    if gemeente is None:
        return False
    try:
        resultaat = feed_ververs(gemeente=gemeente)
    except ValidationError as fout:
        logger.warning("vergaderfeed van %s: %s", gemeente, " ".join(fout.messages))
        return False
    logger.info("vergaderfeed van %s: %s", gemeente, resultaat.samenvatting())
    return True
