"""The document and version pages show per chapter the most recent open threads and a count of
the others, so they render about the same for 50 comments as for 500; every thread stays
reachable through the chapter's thread list (plain links, no JavaScript)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from ivp.constants import RolSoort
from stappen import services
from stappen.constants import DocumentSoort
from stappen.models import Hoofdstuk, Opmerking
from stappen.selectors import MAX_OPEN_DRADEN
from tests.ivp.factories import GebruikerFactory
from tests.stappen.factories import maak_plan
from tests.stappen.stappenplan import coordinator_van, document, lid_van

pytestmark = pytest.mark.django_db

HOOFDSTUKKEN = 4
_BLOK = re.compile(r'<article class="ivp-opmerking[ "]')
_DRAAD_ID = re.compile(r'id="opm-(\d+)-kop"')
_ALLE = re.compile(r'href="([^"]+/opmerkingen/[^"]+)">\s*alle opmerkingen bij')
_VOLGENDE = re.compile(r'rel="next"\s+href="([^"]+)"')


def _document(opmerkingen: int):
    """The IVP with four chapters in review and `opmerkingen` threads spread over them; every
    third one resolved, every fifth one with a reply."""
    plan = maak_plan()
    coordinator = coordinator_van(plan.gemeente)
    doc = document(plan, DocumentSoort.IVP)
    doc.hoofdstukken.all().delete()
    Hoofdstuk.objects.bulk_create(
        Hoofdstuk(document=doc, sleutel=f"h{i}", titel=f"Hoofdstuk {i}", volgorde=i, tekst="T")
        for i in range(HOOFDSTUKKEN)
    )
    services.document_open_review(document=doc, door=coordinator, sluit_op=dt.date(2099, 1, 1))
    versie = doc.versies.get()
    leden = [lid_van(plan.gemeente) for _ in range(3)]
    begin = timezone.now() - dt.timedelta(days=30)
    draden = Opmerking.objects.bulk_create(
        Opmerking(
            versie=versie,
            sectie=f"h{i % HOOFDSTUKKEN}",
            tekst=f"Opmerking {i}",
            auteur=leden[i % 3],
            geplaatst_op=begin + dt.timedelta(minutes=i),
            opgelost_op=begin if i % 3 == 0 else None,
            opgelost_door=coordinator if i % 3 == 0 else None,
        )
        for i in range(opmerkingen)
    )
    Opmerking.objects.bulk_create(
        Opmerking(
            versie=versie,
            sectie=d.sectie,
            tekst="Antwoord",
            auteur=coordinator,
            antwoord_op=d,
            geplaatst_op=d.geplaatst_op + dt.timedelta(seconds=1),
        )
        for d in draden[::5]
    )
    return doc, coordinator, draden


def _aantal_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response.content.decode()


@pytest.mark.parametrize("pagina", ["document", "versie"])
def test_the_page_shows_as_many_thread_blocks_for_50_comments_as_for_500(
    client, pagina, django_assert_max_num_queries
):
    gemeten = []
    for aantal in (50, 500):
        doc, coordinator, _ = _document(aantal)
        client.force_login(coordinator)
        url = (
            reverse("stappen:document", args=[doc.pk])
            if pagina == "document"
            else reverse("stappen:versie", args=[doc.pk, "0.1"])
        )
        with django_assert_max_num_queries(13):  # 14 before issue 8's threads as rows
            client.get(url)
        queries, html = _aantal_queries(client, url)
        gemeten.append((queries, len(_BLOK.findall(html))))
        assert "waarvan" in html and "alle opmerkingen bij hoofdstuk 1" in html
    assert gemeten[0] == gemeten[1]
    assert gemeten[1][1] == HOOFDSTUKKEN * MAX_OPEN_DRADEN


def test_the_page_shows_the_most_recent_open_threads_and_counts_the_others(client):
    doc, coordinator, draden = _document(50)
    client.force_login(coordinator)
    html = client.get(reverse("stappen:document", args=[doc.pk])).content.decode()
    hoofdstuk0 = [d for d in draden if d.sectie == "h0"]
    open0 = [d for d in hoofdstuk0 if d.opgelost_op is None]
    getoond = {int(pk) for pk in _DRAAD_ID.findall(html)}
    verwacht = {d.pk for d in sorted(open0, key=lambda d: d.geplaatst_op)[-MAX_OPEN_DRADEN:]}
    assert verwacht <= getoond
    assert not {d.pk for d in hoofdstuk0 if d.opgelost_op} & getoond
    assert f"Opmerkingen bij hoofdstuk 0 ({len(hoofdstuk0)}, waarvan {len(open0)} open)" in html
    afgehandeld = len(hoofdstuk0) - len(open0)
    overig_open = len(open0) - MAX_OPEN_DRADEN
    assert f"({overig_open} open, {afgehandeld} afgehandeld)" in html
    # The number of replies comes from a count, not from loading them.
    assert "1 reactie lezen of reageren" in html


@pytest.mark.parametrize("pagina", ["document", "versie"])
def test_every_thread_is_reached_through_the_links(client, pagina):
    doc, coordinator, draden = _document(120)
    client.force_login(coordinator)
    url = (
        reverse("stappen:document", args=[doc.pk])
        if pagina == "document"
        else reverse("stappen:versie", args=[doc.pk, "0.1"])
    )
    html = client.get(url).content.decode()
    gezien = {int(pk) for pk in _DRAAD_ID.findall(html)}
    lijsten = _ALLE.findall(html)
    assert len(lijsten) == HOOFDSTUKKEN
    for lijst in lijsten:
        volgende: str | None = lijst.replace("&amp;", "&")
        for _ in range(20):  # bounded: 120 threads are a few pages
            if volgende is None:
                break
            response = client.get(volgende if volgende.startswith("/") else lijst + volgende)
            assert response.status_code == 200
            pagina_html = response.content.decode()
            gezien |= {int(pk) for pk in _DRAAD_ID.findall(pagina_html)}
            gevonden = _VOLGENDE.search(pagina_html)
            volgende = (
                lijst.split("?")[0] + gevonden.group(1).replace("&amp;", "&") if gevonden else None
            )
    assert gezien == {d.pk for d in draden}


def test_the_thread_list_puts_open_threads_first_and_is_paged(client):
    doc, coordinator, draden = _document(120)
    client.force_login(coordinator)
    url = reverse("stappen:sectie_draden", args=[doc.pk, "h1"])
    html = client.get(url).content.decode()
    eerste = [int(pk) for pk in _DRAAD_ID.findall(html)]
    open1 = sorted(
        (d for d in draden if d.sectie == "h1" and d.opgelost_op is None),
        key=lambda d: d.geplaatst_op,
        reverse=True,
    )
    assert eerste[: len(open1)] == [d.pk for d in open1][: len(eerste)]
    assert "Pagina 1 van 2" in html and "Volgende pagina" in html
    assert "30 opmerkingen, waarvan 20 open" in html
    tweede = client.get(url, {"pagina": "2"}).content.decode()
    assert "Vorige pagina" in tweede
    assert client.get(url, {"versie": "9.9"}).status_code == 404


def test_a_reader_without_access_to_drafts_gets_no_thread_list(client):
    doc, _, _ = _document(10)
    lezer = GebruikerFactory(rol=(doc.plan.gemeente, RolSoort.LEZER))
    client.force_login(lezer)
    url = reverse("stappen:sectie_draden", args=[doc.pk, "h1"])
    assert client.get(url).status_code == 404
