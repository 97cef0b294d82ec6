"""The document flow in the browser: writing, a review round with comments and a mention,
the coordinator's processing, the decision of the college, and the comparison of versions."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ivp.demo import WACHTWOORD
from ivp.models import Gemeente
from stappen.constants import DocumentSoort
from tests.stappen.factories import DocumentFactory, PlanFactory

pytestmark = [pytest.mark.browser]


@pytest.fixture
def startnotitie(demo):
    """The demo, plus a new plan of Steenwijkerland (the next period: the demo has 2027–2030)
    whose startnotitie is still concept."""
    plan = PlanFactory(
        gemeente=Gemeente.objects.get(naam="Steenwijkerland"),
        titel="Integraal Veiligheidsplan 2031–2034",
        traject_start=dt.date(2026, 6, 1),
        periode_start=dt.date(2031, 1, 1),
        periode_eind=None,
    )
    return DocumentFactory(plan=plan, soort=DocumentSoort.STARTNOTITIE)


def uitloggen(page):
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()


def test_review_round_comments_and_decision(page, startnotitie, login, check_axe, screenshot):
    document_url = f"/documenten/{startnotitie.pk}/"

    # The coordinator writes the introduction, previews it and opens a review round.
    login(page, "coordinator", WACHTWOORD)
    page.goto(document_url)
    page.get_by_role("link", name="Inleiding bewerken").click()
    page.get_by_label("Tekst").fill(
        "Veiligheid maken we **samen** met inwoners en partners.\n\nDe gemeente voert de regie."
    )
    page.evaluate("window.ivpZelfdePagina = true")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(page.locator("#voorbeeld .ivp-voorbeeld strong")).to_have_text(
        "samen", use_inner_text=True
    )
    assert page.evaluate("window.ivpZelfdePagina") is True  # htmx swapped only the preview
    check_axe(page)
    screenshot(page, "hoofdstuk-bewerken")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("is opgeslagen", use_inner_text=True)

    page.get_by_role("link", name="Bespreking met de werkgroep openen").click()
    sluit_op = timezone.localdate() + dt.timedelta(days=14)
    page.get_by_label("Reactietermijn tot en met").fill(sluit_op.strftime("%d-%m-%Y"))
    page.get_by_label("Bericht aan de werkgroep").fill("Graag jullie reactie op de opzet.")
    check_axe(page)
    page.get_by_role("button", name="Bespreking openen").click()
    expect(page.locator(".ivp-feiten")).to_contain_text(
        "In bespreking bij de werkgroep", use_inner_text=True
    )
    expect(page.locator("#nog-niet-gereageerd")).to_contain_text(
        "Jeroen Bakker", use_inner_text=True
    )
    check_axe(page)
    screenshot(page, "document-in-bespreking")
    uitloggen(page)

    # A member reads version 0.1 and comments on a passage, mentioning a colleague.
    login(page, "politie", WACHTWOORD)
    page.get_by_role("link", name="ligt ter bespreking").first.click()
    page.get_by_role("link", name="Lees versie 0.1 en reageer").click()
    check_axe(page)
    sectie = page.locator("#s-inleiding")
    sectie.locator("summary").click()
    sectie.get_by_label("Passage (optioneel)").fill("De gemeente voert de regie.")
    sectie.get_by_label("Opmerking (verplicht)").fill(
        "Noem ook de rol van de politie. @jeugd, geldt dit ook voor het jongerenwerk?"
    )
    sectie.get_by_role("button", name="Opmerking plaatsen").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "Uw opmerking is geplaatst.", use_inner_text=True
    )
    expect(page.locator("blockquote")).to_contain_text(
        "De gemeente voert de regie.", use_inner_text=True
    )
    check_axe(page)
    opmerking_url = page.url
    uitloggen(page)

    # The mentioned colleague sees a notification.
    login(page, "jeugd", WACHTWOORD)
    expect(page.locator(".ivp-meldingenlijst")).to_contain_text(
        "noemt u in een opmerking", use_inner_text=True
    )
    check_axe(page)
    uitloggen(page)

    # The coordinator replies, resolves and records the outcome.
    login(page, "coordinator", WACHTWOORD)
    page.goto(opmerking_url)
    page.get_by_label("Uw reactie").fill("Goed punt, ik voeg de politie toe.")
    page.get_by_role("button", name="Reactie plaatsen").click()
    page.get_by_role("button", name="Markeren als opgelost").click()
    page.get_by_label("Deels verwerkt").check()
    page.get_by_label("Toelichting").fill("De politie staat erin; het jongerenwerk volgt later.")
    page.get_by_role("button", name="Verwerking opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "De verwerking is vastgelegd.", use_inner_text=True
    )
    expect(page.locator(".ivp-feiten")).to_contain_text("Opgelost op", use_inner_text=True)
    check_axe(page)
    screenshot(page, "opmerking")

    page.goto(document_url)
    # Before the end of the reactietermijn: the coordinator confirms (issue 16, item 4).
    page.get_by_label("Ik sluit de bespreking vóór het einde van de reactietermijn").check()
    page.get_by_role("button", name="Bespreking sluiten").click()
    page.get_by_role("link", name="Inleiding bewerken").click()
    page.get_by_label("Tekst").fill(
        "Veiligheid maken we **samen** met inwoners, politie en partners.\n\n"
        "De gemeente voert de regie."
    )
    page.get_by_role("button", name="Opslaan").click()

    page.get_by_role("link", name="Reactienota").click()
    expect(page.locator("main")).to_contain_text("Deels verwerkt", use_inner_text=True)
    check_axe(page)
    screenshot(page, "reactienota")

    # To the college, and vastgesteld.
    page.goto(document_url)
    page.get_by_text("Ter besluitvorming aanbieden aan college").click()
    # Chapters are still empty: offering needs a motivation (pas toe of leg uit).
    page.get_by_label("Motivatie: waarom gaat het document met open punten").fill(
        "De overige hoofdstukken volgen na het besluit."
    )
    page.get_by_role("button", name="Aanbieden ter besluitvorming").click()
    expect(page.locator(".ivp-feiten")).to_contain_text("Ter besluitvorming", use_inner_text=True)
    page.get_by_role("link", name="Besluit vastleggen").click()
    page.get_by_label("Datum van het besluit").fill(timezone.localdate().strftime("%d-%m-%Y"))
    page.get_by_label("Kenmerk").fill("2026-COLL-00412")
    page.get_by_label("Vastgesteld", exact=True).check()
    check_axe(page)
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.locator("main")).to_contain_text("Dit document is vastgesteld")
    page.wait_for_load_state()  # the absence below counts only on the whole page
    expect(page.get_by_role("link", name="Inleiding bewerken")).to_have_count(0)
    check_axe(page)
    screenshot(page, "document-vastgesteld")

    # Compare the review version with the adopted one.
    page.get_by_label("Vergelijk versie").select_option("0.1")
    page.get_by_label("met versie").select_option("1.0")
    page.get_by_role("button", name="Vergelijken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Versie 0.1 en 1.0 vergelijken", use_inner_text=True
    )
    expect(page.locator("#v-inleiding + div ins").first).to_contain_text(
        "politie", use_inner_text=True
    )
    check_axe(page)
    screenshot(page, "vergelijking")
