"""Two sweeps at the same moment on PostgreSQL (two threads) make each stukken reminder once,
and the nightly feed import run twice at once adds each meeting once."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection

from ivp import herinneringen
from ivp.constants import RolSoort
from ivp.models import Bericht
from stappen import services
from stappen.models import Vergadering
from stappen.services import kalender as kalender_services
from stappen.tasks import vergaderfeed_verversen
from tests.stappen.factories import maak_plan
from tests.stappen.kalender import event, ics, kalender_rond_hemelvaart
from tests.stappen.stappenplan import coordinator_van, lid_van, stap

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
AMS = ZoneInfo("Europe/Amsterdam")


def _tegelijk(werk: Callable[[], object]) -> list[BaseException]:
    samen = threading.Barrier(2)
    fouten: list[BaseException] = []

    def draai() -> None:
        try:
            samen.wait(timeout=10)
            werk()
        except BaseException as fout:  # reported in the main thread
            fouten.append(fout)
        finally:
            connection.close()

    draden = [threading.Thread(target=draai) for _ in range(2)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=60)
    return fouten


def test_two_sweeps_at_once_make_each_stukken_reminder_once():
    plan = maak_plan(
        traject_start=dt.date(2026, 9, 1),
        periode_start=dt.date(2027, 7, 1),
        titel="Integraal Veiligheidsplan 2027–2031",
    )
    coordinator = coordinator_van(plan.gemeente)
    lid_van(plan.gemeente, RolSoort.BESTUURDER, email="bm@example.nl")
    kalender = kalender_rond_hemelvaart(plan.gemeente)
    services.raadsplanning_accepteer(
        stap=stap(plan, 4),
        raad=kalender["raad"],
        door=coordinator,
        stukken_datum=dt.date(2027, 4, 6),
        deadlines={},
    )
    vandaag = dt.date(2027, 4, 7)  # the stukken are a day late
    with time_machine.travel(dt.datetime(2027, 4, 7, 7, tzinfo=AMS), tick=True):
        assert _tegelijk(lambda: herinneringen.veeg(vandaag=vandaag)) == []
    assert Bericht.objects.filter(soort="stukken_te_laat").count() == 2


def test_two_feed_imports_at_once_add_each_meeting_once(monkeypatch):
    plan = maak_plan()
    coordinator = coordinator_van(plan.gemeente)
    inhoud = ics(*(event(f"r{n}@ris", "Gemeenteraad", f"202705{n + 10:02d}") for n in range(5)))
    monkeypatch.setattr(kalender_services, "haal_feed", lambda url: inhoud)
    services.feed_bewaar(
        gemeente=plan.gemeente,
        door=coordinator,
        feed_url="https://ris.example.nl/agenda.ics",
        feed_orgaan="",
    )
    # The imports of one gemeente wait for each other: no error, no meeting twice.
    assert _tegelijk(lambda: vergaderfeed_verversen(plan.gemeente_id)) == []
    assert Vergadering.objects.filter(gemeente=plan.gemeente).count() == 5
