"""The regional coordinator's pages (issue 13): only they reach them (anyone else 404), the
region's page stays flat in queries, and the forms keep what was entered."""

from __future__ import annotations

import re

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from regio.constants import OvernameKeuze, VoorstelStatus
from regio.context_processors import SESSIE_SLEUTEL, regio_navigatie
from regio.models import Regiodeel, Regiodeelversie, Regiovoorstel
from tests.ivp.factories import GebruikerFactory
from tests.ivp.gelijktijdig import tweede_opslag_ziet_conflict
from tests.regio.delen import Regiowereld, maak_prioriteit, maak_regio, publiceer
from tests.regio.factories import OvernameFactory
from tests.stappen.factories import hoofdthema
from tests.stappen.stappenplan import lid_van

pytestmark = pytest.mark.django_db


def _urls(wereld: Regiowereld, deel: Regiodeel, doel_id: int) -> list[str]:
    regio_id = wereld.regio.pk
    gemeente_id = wereld.leden[0].gemeente.pk
    return [
        reverse("regio:regio", args=[regio_id]),
        reverse("regio:leden", args=[regio_id]),
        reverse("regio:lid_verlaten", args=[regio_id, gemeente_id]),
        reverse("regio:deel_nieuw", args=[regio_id, "prioriteit"]),
        reverse("regio:deel", args=[deel.pk]),
        reverse("regio:deel_verwijderen", args=[deel.pk]),
        reverse("regio:deel_publiceren", args=[deel.pk]),
        reverse("regio:deel_geschiedenis", args=[deel.pk]),
        reverse("regio:regiodoelstelling_nieuw", args=[deel.pk]),
        reverse("regio:regiodoelstelling", args=[doel_id]),
        reverse("regio:regiodoelstelling_verwijderen", args=[doel_id]),
    ]


def test_nobody_but_the_regional_coordinator_reaches_the_regions_pages(client: Client) -> None:
    wereld = maak_regio(2)
    ander = maak_regio(1)
    deel = maak_prioriteit(wereld, tekst="Geheim-regiotekst")
    doel = deel.doelstellingen.create(tekst="Minder")
    lid = wereld.leden[0]
    urls = _urls(wereld, deel, doel.pk)
    for url in urls:
        assert client.get(url).status_code == 302  # anonymous: to the login
    anderen = {
        "coordinator of a member": wereld.leden[1].coordinator,
        "werkgroeplid of a member": lid_van(lid.gemeente),
        "coordinator of another region": ander.regisseur,
        "nobody": GebruikerFactory.create(),
    }
    for wie, gebruiker in anderen.items():
        client.force_login(gebruiker)
        for url in urls:
            for antwoord in (client.get(url), client.post(url)):
                assert antwoord.status_code in (404, 405), (wie, url, antwoord.status_code)
                assert "Geheim-regiotekst" not in antwoord.content.decode()
    assert Regiodeel.objects.filter(pk=deel.pk).exists()
    assert wereld.regio.gemeenten.count() == 2
    # The member's own coordinator may take its gemeente out (and nothing else here).
    client.force_login(lid.coordinator)
    assert client.post(urls[2]).status_code == 302
    assert not wereld.regio.gemeenten.filter(pk=lid.gemeente.pk).exists()


def test_the_regional_coordinator_writes_and_publishes_a_priority(client: Client) -> None:
    wereld = maak_regio(2)
    client.force_login(wereld.regisseur)
    nieuw = client.post(
        reverse("regio:deel_nieuw", args=[wereld.regio.pk, "prioriteit"]),
        {"titel": "Ondermijning", "thema": hoofdthema("5.2").pk, "tekst": "Samen met het RIEC."},
    )
    deel = Regiodeel.objects.get()
    assert nieuw["Location"] == reverse("regio:deel", args=[deel.pk])
    doel = client.post(
        reverse("regio:regiodoelstelling_nieuw", args=[deel.pk]),
        {"tekst": "Minder ondermijning", "nulmeting": "12", "nulmeting_jaar": "2024"},
    )
    assert doel.status_code == 302
    pagina = client.get(reverse("regio:deel", args=[deel.pk])).content.decode()
    assert "Minder ondermijning" in pagina and "Publiceren" in pagina

    publicatie = reverse("regio:deel_publiceren", args=[deel.pk])
    vooraf = client.get(publicatie).content.decode()
    assert "<ins>" in vooraf and "Minder ondermijning" in vooraf  # all new
    zonder_datum = client.post(publicatie, {"versie": deel.versie})
    assert "Vul de datum in waarop de interlokale driehoek" in zonder_datum.content.decode()
    client.post(
        publicatie,
        {"driehoek_op": "02-11-2026", "driehoek_kenmerk": "IDH-7", "toelichting": "Eerste"},
    )
    versie = Regiodeelversie.objects.get(deel=deel)
    assert (versie.nummer, versie.driehoek_kenmerk) == (1, "IDH-7")
    assert Regiovoorstel.objects.filter(deel=deel).count() == 2

    # A change: the publish page shows what differs from version 1.
    deel.refresh_from_db()
    client.post(
        reverse("regio:deel", args=[deel.pk]),
        {
            "titel": "Ondermijning",
            "tekst": "Samen met het RIEC en de Belastingdienst.",
            "versie": deel.versie,
        },
    )
    verschil = client.get(publicatie).content.decode()
    assert "Versie 1" in verschil and "Belastingdienst" in verschil and "<ins>" in verschil
    assert "Versie 2 publiceren" in verschil


