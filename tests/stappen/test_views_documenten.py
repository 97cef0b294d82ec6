"""The document pages: editing with conflicts and preview, who sees what per role, the
comparison of versions, comments and the reactienota, with a flat query count."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ivp.constants import RolSoort
from stappen import services
from stappen.constants import DocumentSoort, OpmerkingUitkomst
from stappen.models import Hoofdstuk, Opmerking
from tests.stappen.factories import PlanFactory
from tests.stappen.stappenplan import (
    AANGEBODEN_ONDANKS_OPEN_PUNTEN,
    AANGEBODEN_OP,
    SLUIT,
    TEKST,
    coordinator_van,
    document,
    hoofdstuk,
    lid_van,
    open_ronde,
    schrijf,
    stel_vast,
)

pytestmark = pytest.mark.django_db


def test_the_edit_page_shows_the_conflict_and_keeps_your_text(
    client, plan, startnotitie, coordinator
):
    h = hoofdstuk(startnotitie)
    services.hoofdstuk_save(hoofdstuk=h, door=coordinator, tekst="Al opgeslagen", versie=1)
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
    ander = PlanFactory()
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
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_document_pages_keep_a_flat_query_count(client, django_assert_max_num_queries):
    """Never more than 18 queries; the same number for 5 chapters with 10 comments as for 50
    chapters with 500 (250 threads with a reply each). Without any comment the prefetch of
    replies does not run, so that page needs one query less."""
    aantallen = []
    for hoofdstukken, opmerkingen in [(5, 0), (5, 10), (50, 500)]:
        plan = PlanFactory()
        coordinator = coordinator_van(plan.gemeente)
        doc = _groot_document(plan, coordinator, hoofdstukken, opmerkingen)
        services.document_close_review(document=doc, door=coordinator, bevestigd=True)
        services.hoofdstuk_save(
            hoofdstuk=doc.hoofdstukken.first(), door=coordinator, tekst="Gewijzigd", versie=1
        )
        services.versie_create(document=doc, door=coordinator)
        client.force_login(coordinator)
        urls = [
            reverse("stappen:document", args=[doc.pk]),
            reverse("stappen:versie", args=[doc.pk, "0.1"]),
            reverse("stappen:vergelijken", args=[doc.pk]) + "?oud=0.1&nieuw=0.2",
            reverse("stappen:reactienota", args=[doc.pk]),
        ]
        for url in urls:
            # The document page: 18 with its open points and the shared parts its plan took
            # in from a region (regio.teksten, one query).
            with django_assert_max_num_queries(18):
                client.get(url)
        aantallen.append([_aantal_queries(client, url) for url in urls])
    assert aantallen[1] == aantallen[2]
    assert all(a <= b for a, b in zip(aantallen[0], aantallen[1], strict=True))


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
    services.document_submit(
        document=startnotitie,
        door=coordinator,
        op=AANGEBODEN_OP,
        motivatie=AANGEBODEN_ONDANKS_OPEN_PUNTEN,
    )
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


def test_the_comparison_page_shows_two_versions_chapter_by_chapter(
    client, startnotitie, coordinator
):
    schrijf(startnotitie, coordinator, {"inleiding": "Veiligheid doen we samen."})
    services.versie_create(document=startnotitie, door=coordinator)
    schrijf(startnotitie, coordinator, {"inleiding": "Veiligheid maken we samen."})
    services.versie_create(document=startnotitie, door=coordinator)
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


def test_comments_are_shown_escaped(client, startnotitie_met_tekst, coordinator, jeroen):
    versie = open_ronde(startnotitie_met_tekst, coordinator)
    opmerking = services.opmerking_create(
        versie=versie,
        door=jeroen,
        sectie="inleiding",
        tekst='<script>alert(1)</script><img src=x onerror=alert(1)> <a href="javascript:x">a</a>',
    )
    client.force_login(coordinator)
    for url in (
        reverse("stappen:opmerking", args=[opmerking.pk]),
        reverse("stappen:document", args=[startnotitie_met_tekst.pk]),
        reverse("stappen:reactienota", args=[startnotitie_met_tekst.pk]),
    ):
        html = client.get(url).content.decode()
        assert "<script>alert(1)" not in html
        assert "<img src=x" not in html
        assert 'href="javascript:' not in html
        assert "&lt;script&gt;" in html


def test_comments_of_an_earlier_version_stay_readable_next_to_the_newer(
    client, startnotitie_met_tekst, coordinator, jeroen
):
    versie = open_ronde(startnotitie_met_tekst, coordinator)
    services.opmerking_create(versie=versie, door=jeroen, sectie="inleiding", tekst="Eerste ronde.")
    services.document_close_review(
        document=startnotitie_met_tekst, door=coordinator, bevestigd=True
    )
    schrijf(startnotitie_met_tekst, coordinator, {"inleiding": TEKST + " Ook voor bezoekers."})
    services.document_open_review(document=startnotitie_met_tekst, door=coordinator, sluit_op=SLUIT)
    nieuw = startnotitie_met_tekst.versies.order_by("-sub").first()
    assert nieuw.nummer == "0.2"
    services.opmerking_create(versie=nieuw, door=jeroen, sectie="inleiding", tekst="Tweede ronde.")
    client.force_login(jeroen)
    html = client.get(
        reverse("stappen:document", args=[startnotitie_met_tekst.pk])
    ).content.decode()
    assert "bij versie 0.1" in html and "Eerste ronde." in html
    assert "bij versie 0.2" in html and "Tweede ronde." in html
    oud = client.get(
        reverse("stappen:versie", args=[startnotitie_met_tekst.pk, "0.1"])
    ).content.decode()
    assert "Eerste ronde." in oud and "Tweede ronde." not in oud


def test_the_reactienota_lists_the_outcomes(client, startnotitie_met_tekst, coordinator, jeroen):
    versie = open_ronde(startnotitie_met_tekst, coordinator)
    draad = services.opmerking_create(
        versie=versie, door=jeroen, sectie="inleiding", tekst="Te lang."
    )
    services.opmerking_set_uitkomst(
        opmerking=draad,
        door=coordinator,
        uitkomst=OpmerkingUitkomst.NIET_VERWERKT,
        reden="De raad vroeg om deze toelichting.",
    )
    client.force_login(coordinator)
    html = client.get(
        reverse("stappen:reactienota", args=[startnotitie_met_tekst.pk])
    ).content.decode()
    assert "Versie 0.1" in html and "Inleiding" in html
    assert "Te lang." in html and "Niet verwerkt" in html
    assert "De raad vroeg om deze toelichting." in html


def test_the_comment_flow_through_the_pages(
    client, startnotitie_met_tekst, coordinator, jeroen, sanne
):
    open_ronde(startnotitie_met_tekst, coordinator)
    client.force_login(jeroen)
    url = reverse("stappen:opmerking_plaatsen", args=[startnotitie_met_tekst.pk, "0.1"])
    response = client.post(
        url, {"sectie": "inleiding", "citaat": "fijn te kunnen leven", "tekst": "@jeugd aanvullen?"}
    )
    opmerking = Opmerking.objects.get()
    assert response["Location"] == reverse("stappen:opmerking", args=[opmerking.pk])
    client.force_login(coordinator)
    actie = "stappen:opmerking_actie"
    client.post(reverse(actie, args=[opmerking.pk, "antwoord"]), {"tekst": "Goed punt."})
    client.post(reverse(actie, args=[opmerking.pk, "oplossen"]))
    response = client.post(
        reverse(actie, args=[opmerking.pk, "uitkomst"]), {"uitkomst": "verwerkt"}
    )
    assert response.status_code == 302
    opmerking.refresh_from_db()
    assert opmerking.is_opgelost and opmerking.uitkomst == "verwerkt"
    assert opmerking.antwoorden.get().tekst == "Goed punt."
    client.force_login(sanne)
    start = client.get(reverse("start")).content.decode()
    assert "noemt u in een opmerking" in start
    client.post(reverse("stappen:meldingen_gelezen"))
    assert "noemt u in een opmerking" not in client.get(reverse("start")).content.decode()


def test_a_lezer_sees_only_the_adopted_text_of_a_vastgesteld_document(
    client, plan, startnotitie_met_tekst, coordinator, jeroen
):
    versie = open_ronde(startnotitie_met_tekst, coordinator)
    draad = services.opmerking_create(
        versie=versie, door=jeroen, sectie="inleiding", tekst="Interne opmerking."
    )
    services.document_close_review(
        document=startnotitie_met_tekst, door=coordinator, bevestigd=True
    )
    stel_vast(startnotitie_met_tekst, coordinator)
    client.force_login(lid_van(plan.gemeente, RolSoort.LEZER))
    html = client.get(
        reverse("stappen:document", args=[startnotitie_met_tekst.pk])
    ).content.decode()
    assert TEKST in html
    assert "Interne opmerking." not in html
    assert "Versie 1.0" in html and "Versie 0.1" not in html
    assert (
        client.get(reverse("stappen:versie", args=[startnotitie_met_tekst.pk, "1.0"])).status_code
        == 200
    )
    for url in (
        reverse("stappen:versie", args=[startnotitie_met_tekst.pk, "0.1"]),
        reverse("stappen:vergelijken", args=[startnotitie_met_tekst.pk]),
        reverse("stappen:reactienota", args=[startnotitie_met_tekst.pk]),
        reverse("stappen:opmerking", args=[draad.pk]),
    ):
        assert client.get(url).status_code == 404, url
