"""The bestuurlijke planning as the coordinator walks it: import the raad's calendar (an .ics
upload), choose the raad meeting for the IVP, accept the counted-back planning, and see the
deadlines on the plan page; a werkgroeplid takes meeting invitations in the daily digest.
On the demo data, with axe, the label check and screenshots."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from ivp.demo import WACHTWOORD
from ivp.werkdagen import is_werkdag
from stappen.models import Raadsplanning
from tests.browser.conftest import huidig_plan
from tests.browser.test_toegankelijk import CONTROLES_ZONDER_EIGEN_LABEL
from tests.stappen.kalender import event, ics

pytestmark = [pytest.mark.browser]


def _gelabeld(page) -> None:
    page.wait_for_load_state()  # on a page still loading, its later controls are not yet there
    assert page.evaluate(CONTROLES_ZONDER_EIGEN_LABEL)["fouten"] == []


def test_the_coordinator_imports_the_raad_and_plans_the_ivp_for_it(
    page, demo, login, check_axe, screenshot
):
    plan = huidig_plan()
    # An extra raad meeting a week after the one the demo planned the IVP for.
    extra = Raadsplanning.objects.get(stap__plan=plan).raad_datum + dt.timedelta(weeks=1)
    while not is_werkdag(extra):
        extra += dt.timedelta(days=1)
    login(page, "coordinator", WACHTWOORD)
    page.get_by_role("link", name="Vergaderkalender van Steenwijkerland").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Vergaderkalender", use_inner_text=True
    )
    check_axe(page)
    screenshot(page, "vergaderkalender")
    page.get_by_role("link", name="Agenda importeren (.ics-bestand of adres)").click()
    _gelabeld(page)
    check_axe(page)
    page.get_by_label("iCalendar-bestand (.ics)").set_input_files(
        {
            "name": "raad.ics",
            "mimeType": "text/calendar",
            "buffer": ics(
                event("extra-1@ibabs", "Extra raadsvergadering", f"{extra:%Y%m%d}T200000")
            ),
        }
    )
    page.get_by_label("Vergaderingen in het bestand").select_option(label="Gemeenteraad")
    page.get_by_role("button", name="Bestand inlezen").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "Vergaderingen ingelezen: 1 nieuw", use_inner_text=True
    )
    expect(page.get_by_text(f"Extra raadsvergadering van {extra:%d-%m-%Y} wijzigen")).to_have_count(
        1
    )

    page.get_by_role("link", name="Plannen", exact=True).first.click()
    page.get_by_role("link", name=plan.titel, exact=True).click()
    page.get_by_role("link", name="Raadsvergadering van stap 4 wijzigen").click()
    _gelabeld(page)
    page.get_by_label("Raadsvergadering").select_option(
        label=f"Extra raadsvergadering van {extra:%d-%m-%Y}"
    )
    page.get_by_role("button", name="Planning terugrekenen").click()
    expect(page.get_by_role("heading", name="Voorgestelde planning")).to_be_visible()
    stukken = page.get_by_label("Stukken gereed voor het college").input_value()
    assert page.get_by_label("Deadline stap 4: Opstellen IVP").input_value() == f"{extra:%d-%m-%Y}"
    _gelabeld(page)
    check_axe(page)
    screenshot(page, "raadsplanning-voorstel")
    page.get_by_role("button", name="Planning overnemen").click()

    expect(page.get_by_role("status").first).to_contain_text(
        "De planning van stap 4 naar de Extra raadsvergadering", use_inner_text=True
    )
    planning = page.locator("#raad-stap-4")
    expect(planning).to_contain_text(f"Stukken gereed {stukken}", use_inner_text=True)
    expect(planning).to_contain_text(f"raad {extra:%d-%m-%Y}", use_inner_text=True)
    expect(page.locator("#stap-4")).to_contain_text(f"t/m {extra:%d-%m-%Y}", use_inner_text=True)
    check_axe(page)
    screenshot(page, "plan-bestuurlijke-planning")


def test_a_member_takes_meeting_invitations_in_the_daily_digest(page, demo, login, check_axe):
    login(page, "politie", WACHTWOORD)
    page.get_by_role("link", name="Welke meldingen krijgt u per e-mail?").click()
    groep = page.get_by_role("group", name="Een uitnodiging voor een bijeenkomst, of een wijziging")
    groep.get_by_label("In het dagoverzicht (elke ochtend één e-mail)").check()
    page.get_by_role("button", name="Keuzes bewaren").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "Uw keuzes voor de meldingen zijn bewaard.", use_inner_text=True
    )
    groep = page.get_by_role("group", name="Een uitnodiging voor een bijeenkomst, of een wijziging")
    assert groep.get_by_label("In het dagoverzicht (elke ochtend één e-mail)").is_checked()
    check_axe(page)
