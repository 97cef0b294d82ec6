"""The sections of a document: its chapters, then the sections a builder registers for its
type; a version stores them and the document page shows them."""

import datetime as dt

import pytest
from django.urls import reverse

from stappen import secties, services
from stappen.constants import DocumentSoort
from tests.stappen.stappenplan import document, lid_van, schrijf

pytestmark = pytest.mark.django_db


def test_bouw_secties_gives_the_chapters_then_the_registered_builder(startnotitie, coordinator):
    schrijf(startnotitie, coordinator, {"inleiding": "Veiligheid doen we samen."})
    gebouwd = secties.bouw_secties(startnotitie)
    assert gebouwd[0] == {
        "sleutel": "inleiding",
        "titel": "Inleiding",
        "tekst": "Veiligheid doen we samen.",
    }
    # The startnotitie's own builder (the evaluation of the previous IVP) is set aside and
    # put back, so that other tests keep it.
    eigen = secties._BOUWERS.get("startnotitie")
    plaats = secties._NA_HOOFDSTUK.pop("startnotitie", None)
    secties.registreer_bouwer(
        "startnotitie", lambda doc: [{"sleutel": "bijlage", "titel": "Bijlage", "tekst": "x"}]
    )
    try:
        assert secties.bouw_secties(startnotitie)[-1]["sleutel"] == "bijlage"
        assert len(secties.bouw_secties(startnotitie)) == 8
    finally:
        secties._BOUWERS.pop("startnotitie", None)
        if eigen is not None:
            secties.registreer_bouwer("startnotitie", eigen)
        if plaats is not None:
            secties.registreer_plaats("startnotitie", plaats)


def test_structured_sections_of_a_builder_show_on_the_page_and_in_versions(
    client, plan, coordinator
):
    analyse = document(plan, DocumentSoort.VEILIGHEIDSANALYSE)
    echt = secties._BOUWERS.get(DocumentSoort.VEILIGHEIDSANALYSE)
    secties.registreer_bouwer(
        DocumentSoort.VEILIGHEIDSANALYSE,
        lambda doc: [
            {
                "sleutel": "veld-1",
                "titel": "Veilige woon- en leefomgeving",
                "tekst": "Woninginbraken **dalen**.",
            }
        ],
    )
    try:
        services.document_open_review(
            document=analyse, door=coordinator, sluit_op=dt.date(2099, 1, 1)
        )
        versie = analyse.versies.get()
        assert versie.sectie("veld-1")["tekst"] == "Woninginbraken **dalen**."
        lid = lid_van(plan.gemeente)
        services.opmerking_create(versie=versie, door=lid, sectie="veld-1", tekst="Bron erbij?")
        client.force_login(lid)
        html = client.get(reverse("stappen:document", args=[analyse.pk])).content.decode()
        assert "Woninginbraken <strong>dalen</strong>." in html
        assert "Bron erbij?" in html
    finally:
        # Put the real builder back: later tests (in any order) build the analysis with it.
        secties._BOUWERS.pop(DocumentSoort.VEILIGHEIDSANALYSE, None)
        if echt is not None:
            secties._BOUWERS[DocumentSoort.VEILIGHEIDSANALYSE] = echt
