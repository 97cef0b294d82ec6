"""The cycle by clicking (issue 16, "Must hold"): the coordinator walks the demo plan from
step 3 to step 6 — prioritering vastgesteld by the raad, the IVP adopted by the raad, the
uitvoeringsplan adopted by the college and the raad informed, step 5 closed, step 6
started — and the plan page shows the dates of the decisions, not the day they were typed."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import Locator, expect

from ivp.demo import WACHTWOORD
from ivp.models import Plan

pytestmark = [pytest.mark.browser]


@pytest.fixture
def demo(demo):
    """The demo's current plan of Steenwijkerland."""
    return Plan.objects.filter(gemeente__naam="Steenwijkerland").order_by("-periode_start")[0]


def d(datum: dt.date) -> str:
    return f"{datum:%d-%m-%Y}"


def besluit(page, datum: dt.date, kenmerk: str, uitkomst: str = "Vastgesteld") -> None:
    page.get_by_role("link", name="Besluit vastleggen").click()
    page.get_by_label("Datum van het besluit").fill(d(datum))
    page.get_by_label("Kenmerk").fill(kenmerk)
    page.get_by_label(uitkomst, exact=True).check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "Het besluit is vastgelegd.", use_inner_text=True
    )


def aanbieden(page, orgaan: str) -> None:
    page.get_by_text(f"Ter besluitvorming aanbieden aan {orgaan}").click()
    motivatie = page.get_by_label("Motivatie: waarom gaat het document met open punten")
    page.wait_for_load_state()  # count() reads the page as it is, loaded or not
    if motivatie.count():
        expect(page.locator("main")).to_contain_text("Nog open:", use_inner_text=True)
        motivatie.fill("De overige hoofdstukken volgen na het besluit.")
    page.get_by_role("button", name="Aanbieden ter besluitvorming").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "ter besluitvorming aangeboden", use_inner_text=True
    )


def naar_plan(page, plan) -> None:
    page.get_by_role("link", name=plan.titel, exact=True).first.click()


def later(page, klok, login, dag: dt.date) -> None:
    """Days later: the session of two weeks ago has expired, so log in again, same page."""
    hier = page.url
    # The page's own requests (the header's count of notifications) answered after the
    # cookies are cleared would set a CSRF or session cookie over the next login's.
    page.wait_for_load_state("networkidle")
    klok.move_to(dt.datetime.combine(dag, dt.time(9)).astimezone())
    page.context.clear_cookies()
    login(page, "coordinator", WACHTWOORD)
    page.goto(hier)


def feiten(page, nummer: int) -> Locator:
    return page.locator(f"#stap-{nummer} .ivp-stap__feiten")


