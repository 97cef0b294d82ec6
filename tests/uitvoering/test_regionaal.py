"""Regional activities (docs/uitvoering.md, "Regionale activiteiten"): one row for the
region, shown in each member's plan that took its shared priority, progress entered once,
changed only by the regional coordinator."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from ivp.exceptions import GeenToegang
from stappen import services as stappen_services
from stappen.selectors import laad_stand
from tests.ivp.factories import GebruikerFactory, RegioFactory
from tests.stappen import stappenplan
from tests.stappen.factories import DoelstellingFactory, maak_plan
from tests.stappen.stappenplan import lid_van
from tests.uitvoering.factories import ActiviteitFactory, RegionaleActiviteitFactory
from uitvoering import controles, selectors, services
from uitvoering.constants import VoortgangStatus
from uitvoering.models import Activiteit, Voortgang


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _pagina(user, up) -> str:
    return _client(user).get(reverse("uitvoering:plan", args=[up.pk])).content.decode()


@pytest.fixture
def riec(regiowereld):
    """Tied to the shared priority's doelstelling: shown where the priority was taken."""
    return RegionaleActiviteitFactory.create(
        regio=regiowereld.regio,
        door=regiowereld.regisseur,
        titel="RIEC-aanpak ondermijning buitengebied",
        regiodoelstelling=regiowereld.doel,
    )


@pytest.fixture
def campagne(regiowereld):
    """Tied to no shared priority: shown in every member's plan."""
    return RegionaleActiviteitFactory.create(
        regio=regiowereld.regio,
        door=regiowereld.regisseur,
        titel="Regionale campagne Waakzaam en dienstbaar",
        trekker_organisatie="",
        trekker_gebruiker=regiowereld.regisseur,
    )


def test_shown_in_each_member_that_took_the_priority_and_not_in_one_that_declined(
    up, coordinator, regiowereld, riec, campagne
):
    w = regiowereld
    ActiviteitFactory.create(uitvoeringsplan=up, titel="Lokale buurtpreventie")
    eigen = [a.titel for a in selectors.activiteiten_van(up)]
    assert sorted(eigen) == sorted([riec.titel, campagne.titel, "Lokale buurtpreventie"])
    assert {a.titel for a in selectors.activiteiten_van(w.buur_up)} == {riec.titel, campagne.titel}
    assert [a.titel for a in selectors.activiteiten_van(w.weigeraar_up)] == [campagne.titel]
    html = _pagina(coordinator, up)
    assert riec.titel in html and "Ondermijning (bovenlokaal)" in html
    assert "Regionaal</span>" in html
    assert "RIEC Oost-Nederland" in html  # its trekker
    assert riec.titel not in _pagina(lid_van(w.weigeraar.gemeente), w.weigeraar_up)
    # One row in the database, not a copy per member.
    assert Activiteit.objects.filter(regio=w.regio).count() == 2
    # Another year's plan shows none of this year's.
    assert not selectors.activiteiten_van(
        services.uitvoeringsplan_maak(plan=up.plan, jaar=2024, door=coordinator)
    ).filter(regio__isnull=False)


def test_a_gemeente_that_leaves_no_longer_shows_them(up, regiowereld, riec, campagne):
    regiowereld.regio.gemeenten.remove(up.plan.gemeente)
    assert not selectors.activiteiten_van(up).filter(regio__isnull=False).exists()


def test_progress_entered_once_shows_in_every_member_plan(
    up, coordinator, regiowereld, riec, vandaag
):
    w = regiowereld
    services.voortgang_save(
        activiteit=riec,
        door=w.regisseur,
        kwartaal=1,
        status=VoortgangStatus.AANDACHT,
        toelichting="Nog geen convenant met de tweede gemeente.",
        besteed=Decimal(2500),
    )
    assert Voortgang.objects.filter(activiteit=riec).count() == 1
    for gebruiker, plan_up in ((coordinator, up), (w.buur_coordinator, w.buur_up)):
        html = _pagina(gebruiker, plan_up)
        assert "K1: Aandacht nodig — Nog geen convenant met de tweede gemeente." in html
        voortgang = _client(gebruiker).get(reverse("uitvoering:voortgang", args=[plan_up.pk]))
        assert "De regio legt de voortgang vast" in voortgang.content.decode()
    riec.refresh_from_db()
    assert riec.besteed == Decimal(2500) and riec.status == "lopend"


