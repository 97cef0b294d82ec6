"""The pages of the bestuurlijke planning: only the coordinator of the gemeente reaches them,
wrong input gets a Dutch field error with everything entered kept, and the calendar page's
query count does not grow with the calendar."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from stappen.constants import VergaderOrgaan
from stappen.models import Raadsplanning, Vergadering
from tests.ivp.factories import GemeenteFactory
from tests.stappen.factories import maak_plan
from tests.stappen.kalender import event, ics, kalender_rond_hemelvaart, vergadering
from tests.stappen.stappenplan import coordinator_van, lid_van, stap

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return maak_plan(
        traject_start=dt.date(2026, 9, 1),
        periode_start=dt.date(2027, 7, 1),
        titel="Integraal Veiligheidsplan 2027–2031",
    )


@pytest.fixture
def coordinator(plan):
    return coordinator_van(plan.gemeente)


def _pagina_urls(plan, vergadering_id):
    g = plan.gemeente_id
    return [
        reverse("stappen:vergaderkalender", kwargs={"gemeente_id": g}),
        reverse("stappen:vergadering_nieuw", kwargs={"gemeente_id": g}),
        reverse(
            "stappen:vergadering_bewerken",
            kwargs={"gemeente_id": g, "vergadering_id": vergadering_id},
        ),
        reverse("stappen:vergaderkalender_importeren", kwargs={"gemeente_id": g}),
        reverse("stappen:vergadertermijnen", kwargs={"gemeente_id": g}),
        reverse("stappen:raadsplanning", kwargs={"plan_id": plan.pk, "nummer": 4}),
    ]


def test_only_the_coordinator_of_the_gemeente_reaches_the_pages(client, plan, coordinator):
    raad = vergadering(plan.gemeente, VergaderOrgaan.RAAD, dt.date(2027, 5, 13))
    urls = _pagina_urls(plan, raad.pk)
    client.force_login(coordinator)
    assert [client.get(url).status_code for url in urls] == [200] * len(urls)
    for ander in (lid_van(plan.gemeente), coordinator_van(GemeenteFactory.create())):
        client.force_login(ander)
        assert [client.get(url).status_code for url in urls] == [404] * len(urls)
    # A step the raad does not decide has no raad meeting to choose.
    client.force_login(coordinator)
    url = reverse("stappen:raadsplanning", kwargs={"plan_id": plan.pk, "nummer": 1})
    assert client.get(url).status_code == 404


def test_the_plan_and_start_pages_link_to_the_calendar(client, plan, coordinator):
    client.force_login(coordinator)
    kalender = reverse("stappen:vergaderkalender", kwargs={"gemeente_id": plan.gemeente_id})
    assert kalender in client.get(reverse("start")).content.decode()
    pagina = client.get(reverse("stappen:plan", kwargs={"plan_id": plan.pk})).content.decode()
    assert kalender in pagina
    assert "Raadsvergadering voor stap 4 kiezen" in pagina


def test_a_broken_upload_shows_a_dutch_error_and_keeps_the_choice(client, plan, coordinator):
    client.force_login(coordinator)
    url = reverse("stappen:vergaderkalender_importeren", kwargs={"gemeente_id": plan.gemeente_id})
    antwoord = client.post(
        url,
        {
            "bestand": SimpleUploadedFile("agenda.ics", b"geen agenda", "text/calendar"),
            "orgaan": VergaderOrgaan.RAAD,
        },
    )
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Dit is geen leesbaar iCalendar-bestand (.ics)." in html
    assert '<option value="raad" selected>' in html
    assert not Vergadering.objects.exists()


def test_an_upload_imports_and_returns_to_the_calendar(client, plan, coordinator):
    client.force_login(coordinator)
    url = reverse("stappen:vergaderkalender_importeren", kwargs={"gemeente_id": plan.gemeente_id})
    inhoud = ics(event("r1", "Raadsvergadering", "20270513T193000"))
    antwoord = client.post(
        url, {"bestand": SimpleUploadedFile("agenda.ics", inhoud), "orgaan": ""}, follow=True
    )
    assert "Vergaderingen ingelezen: 1 nieuw, 0 gewijzigd, 0 ongewijzigd." in (
        antwoord.content.decode()
    )
    assert Vergadering.objects.get().orgaan == VergaderOrgaan.RAAD


def test_lead_times_refuse_nonsense_in_dutch(client, plan, coordinator):
    client.force_login(coordinator)
    url = reverse("stappen:vergadertermijnen", kwargs={"gemeente_id": plan.gemeente_id})
    antwoord = client.post(
        url, {"college_werkdagen": "3", "commissie_werkdagen": "99", "raad_werkdagen": "-1"}
    )
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert 'value="3"' in html and 'value="99"' in html
    assert "Zorg ervoor dat deze waarde hoogstens 60 is." in html


def test_choosing_and_accepting_the_raad_meeting(client, plan, coordinator):
    kalender = kalender_rond_hemelvaart(plan.gemeente)
    client.force_login(coordinator)
    url = reverse("stappen:raadsplanning", kwargs={"plan_id": plan.pk, "nummer": 4})
    html = client.get(url, {"raad": kalender["raad"].pk}).content.decode()
    assert "Stukken gereed: <strong>dinsdag 06-04-2027</strong>" in html
    antwoord = client.post(
        url,
        {"raad": kalender["raad"].pk, "stukken_datum": "06-04-2027", "deadline_4": "13-05-2027"},
    )
    assert antwoord.status_code == 302
    assert Raadsplanning.objects.get().stukken_datum == dt.date(2027, 4, 6)
    assert stap(plan, 4).gepland_eind == dt.date(2027, 5, 13)


@pytest.mark.parametrize("aantal", [3, 30])
def test_the_calendar_page_reads_in_a_fixed_number_of_queries(
    client, plan, coordinator, django_assert_max_num_queries, aantal
):
    for n in range(aantal):
        vergadering(
            plan.gemeente, VergaderOrgaan.COLLEGE, dt.date(2027, 1, 5) + dt.timedelta(7 * n)
        )
    client.force_login(coordinator)
    with django_assert_max_num_queries(10):
        client.get(reverse("stappen:vergaderkalender", kwargs={"gemeente_id": plan.gemeente_id}))
