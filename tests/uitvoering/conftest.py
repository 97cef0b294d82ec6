"""Fixtures of the uitvoering tests: a plan in its first year (2023), a priority with a
doelstelling, its uitvoeringsplan, and a werkgroeplid who is trekker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ivp.models import Gebruiker, Plan, Regio
from regio.constants import OvernameKeuze
from regio.models import Regiodeel, Regiodoelstelling
from stappen.models import Doelstelling
from tests.ivp.factories import GebruikerFactory, GemeenteFactory, RegioFactory
from tests.regio.factories import OvernameFactory, RegiodeelFactory, RegiodeelversieFactory
from tests.stappen.factories import DoelstellingFactory, PlaatsingFactory, maak_plan
from tests.stappen.stappenplan import coordinator_van
from tests.werkgroep.factories import LidFactory
from uitvoering import services
from uitvoering.models import Uitvoeringsplan
from werkgroep.models import Lid

# Halfway the plan's first year: the second quarter has begun, the third not yet.
VANDAAG = dt.datetime(2023, 5, 15, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture
def vandaag() -> Iterator[dt.date]:
    with time_machine.travel(VANDAAG, tick=False):
        yield VANDAAG.date()


@pytest.fixture
def doelstelling(plan: Plan, coordinator: Gebruiker) -> Doelstelling:
    plaatsing = PlaatsingFactory.create(plan=plan, door=coordinator)
    doel: Doelstelling = DoelstellingFactory.create(plaatsing=plaatsing, door=coordinator)
    return doel


@pytest.fixture
def up(plan: Plan, coordinator: Gebruiker, doelstelling: Doelstelling) -> Uitvoeringsplan:
    return services.uitvoeringsplan_maak(plan=plan, jaar=2023, door=coordinator)


@pytest.fixture
def trekker(plan: Plan, coordinator: Gebruiker, werkgroeplid: Gebruiker) -> Lid:
    lid: Lid = LidFactory.create(plan=plan, door=coordinator, gebruiker=werkgroeplid)
    return lid


# --- A region of three (docs/uitvoering.md, "Regionale activiteiten") -------------------------
# The plan's gemeente and two neighbours with a plan of the same years; a shared priority
# (ondermijning) with one doelstelling, taken by the plan and by the second neighbour,
# declined by the third; the regional coordinator holds no role in any of them.


@dataclass
class Regiowereld:
    regio: Regio
    regisseur: Gebruiker
    deel: Regiodeel
    doel: Regiodoelstelling
    buur: Plan  # took the shared priority
    buur_up: Uitvoeringsplan
    buur_coordinator: Gebruiker
    weigeraar: Plan  # declined it
    weigeraar_up: Uitvoeringsplan


@pytest.fixture
def regiowereld(plan: Plan, coordinator: Gebruiker, up: Uitvoeringsplan) -> Regiowereld:
    buur_gemeente = GemeenteFactory.create(naam="Zwartewaterland", cbs_code="GM1896")
    weigeraar_gemeente = GemeenteFactory.create(naam="Staphorst", cbs_code="GM0180")
    regio = RegioFactory.create(
        naam="Kop van Overijssel", gemeenten=[plan.gemeente, buur_gemeente, weigeraar_gemeente]
    )
    regisseur = GebruikerFactory.create(username="regio", first_name="Marloes")
    regio.coordinatoren.add(regisseur)
    deel = RegiodeelFactory.create(regio=regio, titel="Ondermijning")
    versie = RegiodeelversieFactory.create(deel=deel, gemaakt_door=regisseur)
    doel = Regiodoelstelling.objects.create(deel=deel, tekst="Meer signalen van ondermijning")
    buur_coordinator = coordinator_van(buur_gemeente)
    buur = maak_plan(buur_gemeente)
    weigeraar = maak_plan(weigeraar_gemeente)
    for p, keuze in (
        (plan, OvernameKeuze.OVERGENOMEN),
        (buur, OvernameKeuze.OVERGENOMEN),
        (weigeraar, OvernameKeuze.NIET_OVERGENOMEN),
    ):
        OvernameFactory.create(
            versie=versie,
            plan=p,
            keuze=keuze,
            motivatie="Geen ondermijningsopgave van betekenis." if keuze != "overgenomen" else "",
            besloten_door=regisseur,
        )
    return Regiowereld(
        regio=regio,
        regisseur=regisseur,
        deel=deel,
        doel=doel,
        buur=buur,
        buur_up=services.uitvoeringsplan_maak(plan=buur, jaar=2023, door=buur_coordinator),
        buur_coordinator=buur_coordinator,
        weigeraar=weigeraar,
        weigeraar_up=services.uitvoeringsplan_maak(
            plan=weigeraar, jaar=2023, door=coordinator_van(weigeraar_gemeente)
        ),
    )