def test_a_member_coordinator_cannot_change_it_nor_record_its_progress(
    up, coordinator, regiowereld, riec, vandaag
):
    client = _client(coordinator)
    for naam in (
        "uitvoering:regionale_activiteit_bewerken",
        "uitvoering:regionale_voortgang_bewerken",
        "uitvoering:activiteit_bewerken",
        "uitvoering:voortgang_bewerken",
    ):
        url = reverse(naam, args=[riec.pk])
        assert client.get(url).status_code == 404, naam
        assert client.post(url, {"titel": "Gekaapt", "kwartaal": 1}).status_code == 404, naam
    regio_url = reverse("uitvoering:regio_activiteiten", args=[riec.regio_id])
    assert client.get(regio_url).status_code == 404
    with pytest.raises(GeenToegang):
        services.activiteit_update(activiteit=riec, door=coordinator, titel="Gekaapt")
    with pytest.raises(GeenToegang):
        services.regionale_activiteit_update(activiteit=riec, door=coordinator, titel="Gekaapt")
    with pytest.raises(GeenToegang):
        services.voortgang_save(activiteit=riec, door=coordinator, kwartaal=1, status="op_schema")
    riec.refresh_from_db()
    assert riec.titel == "RIEC-aanpak ondermijning buitengebied"
    # On the member's page it is no link to a form.
    assert f'{reverse("uitvoering:regionale_activiteit_bewerken", args=[riec.pk])}"' not in (
        _pagina(coordinator, up)
    )


