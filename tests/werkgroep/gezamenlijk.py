"""Test data of joint meetings: a region of gemeenten, each with a plan, a coordinator and a
werkgroep of the coordinator (trekker) and one werkgroeplid, and a regional coordinator."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ivp.models import Gebruiker, Gemeente, Plan, Regio
from tests.ivp.factories import GebruikerFactory, GemeenteFactory, RegioFactory
from tests.stappen.factories import maak_plan
from tests.stappen.stappenplan import coordinator_van
from tests.werkgroep.factories import LidFactory
from werkgroep.gezamenlijk import services
from werkgroep.gezamenlijk.models import GezamenlijkeBijeenkomst
from werkgroep.models import Lid

NAMEN = ["Steenwijkerland", "Zwartewaterland", "Staphorst", "Kampen"]


@dataclass
class Deelnemer:
    gemeente: Gemeente
    plan: Plan
    coordinator: Gebruiker
    lid: Lid  # a werkgroeplid with an account


@dataclass
class Regiowereld:
    regio: Regio
    regisseur: Gebruiker  # the regional coordinator, no Rol in any gemeente
    deelnemers: list[Deelnemer] = field(default_factory=list)

    def __getitem__(self, naam: str) -> Deelnemer:
        return next(d for d in self.deelnemers if d.gemeente.naam == naam)

    @property
    def gemeenten(self) -> list[Gemeente]:
        return [d.gemeente for d in self.deelnemers]


def maak_regio(aantal: int = 4) -> Regiowereld:
    namen = NAMEN[:aantal] + [f"Gemeente {n}" for n in range(len(NAMEN), aantal)]
    deelnemers = []
    for naam in namen:
        gemeente = GemeenteFactory.create(naam=naam)
        plan = maak_plan(gemeente)
        coordinator = coordinator_van(gemeente)
        LidFactory.create(plan=plan, door=coordinator, trekker=True)
        lid = LidFactory.create(plan=plan, door=coordinator)
        deelnemers.append(Deelnemer(gemeente, plan, coordinator, lid))
    regio = RegioFactory.create(gemeenten=[d.gemeente for d in deelnemers])
    regisseur = GebruikerFactory.create(first_name="Marloes", last_name="de Vries")
    regio.coordinatoren.add(regisseur)
    return Regiowereld(regio=regio, regisseur=regisseur, deelnemers=deelnemers)


def plan_gezamenlijk(
    wereld: Regiowereld, gemeenten: list[Gemeente] | None = None, **kwargs: Any
) -> GezamenlijkeBijeenkomst:
    gegevens: dict[str, Any] = {
        "titel": "Gezamenlijke werkgroep: ondermijning",
        "datum": dt.date(2022, 9, 27),
        "begintijd": dt.time(14, 0),
        "eindtijd": dt.time(16, 0),
        "locatie": "Stadhuis Kampen",
        "agenda": "Regionale analyse ondermijning\nAfspraken met het RIEC",
    } | kwargs
    return services.gezamenlijk_plan(
        regio=wereld.regio,
        door=wereld.regisseur,
        gemeenten=gemeenten if gemeenten is not None else wereld.gemeenten,
        **gegevens,
    )
