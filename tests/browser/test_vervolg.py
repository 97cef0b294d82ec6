"""Issue 14 in the browser: a new plan from the previous one, the goals scored, the
evaluation in the startnotitie; axe and the label check on every page on the way."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from stappen.models import Vervolg
from tests.browser.test_toegankelijk import CONTROLES_ZONDER_EIGEN_LABEL
from tests.ivp.factories import GemeenteFactory
from tests.stappen.stappenplan import coordinator_van
from tests.stappen.vervolg import doelstellingen, indicator_met, vorig_plan

pytestmark = [pytest.mark.browser]


def _labels_in_orde(page) -> None:
    uitkomst = page.evaluate(CONTROLES_ZONDER_EIGEN_LABEL)
    assert not uitkomst["fouten"], "\n".join(uitkomst["fouten"])


def test_a_new_plan_from_the_previous_one_scored_and_in_the_startnotitie(
    page, login, check_axe, screenshot
):
    gemeente = GemeenteFactory(naam="Steenwijkerland", cbs_code="GM1708")
    coordinator = coordinator_van(gemeente)
    vorig = vorig_plan(
        gemeente, coordinator, indicator=indicator_met(gemeente, {2024: "44", 2025: "41.5"})
    )
    doelen = doelstellingen(vorig)
    login(page, coordinator.username, "wachtwoord")

    page.get_by_role("link", name="Nieuw plan").click()
    check_axe(page)
    page.get_by_role("link", name=f"Nieuw plan vanuit {vorig.titel}").click()
    assert page.get_by_label("Titel").input_value() == "Integraal Veiligheidsplan 2027–2030"
    assert page.get_by_label("Looptijd vanaf").input_value() == "01-01-2027"
    page.get_by_label("Pim Politie (Lid, Politie)").check()
    page.get_by_label("De analyses per veld en thema").check()
    check_axe(page)
    _labels_in_orde(page)
    screenshot(page, "vervolg-formulier")
    page.get_by_label("Looptijd vanaf").fill("01-12-2026")  # overlaps the previous period
    page.get_by_role("button", name="Plan aanmaken").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Geef de reden van de overlap", use_inner_text=True
    )
    assert page.get_by_label("Pim Politie (Lid, Politie)").is_checked()  # nothing lost
    check_axe(page)
    page.get_by_label("Looptijd vanaf").fill("01-01-2027")
    page.get_by_role("button", name="Plan aanmaken").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Evaluatie van het vorige IVP", use_inner_text=True
    )
    expect(page.locator("main")).to_contain_text(
        "Laatste meting 2025: 41,5 per 1.000 inwoners", use_inner_text=True
    )
    check_axe(page)
    _labels_in_orde(page)
    scores = ["Behaald", "Deels behaald", "Niet behaald", "Niet meer relevant"]
    for doel, score in zip(doelen, scores, strict=True):
        blok = page.locator(f"#doel-{doel.pk}")
        blok.get_by_label(score, exact=True).check()
        blok.get_by_label("Toelichting").fill(f"Zo ging het met {doel.tekst[:6]}.")
        blok.get_by_role("button", name="Score opslaan").click()
        expect(page.get_by_role("status").first).to_have_text(
            "De score is opgeslagen.", use_inner_text=True
        )
    expect(page.locator("dt:has-text('Nog zonder score') + dd")).to_have_text(
        "0", use_inner_text=True
    )
    screenshot(page, "vervolg-evaluatie")

    page.get_by_role("link", name="De evaluatie in de startnotitie").click()
    hoofdstuk = page.locator("main")
    expect(hoofdstuk).to_contain_text("Evaluatie van het vorige IVP", use_inner_text=True)
    for doel in doelen:
        expect(hoofdstuk).to_contain_text(doel.tekst, use_inner_text=True)
    expect(hoofdstuk).to_contain_text("Niet meer relevant", use_inner_text=True)
    check_axe(page)
    screenshot(page, "vervolg-startnotitie")

    nieuw = Vervolg.objects.get(vorig_plan=vorig).plan
    page.goto(f"/plannen/{nieuw.pk}/")
    assert f"Dit plan volgt op {vorig.titel}" in page.locator("main").inner_text()
    check_axe(page)

    page.goto(f"/plannen/{nieuw.pk}/prioritering/")
    tabel = page.get_by_role("table", name=f"Vorige keer: {vorig.titel}")
    rij = tabel.get_by_role("row", name="1.1 Sociale kwaliteit")
    assert "Prioriteit" in rij.inner_text() and "1 behaald, 1 deels behaald" in rij.inner_text()
    check_axe(page)
    screenshot(page, "vervolg-prioritering")
