"""The stuk of a version: voorstel, asking for PDFs, their states, access (docs/pdf.md)."""

from __future__ import annotations

import hashlib
import io
import re

import pypdf
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from ivp.models import Gebruiker, Plan
from stappen import services
from stappen.constants import DocumentSoort, DocumentStatus, WeergaveSoort, WeergaveStatus
from stappen.models import Document, Versie, Weergave
from tests.stappen.stappenplan import coordinator_van, document, hoofdstuk, schrijf

pytestmark = pytest.mark.django_db

OPENBARE_ZIN = "Samen maken we Steenwijkerland veiliger, wijk voor wijk."
GEHEIME_ZIN = "De politie ziet drie loodsen aan de Kalenbergerweg als risicolocatie."
REDEN = "het hoofdstuk bevat het ondermijningsbeeld van politie en RIEC"


@pytest.fixture
def ivp(plan: Plan, coordinator: Gebruiker) -> Document:
    doc = document(plan, DocumentSoort.IVP)
    schrijf(doc, coordinator, {"inleiding": OPENBARE_ZIN, "uitgangssituatie": GEHEIME_ZIN})
    services.vertrouwelijk_markeren(
        hoofdstuk(doc, "uitgangssituatie"), door=coordinator, vertrouwelijk=True, reden=REDEN
    )
    return doc


@pytest.fixture
def versie(ivp: Document, coordinator: Gebruiker) -> Versie:
    return services.versie_create(document=ivp, door=coordinator, aanleiding="Voor de raad")


def _voorstel(versie: Versie, door: Gebruiker) -> None:
    services.voorstel_opslaan(
        versie,
        door=door,
        onderwerp="Vaststellen IVP",
        voorstelnummer="2026-RAAD-00012",
        portefeuillehouder="burgemeester",
        beslispunten="Het IVP vast te stellen.",
    )


def _tekst(pdf: bytes) -> str:
    lezer = pypdf.PdfReader(io.BytesIO(pdf))
    tekst = "\n".join(p.extract_text() for p in lezer.pages).replace("\u00a0", " ")
    tekst = re.sub(r"(?<=[a-zë])-\n(?=[a-z])", "", tekst)  # a word hyphenated at a line end
    return " ".join(tekst.split())


def _klaar(versie: Versie, door: Gebruiker, soort: str, **velden: object) -> Weergave:
    """A finished rendering without rendering (for the access tests)."""
    inhoud = b"%PDF-1.7 test " + soort.encode()
    weergave = Weergave(
        versie=versie, orgaan="raad", soort=soort, aangevraagd_door=door,
        status=WeergaveStatus.KLAAR, sha256=hashlib.sha256(inhoud).hexdigest(),
        gegevens={"document": {}}, **velden,
    )  # fmt: skip
    weergave.bestand.save("test.pdf", ContentFile(inhoud), save=False)
    weergave.save()
    return weergave


