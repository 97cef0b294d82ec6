"""Issue 15 in the browser, on the demo data and under the CSP: the coordinator grants the
ondermijningsbeeld, and a second save of the same plan shows the conflict with the input
kept (axe on both pages, screenshots for a person to look at)."""

import pytest
from playwright.sync_api import expect

from ivp.demo import WACHTWOORD
from tests.browser.conftest import huidig_plan

pytestmark = [pytest.mark.browser]


def test_the_coordinator_grants_the_confidential_sources(page, demo, login, check_axe, screenshot):
    login(page, "coordinator", WACHTWOORD)
    page.goto(f"/plannen/{huidig_plan().pk}/")
    page.get_by_role("link", name="Inzage in vertrouwelijke bronnen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Inzage in vertrouwelijke bronnen", use_inner_text=True
    )
    page.get_by_label("Hendrik Jansen").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("is opgeslagen", use_inner_text=True)
    assert page.get_by_label("Hendrik Jansen").is_checked()
    check_axe(page)
    screenshot(page, "inzage-vertrouwelijk")


def test_a_second_save_of_the_plan_shows_the_conflict_and_keeps_the_input(
    page, demo, login, check_axe, screenshot
):
    login(page, "coordinator", WACHTWOORD)
    bewerken = f"/plannen/{huidig_plan().pk}/bewerken/"
    page.goto(bewerken)
    tweede = page.context.new_page()
    tweede.goto(bewerken)
    tweede.get_by_label("Titel").fill("IVP 2023–2026 (eerst opgeslagen)")
    tweede.get_by_role("button", name="Opslaan").click()
    tweede.close()
    page.get_by_label("Titel").fill("IVP 2023–2026 (mijn invoer)")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("main")).to_contain_text(
        "Iemand anders heeft dit opgeslagen", use_inner_text=True
    )
    assert page.get_by_label("Titel").input_value() == "IVP 2023–2026 (mijn invoer)"
    expect(page.locator(".ivp-conflict")).to_contain_text(
        "IVP 2023–2026 (eerst opgeslagen)", use_inner_text=True
    )
    check_axe(page)
    screenshot(page, "conflict-plan")
