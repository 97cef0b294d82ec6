"""Helpers of the shared-parts tests (delen): a region with member gemeenten, each with its
plan and coordinator OOV, and its regional coordinator."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ivp.models import Gebruiker, Gemeente, Plan, Regio
from regio import services
from regio.constants import DeelSoort
from regio.models import Regiodeel, Regiodeelversie
from tests.ivp.factories import GebruikerFactory, GemeenteFactory, RegioFactory
from tests.stappen.factories import PlanFactory, hoofdthema
from tests.stappen.stappenplan import coordinator_van

DRIEHOEK_OP = dt.date(2026, 11, 2)


@dataclass
class Lid:
    gemeente: Gemeente
    plan: Plan
    coordinator: Gebruiker


@dataclass
class Regiowereld:
    regio: Regio
    regisseur: Gebruiker  # the regional coordinator (no Rol anywhere)
    leden: list[Lid]


def maak_regio(aantal: int = 2, *, naam: str | None = None) -> Regiowereld:
    leden = []
    for _ in range(aantal):
        gemeente: Gemeente = GemeenteFactory.create()
        coordinator = coordinator_van(gemeente)
        plan: Plan = PlanFactory.create(gemeente=gemeente)
        leden.append(Lid(gemeente, plan, coordinator))
    extra = {"naam": naam} if naam else {}
    regio: Regio = RegioFactory.create(gemeenten=[lid.gemeente for lid in leden], **extra)
    regisseur: Gebruiker = GebruikerFactory.create(
        first_name="Marloes", last_name="de Vries", email="regio@example.org"
    )
    regio.coordinatoren.add(regisseur)
    return Regiowereld(regio, regisseur, leden)


def maak_prioriteit(wereld: Regiowereld, code: str = "5.2", **kwargs: object) -> Regiodeel:
    velden: dict = {"titel": "Ondermijning", "tekst": "### Aanpak\n\nSamen met het RIEC."}
    velden.update(kwargs)
    return services.deel_create(
        regio=wereld.regio,
        door=wereld.regisseur,
        soort=DeelSoort.PRIORITEIT,
        thema=hoofdthema(code),
        **velden,
    )


def publiceer(wereld: Regiowereld, deel: Regiodeel, **kwargs: object) -> Regiodeelversie:
    velden: dict = {"driehoek_op": DRIEHOEK_OP, "driehoek_kenmerk": "IDH-2026-11"}
    velden.update(kwargs)
    return services.deel_publiceer(deel=deel, door=wereld.regisseur, **velden)
