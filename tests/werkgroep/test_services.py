import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from ivp.exceptions import GeenToegang, Geweigerd
from stappen.constants import StapNummer, StapStatus
from stappen.models import Stap
from tests.ivp.factories import GebruikerFactory, GemeenteFactory
from tests.stappen.factories import maak_plan
from tests.stappen.stappenplan import coordinator_van
from tests.werkgroep.factories import (
    BijeenkomstFactory,
    LidFactory,
    versie_met_draad,
    werkgroeplid_van,
)
from veiligheidsvelden.models import Veld
from werkgroep import services
from werkgroep.constants import Aanwezigheid, LidRol
from werkgroep.models import Lid, Urenbudget, Urenregistratie
from werkgroep.uren import services as uren_services

pytestmark = pytest.mark.django_db


def fout_op(error: pytest.ExceptionInfo[ValidationError], veld: str) -> str:
    assert veld in error.value.message_dict, error.value.message_dict
    return " ".join(error.value.message_dict[veld])


# Members ------------------------------------------------------------------------------------


def test_the_trekker_gets_the_default_budget_of_350_hours(plan, coordinator):
    lid_ = LidFactory(plan=plan, door=coordinator, trekker=True)
    assert lid_.urenbudget.uren == Decimal(350)
    assert lid_.history.first().history_user == coordinator


def test_a_ninth_member_needs_a_motivation(plan, coordinator):
    LidFactory(plan=plan, door=coordinator, trekker=True)
    for _ in range(7):
        LidFactory(plan=plan, door=coordinator)
    with pytest.raises(ValidationError) as error:
        LidFactory(plan=plan, door=coordinator)
    assert "7 à 8 leden" in fout_op(error, "motivatie")
    assert Lid.objects.count() == 8
    negende = LidFactory(
        plan=plan, door=coordinator, motivatie="De GGD sluit aan voor zorg en veiligheid."
    )
    assert negende.motivatie.startswith("De GGD")


def test_an_external_partner_needs_a_name_and_a_user_needs_a_role_in_the_gemeente(
    plan, coordinator
):
    with pytest.raises(ValidationError) as error:
        services.lid_add(plan=plan, door=coordinator, rol=LidRol.LID, naam="  ")
    assert fout_op(error, "naam")
    buitenstaander = GebruikerFactory(rol=(GemeenteFactory(), "werkgroeplid"))
    with pytest.raises(ValidationError) as error:
        services.lid_add(plan=plan, door=coordinator, rol=LidRol.LID, gebruiker=buitenstaander)
    assert "geen rol" in fout_op(error, "gebruiker")
    partner = services.lid_add(
        plan=plan,
        door=coordinator,
        rol=LidRol.LID,
        naam="Marleen de Groot",
        organisatie="Openbaar Ministerie",
        functie="Officier van justitie",
        velden=Veld.objects.filter(code="5"),
    )
    assert str(partner) == "Marleen de Groot"


def test_only_the_coordinator_adds_members(plan, coordinator):
    with pytest.raises(GeenToegang):
        LidFactory(plan=plan, door=werkgroeplid_van(plan.gemeente))
    andere = coordinator_van(GemeenteFactory())
    with pytest.raises(GeenToegang):
        LidFactory(plan=plan, door=andere)


def test_a_member_with_hours_cannot_be_removed(plan, coordinator, vandaag):
    lid_ = LidFactory(plan=plan, door=coordinator)
    uren_services.uren_log(
        lid=lid_, door=coordinator, datum=vandaag, uren=Decimal(1), omschrijving="x"
    )
    with pytest.raises(Geweigerd):
        services.lid_remove(lid=lid_, door=coordinator)
    leeg = LidFactory(plan=plan, door=coordinator)
    services.lid_remove(lid=leeg, door=coordinator)
    assert not Lid.objects.filter(pk=leeg.pk).exists()


def test_a_coordinator_made_trekker_later_gets_the_default_budget(plan, coordinator):
    eerst_lid = LidFactory(plan=plan, door=coordinator, gebruiker=coordinator)
    services.lid_update(lid=eerst_lid, door=coordinator, rol=LidRol.TREKKER)
    assert eerst_lid.urenbudget.uren == Decimal(350)
    tweede = LidFactory(plan=plan, door=coordinator, rol=LidRol.LID)
    with pytest.raises(ValidationError) as error:
        services.lid_update(lid=tweede, door=coordinator, rol=LidRol.TREKKER)
    assert error.value.message_dict["rol"] == ["De trekker is de coördinator OOV van de gemeente."]


# Meetings -----------------------------------------------------------------------------------


def test_a_meeting_that_ends_before_it_starts_is_refused(plan, coordinator):
    with pytest.raises(ValidationError) as error:
        BijeenkomstFactory(
            plan=plan, door=coordinator, begintijd=dt.time(16, 0), eindtijd=dt.time(14, 0)
        )
    assert "eindigen na de begintijd" in fout_op(error, "eindtijd")


