"""Joint meetings (issue 13): one meeting planned for several gemeenten at once; each
werkgroep gets its own meeting with its own attendance and actiepunten, everyone is invited
once, the limit of 5–6 meetings holds per werkgroep, and a move reaches every part."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from icalendar import Calendar

from ivp.constants import RolSoort
from ivp.exceptions import GeenToegang, Geweigerd
from ivp.models import Bericht, Gebruiker, Rol
from tests.ivp.factories import GemeenteFactory
from tests.stappen.factories import maak_plan
from tests.werkgroep.factories import BijeenkomstFactory, LidFactory
from tests.werkgroep.gezamenlijk import maak_regio, plan_gezamenlijk
from werkgroep import services as werkgroep_services
from werkgroep.constants import Aanwezigheid
from werkgroep.gezamenlijk import services
from werkgroep.gezamenlijk.models import GezamenlijkeBijeenkomst
from werkgroep.models import Agendapunt, Bijeenkomst, Presentie
from werkgroep.uitnodiging import SOORT

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld():
    return maak_regio(4)


def _drie(wereld):
    return [wereld[n].gemeente for n in ("Zwartewaterland", "Staphorst", "Kampen")]


def _uitnodigingen(gebruiker):
    return Bericht.objects.filter(soort=SOORT, ontvanger=gebruiker)


def test_planned_for_three_gemeenten_each_werkgroep_gets_its_own_meeting(wereld):
    gezamenlijk = plan_gezamenlijk(wereld, _drie(wereld))

    delen = list(gezamenlijk.bijeenkomsten.select_related("werkgroep__plan__gemeente"))
    assert sorted(b.werkgroep.plan.gemeente.naam for b in delen) == [
        "Kampen",
        "Staphorst",
        "Zwartewaterland",
    ]
    assert {b.werkgroep.plan_id for b in delen} == {
        wereld[n].plan.pk for n in ("Zwartewaterland", "Staphorst", "Kampen")
    }
    for deel in delen:
        assert (deel.datum, deel.locatie, deel.titel) == (
            dt.date(2022, 9, 27),
            "Stadhuis Kampen",
            "Gezamenlijke werkgroep: ondermijning",
        )
        assert [p.onderwerp for p in deel.agendapunten.order_by("volgorde")] == [
            "Regionale analyse ondermijning",
            "Afspraken met het RIEC",
        ]
    # Steenwijkerland was not chosen: nothing there.
    assert not Bijeenkomst.objects.filter(werkgroep__plan=wereld["Steenwijkerland"].plan).exists()


def test_every_member_is_invited_once_even_when_in_two_werkgroepen(wereld):
    # A police expert who is a member of the werkgroepen of Staphorst and Kampen.
    dubbel = wereld["Staphorst"].lid.gebruiker
    Rol.objects.create(
        gebruiker=dubbel, gemeente=wereld["Kampen"].gemeente, soort=RolSoort.WERKGROEPLID
    )
    dubbel = Gebruiker.objects.get(pk=dubbel.pk)  # its roles as they are now
    LidFactory.create(
        plan=wereld["Kampen"].plan, door=wereld["Kampen"].coordinator, gebruiker=dubbel
    )

    gezamenlijk = plan_gezamenlijk(wereld, _drie(wereld))

    for naam in ("Zwartewaterland", "Staphorst", "Kampen"):
        assert _uitnodigingen(wereld[naam].coordinator).count() == 1
        assert _uitnodigingen(wereld[naam].lid.gebruiker).count() == 1
    (uitnodiging,) = _uitnodigingen(dubbel)
    assert "gezamenlijke bijeenkomst van Kampen, Staphorst, Zwartewaterland." in uitnodiging.tekst
    # Steenwijkerland's werkgroep was not chosen, nor is the regional coordinator a member.
    assert not _uitnodigingen(wereld["Steenwijkerland"].lid.gebruiker).exists()
    assert not _uitnodigingen(wereld.regisseur).exists()
    # Every part carries the joint meeting's calendar id.
    assert gezamenlijk.bijeenkomsten.count() == 3


def test_the_ics_of_each_part_is_the_same_event(wereld, client):
    from werkgroep import ical

    gezamenlijk = plan_gezamenlijk(wereld, _drie(wereld))
    uids = {ical.bijeenkomst_uid(b) for b in gezamenlijk.bijeenkomsten.all()}
    assert uids == {f"gezamenlijk-{gezamenlijk.uid}@ivp-regie"}
    deel = gezamenlijk.bijeenkomsten.get(werkgroep__plan=wereld["Kampen"].plan)
    client.force_login(wereld["Kampen"].lid.gebruiker)
    antwoord = client.get(f"/bijeenkomsten/{deel.pk}/uitnodiging.ics")
    (event,) = Calendar.from_ical(antwoord.content).walk("VEVENT")
    assert str(event["uid"]) == f"gezamenlijk-{gezamenlijk.uid}@ivp-regie"
    assert int(event["sequence"]) == 0


def test_attendance_and_actiepunten_stay_per_werkgroep(wereld):
    gezamenlijk = plan_gezamenlijk(wereld, _drie(wereld))
    kampen = wereld["Kampen"]
    staphorst = wereld["Staphorst"]
    deel_kampen = gezamenlijk.bijeenkomsten.get(werkgroep__plan=kampen.plan)
    deel_staphorst = gezamenlijk.bijeenkomsten.get(werkgroep__plan=staphorst.plan)

    werkgroep_services.presentie_record(
        bijeenkomst=deel_kampen,
        door=kampen.coordinator,
        statussen={kampen.lid.pk: Aanwezigheid.AFGEMELD},
    )
    werkgroep_services.actiepunt_add(
        bijeenkomst=deel_kampen,
        door=kampen.coordinator,
        wat="Casus aanleveren",
        wie=kampen.lid,
        deadline=dt.date(2022, 10, 15),
    )
    assert list(Presentie.objects.values_list("bijeenkomst_id", "lid_id", "status")) == [
        (deel_kampen.pk, kampen.lid.pk, Aanwezigheid.AFGEMELD)
    ]
    assert deel_staphorst.actiepunten.count() == 0
    # Kampen's coordinator records nothing in Staphorst's part, nor for Staphorst's member.
    with pytest.raises(GeenToegang):
        werkgroep_services.presentie_record(
            bijeenkomst=deel_staphorst,
            door=kampen.coordinator,
            statussen={staphorst.lid.pk: Aanwezigheid.AANWEZIG},
        )
    with pytest.raises(ValidationError):
        werkgroep_services.presentie_record(
            bijeenkomst=deel_kampen,
            door=kampen.coordinator,
            statussen={staphorst.lid.pk: Aanwezigheid.AANWEZIG},
        )


def test_a_werkgroep_at_its_limit_refuses_the_whole_meeting_naming_the_gemeente(wereld):
    staphorst = wereld["Staphorst"]
    for dag in range(6):
        BijeenkomstFactory.create(
            plan=staphorst.plan,
            door=staphorst.coordinator,
            datum=dt.date(2022, 9, 1) + dt.timedelta(days=dag),
        )
    werkgroepen_voor = Bijeenkomst.objects.count()

    with pytest.raises(ValidationError) as fout:
        plan_gezamenlijk(wereld, _drie(wereld))

    assert "Staphorst" in str(fout.value.message_dict["gemeenten"])
    assert "Kampen" not in str(fout.value.message_dict["gemeenten"])
    assert GezamenlijkeBijeenkomst.objects.count() == 0
    assert Bijeenkomst.objects.count() == werkgroepen_voor
    assert not Agendapunt.objects.exists()
    assert not Bericht.objects.filter(soort=SOORT, ontvanger=wereld["Kampen"].lid.gebruiker)
    # The joint meeting counts toward each werkgroep's 5–6: with five, one joint meeting fits,
    # and then that werkgroep is full.
    Bijeenkomst.objects.filter(werkgroep__plan=staphorst.plan).last().delete()
    plan_gezamenlijk(wereld, _drie(wereld))
    with pytest.raises(ValidationError, match="Staphorst"):
        plan_gezamenlijk(wereld, _drie(wereld), datum=dt.date(2022, 10, 4))


def test_only_the_regional_coordinator_plans_and_only_member_gemeenten(wereld):
    with pytest.raises(GeenToegang):
        services.gezamenlijk_plan(
            regio=wereld.regio,
            door=wereld["Kampen"].coordinator,
            gemeenten=wereld.gemeenten,
            titel="Eigen initiatief",
            datum=dt.date(2022, 9, 27),
            begintijd=dt.time(14, 0),
            eindtijd=dt.time(16, 0),
            locatie="Kampen",
        )
    buiten = maak_plan(GemeenteFactory.create(naam="Meppel")).gemeente  # not in the regio
    with pytest.raises(ValidationError, match="hoort niet bij"):
        plan_gezamenlijk(wereld, [wereld["Kampen"].gemeente, buiten])
    with pytest.raises(ValidationError, match="ten minste twee"):
        plan_gezamenlijk(wereld, [wereld["Kampen"].gemeente])
    with pytest.raises(ValidationError) as fout:
        plan_gezamenlijk(wereld, _drie(wereld), eindtijd=dt.time(13, 0))
    assert "eindtijd" in fout.value.message_dict
    assert GezamenlijkeBijeenkomst.objects.count() == 0


def test_moving_moves_every_part_and_sends_the_update_with_the_same_uid(wereld):
    gezamenlijk = plan_gezamenlijk(wereld, _drie(wereld))
    lid = wereld["Zwartewaterland"].lid.gebruiker

    services.gezamenlijk_verplaats(
        gezamenlijk=gezamenlijk,
        door=wereld.regisseur,
        titel="",
        datum=dt.date(2022, 10, 4),
        begintijd=dt.time(10, 0),
        eindtijd=dt.time(12, 0),
        locatie="Gemeentehuis Hasselt",
        versie=gezamenlijk.versie,
    )

    for deel in gezamenlijk.bijeenkomsten.all():
        assert (deel.datum, deel.begintijd, deel.locatie, deel.volgnummer_ical) == (
            dt.date(2022, 10, 4),
            dt.time(10, 0),
            "Gemeentehuis Hasselt",
            1,
        )
        assert deel.titel == "Gezamenlijke werkgroep: ondermijning"
    uitnodiging, wijziging = _uitnodigingen(lid).order_by("pk")
    assert wijziging.tekst.startswith(
        "Gewijzigd: Gezamenlijke werkgroep: ondermijning op 04-10-2022"
    )
    eerst, daarna = (_ics_event(b) for b in (uitnodiging, wijziging))
    assert str(eerst["uid"]) == str(daarna["uid"]) == f"gezamenlijk-{gezamenlijk.uid}@ivp-regie"
    assert (int(eerst["sequence"]), int(daarna["sequence"])) == (0, 1)
    # A werkgroep's coordinator does not move its part alone.
    deel = gezamenlijk.bijeenkomsten.get(werkgroep__plan=wereld["Kampen"].plan)
    with pytest.raises(Geweigerd, match="regionale coördinator"):
        werkgroep_services.bijeenkomst_update(
            bijeenkomst=deel,
            door=wereld["Kampen"].coordinator,
            datum=dt.date(2022, 10, 5),
            begintijd=dt.time(10, 0),
            eindtijd=dt.time(12, 0),
            locatie="Kampen",
        )


def test_a_held_meeting_is_not_moved(wereld):
    gezamenlijk = plan_gezamenlijk(wereld, _drie(wereld))
    kampen = wereld["Kampen"]
    deel = gezamenlijk.bijeenkomsten.get(werkgroep__plan=kampen.plan)
    werkgroep_services.bijeenkomst_verslag(
        bijeenkomst=deel, door=kampen.coordinator, notulen="Besproken.", besluiten=""
    )
    with pytest.raises(Geweigerd, match="in Kampen"):
        services.gezamenlijk_verplaats(
            gezamenlijk=gezamenlijk,
            door=wereld.regisseur,
            titel="",
            datum=dt.date(2022, 10, 4),
            begintijd=dt.time(10, 0),
            eindtijd=dt.time(12, 0),
            locatie="Hasselt",
        )
    assert set(gezamenlijk.bijeenkomsten.values_list("datum", flat=True)) == {dt.date(2022, 9, 27)}


def _ics_event(bericht):
    (event,) = Calendar.from_ical(bericht.bijlage).walk("VEVENT")
    return event
