"""The uitvoeringsplan in the browser, on the demo data: the coordinator adds an activity, a
trekker (werkgroeplid) records the quarter's progress, the coordinator generates the
voortgangsrapportage and creates next year's plan. axe on every page; the HTML of every page
goes to the session's W3C check."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import expect

from ivp.demo import WACHTWOORD
from tests.browser.conftest import huidig_plan

pytestmark = [pytest.mark.browser]


def uitloggen(page):
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()


def open_uitvoeringsplan(page, jaar: int) -> None:
    page.get_by_role("link", name=huidig_plan().titel, exact=True).click()
    page.get_by_role("navigation", name="Onderdelen van het plan").get_by_role(
        "link", name="Uitvoering"
    ).click()
    page.get_by_role("link", name=f"Uitvoeringsplan {jaar}", exact=True).click()


def test_from_activity_to_progress_to_rapportage_and_next_year(
    page, demo, login, check_axe, screenshot
):
    jaar = huidig_plan().periode_start.year
    # The plan's first year, its second quarter: the demo's story day for the uitvoering.
    with time_machine.travel(dt.datetime(jaar, 5, 20, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))):
        login(page, "coordinator", WACHTWOORD)
        open_uitvoeringsplan(page, jaar)
        assert page.get_by_role("heading", level=1).inner_text() == f"Uitvoeringsplan {jaar}"
        check_axe(page)
        screenshot(page, "uitvoeringsplan")

        page.get_by_role("link", name="Activiteit toevoegen").click()
        page.locator("#id_titel").fill("Buurtpreventie-app in de dorpen")
        page.get_by_label("Trekker (werkgroeplid)").select_option(label="Jeroen Bakker")
        page.get_by_label("Eerste kwartaal").select_option("2")
        page.get_by_label("Laatste kwartaal").select_option("4")
        page.get_by_label("Begroot (€)").fill("2500")
        page.get_by_role("button", name="Opslaan").click()
        # no doelstelling: refused on the field, what was entered kept
        assert "Kies de doelstelling" in page.locator("main").inner_text()
        assert page.locator("#id_titel").input_value() == ("Buurtpreventie-app in de dorpen")
        check_axe(page)
        page.get_by_label("Draagt bij aan doelstelling").select_option(index=3)
        page.get_by_role("button", name="Opslaan").click()
        assert "De activiteit is toegevoegd." in page.get_by_role("status").first.inner_text()
        assert "Buurtpreventie-app in de dorpen" in page.locator("main").inner_text()

        page.get_by_role("link", name="Doelstellingen per kwartaal").click()
        check_axe(page)
        page.get_by_role("link", name="Van analyse tot resultaat").first.click()
        assert "Van analyse tot resultaat" in page.get_by_role("heading", level=1).inner_text()
        check_axe(page)
        screenshot(page, "uitvoering-keten")
        page.get_by_role("link", name="Overlastmeldingen Giethoorn in het seizoen").click()
        expect(page.get_by_role("img", name="Waarde van de indicator per jaar")).to_be_visible()
        page.locator("#id_jaar").fill(str(jaar))
        page.locator("#id_waarde").fill("203,5")
        page.get_by_role("button", name="Waarde opslaan").click()
        assert "De waarde is opgeslagen." in page.get_by_role("status").first.inner_text()
        assert "203,5" in page.locator("main").inner_text()
        check_axe(page)
        screenshot(page, "uitvoering-indicator")
        uitloggen(page)

        # the trekker records the quarter's progress
        login(page, "politie", WACHTWOORD)
        open_uitvoeringsplan(page, jaar)
        page.get_by_role("link", name="Voortgang", exact=True).click()
        page.wait_for_load_state()
        expect(page.locator("main")).not_to_contain_text("Bibob-toets")
        check_axe(page)
        page.get_by_role(
            "link", name="Voortgang vastleggen voor Buurtpreventie-app in de dorpen"
        ).click()
        page.get_by_label("Kwartaal").select_option("3")
        page.get_by_label("Achter op schema").check()
        page.get_by_label("Besteed tot nu toe (€)").fill("400")
        page.get_by_role("button", name="Voortgang opslaan").click()
        tekst = page.locator("main").inner_text()
        assert "Kwartaal K3 " in tekst and "nog niet begonnen" in tekst
        check_axe(page)
        page.get_by_label("Kwartaal").select_option("2")
        page.get_by_role("button", name="Voortgang opslaan").click()
        assert "Licht toe" in page.locator("main").inner_text()  # behind needs a reason
        page.get_by_label("Toelichting").fill("De app-leverancier levert pas in juni.")
        page.get_by_role("button", name="Voortgang opslaan").click()
        assert "De voortgang van K2 is vastgelegd" in page.get_by_role("status").first.inner_text()
        assert "De app-leverancier levert pas in juni." in page.locator("main").inner_text()
        screenshot(page, "uitvoering-voortgang")
        uitloggen(page)

        # the coordinator generates the rapportage and makes next year's plan
        login(page, "coordinator", WACHTWOORD)
        open_uitvoeringsplan(page, jaar)
        page.get_by_role("button", name="Voortgangsrapportage maken uit de gegevens").click()
        assert "is gemaakt uit de gegevens" in page.get_by_role("status").first.inner_text()
        assert "De app-leverancier levert pas in juni." in page.locator("main").inner_text()
        check_axe(page)
        page.go_back()
        page.get_by_role("link", name="Uitvoeringsplan volgend jaar maken").click()
        assert "Evaluatie uit de voortgangsrapportage" in page.locator("main").inner_text()
        check_axe(page)
        page.get_by_role("button", name="Uitvoeringsplan volgend jaar maken").click()
        assert page.get_by_role("heading", level=1).inner_text() == f"Uitvoeringsplan {jaar + 1}"
        main = page.locator("main").inner_text()
        assert "Buurtpreventie-app in de dorpen" in main
        assert f"Voortgezet uit {jaar}" in main
        check_axe(page)
        screenshot(page, "uitvoeringsplan-volgend-jaar")
