"""The pages of joint meetings: the regional coordinator's list and forms, each werkgroep's
own meeting page, and the isolation rule (issue 13): the regional coordinator sees when,
where and which gemeenten, never a werkgroep's attendance; a gemeente never sees another's."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.werkgroep.factories import BijeenkomstFactory
from tests.werkgroep.gezamenlijk import maak_regio, plan_gezamenlijk
from werkgroep import services as werkgroep_services
from werkgroep.constants import Aanwezigheid
from werkgroep.gezamenlijk.models import GezamenlijkeBijeenkomst
from werkgroep.models import Bijeenkomst

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld():
    return maak_regio(4)


def _drie(wereld):
    return [wereld[n].gemeente for n in ("Zwartewaterland", "Staphorst", "Kampen")]


def _formulier(wereld, **kwargs):
    return {
        "titel": "Gezamenlijke werkgroep: ondermijning",
        "gemeenten": [g.pk for g in _drie(wereld)],
        "datum": "27-09-2022",
        "begintijd": "14:00",
        "eindtijd": "16:00",
        "locatie": "Stadhuis Kampen",
        "agenda": "Regionale analyse\nAfspraken RIEC",
    } | kwargs


def test_the_regional_coordinator_plans_through_the_form(wereld, client):
    client.force_login(wereld.regisseur)
    url = reverse("werkgroep:gezamenlijk_nieuw", args=[wereld.regio.pk])
    pagina = client.get(url).content.decode()
    for naam in ("Steenwijkerland", "Zwartewaterland", "Staphorst", "Kampen"):
        assert f"> {naam}</label>" in pagina or f">{naam}</label>" in pagina

    antwoord = client.post(url, _formulier(wereld))

    assert antwoord.status_code == 302
    (gezamenlijk,) = GezamenlijkeBijeenkomst.objects.all()
    assert gezamenlijk.bijeenkomsten.count() == 3
    lijst = client.get(antwoord["Location"]).content.decode()
    assert "Gezamenlijke werkgroep: ondermijning" in lijst
    assert "Kampen, Staphorst, Zwartewaterland" in lijst


def test_a_refusal_keeps_the_input_and_names_the_gemeente(wereld, client):
    staphorst = wereld["Staphorst"]
    for dag in range(6):
        BijeenkomstFactory.create(
            plan=staphorst.plan,
            door=staphorst.coordinator,
            datum=dt.date(2022, 9, 1) + dt.timedelta(days=dag),
        )
    client.force_login(wereld.regisseur)
    antwoord = client.post(
        reverse("werkgroep:gezamenlijk_nieuw", args=[wereld.regio.pk]), _formulier(wereld)
    )
    assert antwoord.status_code == 200
    pagina = antwoord.content.decode()
    assert "de werkgroep van Staphorst heeft al 6 bijeenkomsten" in pagina
    assert 'value="Stadhuis Kampen"' in pagina
    assert not GezamenlijkeBijeenkomst.objects.exists()


def test_moving_through_the_form_moves_every_part(wereld, client):
    gezamenlijk = plan_gezamenlijk(wereld, _drie(wereld))
    client.force_login(wereld.regisseur)
    url = reverse("werkgroep:gezamenlijk_bewerken", args=[gezamenlijk.pk])
    assert "Met Kampen, Staphorst, Zwartewaterland." in client.get(url).content.decode()
    antwoord = client.post(
        url,
        _formulier(wereld, datum="04-10-2022", locatie="Hasselt", versie=gezamenlijk.versie),
    )
    assert antwoord.status_code == 302
    assert set(gezamenlijk.bijeenkomsten.values_list("datum", "locatie")) == {
        (dt.date(2022, 10, 4), "Hasselt")
    }


def test_each_member_page_names_the_others_and_shows_only_its_own_attendance(wereld, client):
    gezamenlijk = plan_gezamenlijk(wereld, _drie(wereld))
    kampen, staphorst = wereld["Kampen"], wereld["Staphorst"]
    deel_kampen = gezamenlijk.bijeenkomsten.get(werkgroep__plan=kampen.plan)
    deel_staphorst = gezamenlijk.bijeenkomsten.get(werkgroep__plan=staphorst.plan)
    werkgroep_services.presentie_record(
        bijeenkomst=deel_staphorst,
        door=staphorst.coordinator,
        statussen={staphorst.lid.pk: Aanwezigheid.AFGEMELD},
    )

    client.force_login(kampen.lid.gebruiker)
    pagina = client.get(reverse("werkgroep:bijeenkomst", args=[deel_kampen.pk])).content.decode()
    assert "Gezamenlijke bijeenkomst met Staphorst, Zwartewaterland." in pagina
    assert str(kampen.lid.gebruiker) in pagina  # its own members' attendance
    assert str(staphorst.lid.gebruiker) not in pagina
    # Staphorst's part is not Kampen's: 404 for its members and its coordinator.
    bij_staphorst = reverse("werkgroep:bijeenkomst", args=[deel_staphorst.pk])
    assert client.get(bij_staphorst).status_code == 404
    client.force_login(kampen.coordinator)
    assert client.get(bij_staphorst).status_code == 404
    assert client.post(bij_staphorst, {"formulier": "presentie"}).status_code == 404
    # Kampen's coordinator does not move its part alone: no such link on its page.
    pagina = client.get(reverse("werkgroep:bijeenkomst", args=[deel_kampen.pk])).content.decode()
    assert reverse("werkgroep:bijeenkomst_bewerken", args=[deel_kampen.pk]) not in pagina


def test_the_regional_coordinator_sees_the_meeting_but_no_attendance(wereld, client):
    gezamenlijk = plan_gezamenlijk(wereld, _drie(wereld))
    staphorst = wereld["Staphorst"]
    deel = gezamenlijk.bijeenkomsten.get(werkgroep__plan=staphorst.plan)
    werkgroep_services.presentie_record(
        bijeenkomst=deel,
        door=staphorst.coordinator,
        statussen={staphorst.lid.pk: Aanwezigheid.AFGEMELD},
    )
    client.force_login(wereld.regisseur)
    lijst = client.get(reverse("werkgroep:gezamenlijk_lijst", args=[wereld.regio.pk]))
    tekst = lijst.content.decode()
    assert "Stadhuis Kampen" in tekst
    assert str(staphorst.lid.gebruiker) not in tekst
    assert "Afwezig met bericht" not in tekst
    for b in Bijeenkomst.objects.filter(gezamenlijk=gezamenlijk):
        assert client.get(reverse("werkgroep:bijeenkomst", args=[b.pk])).status_code == 404
        assert client.get(reverse("werkgroep:bijeenkomst_ics", args=[b.pk])).status_code == 404


def test_only_the_regional_coordinator_has_these_pages(wereld, client):
    gezamenlijk = plan_gezamenlijk(wereld, _drie(wereld))
    urls = [
        reverse("werkgroep:gezamenlijk_lijst", args=[wereld.regio.pk]),
        reverse("werkgroep:gezamenlijk_nieuw", args=[wereld.regio.pk]),
        reverse("werkgroep:gezamenlijk_bewerken", args=[gezamenlijk.pk]),
    ]
    client.force_login(wereld["Kampen"].coordinator)
    for url in urls:
        assert client.get(url).status_code == 404
        assert client.post(url, _formulier(wereld)).status_code == 404
    # Another region's coordinator neither.
    ander = maak_regio(0)
    client.force_login(ander.regisseur)
    for url in urls:
        assert client.get(url).status_code == 404
    assert GezamenlijkeBijeenkomst.objects.count() == 1


@pytest.mark.parametrize("aantal", [4, 25])
def test_the_list_keeps_a_flat_query_count(aantal, client, django_assert_max_num_queries):
    wereld = maak_regio(aantal)
    for week in range(3):
        plan_gezamenlijk(wereld, datum=dt.date(2022, 9, 6) + dt.timedelta(weeks=week))
    client.force_login(wereld.regisseur)
    url = reverse("werkgroep:gezamenlijk_lijst", args=[wereld.regio.pk])
    with django_assert_max_num_queries(8):
        antwoord = client.get(url)
    assert antwoord.content.decode().count("Verplaats<") == 3