def test_a_seventh_meeting_needs_a_motivation(plan, coordinator):
    for n in range(6):
        BijeenkomstFactory(
            plan=plan, door=coordinator, datum=dt.date(2022, 7, 1) + dt.timedelta(weeks=n)
        )
    with pytest.raises(ValidationError) as error:
        BijeenkomstFactory(plan=plan, door=coordinator, datum=dt.date(2022, 12, 1))
    assert "5 à 6 bijeenkomsten" in fout_op(error, "motivatie")
    zevende = BijeenkomstFactory(
        plan=plan,
        door=coordinator,
        datum=dt.date(2022, 12, 1),
        motivatie="Extra ronde over ondermijning.",
    )
    assert not zevende.voortgangsoverleg


def test_during_uitvoering_meetings_are_voortgangsoverleg_without_a_limit(plan, coordinator):
    for n in range(6):
        BijeenkomstFactory(
            plan=plan, door=coordinator, datum=dt.date(2022, 7, 1) + dt.timedelta(weeks=n)
        )
    # Driving a plan to step 6 takes the whole method; the state is set directly here.
    Stap.objects.filter(plan=plan, nummer=StapNummer.UITVOERING).update(status=StapStatus.ACTIEF)
    overleg = BijeenkomstFactory(plan=plan, door=coordinator, datum=dt.date(2023, 3, 1))
    assert overleg.voortgangsoverleg
    assert overleg.titel == "Voortgangsoverleg IVP"


def test_attendance_and_actiepunten(plan, coordinator, vandaag):
    lid_ = LidFactory(plan=plan, door=coordinator)
    b = BijeenkomstFactory(plan=plan, door=coordinator, datum=vandaag)
    services.presentie_record(
        bijeenkomst=b, door=coordinator, statussen={lid_.pk: Aanwezigheid.AFGEMELD}
    )
    assert b.presenties.get().status == Aanwezigheid.AFGEMELD
    punt = services.actiepunt_add(
        bijeenkomst=b, door=coordinator, wat="Cijfers aanleveren", wie=lid_, deadline=vandaag
    )
    services.actiepunt_set_status(actiepunt=punt, door=lid_.gebruiker, status="gereed")
    assert punt.status == "gereed"
    anderen = werkgroeplid_van(plan.gemeente)
    with pytest.raises(GeenToegang):
        services.actiepunt_set_status(actiepunt=punt, door=anderen, status="open")


def test_attendance_of_a_future_meeting_is_refused(plan, coordinator, vandaag):
    lid_ = LidFactory(plan=plan, door=coordinator)
    b = BijeenkomstFactory(plan=plan, door=coordinator, datum=vandaag + dt.timedelta(days=7))
    with pytest.raises(Geweigerd):
        services.presentie_record(
            bijeenkomst=b, door=coordinator, statussen={lid_.pk: Aanwezigheid.AANWEZIG}
        )


def test_moving_a_meeting_keeps_its_uid_and_raises_the_sequence(plan, coordinator):
    b = BijeenkomstFactory(plan=plan, door=coordinator)
    uid = b.uid
    services.bijeenkomst_update(
        bijeenkomst=b,
        door=coordinator,
        datum=dt.date(2022, 9, 20),
        begintijd=dt.time(10, 0),
        eindtijd=dt.time(12, 0),
        locatie="Online",
    )
    b.refresh_from_db()
    assert b.uid == uid
    assert b.volgnummer_ical == 1


# Hours --------------------------------------------------------------------------------------


def log(lid_, door=None, **kwargs):
    waarden = {"datum": dt.date(2022, 10, 3), "uren": Decimal("2.5"), "omschrijving": "Analyse"}
    return uren_services.uren_log(lid=lid_, door=door or lid_.gebruiker, **(waarden | kwargs))


@pytest.mark.parametrize("uren", [Decimal("-1"), Decimal("0")])
def test_negative_or_zero_hours_are_refused(lid_met_budget, vandaag, uren):
    with pytest.raises(ValidationError) as error:
        log(lid_met_budget, uren=uren)
    assert "positief" in fout_op(error, "uren")
    assert not Urenregistratie.objects.exists()


def test_more_than_24_hours_on_one_day_is_refused(lid_met_budget, vandaag):
    log(lid_met_budget, uren=Decimal(20))
    with pytest.raises(ValidationError) as error:
        log(lid_met_budget, uren=Decimal(5))
    assert "meer dan 24 uur op één dag" in fout_op(error, "uren")
    log(lid_met_budget, uren=Decimal(4))
    assert Urenregistratie.objects.count() == 2


def test_the_24_hours_count_across_werkgroepen_of_one_person(plan, coordinator, vandaag):
    from tests.stappen.factories import maak_plan

    gebruiker = werkgroeplid_van(plan.gemeente)
    ander_plan = maak_plan(plan.gemeente, titel="Ander plan")
    eerste = LidFactory(plan=plan, door=coordinator, gebruiker=gebruiker)
    tweede = LidFactory(plan=ander_plan, door=coordinator, gebruiker=gebruiker)
    log(eerste, uren=Decimal(20))
    with pytest.raises(ValidationError):
        log(tweede, uren=Decimal(5))


