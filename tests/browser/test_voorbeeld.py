"""The chapter preview: htmx swaps the preview into the live region that stays on the page,
so a screen reader announces it (a region that is itself replaced is not announced)."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from ivp.demo import WACHTWOORD
from ivp.models import Gemeente
from stappen import services
from stappen.constants import DocumentSoort
from stappen.models import Document

pytestmark = [pytest.mark.browser]


@pytest.fixture
def startnotitie(demo):
    """The demo, plus a new plan of Steenwijkerland (the next period: the demo has 2027–2030)
    whose startnotitie is still concept."""
    plan = services.plan_create(
        gemeente=Gemeente.objects.get(naam="Steenwijkerland"),
        titel="Integraal Veiligheidsplan 2031–2034",
        traject_start=dt.date(2026, 6, 1),
        periode_start=dt.date(2031, 1, 1),
    )
    return Document.objects.get(plan=plan, soort=DocumentSoort.STARTNOTITIE)


def test_the_preview_appears_inside_the_live_region_that_stays(page, startnotitie, login):
    login(page, "coordinator", WACHTWOORD)
    page.goto(f"/documenten/{startnotitie.pk}/")
    page.get_by_role("link", name="Inleiding bewerken").click()
    page.wait_for_load_state()  # the region is looked up once, on the whole page
    page.evaluate("window.ivpRegio = document.getElementById('voorbeeld')")
    for tekst in ("Eerst **samen**.", "Dan *verder*."):
        page.get_by_label("Tekst").fill(tekst)
        page.get_by_role("button", name="Voorbeeld bekijken").click()
        page.locator("#voorbeeld .ivp-voorbeeld").wait_for()
        assert page.evaluate("document.getElementById('voorbeeld') === window.ivpRegio")
        assert page.locator("#voorbeeld").get_attribute("aria-live") == "polite"
    expect(page.locator("#voorbeeld em")).to_have_text("verder", use_inner_text=True)
    expect(page.locator("[id=voorbeeld]")).to_have_count(1)
