"""Issue 14: two presses of "Plan aanmaken" at the same moment, on the real PostgreSQL, make
one plan; the second is told which plan already follows."""

import threading

import pytest
from django.db import connection

from ivp.exceptions import Geweigerd
from ivp.models import Plan
from stappen.models import Vervolg
from tests.stappen.factories import PlanFactory
from tests.stappen.stappenplan import regisseur
from tests.stappen.vervolg import start_vervolg


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_starts_make_one_plan() -> None:
    vorig: Plan = PlanFactory.create()
    coordinator = regisseur(vorig.gemeente)
    samen = threading.Barrier(2)
    uitkomsten: list[str] = []

    def druk() -> None:
        try:
            samen.wait(timeout=10)
            start_vervolg(vorig, coordinator)
            uitkomsten.append("gemaakt")
        except Geweigerd as weigering:
            uitkomsten.append(weigering.redenen[0])
        finally:
            connection.close()

    drukken = [threading.Thread(target=druk) for _ in range(2)]
    for t in drukken:
        t.start()
    for t in drukken:
        t.join(timeout=60)

    assert uitkomsten.count("gemaakt") == 1
    assert any("volgt al" in u for u in uitkomsten)
    assert Vervolg.objects.filter(vorig_plan=vorig).count() == 1
    assert Plan.objects.filter(gemeente=vorig.gemeente).count() == 2
