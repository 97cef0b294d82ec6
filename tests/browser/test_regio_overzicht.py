"""The regional coordinator opens the regional overview on the demo: the four member plans
side by side; axe on the page, a screenshot wide and on a phone (the tables scroll in their
own box, never the page). Shared parts come from another demo and are not relied on."""

import pytest

from ivp.demo import WACHTWOORD
from ivp.models import Regio

pytestmark = [pytest.mark.browser]

GEMEENTEN = ["Kampen", "Staphorst", "Steenwijkerland", "Zwartewaterland"]


def test_the_regional_coordinator_sees_the_four_member_plans_side_by_side(
    page, demo, login, check_axe, screenshot
):
    regio = Regio.objects.get(coordinatoren__username="regio")
    login(page, "regio", WACHTWOORD)
    page.goto(f"/regio/{regio.pk}/overzicht/")
    assert page.get_by_role("heading", level=1).inner_text() == "Regio-overzicht"
    voortgang = page.get_by_role("table", name="Stap, deadline en uitvoering per gemeente")
    rijen = voortgang.locator("tbody tr")
    koppen = [rijen.nth(i).locator("th").first.inner_text() for i in range(rijen.count())]
    assert [k.split()[0] for k in koppen] == GEMEENTEN
    steenwijk = voortgang.locator("tbody tr", has_text="Steenwijkerland").inner_text()
    assert "Stap 3, prioritering" in steenwijk
    assert "uur" in steenwijk  # the werkgroep's hours, through its registered column
    cijfers = page.get_by_role(
        "table", name="Kerncijfers per gemeente, het laatste jaar met een waarde"
    )
    assert "Misdrijven, totaal" in cijfers.inner_text()
    check_axe(page)
    screenshot(page, "regio-overzicht")

    page.set_viewport_size({"width": 390, "height": 844})
    breder = page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    assert not breder  # the tables scroll inside their own box
    check_axe(page)
    screenshot(page, "regio-overzicht-telefoon")
