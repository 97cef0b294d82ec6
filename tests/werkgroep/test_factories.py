"""The factories make what the services make, and their traits the states they name."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.werkgroep.factories import (
    ActiepuntFactory,
    AgendafeedFactory,
    AgendapuntFactory,
    BijeenkomstFactory,
    LidFactory,
    PresentieFactory,
    UrenbudgetFactory,
    UrenregistratieFactory,
    WerkgroepFactory,
    regisseur_van,
)
from werkgroep.constants import Aanwezigheid, ActiepuntStatus, LidRol

pytestmark = pytest.mark.django_db


def test_every_factory_creates_through_the_services_with_the_coordinator_as_author():
    punt = AgendapuntFactory()
    plan = punt.bijeenkomst.werkgroep.plan
    coordinator = regisseur_van(plan.gemeente)
    assert punt.history.get().history_user == coordinator
    assert WerkgroepFactory(plan=plan) == punt.bijeenkomst.werkgroep  # one per plan
    presentie = PresentieFactory(bijeenkomst=punt.bijeenkomst)
    assert presentie.status == Aanwezigheid.AANWEZIG
    assert presentie.lid.werkgroep == punt.bijeenkomst.werkgroep
    actiepunt = ActiepuntFactory(bijeenkomst=punt.bijeenkomst)
    assert actiepunt.status == ActiepuntStatus.OPEN
    budget = UrenbudgetFactory(lid=presentie.lid)
    assert budget.uren == Decimal(40) and budget.history.get().history_user == coordinator
    registratie = UrenregistratieFactory(lid=presentie.lid)
    assert registratie.history.get().history_user == presentie.lid.gebruiker  # their own
    feed = AgendafeedFactory(gebruiker=coordinator)
    assert coordinator.agendafeed == feed


def test_member_traits():
    trekker = LidFactory(trekker=True)
    assert trekker.rol == LidRol.TREKKER
    assert trekker.gebruiker == regisseur_van(trekker.werkgroep.plan.gemeente)
    assert trekker.urenbudget.uren == Decimal(350)
    plan = trekker.werkgroep.plan
    assert LidFactory(plan=plan, politie_expert=True).rol == LidRol.POLITIE_EXPERT
    extern = LidFactory(plan=plan, extern=True)
    assert extern.gebruiker is None and extern.naam.startswith("Partner")
    # An external partner's hours are logged by the coordinator.
    registratie = UrenregistratieFactory(lid=extern)
    assert registratie.history.get().history_user == trekker.gebruiker


def test_lifecycle_traits():
    verslagen = BijeenkomstFactory(verslagen=True)
    assert verslagen.notulen and verslagen.besluiten
    assert not BijeenkomstFactory(plan=verslagen.werkgroep.plan, datum=dt.date(2022, 9, 20)).notulen
    assert ActiepuntFactory(afgerond=True).status == ActiepuntStatus.GEREED
    assert ActiepuntFactory(vervallen=True).status == ActiepuntStatus.VERVALLEN
    assert PresentieFactory(afgemeld=True).status == Aanwezigheid.AFGEMELD
    assert PresentieFactory(afwezig=True).status == Aanwezigheid.AFWEZIG
    gecorrigeerd = UrenregistratieFactory(gecorrigeerd=True, uren=Decimal(3))
    assert gecorrigeerd.uren == Decimal(2)
    laatste = gecorrigeerd.history.order_by("-history_id").first()
    assert laatste.history_change_reason == "Dubbel geteld met de bijeenkomst"
