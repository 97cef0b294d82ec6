"""Exports that stream or are made in the background (issue 8): the CSV is streamed with the
same content as before, the Excel file is made by a task and offered on its own page, only to
the person who asked, and a failure can be tried again."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.test import TestCase
from django.urls import reverse
from openpyxl import load_workbook

from ivp import downloads
from ivp.constants import AchtergrondStatus
from ivp.models import Download
from tests.ivp.downloads import gestreamd, via_downloadpagina
from tests.stappen.stappenplan import coordinator_van
from tests.werkgroep import export_oud
from tests.werkgroep.factories import LidFactory
from werkgroep import export, selectors
from werkgroep.uren import services as uren_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def uren(plan, coordinator, vandaag):
    leden = [LidFactory(plan=plan, door=coordinator) for _ in range(3)]
    for n in range(240):
        uren_services.uren_log(
            lid=leden[n % 3],
            door=coordinator,
            datum=vandaag,
            uren=Decimal("0.25"),  # 80 entries a member: 20 hours on one day
            omschrijving=f"Werk {n}",
        )
    return leden


def test_the_csv_streams_what_the_export_always_wrote(client, plan, coordinator, uren):
    client.force_login(coordinator)
    response = client.get(reverse("werkgroep:uren_csv", args=[plan.pk]))
    verwacht = export.als_csv(
        export_oud.rijen(export_oud.export_registraties(coordinator, plan.pk))
    )
    inhoud = gestreamd(response)
    assert inhoud == verwacht
    assert inhoud.startswith("\ufeff".encode()) and len(inhoud.splitlines()) == 241
    # Pieces of at most 500 rows: the first piece holds everything for 240 entries, and a
    # stream of 1,200 rows comes in three pieces.
    stukken = list(
        export.csv_stroom(
            list(export_oud.rijen(export_oud.export_registraties(coordinator, plan.pk))) * 5
        )
    )
    assert len(stukken) == 3


def test_the_excel_file_is_made_in_the_background_with_every_entry_once(
    client, plan, coordinator, uren
):
    client.force_login(coordinator)
    excel = via_downloadpagina(client, reverse("werkgroep:uren_xlsx", args=[plan.pk]))
    rijen = list(load_workbook(io.BytesIO(excel)).active.values)[1:]
    assert sorted(r[5] for r in rijen) == sorted(f"Werk {n}" for n in range(240))
    assert sum(Decimal(str(r[4])) for r in rijen) == Decimal(60)


def test_asking_twice_while_it_is_made_is_one_request_and_making_twice_makes_once(
    plan, coordinator
):
    vraag = dict(
        gebruiker=coordinator,
        soort=export.UREN_XLSX,
        titel="Uren",
        bestandsnaam="uren.xlsx",
        parameters={"plan_id": plan.pk},
    )
    eerste = downloads.download_vraag(**vraag)
    assert downloads.download_vraag(**vraag) == eerste
    assert downloads.download_maak(eerste.pk) is True
    assert downloads.download_maak(eerste.pk) is False  # a redelivered task does nothing
    eerste.refresh_from_db()
    assert eerste.status == AchtergrondStatus.KLAAR and eerste.bestand
    assert Download.objects.count() == 1


def test_only_the_person_who_asked_gets_the_page_and_the_file(client, plan, coordinator, uren):
    client.force_login(coordinator)
    via_downloadpagina(client, reverse("werkgroep:uren_xlsx", args=[plan.pk]))
    download = Download.objects.get()
    client.force_login(coordinator_van(plan.gemeente))  # a colleague, same role
    assert client.get(reverse("download", args=[download.pk])).status_code == 404
    assert client.get(reverse("download_bestand", args=[download.pk])).status_code == 404
    assert client.post(reverse("download", args=[download.pk])).status_code == 404


def test_a_failed_file_says_mislukt_and_can_be_tried_again(
    client, plan, coordinator, uren, monkeypatch
):
    echt = downloads.MAKERS[export.UREN_XLSX]

    def kapot(gebruiker, parameters):
        raise OSError("schijf vol")

    monkeypatch.setitem(
        downloads.MAKERS, export.UREN_XLSX, downloads.Maker(kapot, echt.content_type)
    )
    client.force_login(coordinator)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("werkgroep:uren_xlsx", args=[plan.pk]))
    html = client.get(response["Location"]).content.decode()
    assert "Mislukt" in html and "Het bestand kon niet worden gemaakt." in html
    assert "Opnieuw proberen" in html
    download = Download.objects.get()
    assert client.get(reverse("download_bestand", args=[download.pk])).status_code == 404
    monkeypatch.setitem(downloads.MAKERS, export.UREN_XLSX, echt)
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("download", args=[download.pk]))
    html = client.get(reverse("download", args=[download.pk])).content.decode()
    assert "Het bestand wordt opnieuw gemaakt." in html and "Klaar" in html
    assert client.get(reverse("download_bestand", args=[download.pk])).status_code == 200


def test_the_state_block_polls_while_it_is_being_made_and_stops_when_ready(
    client, plan, coordinator
):
    download = downloads.download_vraag(
        gebruiker=coordinator,
        soort=export.UREN_XLSX,
        titel="Uren",
        bestandsnaam="uren.xlsx",
        parameters={"plan_id": plan.pk},
    )
    client.force_login(coordinator)
    blok = client.get(reverse("download", args=[download.pk]), HTTP_HX_REQUEST="true")
    assert "<html" not in blok.content.decode()
    assert 'data-hx-trigger="every 2s"' in blok.content.decode()
    downloads.download_maak(download.pk)
    blok = client.get(reverse("download", args=[download.pk]), HTTP_HX_REQUEST="true")
    assert "data-hx-trigger" not in blok.content.decode()
    assert "Download uren.xlsx" in blok.content.decode()


def test_the_export_rows_read_as_values_are_the_rows_of_the_entries(
    client, plan, coordinator, vandaag
):
    """`selectors.export_rijen` (plain values, members and steps read once; issue 8) gives
    the rows the old path gave over the entries (`export_oud`: a model instance each), for the
    coordinator and for a member, and
    the CSV of the page is byte for byte the CSV of those rows: steps, no step, an external
    partner whose name and organisation start like a formula, hours and days that differ."""
    import datetime as dt

    from tests.werkgroep.factories import UrenregistratieFactory

    lid_ = LidFactory(plan=plan, door=coordinator)
    extern = LidFactory(plan=plan, door=coordinator, extern=True)
    extern.naam, extern.organisatie = "=Formule", "+31 Partners"
    extern.save(update_fields=["naam", "organisatie"])
    stappen = list(plan.stappen.order_by("nummer")[:3])
    for n in range(30):
        UrenregistratieFactory(
            lid=(lid_, extern)[n % 2],
            datum=vandaag - dt.timedelta(days=n % 7),
            uren=(Decimal("0.25"), Decimal("2.50"), Decimal(3), Decimal("7.75"))[n % 4],
            stap=(None, *stappen)[n % 4],
            omschrijving=f'-Werk {n}; met "aanhalingstekens"' if n % 5 == 0 else f"Werk {n}",
        )
    for gebruiker in (coordinator, lid_.gebruiker):
        oud = list(export_oud.rijen(export_oud.export_registraties(gebruiker, plan.pk)))
        assert list(selectors.export_rijen(gebruiker, plan.pk)) == oud
        client.force_login(gebruiker)
        inhoud = gestreamd(client.get(reverse("werkgroep:uren_csv", args=[plan.pk])))
        assert inhoud == export.als_csv(oud)
        assert len(inhoud.splitlines()) == 1 + (30 if gebruiker == coordinator else 15)
        assert ("'=Formule;'+31 Partners;" in inhoud.decode()) == (gebruiker == coordinator)