def test_the_coordinator_walks_the_plan_from_step_3_to_step_6(
    page, demo, login, check_axe, screenshot
):
    plan = demo
    t0 = timezone.localdate()
    reis = time_machine.travel(dt.datetime.combine(t0, dt.time(9, 0)).astimezone(), tick=True)
    klok = reis.start()
    try:
        login(page, "coordinator", WACHTWOORD)
        naar_plan(page, plan)
        # Step 3: close the review round, place every theme, record the raad's meeting.
        page.locator("#stap-3").get_by_role("link", name=f"Prioritering {plan.titel}").click()
        page.get_by_role("button", name="Bespreking sluiten").click()
        expect(page.locator("main")).to_contain_text(
            "Bevestig dat u de bespreking eerder sluit.", use_inner_text=True
        )
        page.get_by_label("Ik sluit de bespreking vóór het einde van de reactietermijn").check()
        page.get_by_role("button", name="Bespreking sluiten").click()
        expect(page.get_by_role("status").first).to_contain_text(
            "De bespreking is gesloten.", use_inner_text=True
        )
        page.get_by_role("link", name=plan.titel).first.click()
        page.get_by_role("link", name="Scores, rangorde en plaatsing van de thema's").click()
        page.get_by_role("link", name="Thema's plaatsen").click()
        page.wait_for_load_state()  # all() reads the page as it is, loaded or not
        for keuze in page.locator("select").all():
            if keuze.input_value() == "":
                keuze.select_option("beheer")
        page.get_by_role("button", name="Plaatsing opslaan").click()
        page.get_by_role("link", name="Raad en driehoek vastleggen").click()
        page.get_by_label("Opiniërende bijeenkomst met de raad op").fill(
            d(t0 - dt.timedelta(days=2))
        )
        page.get_by_label("Uitkomst van de bijeenkomst").fill("De raad herkent de vier.")
        page.get_by_role("button", name="Opslaan").click()
        page.get_by_role("link", name=plan.titel).first.click()
        page.locator("#stap-3").get_by_role("link", name=f"Prioritering {plan.titel}").click()
        aanbieden(page, "gemeenteraad")

        # Nine days later the coordinator records the raad's decision of two days before.
        later(page, klok, login, t0 + dt.timedelta(days=9))
        raad_prioritering = t0 + dt.timedelta(days=7)
        besluit(page, raad_prioritering, "RAAD-PRIO-01")
        page.get_by_role("link", name=plan.titel).first.click()
        page.locator("#stap-3").get_by_role("button", name="Rond stap 3 af").click()
        expect(feiten(page, 3)).to_contain_text(
            f"Afgerond op {d(raad_prioritering)}", use_inner_text=True
        )
        page.locator("#stap-4").get_by_role("button", name="Start stap 4").click()
        page.locator("#stap-5").get_by_role("button", name="Start stap 5").click()

        # Step 4: an aanpak and a doelstelling per priority, then the IVP to the raad.
        page.get_by_role("link", name="Prioriteiten en doelstellingen in het IVP").click()
        page.wait_for_load_state()
        namen = [link.inner_text() for link in page.locator("main h2 a.utrecht-link").all()]
        assert len(namen) == 4
        for naam in namen:
            page.get_by_role("link", name=naam, exact=True).click()
            page.get_by_role("link", name="Hoofdstuk bewerken").click()
            page.get_by_label("Aanpak op hoofdlijnen").fill("Preventie, zorg en repressie.")
            page.get_by_role("button", name="Hoofdstuk opslaan").click()
            page.get_by_role("link", name="Doelstelling toevoegen").click()
            page.get_by_label("Doelstelling").first.fill(f"Minder incidenten: {naam}.")
            page.get_by_role("button", name="Doelstelling opslaan").click()
            page.get_by_role("link", name="Prioriteiten in het IVP").click()
        page.get_by_role("link", name=plan.titel).first.click()
        page.locator("#stap-4").get_by_role("link", name=plan.titel).click()
        aanbieden(page, "gemeenteraad")

        later(page, klok, login, t0 + dt.timedelta(days=20))
        raad_ivp = t0 + dt.timedelta(days=18)
        besluit(page, raad_ivp, "RAAD-IVP-02")
        page.get_by_role("link", name=plan.titel).first.click()
        page.locator("#stap-4").get_by_role("button", name="Rond stap 4 af").click()
        expect(feiten(page, 4)).to_contain_text(f"Afgerond op {d(raad_ivp)}", use_inner_text=True)

        # Step 5: the college adopts the uitvoeringsplan; the raad is informed.
        page.locator("#stap-5").get_by_role("link", name="Uitvoeringsplan").click()
        aanbieden(page, "college van burgemeester en wethouders")
        later(page, klok, login, t0 + dt.timedelta(days=30))
        college = t0 + dt.timedelta(days=27)
        informatie = t0 + dt.timedelta(days=29)
        besluit(page, college, "COLL-UP-03")
        page.get_by_role("link", name=plan.titel).first.click()
        expect(page.locator("#stap-5")).to_contain_text(
            "De raad heeft het uitvoeringsplan nog niet ter informatie ontvangen.",
            use_inner_text=True,
        )
        page.locator("#stap-5").get_by_role("link", name="Uitvoeringsplan").click()
        page.get_by_role("link", name="Raad geïnformeerd vastleggen").click()
        page.get_by_label("Raadsinformatiebrief").check()
        page.get_by_label("Datum van de brief of de raadsvergadering").fill(d(informatie))
        page.get_by_label("Kenmerk").fill("RIB-04")
        check_axe(page)
        page.get_by_role("button", name="Vastleggen").click()
        expect(page.locator("main")).to_contain_text(
            f"De raad is geïnformeerd op {d(informatie)}", use_inner_text=True
        )
        page.get_by_role("link", name=plan.titel).first.click()
        page.locator("#stap-5").get_by_role("button", name="Rond stap 5 af").click()
        page.locator("#stap-6").get_by_role("button", name="Start stap 6").click()

        expect(feiten(page, 3)).to_contain_text(
            f"Afgerond op {d(raad_prioritering)}", use_inner_text=True
        )
        expect(feiten(page, 4)).to_contain_text(f"Afgerond op {d(raad_ivp)}", use_inner_text=True)
        expect(feiten(page, 5)).to_contain_text(f"Afgerond op {d(informatie)}", use_inner_text=True)
        expect(feiten(page, 6)).to_contain_text(
            f"Gestart op {d(t0 + dt.timedelta(days=30))}", use_inner_text=True
        )
        logboek = page.locator("#logboek + div table")
        expect(logboek).to_contain_text(d(informatie), use_inner_text=True)
        expect(logboek).to_contain_text(d(t0 + dt.timedelta(days=30)), use_inner_text=True)
        check_axe(page)
        screenshot(page, "cyclus-stap-6")
    finally:
        reis.stop()
