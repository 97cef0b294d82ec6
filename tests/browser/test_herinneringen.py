"""The coordinator sends the reminders now from the plan page; a werkgroeplid chooses the
daily digest for mentions. On the demo data, with axe and screenshots."""

import re

import pytest
from playwright.sync_api import expect

from ivp.demo import WACHTWOORD
from ivp.models import Bericht
from tests.browser.conftest import huidig_plan

pytestmark = [pytest.mark.browser]


def test_the_coordinator_sends_the_reminders_now(page, demo, login, check_axe, screenshot):
    login(page, "coordinator", WACHTWOORD)
    page.get_by_role("link", name=huidig_plan().titel, exact=True).click()
    voor = Bericht.objects.count()
    page.get_by_role("button", name="Herinneringen nu versturen").click()
    expect(page.get_by_role("status").first).to_contain_text(
        re.compile("verstuurd|geen nieuwe herinneringen"), use_inner_text=True
    )
    na = Bericht.objects.count()
    page.get_by_role("button", name="Herinneringen nu versturen").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "Er waren geen nieuwe herinneringen", use_inner_text=True
    )
    assert Bericht.objects.count() == na >= voor
    check_axe(page)
    screenshot(page, "plan-herinneringen")


def test_a_member_chooses_the_daily_digest_for_mentions(page, demo, login, check_axe, screenshot):
    login(page, "politie", WACHTWOORD)
    page.get_by_role("link", name="Welke meldingen krijgt u per e-mail?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Meldingen per e-mail", use_inner_text=True
    )
    groep = page.get_by_role("group", name="U wordt genoemd in een opmerking")
    groep.get_by_label("In het dagoverzicht (elke ochtend één e-mail)").check()
    te_laat = page.get_by_role("group", name="Uw actiepunt is over de datum")
    expect(te_laat).to_be_visible()
    expect(te_laat.get_by_label("Geen e-mail")).to_have_count(0)
    page.get_by_role("button", name="Keuzes bewaren").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "Uw keuzes voor de meldingen zijn bewaard.", use_inner_text=True
    )
    groep = page.get_by_role("group", name="U wordt genoemd in een opmerking")
    assert groep.get_by_label("In het dagoverzicht (elke ochtend één e-mail)").is_checked()
    check_axe(page)
    screenshot(page, "meldingvoorkeuren")