def test_a_rendering_is_made_kept_and_never_changes(
    client, versie, ivp, coordinator, django_capture_on_commit_callbacks
):
    _voorstel(versie, coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        openbaar = services.weergave_aanvragen(versie, door=coordinator, soort="openbaar")
        besloten = services.weergave_aanvragen(versie, door=coordinator, soort="besloten")
    openbaar.refresh_from_db()
    besloten.refresh_from_db()
    assert openbaar.status == besloten.status == WeergaveStatus.KLAAR
    assert openbaar.paginas and openbaar.paginas > 2

    client.force_login(coordinator)
    antwoord = client.get(reverse("stappen:weergave_download", args=[openbaar.pk]))
    assert antwoord["Content-Type"] == "application/pdf"
    assert antwoord["Content-Disposition"].startswith('attachment; filename="ivp-')
    eerst = b"".join(antwoord)
    assert hashlib.sha256(eerst).hexdigest() == openbaar.sha256
    tekst = _tekst(eerst)
    assert "Raadsvoorstel: Vaststellen IVP" in tekst
    assert OPENBARE_ZIN in tekst
    assert GEHEIME_ZIN not in tekst
    assert REDEN in tekst
    assert GEHEIME_ZIN in _tekst(besloten.bestand.open("rb").read())

    # The live document and the voorstel change; the PDF that exists does not.
    schrijf(ivp, coordinator, {"inleiding": "Een heel andere inleiding."})
    services.voorstel_opslaan(
        versie, door=coordinator, onderwerp="Ander onderwerp", portefeuillehouder="wethouder",
        beslispunten="Iets anders.",
    )  # fmt: skip
    later = b"".join(client.get(reverse("stappen:weergave_download", args=[openbaar.pk])))
    assert later == eerst
    # A new rendering of the same version reads the version, not the live chapter.
    with django_capture_on_commit_callbacks(execute=True):
        nieuw = services.weergave_aanvragen(versie, door=coordinator, soort="openbaar")
    nieuw.refresh_from_db()
    assert nieuw.bestand.name != openbaar.bestand.name
    tekst = _tekst(nieuw.bestand.open("rb").read())
    assert OPENBARE_ZIN in tekst and "Een heel andere inleiding." not in tekst
    assert "Ander onderwerp" in tekst  # the voorstel as it was when asked for


def test_a_failing_rendering_shows_mislukt_and_can_be_retried(
    client, versie, coordinator, monkeypatch, django_capture_on_commit_callbacks
):
    def kapot(html: str) -> object:
        raise RuntimeError("lettertype ontbreekt")

    monkeypatch.setattr("stappen.pdf.render.html_naar_pdf", kapot)
    with django_capture_on_commit_callbacks(execute=True):
        weergave = services.weergave_aanvragen(versie, door=coordinator, soort="openbaar")
    weergave.refresh_from_db()
    assert weergave.status == WeergaveStatus.MISLUKT
    client.force_login(coordinator)
    pagina = client.get(reverse("stappen:stuk", args=[versie.document_id, versie.nummer]))
    html = pagina.content.decode()
    assert "Mislukt" in html and "lettertype ontbreekt" in html and "Opnieuw proberen" in html

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("stappen:weergave_opnieuw", args=[weergave.pk]))
    assert response.status_code == 302
    weergave.refresh_from_db()
    assert weergave.status == WeergaveStatus.KLAAR
    assert weergave.pogingen == 2
    assert client.get(reverse("stappen:weergave_download", args=[weergave.pk])).status_code == 200


def test_the_page_polls_while_a_rendering_waits(client, versie, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("stappen:weergave_aanvragen", args=[versie.document_id, versie.nummer]),
        {"soort": "openbaar"},
        follow=True,
    )  # no on_commit in this test: the rendering stays in the queue
    html = response.content.decode()
    assert "In de wachtrij" in html
    assert 'data-hx-trigger="every 2s"' in html
    assert "Pagina vernieuwen" in html  # without JavaScript: reload
    # asking again while it waits is refused with a message
    tweede = client.post(
        reverse("stappen:weergave_aanvragen", args=[versie.document_id, versie.nummer]),
        {"soort": "openbaar"},
        follow=True,
    )
    assert "Deze PDF wordt al gemaakt" in tweede.content.decode()
    assert Weergave.objects.filter(versie=versie).count() == 1