def test_publishing_an_unchanged_part_says_so(client: Client) -> None:
    wereld = maak_regio(1)
    deel = maak_prioriteit(wereld)
    publiceer(wereld, deel)
    client.force_login(wereld.regisseur)
    url = reverse("regio:deel_publiceren", args=[deel.pk])
    assert "Er is niets veranderd sinds versie 1" in client.get(url).content.decode()
    nogmaals = client.post(url, {"driehoek_op": "02-11-2026", "versie": deel.versie})
    assert "Er is niets veranderd sinds versie 1" in nogmaals.content.decode()
    assert Regiodeelversie.objects.filter(deel=deel).count() == 1


def test_the_part_edit_form_keeps_input_after_someone_elses_save(client: Client) -> None:
    wereld = maak_regio(1)
    deel = maak_prioriteit(wereld)
    client.force_login(wereld.regisseur)
    tweede_opslag_ziet_conflict(
        client,
        reverse("regio:deel", args=[deel.pk]),
        "tekst",
        opgeslagen=lambda: Regiodeel.objects.get(pk=deel.pk).tekst,
    )


def test_the_history_shows_each_members_decision_and_reason_not_its_document(
    client: Client,
) -> None:
    wereld = maak_regio(2)
    nam_over, wees_af = wereld.leden
    deel = maak_prioriteit(wereld)
    versie = publiceer(wereld, deel)
    OvernameFactory.create(versie=versie, plan=nam_over.plan)
    Regiovoorstel.objects.filter(plan=wees_af.plan).update(
        status=VoorstelStatus.AFGEWEZEN, reden="Speelt in onze gemeente nauwelijks"
    )
    OvernameFactory.create(
        versie=versie,
        plan=wees_af.plan,
        keuze=OvernameKeuze.NIET_OVERGENOMEN,
        motivatie="Speelt in onze gemeente nauwelijks",
    )
    client.force_login(wereld.regisseur)
    html = client.get(reverse("regio:deel_geschiedenis", args=[deel.pk])).content.decode()
    assert nam_over.gemeente.naam in html and wees_af.gemeente.naam in html
    assert "Speelt in onze gemeente nauwelijks" in html
    assert "IDH-2026-11" in html
    assert nam_over.plan.titel not in html  # the member's plan is not the region's to read


def test_the_membership_page_adds_a_gemeente(client: Client) -> None:
    wereld = maak_regio(1)
    nieuw = maak_regio(1).leden[0]
    client.force_login(wereld.regisseur)
    url = reverse("regio:leden", args=[wereld.regio.pk])
    assert nieuw.gemeente.naam in client.get(url).content.decode()
    leeg = client.post(url, {})
    assert "Kies de gemeente die lid wordt." in leeg.content.decode()
    assert client.post(url, {"gemeente": nieuw.gemeente.pk}).status_code == 302
    assert wereld.regio.gemeenten.filter(pk=nieuw.gemeente.pk).exists()


@pytest.mark.parametrize("aantal", [4, 25])
def test_the_regions_page_keeps_its_queries_flat(
    client: Client, django_assert_max_num_queries, aantal: int
) -> None:
    wereld = maak_regio(aantal)
    for code, titel in (("5.2", "Ondermijning"), ("1.1", "Woninginbraak")):
        deel = maak_prioriteit(wereld, code=code, titel=titel)
        versie = publiceer(wereld, deel)
        for lid in wereld.leden[: aantal // 2]:
            OvernameFactory.create(versie=versie, plan=lid.plan)
            Regiovoorstel.objects.filter(plan=lid.plan).update(status=VoorstelStatus.AANVAARD)
    client.force_login(wereld.regisseur)
    url = reverse("regio:regio", args=[wereld.regio.pk])
    client.get(url)  # the session's header cache is filled once
    with django_assert_max_num_queries(10):
        html = client.get(url).content.decode()
    assert "Woninginbraak" in html and wereld.leden[-1].gemeente.naam in html
    cellen = re.findall(r"--numeric\">(\d+)<", html)
    assert cellen == [str(aantal // 2), "0", str(aantal - aantal // 2)] * 2


def test_the_header_links_a_regional_coordinator_to_the_region_without_a_query(
    client: Client, django_assert_num_queries
) -> None:
    wereld = maak_regio(1)
    client.force_login(wereld.regisseur)
    assert wereld.regio.naam in client.get(reverse("start")).content.decode()
    client.force_login(wereld.leden[0].coordinator)
    start = client.get(reverse("start")).content.decode()
    assert reverse("regio:regio", args=[wereld.regio.pk]) not in start

    verzoek = RequestFactory().get("/")
    verzoek.user = wereld.leden[0].coordinator
    verzoek.session = {SESSIE_SLEUTEL: []}  # type: ignore[assignment]
    with django_assert_num_queries(0):
        assert regio_navigatie(verzoek) == {"regio_navigatie": []}


def test_the_regional_coordinators_start_page_leads_to_the_region_not_to_no_plans(
    client: Client,
) -> None:
    """The demo's regional coordinator holds no role in a gemeente; the start page said there
    were no plans and to ask the gemeente's coordinator for a role. It shows the region
    instead, with its page and its overview."""
    wereld = maak_regio(2)
    client.force_login(wereld.regisseur)
    html = client.get(reverse("start")).content.decode()
    assert f">{wereld.regio.naam}</h2>" in html
    assert f'href="{reverse("regio:regio", args=[wereld.regio.pk])}"' in html
    assert f'href="{reverse("regio:overzicht", args=[wereld.regio.pk])}"' in html
    assert "Vraag de coördinator openbare orde en veiligheid" not in html
    assert "U hebt geen rol in een gemeente" in html

    client.force_login(wereld.leden[0].coordinator)  # a member's coordinator: their plans
    start = client.get(reverse("start")).content.decode()
    assert reverse("regio:overzicht", args=[wereld.regio.pk]) not in start
