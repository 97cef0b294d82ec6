"""Two presses of "Uitvoeringsplan volgend jaar maken" at the same moment, on PostgreSQL:
one plan for next year, every unfinished activity carried over once."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from tests.stappen.factories import maak_plan
from tests.stappen.stappenplan import coordinator_van
from tests.uitvoering.factories import ActiviteitFactory, UitvoeringsplanFactory
from uitvoering import services
from uitvoering.constants import ActiviteitStatus
from uitvoering.models import Activiteit, Uitvoeringsplan


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_presses_at_once_carry_over_once() -> None:
    plan = maak_plan()
    coordinator = coordinator_van(plan.gemeente)
    up = UitvoeringsplanFactory.create(plan=plan, door=coordinator)
    for i in range(3):
        ActiviteitFactory.create(uitvoeringsplan=up, titel=f"Lopend {i}")
    ActiviteitFactory.create(uitvoeringsplan=up, titel="Klaar", status=ActiviteitStatus.GEREED)
    samen = threading.Barrier(2)
    aantallen: list[int] = []
    fouten: list[BaseException] = []

    def druk() -> None:
        try:
            eigen = Uitvoeringsplan.objects.select_related("plan__gemeente", "document").get(
                pk=up.pk
            )
            samen.wait(timeout=10)
            _, aantal = services.uitvoeringsplan_volgend_jaar(
                uitvoeringsplan=eigen, door=coordinator
            )
            aantallen.append(aantal)
        except BaseException as fout:  # reported below
            fouten.append(fout)
        finally:
            connection.close()

    knoppen = [threading.Thread(target=druk) for _ in range(2)]
    for k in knoppen:
        k.start()
    for k in knoppen:
        k.join(timeout=30)

    assert not fouten
    assert sorted(aantallen) == [0, 3]
    assert Uitvoeringsplan.objects.filter(plan=plan, jaar=up.jaar + 1).count() == 1
    assert Activiteit.objects.filter(uitvoeringsplan__jaar=up.jaar + 1).count() == 3