def test_the_voorstel_form_says_what_is_wrong_and_keeps_the_input(client, versie, coordinator):
    client.force_login(coordinator)
    url = reverse("stappen:voorstel", args=[versie.document_id, versie.nummer])
    onvolledig = {"onderwerp": "Vaststellen IVP", "argumenten": "Mijn argument"}
    response = client.post(url, onvolledig | {"vergaderdatum": "31-02-2026"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vul de portefeuillehouder in." in html
    assert "Vul ten minste één beslispunt in." in html
    assert "Mijn argument" in html and 'value="Vaststellen IVP"' in html
    response = client.post(
        url,
        {
            "onderwerp": "Vaststellen IVP",
            "portefeuillehouder": "burgemeester",
            "beslispunten": "Het IVP vast te stellen.",
            "vergaderdatum": "15-12-2026",
        },
    )
    assert response.status_code == 302
    assert versie.voorstellen.get().portefeuillehouder == "burgemeester"


def test_who_downloads_which_rendering(
    client, versie, coordinator, werkgroeplid, bestuurder, griffie, lezer, buitenstaander
):
    openbaar = _klaar(versie, coordinator, WeergaveSoort.OPENBAAR)
    besloten = _klaar(versie, coordinator, WeergaveSoort.BESLOTEN)

    def status(user: Gebruiker, weergave: Weergave) -> int:
        client.force_login(user)
        return client.get(reverse("stappen:weergave_download", args=[weergave.pk])).status_code

    # A draft version: the griffie and the lezer get nothing; the werkgroep the public one.
    assert [status(u, openbaar) for u in (coordinator, werkgroeplid, bestuurder)] == [200] * 3
    assert [status(u, openbaar) for u in (griffie, lezer, buitenstaander)] == [404] * 3
    assert [status(u, besloten) for u in (coordinator, bestuurder)] == [200, 200]
    assert [status(u, besloten) for u in (werkgroeplid, griffie, lezer, buitenstaander)] == [
        404
    ] * 4
    # A guessed id answers the same as one that exists.
    assert status(werkgroeplid, Weergave(pk=besloten.pk + 1000)) == 404

    # Ter besluitvorming for the raad: the griffie gets the public one, the closed one only
    # once it is released to the raad.
    Document.objects.filter(pk=versie.document_id).update(status=DocumentStatus.TER_BESLUITVORMING)
    assert status(griffie, openbaar) == 200
    assert status(griffie, besloten) == 404
    assert status(coordinator_van(versie.document.plan.gemeente), besloten) == 200
    client.force_login(coordinator)
    antwoord = client.post(reverse("stappen:weergave_vrijgeven", args=[besloten.pk]), follow=True)
    assert "vrijgegeven aan de raad" in antwoord.content.decode(), antwoord.content.decode()[-3000:]
    besloten.refresh_from_db()
    assert besloten.vrijgegeven_op is not None
    assert status(griffie, besloten) == 200
    assert [status(u, besloten) for u in (werkgroeplid, lezer, buitenstaander)] == [404] * 3
    # The stuk page itself is the coordinator's only.
    for user in (werkgroeplid, bestuurder, griffie, lezer, buitenstaander):
        client.force_login(user)
        url = reverse("stappen:stuk", args=[versie.document_id, versie.nummer])
        assert client.get(url).status_code == 404
        assert (
            client.post(reverse("stappen:weergave_opnieuw", args=[openbaar.pk])).status_code == 404
        )


def test_griffie_weergaven_lists_what_the_griffie_may_download(versie, coordinator, griffie):
    from stappen.selectors import griffie_weergaven

    openbaar = _klaar(versie, coordinator, WeergaveSoort.OPENBAAR)
    besloten = _klaar(versie, coordinator, WeergaveSoort.BESLOTEN)
    assert list(griffie_weergaven(griffie)) == []  # a draft
    Document.objects.filter(pk=versie.document_id).update(status=DocumentStatus.TER_BESLUITVORMING)
    assert list(griffie_weergaven(griffie)) == [openbaar]
    services.weergave_vrijgeven(besloten, door=coordinator)
    assert set(griffie_weergaven(griffie)) == {openbaar, besloten}


@pytest.mark.redis
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_renders_a_queued_pdf(versie, coordinator):
    import celery.contrib.testing.tasks  # noqa: F401  (registers celery.ping)
    from celery.contrib.testing.worker import start_worker
    from django.conf import settings

    from ivp.celery import app
    from tests.ivp.werker import vergeet_backend

    app.conf.update(task_always_eager=False, result_backend=settings.CELERY_BROKER_URL)
    vergeet_backend()
    try:
        with start_worker(app, pool="solo", perform_ping_check=True, shutdown_timeout=10):
            # Queued on commit (a real transaction here), sent through Redis.
            weergave = services.weergave_aanvragen(versie, door=coordinator, soort="openbaar")
            # One task at a time, first in first out: when the ping returns, the PDF is done.
            app.tasks["celery.ping"].delay().get(timeout=120)
    finally:
        app.conf.update(task_always_eager=settings.CELERY_TASK_ALWAYS_EAGER, result_backend=None)
        vergeet_backend()
    weergave.refresh_from_db()
    assert weergave.status == WeergaveStatus.KLAAR
    assert weergave.bestand.open("rb").read(5) == b"%PDF-"


def test_the_coordinator_marks_a_chapter_confidential(client, plan, coordinator, werkgroeplid):
    doc = document(plan, DocumentSoort.IVP)
    url = reverse("stappen:hoofdstuk_vertrouwelijk", args=[doc.pk, "uitgangssituatie"])
    client.force_login(werkgroeplid)
    assert client.get(url).status_code == 404
    client.force_login(coordinator)
    response = client.post(url, {"vertrouwelijk": "on", "reden": ""})
    assert "Vul in waarom dit deel vertrouwelijk is." in response.content.decode()
    assert "checked" in response.content.decode()
    response = client.post(url, {"vertrouwelijk": "on", "reden": "het ondermijningsbeeld"})
    assert response.status_code == 302
    h = hoofdstuk(doc, "uitgangssituatie")
    assert h.vertrouwelijk and h.vertrouwelijk_reden == "het ondermijningsbeeld"
    pagina = client.get(reverse("stappen:document", args=[doc.pk])).content.decode()
    assert "Uitgangssituatie openbaar maken" in pagina
    versie = services.versie_create(document=doc, door=coordinator)
    assert versie.sectie("uitgangssituatie")["vertrouwelijk"] == "het ondermijningsbeeld"


def test_a_lezer_never_sees_a_confidential_chapter(client, plan, coordinator, lezer):
    from tests.stappen.stappenplan import stel_vast

    doc = document(plan, DocumentSoort.STARTNOTITIE)
    schrijf(doc, coordinator, {"inleiding": OPENBARE_ZIN, "uitgangspunten": GEHEIME_ZIN})
    services.vertrouwelijk_markeren(
        hoofdstuk(doc, "uitgangspunten"), door=coordinator, vertrouwelijk=True, reden=REDEN
    )
    stel_vast(doc, coordinator)
    client.force_login(lezer)
    for url in (
        reverse("stappen:document", args=[doc.pk]),
        reverse("stappen:versie", args=[doc.pk, "1.0"]),
    ):
        html = client.get(url).content.decode()
        assert OPENBARE_ZIN in html
        assert GEHEIME_ZIN not in html


def test_the_stuk_page_reads_flat(client, versie, coordinator, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(coordinator)
    url = reverse("stappen:stuk", args=[versie.document_id, versie.nummer])
    aantallen = []
    for extra in (1, 6):
        for _ in range(extra):
            _klaar(versie, coordinator, WeergaveSoort.BESLOTEN)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        aantallen.append(len(queries))
    assert aantallen[0] == aantallen[1]
    with django_assert_max_num_queries(aantallen[0]):
        client.get(url)


def test_a_confidential_analysis_and_source_enter_the_snapshot_marked(
    client, plan, coordinator, werkgroeplid
):
    from tests.stappen.stappenplan import analyseer, veld, voeg_bronnen_toe

    analyseer(plan, coordinator, [veld("5")])
    voeg_bronnen_toe(plan, coordinator)  # the ondermijningsbeeld and police open data
    url = reverse("stappen:analyse_veld_vertrouwelijk", args=[plan.pk, veld("5").pk])
    client.force_login(werkgroeplid)
    assert client.get(url).status_code == 404
    client.force_login(coordinator)
    pagina = client.get(reverse("stappen:analyse_veld", args=[plan.pk, veld("5").pk]))
    assert "Analyse vertrouwelijk maken" in pagina.content.decode()
    response = client.post(url, {"vertrouwelijk": "on", "reden": "signalen van de politie"})
    assert response.status_code == 302

    doc = document(plan, DocumentSoort.VEILIGHEIDSANALYSE)
    sectie = services.versie_create(document=doc, door=coordinator).sectie("analyse-veld-5")
    assert sectie is not None
    assert sectie["vertrouwelijk"] == "signalen van de politie"
    assert "Ondermijningsbeeld RIEC 2021" not in sectie["tekst"]
    assert [d["titel"] for d in sectie["besloten"]] == ["Bron: Ondermijningsbeeld RIEC 2021"]
    assert "Politie open data" in sectie["tekst"]
