"""Issue 13: a shared part's change reaches each member exactly once, also when two people
publish it at the same moment on the real PostgreSQL: one publication, one proposal and one
mail per member plan; the other is told nothing changed since."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from ivp.exceptions import Geweigerd
from ivp.models import Bericht
from regio import services
from regio.models import Regiodeelversie, Regiovoorstel
from tests.ivp.factories import GebruikerFactory
from tests.regio.delen import DRIEHOEK_OP, maak_prioriteit, maak_regio


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_people_publishing_at_once_make_one_publication_and_one_proposal_per_plan() -> None:
    wereld = maak_regio(2)
    tweede = GebruikerFactory.create()
    wereld.regio.coordinatoren.add(tweede)
    deel = maak_prioriteit(wereld)
    samen = threading.Barrier(2)
    uitkomsten: list[str] = []

    def publiceer(door) -> None:
        try:
            samen.wait(timeout=10)
            services.deel_publiceer(
                deel=deel, door=door, driehoek_op=DRIEHOEK_OP, versie=deel.versie
            )
            uitkomsten.append("gepubliceerd")
        except Geweigerd as weigering:
            uitkomsten.append(weigering.redenen[0])
        finally:
            connection.close()

    drukken = [threading.Thread(target=publiceer, args=(d,)) for d in (wereld.regisseur, tweede)]
    for t in drukken:
        t.start()
    for t in drukken:
        t.join(timeout=60)

    assert uitkomsten.count("gepubliceerd") == 1, uitkomsten
    assert any("Er is niets veranderd sinds versie 1" in u for u in uitkomsten), uitkomsten
    assert Regiodeelversie.objects.filter(deel=deel).count() == 1
    for lid in wereld.leden:
        assert Regiovoorstel.objects.filter(plan=lid.plan, deel=deel).count() == 1
        mails = Bericht.objects.filter(ontvanger=lid.coordinator, soort="regio_voorstel")
        assert mails.count() == 1
