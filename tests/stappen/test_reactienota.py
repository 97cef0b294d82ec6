"""The reactienota a page of threads at a time (issue 8): the pages together hold every
thread once, in the order the one long list had (version, chapters in the order their first
thread came, threads in the order they were placed), and a page costs the same queries for
10 threads as for 120."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stappen import services
from stappen.selectors import NOTA_DRADEN_PER_PAGINA
from tests.stappen.factories import maak_plan
from tests.stappen.stappenplan import coordinator_van

pytestmark = pytest.mark.django_db

SECTIES = ["inleiding", "aanleiding", "inleiding", "werkwijze"]


def _document_met_draden(aantal: int):
    plan = maak_plan()
    coordinator = coordinator_van(plan.gemeente)
    doc = plan.documenten.get(soort="startnotitie")
    eerste = services.versie_create(document=doc, door=coordinator)
    tweede = services.versie_create(document=doc, door=coordinator)
    sleutels = [s["sleutel"] for s in eerste.inhoud]
    verwacht: dict[tuple[str, str], list[int]] = {}
    teksten: dict[int, str] = {}
    # The threads alternate between the versions and between chapters, so a page boundary
    # falls inside a chapter and the order has to be rebuilt, not merely read.
    for n in range(aantal):
        versie = (tweede, eerste)[n % 2]
        sectie = sleutels[n % 3] if n % 5 else sleutels[0]
        draad = services.opmerking_create(
            versie=versie, door=coordinator, sectie=sectie, tekst=f"Opmerking nummer {n}."
        )
        teksten[draad.pk] = draad.tekst
        gevonden = versie.sectie(sectie)
        assert gevonden is not None
        titel = gevonden["titel"]
        verwacht.setdefault((versie.nummer, titel), []).append(draad.pk)
    volgorde = [
        (nummer, titel, pk)
        for versie in (eerste, tweede)
        for (nummer, titel), pks in verwacht.items()
        if nummer == versie.nummer
        for pk in pks
    ]
    return doc, coordinator, volgorde, teksten


def _pagina(client, doc, nummer: int):
    url = reverse("stappen:reactienota", args=[doc.pk]) + f"?pagina={nummer}"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    nota = response.context["nota"]
    regels = [
        (versie.nummer, titel, draad.pk)
        for versie, secties in nota.per_versie
        for titel, draden in secties
        for draad in draden
    ]
    return response.content.decode(), regels, len(queries)


def test_the_pages_together_are_the_whole_reactienota_in_its_order(client):
    aantal = 2 * NOTA_DRADEN_PER_PAGINA + 20
    doc, coordinator, verwacht, teksten = _document_met_draden(aantal)
    client.force_login(coordinator)
    gelezen = []
    for nummer in (1, 2, 3):
        html, regels, _ = _pagina(client, doc, nummer)
        assert f"Pagina {nummer} van 3" in html
        assert ("Volgende pagina" in html) == (nummer < 3)
        assert ("Vorige pagina" in html) == (nummer > 1)
        gelezen += regels
    assert gelezen == verwacht
    assert len(set(gelezen)) == aantal
    # The last page shows its threads' texts, and none of the first page's.
    html, _, _ = _pagina(client, doc, 3)
    assert all(teksten[pk] in html for _, _, pk in verwacht[-20:])
    assert not any(teksten[pk] in html for _, _, pk in verwacht[:NOTA_DRADEN_PER_PAGINA])


def test_a_page_of_the_reactienota_costs_the_same_for_10_and_120_threads(client):
    klein, coordinator_klein, _, _ = _document_met_draden(10)
    groot, coordinator_groot, _, _ = _document_met_draden(120)
    client.force_login(coordinator_klein)
    _pagina(client, klein, 1)  # warm (session)
    _, regels_klein, queries_klein = _pagina(client, klein, 1)
    client.force_login(coordinator_groot)
    _pagina(client, groot, 1)
    _, regels_groot, queries_groot = _pagina(client, groot, 1)
    assert len(regels_klein) == 10 and len(regels_groot) == NOTA_DRADEN_PER_PAGINA
    assert queries_klein == queries_groot
