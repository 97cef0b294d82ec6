"""The decision record of a plan for a Woo request (issue 10): per step which version was
offered to which body when and by whom, the Besluiten, the public PDFs with their SHA-256,
an index as CSV and JSON; never a closed rendering."""

import csv
import hashlib
import io
import json
import zipfile

import pytest
from django.urls import reverse

from stappen.constants import WeergaveSoort
from tests.stappen.griffie_hulp import (
    IVP_OP,
    klare_weergave,
    laatste_versie,
    pdf_bytes,
    plan_bij_de_raad,
)

pytestmark = pytest.mark.django_db


def dossier(client, plan):
    response = client.get(reverse("stappen:woo_export", args=[plan.pk]))
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_record_holds_offers_decisions_and_public_pdfs_per_step_with_an_index(
    client, plan, coordinator
):
    stukken = plan_bij_de_raad(plan, coordinator)
    versie = laatste_versie(stukken["ivp"])
    geheim = b"GEHEIM-ONDERMIJNINGSBEELD"
    besloten = klare_weergave(
        versie,
        coordinator,
        soort=WeergaveSoort.BESLOTEN,
        vrijgegeven=True,
        inhoud=pdf_bytes(geheim.decode()),
    )
    client.force_login(coordinator)
    assert (
        reverse("stappen:woo_export", args=[plan.pk])
        in client.get(reverse("stappen:plan", args=[plan.pk])).content.decode()
    )
    archief = dossier(client, plan)
    assert archief.testzip() is None
    namen = archief.namelist()
    openbaar = versie.weergaven.get(soort=WeergaveSoort.OPENBAAR)
    pad = f"stap-4-opstellen-ivp/{openbaar.bestandsnaam}"
    assert pad in namen and "index.csv" in namen and "index.json" in namen
    assert hashlib.sha256(archief.read(pad)).hexdigest() == openbaar.sha256
    # The closed rendering is never in it: not as a file, not in the index, not its bytes.
    assert all(besloten.bestandsnaam not in n for n in namen)
    assert all(geheim not in archief.read(n) for n in namen)
    assert all(besloten.sha256.encode() not in archief.read(n) for n in namen)

    index = json.loads(archief.read("index.json"))
    regels = [r for r in index["regels"] if r["document"] == stukken["ivp"].titel]
    aanbieding = next(r for r in regels if r["gebeurtenis"] == "Aangeboden ter besluitvorming")
    assert (
        aanbieding
        | {
            "stap": "Stap 4: Opstellen IVP",
            "orgaan": "Gemeenteraad",
            "door": coordinator.get_full_name(),
            "datum": f"{IVP_OP:%d-%m-%Y}",
        }
        == aanbieding
    )
    assert aanbieding["versie"].startswith("0.")  # the draft that was offered
    besluit = next(r for r in regels if r["gebeurtenis"] == "Besluit")
    assert besluit["orgaan"] == "Gemeenteraad" and besluit["uitkomst"] == "Vastgesteld"
    assert besluit["datum"] == f"{IVP_OP:%d-%m-%Y}"
    pdf = next(r for r in regels if r["gebeurtenis"] == "PDF (openbaar)")
    assert pdf["bestand"] == pad and pdf["sha256"] == openbaar.sha256 and pdf["versie"] == "1.0"
    informatie = [r for r in index["regels"] if r["gebeurtenis"] == "Raad geïnformeerd"]
    assert [r["document"] for r in informatie] == [stukken["uitvoeringsplan"].titel]
    # The college's own decisions are part of the record too.
    assert any(
        r["document"] == stukken["startnotitie"].titel and r["gebeurtenis"] == "Besluit"
        for r in index["regels"]
    )

    tekst = archief.read("index.csv")
    assert tekst.startswith(b"\xef\xbb\xbfstap;document;gebeurtenis;")
    rijen = list(csv.DictReader(io.StringIO(tekst.decode("utf-8-sig")), delimiter=";"))
    assert len(rijen) == len(index["regels"])


@pytest.mark.parametrize(
    "rol", ["werkgroeplid", "bestuurder", "lezer", "griffie", "buitenstaander"]
)
def test_only_the_coordinator_exports_the_record(client, plan, rol, request):
    client.force_login(request.getfixturevalue(rol))
    assert client.get(reverse("stappen:woo_export", args=[plan.pk])).status_code == 404


def test_the_export_stays_flat_in_queries(client, plan, coordinator, django_assert_max_num_queries):
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        dossier(client, plan)
    stukken = plan_bij_de_raad(plan, coordinator)
    for doc in stukken.values():
        klare_weergave(laatste_versie(doc), coordinator)
    with django_assert_max_num_queries(12):
        archief = dossier(client, plan)
    assert len([n for n in archief.namelist() if n.endswith(".pdf")]) == 8
