"""Issue 13's browser test, on the demo: the regional coordinator changes a shared
doelstelling and publishes it; Steenwijkerland's coordinator reviews the difference and
accepts it (a new version of its IVP); Kampen's coordinator declines it with a reason. axe
on every page, the HTML checker at the end of the session."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ivp.demo import WACHTWOORD
from regio.constants import VoorstelStatus
from regio.models import Regiodeel, Regiovoorstel

pytestmark = [pytest.mark.browser]


def _zorg() -> Regiodeel:
    return Regiodeel.objects.get(titel__startswith="Zorg en veiligheid")


def test_a_changed_doelstelling_is_accepted_in_steenwijkerland_and_declined_in_kampen(
    page, demo, login, check_axe, screenshot
):
    deel = _zorg()
    doelstelling = deel.doelstellingen.get()

    # The regional coordinator changes the doelstelling and publishes the part.
    login(page, "regio", WACHTWOORD)
    page.goto(f"/regio/delen/{deel.pk}/")
    check_axe(page)
    page.get_by_role("link", name="Bewerk doelstelling 1").click()
    page.get_by_label("Streefwaarde").fill("2,8")
    page.get_by_role("button", name="Doelstelling opslaan").click()
    page.get_by_role("link", name="Publiceren").click()
    expect(page.locator(".ivp-vergelijking")).to_contain_text("2,8", use_inner_text=True)
    check_axe(page)
    screenshot(page, "regio-publiceren")
    page.get_by_label("Besproken in de interlokale driehoek op").fill(
        timezone.localdate().strftime("%d-%m-%Y")
    )
    page.get_by_label("Toelichting").fill("De streefwaarde is opnieuw aangescherpt.")
    page.get_by_role("button", name="Versie 3 publiceren").click()
    page.wait_for_load_state()
    doelstelling.refresh_from_db()
    assert doelstelling.streefwaarde == "2,8"
    deel.refresh_from_db()
    assert deel.revisie == 3

    # Steenwijkerland's coordinator finds the proposal through the notice on the plan page.
    # The page's own requests (the header's count of notifications) answered after the
    # cookies are cleared would set a CSRF or session cookie over the next login's.
    page.wait_for_load_state("networkidle")
    page.context.clear_cookies()
    login(page, "coordinator", WACHTWOORD)
    voorstel = Regiovoorstel.objects.get(
        deel=deel, plan__gemeente__naam="Steenwijkerland", status=VoorstelStatus.OPEN
    )
    page.goto(f"/plannen/{voorstel.plan_id}/")
    page.get_by_role("link", name="Bekijk de regionale voorstellen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Regionale samenwerking", use_inner_text=True
    )
    check_axe(page)
    screenshot(page, "regio-plan-steenwijkerland")
    page.get_by_role("link", name="Wijziging naar versie 3").click()
    vergelijking = page.locator(".ivp-vergelijking").first
    expect(vergelijking.locator("del").first).to_contain_text("3,0", use_inner_text=True)
    expect(vergelijking.locator("ins").first).to_contain_text("2,8", use_inner_text=True)
    expect(page.locator("main")).to_contain_text("De streefwaarde is opnieuw aangescherpt.")
    check_axe(page)
    screenshot(page, "regio-voorstel-steenwijkerland")
    page.get_by_role("button", name="Aanvaarden").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "Het voorstel is aanvaard", use_inner_text=True
    )
    check_axe(page)
    page.get_by_role("link", name="Bekijk versie").click()
    page.wait_for_load_state()
    screenshot(page, "regio-nieuwe-versie-steenwijkerland")
    expect(page.locator("main")).to_contain_text("2,8")
    expect(page.locator("main")).to_contain_text(
        re.compile(r"Regionaal deel overgenomen|\(bovenlokaal\)")
    )
    check_axe(page)
    screenshot(page, "regio-nieuwe-versie-steenwijkerland")
    voorstel.refresh_from_db()
    assert voorstel.status == VoorstelStatus.AANVAARD and voorstel.document_versie is not None

    # Kampen's coordinator declines it, first without a reason.
    # The page's own requests (the header's count of notifications) answered after the
    # cookies are cleared would set a CSRF or session cookie over the next login's.
    page.wait_for_load_state("networkidle")
    page.context.clear_cookies()
    login(page, "coordinator.kampen", WACHTWOORD)
    kampen = Regiovoorstel.objects.get(
        deel=deel, plan__gemeente__naam="Kampen", status=VoorstelStatus.OPEN
    )
    assert kampen.naar.nummer == 3  # the open proposal moved on to the newest text
    page.goto(f"/plannen/{kampen.plan_id}/regio/")
    page.get_by_role("link", name="Wijziging naar versie 3").click()
    check_axe(page)
    page.get_by_role("button", name="Afwijzen").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Geef de reden waarom u dit voorstel afwijst.", use_inner_text=True
    )
    check_axe(page)
    screenshot(page, "regio-afwijzen-fout-kampen")
    page.get_by_label("Reden").fill("De huidige streefwaarde past bij onze capaciteit.")
    page.get_by_role("button", name="Afwijzen").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "Het voorstel is afgewezen", use_inner_text=True
    )
    expect(page.locator("main")).to_contain_text(
        "De huidige streefwaarde past bij onze capaciteit."
    )
    check_axe(page)
    screenshot(page, "regio-afgewezen-kampen")
    kampen.refresh_from_db()
    assert kampen.status == VoorstelStatus.AFGEWEZEN

    # Kampen's coordinator cannot open Steenwijkerland's proposal.
    response = page.goto(f"/plannen/{voorstel.plan_id}/regio/voorstellen/{voorstel.pk}/")
    assert response is not None and response.status == 404

    # Kampen declined ondermijning when it was first offered; it looks at it again.
    page.goto(f"/plannen/{kampen.plan_id}/regio/")
    check_axe(page)
    page.get_by_role("button", name="Ondermijning opnieuw bekijken").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "Het deel ligt opnieuw voor", use_inner_text=True
    )
    expect(page.locator("main")).to_contain_text("Niet overgenomen: Kampen pakt ondermijning aan")
    expect(page.get_by_role("button", name="Aanvaarden")).to_be_visible()
    check_axe(page)
    screenshot(page, "regio-opnieuw-bekijken-kampen")
