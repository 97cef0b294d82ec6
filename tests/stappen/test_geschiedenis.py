"""The record a user can read (issue 10): the history of a document and of a chapter, and the
plan's log of transitions and decisions; for the readers of drafts only; paged and flat in
queries."""

import datetime as dt

import pytest
from django.urls import reverse

from stappen import services
from stappen.constants import DocumentSoort
from tests.stappen.stappenplan import document, hoofdstuk, schrijf, stap, stel_vast

pytestmark = pytest.mark.django_db


def bewerk(doc, door, sleutel, tekst):
    schrijf(doc, door, {sleutel: tekst})


def test_a_chapter_history_shows_who_changed_the_text_when_and_the_difference(
    client, plan, coordinator, werkgroeplid
):
    startnotitie = document(plan, DocumentSoort.STARTNOTITIE)
    bewerk(startnotitie, coordinator, "inleiding", "Veiligheid is een voorwaarde.")
    inleiding = hoofdstuk(startnotitie, "inleiding")
    services.hoofdstuk_set_auteur(hoofdstuk=inleiding, door=coordinator, auteur=werkgroeplid)
    bewerk(startnotitie, werkgroeplid, "inleiding", "Veiligheid is een harde voorwaarde.")

    client.force_login(coordinator)
    url = reverse("stappen:hoofdstuk_geschiedenis", args=[startnotitie.pk, "inleiding"])
    html = client.get(url).content.decode()
    assert "Geschiedenis van inleiding" in html
    # The newest first: the werkgroeplid added one word, the comparison marks only that one.
    assert html.index(f"door {werkgroeplid.get_full_name()}") < html.index(
        f"door {coordinator.get_full_name()}"
    )
    assert '<ins><span class="ivp-visueel-verborgen">toegevoegd: </span>harde </ins>' in html
    assert f"Auteur: — → {werkgroeplid.get_full_name()}" in html
    # The document page links to it.
    detail = client.get(reverse("stappen:document", args=[startnotitie.pk])).content.decode()
    assert f'href="{url}"' in detail


def test_the_document_history_holds_chapters_status_and_decisions_with_their_reason(
    client, plan, coordinator
):
    startnotitie = document(plan, DocumentSoort.STARTNOTITIE)
    services.stap_start(stap=stap(plan, 1), door=coordinator, op=dt.date(2022, 6, 1))
    bewerk(startnotitie, coordinator, "inleiding", "Een eerste tekst.")
    stel_vast(startnotitie, coordinator, datum=dt.date(2022, 6, 21), kenmerk="2022-COLL-0388")

    client.force_login(coordinator)
    url = reverse("stappen:document_geschiedenis", args=[startnotitie.pk])
    html = client.get(url).content.decode()
    assert "Hoofdstuk ‘Inleiding’: gewijzigd" in html
    assert "Status: Ter besluitvorming → Vastgesteld" in html
    assert "Besluit van college van burgemeester en wethouders: aangemaakt" in html
    assert "Kenmerk: 2022-COLL-0388" in html
    assert "Reden: vaststellen" in html  # the transition's note or name as change reason
    assert (
        f'href="{url}"'
        in client.get(reverse("stappen:document", args=[startnotitie.pk])).content.decode()
    )


@pytest.mark.parametrize("rol", ["lezer", "griffie", "buitenstaander"])
def test_only_readers_of_drafts_see_the_history(client, plan, coordinator, rol, request):
    startnotitie = document(plan, DocumentSoort.STARTNOTITIE)
    stel_vast(startnotitie, coordinator)
    client.force_login(request.getfixturevalue(rol))
    for url in (
        reverse("stappen:document_geschiedenis", args=[startnotitie.pk]),
        reverse("stappen:hoofdstuk_geschiedenis", args=[startnotitie.pk, "inleiding"]),
        reverse("stappen:logboek", args=[plan.pk]),
    ):
        assert client.get(url).status_code == 404, url
    if rol == "lezer":  # and the pages the lezer reads do not link there
        html = client.get(reverse("stappen:document", args=[startnotitie.pk])).content.decode()
        assert "geschiedenis/" not in html
        assert (
            reverse("stappen:logboek", args=[plan.pk])
            not in client.get(reverse("stappen:plan", args=[plan.pk])).content.decode()
        )


