"""Fixtures shared by the werkgroep tests: the demo's moment, a plan, its coordinator, a
member with a budget."""

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ivp.models import Gebruiker, Plan
from tests.stappen.factories import maak_plan
from tests.stappen.stappenplan import coordinator_van
from tests.werkgroep.factories import LidFactory, UrenbudgetFactory
from werkgroep.models import Lid

# The demo's moment: the analysis done, the prioritering under way.
VANDAAG = dt.datetime(2022, 10, 20, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture
def vandaag() -> Iterator[dt.date]:
    with time_machine.travel(VANDAAG, tick=False):
        yield VANDAAG.date()


@pytest.fixture
def plan(db: None) -> Plan:
    return maak_plan()


@pytest.fixture
def coordinator(plan: Plan) -> Gebruiker:
    return coordinator_van(plan.gemeente)


@pytest.fixture
def lid_met_budget(plan: Plan, coordinator: Gebruiker) -> Lid:
    """A member (a user with the role werkgroeplid) with a budget of 40 hours."""
    lid = LidFactory.create(plan=plan, door=coordinator)
    UrenbudgetFactory.create(lid=lid, door=coordinator)
    return lid
