"""Chapters: standard chapters per type, Markdown sanitising, no lost update, co-writing,
permissions per role, and the pages with a flat query count."""

import datetime as dt

import pytest
from django.urls import reverse

from ivp.constants import RolSoort
from ivp.exceptions import GeenToegang, Geweigerd
from stappen import services
from stappen import services_documenten as docs
from stappen.constants import STANDAARD_HOOFDSTUKKEN, DocumentSoort
from stappen.inhoud import bouw_secties, registreer_bouwer
from stappen.markdown import naar_html
from stappen.models import Hoofdstuk, Opmerking
from stappen.models_documenten import MAX_HOOFDSTUK_TEKENS
from tests.stappen.factories import (
    coordinator_van,
    document,
    hoofdstuk,
    lid_van,
    maak_plan,
    schrijf,
    stel_vast,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return maak_plan()


@pytest.fixture
def coordinator(plan):
    return coordinator_van(plan.gemeente)


@pytest.fixture
def startnotitie(plan):
    return document(plan, DocumentSoort.STARTNOTITIE)


def test_every_document_starts_with_the_standard_chapters_of_its_type(plan, coordinator):
    for doc in plan.documenten.all():
        titels = list(doc.hoofdstukken.values_list("titel", flat=True))
        assert titels == [t for _, t in STANDAARD_HOOFDSTUKKEN[doc.soort]]
    assert list(
        document(plan, DocumentSoort.STARTNOTITIE).hoofdstukken.values_list("sleutel", flat=True)
    ) == [
        "inleiding",
        "uitgangspunten",
        "bestuurlijke-rollen",
        "veiligheidsvelden",
        "stappenplan",
        "werkgroep",
        "randvoorwaarden",
    ]
    rapportage = services.jaardocument_create(
        plan=plan, soort=DocumentSoort.VOORTGANGSRAPPORTAGE, jaar=2023, door=coordinator
    )
    assert rapportage.hoofdstukken.count() == len(
        STANDAARD_HOOFDSTUKKEN[DocumentSoort.VOORTGANGSRAPPORTAGE]
    )


def test_bouw_secties_gives_the_chapters_then_the_registered_builder(startnotitie, coordinator):
    schrijf(startnotitie, coordinator, {"inleiding": "Veiligheid doen we samen."})
    secties = bouw_secties(startnotitie)
    assert secties[0] == {
        "sleutel": "inleiding",
        "titel": "Inleiding",
        "tekst": "Veiligheid doen we samen.",
    }
    registreer_bouwer(
        "startnotitie", lambda doc: [{"sleutel": "bijlage", "titel": "Bijlage", "tekst": "x"}]
    )
    try:
        assert bouw_secties(startnotitie)[-1]["sleutel"] == "bijlage"
        assert len(bouw_secties(startnotitie)) == 8
    finally:
        from stappen import inhoud

        inhoud._BOUWERS.pop("startnotitie", None)


XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">klik</a>',
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](  javascript:alert(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<iframe src="https://evil.example"></iframe>',
    "<body onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p onclick="alert(1)">klik</p>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<a href="&#106;avascript:alert(1)">x</a>',
    '![x](x" onerror="alert(1))',
    '<object data="javascript:alert(1)"></object>',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    "<input autofocus onfocus=alert(1)>",
]


@pytest.mark.parametrize("payload", XSS)
def test_markdown_renders_well_known_xss_payloads_inert(payload):
    html = naar_html(f"Tekst\n\n{payload}\n\n[ok](https://www.ccv.nl)").lower()
    for gevaar in (
        "<script",
        "javascript:",
        "onerror",
        "onload",
        "onclick",
        "onfocus",
        "<iframe",
        "<object",
        "<form",
        "<input",
        "<style",
        "style=",
        "data:",
    ):
        assert gevaar not in html
    assert "<p>tekst</p>" in html  # the text before the payload survives


def test_markdown_keeps_ordinary_formatting():
    html = naar_html("# Kop\n\n**vet**, *schuin*\n\n- een\n- twee")
    assert "<h3>Kop</h3>" in html
    assert "<strong>vet</strong>" in html and "<em>schuin</em>" in html
    assert "<li>een</li>" in html


def test_saving_a_chapter_counts_its_version(startnotitie, coordinator):
    h = hoofdstuk(startnotitie)
    h = docs.hoofdstuk_save(hoofdstuk=h, door=coordinator, tekst="Eerste tekst", versie=1)
    assert (h.versie, h.tekst, h.gewijzigd_door) == (2, "Eerste tekst", coordinator)
    assert h.history.count() == 2


def test_the_second_of_two_concurrent_edits_is_refused_and_shows_the_first(
    plan, startnotitie, coordinator
):
    lid = lid_van(plan.gemeente, first_name="Jeroen", last_name="Bakker")
    h = hoofdstuk(startnotitie)
    docs.hoofdstuk_set_auteur(hoofdstuk=h, door=coordinator, auteur=lid)
    # both open the editor at version 1
    docs.hoofdstuk_save(hoofdstuk=h, door=lid, tekst="Tekst van Jeroen", versie=1)
    with pytest.raises(docs.Bewerkconflict) as fout:
        docs.hoofdstuk_save(hoofdstuk=h, door=coordinator, tekst="Tekst van Anouk", versie=1)
    assert fout.value.huidig.tekst == "Tekst van Jeroen"
    assert "Jeroen Bakker heeft dit hoofdstuk opgeslagen nadat u het opende" in str(fout.value)
    assert Hoofdstuk.objects.get(pk=h.pk).tekst == "Tekst van Jeroen"


def test_the_edit_page_shows_the_conflict_and_keeps_your_text(
    client, plan, startnotitie, coordinator
):
    h = hoofdstuk(startnotitie)
    docs.hoofdstuk_save(hoofdstuk=h, door=coordinator, tekst="Al opgeslagen", versie=1)
    client.force_login(coordinator)
    url = reverse("stappen:hoofdstuk_bewerken", args=[startnotitie.pk, "inleiding"])
    response = client.post(url, {"tekst": "Mijn <b>nieuwe</b> tekst", "versie": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "heeft dit hoofdstuk opgeslagen nadat u het opende" in html
    assert "Al opgeslagen" in html  # the other text, next to yours
    assert "Mijn &lt;b&gt;nieuwe&lt;/b&gt; tekst</textarea>" in html
    assert 'name="versie" value="2"' in html
    assert Hoofdstuk.objects.get(pk=h.pk).tekst == "Al opgeslagen"
    # saving again now is a deliberate choice after seeing the other text
    response = client.post(url, {"tekst": "Samengevoegd", "versie": "2"})
    assert response.status_code == 302
    assert Hoofdstuk.objects.get(pk=h.pk).tekst == "Samengevoegd"


def test_preview_renders_without_saving(client, startnotitie, coordinator):
    client.force_login(coordinator)
    url = reverse("stappen:hoofdstuk_bewerken", args=[startnotitie.pk, "inleiding"])
    response = client.post(
        url, {"tekst": "**Vet** <script>alert(1)</script>", "versie": "1", "actie": "voorbeeld"}
    )
    html = response.content.decode()
    assert "<strong>Vet</strong>" in html
    assert "<script>alert(1)" not in html
    assert hoofdstuk(startnotitie).tekst == ""


def test_oversized_chapter_text_is_refused_with_a_message(client, startnotitie, coordinator):
    te_lang = "a" * (MAX_HOOFDSTUK_TEKENS + 1)
    with pytest.raises(Exception) as fout:
        docs.hoofdstuk_save(
            hoofdstuk=hoofdstuk(startnotitie), door=coordinator, tekst=te_lang, versie=1
        )
    assert "hoogstens 50000 tekens" in str(fout.value)
    client.force_login(coordinator)
    url = reverse("stappen:hoofdstuk_bewerken", args=[startnotitie.pk, "inleiding"])
    response = client.post(url, {"tekst": te_lang, "versie": "1"})
    assert "Een hoofdstuk mag hoogstens 50000 tekens zijn" in response.content.decode()
    assert hoofdstuk(startnotitie).tekst == ""


def test_a_member_edits_only_a_chapter_handed_to_them(plan, startnotitie, coordinator):
    lid = lid_van(plan.gemeente)
    h = hoofdstuk(startnotitie, "werkgroep")
    with pytest.raises(GeenToegang):
        docs.hoofdstuk_save(hoofdstuk=h, door=lid, tekst="x", versie=1)
    docs.hoofdstuk_set_auteur(hoofdstuk=h, door=coordinator, auteur=lid)
    h = docs.hoofdstuk_save(hoofdstuk=h, door=lid, tekst="De werkgroep telt acht leden.", versie=1)
    with pytest.raises(GeenToegang):
        docs.hoofdstuk_save(
            hoofdstuk=hoofdstuk(startnotitie, "inleiding"), door=lid, tekst="x", versie=1
        )
    with pytest.raises(GeenToegang):
        docs.hoofdstuk_set_auteur(hoofdstuk=h, door=lid, auteur=None)
    docs.hoofdstuk_set_auteur(hoofdstuk=h, door=coordinator, auteur=None)  # taken back
    with pytest.raises(GeenToegang):
        docs.hoofdstuk_save(hoofdstuk=h, door=lid, tekst="y", versie=h.versie)


def test_only_a_werkgroeplid_of_the_gemeente_can_be_made_author(plan, startnotitie, coordinator):
    bestuurder = lid_van(plan.gemeente, RolSoort.BESTUURDER)
    with pytest.raises(Exception, match="lid van de werkgroep"):
        docs.hoofdstuk_set_auteur(
            hoofdstuk=hoofdstuk(startnotitie), door=coordinator, auteur=bestuurder
        )


def test_chapters_are_frozen_outside_concept_and_forever_once_vastgesteld(
    startnotitie, coordinator
):
    services.document_submit(document=startnotitie, door=coordinator)
    with pytest.raises(Geweigerd, match="ter besluitvorming"):
        docs.hoofdstuk_save(
            hoofdstuk=hoofdstuk(startnotitie), door=coordinator, tekst="x", versie=1
        )
    startnotitie.refresh_from_db()
    from stappen.constants import BesluitUitkomst, Orgaan

    services.besluit_record(
        document=startnotitie,
        door=coordinator,
        orgaan=Orgaan.COLLEGE,
        datum=dt.date(2022, 6, 21),
        uitkomst=BesluitUitkomst.VASTGESTELD,
    )
    for poging in (
        lambda: docs.hoofdstuk_save(
            hoofdstuk=hoofdstuk(startnotitie), door=coordinator, tekst="x", versie=1
        ),
        lambda: docs.hoofdstuk_set_auteur(
            hoofdstuk=hoofdstuk(startnotitie), door=coordinator, auteur=None
        ),
        lambda: docs.versie_create(document=startnotitie, door=coordinator),
        lambda: services.document_submit(document=startnotitie, door=coordinator),
        lambda: services.document_open_review(
            document=startnotitie, door=coordinator, sluit_op=dt.date(2099, 1, 1)
        ),
    ):
        with pytest.raises(Geweigerd):
            poging()


def test_a_vastgesteld_document_offers_no_edit_in_the_ui(client, plan, startnotitie, coordinator):
    stel_vast(startnotitie, coordinator)
    client.force_login(coordinator)
    html = client.get(reverse("stappen:document", args=[startnotitie.pk])).content.decode()
    assert "Dit document is vastgesteld" in html
    assert "bewerken</a>" not in html
    assert "Bespreking met de werkgroep openen" not in html
    url = reverse("stappen:hoofdstuk_bewerken", args=[startnotitie.pk, "inleiding"])
    response = client.post(url, {"tekst": "x", "versie": "1"})
    assert "is vastgesteld; de inhoud ervan verandert niet meer" in response.content.decode()
    assert hoofdstuk(startnotitie).tekst == ""


@pytest.mark.parametrize(
    ("soort", "concept", "vastgesteld"),
    [
        (RolSoort.COORDINATOR, 200, 200),
        (RolSoort.WERKGROEPLID, 200, 200),
        (RolSoort.BESTUURDER, 200, 200),
        (RolSoort.LEZER, 404, 200),
        (RolSoort.GRIFFIE, 404, 404),
    ],
)
def test_who_sees_a_document(client, plan, coordinator, soort, concept, vastgesteld):
    gebruiker = lid_van(plan.gemeente, soort)
    client.force_login(gebruiker)
    ivp = document(plan, DocumentSoort.IVP)
    startnotitie = document(plan, DocumentSoort.STARTNOTITIE)
    stel_vast(startnotitie, coordinator)
    assert client.get(reverse("stappen:document", args=[ivp.pk])).status_code == concept
    assert client.get(reverse("stappen:document", args=[startnotitie.pk])).status_code == (
        vastgesteld
    )


def test_nobody_sees_another_gemeentes_documents(client, plan, coordinator):
    ander = maak_plan()
    client.force_login(coordinator)
    doc = document(ander, DocumentSoort.STARTNOTITIE)
    for url in (
        reverse("stappen:document", args=[doc.pk]),
        reverse("stappen:documenten", args=[ander.pk]),
        reverse("stappen:hoofdstuk_bewerken", args=[doc.pk, "inleiding"]),
        reverse("stappen:reactienota", args=[doc.pk]),
        reverse("stappen:bespreking", args=[doc.pk]),
        reverse("stappen:besluit", args=[doc.pk]),
    ):
        assert client.get(url).status_code == 404, url


def test_a_werkgroeplid_gets_no_transition_pages(client, plan, startnotitie):
    client.force_login(lid_van(plan.gemeente))
    assert client.get(reverse("stappen:bespreking", args=[startnotitie.pk])).status_code == 404
    assert client.get(reverse("stappen:besluit", args=[startnotitie.pk])).status_code == 404
    response = client.post(
        reverse("stappen:document_overgang", args=[startnotitie.pk, "aanbieden"])
    )
    assert response.status_code == 404
    html = client.get(reverse("stappen:document", args=[startnotitie.pk])).content.decode()
    assert "Ter besluitvorming aanbieden" not in html
    assert "bewerken</a>" not in html


def test_the_plan_page_links_the_documents(client, plan, coordinator, startnotitie):
    client.force_login(coordinator)
    html = client.get(reverse("stappen:plan", args=[plan.pk])).content.decode()
    assert reverse("stappen:documenten", args=[plan.pk]) in html
    assert reverse("stappen:document", args=[startnotitie.pk]) in html
    lijst = client.get(reverse("stappen:documenten", args=[plan.pk])).content.decode()
    assert startnotitie.titel in lijst


def _groot_document(plan, coordinator, hoofdstukken, opmerkingen):
    """The IVP with `hoofdstukken` chapters, in review, with `opmerkingen` comments."""
    doc = document(plan, DocumentSoort.IVP)
    doc.hoofdstukken.all().delete()
    Hoofdstuk.objects.bulk_create(
        Hoofdstuk(
            document=doc,
            sleutel=f"h{i}",
            titel=f"Hoofdstuk {i}",
            volgorde=i,
            tekst=f"Tekst van hoofdstuk {i} met **nadruk**.",
        )
        for i in range(hoofdstukken)
    )
    services.document_open_review(document=doc, door=coordinator, sluit_op=dt.date(2099, 1, 1))
    leden = [lid_van(plan.gemeente) for _ in range(5)]
    versie = doc.versies.get()
    draden = Opmerking.objects.bulk_create(
        Opmerking(
            versie=versie,
            sectie=f"h{i % hoofdstukken}",
            tekst=f"Opmerking {i}",
            auteur=leden[i % 5],
        )
        for i in range(opmerkingen // 2)
    )
    Opmerking.objects.bulk_create(
        Opmerking(
            versie=versie, sectie=d.sectie, tekst="Reactie", auteur=coordinator, antwoord_op=d
        )
        for d in draden
    )
    return doc


def _aantal_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_document_pages_keep_a_flat_query_count(client, django_assert_max_num_queries):
    """Never more than 16 queries; the same number for 5 chapters with 10 comments as for 50
    chapters with 500 (250 threads with a reply each). Without any comment the prefetch of
    replies does not run, so that page needs one query less."""
    aantallen = []
    for hoofdstukken, opmerkingen in [(5, 0), (5, 10), (50, 500)]:
        plan = maak_plan()
        coordinator = coordinator_van(plan.gemeente)
        doc = _groot_document(plan, coordinator, hoofdstukken, opmerkingen)
        services.document_close_review(document=doc, door=coordinator)
        docs.hoofdstuk_save(
            hoofdstuk=doc.hoofdstukken.first(), door=coordinator, tekst="Gewijzigd", versie=1
        )
        docs.versie_create(document=doc, door=coordinator)
        client.force_login(coordinator)
        urls = [
            reverse("stappen:document", args=[doc.pk]),
            reverse("stappen:versie", args=[doc.pk, "0.1"]),
            reverse("stappen:vergelijken", args=[doc.pk]) + "?oud=0.1&nieuw=0.2",
            reverse("stappen:reactienota", args=[doc.pk]),
        ]
        for url in urls:
            with django_assert_max_num_queries(16):
                client.get(url)
        aantallen.append([_aantal_queries(client, url) for url in urls])
    assert aantallen[1] == aantallen[2]
    assert all(a <= b for a, b in zip(aantallen[0], aantallen[1], strict=True))


def test_structured_sections_of_a_builder_show_on_the_page_and_in_versions(
    client, plan, coordinator
):
    from stappen import inhoud

    analyse = document(plan, DocumentSoort.VEILIGHEIDSANALYSE)
    registreer_bouwer(
        DocumentSoort.VEILIGHEIDSANALYSE,
        lambda doc: [
            {
                "sleutel": "veld-1",
                "titel": "Veilige woon- en leefomgeving",
                "tekst": "Woninginbraken **dalen**.",
            }
        ],
    )
    try:
        services.document_open_review(
            document=analyse, door=coordinator, sluit_op=dt.date(2099, 1, 1)
        )
        versie = analyse.versies.get()
        assert versie.sectie("veld-1")["tekst"] == "Woninginbraken **dalen**."
        lid = lid_van(plan.gemeente)
        docs.opmerking_create(versie=versie, door=lid, sectie="veld-1", tekst="Bron erbij?")
        client.force_login(lid)
        html = client.get(reverse("stappen:document", args=[analyse.pk])).content.decode()
        assert "Woninginbraken <strong>dalen</strong>." in html
        assert "Bron erbij?" in html
    finally:
        inhoud._BOUWERS.pop(DocumentSoort.VEILIGHEIDSANALYSE, None)


def test_the_coordinator_hands_a_chapter_over_and_takes_it_back_through_the_page(
    client, plan, startnotitie, coordinator
):
    lid = lid_van(plan.gemeente)
    client.force_login(coordinator)
    url = reverse("stappen:hoofdstuk_auteur", args=[startnotitie.pk, "werkgroep"])
    client.post(url, {"auteur": str(lid.pk)})
    assert hoofdstuk(startnotitie, "werkgroep").auteur == lid
    client.force_login(lid)
    html = client.get(reverse("stappen:document", args=[startnotitie.pk])).content.decode()
    assert "Werkgroep bewerken</a>" in html and "Inleiding bewerken</a>" not in html
    assert client.post(url, {"auteur": ""}).status_code == 404  # only the coordinator
    client.force_login(coordinator)
    client.post(url, {"auteur": ""})
    assert hoofdstuk(startnotitie, "werkgroep").auteur is None


def test_review_and_decision_forms_show_refusals_in_dutch(client, startnotitie, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("stappen:bespreking", args=[startnotitie.pk]),
        {"bespreking-sluit_op": "01-01-2000", "bespreking-bericht": ""},
    )
    assert "De reactietermijn moet na vandaag eindigen." in response.content.decode()
    services.document_submit(document=startnotitie, door=coordinator)
    url = reverse("stappen:besluit", args=[startnotitie.pk])
    response = client.post(
        url, {"datum": "21-06-2022", "kenmerk": "2022-COLL-1", "uitkomst": "aangehouden"}
    )
    assert "Geef de reden waarom het document terug naar concept gaat." in (
        response.content.decode()
    )
    response = client.post(
        url,
        {
            "datum": "21-06-2022",
            "kenmerk": "2022-COLL-1",
            "uitkomst": "aangehouden",
            "toelichting": "Eerst de evaluatie van het vorige IVP.",
        },
    )
    assert response.status_code == 302
    startnotitie.refresh_from_db()
    assert startnotitie.status == "concept"