@pytest.mark.parametrize("rol", ["werkgroeplid", "bestuurder"])
def test_werkgroepleden_and_bestuurders_read_the_history(client, plan, rol, request):
    startnotitie = document(plan, DocumentSoort.STARTNOTITIE)
    client.force_login(request.getfixturevalue(rol))
    url = reverse("stappen:document_geschiedenis", args=[startnotitie.pk])
    assert client.get(url).status_code == 200
    assert client.get(reverse("stappen:logboek", args=[plan.pk])).status_code == 200


def test_an_unknown_chapter_is_404(client, plan, coordinator):
    client.force_login(coordinator)
    url = reverse("stappen:hoofdstuk_geschiedenis", args=[document(plan, "startnotitie").pk, "x"])
    assert client.get(url).status_code == 404


def test_a_long_history_is_paged_and_its_pages_stay_flat(
    client, plan, coordinator, django_assert_max_num_queries
):
    startnotitie = document(plan, DocumentSoort.STARTNOTITIE)
    client.force_login(coordinator)
    document_url = reverse("stappen:document_geschiedenis", args=[startnotitie.pk])
    hoofdstuk_url = reverse("stappen:hoofdstuk_geschiedenis", args=[startnotitie.pk, "inleiding"])
    for aantal in (3, 60):
        for n in range(aantal):
            bewerk(startnotitie, coordinator, "inleiding", f"Tekst nummer {n} van de inleiding.")
            bewerk(startnotitie, coordinator, "uitgangspunten", f"Uitgangspunt {n}.")
        for url in (document_url, hoofdstuk_url, document_url + "?pagina=2"):
            with django_assert_max_num_queries(16):
                assert client.get(url).status_code == 200
    html = client.get(hoofdstuk_url + "?pagina=2").content.decode()
    assert "Pagina 2 van 3" in html and 'rel="next"' in html and 'rel="prev"' in html
    assert "64 wijzigingen." in html  # made with the document, then 63 saves


def test_the_plan_log_lists_transitions_and_decisions_on_the_date_they_concern(
    client, plan, coordinator, django_assert_max_num_queries
):
    services.stap_start(stap=stap(plan, 1), door=coordinator, op=dt.date(2022, 6, 1))
    startnotitie = document(plan, DocumentSoort.STARTNOTITIE)
    stel_vast(startnotitie, coordinator, datum=dt.date(2022, 6, 21), kenmerk="2022-COLL-0388")
    services.stap_close(stap=stap(plan, 1), door=coordinator)

    client.force_login(coordinator)
    url = reverse("stappen:logboek", args=[plan.pk])
    html = client.get(url).content.decode()
    assert "Stap 1: gepland → actief" in html
    assert (
        "Startnotitie" in html
        and "besluit van college van burgemeester en wethouders, vastgesteld (2022-COLL-0388)"
        in html
    )
    # The step closed on the Besluit's date: it stands on 21-06-2022, above the start.
    assert "Stap 1: actief → afgerond" in html
    rij = html[html.index("Stap 1: actief → afgerond") - 400 :]
    assert "21-06-2022" in rij[:400]
    assert html.index("Stap 1: actief → afgerond") < html.index("Stap 1: gepland → actief")
    assert f'href="{url}"' in client.get(reverse("stappen:plan", args=[plan.pk])).content.decode()

    with django_assert_max_num_queries(10):
        client.get(url)
    for _ in range(30):
        services.stap_reopen(stap=stap(plan, 1), door=coordinator, reden="Nog een keer.")
        services.stap_close(stap=stap(plan, 1), door=coordinator)
    with django_assert_max_num_queries(10):
        html = client.get(url + "?pagina=2").content.decode()
    assert "Pagina 2 van 3" in html
