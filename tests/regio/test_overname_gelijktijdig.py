"""Two presses of "Aanvaarden" at the same moment (a double click, or two coordinators of
the gemeente), on the real PostgreSQL: the proposal is decided once and the member's
document gets one new version, not two."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection

from ivp.exceptions import Geweigerd
from ivp.models import Gebruiker
from regio import services
from regio.constants import VoorstelStatus
from regio.models import Overname, Regiovoorstel
from stappen.constants import DocumentSoort
from tests.ivp.factories import RegioFactory
from tests.regio.overname_hulp import open_voorstel, prioriteit
from tests.stappen.factories import PlanFactory
from tests.stappen.stappenplan import coordinator_van, document


def _tegelijk(acties: list[Callable[[], object]]) -> list[str]:
    samen = threading.Barrier(len(acties))
    uitkomsten: list[str] = []

    def druk(actie: Callable[[], object]) -> None:
        try:
            samen.wait(timeout=10)
            actie()
            uitkomsten.append("besloten")
        except Geweigerd as weigering:
            uitkomsten.append(weigering.redenen[0])
        finally:
            connection.close()

    draden = [threading.Thread(target=druk, args=(actie,)) for actie in acties]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=60)
    return uitkomsten


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("tweede", ["aanvaard", "wijs_af"])
def test_two_decisions_at_once_decide_the_proposal_once(tweede: str) -> None:
    plan = PlanFactory.create()
    regio = RegioFactory.create(gemeenten=[plan.gemeente])
    deel = prioriteit(regio, [plan])
    eerste: Gebruiker = coordinator_van(plan.gemeente)
    ander: Gebruiker = coordinator_van(plan.gemeente)
    voorstel = open_voorstel(plan, deel)

    def aanvaard(door: Gebruiker) -> Callable[[], object]:
        return lambda: services.voorstel_aanvaard(
            voorstel=Regiovoorstel.objects.get(pk=voorstel.pk), door=door
        )

    tweede_actie = (
        aanvaard(ander)
        if tweede == "aanvaard"
        else lambda: services.voorstel_wijs_af(
            voorstel=Regiovoorstel.objects.get(pk=voorstel.pk), door=ander, reden="Nee."
        )
    )
    uitkomsten = _tegelijk([aanvaard(eerste), tweede_actie])

    assert uitkomsten.count("besloten") == 1, uitkomsten
    assert any("Over dit voorstel is al besloten" in u for u in uitkomsten), uitkomsten
    voorstel.refresh_from_db()
    assert voorstel.status in (VoorstelStatus.AANVAARD, VoorstelStatus.AFGEWEZEN)
    assert Overname.objects.filter(plan=plan, deel=deel).count() == 1
    assert document(plan, DocumentSoort.IVP).versies.count() == 1
