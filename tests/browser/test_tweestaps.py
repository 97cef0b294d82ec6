"""A coordinator sets up the second factor in the browser and logs in with it (issue 15)."""

from __future__ import annotations

import re
from base64 import b32decode
from urllib.parse import urlparse

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from tests.browser.conftest import login_as
from tests.stappen.stappenplan import coordinator_van

pytestmark = [pytest.mark.browser]


@pytest.fixture
def coordinator(gemeente, settings):
    settings.IVP_TWEESTAPS_VERPLICHT = True
    persoon = coordinator_van(gemeente)
    persoon.set_password("lang-genoeg-geheim")
    persoon.save()
    return persoon


def test_a_coordinator_sets_up_totp_and_logs_in_with_it(page, coordinator, check_axe, screenshot):
    login_as(page, coordinator.username, "lang-genoeg-geheim")

    assert urlparse(page.url).path == "/account/tweestapsverificatie/"
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Tweestapsverificatie instellen", use_inner_text=True
    )
    expect(page.get_by_role("img", name="QR-code voor uw authenticator-app")).to_be_visible()
    check_axe(page)
    screenshot(page, "tweestaps-instellen")

    page.get_by_label("Code uit de app").fill("000000")
    page.get_by_role("button", name="Tweestapsverificatie aanzetten").click()
    expect(page.get_by_role("alert").first).to_contain_text(
        "Deze code klopt niet", use_inner_text=True
    )
    check_axe(page)

    page.wait_for_load_state()  # the key is read as data, from the whole page
    sleutel = page.locator(".ivp-qr__sleutel").inner_text().replace(" ", "")
    app = TOTP(b32decode(sleutel))
    app.time = app.time + 30  # the next code: the wrong one just now slows this one down
    page.wait_for_timeout(1500)
    page.get_by_label("Code uit de app").fill(f"{app.token():06d}")
    page.get_by_role("button", name="Tweestapsverificatie aanzetten").click()

    assert urlparse(page.url).path == "/account/herstelcodes/"
    page.wait_for_load_state()  # all_inner_texts() reads the page as it is, loaded or not
    codes = page.locator(".ivp-herstelcodes code").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z2-7]{8}", c) for c in codes)
    check_axe(page)
    screenshot(page, "tweestaps-herstelcodes")
    page.get_by_role("link", name="Ik heb de codes bewaard, verder").click()
    assert urlparse(page.url).path == "/"
    page.get_by_role("button", name="Uitloggen").click()

    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(coordinator.username)
    page.get_by_label("Wachtwoord").fill("lang-genoeg-geheim")
    page.get_by_role("button", name="Inloggen").click()
    assert urlparse(page.url).path == "/inloggen/code/"
    check_axe(page)
    screenshot(page, "tweestaps-code")
    app.time = app.time + 30  # the code after the one used to set it up
    page.get_by_label("Code uit de app of herstelcode").fill(f"{app.token():06d}")
    page.get_by_role("button", name="Bevestigen").click()

    assert urlparse(page.url).path == "/"
    expect(page.get_by_text(str(coordinator))).to_be_visible()


def test_the_login_fixture_types_the_code_of_an_enrolled_person(page, coordinator):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=coordinator, name="Authenticator-app", confirmed=True)
    login_as(page, coordinator.username, "lang-genoeg-geheim")
    assert urlparse(page.url).path == "/"


def test_the_coordinator_page_of_locked_accounts(page, coordinator, check_axe, screenshot):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=coordinator, name="Authenticator-app", confirmed=True)
    login_as(page, coordinator.username, "lang-genoeg-geheim")
    page.get_by_role("link", name="Uw account").click()
    check_axe(page)
    screenshot(page, "account")
    page.get_by_role("link", name=re.compile("Geblokkeerde accounts en inlogregels")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile(r"^Inloggen in"), use_inner_text=True
    )
    check_axe(page)
    screenshot(page, "gemeente-inloggen")
