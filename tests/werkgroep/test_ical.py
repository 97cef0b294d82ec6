import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.ivp.factories import GemeenteFactory
from tests.stappen.stappenplan import coordinator_van
from tests.werkgroep.factories import BijeenkomstFactory, LidFactory
from werkgroep import services

pytestmark = pytest.mark.django_db


def events(inhoud: bytes) -> dict[str, object]:
    kalender = Calendar.from_ical(inhoud)
    return {str(e["UID"]): e for e in kalender.walk("VEVENT")}


def test_a_meeting_downloads_as_an_ics_that_an_update_replaces(client, plan, coordinator):
    lid_ = LidFactory(plan=plan, door=coordinator)
    b = BijeenkomstFactory(plan=plan, door=coordinator, online_link="https://meet.example.nl/ivp")
    services.agendapunt_add(bijeenkomst=b, door=coordinator, onderwerp="Concept-analyse")
    client.force_login(lid_.gebruiker)
    url = reverse("werkgroep:bijeenkomst_ics", args=[b.pk])
    response = client.get(url)
    assert response["Content-Type"].startswith("text/calendar")
    eerste = events(response.content)
    assert len(eerste) == 1
    uid, event = next(iter(eerste.items()))
    assert uid == f"bijeenkomst-{b.uid}@ivp-regie"
    assert event.decoded("DTSTART") == dt.datetime(
        2022, 9, 13, 14, 0, tzinfo=event.decoded("DTSTART").tzinfo
    )
    assert str(event.decoded("DTSTART").tzinfo) == "Europe/Amsterdam"
    assert "Concept-analyse" in str(event["DESCRIPTION"])
    assert "https://meet.example.nl/ivp" in str(event["DESCRIPTION"])
    assert int(event["SEQUENCE"]) == 0

    services.bijeenkomst_update(
        bijeenkomst=b,
        door=coordinator,
        datum=dt.date(2022, 9, 20),
        begintijd=dt.time(10, 0),
        eindtijd=dt.time(12, 0),
        locatie="Raadzaal",
    )
    tweede = events(client.get(url).content)
    assert list(tweede) == [uid]  # same UID: the calendar replaces the event
    assert int(tweede[uid]["SEQUENCE"]) == 1
    assert tweede[uid].decoded("DTSTART").date() == dt.date(2022, 9, 20)
    assert str(tweede[uid]["LOCATION"]) == "Raadzaal"


def test_the_ics_of_another_gemeente_is_404(client, plan, coordinator):
    b = BijeenkomstFactory(plan=plan, door=coordinator)
    client.force_login(coordinator_van(GemeenteFactory()))
    assert client.get(reverse("werkgroep:bijeenkomst_ics", args=[b.pk])).status_code == 404


def test_the_private_feed_has_meetings_and_step_deadlines_with_stable_uids(
    client, plan, coordinator
):
    lid_ = LidFactory(plan=plan, door=coordinator)
    b = BijeenkomstFactory(plan=plan, door=coordinator)
    feed = services.agendafeed_create(gebruiker=lid_.gebruiker)
    url = reverse("werkgroep:feed", args=[feed.token])
    response = client.get(url)  # no login: calendar apps cannot log in
    assert response.status_code == 200
    eerste = events(response.content)
    assert f"bijeenkomst-{b.uid}@ivp-regie" in eerste
    stappen = [uid for uid in eerste if uid.startswith("stap-")]
    assert len(stappen) == 6
    deadline = eerste[f"stap-{plan.stappen.get(nummer=2).pk}-deadline@ivp-regie"]
    assert deadline.decoded("DTSTART") == plan.stappen.get(nummer=2).gepland_eind
    assert list(events(client.get(url).content)) == list(eerste)


def test_the_feed_shows_only_own_meetings(client, plan, coordinator):
    lid_ = LidFactory(plan=plan, door=coordinator)
    ander_plan_coordinator = coordinator_van(GemeenteFactory())
    from tests.stappen.factories import maak_plan

    ander = maak_plan()
    ander_b = BijeenkomstFactory(plan=ander, door=coordinator_van(ander.gemeente))
    feed = services.agendafeed_create(gebruiker=lid_.gebruiker)
    uids = events(client.get(reverse("werkgroep:feed", args=[feed.token])).content)
    assert f"bijeenkomst-{ander_b.uid}@ivp-regie" not in uids
    assert all(not uid.startswith(f"stap-{s.pk}-") for s in ander.stappen.all() for uid in uids)
    assert ander_plan_coordinator  # a coordinator elsewhere changes nothing


def test_a_revoked_or_replaced_token_returns_404(client, plan, coordinator):
    client.force_login(coordinator)
    client.post(reverse("werkgroep:agenda"), {"actie": "maken"})
    oud = coordinator.agendafeed.token
    assert client.get(reverse("werkgroep:feed", args=[oud])).status_code == 200
    client.post(reverse("werkgroep:agenda"), {"actie": "vernieuwen"})
    coordinator.refresh_from_db()
    nieuw = coordinator.agendafeed.token
    assert client.get(reverse("werkgroep:feed", args=[oud])).status_code == 404
    assert client.get(reverse("werkgroep:feed", args=[nieuw])).status_code == 200
    html = client.get(reverse("werkgroep:agenda")).content.decode()
    assert nieuw in html
    client.post(reverse("werkgroep:agenda"), {"actie": "intrekken"})
    assert client.get(reverse("werkgroep:feed", args=[nieuw])).status_code == 404
    assert client.get(reverse("werkgroep:feed", args=["geraden-token"])).status_code == 404
