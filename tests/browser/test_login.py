"""Logging in, as a person does it in the browser."""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser]

WACHTWOORD = "geheim-en-lang-genoeg"


@pytest.fixture
def gebruiker(django_user_model):
    return django_user_model.objects.create_user(
        username="coordinator", password=WACHTWOORD, first_name="Sanne", last_name="de Vries"
    )


def test_login_page_is_accessible(page, check_axe, screenshot):
    page.goto("/inloggen/")

    assert page.title() == "Inloggen — IVP Regie"
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("heading", level=1).inner_text() == "Inloggen"
    check_axe(page)
    screenshot(page, "inloggen")


def test_wrong_password_shows_dutch_error(page, gebruiker, check_axe, screenshot):
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("coordinator")
    page.get_by_label("Wachtwoord").fill("fout-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Er ging iets mis", use_inner_text=True)
    expect(summary).to_contain_text(
        "Voer een juiste gebruikersnaam en wachtwoord in", use_inner_text=True
    )
    # The error summary has the focus, so a screen reader reads it first.
    expect(page.locator("#foutoverzicht")).to_be_focused()  # autofocus, once the page renders
    assert page.url.endswith("/inloggen/")
    check_axe(page)
    screenshot(page, "inloggen-fout")


def test_empty_form_links_errors_to_fields(page, check_axe, screenshot):
    page.goto("/inloggen/")
    page.get_by_role("button", name="Inloggen").click()

    username = page.get_by_label("Gebruikersnaam")
    assert username.get_attribute("aria-invalid") == "true"
    assert "id_username_error" in username.get_attribute("aria-describedby")
    expect(page.locator("#id_username_error")).to_contain_text(
        "Dit veld is verplicht.", use_inner_text=True
    )
    page.get_by_role("link", name="Gebruikersnaam: Dit veld is verplicht.").click()
    assert page.evaluate("document.activeElement.id") == "id_username"
    check_axe(page)
    screenshot(page, "inloggen-leeg")


def test_right_password_lands_on_start(page, gebruiker, login, check_axe, screenshot):
    login(page, "coordinator", WACHTWOORD)

    assert urlparse(page.url).path == "/"
    expect(page.get_by_text("Sanne de Vries")).to_be_visible()
    check_axe(page)
    screenshot(page, "start-ingelogd")

    # The skip link is the first thing the keyboard reaches and leads to the main content.
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Naar de inhoud")
    assert skip_link.evaluate("el => el === document.activeElement")
    expect(skip_link).to_be_visible()
    screenshot(page, "start-skiplink")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"

    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/inloggen/")
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
