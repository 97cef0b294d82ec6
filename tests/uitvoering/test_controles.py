"""The registered step-5 check: every activity of the first uitvoeringsplan tied to a
doelstelling, and the college's adoption after the raad's adoption of the IVP."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from ivp.exceptions import Geweigerd
from stappen import services as stappen_services
from stappen.constants import DocumentSoort, Keuze, StapStatus
from tests.stappen import stappenplan
from tests.stappen.factories import DoelstellingFactory
from tests.uitvoering.factories import ActiviteitFactory
from uitvoering import services


def _eerste_plan(plan, coordinator):
    stappenplan.start(plan, coordinator, 5)
    prioriteit = plan.plaatsingen.filter(keuze=Keuze.PRIORITEIT).first()
    doel = DoelstellingFactory.create(plaatsing=prioriteit, door=coordinator)
    up = services.uitvoeringsplan_maak(plan=plan, jaar=plan.periode_start.year, door=coordinator)
    return up, doel


def test_step_5_closes_with_every_activity_tied(plan, coordinator):
    up, doel = _eerste_plan(plan, coordinator)
    ActiviteitFactory.create(uitvoeringsplan=up, doelstelling=doel)
    stap = stappenplan.rond_af(plan, coordinator, 5)
    assert stap.status == StapStatus.AFGEROND
    assert up.document.stap.nummer == 5


def test_step_5_stays_open_while_an_activity_lost_its_doelstelling(plan, coordinator):
    up, doel = _eerste_plan(plan, coordinator)
    a = ActiviteitFactory.create(uitvoeringsplan=up, doelstelling=doel, titel="Buurtapp")
    stappen_services.doelstelling_delete(doelstelling=doel, door=coordinator)
    a.refresh_from_db()
    assert a.doelstelling is None
    with pytest.raises(Geweigerd) as excinfo:
        stappenplan.rond_af(plan, coordinator, 5)
    assert "Niet elke activiteit van het uitvoeringsplan 2023 is aan een doelstelling" in str(
        excinfo.value
    )
    assert "‘Buurtapp’" in str(excinfo.value)
    assert stappenplan.stap(plan, 5).status == StapStatus.ACTIEF


def test_the_college_adopts_after_the_raad_adopted_the_ivp(plan, coordinator):
    up, doel = _eerste_plan(plan, coordinator)
    ActiviteitFactory.create(uitvoeringsplan=up, doelstelling=doel)
    stappenplan.rond_af(plan, coordinator, 4)  # the IVP adopted on 28-03-2023
    with pytest.raises(ValidationError, match="op of na die datum"):
        stappenplan.stel_vast(up.document, coordinator, dt.date(2023, 3, 1))
    ivp = stappenplan.document(plan, DocumentSoort.IVP)
    assert (
        ivp.is_vastgesteld
        and not stappenplan.document(plan, DocumentSoort.UITVOERINGSPLAN, 2023).is_vastgesteld
    )
