"""The coordinator imports the figures from the shipped CSV download (the upload path), opens
the veiligheidsbeeld of a veld, ties a doelstelling to an indicator and sees its nulmeting
filled; axe on every page, screenshots for a person to look at."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from ivp.models import Gemeente
from tests.ivp.factories import GemeenteFactory, RegioFactory
from tests.stappen.factories import PlanFactory, StapFactory
from tests.stappen.stappenplan import coordinator_van
from tests.veiligheidsvelden.cbs import DATA

pytestmark = [pytest.mark.browser]


@pytest.fixture
def steenwijkerland(transactional_db) -> Gemeente:
    gemeenten: list[Gemeente] = [
        GemeenteFactory.create(naam=naam, cbs_code=code)
        for naam, code in [
            ("Steenwijkerland", "GM1708"),
            ("Zwartewaterland", "GM1896"),
            ("Staphorst", "GM0180"),
            ("Kampen", "GM0166"),
        ]
    ]
    RegioFactory(naam="Kop van Overijssel", gemeenten=gemeenten)
    return gemeenten[0]


def test_cijfers_inlezen_beeld_bekijken_en_nulmeting_uit_indicator(
    page, steenwijkerland, login, check_axe, screenshot
):
    coordinator = coordinator_van(steenwijkerland)
    plan = PlanFactory(gemeente=steenwijkerland, titel="Integraal Veiligheidsplan 2027–2030")
    StapFactory(plan=plan, nummer=4, actief=True, door=coordinator)
    prioriteit = plan.plaatsingen.get(keuze="prioriteit")
    login(page, coordinator.username, "wachtwoord")

    page.goto(f"/plannen/{plan.pk}/")
    page.get_by_role("link", name="Veiligheidsbeeld").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Veiligheidsbeeld", use_inner_text=True
    )
    page.get_by_role("link", name="Cijfers inlezen").click()
    check_axe(page)

    # A broken file: a Dutch message on the field, nothing stored.
    page.get_by_label("CSV-bestand van StatLine").set_input_files(
        files=[{"name": "kapot.csv", "mimeType": "text/csv", "buffer": b"geen cijfers"}]
    )
    page.get_by_role("button", name="Bestand inlezen").click()
    expect(page.get_by_role("alert").first).to_contain_text("geen kolomkoppen", use_inner_text=True)
    check_axe(page)

    page.get_by_label("CSV-bestand van StatLine").set_input_files(str(DATA / "83648NED.csv"))
    page.get_by_role("button", name="Bestand inlezen").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "De cijfers zijn ingelezen", use_inner_text=True
    )
    check_axe(page)
    screenshot(page, "veiligheidsbeeld-import")

    page.get_by_role("link", name="Veiligheidsbeeld").first.click()
    page.get_by_role("link", name="1. Veilige woon- en leefomgeving").click()
    expect(page.locator("main")).to_contain_text("Misdrijven, totaal", use_inner_text=True)
    tabel = page.get_by_role("table", name="Misdrijven, totaal (per 1.000 inwoners) per jaar")
    expect(tabel).to_contain_text("Zwartewaterland", use_inner_text=True)
    expect(tabel).to_contain_text("Nederland", use_inner_text=True)
    grafiek = page.get_by_role("img", name="Misdrijven, totaal (per 1.000 inwoners)")
    expect(grafiek.first).to_be_visible()
    check_axe(page)
    screenshot(page, "veiligheidsbeeld-veld")

    page.goto(f"/plannen/{plan.pk}/ivp/prioriteiten/{prioriteit.pk}/")
    page.get_by_role("link", name="Doelstelling toevoegen").click()
    page.get_by_label("Doelstelling (verplicht)").fill("Minder misdrijven in Steenwijkerland")
    page.get_by_label("Gemeten met").select_option(label="Misdrijven, totaal (per 1.000 inwoners)")
    page.get_by_label("Jaar nulmeting").fill("2022")
    check_axe(page)
    page.get_by_role("button", name="Doelstelling opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "De doelstelling is opgeslagen.", use_inner_text=True
    )
    rij = page.get_by_role("row", name="Minder misdrijven in Steenwijkerland")
    expect(rij).to_contain_text("per 1.000 inwoners (2022)", use_inner_text=True)
    expect(rij).to_contain_text("CSV-download ingelezen op", use_inner_text=True)
    expect(rij).to_contain_text("2023:", use_inner_text=True)  # the later year beside the nulmeting
    check_axe(page)
    screenshot(page, "veiligheidsbeeld-doelstelling")


def test_cijfer_naast_de_analyse_citeren(page, steenwijkerland, login, check_axe, screenshot):
    from veiligheidsvelden.cijfers.importeren import cijfers_importeer

    coordinator = coordinator_van(steenwijkerland)
    plan = PlanFactory(gemeente=steenwijkerland, titel="Integraal Veiligheidsplan 2027–2030")
    StapFactory(plan=plan, nummer=2, actief=True, door=coordinator)
    cijfers_importeer(gemeente=steenwijkerland, bestand=(DATA / "83648NED.csv").read_bytes())
    login(page, coordinator.username, "wachtwoord")
    page.goto(f"/plannen/{plan.pk}/analyse/")
    page.get_by_role("link", name="Analyse van veld 1 bewerken").click()
    cijfers = page.locator("#cijfers")
    expect(cijfers).to_contain_text("Misdrijven, totaal (per 1.000 inwoners)", use_inner_text=True)
    check_axe(page)
    screenshot(page, "veiligheidsbeeld-analyse")
    cijfers.get_by_role("button", name="Citeer 2023 in ‘Dominante trends").filter(
        has_text="Misdrijven, totaal"
    ).first.click()
    expect(page.get_by_role("status").first).to_contain_text(
        "Het cijfer staat nu in het hoofdstuk", use_inner_text=True
    )
    check_axe(page)
