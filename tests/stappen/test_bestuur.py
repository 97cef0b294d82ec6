"""A clear way forward (issue 16, item 7): the bestuurder's start page shows what awaits a
decision and which deadlines come; the griffie's page shows what the raad adopted or will
decide, never a draft."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from ivp.constants import RolSoort
from stappen import services
from stappen.constants import BesluitUitkomst, DocumentSoort, Orgaan
from tests.ivp.factories import GemeenteFactory
from tests.stappen.factories import maak_plan
from tests.stappen.stappenplan import coordinator_van, document, lid_van, stap

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def vandaag():
    with time_machine.travel(dt.datetime(2022, 9, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        yield


def plan_met_stukken(gemeente, titel="Integraal Veiligheidsplan 2023–2026"):
    """Startnotitie adopted by the college; prioritering ter besluitvorming of the raad."""
    plan = maak_plan(gemeente=gemeente, titel=titel)
    coordinator = coordinator_van(gemeente)
    services.stap_start(stap=stap(plan, 1), door=coordinator, op=dt.date(2022, 6, 1))
    startnotitie = document(plan, DocumentSoort.STARTNOTITIE)
    services.document_submit(
        document=startnotitie, door=coordinator, op=dt.date(2022, 6, 14), motivatie="Test."
    )
    services.besluit_record(
        document=startnotitie,
        door=coordinator,
        orgaan=Orgaan.COLLEGE,
        datum=dt.date(2022, 6, 21),
        uitkomst=BesluitUitkomst.VASTGESTELD,
        kenmerk="2022-COLL-0388",
    )
    services.document_submit(
        document=document(plan, DocumentSoort.PRIORITERING), door=coordinator, motivatie="Test."
    )
    return plan


def test_the_bestuurder_sees_what_awaits_a_decision_and_the_coming_deadlines(
    client, django_assert_max_num_queries
):
    gemeente = GemeenteFactory()
    plan = plan_met_stukken(gemeente)
    burgemeester = lid_van(gemeente, RolSoort.BESTUURDER)
    client.force_login(burgemeester)
    html = client.get(reverse("start")).content.decode()
    assert "Wacht op een besluit" in html
    prioritering = document(plan, DocumentSoort.PRIORITERING)
    assert f'href="{reverse("stappen:document", args=[prioritering.pk])}"' in html
    assert "Komende deadlines (tot en met 02-12-2022)" in html
    assert "30-09-2022: " in html and "stap 2, veiligheidsanalyse" in html
    assert "31-10-2022: " in html and "stap 3, prioritering" in html
    assert "stap 4, opstellen ivp" not in html  # March 2023: beyond three months

    for n in range(5):
        plan_met_stukken(gemeente, titel=f"IVP {n}")
    with django_assert_max_num_queries(10):
        assert client.get(reverse("start")).status_code == 200


def test_a_coordinator_sees_no_bestuurder_block(client):
    gemeente = GemeenteFactory()
    plan_met_stukken(gemeente)
    client.force_login(coordinator_van(gemeente))
    assert "Wacht op een besluit" not in client.get(reverse("start")).content.decode()


def test_the_griffie_sees_raad_documents_never_drafts(client, django_assert_max_num_queries):
    gemeente = GemeenteFactory()
    plan = plan_met_stukken(gemeente)
    andere = plan_met_stukken(GemeenteFactory(), titel="IVP elders")
    griffie = lid_van(gemeente, RolSoort.GRIFFIE)
    client.force_login(griffie)
    start = client.get(reverse("start")).content.decode()
    assert f'href="{reverse("stappen:griffie")}"' in start
    with django_assert_max_num_queries(8):
        html = client.get(reverse("stappen:griffie")).content.decode()
    assert document(plan, DocumentSoort.PRIORITERING).titel in html
    assert "Ter besluitvorming: de raad besluit" in html
    assert f">{document(plan, DocumentSoort.IVP).titel}</th>" not in html  # a draft
    assert f">{document(plan, DocumentSoort.STARTNOTITIE).titel}</th>" not in html  # college
    assert f">{document(andere, DocumentSoort.PRIORITERING).titel}</th>" not in html

    for n in range(5):
        plan_met_stukken(gemeente, titel=f"IVP {n}")
    with django_assert_max_num_queries(8):
        assert client.get(reverse("stappen:griffie")).status_code == 200


def test_anyone_but_the_griffie_finds_no_griffie_page(client):
    gemeente = GemeenteFactory()
    client.force_login(coordinator_van(gemeente))
    assert client.get(reverse("stappen:griffie")).status_code == 404