def test_a_user_outside_the_region_sees_nothing_of_it(
    up, buitenstaander, regiowereld, riec, campagne
):
    client = _client(buitenstaander)
    for url in (
        reverse("uitvoering:regio_activiteiten", args=[riec.regio_id]),
        reverse("uitvoering:regionale_activiteit_nieuw", args=[riec.regio_id]),
        reverse("uitvoering:regionale_activiteit_bewerken", args=[riec.pk]),
        reverse("uitvoering:regionale_voortgang_bewerken", args=[campagne.pk]),
        reverse("uitvoering:plan", args=[up.pk]),
        reverse("uitvoering:plan", args=[regiowereld.buur_up.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert riec.titel not in response.content.decode()
    # Their own plan (no region) shows none of it.
    eigen = services.uitvoeringsplan_maak(
        plan=maak_plan(buitenstaander.rollen.get().gemeente),
        jaar=2023,
        door=buitenstaander,
    )
    assert riec.titel not in _pagina(buitenstaander, eigen)
    # The coordinator of another region neither.
    ander = GebruikerFactory.create()
    RegioFactory.create(gemeenten=[buitenstaander.rollen.get().gemeente]).coordinatoren.add(ander)
    url = reverse("uitvoering:regio_activiteiten", args=[riec.regio_id])
    assert _client(ander).get(url).status_code == 404


def test_the_regional_coordinator_adds_changes_and_records_progress(
    regiowereld, up, coordinator, vandaag
):
    w = regiowereld
    client = _client(w.regisseur)
    lijst = reverse("uitvoering:regio_activiteiten", args=[w.regio.pk]) + "?jaar=2023"
    assert client.get(lijst).status_code == 200
    nieuw = reverse("uitvoering:regionale_activiteit_nieuw", args=[w.regio.pk]) + "?jaar=2023"
    form = client.get(nieuw).content.decode()
    assert "Draagt bij aan bovenlokale doelstelling" in form
    assert "Trekker (werkgroeplid)" not in form  # a member's werkgroep is not the region's
    gegevens = {
        "titel": "Gezamenlijke aanpak ondermijning",
        "regiodoelstelling": w.doel.pk,
        "trekker_organisatie": "RIEC Oost-Nederland",
        "kwartaal_van": "2",
        "kwartaal_tot": "5",  # not a quarter: the form keeps the input
        "begroot": "12500",
        "besteed": "0",
        "status": "gepland",
    }
    response = client.post(nieuw, gegevens)
    assert response.status_code == 200
    assert "Gezamenlijke aanpak ondermijning" in response.content.decode()
    response = client.post(nieuw, gegevens | {"kwartaal_tot": "4"})
    assert response.status_code == 302 and response["Location"] == lijst
    a = Activiteit.objects.get(titel="Gezamenlijke aanpak ondermijning")
    assert (a.regio, a.jaar) == (w.regio, 2023)
    assert (a.start, a.eind) == (dt.date(2023, 4, 1), dt.date(2023, 12, 31))
    assert a.uitvoeringsplan is None
    bewerken = reverse("uitvoering:regionale_activiteit_bewerken", args=[a.pk])
    assert client.get(bewerken).status_code == 200
    gewijzigd = gegevens | {"kwartaal_tot": "4", "titel": "Aanpak ondermijning"}
    response = client.post(bewerken, gewijzigd)
    assert response.status_code == 302
    voortgang = reverse("uitvoering:regionale_voortgang_bewerken", args=[a.pk])
    assert client.get(voortgang + "?kwartaal=1").status_code == 200
    response = client.post(voortgang, {"kwartaal": "2", "status": "op_schema", "besteed": "1000"})
    assert response.status_code == 302 and response["Location"] == lijst
    pagina = client.get(lijst).content.decode()
    assert "Aanpak ondermijning" in pagina and "Op schema" in pagina
    assert "Kop van Overijssel" in pagina
    # Where it stands: the members that took the priority.
    assert pagina.count(f"{w.buur.gemeente.naam}") >= 1
    assert "Staphorst" not in pagina.split('id="getoond"')[1]
    # The member's plan shows the changed activity.
    assert "Aanpak ondermijning" in _pagina(coordinator, up)


def test_a_named_trekker_records_progress_without_a_role_in_the_member(regiowereld, vandaag):
    w = regiowereld
    trekker = lid_van(w.buur.gemeente)  # a werkgroeplid of a neighbour, none in the plan's
    a = RegionaleActiviteitFactory.create(
        regio=w.regio, door=w.regisseur, trekker_organisatie="", trekker_gebruiker=trekker
    )
    client = _client(trekker)
    url = reverse("uitvoering:regionale_voortgang_bewerken", args=[a.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"kwartaal": "2", "status": "op_schema", "besteed": "0"})
    assert response.status_code == 302 and response["Location"] == url
    assert a.voortgang.get().door == trekker
    regio_url = reverse("uitvoering:regio_activiteiten", args=[w.regio.pk])
    assert client.get(regio_url).status_code == 404
    # Their own voortgang page lists it, with the link.
    html = client.get(reverse("uitvoering:voortgang", args=[w.buur_up.pk])).content.decode()
    assert a.titel in html and url in html


def test_the_trekker_is_a_person_of_the_region(regiowereld, buitenstaander):
    with pytest.raises(ValidationError) as excinfo:
        RegionaleActiviteitFactory.create(
            regio=regiowereld.regio,
            door=regiowereld.regisseur,
            trekker_organisatie="",
            trekker_gebruiker=buitenstaander,
        )
    assert "trekker_gebruiker" in excinfo.value.message_dict


def test_the_database_keeps_one_owner_and_no_local_ties(up, regiowereld, riec, doelstelling):
    with transaction.atomic(), pytest.raises(IntegrityError):
        Activiteit.objects.filter(pk=riec.pk).update(uitvoeringsplan=up)
    with transaction.atomic(), pytest.raises(IntegrityError):
        Activiteit.objects.filter(pk=riec.pk).update(doelstelling=doelstelling)
    lokaal = ActiviteitFactory.create(uitvoeringsplan=up)
    with transaction.atomic(), pytest.raises(IntegrityError):
        Activiteit.objects.filter(pk=lokaal.pk).update(regiodoelstelling=regiowereld.doel)


def test_exports_hold_it_once_per_member_plan(up, coordinator, regiowereld, riec, campagne):
    w = regiowereld
    for gebruiker, plan_up, titels in (
        (coordinator, up, [riec.titel, campagne.titel]),
        (w.buur_coordinator, w.buur_up, [riec.titel, campagne.titel]),
        (lid_van(w.weigeraar.gemeente, "coordinator"), w.weigeraar_up, [campagne.titel]),
    ):
        client = _client(gebruiker)
        csv = client.get(reverse("uitvoering:export_csv", args=[plan_up.pk])).content.decode()
        for titel in titels:
            assert csv.count(f"{titel} (regionaal)") == 1, (plan_up, titel)
        if riec.titel not in titels:
            assert riec.titel not in csv
        response = client.get(reverse("uitvoering:export_xlsx", args=[plan_up.pk]))
        boek = openpyxl.load_workbook(io.BytesIO(response.content))
        for titel in titels:
            naam = f"{titel} (regionaal)"
            per_blad = {
                blad.title: sum(1 for rij in blad.iter_rows(values_only=True) if naam in rij)
                for blad in boek.worksheets
            }
            assert per_blad.pop("Voortgang 2023") == 1
            assert sum(per_blad.values()) == 1, per_blad


def test_the_document_version_freezes_what_it_showed(up, coordinator, regiowereld, riec):
    versie = stappen_services.versie_create(
        document=up.document, door=coordinator, aanleiding="Ter bespreking"
    )
    tekst = next(s["tekst"] for s in versie.inhoud if s["sleutel"] == "activiteiten")
    assert "RIEC-aanpak ondermijning buitengebied (regionaal)" in tekst
    assert "**Bovenlokale doelstelling:** Meer signalen van ondermijning" in tekst
    services.regionale_activiteit_update(
        activiteit=riec, door=regiowereld.regisseur, titel="Andere titel"
    )
    versie.refresh_from_db()
    assert "Andere titel" not in str(versie.inhoud)


def test_step_5_counts_the_plans_own_activities_not_the_regions(plan, coordinator, regiowereld):
    """The region's activities do not hold a member's step 5 (the member cannot tie them);
    its own untied activity still does."""
    stappenplan.start(plan, coordinator, 5)
    prioriteit = plan.plaatsingen.filter(keuze="prioriteit").first()
    doel = DoelstellingFactory.create(plaatsing=prioriteit, door=coordinator)
    up = services.uitvoeringsplan_maak(plan=plan, jaar=2023, door=coordinator)
    lokaal = ActiviteitFactory.create(uitvoeringsplan=up, doelstelling=doel, titel="Buurtapp")
    for doelstelling in (regiowereld.doel, None):
        RegionaleActiviteitFactory.create(
            regio=regiowereld.regio, door=regiowereld.regisseur, regiodoelstelling=doelstelling
        )
    stap = stappenplan.stap(plan, 5)
    assert controles.stap5_activiteiten(laad_stand(plan), stap) == []
    Activiteit.objects.filter(pk=lokaal.pk).update(doelstelling=None)
    blokkades = controles.stap5_activiteiten(laad_stand(plan), stap)
    assert len(blokkades) == 1 and "‘Buurtapp’" in blokkades[0]
    # The chain names the untied regional one.
    html = (
        _client(coordinator)
        .get(reverse("uitvoering:keten", args=[plan.pk]) + "?jaar=2023")
        .content.decode()
    )
    assert "Regionaal: Regionale activiteiten" in html


def test_regional_progress_per_plan_for_the_overview(
    up, regiowereld, riec, campagne, vandaag, django_assert_max_num_queries
):
    w = regiowereld
    services.voortgang_save(
        activiteit=riec, door=w.regisseur, kwartaal=1, status=VoortgangStatus.OP_SCHEMA
    )
    services.voortgang_save(
        activiteit=riec,
        door=w.regisseur,
        kwartaal=2,
        status=VoortgangStatus.ACHTER,
        toelichting="Capaciteit RIEC.",
    )
    plannen = [up.plan, w.buur, w.weigeraar]
    with django_assert_max_num_queries(2):
        telling = selectors.regionale_voortgang(plannen)
    assert telling[up.plan.pk].per_status == {"achter": 1}
    assert telling[up.plan.pk].zonder == 1
    assert telling[up.plan.pk].tekst == "2 regionaal: 1 achter op schema, 1 nog zonder voortgang"
    assert telling[w.weigeraar.pk].aantal == 1 and telling[w.weigeraar.pk].zonder == 1
    assert selectors.regionale_voortgang(plannen, jaar=2024)[up.plan.pk].aantal == 0


def test_the_regions_page_keeps_a_flat_query_count(regiowereld, django_assert_max_num_queries):
    from tests.uitvoering.test_views import _regionaal_veel

    w = regiowereld
    client = _client(w.regisseur)
    url = reverse("uitvoering:regio_activiteiten", args=[w.regio.pk]) + "?jaar=2023"
    _regionaal_veel(w, 4)
    with django_assert_max_num_queries(12) as klein:
        assert client.get(url).status_code == 200
    _regionaal_veel(w, 96, van=4)
    with django_assert_max_num_queries(len(klein.captured_queries)):
        response = client.get(url)
    assert "Regionaal 99" in response.content.decode()
