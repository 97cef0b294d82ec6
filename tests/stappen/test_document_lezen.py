"""The documents read right (issue 16, items 8 and 9, and item 7's way forward): the IVP's
priorities under "Prioriteiten", "Overige strategische thema's" once, headings that keep
their level, and a link to the action that makes an edit possible again."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from stappen import services
from stappen.constants import DocumentSoort, Keuze
from stappen.markdown import naar_html
from stappen.secties import bouw_secties
from tests.stappen.factories import maak_plan
from tests.stappen.stappenplan import coordinator_van, document, stap
from veiligheidsvelden.models import Thema

pytestmark = pytest.mark.django_db


def koppen(html: str) -> list[str]:
    return re.findall(r"<h([1-6])", html)


@pytest.mark.parametrize(
    ("tekst", "niveaus"),
    [
        ("## Aanleiding\n\ntekst\n\n### Cijfers\n\nmeer", ["3", "4"]),
        ("# Aanleiding\n\n## Cijfers", ["3", "4"]),
        ("### Alleen een kleine kop", ["3"]),
    ],
)
def test_headings_in_a_chapter_are_the_next_levels_below_the_chapter(tekst, niveaus):
    assert koppen(naar_html(tekst)) == niveaus
    assert koppen(naar_html(tekst, basis=4)) == [str(int(n) + 1) for n in niveaus]


@pytest.fixture
def ivp():
    plan = maak_plan()
    coordinator = coordinator_van(plan.gemeente)
    services.stap_start(stap=stap(plan, 1), door=coordinator, op=dt.date(2022, 6, 1))
    themas = {t.code: t for t in Thema.objects.filter(code__in=["1.1", "5.2", "1.3"])}
    for code, keuze in [
        ("1.1", Keuze.PRIORITEIT),
        ("5.2", Keuze.PRIORITEIT),
        ("1.3", Keuze.STRATEGISCH),
    ]:
        services.plaatsing_save(plan=plan, thema=themas[code], door=coordinator, keuze=keuze)
    doc = document(plan, DocumentSoort.IVP)
    for sleutel, tekst in [
        ("prioriteiten", "Wij kiezen twee prioriteiten."),
        ("strategische-themas", "Deze thema's blijven in beeld."),
    ]:
        h = doc.hoofdstukken.get(sleutel=sleutel)
        services.hoofdstuk_save(hoofdstuk=h, door=coordinator, tekst=tekst, versie=h.versie)
    doc.coordinator = coordinator
    return doc


def test_the_ivp_reads_priorities_under_prioriteiten_and_the_strategic_themes_once(
    client, ivp, django_assert_max_num_queries
):
    client.force_login(ivp.coordinator)
    with django_assert_max_num_queries(30):
        html = client.get(
            reverse("stappen:document", kwargs={"document_id": ivp.pk})
        ).content.decode()
    naam_11 = Thema.objects.get(code="1.1").naam
    volgorde = [
        html.index('id="h-prioriteiten"'),
        html.index('id="h-prioriteit-1.1"'),
        html.index('id="h-prioriteit-5.2"'),
        html.index('id="h-strategische-themas"'),
        html.index('id="h-evaluatie"'),
    ]
    assert volgorde == sorted(volgorde)
    assert html.count('id="h-strategische-themas"') == 1
    assert html.count('href="#h-strategische-themas"') == 1
    assert f'<h3 class="utrecht-heading-3" id="h-prioriteit-1.1-titel">{naam_11}</h3>' in html
    deel = html.split('id="h-strategische-themas"')[1].split('id="h-organisatie"')[0]
    assert "Deze thema&#x27;s blijven in beeld." in deel or "Deze thema's blijven in beeld." in deel
    assert Thema.objects.get(code="1.3").naam in deel
    # Within a priority, its own headings (### Aanleiding) come one level below its h3.
    prioriteit = html.split('id="h-prioriteit-1.1"')[1].split('id="h-prioriteit-5.2"')[0]
    assert "<h4>Aanleiding</h4>" in prioriteit


def test_a_version_stores_the_same_reading_order_with_one_strategic_chapter(ivp):
    sleutels = [s["sleutel"] for s in bouw_secties(ivp)]
    assert sleutels.count("strategische-themas") == 1
    assert (
        sleutels.index("prioriteiten")
        < sleutels.index("prioriteit-1.1")
        < sleutels.index("strategische-themas")
        < sleutels.index("evaluatie")
    )
    strategisch = next(s for s in bouw_secties(ivp) if s["sleutel"] == "strategische-themas")
    assert strategisch["tekst"].startswith("Deze thema's blijven in beeld.")


def test_a_page_that_cannot_edit_now_links_to_closing_the_review_round(client, ivp):
    services.document_open_review(
        document=ivp, door=ivp.coordinator, sluit_op=dt.date.today() + dt.timedelta(days=7)
    )
    client.force_login(ivp.coordinator)
    prioriteit = ivp.plan.plaatsingen.get(thema__code="1.1")
    html = client.get(
        reverse(
            "stappen:prioriteit", kwargs={"plan_id": ivp.plan_id, "plaatsing_id": prioriteit.pk}
        )
    ).content.decode()
    assert "u wijzigt de inhoud als het weer concept is" in html
    url = reverse("stappen:document", kwargs={"document_id": ivp.pk})
    assert f'href="{url}#acties-titel">Sluit de bespreking</a>' in html
