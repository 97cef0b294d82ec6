"""The writes of the uitvoeringsplan: every bad input refused in Dutch on its field."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ivp.exceptions import GeenToegang, Geweigerd
from tests.stappen import stappenplan
from tests.stappen.factories import DoelstellingFactory, PlaatsingFactory, maak_plan
from tests.uitvoering.factories import ActiviteitFactory, VoortgangFactory
from tests.werkgroep.factories import LidFactory
from uitvoering import services
from uitvoering.constants import ActiviteitStatus, VoortgangStatus
from uitvoering.models import Activiteit, Voortgang

D = dt.date


def _nieuw(up, coordinator, **velden):
    standaard = dict(
        titel="Informatieavond agrarische ondernemers",
        doelstelling=up.plan.plaatsingen.get(keuze="prioriteit").doelstellingen.get(),
        start=D(2023, 4, 1),
        eind=D(2023, 6, 30),
        begroot=Decimal("5000"),
    )
    return services.activiteit_create(uitvoeringsplan=up, door=coordinator, **(standaard | velden))


def _fout(excinfo, veld):
    return " ".join(excinfo.value.message_dict[veld])


def test_an_activity_with_its_planning_in_quarters(up, coordinator):
    a = _nieuw(up, coordinator, start=None, eind=None, kwartaal_van=2, kwartaal_tot=3)
    assert (a.start, a.eind) == (D(2023, 4, 1), D(2023, 9, 30))
    assert a.planning_tekst == "K2–K3"
    assert a.status == ActiviteitStatus.GEPLAND


def test_an_activity_needs_a_doelstelling_or_a_beheer_theme(up, coordinator):
    with pytest.raises(ValidationError) as excinfo:
        _nieuw(up, coordinator, doelstelling=None)
    assert "doelstelling" in _fout(excinfo, "doelstelling")
    assert not Activiteit.objects.exists()


def test_an_activity_under_a_beheer_theme(up, coordinator):
    beheer = PlaatsingFactory.create(
        plan=up.plan, keuze="beheer", thema=stappenplan.hoofdthema("4.2"), door=coordinator
    )
    a = _nieuw(up, coordinator, doelstelling=None, beheer_thema=beheer)
    assert a.beheer_thema == beheer


def test_a_doelstelling_of_another_plan_is_refused(up, coordinator):
    ander = maak_plan(gemeente=up.plan.gemeente, titel="Ander", periode_start=D(2027, 1, 1))
    doel = DoelstellingFactory.create(plaatsing=PlaatsingFactory.create(plan=ander))
    with pytest.raises(ValidationError) as excinfo:
        _nieuw(up, coordinator, doelstelling=doel)
    assert "hoort niet bij dit plan" in _fout(excinfo, "doelstelling")


def test_an_end_before_its_start(up, coordinator):
    with pytest.raises(ValidationError) as excinfo:
        _nieuw(up, coordinator, start=D(2023, 6, 1), eind=D(2023, 5, 1))
    assert _fout(excinfo, "eind") == "Het eind ligt vóór de start."


def test_planning_outside_the_plans_year(up, coordinator):
    with pytest.raises(ValidationError) as excinfo:
        _nieuw(up, coordinator, eind=D(2024, 2, 1))
    assert "buiten het jaar van dit uitvoeringsplan (2023)" in _fout(excinfo, "eind")


def test_a_negative_budget(up, coordinator):
    with pytest.raises(ValidationError) as excinfo:
        _nieuw(up, coordinator, begroot=Decimal("-1"))
    assert _fout(excinfo, "begroot") == "Vul een bedrag van 0 of meer in."


def test_the_database_refuses_a_negative_budget_too(up, coordinator):
    a = _nieuw(up, coordinator)
    with pytest.raises(IntegrityError), transaction.atomic():
        Activiteit.objects.filter(pk=a.pk).update(begroot=Decimal("-5"))


def test_spending_far_above_budget_is_allowed_and_flagged(up, coordinator, vandaag):
    a = _nieuw(up, coordinator, begroot=Decimal("1000"))
    services.voortgang_save(
        activiteit=a,
        door=coordinator,
        kwartaal=2,
        status=VoortgangStatus.OP_SCHEMA,
        besteed=Decimal("2500"),
    )
    a.refresh_from_db()
    assert a.besteed == Decimal("2500")
    assert a.boven_budget


def test_a_trekker_is_a_member_or_an_organisation_not_both(up, coordinator, trekker):
    with pytest.raises(ValidationError) as excinfo:
        _nieuw(up, coordinator, trekker=trekker, trekker_organisatie="Politie")
    assert "niet beide" in _fout(excinfo, "trekker_organisatie")


def test_activities_of_an_adopted_plan_do_not_change(up, coordinator):
    a = _nieuw(up, coordinator)
    stappenplan.stel_vast(up.document, coordinator)
    with pytest.raises(Geweigerd, match="alleen zolang het een concept is"):
        services.activiteit_update(activiteit=a, door=coordinator, titel="Anders")


def test_only_the_coordinator_adds_activities(up, werkgroeplid):
    with pytest.raises(GeenToegang):
        _nieuw(up, werkgroeplid)


def test_the_trekker_records_progress_of_a_quarter_that_began(up, coordinator, trekker, vandaag):
    a = _nieuw(up, coordinator, trekker=trekker)
    v = services.voortgang_save(
        activiteit=a,
        door=trekker.gebruiker,
        kwartaal=2,
        status=VoortgangStatus.AANDACHT,
        toelichting="Zaal pas in juni beschikbaar.",
        besteed=Decimal("300"),
    )
    a.refresh_from_db()
    assert a.status == ActiviteitStatus.LOPEND and a.besteed == Decimal("300")
    # a second save of the quarter corrects it
    services.voortgang_save(
        activiteit=a,
        door=trekker.gebruiker,
        kwartaal=2,
        status=VoortgangStatus.OP_SCHEMA,
        besteed=Decimal("400"),
    )
    assert Voortgang.objects.get(pk=v.pk).status == VoortgangStatus.OP_SCHEMA
    assert Voortgang.objects.count() == 1


def test_progress_for_a_quarter_that_has_not_begun(up, coordinator, vandaag):
    a = _nieuw(up, coordinator)
    with pytest.raises(ValidationError) as excinfo:
        services.voortgang_save(
            activiteit=a, door=coordinator, kwartaal=3, status=VoortgangStatus.OP_SCHEMA
        )
    assert "K3 2023 is nog niet begonnen" in _fout(excinfo, "kwartaal")


def test_falling_behind_needs_an_explanation(up, coordinator, vandaag):
    a = _nieuw(up, coordinator)
    with pytest.raises(ValidationError) as excinfo:
        services.voortgang_save(
            activiteit=a, door=coordinator, kwartaal=1, status=VoortgangStatus.ACHTER
        )
    assert "Licht toe" in _fout(excinfo, "toelichting")


def test_a_member_who_is_not_the_trekker_is_refused(up, coordinator, trekker, vandaag):
    ander = LidFactory.create(plan=up.plan, door=coordinator)
    a = _nieuw(up, coordinator, trekker=trekker)
    with pytest.raises(GeenToegang, match="Alleen de trekker"):
        services.voortgang_save(
            activiteit=a, door=ander.gebruiker, kwartaal=1, status=VoortgangStatus.OP_SCHEMA
        )


def test_another_gemeente_is_refused(up, coordinator, buitenstaander, vandaag):
    a = _nieuw(up, coordinator)
    with pytest.raises(GeenToegang):
        services.voortgang_save(
            activiteit=a, door=buitenstaander, kwartaal=1, status=VoortgangStatus.OP_SCHEMA
        )


def test_next_year_carries_over_unfinished_activities_once(up, coordinator):
    doel = up.plan.plaatsingen.get(keuze="prioriteit").doelstellingen.get()
    lopend = _nieuw(up, coordinator, titel="Lopend", begroot=Decimal("3000"))
    _nieuw(up, coordinator, titel="Gereed", status=ActiviteitStatus.GEREED)
    _nieuw(up, coordinator, titel="Vervallen", status=ActiviteitStatus.VERVALLEN)
    VoortgangFactory.create(activiteit=lopend, kwartaal=2, besteed=Decimal("1000"))

    volgend, aantal = services.uitvoeringsplan_volgend_jaar(uitvoeringsplan=up, door=coordinator)
    assert (volgend.jaar, aantal) == (2024, 1)
    nieuw = volgend.activiteiten.get()
    assert nieuw.titel == "Lopend" and nieuw.voortgezet_uit == lopend
    assert nieuw.doelstelling == doel
    assert (nieuw.start, nieuw.eind) == (D(2024, 4, 1), D(2024, 6, 30))
    assert nieuw.begroot == Decimal("2000")  # what is left
    assert nieuw.voortgezet_uit.voortgang.count() == 1  # its history stays with the original
    assert volgend.document.stap.nummer == 6

    opnieuw, aantal = services.uitvoeringsplan_volgend_jaar(uitvoeringsplan=up, door=coordinator)
    assert opnieuw == volgend and aantal == 0
    assert volgend.activiteiten.count() == 1


def test_no_next_year_after_the_plans_period(plan, coordinator, doelstelling):
    laatste = services.uitvoeringsplan_maak(plan=plan, jaar=2026, door=coordinator)
    with pytest.raises(Geweigerd, match="buiten de looptijd"):
        services.uitvoeringsplan_volgend_jaar(uitvoeringsplan=laatste, door=coordinator)


def test_an_own_indicator_and_its_value_per_year(doelstelling, coordinator):
    indicator = services.eigen_indicator_koppel(
        doelstelling=doelstelling, door=coordinator, naam="Meldingen overlast", eenheid="aantal"
    )
    doelstelling.refresh_from_db()
    assert doelstelling.meetindicator == indicator and indicator.bron == "eigen"
    services.meting_save(doelstelling=doelstelling, door=coordinator, jaar=2023, waarde=Decimal(80))
    m = services.meting_save(
        doelstelling=doelstelling, door=coordinator, jaar=2023, waarde=Decimal(78)
    )
    assert indicator.metingen.get() == m and m.waarde == Decimal(78)
    assert m.gebied_code == doelstelling.plaatsing.plan.gemeente.cbs_code


def test_a_value_needs_an_indicator(doelstelling, coordinator):
    with pytest.raises(Geweigerd, match="nog geen indicator"):
        services.meting_save(
            doelstelling=doelstelling, door=coordinator, jaar=2023, waarde=Decimal(1)
        )


def test_the_rapportage_is_generated_from_the_data(up, coordinator, vandaag):
    a = ActiviteitFactory.create(uitvoeringsplan=up, titel="Buurtpreventie-app")
    services.voortgang_save(
        activiteit=a,
        door=coordinator,
        kwartaal=1,
        status=VoortgangStatus.ACHTER,
        toelichting="Geen vrijwilligers gevonden.",
        besteed=Decimal(200),
    )
    document = services.rapportage_genereer(uitvoeringsplan=up, door=coordinator)
    teksten = {h.sleutel: h.tekst for h in document.hoofdstukken.all()}
    assert "Minder woninginbraken" in teksten["resultaten"]
    assert "Buurtpreventie-app" in teksten["voortgang"]
    assert "Geen vrijwilligers gevonden." in teksten["voortgang"]
    assert "€ 200 van € 5.000" in teksten["voortgang"]
    # the coordinator's evaluation survives a second generation
    evaluatie = document.hoofdstukken.get(sleutel="evaluatie")
    from stappen import services as stappen_services

    stappen_services.hoofdstuk_save(
        hoofdstuk=evaluatie,
        door=coordinator,
        tekst="Meer inzet op werving.",
        versie=evaluatie.versie,
    )
    services.rapportage_genereer(uitvoeringsplan=up, door=coordinator)
    assert document.hoofdstukken.get(sleutel="evaluatie").tekst == "Meer inzet op werving."
    assert services.evaluatie_van(up)[0] == ("Evaluatie", "Meer inzet op werving.")
