"""Versions: made when a document leaves concept and on demand, numbered 0.1 … 1.0, immutable,
and comparable section by section."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ivp.exceptions import GeenToegang
from stappen import services
from stappen import services_documenten as docs
from stappen.constants import BesluitUitkomst, DocumentSoort, Orgaan
from stappen.models import Versie
from stappen.vergelijk import vergelijk_tekst
from tests.stappen.factories import coordinator_van, document, lid_van, maak_plan, schrijf

pytestmark = pytest.mark.django_db

SLUIT = dt.date(2099, 1, 1)


@pytest.fixture
def plan():
    return maak_plan()


@pytest.fixture
def coordinator(plan):
    return coordinator_van(plan.gemeente)


@pytest.fixture
def startnotitie(plan):
    return document(plan, DocumentSoort.STARTNOTITIE)


def nummers(doc):
    return [v.nummer for v in doc.versies.order_by("hoofd", "sub")]


def test_versions_are_made_when_the_document_leaves_concept(startnotitie, coordinator):
    schrijf(startnotitie, coordinator, {"inleiding": "Eerste opzet."})
    services.document_open_review(document=startnotitie, door=coordinator, sluit_op=SLUIT)
    services.document_close_review(document=startnotitie, door=coordinator)
    schrijf(startnotitie, coordinator, {"inleiding": "Tweede opzet."})
    docs.versie_create(document=startnotitie, door=coordinator, aanleiding="Voor de politie")
    services.document_submit(document=startnotitie, door=coordinator)
    services.besluit_record(
        document=startnotitie,
        door=coordinator,
        orgaan=Orgaan.COLLEGE,
        datum=dt.date(2022, 6, 21),
        uitkomst=BesluitUitkomst.VASTGESTELD,
        kenmerk="2022-COLL-0388",
    )
    assert nummers(startnotitie) == ["0.1", "0.2", "0.3", "1.0"]
    versies = list(startnotitie.versies.order_by("hoofd", "sub"))
    assert versies[0].sectie("inleiding")["tekst"] == "Eerste opzet."
    assert versies[1].aanleiding == "Voor de politie"
    assert versies[3].sectie("inleiding")["tekst"] == "Tweede opzet."
    assert "2022-COLL-0388" in versies[3].aanleiding
    assert [s["sleutel"] for s in versies[3].inhoud][:2] == ["inleiding", "uitgangspunten"]


def test_a_version_never_changes_and_is_never_deleted(startnotitie, coordinator):
    versie = docs.versie_create(document=startnotitie, door=coordinator)
    versie.inhoud = []
    with pytest.raises(ValidationError):
        versie.save()
    with pytest.raises(ValidationError):
        versie.delete()
    assert Versie.objects.get(pk=versie.pk).inhoud != []


def test_the_admin_shows_versions_read_only(admin_client, startnotitie, coordinator):
    versie = docs.versie_create(document=startnotitie, door=coordinator)
    url = reverse("admin:stappen_versie_change", args=[versie.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()
    delete = reverse("admin:stappen_versie_delete", args=[versie.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert Versie.objects.filter(pk=versie.pk).exists()


def test_only_the_coordinator_makes_a_version(plan, startnotitie):
    with pytest.raises(GeenToegang):
        docs.versie_create(document=startnotitie, door=lid_van(plan.gemeente))


def test_the_word_diff_marks_deletions_and_insertions_and_escapes_text():
    oud, nieuw, gewijzigd = vergelijk_tekst(
        "De werkgroep telt zeven leden.", "De werkgroep telt acht <b>leden</b>."
    )
    assert gewijzigd
    assert "<del>" in oud and "zeven" in oud and "<ins>" not in oud
    assert "<ins>" in nieuw and "acht" in nieuw
    assert "&lt;b&gt;" in nieuw and "<b>" not in nieuw
    assert "verwijderd: " in oud and "toegevoegd: " in nieuw
    assert vergelijk_tekst("gelijk", "gelijk")[2] is False


def test_the_comparison_page_shows_two_versions_chapter_by_chapter(
    client, startnotitie, coordinator
):
    schrijf(startnotitie, coordinator, {"inleiding": "Veiligheid doen we samen."})
    docs.versie_create(document=startnotitie, door=coordinator)
    schrijf(startnotitie, coordinator, {"inleiding": "Veiligheid maken we samen."})
    docs.versie_create(document=startnotitie, door=coordinator)
    client.force_login(coordinator)
    url = reverse("stappen:vergelijken", args=[startnotitie.pk])
    html = client.get(url, {"oud": "0.1", "nieuw": "0.2"}).content.decode()
    assert "Versie 0.1 en 0.2 vergelijken" in html
    assert "verwijderd: </span>doen</del>" in html
    assert "toegevoegd: </span>maken</ins>" in html
    assert 'Uitgangspunten <span class="ivp-vergelijking__ongewijzigd">(ongewijzigd)' in html


def test_a_comparison_needs_two_versions(client, startnotitie, coordinator):
    client.force_login(coordinator)
    url = reverse("stappen:vergelijken", args=[startnotitie.pk])
    assert client.get(url).status_code == 404
