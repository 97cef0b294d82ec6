"""Fixtures of the uitvoering tests: a plan in its first year (2023), a priority with a
doelstelling, its uitvoeringsplan, and a werkgroeplid who is trekker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ivp.models import Gebruiker, Plan
from stappen.models import Doelstelling
from tests.stappen.factories import DoelstellingFactory, PlaatsingFactory
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
