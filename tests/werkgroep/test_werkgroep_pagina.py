"""The werkgroep page (issue 8): its members and coverage tables and its list of meetings are
written in one pass of Python (`werkgroep/templatetags/werkgroep.py`) from rows: the members
as `LidRegel`s, the meetings as columns from which a `Bijeenkomst` is made only when asked
for (`selectors.overzicht.Bijeenkomsten`). The page is what the template wrote before
(frozen beside this file as `werkgroep_oud.html`): for the coordinator, a member and a lezer,
on every page of meetings, with text that needs escaping, external members, members without
organisation or velden, motivations, voortgangsoverleggen and open actiepunten."""

import datetime as dt
from pathlib import Path

import pytest
import time_machine
from django.template import engines
from django.urls import reverse

from ivp.constants import RolSoort
from tests.stappen.stappenplan import lid_van
from tests.werkgroep.factories import LidFactory
from tests.werkgroep.test_uren_pagina import _gelijk
from veiligheidsvelden.models import Veld
from werkgroep import services
from werkgroep.constants import ActiepuntStatus
from werkgroep.models import Actiepunt, Bijeenkomst, Lid

pytestmark = pytest.mark.django_db


@pytest.fixture
def lezer(plan):
    return lid_van(plan.gemeente, RolSoort.LEZER)


OUD = Path(__file__).with_name("werkgroep_oud.html").read_text()


@pytest.fixture
def werkgroep(plan, coordinator):
    """Members in every state of the two tables, and 47 meetings (three pages of 20)."""
    trekker = LidFactory(plan=plan, door=coordinator, trekker=True)
    velden = list(Veld.objects.order_by("code"))
    gewoon = LidFactory(plan=plan, door=coordinator, velden=velden[:2])
    politie = LidFactory(plan=plan, door=coordinator, politie_expert=True, velden=velden[4:])
    extern = LidFactory(plan=plan, door=coordinator, extern=True)
    Lid.objects.filter(pk=extern.pk).update(
        naam='Partner <b>"&"</b>', functie="Officier & <i>co</i>", motivatie="Nodig <want> & zo"
    )
    Lid.objects.filter(pk=gewoon.pk).update(organisatie="", functie="Adviseur")
    werkgroep = trekker.werkgroep
    start = dt.date(2022, 7, 1)
    bijeenkomsten = Bijeenkomst.objects.bulk_create(
        Bijeenkomst(
            werkgroep=werkgroep,
            titel=f"Overleg <{n}> & meer" if n % 5 == 0 else f"Werkgroep {n}",
            datum=start + dt.timedelta(days=14 * n),
            begintijd=dt.time(14, 0) if n % 3 else dt.time(9, 30),
            eindtijd=dt.time(16, 30),
            voortgangsoverleg=n % 7 == 6,
            motivatie=f"Reden <{n}> & meer" if n > 6 and n % 2 else "",
        )
        for n in range(47)
    )
    Actiepunt.objects.bulk_create(
        Actiepunt(
            bijeenkomst=bijeenkomsten[n],
            wat=f"Actie {n}",
            wie=gewoon,
            deadline=dt.date(2023, 1, 1),
            status=ActiepuntStatus.OPEN if n % 2 else ActiepuntStatus.GEREED,
        )
        for n in (1, 1, 2, 3, 3, 3, 30)
    )
    return [trekker, gewoon, politie, extern]


def _oud_en_nieuw(client, url: str) -> tuple[str, str]:
    response = client.get(url)
    assert response.status_code == 200
    oud = engines["django"].from_string(OUD)
    return (
        response.content.decode(),
        oud.render(response.context[0].flatten(), request=response.wsgi_request),
    )


@pytest.mark.parametrize("pagina", ["", "?bijeenkomsten=1", "?bijeenkomsten=2", "?bijeenkomsten=3"])
def test_the_coordinators_page_is_what_the_template_wrote(
    client, plan, coordinator, werkgroep, pagina
):
    client.force_login(coordinator)
    with time_machine.travel(dt.datetime(2023, 6, 1, 12, tzinfo=dt.UTC), tick=False):
        nieuw, oud = _oud_en_nieuw(client, reverse("werkgroep:werkgroep", args=[plan.pk]) + pagina)
    assert _gelijk(nieuw) == _gelijk(oud)
    assert "Partner &lt;b&gt;&quot;&amp;&quot;&lt;/b&gt;" in nieuw
    assert "Nodig &lt;want&gt; &amp; zo" in nieuw


@pytest.mark.parametrize("wie", ["lid", "lezer"])
def test_a_members_and_a_lezers_page_is_what_the_template_wrote(
    client, plan, werkgroep, lezer, wie
):
    client.force_login(werkgroep[1].gebruiker if wie == "lid" else lezer)
    nieuw, oud = _oud_en_nieuw(client, reverse("werkgroep:werkgroep", args=[plan.pk]))
    assert _gelijk(nieuw) == _gelijk(oud)
    assert "Wijzig" not in nieuw


@pytest.mark.parametrize("met_werkgroep", [False, True])
def test_the_page_without_members_or_meetings_is_what_the_template_wrote(
    client, plan, coordinator, met_werkgroep
):
    if met_werkgroep:  # made before its first member (`werkgroep_ensure`), or none at all
        services.werkgroep_ensure(plan=plan, door=coordinator)
    client.force_login(coordinator)
    nieuw, oud = _oud_en_nieuw(client, reverse("werkgroep:werkgroep", args=[plan.pk]))
    assert _gelijk(nieuw) == _gelijk(oud)
    assert "Nog geen bijeenkomsten gepland." in nieuw


def test_the_meetings_are_numbered_over_all_pages(client, plan, coordinator, werkgroep):
    client.force_login(coordinator)
    url = reverse("werkgroep:werkgroep", args=[plan.pk])
    pagina = client.get(url + "?bijeenkomsten=3").context["pagina"]
    getoond = list(pagina.bijeenkomsten_pagina)
    alle = list(pagina.bijeenkomsten)
    assert len(alle) == 47 and [r.bijeenkomst for r in getoond] == [
        r.bijeenkomst for r in alle[40:]
    ]
    # Every seventh is a voortgangsoverleg (no number); the others count on.
    nummers = [r.nummer for r in alle]
    assert nummers[:8] == [1, 2, 3, 4, 5, 6, None, 7]
    assert pagina.aantal_bijeenkomsten == 47 - 47 // 7 == nummers[-1]
    assert [r.open_actiepunten for r in alle[:4]] == [0, 2, 0, 3]
    # A regel's meeting has the list's columns; the others are read when used.
    opgeslagen = Bijeenkomst.objects.get(pk=getoond[0].bijeenkomst.pk)
    assert getoond[0].bijeenkomst.uid == opgeslagen.uid
