"""The griffie in the browser (issue 10): from the start page to its page of stukken per raad
meeting, a PDF downloaded and checked against the SHA-256 the page shows, and the meeting's
ZIP read back. And the record pages (history, log) as a coordinator reads them."""

import hashlib
import io
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from ivp.demo import WACHTWOORD
from stappen.constants import DocumentSoort, DocumentStatus, WeergaveSoort
from stappen.models import Document, Weergave
from tests.browser.conftest import huidig_plan

pytestmark = [pytest.mark.browser]


@pytest.fixture
def demo_met_pdf(transactional_db, settings):
    """The demo, which renders the PDFs of the stukken it adopts: the public PDF of the IVP
    the raad adopted."""
    settings.IVP_DEMO_PDF = True  # as in `make run`
    call_command("demo", stdout=StringIO())
    ivp = Document.objects.get(
        plan__gemeente__naam="Steenwijkerland",
        soort=DocumentSoort.IVP,
        status=DocumentStatus.VASTGESTELD,
    )
    weergave = (
        Weergave.objects.filter(versie__document=ivp, soort=WeergaveSoort.OPENBAAR)
        .order_by("-versie__hoofd", "-versie__sub", "-klaar_op")
        .first()
    )
    assert weergave is not None and weergave.is_klaar, weergave and weergave.fout
    return weergave


def test_the_griffie_downloads_a_pdf_and_the_meetings_zip(
    page, demo_met_pdf, login, check_axe, screenshot
):
    weergave = demo_met_pdf
    login(page, "griffie", WACHTWOORD)
    page.get_by_role("link", name="Stukken voor de raad").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Stukken voor de raad", use_inner_text=True
    )
    page.wait_for_load_state()
    expect(page.locator("main")).not_to_contain_text("Er staan nog geen stukken")
    check_axe(page)
    screenshot(page, "griffie-stukken")

    besluit = weergave.versie.document.besluiten.get(orgaan="raad")
    vergadering = page.locator(
        "section",
        has=page.get_by_role("heading", name=f"Raadsvergadering van {besluit.datum:%d-%m-%Y}"),
    )
    expect(vergadering).to_contain_text(weergave.sha256, use_inner_text=True)

    with page.expect_download() as download:
        vergadering.get_by_role("link", name=f"PDF ({weergave.paginas} pagina's)").click()
    inhoud = download.value.path().read_bytes()
    assert inhoud.startswith(b"%PDF")
    assert hashlib.sha256(inhoud).hexdigest() == weergave.sha256

    with page.expect_download() as download:
        vergadering.get_by_role("link", name="Alle stukken van deze vergadering").click()
    assert download.value.suggested_filename == f"raad-{besluit.datum.isoformat()}.zip"
    archief = zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes()))
    assert weergave.bestandsnaam in archief.namelist()
    assert hashlib.sha256(archief.read(weergave.bestandsnaam)).hexdigest() == weergave.sha256
    assert {"metadata.csv", "metadata.json"} <= set(archief.namelist())


def test_the_coordinator_reads_the_history_and_the_log(page, demo, login, check_axe, screenshot):
    plan = huidig_plan()
    startnotitie = plan.documenten.get(soort=DocumentSoort.STARTNOTITIE)
    login(page, "coordinator", WACHTWOORD)
    page.goto(f"/documenten/{startnotitie.pk}/")
    page.get_by_role("link", name="Geschiedenis", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Geschiedenis", use_inner_text=True)
    check_axe(page)
    screenshot(page, "document-geschiedenis")

    page.goto(f"/documenten/{startnotitie.pk}/")
    page.get_by_role("link", name="Geschiedenis van inleiding").click()
    expect(page.locator("ins").first).to_be_visible()  # the text as it was written, marked
    check_axe(page)
    screenshot(page, "hoofdstuk-geschiedenis")

    page.goto(f"/plannen/{plan.pk}/")
    page.get_by_role("link", name="Het hele logboek").click()
    expect(page.locator("main")).to_contain_text("Stap 1: actief → afgerond")
    check_axe(page)
    screenshot(page, "logboek")
