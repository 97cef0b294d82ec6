"""The threads an agenda item can point at (issue 8): the open threads of documents that are
not vastgesteld, so the choice follows what is still to discuss, not the plan's history. The
choice is on the agenda item's own page: the meeting page reads none of it, and both pages'
queries stay the same for 3 threads and for 60."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stappen import services as stappen_services
from stappen.constants import DocumentSoort, DocumentStatus
from stappen.models import Document
from tests.stappen.factories import maak_plan
from tests.werkgroep.factories import BijeenkomstFactory, versie_met_draad
from werkgroep.models import Agendapunt

pytestmark = pytest.mark.django_db


def _opties(html: str) -> list[str]:
    begin = html.index('name="opmerking"')
    return [
        regel.split('"')[1]
        for regel in html[begin : html.index("</select>", begin)].split("<option")[1:]
        if regel.split('"')[1]
    ]


def _wereld(plan, coordinator, extra_open: int = 0):
    versie, open_draad, _ = versie_met_draad(plan, coordinator)
    opgelost = stappen_services.opmerking_create(
        versie=versie, door=coordinator, sectie="inleiding", tekst="Al verwerkt in 0.2."
    )
    stappen_services.opmerking_resolve(opmerking=opgelost, door=coordinator)
    meer = [
        stappen_services.opmerking_create(
            versie=versie, door=coordinator, sectie="inleiding", tekst=f"Open punt {n}"
        )
        for n in range(extra_open)
    ]
    # A thread on a document that has since been vastgesteld is history.
    ander = plan.documenten.get(soort=DocumentSoort.PRIORITERING)
    oude_versie = stappen_services.versie_create(document=ander, door=coordinator)
    oud = stappen_services.opmerking_create(
        versie=oude_versie, door=coordinator, sectie=oude_versie.inhoud[0]["sleutel"], tekst="Oud"
    )
    Document.objects.filter(pk=ander.pk).update(status=DocumentStatus.VASTGESTELD)
    return versie, [open_draad, *meer], opgelost, oud


def test_the_agenda_offers_the_open_threads_only_and_refuses_a_resolved_one(
    client, plan, coordinator, vandaag
):
    _, open_draden, opgelost, oud = _wereld(plan, coordinator)
    b = BijeenkomstFactory(plan=plan, door=coordinator, datum=vandaag)
    client.force_login(coordinator)
    url = reverse("werkgroep:agendapunt_nieuw", args=[b.pk])
    html = client.get(url).content.decode()
    assert _opties(html) == [str(d.pk) for d in open_draden]
    assert "Alleen open draden bij documenten die nog niet zijn vastgesteld." in html

    for draad in (opgelost, oud):
        response = client.post(
            url,
            {"onderwerp": "Terugblik", "opmerking": draad.pk},
        )
        assert response.status_code == 200
        assert response.context["form"].errors["opmerking"] == [
            "Kies een open draad (de eerste opmerking, geen antwoord) bij een document van "
            "dit plan dat nog niet is vastgesteld."
        ]
        assert 'value="Terugblik"' in response.content.decode()
    assert not Agendapunt.objects.exists()
    # An item that already points at a thread keeps showing it after the thread is resolved.
    client.post(url, {"onderwerp": "Cijfers", "opmerking": open_draden[0].pk})
    stappen_services.opmerking_resolve(opmerking=open_draden[0], door=coordinator)
    html = client.get(reverse("werkgroep:bijeenkomst", args=[b.pk])).content.decode()
    assert "Kunnen we de cijfers van de politie toevoegen?" in html
    assert _opties(client.get(url).content.decode()) == []


def test_the_meeting_and_agenda_item_pages_keep_their_queries_for_3_and_for_60_threads(
    client, plan, coordinator, vandaag
):
    groot = maak_plan(plan.gemeente, titel="Groot")
    _wereld(plan, coordinator, extra_open=2)
    _wereld(groot, coordinator, extra_open=59)
    klein_b = BijeenkomstFactory(plan=plan, door=coordinator, datum=vandaag)
    groot_b = BijeenkomstFactory(plan=groot, door=coordinator, datum=vandaag)
    client.force_login(coordinator)
    client.get(reverse("werkgroep:bijeenkomst", args=[klein_b.pk]))  # warm (session, caches)
    for pagina in ("werkgroep:bijeenkomst", "werkgroep:agendapunt_nieuw"):
        aantallen = []
        for b, verwacht in ((klein_b, 3), (groot_b, 60)):
            with CaptureQueriesContext(connection) as q:
                html = client.get(reverse(pagina, args=[b.pk])).content.decode()
            if pagina == "werkgroep:bijeenkomst":
                assert 'name="opmerking"' not in html
                assert reverse("werkgroep:agendapunt_nieuw", args=[b.pk]) in html
            else:
                assert len(_opties(html)) == verwacht
            aantallen.append(len(q))
        assert aantallen[0] == aantallen[1], (pagina, aantallen)
