"""The coordinator's main flow in the browser, on the demo data."""

import pytest
from playwright.sync_api import expect

from ivp.demo import WACHTWOORD
from tests.browser.conftest import huidig_plan

pytestmark = [pytest.mark.browser]


def test_coordinator_opens_the_plan_makes_a_new_one_and_starts_a_step(
    page, demo, login, check_axe, screenshot
):
    login(page, "coordinator", WACHTWOORD)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Integrale veiligheidsplannen", use_inner_text=True
    )
    check_axe(page)
    screenshot(page, "start")

    page.get_by_role("link", name=huidig_plan().titel, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        huidig_plan().titel, use_inner_text=True
    )
    stap3 = page.locator("#stap-3")
    expect(stap3).to_contain_text("Nog nodig om deze stap af te ronden", use_inner_text=True)
    expect(stap3).to_contain_text(
        "De prioritering is nog niet vastgesteld door de gemeenteraad.", use_inner_text=True
    )
    check_axe(page)
    screenshot(page, "plan")

    page.goto("/")
    page.get_by_role("link", name="Nieuw plan").click()
    page.get_by_label("Titel").fill("Integraal Veiligheidsplan 2031–2034")
    page.get_by_label("Start traject").fill("01-06-2026")
    page.get_by_label("Looptijd vanaf").fill("01-01-2031")
    page.get_by_label("Looptijd tot en met").fill("31-12-2030")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "De looptijd moet eindigen na de begindatum.", use_inner_text=True
    )
    assert page.get_by_label("Titel").input_value() == "Integraal Veiligheidsplan 2031–2034"
    check_axe(page)
    screenshot(page, "plan-nieuw-fout")

    # The demo's current plan has this period already: refused, with what was entered kept.
    page.get_by_label("Looptijd tot en met").fill("")
    page.get_by_label("Looptijd vanaf").fill("01-01-2027")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Er is al een plan van Steenwijkerland met een looptijd vanaf 01-01-2027",
        use_inner_text=True,
    )
    assert page.get_by_label("Titel").input_value() == "Integraal Veiligheidsplan 2031–2034"
    check_axe(page)

    page.get_by_label("Looptijd vanaf").fill("01-01-2031")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "is aangemaakt met zes stappen", use_inner_text=True
    )
    stap1 = page.locator("#stap-1")
    expect(stap1).to_contain_text("Gepland", use_inner_text=True)

    stap1.get_by_role("link", name="Planning van stap 1 wijzigen").click()
    page.get_by_label("Deadline").fill("31-07-2026")
    page.get_by_role("button", name="Planning opslaan").click()
    stap1 = page.locator("#stap-1")
    expect(stap1).to_contain_text("01-06-2026 t/m 31-07-2026", use_inner_text=True)

    stap1.get_by_role("button", name="Start stap 1").click()
    stap1 = page.locator("#stap-1")
    expect(stap1).to_contain_text("Actief", use_inner_text=True)
    expect(stap1).to_contain_text(
        "De startnotitie is nog niet vastgesteld door het college.", use_inner_text=True
    )
    expect(page.get_by_role("status").first).to_have_text("Stap 1 is gestart.", use_inner_text=True)
    check_axe(page)
    screenshot(page, "plan-stap-gestart")


def test_a_werkgroeplid_sees_the_timeline_without_buttons(page, demo, login, check_axe):
    login(page, "politie", WACHTWOORD)
    page.get_by_role("link", name=huidig_plan().titel, exact=True).click()
    stap3 = page.locator("#stap-3")
    expect(stap3).to_contain_text(
        "De prioritering is nog niet vastgesteld door de gemeenteraad.", use_inner_text=True
    )
    page.wait_for_load_state()  # the absences below count only on the whole page
    # Three or four priorities: within the norm.
    expect(stap3).not_to_contain_text("Er zijn 4 prioriteiten", use_inner_text=True)
    expect(page.locator("main").get_by_role("button")).to_have_count(0)
    check_axe(page)


def test_a_kampen_user_finds_nothing_of_steenwijkerland(page, demo, login):
    login(page, "coordinator.kampen", WACHTWOORD)
    page.wait_for_load_state()  # an absence counts only on the whole page
    expect(page.locator("main")).not_to_contain_text("Steenwijkerland")
    response = page.goto("/plannen/1/")
    assert response.status == 404
