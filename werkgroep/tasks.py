"""The werkgroep reminders of the daily sweep: meetings, notulen, actiepunten, hour budgets.

Registered with `ivp.herinneringen` in `WerkgroepConfig.ready()`; each reminder goes through
`stappen.services.melding_maak`, whose unique key makes it arrive once.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from celery import shared_task
from django.db.models import Prefetch, Sum
from django.urls import reverse
from django.utils import timezone

from ivp.constants import RolSoort
from ivp.models import Gebruiker
from ivp.selectors import gebruikers_met_rol
from stappen.services import melding_maak
from werkgroep import export, selectors
from werkgroep.constants import WAARSCHUWING_PROCENT, ActiepuntStatus, uren_tekst
from werkgroep.models import Actiepunt, Agendapunt, Bijeenkomst, Urenbudget

# A meeting is announced this many days before, with its agenda.
BIJEENKOMST_DAGEN = 2
# Budget thresholds, in percent of the budget.
BUDGET_DREMPELS = (WAARSCHUWING_PROCENT, 100)


# The kinds of notice of this app, as a person chooses for them (docs/herinneringen.md).
SOORTEN = [
    ("bijeenkomst_uitnodiging", "Een uitnodiging voor een bijeenkomst, of een wijziging", False),
    ("bijeenkomst_vooraf", "Een bijeenkomst over twee dagen, met de agenda", False),
    ("notulen", "De notulen van een bijeenkomst ontbreken nog", False),
    ("actiepunt_te_laat", "Uw actiepunt is over de datum", True),
    ("urenbudget", "Een urenbudget is voor 80 % of 100 % besteed", False),
]


def _bijeenkomst_url(bijeenkomst: Bijeenkomst) -> str:
    return reverse("werkgroep:bijeenkomst", kwargs={"bijeenkomst_id": bijeenkomst.pk})


def bijeenkomst_herinneringen(vandaag: dt.date, gemeente_id: int | None = None) -> int:
    """Two days before: the members with an account get the agenda (not of a meeting called
    off)."""
    bijeenkomsten = (
        Bijeenkomst.objects.filter(
            datum__gt=vandaag,
            datum__lte=vandaag + dt.timedelta(days=BIJEENKOMST_DAGEN),
            afgezegd_op__isnull=True,  # called off: nothing to remind of
        )
        .select_related("werkgroep__plan")
        .prefetch_related(
            Prefetch("agendapunten", queryset=Agendapunt.objects.order_by("volgorde", "pk")),
            "werkgroep__leden__gebruiker",
        )
    )
    if gemeente_id is not None:
        bijeenkomsten = bijeenkomsten.filter(werkgroep__plan__gemeente_id=gemeente_id)
    nieuw = 0
    for b in bijeenkomsten:
        leden = [lid.gebruiker for lid in b.werkgroep.leden.all() if lid.gebruiker is not None]
        agenda = "\n".join(f"{i}. {p.onderwerp}" for i, p in enumerate(b.agendapunten.all(), 1))
        waar = ", ".join(deel for deel in (b.locatie, b.online_link) if deel)
        nieuw += len(
            melding_maak(
                leden,
                f"{b.titel} op {b.datum:%d-%m-%Y} om {b.begintijd:%H:%M} ({waar}).",
                _bijeenkomst_url(b),
                extra=f"Agenda:\n{agenda}" if agenda else "De agenda is nog leeg.",
                soort="bijeenkomst_vooraf",
                onderwerp=b,
                moment=f"{b.datum:%Y-%m-%d}",
                gemeente=b.werkgroep.plan.gemeente_id,
            )
        )
    return nieuw


def notulen_herinneringen(vandaag: dt.date, gemeente_id: int | None = None) -> int:
    """After the meeting, while the notulen are empty: the coordinator, once per meeting (a
    meeting called off has none to write)."""
    bijeenkomsten = Bijeenkomst.objects.filter(
        datum__lt=vandaag, notulen="", afgezegd_op__isnull=True
    ).select_related("werkgroep__plan")
    if gemeente_id is not None:
        bijeenkomsten = bijeenkomsten.filter(werkgroep__plan__gemeente_id=gemeente_id)
    nieuw = 0
    for b in bijeenkomsten:
        gemeente = b.werkgroep.plan.gemeente_id
        nieuw += len(
            melding_maak(
                list(gebruikers_met_rol(gemeente, RolSoort.COORDINATOR)),
                f"De notulen van {b.titel} van {b.datum:%d-%m-%Y} zijn nog niet ingevuld.",
                _bijeenkomst_url(b),
                soort="notulen",
                onderwerp=b,
                moment=f"{b.datum:%Y-%m-%d}",
                gemeente=gemeente,
            )
        )
    return nieuw


def actiepunt_herinneringen(vandaag: dt.date, gemeente_id: int | None = None) -> int:
    """An open actiepunt past its date: its holder, once per date."""
    punten = Actiepunt.objects.filter(
        status=ActiepuntStatus.OPEN, deadline__lt=vandaag, wie__gebruiker__isnull=False
    ).select_related("wie__gebruiker", "bijeenkomst__werkgroep__plan")
    if gemeente_id is not None:
        punten = punten.filter(bijeenkomst__werkgroep__plan__gemeente_id=gemeente_id)
    nieuw = 0
    for punt in punten:
        assert punt.wie.gebruiker is not None  # filtered above
        nieuw += len(
            melding_maak(
                [punt.wie.gebruiker],
                f"Uw actiepunt ‘{punt.wat}’ stond op {punt.deadline:%d-%m-%Y}; het is nog open.",
                _bijeenkomst_url(punt.bijeenkomst),
                soort="actiepunt_te_laat",
                onderwerp=punt,
                moment=f"{punt.deadline:%Y-%m-%d}",
                gemeente=punt.bijeenkomst.werkgroep.plan.gemeente_id,
            )
        )
    return nieuw


def budget_herinneringen(vandaag: dt.date, gemeente_id: int | None = None) -> int:
    """An hour budget passing 80 % and 100 %: the member and the coordinator."""
    budgetten = (
        Urenbudget.objects.filter(uren__gt=0)
        .annotate(besteed=Sum("lid__urenregistraties__uren"))
        .select_related("lid__gebruiker", "lid__werkgroep__plan")
    )
    if gemeente_id is not None:
        budgetten = budgetten.filter(lid__werkgroep__plan__gemeente_id=gemeente_id)
    nieuw = 0
    for budget in budgetten:
        besteed = budget.besteed or Decimal(0)
        procent = besteed * 100 / budget.uren
        gehaald = [d for d in BUDGET_DREMPELS if procent >= d]
        if not gehaald:
            continue
        drempel = max(gehaald)
        lid = budget.lid
        plan = lid.werkgroep.plan
        ontvangers = list(gebruikers_met_rol(plan.gemeente_id, RolSoort.COORDINATOR))
        if lid.gebruiker is not None:
            ontvangers.append(lid.gebruiker)
        nieuw += len(
            melding_maak(
                ontvangers,
                f"{lid} heeft {uren_tekst(besteed)} van {uren_tekst(budget.uren)} uur besteed "
                f"({drempel} % van het budget of meer).",
                reverse("werkgroep:uren", kwargs={"plan_id": plan.pk}),
                soort="urenbudget",
                onderwerp=budget,
                moment=f"{drempel}%:{budget.uren}",
                gemeente=plan.gemeente_id,
            )
        )
    return nieuw


def herinneringen(vandaag: dt.date, gemeente_id: int | None = None) -> int:
    """The finder registered with the daily sweep."""
    return sum(
        zoeker(vandaag, gemeente_id)
        for zoeker in (
            bijeenkomst_herinneringen,
            notulen_herinneringen,
            actiepunt_herinneringen,
            budget_herinneringen,
        )
    )


@shared_task(name="werkgroep.tasks.herinneringen_versturen")
def herinneringen_versturen(gemeente_id: int | None = None) -> int:
    """The werkgroep reminders alone (the beat runs all apps through ivp's sweep)."""
    return herinneringen(timezone.localdate(), gemeente_id)


def uren_xlsx_maak(gebruiker: Gebruiker, parameters: dict[str, Any]) -> bytes:
    """The hours of a plan as an Excel file, for a download made in the background (access is
    checked again here: a member who lost it gets "mislukt")."""
    return export.als_xlsx(selectors.export_rijen(gebruiker, int(parameters["plan_id"])))
