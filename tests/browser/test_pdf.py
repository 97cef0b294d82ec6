"""The coordinator fills in the raadsvoorstel, renders the PDFs, sees them ready and releases
the closed one to the raad (issue 10, "Must hold"; the griffie's download is theirs)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from stappen import services
from stappen.constants import DocumentSoort
from tests.stappen.stappenplan import document, hoofdstuk, schrijf

pytestmark = [pytest.mark.browser]

UIT = Path("test-output/pdf")


@pytest.fixture
def versie(plan, coordinator):
    doc = document(plan, DocumentSoort.IVP)
    schrijf(doc, coordinator, {"inleiding": "Samen werken we aan een veilig Steenwijkerland."})
    services.vertrouwelijk_markeren(
        hoofdstuk(doc, "uitgangssituatie"), door=coordinator, vertrouwelijk=True,
        reden="het hoofdstuk bevat het ondermijningsbeeld",
    )  # fmt: skip
    return services.versie_create(document=doc, door=coordinator, aanleiding="Voor de raad")


def test_the_coordinator_renders_and_releases_the_raadsvoorstel(
    page, login, check_axe, screenshot, versie, coordinator
):
    login(page, coordinator.username, "wachtwoord")
    page.goto(f"/documenten/{versie.document_id}/")
    page.get_by_role("link", name="Voorstel en PDF bij versie 0.1").click()
    page.get_by_role("link", name="Voorstel invullen").click()

    page.get_by_label("Onderwerp").fill("Vaststellen Integraal Veiligheidsplan")
    page.get_by_role("button", name="Voorstel opslaan").click()
    expect(page.locator("main")).to_contain_text(
        "Vul de portefeuillehouder in.", use_inner_text=True
    )
    assert page.get_by_label("Onderwerp").input_value() == "Vaststellen Integraal Veiligheidsplan"
    page.get_by_label("Portefeuillehouder").fill("Burgemeester")
    page.get_by_label("Voorstelnummer").fill("2026-RAAD-00012")
    page.get_by_label("Beslispunten").fill(
        "Het IVP vast te stellen.\nDe prioriteiten te bevestigen."
    )
    page.get_by_label("Datum vergadering").fill("15-12-2026")
    page.get_by_role("button", name="Voorstel opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "Het voorstel is opgeslagen.", use_inner_text=True
    )

    page.get_by_role("button", name="Openbare PDF maken").click()
    page.get_by_role("button", name="Besloten PDF maken").click()
    tabel = page.get_by_role("table", name="PDF's van versie 0.1, nieuwste eerst")
    expect(tabel.get_by_text("Klaar")).to_have_count(2)
    check_axe(page)
    screenshot(page, "pdf-stuk")

    UIT.mkdir(parents=True, exist_ok=True)
    link = tabel.get_by_role("row", name="Besloten").get_by_role("link", name="Downloaden")
    antwoord = page.request.get(link.get_attribute("href") or "")  # the session's cookies
    assert antwoord.headers["content-type"] == "application/pdf"
    assert "attachment" in antwoord.headers["content-disposition"]
    pdf = UIT / "browser-besloten.pdf"
    pdf.write_bytes(antwoord.body())
    assert pdf.read_bytes().startswith(b"%PDF-")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
         str(UIT / "browser-besloten-pagina-1")],
        check=True,
    )  # fmt: skip

    page.get_by_role("button", name="Vrijgeven aan de raad").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "vrijgegeven aan de raad", use_inner_text=True
    )
    expect(tabel).to_contain_text("Vrijgegeven aan de raad op", use_inner_text=True)
