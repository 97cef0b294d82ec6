"""Joint werkgroep meetings in the browser, on the demo: the regional coordinator plans one
for three gemeenten (a mistake first: the input stays), sees it in the region's list, and a
member gemeente's coordinator finds it among its own werkgroep's meetings; the regional
coordinator calls one off for all."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from ivp.demo import WACHTWOORD
from ivp.models import Regio

pytestmark = [pytest.mark.browser]


def test_the_regional_coordinator_plans_a_joint_meeting(page, demo, login, check_axe, screenshot):
    regio = Regio.objects.get()
    login(page, "regio", WACHTWOORD)
    page.goto(reverse("werkgroep:gezamenlijk_lijst", args=[regio.pk]))
    assert page.get_by_role("heading", level=1).inner_text() == "Gezamenlijke bijeenkomsten"
    # The demo's joint meeting of the four werkgroepen.
    assert (
        "Kampen, Staphorst, Steenwijkerland, Zwartewaterland" in page.locator("main").inner_text()
    )
    check_axe(page)

    page.get_by_role("link", name="Gezamenlijke bijeenkomst plannen").click()
    page.get_by_label("Onderwerp").fill("Gezamenlijke werkgroep: jeugd en veiligheid")
    gemeenten = page.get_by_role("group", name="Gemeenten")
    for naam in ("Zwartewaterland", "Staphorst", "Kampen"):
        gemeenten.get_by_label(naam).check()
    page.get_by_label("Datum").fill("15-12-2099")
    page.get_by_label("Begintijd").fill("15:00")
    page.get_by_label("Eindtijd").fill("14:00")
    page.get_by_label("Plaats").fill("Stadhuis Kampen")
    page.get_by_label("Gezamenlijke agendapunten").fill("Jeugdoverlast\nAfspraken met het CJG")
    page.get_by_role("button", name="Plannen en uitnodigen").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "eindigen na de begintijd", use_inner_text=True
    )
    assert page.get_by_label("Plaats").input_value() == "Stadhuis Kampen"
    assert gemeenten.get_by_label("Kampen").is_checked()
    check_axe(page)
    screenshot(page, "gezamenlijk-plannen-fout")

    page.get_by_label("Eindtijd").fill("17:00")
    page.get_by_role("button", name="Plannen en uitnodigen").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "uitnodigingen zijn verstuurd", use_inner_text=True
    )
    rij = page.get_by_role("row", name="Gezamenlijke werkgroep: jeugd en veiligheid")
    expect(rij).to_contain_text("Kampen, Staphorst, Zwartewaterland", use_inner_text=True)
    check_axe(page)
    screenshot(page, "gezamenlijk-lijst")

    # Kampen's coordinator finds it among its werkgroep's meetings, with its own attendance.
    # The page's own requests (the header's count of notifications) answered after the
    # cookies are cleared would set a CSRF or session cookie over the next login's.
    page.wait_for_load_state("networkidle")
    page.context.clear_cookies()
    login(page, "coordinator.kampen", WACHTWOORD)
    deel = regio.gezamenlijke_bijeenkomsten.get(titel__contains="jeugd").bijeenkomsten.get(
        werkgroep__plan__gemeente__naam="Kampen"
    )
    page.goto(reverse("werkgroep:bijeenkomst", args=[deel.pk]))
    assert (
        "Gezamenlijke bijeenkomst met Staphorst, Zwartewaterland."
        in page.locator("main").inner_text()
    )
    check_axe(page)
    screenshot(page, "gezamenlijk-deel-kampen")


def test_the_regional_coordinator_calls_a_joint_meeting_off(
    page, demo, login, check_axe, screenshot
):
    regio = Regio.objects.get()
    login(page, "regio", WACHTWOORD)
    page.goto(reverse("werkgroep:gezamenlijk_lijst", args=[regio.pk]))
    page.get_by_role("link", name="Zeg af").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gezamenlijke bijeenkomst afzeggen")
    expect(page.locator("main")).to_contain_text(
        "voor alle gemeenten: Kampen, Staphorst, Steenwijkerland, Zwartewaterland"
    )
    page.get_by_role("button", name="Bijeenkomst afzeggen").click()
    expect(page.get_by_role("alert").first).to_contain_text(
        "Geef de reden waarom de bijeenkomst niet doorgaat."
    )
    check_axe(page)
    page.get_by_label("Reden").fill("De spreker van het RIEC is verhinderd.")
    page.get_by_role("button", name="Bijeenkomst afzeggen").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "De gezamenlijke bijeenkomst is afgezegd, voor alle gemeenten"
    )
    expect(page.locator("main table").first).to_contain_text(
        "— De spreker van het RIEC is verhinderd."
    )
    expect(page.get_by_role("link", name="Zeg af")).to_have_count(0)
    check_axe(page)
    screenshot(page, "gezamenlijk-afgezegd")
