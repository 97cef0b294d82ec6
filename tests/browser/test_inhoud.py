"""The coordinator walks the structured content: analysis → prioritering → IVP priority, with
axe on every page and screenshots for a person to look at."""

import pytest
from playwright.sync_api import expect

from ivp.demo import WACHTWOORD
from ivp.models import Gebruiker, Gemeente
from tests.stappen.factories import PlanFactory, StapFactory

pytestmark = [pytest.mark.browser]


@pytest.fixture
def concept_plan(demo):
    """The demo, plus a new plan of Steenwijkerland whose step 2 has just started, so that the
    analysis, the prioritering and the IVP are all still concept."""
    coordinator = Gebruiker.objects.get(username="coordinator")
    plan = PlanFactory(
        gemeente=Gemeente.objects.get(naam="Steenwijkerland"),
        titel="Integraal Veiligheidsplan 2027–2030",
    )
    StapFactory(plan=plan, nummer=2, actief=True, door=coordinator)
    return plan


def test_coordinator_walks_analysis_prioritering_and_a_priority(
    page, concept_plan, login, check_axe, screenshot
):
    login(page, "coordinator", WACHTWOORD)
    page.goto(f"/plannen/{concept_plan.pk}/")
    page.locator("#stap-2").get_by_role("link", name="Veiligheidsanalyse per veld").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Veiligheidsanalyse", use_inner_text=True
    )
    check_axe(page)

    page.get_by_role("link", name="Analyse van veld 5 bewerken").click()
    page.get_by_label("Problematiek").fill("Risico's in het **buitengebied**.")
    page.get_by_label("Huidige aanpak").fill("RIEC en Veilig Buitengebied.")
    page.get_by_label("Verbeterpunten").fill("Informatiepositie versterken.")
    page.get_by_role("button", name="Analyse opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("is opgeslagen", use_inner_text=True)

    page.get_by_role("link", name="Analyse van veld 5 bewerken").click()
    page.get_by_label("Soort bron").select_option("ondermijningsbeeld")
    page.get_by_label("Titel").fill("Ondermijningsbeeld RIEC 2025")
    page.get_by_label("Link").fill("geen link")
    page.get_by_role("button", name="Bron toevoegen").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Vul een volledige link in", use_inner_text=True
    )
    assert page.get_by_label("Titel").input_value() == "Ondermijningsbeeld RIEC 2025"
    check_axe(page)
    screenshot(page, "inhoud-analyse-bron-fout")
    page.get_by_label("Link").fill("")
    page.get_by_role("button", name="Bron toevoegen").click()
    expect(page.locator("#bronnen")).to_contain_text("Vertrouwelijk", use_inner_text=True)
    check_axe(page)

    page.goto(f"/plannen/{concept_plan.pk}/analyse/")
    assert "Ondermijningsbeeld RIEC 2025" in page.locator("#veld-5").inner_text()
    screenshot(page, "inhoud-analyse")

    # Prioritering: a score of 7 is refused, everything entered stays.
    page.goto(f"/plannen/{concept_plan.pk}/")
    page.locator("#stap-3").get_by_role("link", name="Scores, rangorde").click()
    page.get_by_role("link", name="Scores en gewichten bewerken").click()
    ernst = page.get_by_label("Ernst van 5.2 ", exact=False)
    ernst.fill("7")
    page.get_by_label("Omvang van 5.2", exact=False).fill("4")
    page.get_by_role("button", name="Scores opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Een score is 1 tot en met 5.", use_inner_text=True
    )
    assert page.get_by_label("Omvang van 5.2", exact=False).input_value() == "4"
    check_axe(page)
    screenshot(page, "inhoud-scores-fout")
    page.get_by_label("Ernst van 5.2", exact=False).fill("5")
    page.get_by_role("button", name="Scores opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("zijn opgeslagen", use_inner_text=True)

    page.get_by_role("link", name="Thema's plaatsen").click()
    page.get_by_label("Plaatsing van 5.2", exact=False).select_option("prioriteit")
    page.get_by_label("Motivatie bij 5.2", exact=False).fill("Hoogste gewogen score.")
    page.get_by_role("button", name="Plaatsing opslaan").click()
    expect(page.locator("main")).to_contain_text("Hoogste gewogen score.", use_inner_text=True)
    check_axe(page)
    screenshot(page, "inhoud-prioritering")

    page.get_by_role("link", name="Raad en driehoek vastleggen").click()
    page.get_by_label("Besproken in de driehoek op").fill("12-10-2022")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Vul de uitkomst van het driehoeksoverleg in.", use_inner_text=True
    )
    check_axe(page)
    page.get_by_label("Uitkomst van de driehoek").fill("De driehoek steunt de keuze.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("main")).to_contain_text(
        "De driehoek steunt de keuze.", use_inner_text=True
    )

    # IVP: the chapter of the priority, with a doelstelling.
    page.goto(f"/plannen/{concept_plan.pk}/")
    page.locator("#stap-4").get_by_role("link", name="Prioriteiten en doelstellingen").click()
    check_axe(page)
    page.get_by_role("link", name="Georganiseerde (ondermijnende) criminaliteit").click()
    page.get_by_role("link", name="Hoofdstuk bewerken").click()
    page.get_by_label("Aanpak op hoofdlijnen").fill("Informatiegestuurd, samen met het RIEC.")
    page.get_by_label("Portefeuillehouder").fill("Burgemeester")
    page.get_by_label("Handhavingsnota", exact=False).check()
    check_axe(page)
    page.get_by_role("button", name="Hoofdstuk opslaan").click()
    page.get_by_role("link", name="Doelstelling toevoegen").click()
    page.get_by_label("Doelstelling (verplicht)").fill("Meer signalen van ondermijning opgevolgd.")
    page.get_by_label("Nulmeting", exact=True).fill("12")
    page.get_by_label("Jaar nulmeting").fill("2026")
    page.get_by_label("Streefwaarde").fill("40")
    page.get_by_label("Streefjaar").fill("2024")
    page.get_by_role("button", name="Doelstelling opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Het streefjaar ligt vóór het jaar van de nulmeting", use_inner_text=True
    )
    check_axe(page)
    screenshot(page, "inhoud-doelstelling-fout")
    page.get_by_label("Streefjaar").fill("2030")
    page.get_by_role("button", name="Doelstelling opslaan").click()
    main = page.locator("main")
    expect(main).to_contain_text("40 (2030)", use_inner_text=True)
    expect(main).to_contain_text("Burgemeester", use_inner_text=True)
    expect(main).to_contain_text("Handhavingsnota", use_inner_text=True)
    check_axe(page)
    screenshot(page, "inhoud-prioriteit")


def test_the_griffie_finds_no_draft_content(page, concept_plan, login):
    login(page, "griffie", WACHTWOORD)
    for pad in ("analyse/", "prioritering/", "ivp/"):
        assert page.goto(f"/plannen/{concept_plan.pk}/{pad}").status == 404
