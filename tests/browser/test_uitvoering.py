"""The uitvoeringsplan in the browser, on the demo data: the coordinator adds an activity, a
trekker (werkgroeplid) records the quarter's progress, the coordinator generates the
voortgangsrapportage and creates next year's plan. axe on every page; the HTML of every page
goes to the session's W3C check."""

from __future__ import annotations

import datetime as dt
import re
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
        expect(page.get_by_role("heading", level=1)).to_have_text(
            f"Uitvoeringsplan {jaar}", use_inner_text=True
        )
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
        expect(page.locator("main")).to_contain_text("Kies de doelstelling", use_inner_text=True)
        assert page.locator("#id_titel").input_value() == ("Buurtpreventie-app in de dorpen")
        check_axe(page)
        page.get_by_label("Draagt bij aan doelstelling").select_option(index=3)
        page.get_by_role("button", name="Opslaan").click()
        expect(page.get_by_role("status").first).to_contain_text(
            "De activiteit is toegevoegd.", use_inner_text=True
        )
        expect(page.locator("main")).to_contain_text(
            "Buurtpreventie-app in de dorpen", use_inner_text=True
        )

        page.get_by_role("link", name="Doelstellingen per kwartaal").click()
        check_axe(page)
        page.get_by_role("link", name="Van analyse tot resultaat").first.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(
            "Van analyse tot resultaat", use_inner_text=True
        )
        check_axe(page)
        screenshot(page, "uitvoering-keten")
        page.get_by_role("link", name="Overlastmeldingen Giethoorn in het seizoen").click()
        expect(page.get_by_role("img", name="Waarde van de indicator per jaar")).to_be_visible()
        page.locator("#id_jaar").fill(str(jaar))
        page.locator("#id_waarde").fill("203,5")
        page.get_by_role("button", name="Waarde opslaan").click()
        expect(page.get_by_role("status").first).to_contain_text(
            "De waarde is opgeslagen.", use_inner_text=True
        )
        expect(page.locator("main")).to_contain_text("203,5", use_inner_text=True)
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
        # A regex: a string expectation would trim the space after "K3".
        expect(page.locator("main")).to_contain_text(
            re.compile("Kwartaal K3 "), use_inner_text=True
        )
        expect(page.locator("main")).to_contain_text("nog niet begonnen", use_inner_text=True)
        check_axe(page)
        page.get_by_label("Kwartaal").select_option("2")
        page.get_by_role("button", name="Voortgang opslaan").click()
        # behind needs a reason
        expect(page.locator("main")).to_contain_text("Licht toe", use_inner_text=True)
        page.get_by_label("Toelichting").fill("De app-leverancier levert pas in juni.")
        page.get_by_role("button", name="Voortgang opslaan").click()
        expect(page.get_by_role("status").first).to_contain_text(
            "De voortgang van K2 is vastgelegd", use_inner_text=True
        )
        expect(page.locator("main")).to_contain_text(
            "De app-leverancier levert pas in juni.", use_inner_text=True
        )
        screenshot(page, "uitvoering-voortgang")
        uitloggen(page)

        # the coordinator generates the rapportage and makes next year's plan
        login(page, "coordinator", WACHTWOORD)
        open_uitvoeringsplan(page, jaar)
        page.get_by_role("button", name="Voortgangsrapportage maken uit de gegevens").click()
        expect(page.get_by_role("status").first).to_contain_text(
            "is gemaakt uit de gegevens", use_inner_text=True
        )
        expect(page.locator("main")).to_contain_text(
            "De app-leverancier levert pas in juni.", use_inner_text=True
        )
        check_axe(page)
        page.go_back()
        page.get_by_role("link", name="Uitvoeringsplan volgend jaar maken").click()
        expect(page.locator("main")).to_contain_text(
            "Evaluatie uit de voortgangsrapportage", use_inner_text=True
        )
        check_axe(page)
        page.get_by_role("button", name="Uitvoeringsplan volgend jaar maken").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            f"Uitvoeringsplan {jaar + 1}", use_inner_text=True
        )
        main = page.locator("main")
        expect(main).to_contain_text("Buurtpreventie-app in de dorpen", use_inner_text=True)
        expect(main).to_contain_text(f"Voortgezet uit {jaar}", use_inner_text=True)
        check_axe(page)
        screenshot(page, "uitvoeringsplan-volgend-jaar")
