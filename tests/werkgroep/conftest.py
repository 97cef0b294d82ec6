import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.stappen.factories import coordinator_van, maak_plan

# The demo's moment: the analysis done, the prioritering under way.
VANDAAG = dt.datetime(2022, 10, 20, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture
def vandaag():
    with time_machine.travel(VANDAAG, tick=False):
        yield VANDAAG.date()


@pytest.fixture
def plan(db):
    return maak_plan()


@pytest.fixture
def coordinator(plan):
    return coordinator_van(plan.gemeente)
