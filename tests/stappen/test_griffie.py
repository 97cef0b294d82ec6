"""The griffie's page (issue 10): per raad meeting the stukken with their PDF, version,
SHA-256, decision and date; the metadata as JSON and CSV; one ZIP per meeting. The college's
own decisions, drafts and unreleased closed renderings never reach it."""

import csv
import datetime as dt
import hashlib
import io
import json
import zipfile

import pytest
from django.urls import reverse

from ivp.constants import RolSoort
from stappen.constants import WeergaveSoort
from tests.ivp.factories import GemeenteFactory
from tests.stappen.factories import maak_plan
from tests.stappen.griffie_hulp import (
    IVP_OP,
    KENNISNAME_OP,
    PRIORITERING_OP,
    klare_weergave,
    laatste_versie,
    plan_bij_de_raad,
    ter_besluitvorming,
    voorstel,
)
from tests.stappen.stappenplan import coordinator_van, document, lid_van, rond_af, stel_vast

pytestmark = pytest.mark.django_db


@pytest.fixture
def stukken(plan, coordinator):
    return plan_bij_de_raad(plan, coordinator)


def sectie(html, titel):
    """The part of the page under one meeting's heading."""
    begin = html.index(f">{titel}</h2>")
    einde = html.find("<h2", begin + 1)
    return html[begin : einde if einde > 0 else None]


def zip_van(response):
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_griffie_sees_the_stukken_per_raad_meeting_with_pdf_hash_decision_and_date(
    client, griffie, stukken
):
    client.force_login(griffie)
    html = client.get(reverse("stappen:griffie")).content.decode()
    assert "Er staan nog geen stukken" not in html

    ivp = sectie(html, f"Raadsvergadering van {IVP_OP:%d-%m-%Y}")
    pdf = laatste_versie(stukken["ivp"]).weergaven.get()
    assert f">{stukken['ivp'].titel}</th>" in ivp
    assert "Raadsvoorstel" in ivp and "2023-RAAD-0012" in ivp and "burgemeester H. Jansen" in ivp
    assert "Vastgesteld door de raad" in ivp and ">1.0<" in ivp
    assert pdf.sha256 in ivp
    assert reverse("stappen:weergave_download", args=[pdf.pk]) in ivp

    prioritering = sectie(html, f"Raadsvergadering van {PRIORITERING_OP:%d-%m-%Y}")
    assert f">{stukken['prioritering'].titel}</th>" in prioritering

    informatie = sectie(html, f"Raadsvergadering van {KENNISNAME_OP:%d-%m-%Y}")
    assert f">{stukken['uitvoeringsplan'].titel}</th>" in informatie
    assert "Ter informatie (raadsinformatiebrief)" in informatie
    assert "Vastgesteld door het college; de raad geïnformeerd op 25-04-2023" in informatie

    # What the college alone decided, and the werkgroep's analysis, are not there.
    assert f">{stukken['startnotitie'].titel}</th>" not in html
    assert ">Veiligheidsanalyse" not in html
    # Meetings newest first.
    assert html.index(f"{KENNISNAME_OP:%d-%m-%Y}</h2>") < html.index(f"{IVP_OP:%d-%m-%Y}</h2>")


def test_a_stuk_not_yet_decided_stands_under_its_planned_meeting_or_not_yet_on_an_agenda(
    client, griffie, gemeente
):
    coordinator = coordinator_van(gemeente)
    gepland = maak_plan(gemeente=gemeente, titel="IVP gepland")
    doc = ter_besluitvorming(gepland, coordinator)
    voorstel(laatste_versie(doc), coordinator, vergaderdatum=dt.date(2027, 1, 26))
    los = ter_besluitvorming(maak_plan(gemeente=gemeente, titel="IVP los"), coordinator)

    client.force_login(griffie)
    html = client.get(reverse("stappen:griffie")).content.decode()
    gepland_html = sectie(html, "Raadsvergadering van 26-01-2027")
    assert "Ter besluitvorming: de raad besluit" in gepland_html
    assert f">{doc.titel}</th>" in gepland_html
    assert "Er is nog geen PDF gemaakt." in gepland_html
    assert los.titel in sectie(html, "Nog niet geagendeerd")
    assert reverse("stappen:griffie_zip", args=["niet-geagendeerd"]) in html


