"""Builders for the tests of issue 14: a previous plan adopted through step 4 with its
doelstellingen, a werkgroep and texts, and a new plan started from it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from ivp.constants import RolSoort
from ivp.models import Gebruiker, Gemeente, Plan
from stappen import services
from stappen.constants import DocumentSoort, Keuze
from stappen.models import Doelstelling
from tests.stappen.factories import PlanFactory
from tests.stappen.stappenplan import (
    VASTSTELDATUM,
    document,
    lid_van,
    plaats_alle_hoofdthemas,
    rond_af,
    schrijf,
    stap,
    start,
    stel_vast,
)
from veiligheidsvelden.constants import IndicatorBron
from veiligheidsvelden.models import Indicator, Meting
from werkgroep import services as werkgroep_services
from werkgroep.uren import services as uren_services

OUDE_INLEIDING = "Steenwijkerland wil veilig wonen, werken en recreëren."
PRIORITEITEN = ("1.1", "5.2")


def vorig_plan(
    gemeente: Gemeente, door: Gebruiker, aantal: int = 4, indicator: Indicator | None = None
) -> Plan:
    """IVP 2023–2026 with steps 1–4 closed: two priorities, `aantal` doelstellingen spread
    over them, a werkgroep of two with budgets, and a written startnotitie inleiding."""
    plan: Plan = PlanFactory.create(gemeente=gemeente)
    schrijf(document(plan, DocumentSoort.STARTNOTITIE), door, {"inleiding": OUDE_INLEIDING})
    trekker = werkgroep_services.lid_add(
        plan=plan, door=door, rol="trekker", gebruiker=door, organisatie="Gemeente"
    )
    uren_services.urenbudget_set(lid=trekker, door=door, uren=Decimal(380))
    politie = lid_van(gemeente, RolSoort.WERKGROEPLID, first_name="Pim", last_name="Politie")
    lid = werkgroep_services.lid_add(
        plan=plan, door=door, rol="lid", gebruiker=politie, organisatie="Politie"
    )
    uren_services.urenbudget_set(lid=lid, door=door, uren=Decimal(40))
    rond_af(plan, door, 2)
    start(plan, door, 3)
    plaats_alle_hoofdthemas(plan, door, PRIORITEITEN)
    services.prioritering_update(
        plan=plan,
        door=door,
        raad_bijeenkomst_op=dt.date(2022, 10, 4),
        driehoek_op=dt.date(2022, 10, 12),
    )
    stel_vast(
        document(plan, DocumentSoort.PRIORITERING), door, VASTSTELDATUM[DocumentSoort.PRIORITERING]
    )
    services.stap_close(stap=stap(plan, 3), door=door)
    start(plan, door, 4)
    prioriteiten = list(plan.plaatsingen.filter(keuze=Keuze.PRIORITEIT).order_by("thema__code"))
    for n in range(aantal):
        services.doelstelling_create(
            plaatsing=prioriteiten[n % len(prioriteiten)],
            door=door,
            tekst=f"Doel {n + 1}: minder incidenten",
            streefwaarde="40",
            streefjaar=2026,
            meetindicator=indicator if n == 0 else None,
        )
    for prioriteit in prioriteiten:
        services.prioriteit_set_aanpak(plaatsing=prioriteit, door=door, aanpak="Samen")
    rond_af(plan, door, 4)
    return plan


def start_vervolg(vorig: Plan, door: Gebruiker, **kwargs: object) -> Plan:
    gegevens: dict[str, object] = {
        "titel": "Integraal Veiligheidsplan 2027–2030",
        "traject_start": dt.date(2026, 1, 5),
        "periode_start": dt.date(2027, 1, 1),
    }
    gegevens.update(kwargs)
    return services.plan_vervolg_create(vorig_plan=vorig, door=door, **gegevens)  # type: ignore[arg-type]


def doelstellingen(vorig: Plan) -> list[Doelstelling]:
    return list(
        Doelstelling.objects.filter(plaatsing__plan=vorig).order_by(
            "plaatsing__volgorde", "plaatsing__thema__code", "pk"
        )
    )


def indicator_met(gemeente: Gemeente, waarden: dict[int, str]) -> Indicator:
    """An own indicator of the gemeente with yearly values."""
    indicator = Indicator.objects.create(
        gemeente=gemeente,
        naam="Overlastmeldingen",
        eenheid="per 1.000 inwoners",
        bron=IndicatorBron.EIGEN,
    )
    for jaar, waarde in waarden.items():
        Meting.objects.create(
            indicator=indicator,
            gebied_code=gemeente.cbs_code,
            gebied_naam=gemeente.naam,
            gemeente=gemeente,
            jaar=jaar,
            waarde=Decimal(waarde),
            bron="Eigen registratie",
            opgehaald_op=timezone.now(),
        )
    return indicator
