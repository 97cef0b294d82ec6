"""Two people press the same button at the same moment, on the real PostgreSQL."""

import threading

import pytest
from django.db import connection

from ivp.exceptions import Geweigerd
from stappen import services
from stappen.constants import StapStatus
from stappen.models import Overgang, Stap
from tests.stappen.factories import coordinator_van, maak_plan


@pytest.mark.postgres
# Serialized rollback: the flush after this test then leaves the tables empty for the restore of
# the next serialized-rollback test (the browser tests). Without it, the flush re-creates the
# content types with new ids on PostgreSQL and that restore fails on their unique key.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_of_two_concurrent_starts_exactly_one_wins():
    plan = maak_plan()
    coordinator = coordinator_van(plan.gemeente)
    samen = threading.Barrier(2)
    uitkomsten: list[str] = []

    def druk_op_start() -> None:
        try:
            stap = Stap.objects.select_related("plan__gemeente").get(plan=plan, nummer=1)
            samen.wait(timeout=10)
            services.stap_start(stap=stap, door=coordinator)
            uitkomsten.append("gestart")
        except Geweigerd as weigering:
            uitkomsten.append(weigering.redenen[0])
        finally:
            connection.close()

    drukken = [threading.Thread(target=druk_op_start) for _ in range(2)]
    for t in drukken:
        t.start()
    for t in drukken:
        t.join(timeout=30)

    assert sorted(uitkomsten) == sorted(["gestart", services.GELIJKTIJDIG_GEWIJZIGD])
    assert Stap.objects.get(plan=plan, nummer=1).status == StapStatus.ACTIEF
    assert Overgang.objects.filter(stap__plan=plan).count() == 1
