"""The document pages after issue 8 (speed at 50×): Markdown rendered once per text, the
comparison of two frozen versions cached, thread blocks written by one tag and kept written,
a section's threads by another tag. What a user sees stays the same: the same HTML cached as
uncached, a saved chapter and a changed thread at once, the same comparison, the same thread
blocks and section threads as the templates before, and no more queries."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.template import Context, Engine, Template
from django.urls import reverse
from django.utils import timezone

from ivp.models import Gebruiker
from ivp.templatetags.ivp_status import status_badge
from stappen import markdown, selectors, services
from stappen.constants import DocumentSoort, OpmerkingUitkomst
from stappen.models import Opmerking, Versie
from stappen.templatetags.documenten import draad_blok, draden_van_sectie
from stappen.vergelijk import vergelijk_secties
from tests.stappen.factories import maak_plan
from tests.stappen.stappenplan import coordinator_van, document, hoofdstuk, schrijf

OUDE_DRAAD = Path(__file__).with_name("draad_oud.html").read_text()
# `stappen/_draden.html`, the include the pages wrote a section's threads with before.
OUDE_DRADEN = Path(__file__).with_name("draden_oud.html").read_text()
# `includes/status.html` as it was before it called the tag `status_badge`.
OUDE_STATUS = Path(__file__).with_name("status_oud.html").read_text()


def _gelijk(html: str) -> str:
    """HTML with whitespace between tags and the per-request CSRF tokens evened out."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    html = re.sub(r'"X-CSRFToken": "[^"]+"', "", html)
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


@pytest.fixture
def startnotitie_met_versies(db):
    """A startnotitie with two versions of different text and a thread on each."""
    plan = maak_plan()
    coordinator = coordinator_van(plan.gemeente)
    doc = document(plan, DocumentSoort.STARTNOTITIE)
    schrijf(
        doc,
        coordinator,
        {"inleiding": "## Aanleiding\n\nDe **eerste** tekst.\n\n| a | b |\n|---|---|\n| 1 | 2 |"},
    )
    v1 = services.versie_create(document=doc, door=coordinator)
    schrijf(doc, coordinator, {"inleiding": "## Aanleiding\n\nDe *tweede* tekst, langer."})
    v2 = services.versie_create(document=doc, door=coordinator)
    for v in (v1, v2):
        services.opmerking_create(
            versie=v, door=coordinator, sectie="inleiding", tekst="Klopt dit?"
        )
    return doc, coordinator, v1, v2


def test_a_version_page_shows_the_same_html_cached_as_uncached(client, startnotitie_met_versies):
    doc, coordinator, v1, _ = startnotitie_met_versies
    client.force_login(coordinator)
    url = reverse("stappen:versie", args=[doc.pk, v1.nummer])
    markdown._gerenderd.cache_clear()
    koud = client.get(url).content.decode()
    warm = client.get(url).content.decode()
    assert markdown._gerenderd.cache_info().hits > 0
    assert _gelijk(koud) == _gelijk(warm)
    assert "<strong>eerste</strong>" in warm and "<table>" in warm


def test_the_document_page_shows_the_same_html_cached_as_uncached(client, startnotitie_met_versies):
    doc, coordinator, *_ = startnotitie_met_versies
    client.force_login(coordinator)
    url = reverse("stappen:document", args=[doc.pk])
    markdown._gerenderd.cache_clear()
    koud = client.get(url).content.decode()
    assert _gelijk(koud) == _gelijk(client.get(url).content.decode())


def test_a_saved_chapter_shows_its_new_text_at_once(client, startnotitie_met_versies):
    doc, coordinator, *_ = startnotitie_met_versies
    client.force_login(coordinator)
    url = reverse("stappen:document", args=[doc.pk])
    assert "<em>tweede</em>" in client.get(url).content.decode()
    h = hoofdstuk(doc, "inleiding")
    services.hoofdstuk_save(
        hoofdstuk=h, door=coordinator, tekst="De _derde_ tekst.", versie=h.versie
    )
    html = client.get(url).content.decode()
    assert "<em>derde</em>" in html
    assert "<em>tweede</em>" not in html


def test_the_same_text_renders_the_same_whatever_came_before():
    """The render cache is keyed by the text and the heading level: a text that was rendered
    at one level is not served at another, and a different text never gets another's HTML."""
    tekst = "## Kop\n\nTekst."
    assert "<h3>Kop</h3>" in markdown.naar_html(tekst)
    assert "<h4>Kop</h4>" in markdown.naar_html(tekst, basis=4)
    assert "<h3>Kop</h3>" in markdown.naar_html(tekst)
    assert "Andere" in markdown.naar_html("## Kop\n\nAndere tekst.")
    assert markdown.naar_html(None) == ""


def test_the_comparison_is_the_same_cached_and_uncached(client, startnotitie_met_versies):
    doc, coordinator, v1, v2 = startnotitie_met_versies
    client.force_login(coordinator)
    url = reverse("stappen:vergelijken", args=[doc.pk])
    vraag = {"oud": v1.nummer, "nieuw": v2.nummer}
    koud = client.get(url, vraag).content.decode()
    warm = client.get(url, vraag).content.decode()
    assert _gelijk(koud) == _gelijk(warm)
    assert "verwijderd: </span>" in warm and "toegevoegd: </span>" in warm
    direct = vergelijk_secties(
        Versie.objects.get(pk=v1.pk).inhoud, Versie.objects.get(pk=v2.pk).inhoud
    )
    assert selectors.vergelijking(coordinator, doc.pk, v1.nummer, v2.nummer).secties == direct


def test_a_comparison_is_cached_per_pair_in_its_order(startnotitie_met_versies):
    doc, coordinator, v1, v2 = startnotitie_met_versies
    heen = selectors.vergelijking(coordinator, doc.pk, v1.nummer, v2.nummer).secties
    terug = selectors.vergelijking(coordinator, doc.pk, v2.nummer, v1.nummer).secties
    assert heen != terug
    assert terug == vergelijk_secties(
        Versie.objects.get(pk=v2.pk).inhoud, Versie.objects.get(pk=v1.pk).inhoud
    )


def test_the_query_counts_stay_flat(
    client, startnotitie_met_versies, django_assert_max_num_queries
):
    doc, coordinator, v1, v2 = startnotitie_met_versies
    client.force_login(coordinator)
    vergelijken = reverse("stappen:vergelijken", args=[doc.pk])
    vraag = {"oud": v1.nummer, "nieuw": v2.nummer}
    client.get(vergelijken, vraag)  # the session, once
    cache.clear()
    for _ in range(2):  # a miss (decodes the two versions in one query), then a hit
        with django_assert_max_num_queries(12):
            assert client.get(vergelijken, vraag).status_code == 200
    for url in (
        reverse("stappen:document", args=[doc.pk]),
        reverse("stappen:versie", args=[doc.pk, v1.nummer]),
        reverse("stappen:sectie_draden", args=[doc.pk, "inleiding"]),
    ):
        client.get(url)
        with django_assert_max_num_queries(18):
            assert client.get(url).status_code == 200


def test_a_comparison_without_a_cache_that_answers_is_still_made(
    startnotitie_met_versies, monkeypatch
):
    """Redis down: the page compares as it would without a cache, never an error."""
    doc, coordinator, v1, v2 = startnotitie_met_versies

    def weg(*args, **kwargs):
        raise ConnectionError("Redis antwoordt niet")

    monkeypatch.setattr(cache, "get", weg)
    monkeypatch.setattr(cache, "set", weg)
    secties = selectors.vergelijking(coordinator, doc.pk, v1.nummer, v2.nummer).secties
    assert secties == vergelijk_secties(
        Versie.objects.get(pk=v1.pk).inhoud, Versie.objects.get(pk=v2.pk).inhoud
    )


@pytest.mark.redis
def test_a_comparison_survives_the_redis_cache(startnotitie_met_versies):
    """With CACHE_URL set the cache is Redis: what it stores is pickled, and a comparison
    (dataclasses of SafeStrings) comes back equal and still safe."""
    from django.core.cache.backends.redis import RedisCache
    from django.utils.safestring import SafeString

    doc, coordinator, v1, v2 = startnotitie_met_versies
    secties = selectors.vergelijking(coordinator, doc.pk, v1.nummer, v2.nummer).secties
    redis = RedisCache(settings.CELERY_BROKER_URL, {"KEY_PREFIX": "ivp-test-vergelijking"})
    redis.set("paar", secties, 60)
    try:
        terug = redis.get("paar")
    finally:
        redis.delete("paar")
    assert terug == secties
    assert all(isinstance(s.oud, SafeString) and isinstance(s.nieuw, SafeString) for s in terug)


# The thread block: the tag writes what the template `_draad.html` wrote (frozen beside this
# file as draad_oud.html), for every state a thread can be in.


def _draad(**velden) -> Opmerking:
    auteur = Gebruiker(username="jdevries", first_name="Jan", last_name="de <Vries>")
    draad = Opmerking(
        pk=velden.pop("pk", 41),
        versie=Versie(hoofd=0, sub=2),
        sectie="inleiding",
        auteur=velden.pop("auteur", auteur),
        geplaatst_op=dt.datetime(2026, 3, 4, 22, 30, tzinfo=dt.UTC),
        tekst=velden.pop("tekst", "Een regel.\nNog een <regel> & meer."),
        **velden,
    )
    return draad


@pytest.mark.parametrize(
    "velden",
    [
        {},
        {"aantal_antwoorden": 1},
        {"citaat": "Dit staat\r\nin de tekst"},
        {"opgelost_op": dt.datetime(2026, 3, 5, tzinfo=dt.UTC), "aantal_antwoorden": 2},
        {
            "opgelost_op": dt.datetime(2026, 3, 5, tzinfo=dt.UTC),
            "uitkomst": OpmerkingUitkomst.DEELS_VERWERKT,
            "uitkomst_reden": "Deels,\nomdat <het> kon.",
        },
        {"uitkomst": OpmerkingUitkomst.VERWERKT},
        {"auteur": Gebruiker(username="alleen-een-naam")},
    ],
)
def test_a_thread_block_is_what_the_template_wrote(velden):
    aantal = velden.pop("aantal_antwoorden", 0)
    draad = _draad(**velden)
    draad.aantal_antwoorden = aantal  # as the selector annotates
    engine = Engine.get_default()
    with timezone.override("Europe/Amsterdam"):
        oud = Template(OUDE_DRAAD, engine=engine).render(Context({"draad": draad}))
        nieuw = draad_blok(draad)
    assert _gelijk(nieuw) == _gelijk(oud)
    assert "23:30" in nieuw  # the local time, as the template showed it


def test_a_thread_block_shows_a_change_at_once(client, startnotitie_met_versies):
    """Blocks are kept written per process, keyed by what they show: a reply, a
    processing, a resolution and a renamed author show on the next request."""
    doc, coordinator, *_ = startnotitie_met_versies
    client.force_login(coordinator)
    url = reverse("stappen:sectie_draden", args=[doc.pk, "inleiding"])
    draad = Opmerking.objects.filter(versie__document=doc).order_by("pk").first()
    assert draad is not None
    assert "Reageren of afhandelen" in client.get(url).content.decode()
    services.opmerking_reply(opmerking=draad, door=coordinator, tekst="Ja.")
    assert "1 reactie lezen of reageren" in client.get(url).content.decode()
    services.opmerking_set_uitkomst(
        opmerking=draad, door=coordinator, uitkomst=OpmerkingUitkomst.VERWERKT
    )
    draad.refresh_from_db()
    html = client.get(url).content.decode()
    assert draad.get_uitkomst_display() in html
    services.opmerking_resolve(opmerking=draad, door=coordinator)
    assert "ivp-opmerking--opgelost" in client.get(url).content.decode()
    Gebruiker.objects.filter(pk=coordinator.pk).update(first_name="Anders", last_name="Genoemd")
    html = client.get(url).content.decode()
    assert html.count("(opmerking van Anders Genoemd)") == 2  # the section's two threads


@pytest.mark.parametrize(
    ("getoond", "open_", "totaal", "versie_nummer"),
    [(0, 0, 0, ""), (2, 2, 2, ""), (2, 3, 9, ""), (0, 0, 1, "0.2"), (5, 30, 40, "1.0")],
)
def test_a_sections_threads_are_what_the_include_wrote(getoond, open_, totaal, versie_nummer):
    draden = selectors.Draden(open=open_, totaal=totaal)
    for pk in range(getoond):
        draad = _draad(pk=pk + 1)
        draad.aantal_antwoorden = pk
        draden.getoond.append(draad)
    titel = "Werkwijze & <criteria>"
    context = {"draden": draden, "document": Versie(pk=7), "sleutel": "werkwijze"}
    context |= {"titel": titel, "versie_nummer": versie_nummer}
    with timezone.override("Europe/Amsterdam"):
        oud = Template(OUDE_DRADEN, engine=Engine.get_default()).render(Context(context))
        nieuw = draden_van_sectie(draden, 7, "werkwijze", titel, versie_nummer)
    assert _gelijk(nieuw) == _gelijk(oud)


@pytest.mark.parametrize(
    "status",
    [
        "gepland", "actief", "afgerond", "te_laat", "te-laat", "concept", "in_bespreking",
        "ter_besluitvorming", "vastgesteld", "gewijzigd_vastgesteld", "aangehouden",
        "verworpen", "kennisgenomen", "verwerkt", "iets anders", "",
    ],
)  # fmt: skip
def test_a_status_badge_is_what_the_include_writes(status):
    label = f"Label <{status}>"
    include = Template(OUDE_STATUS).render(Context({"status": status, "label": label}))
    assert _gelijk(status_badge(status, label)) == _gelijk(include)