def test_a_date_in_the_future_or_outside_the_plan_is_refused(lid_met_budget, vandaag):
    with pytest.raises(ValidationError) as error:
        log(lid_met_budget, datum=vandaag + dt.timedelta(days=1))
    assert "toekomst" in fout_op(error, "datum")
    with pytest.raises(ValidationError) as error:
        log(lid_met_budget, datum=dt.date(2022, 5, 31))
    assert "binnen het traject" in fout_op(error, "datum")


def test_a_coordinator_budget_outside_300_400_needs_a_motivation(plan, coordinator):
    lid_ = LidFactory(plan=plan, door=coordinator, trekker=True)
    for uren in (Decimal(299), Decimal(401)):
        with pytest.raises(ValidationError) as error:
            uren_services.urenbudget_set(lid=lid_, door=coordinator, uren=uren)
        assert "300 tot 400 uur" in fout_op(error, "uren")
    assert Urenbudget.objects.get(lid=lid_).uren == Decimal(350)
    uren_services.urenbudget_set(
        lid=lid_, door=coordinator, uren=Decimal(450), motivatie="Regionale afstemming kost meer."
    )
    assert Urenbudget.objects.get(lid=lid_).uren == Decimal(450)


def test_members_log_only_their_own_hours(plan, coordinator, lid_met_budget, vandaag):
    ander = LidFactory(plan=plan, door=coordinator)
    with pytest.raises(GeenToegang):
        log(ander, door=lid_met_budget.gebruiker)
    eigen = log(lid_met_budget)
    with pytest.raises(GeenToegang):
        uren_services.uren_update(
            registratie=eigen,
            door=ander.gebruiker,
            datum=eigen.datum,
            uren=Decimal(1),
            omschrijving="x",
        )
    uren_services.uren_update(
        registratie=eigen,
        door=lid_met_budget.gebruiker,
        datum=eigen.datum,
        uren=Decimal(3),
        omschrijving="Analyse veld 3",
    )
    assert Urenregistratie.objects.get().uren == Decimal(3)


def test_the_coordinator_corrects_any_entry_and_the_history_keeps_it(
    coordinator, lid_met_budget, vandaag
):
    registratie = log(lid_met_budget)
    uren_services.uren_update(
        registratie=registratie,
        door=coordinator,
        datum=registratie.datum,
        uren=Decimal(2),
        omschrijving="Analyse",
        reden="Dubbel geteld met de bijeenkomst",
    )
    pk = registratie.pk
    historie = list(registratie.history.order_by("history_id"))
    assert [h.uren for h in historie] == [Decimal("2.5"), Decimal(2)]
    assert historie[0].history_user == lid_met_budget.gebruiker
    assert historie[1].history_user == coordinator
    assert historie[1].history_change_reason == "Dubbel geteld met de bijeenkomst"
    uren_services.uren_delete(registratie=registratie, door=coordinator, reden="Niet voor het IVP")
    laatste = Urenregistratie.history.filter(id=pk).order_by("-history_id").first()
    assert laatste.history_type == "-"
    assert laatste.history_user == coordinator


def test_a_member_who_lost_the_role_cannot_log(plan, coordinator, lid_met_budget, vandaag):
    lid_met_budget.gebruiker.rollen.all().delete()
    lid_met_budget.gebruiker._ivp_rollen = None
    with pytest.raises(GeenToegang):
        log(lid_met_budget)


def test_a_revoked_feed_token_is_gone(coordinator):
    feed = services.agendafeed_create(gebruiker=coordinator)
    nieuw = services.agendafeed_create(gebruiker=coordinator)
    assert nieuw.token != feed.token
    services.agendafeed_revoke(gebruiker=coordinator)
    assert not coordinator.__class__.objects.filter(agendafeed__isnull=False).exists()


def test_an_agenda_item_takes_a_version_and_a_thread_of_its_own_plan_only(plan, coordinator):
    versie, draad, antwoord = versie_met_draad(plan, coordinator)
    ander = maak_plan(titel="Ander plan")
    andere_versie, andere_draad, _ = versie_met_draad(ander, coordinator_van(ander.gemeente))
    b = BijeenkomstFactory(plan=plan, door=coordinator)
    for kwargs, veld, tekst in [
        ({"versie": andere_versie}, "versie", "ander plan"),
        ({"opmerking": andere_draad}, "opmerking", "ander plan"),
        ({"opmerking": antwoord}, "opmerking", "eerste opmerking van de draad"),
        (
            {"document": plan.documenten.get(soort="prioritering"), "versie": versie},
            "versie",
            "niet van het gekozen document",
        ),
    ]:
        with pytest.raises(ValidationError) as error:
            services.agendapunt_add(bijeenkomst=b, door=coordinator, onderwerp="X", **kwargs)
        assert tekst in fout_op(error, veld)
    assert not b.agendapunten.exists()
    # Without a document, a version or a thread alone is fine; nothing else is filled in.
    punt = services.agendapunt_add(
        bijeenkomst=b, door=coordinator, onderwerp="Reacties", versie=versie, opmerking=draad
    )
    assert (punt.document, punt.versie, punt.opmerking) == (None, versie, draad)
    assert punt.history.get().history_user == coordinator