def test_the_pdf_downloads_with_the_bytes_its_hash_names(client, griffie, stukken):
    pdf = laatste_versie(stukken["ivp"]).weergaven.get()
    client.force_login(griffie)
    response = client.get(reverse("stappen:weergave_download", args=[pdf.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    inhoud = b"".join(response.streaming_content)
    assert hashlib.sha256(inhoud).hexdigest() == pdf.sha256


def test_the_closed_rendering_reaches_the_griffie_only_once_released(
    client, griffie, coordinator, stukken
):
    versie = laatste_versie(stukken["ivp"])
    besloten = klare_weergave(versie, coordinator, soort=WeergaveSoort.BESLOTEN)
    client.force_login(griffie)
    url = reverse("stappen:weergave_download", args=[besloten.pk])
    assert client.get(url).status_code == 404
    html = client.get(reverse("stappen:griffie")).content.decode()
    assert url not in html and besloten.sha256 not in html
    # Released to the raad (a new closed rendering, as the coordinator releases it).
    vrij = klare_weergave(versie, coordinator, soort=WeergaveSoort.BESLOTEN, vrijgegeven=True)
    html = client.get(reverse("stappen:griffie")).content.decode()
    assert reverse("stappen:weergave_download", args=[vrij.pk]) in html
    assert "Besloten PDF (geheim, art. 25 Gemeentewet)" in html
    assert client.get(reverse("stappen:weergave_download", args=[vrij.pk])).status_code == 200
    # ... but never in a meeting's ZIP, which goes to the raadsinformatiesysteem.
    archief = zip_van(client.get(reverse("stappen:griffie_zip", args=[IVP_OP.isoformat()])))
    assert vrij.bestandsnaam not in archief.namelist()
    assert all(vrij.sha256 not in archief.read(n).decode("latin-1") for n in archief.namelist())


def test_the_metadata_downloads_as_json_and_as_csv_the_way_excel_opens_it(client, griffie, stukken):
    client.force_login(griffie)
    gegevens = json.loads(client.get(reverse("stappen:griffie_metadata", args=["json"])).content)
    ivp = next(s for s in gegevens["stukken"] if s["titel"] == stukken["ivp"].titel)
    pdf = laatste_versie(stukken["ivp"]).weergaven.get()
    assert ivp == ivp | {
        "type_stuk": "Raadsvoorstel",
        "datum": f"{IVP_OP:%d-%m-%Y}",
        "versie": "1.0",
        "portefeuillehouder": "burgemeester H. Jansen",
        "voorstelnummer": "2023-RAAD-0012",
        "vergadering": f"{IVP_OP:%d-%m-%Y}",
        "sha256": pdf.sha256,
    }
    assert {s["titel"] for s in gegevens["stukken"]} == {
        stukken[n].titel for n in ("prioritering", "ivp", "uitvoeringsplan")
    }

    response = client.get(reverse("stappen:griffie_metadata", args=["csv"]))
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    rijen = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rijen) == 3
    assert {r["sha256"] for r in rijen} >= {pdf.sha256}
    assert client.get(reverse("stappen:griffie_metadata", args=["xml"])).status_code == 404


def test_the_meeting_zip_holds_the_pdfs_and_their_metadata(client, griffie, stukken):
    client.force_login(griffie)
    response = client.get(reverse("stappen:griffie_zip", args=[IVP_OP.isoformat()]))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert response.streaming  # written as it is sent, never held whole
    archief = zip_van(response)
    assert archief.testzip() is None
    pdf = laatste_versie(stukken["ivp"]).weergaven.get()
    assert sorted(archief.namelist()) == sorted([pdf.bestandsnaam, "metadata.csv", "metadata.json"])
    assert hashlib.sha256(archief.read(pdf.bestandsnaam)).hexdigest() == pdf.sha256
    gegevens = json.loads(archief.read("metadata.json"))
    assert gegevens["vergadering"] == f"Raadsvergadering van {IVP_OP:%d-%m-%Y}"
    assert [s["bestand"] for s in gegevens["stukken"]] == [pdf.bestandsnaam]
    assert archief.read("metadata.csv").startswith(b"\xef\xbb\xbftitel;")
    assert client.get(reverse("stappen:griffie_zip", args=["2001-01-01"])).status_code == 404


def test_another_gemeentes_griffie_and_other_roles_get_nothing(
    client, stukken, coordinator, lezer, werkgroeplid
):
    andere_griffie = lid_van(GemeenteFactory(naam="Kampen", cbs_code="GM0166"), RolSoort.GRIFFIE)
    pdf = laatste_versie(stukken["ivp"]).weergaven.get()
    for gebruiker in (coordinator, lezer, werkgroeplid):
        client.force_login(gebruiker)
        for url in (
            reverse("stappen:griffie"),
            reverse("stappen:griffie_metadata", args=["csv"]),
            reverse("stappen:griffie_zip", args=[IVP_OP.isoformat()]),
        ):
            assert client.get(url).status_code == 404, (gebruiker, url)
    # The griffie of another gemeente has its own (empty) page, and none of these stukken.
    client.force_login(andere_griffie)
    html = client.get(reverse("stappen:griffie")).content.decode()
    assert "Er staan nog geen stukken voor de raad klaar." in html
    gegevens = json.loads(client.get(reverse("stappen:griffie_metadata", args=["json"])).content)
    assert gegevens == {"stukken": []}
    assert client.get(reverse("stappen:griffie_zip", args=[IVP_OP.isoformat()])).status_code == 404
    assert client.get(reverse("stappen:weergave_download", args=[pdf.pk])).status_code == 404


def test_the_griffie_page_stays_flat_in_queries(
    client, griffie, gemeente, stukken, django_assert_max_num_queries
):
    client.force_login(griffie)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("stappen:griffie")).status_code == 200
    coordinator = coordinator_van(gemeente)
    for n in range(4):
        doc = ter_besluitvorming(maak_plan(gemeente=gemeente, titel=f"IVP {n}"), coordinator)
        klare_weergave(laatste_versie(doc), coordinator)
        voorstel(laatste_versie(doc), coordinator, vergaderdatum=dt.date(2027, 2, n + 1))
    for url in (
        reverse("stappen:griffie"),
        reverse("stappen:griffie_metadata", args=["json"]),
        reverse("stappen:griffie_zip", args=["2027-02-01"]),
    ):
        with django_assert_max_num_queries(12):
            response = client.get(url)
            assert response.status_code == 200


def test_a_collegevoorstel_s_meeting_is_not_a_raad_meeting(client, griffie, plan, coordinator):
    """The uitvoeringsplan's voorstel names the college's meeting: until the raad is
    informed, the stuk is not yet on a raad agenda."""
    rond_af(plan, coordinator, 4)
    uitvoeringsplan = document(plan, "uitvoeringsplan", plan.periode_start.year)
    stel_vast(uitvoeringsplan, coordinator)
    voorstel(laatste_versie(uitvoeringsplan), coordinator, vergaderdatum=dt.date(2023, 4, 4))
    client.force_login(griffie)
    html = client.get(reverse("stappen:griffie")).content.decode()
    assert "Raadsvergadering van 04-04-2023" not in html
    assert f">{uitvoeringsplan.titel}</th>" in sectie(html, "Nog niet geagendeerd")
    assert "de raad ontvangt het ter informatie" in html
