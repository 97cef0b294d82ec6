"""Issue 13 in the browser, the regional coordinator's side: from the header to the region,
a bovenlokale priority written with a doelstelling, published after the interlokale
driehoek, its history and the members; axe on every page (the HTML checker at the end)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from regio.models import Regiovoorstel
from tests.regio.delen import maak_regio
from tests.stappen.factories import hoofdthema

pytestmark = [pytest.mark.browser]


def test_the_regional_coordinator_writes_and_publishes_a_shared_priority(
    page, login, check_axe, screenshot
):
    wereld = maak_regio(2, naam="Regio Kop van Overijssel")
    login(page, wereld.regisseur.username, "wachtwoord")

    page.get_by_role("link", name="Regio Kop van Overijssel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Gedeelde delen van de regio", use_inner_text=True
    )
    check_axe(page)
    page.get_by_role("link", name="Nieuw: bovenlokale prioriteit").click()
    page.get_by_role("button", name="Deel opslaan").click()
    expect(page.locator("main")).to_contain_text("Geef het deel een titel.", use_inner_text=True)
    check_axe(page)
    page.get_by_label("Titel").fill("Ondermijning")
    page.get_by_label("Thema").select_option(value=str(hoofdthema("5.2").pk))
    page.get_by_label("Tekst").fill("### Aanpak\n\nSamen met het RIEC.")
    page.get_by_role("button", name="Deel opslaan").click()

    page.get_by_role("link", name="Doelstelling toevoegen").click()
    check_axe(page)
    page.get_by_label("Doelstelling").fill("Minder ondermijnende activiteiten")
    page.get_by_role("button", name="Doelstelling opslaan").click()
    expect(page.locator("main")).to_contain_text(
        "Minder ondermijnende activiteiten", use_inner_text=True
    )
    check_axe(page)
    screenshot(page, "regio-deel")

    page.get_by_role("link", name="Publiceren").click()
    check_axe(page)
    page.get_by_label("Besproken in de interlokale driehoek op").fill("02-11-2026")
    page.get_by_label("Kenmerk van het verslag").fill("IDH-2026-11")
    screenshot(page, "regio-publiceren")
    page.get_by_role("button", name="Versie 1 publiceren").click()
    expect(page.locator("main")).to_contain_text(
        "Versie 1 van ‘Ondermijning’ is gepubliceerd", use_inner_text=True
    )
    check_axe(page)
    screenshot(page, "regio-geschiedenis")
    assert Regiovoorstel.objects.count() == 2

    page.get_by_role("link", name="Regio Kop van Overijssel").first.click()
    page.get_by_role("link", name="Gemeenten toevoegen of uit de regio halen").click()
    check_axe(page)
    screenshot(page, "regio-leden")
