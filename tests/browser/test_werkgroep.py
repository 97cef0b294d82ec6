"""The werkgroep in the browser, on the demo data: a member logs hours and sees the remaining
budget; the coordinator plans a meeting, records attendance and an actiepunt, and calls a
meeting off."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ivp.demo import WACHTWOORD
from tests.browser.conftest import huidig_plan

pytestmark = [pytest.mark.browser]


def open_werkgroep(page):
    page.get_by_role("link", name=huidig_plan().titel, exact=True).click()
    page.get_by_role("navigation", name="Onderdelen van het plan").get_by_role(
        "link", name="Werkgroep"
    ).click()


def test_a_member_logs_hours_and_sees_the_remaining_budget(
    page, demo, login, check_axe, screenshot
):
    login(page, "jeugd", WACHTWOORD)
    open_werkgroep(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkgroep", use_inner_text=True)
    expect(page.locator("main")).to_contain_text("Leden (8 van 8)", use_inner_text=True)
    check_axe(page)
    screenshot(page, "werkgroep")

    page.get_by_role("link", name="Uren", exact=True).first.click()
    eigen = page.locator(".ivp-uren-eigen")
    expect(eigen).to_contain_text("Budget", use_inner_text=True)
    expect(eigen).to_contain_text("25 uur", use_inner_text=True)  # 40 budget, 15 spent in the demo

    page.get_by_label("Datum").fill("01-01-2099")
    page.locator("#id_uren").fill("3,5")
    page.get_by_label("Stap").select_option(label="Stap 3: Prioritering")
    page.get_by_label("Korte omschrijving").fill("Voorbereiding raadsbijeenkomst")
    page.get_by_role("button", name="Uren opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("toekomst", use_inner_text=True)
    assert page.get_by_label("Korte omschrijving").input_value() == (
        "Voorbereiding raadsbijeenkomst"
    )
    check_axe(page)

    page.get_by_label("Datum").fill(timezone.localdate().strftime("%d-%m-%Y"))
    page.get_by_role("button", name="Uren opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("3,5 uur op", use_inner_text=True)
    expect(page.locator(".ivp-uren-eigen")).to_contain_text("21,5 uur", use_inner_text=True)
    registraties = page.locator("#registraties-titel").locator("xpath=ancestor::table")
    expect(registraties).to_contain_text("Voorbereiding raadsbijeenkomst", use_inner_text=True)
    check_axe(page)
    screenshot(page, "uren-lid")


def test_the_coordinator_plans_a_meeting_records_attendance_and_an_actiepunt(
    page, demo, login, check_axe, screenshot
):
    login(page, "coordinator", WACHTWOORD)
    open_werkgroep(page)
    # Three of its own and the joint meeting of the four werkgroepen (werkgroep/demo.py).
    expect(page.locator("main")).to_contain_text("4 van 6 bijeenkomsten", use_inner_text=True)
    page.get_by_role("link", name="Bijeenkomst plannen").click()
    vandaag = timezone.localdate().strftime("%d-%m-%Y")
    page.get_by_label("Datum").fill(vandaag)
    page.get_by_label("Begintijd").fill("15:00")
    page.get_by_label("Eindtijd").fill("14:00")
    page.get_by_label("Plaats").fill("Gemeentehuis Steenwijk")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "eindigen na de begintijd", use_inner_text=True
    )
    assert page.get_by_label("Plaats").input_value() == "Gemeentehuis Steenwijk"
    check_axe(page)
    screenshot(page, "bijeenkomst-fout")

    page.get_by_label("Eindtijd").fill("17:00")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".ivp-pagina-kop")).to_contain_text(
        "Bijeenkomst 4 van 6", use_inner_text=True
    )

    # The agenda item on a page of its own; an error keeps what was chosen.
    page.get_by_role("link", name="Agendapunt toevoegen").click()
    page.wait_for_load_state()  # the option's text is read as data, from the whole page
    analyse = page.get_by_label("Document").locator("option", has_text="Veiligheidsanalyse")
    page.get_by_label("Document").select_option(label=analyse.inner_text())
    page.get_by_role("button", name="Agendapunt opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Onderwerp", use_inner_text=True)
    assert page.get_by_label("Document").input_value() != ""
    page.get_by_label("Onderwerp").fill("Eerste cijfers van de analyse")
    check_axe(page)
    screenshot(page, "agendapunt")
    page.get_by_role("button", name="Agendapunt opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "Het agendapunt is toegevoegd.", use_inner_text=True
    )
    agenda = page.locator("ol.ivp-agenda")
    expect(agenda).to_contain_text("Eerste cijfers van de analyse", use_inner_text=True)
    expect(agenda).to_contain_text(
        "document: Veiligheidsanalyse Integraal Veiligheidsplan", use_inner_text=True
    )

    page.locator("summary", has_text="Aanwezigheid vastleggen").click()
    page.get_by_role("group", name="Jeroen Bakker").get_by_label("Aanwezig", exact=True).check()
    page.get_by_role("group", name="Sanne Mulder").get_by_label("Afwezig met bericht").check()
    page.get_by_role("button", name="Aanwezigheid opslaan").click()
    presentie = page.locator("#presentie-titel").locator("xpath=ancestor::table")
    expect(presentie).to_contain_text("Afwezig met bericht", use_inner_text=True)

    page.locator("summary", has_text="Actiepunt toevoegen").click()
    page.get_by_label("Wat").fill("Cijfers cybercrime aanleveren")
    page.get_by_label("Wie").select_option(label="Jeroen Bakker")
    page.get_by_label("Uiterlijk op").fill("31-12-2026")
    page.get_by_role("button", name="Actiepunt opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "Het actiepunt is vastgelegd.", use_inner_text=True
    )
    actiepunten = page.locator("#actiepunten-titel").locator("xpath=ancestor::table")
    expect(actiepunten).to_contain_text("Cijfers cybercrime aanleveren", use_inner_text=True)
    check_axe(page)
    screenshot(page, "bijeenkomst")

    page.goto(page.url.split("/bijeenkomsten/")[0] + "/plannen/")  # back via the plan list
    page.goto("/")
    open_werkgroep(page)
    page.get_by_role("link", name="Uren").first.click()
    expect(page.locator(".ivp-burndown svg")).to_have_count(1)
    check_axe(page)
    screenshot(page, "uren-coordinator")


def test_the_coordinator_calls_a_meeting_off(page, demo, login, check_axe, screenshot):
    login(page, "coordinator", WACHTWOORD)
    open_werkgroep(page)
    expect(page.locator("main")).to_contain_text("4 van 6 bijeenkomsten")
    page.get_by_role("link", name="Bijeenkomst plannen").click()
    over_twee_weken = timezone.localdate() + dt.timedelta(days=14)
    page.get_by_label("Datum").fill(over_twee_weken.strftime("%d-%m-%Y"))
    page.get_by_label("Begintijd").fill("14:00")
    page.get_by_label("Eindtijd").fill("16:00")
    page.get_by_label("Plaats").fill("Gemeentehuis Steenwijk")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".ivp-pagina-kop")).to_contain_text("van 6")  # numbered by date

    # Its own page: first without a reason (the error in Dutch), then with one.
    page.get_by_role("link", name="Bijeenkomst afzeggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bijeenkomst afzeggen")
    expect(page.locator("main")).to_contain_text(
        "De leden krijgen bericht en de bijeenkomst verdwijnt uit hun agenda."
    )
    page.get_by_role("button", name="Bijeenkomst afzeggen").click()
    expect(page.get_by_role("alert").first).to_contain_text(
        "Geef de reden waarom de bijeenkomst niet doorgaat."
    )
    check_axe(page)
    screenshot(page, "bijeenkomst-afzeggen-fout")
    page.get_by_label("Reden").fill("De helft van de werkgroep zit bij de crisisoefening.")
    page.get_by_role("button", name="Bijeenkomst afzeggen").click()

    expect(page.get_by_role("status").first).to_contain_text("De bijeenkomst is afgezegd.")
    vandaag = timezone.localdate().strftime("%d-%m-%Y")
    expect(page.locator("#afgezegd")).to_contain_text(
        f"Afgezegd op {vandaag} — De helft van de werkgroep zit bij de crisisoefening."
    )
    expect(page.get_by_role("link", name="Bijeenkomst afzeggen")).to_have_count(0)
    expect(page.get_by_role("link", name="Agendapunt toevoegen")).to_have_count(0)
    expect(page.locator("main form")).to_have_count(0)
    check_axe(page)
    screenshot(page, "bijeenkomst-afgezegd")

    # The werkgroep page: listed as called off, not counted.
    page.goto("/")
    open_werkgroep(page)
    expect(page.locator("main")).to_contain_text("4 van 6 bijeenkomsten")
    expect(page.locator("ol.ivp-bijeenkomsten")).to_contain_text(
        f"Afgezegd: Werkgroep IVP, {over_twee_weken:%d-%m-%Y} 14:00–16:00"
    )
    check_axe(page)


def test_the_other_werkgroep_pages_pass_axe(page, demo, login, check_axe, screenshot):
    login(page, "coordinator", WACHTWOORD)
    open_werkgroep(page)
    page.get_by_role("link", name="Lid toevoegen").click()
    page.get_by_label("Naam (externe partner)").fill("Marleen de Groot")
    page.get_by_label("Organisatie").fill("Openbaar Ministerie")
    page.get_by_label("Operationeel expert politie").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("7 à 8 leden", use_inner_text=True)
    assert page.get_by_label("Organisatie").input_value() == "Openbaar Ministerie"
    check_axe(page)
    screenshot(page, "lid-negende")

    page.get_by_label("Motivatie (pas toe of leg uit)").fill("Het OM sluit aan voor ondermijning.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("main")).to_contain_text(
        "Het OM sluit aan voor ondermijning.", use_inner_text=True
    )

    open_werkgroep_uren = page.get_by_role("navigation", name="Onderdelen van de werkgroep")
    open_werkgroep_uren.get_by_role("link", name="Uren").click()
    page.get_by_role("link", name="Budget van Anouk Verbeek instellen").click()
    page.locator("#id_uren").fill("450")
    page.get_by_role("button", name="Budget opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("300 tot 400 uur", use_inner_text=True)
    check_axe(page)
    screenshot(page, "budget-fout")
    page.get_by_role("link", name="Annuleren").click()

    page.get_by_role("link", name="Corrigeer").first.click()
    page.get_by_label("Reden van de correctie").fill("Dubbel geschreven")
    page.locator("#id_uren").fill("2")
    page.get_by_role("button", name="Correctie opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("gecorrigeerd", use_inner_text=True)
    page.get_by_role("link", name="Corrigeer").first.click()
    expect(page.locator("main")).to_contain_text("Dubbel geschreven", use_inner_text=True)
    check_axe(page)
    screenshot(page, "uren-correctie")

    page.goto("/agenda/")
    page.get_by_role("button", name="Agenda-link maken").click()
    assert "/agenda/" in page.get_by_label("Uw agenda-link").input_value()
    check_axe(page)
    screenshot(page, "agenda")
