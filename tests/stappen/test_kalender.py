"""The bestuurlijke planning: counting back from the raad meeting in werkdagen (Dutch holidays
skipped), importing the RIS calendar (.ics upload and feed) with clear refusals of bad input,
a moved raad meeting proposing the shifted planning, and the stukken reminders."""

from __future__ import annotations

import datetime as dt
from urllib.error import URLError

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from ivp.constants import RolSoort
from ivp.exceptions import Geweigerd
from ivp.models import Bericht
from ivp.werkdagen import werkdag_op_of_voor, werkdagen_terug
from stappen import services
from stappen.constants import DocumentSoort, StapNummer, VergaderOrgaan
from stappen.models import Raadsplanning, Vergadering, Vergadertermijnen
from stappen.selectors import raadsvergadering_van
from stappen.services import kalender as kalender_services
from stappen.services.raadsplanning import Termijnen, reken_terug
from tests.stappen.factories import maak_plan
from tests.stappen.kalender import event, ics, kalender_rond_hemelvaart, vergadering
from tests.stappen.stappenplan import coordinator_van, document, lid_van, stap
from tests.stappen.test_herinneringen import na_commit, op

pytestmark = pytest.mark.django_db

STANDAARD = Termijnen(college=5, commissie=10, raad=5)


@pytest.fixture
def plan():
    # Step 4 (the IVP) is planned February to June 2027; the prioritering in January 2027.
    return maak_plan(
        traject_start=dt.date(2026, 9, 1),
        periode_start=dt.date(2027, 7, 1),
        titel="Integraal Veiligheidsplan 2027–2031",
    )


@pytest.fixture
def coordinator(plan):
    return coordinator_van(plan.gemeente)


@pytest.fixture
def kalender(plan):
    return kalender_rond_hemelvaart(plan.gemeente)


# Counting back --------------------------------------------------------------------------


def test_werkdagen_back_skip_the_weekend_and_hemelvaart():
    # Thursday 13 May 2027, five werkdagen back: 12, 11, 10, Friday 7, and — Thursday 6 May
    # being Hemelvaart — Wednesday 5 May.
    assert werkdagen_terug(dt.date(2027, 5, 13), 5) == dt.date(2027, 5, 5)
    # Ten back from Wednesday 5 May passes Koningsdag (Tuesday 27 April): Tuesday 20 April.
    assert werkdagen_terug(dt.date(2027, 5, 5), 10) == dt.date(2027, 4, 20)


def test_a_deadline_on_a_weekend_or_holiday_moves_to_the_werkdag_before():
    assert werkdag_op_of_voor(dt.date(2027, 5, 8)) == dt.date(2027, 5, 7)  # Saturday → Friday
    assert werkdag_op_of_voor(dt.date(2027, 4, 27)) == dt.date(2027, 4, 26)  # Koningsdag
    # Easter Monday, Sunday, Saturday and Goede Vrijdag: Thursday 25 March.
    assert werkdag_op_of_voor(dt.date(2027, 3, 29)) == dt.date(2027, 3, 25)
    assert werkdag_op_of_voor(dt.date(2027, 5, 12)) == dt.date(2027, 5, 12)


def test_a_raad_on_the_thursday_after_hemelvaart_gives_commissie_college_and_stukken(
    plan, kalender
):
    voorstel = services.voorstel_voor(stap=stap(plan, 4), raad=kalender["raad"])
    # The commissie at least 5 werkdagen before the raad: on or before 5 May (Hemelvaart
    # skipped; counted in weekdays alone it would be 6 May) — the Politieke Markt of 5 May,
    # not the one of 10 May.
    assert voorstel.commissie == kalender["commissie"]
    # The college at least 10 werkdagen before 5 May: on or before 20 April (Koningsdag
    # skipped; otherwise 21 April, and the college of 21 April would be chosen).
    assert voorstel.college == kalender["college"]
    assert voorstel.college.datum == dt.date(2027, 4, 13)
    # The stukken 5 werkdagen before Tuesday 13 April: Tuesday 6 April.
    assert voorstel.stukken == dt.date(2027, 4, 6)
    # The IVP's deadline becomes the raad meeting; the prioritering (January) still fits.
    assert voorstel.deadlines == {4: (dt.date(2027, 6, 30), dt.date(2027, 5, 13))}


def test_an_earlier_step_due_after_the_stukken_moves_to_the_werkdag_before_them(plan, kalender):
    # Stukken ready Tuesday 30 March (college 6 April): the prioritering, due 30 April, must be
    # done the werkdag before — not Easter Monday, not Goede Vrijdag: Thursday 25 March.
    prioritering = stap(plan, 3)
    prioritering.gepland_eind = dt.date(2027, 4, 30)
    commissie = vergadering(plan.gemeente, VergaderOrgaan.COMMISSIE, dt.date(2027, 4, 20))
    raad = vergadering(plan.gemeente, VergaderOrgaan.RAAD, dt.date(2027, 4, 29))
    alle = [*kalender.values(), commissie]
    voorstel = reken_terug(
        stap=stap(plan, 4),
        raad=raad,
        vergaderingen=[v for v in alle if v.datum < raad.datum],
        termijnen=STANDAARD,
        stappen=[prioritering, stap(plan, 4)],
    )
    assert (voorstel.commissie, voorstel.college) == (commissie, kalender["college_vroeg"])
    assert voorstel.stukken == dt.date(2027, 3, 30)
    assert voorstel.deadlines[3] == (dt.date(2027, 4, 30), dt.date(2027, 3, 25))


def test_without_a_commissie_in_the_calendar_the_proposal_says_what_is_missing(plan):
    raad = vergadering(plan.gemeente, VergaderOrgaan.RAAD, dt.date(2027, 5, 13))
    with pytest.raises(Geweigerd, match="geen commissievergadering op of vóór 05-05-2027"):
        services.voorstel_voor(stap=stap(plan, 4), raad=raad)


def test_accepting_sets_the_deadlines_and_refuses_a_weekend_or_a_missed_meeting(
    plan, coordinator, kalender
):
    ivp = stap(plan, 4)
    with pytest.raises(ValidationError) as fout:
        services.raadsplanning_accepteer(
            stap=ivp,
            raad=kalender["raad"],
            door=coordinator,
            stukken_datum=dt.date(2027, 4, 10),  # a Saturday
            deadlines={4: dt.date(2027, 5, 20)},  # after the raad
        )
    assert (
        "10-04-2027 is geen werkdag (weekend of feestdag); kies bijvoorbeeld 09-04-2027."
        in (fout.value.message_dict["stukken_datum"])
    )
    assert "haalt stap 4 de Raad van 13-05-2027 niet" in fout.value.message_dict["deadline_4"][0]
    assert not Raadsplanning.objects.exists()
    planning = services.raadsplanning_accepteer(
        stap=ivp,
        raad=kalender["raad"],
        door=coordinator,
        stukken_datum=dt.date(2027, 4, 2),  # a few days earlier than proposed
        deadlines={4: dt.date(2027, 5, 13)},
    )
    ivp.refresh_from_db()
    assert ivp.gepland_eind == dt.date(2027, 5, 13)
    assert (planning.college_datum, planning.commissie_datum) == (
        dt.date(2027, 4, 13),
        dt.date(2027, 5, 5),
    )
    assert planning.stukken_datum == dt.date(2027, 4, 2)
    assert not planning.is_verschoven


def test_only_the_coordinator_accepts(plan, kalender):
    lid = lid_van(plan.gemeente)
    with pytest.raises(Geweigerd):
        services.raadsplanning_accepteer(
            stap=stap(plan, 4),
            raad=kalender["raad"],
            door=lid,
            stukken_datum=dt.date(2027, 4, 6),
            deadlines={},
        )


# Importing the RIS calendar ---------------------------------------------------------------

RIS = ics(
    event("raad-1@ibabs", "Gemeenteraad", "20270513T193000"),
    event("pm-1@ibabs", "Politieke Markt", "20270505T190000"),
    # Written in UTC: 17:00Z is 19:00 in Amsterdam in summer.
    event("pm-2@ibabs", "Politieke Markt", "20270407T170000Z"),
    event("bw-1@ibabs", "Collegevergadering B&W", "20270413"),
    event("x-1@ibabs", "Rondleiding gemeentehuis", "20270414"),
)


def test_an_ics_file_is_imported_by_uid_and_a_reimport_moves_the_meeting(plan, coordinator):
    resultaat = services.vergaderingen_importeer(
        gemeente=plan.gemeente, door=coordinator, inhoud=RIS
    )
    assert (resultaat.nieuw, resultaat.onbekend_orgaan) == (4, 1)
    raad = Vergadering.objects.get(uid="raad-1@ibabs")
    assert (raad.orgaan, raad.datum, raad.begintijd) == (
        VergaderOrgaan.RAAD,
        dt.date(2027, 5, 13),
        dt.time(19, 30),
    )
    assert Vergadering.objects.get(uid="pm-2@ibabs").begintijd == dt.time(19, 0)
    assert Vergadering.objects.get(uid="bw-1@ibabs").orgaan == VergaderOrgaan.COLLEGE
    verplaatst = RIS.replace(b"20270513T193000", b"20270520T193000")
    opnieuw = services.vergaderingen_importeer(
        gemeente=plan.gemeente, door=coordinator, inhoud=verplaatst
    )
    assert (opnieuw.nieuw, opnieuw.verplaatst, opnieuw.ongewijzigd) == (0, 1, 3)
    raad.refresh_from_db()
    assert raad.datum == dt.date(2027, 5, 20)
    assert Vergadering.objects.filter(gemeente=plan.gemeente).count() == 4


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (ics(), "bevat geen vergaderingen"),
        (b"Dit is een Word-document", "geen leesbaar iCalendar-bestand"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Raad\r\n", "geen leesbaar iCalendar"),
        (
            ics("UID:a\nSUMMARY:Gemeenteraad", "UID:b\nSUMMARY:Raad\nDTSTART:2027zz"),
            "Geen van de 2 afspraken in dit bestand heeft een datum",
        ),
    ],
    ids=["geen-events", "kapot", "afgebroken", "zonder-datum"],
)
def test_bad_ics_input_is_refused_in_dutch_and_the_calendar_stays(
    plan, coordinator, kalender, inhoud, melding
):
    voor = list(Vergadering.objects.order_by("pk").values_list("pk", "datum", "orgaan"))
    with pytest.raises(ValidationError) as fout:
        services.vergaderingen_importeer(gemeente=plan.gemeente, door=coordinator, inhoud=inhoud)
    assert melding in fout.value.message_dict["bestand"][0]
    assert list(Vergadering.objects.order_by("pk").values_list("pk", "datum", "orgaan")) == voor


def test_a_feed_that_does_not_answer_is_refused_recorded_and_changes_nothing(
    plan, coordinator, kalender, monkeypatch
):
    def geen_antwoord(url):
        raise URLError("timed out")

    monkeypatch.setattr(kalender_services, "haal_feed", geen_antwoord)
    services.feed_bewaar(
        gemeente=plan.gemeente,
        door=coordinator,
        feed_url="https://ris.example.nl/agenda.ics",
        feed_orgaan="",
    )
    aantal = Vergadering.objects.count()
    with pytest.raises(ValidationError) as fout:
        services.feed_ververs(gemeente=plan.gemeente, door=coordinator)
    assert fout.value.message_dict["feed_url"][0].startswith(
        "De agenda op https://ris.example.nl/agenda.ics antwoordt niet (timed out)."
    )
    assert Vergadering.objects.count() == aantal
    plan.gemeente.vergadertermijnen.refresh_from_db()
    assert "antwoordt niet" in plan.gemeente.vergadertermijnen.feed_fout


def test_the_nightly_task_imports_the_feed_and_a_moved_raad_proposes_the_shifted_planning(
    plan, coordinator, monkeypatch, client
):
    from stappen.tasks import vergaderfeeds_verversen

    feed = {"inhoud": RIS}
    monkeypatch.setattr(kalender_services, "haal_feed", lambda url: feed["inhoud"])
    services.feed_bewaar(
        gemeente=plan.gemeente,
        door=coordinator,
        feed_url="https://ris.example.nl/agenda.ics",
        feed_orgaan="",
    )
    assert vergaderfeeds_verversen() == 1
    raad = Vergadering.objects.get(uid="raad-1@ibabs")
    voorstel = services.voorstel_voor(stap=stap(plan, 4), raad=raad)
    services.raadsplanning_accepteer(
        stap=stap(plan, 4),
        raad=raad,
        door=coordinator,
        stukken_datum=voorstel.stukken,
        deadlines={4: raad.datum},
    )
    # The raad moves a week (re-import at night): the plan page says so and links to the
    # proposal counted from the new date.
    feed["inhoud"] = RIS.replace(b"20270513T193000", b"20270520T193000")
    vergaderfeeds_verversen()
    client.force_login(coordinator)
    pagina = client.get(reverse("stappen:plan", kwargs={"plan_id": plan.pk})).content.decode()
    assert "Een vergadering van deze planning is verplaatst (raad nu 20-05-2027" in pagina
    assert "Verschoven planning van stap 4 bekijken" in pagina
    antwoord = client.get(
        reverse("stappen:raadsplanning", kwargs={"plan_id": plan.pk, "nummer": 4}),
        {"raad": raad.pk},
    )
    assert antwoord.status_code == 200
    voorstel = antwoord.content.decode()
    assert "Raad: <strong>donderdag 20-05-2027</strong>" in voorstel
    assert 'value="20-05-2027"' in voorstel  # the IVP's deadline, proposed anew


def test_a_deadline_after_the_raad_shows_which_meeting_it_misses(plan, coordinator, kalender):
    services.raadsplanning_accepteer(
        stap=stap(plan, 4),
        raad=kalender["raad"],
        door=coordinator,
        stukken_datum=dt.date(2027, 4, 6),
        deadlines={4: dt.date(2027, 5, 13)},
    )
    services.stap_plan(
        stap=stap(plan, 4),
        door=coordinator,
        gepland_start=dt.date(2027, 2, 1),
        gepland_eind=dt.date(2027, 6, 1),
    )
    from stappen.selectors.kalender import bestuurlijke_planning

    plan.refresh_from_db()
    (prioritering, ivp) = bestuurlijke_planning(plan, {s.nummer: s for s in plan.stappen.all()})
    assert prioritering.planning is None
    assert ivp.waarschuwingen == [
        "De deadline van stap 4 (01-06-2027) ligt na de Raad van 13-05-2027: zo haalt de stap "
        "die raadsvergadering niet."
    ]


def test_a_meeting_a_planning_rests_on_cannot_be_deleted(plan, coordinator, kalender):
    services.raadsplanning_accepteer(
        stap=stap(plan, 4),
        raad=kalender["raad"],
        door=coordinator,
        stukken_datum=dt.date(2027, 4, 6),
        deadlines={},
    )
    with pytest.raises(Geweigerd, match="gekozen in de planning van een plan"):
        services.vergadering_verwijder(vergadering=kalender["college"], door=coordinator)
    services.vergadering_verwijder(vergadering=kalender["college_laat"], door=coordinator)
    assert not Vergadering.objects.filter(pk=kalender["college_laat"].pk).exists()


def test_the_griffie_selector_names_the_raad_meeting_planned_then_decided(
    plan, coordinator, kalender
):
    ivp = document(plan, DocumentSoort.IVP)
    assert raadsvergadering_van(ivp) is None
    services.raadsplanning_accepteer(
        stap=stap(plan, StapNummer.OPSTELLEN_IVP),
        raad=kalender["raad"],
        door=coordinator,
        stukken_datum=dt.date(2027, 4, 6),
        deadlines={},
    )
    assert raadsvergadering_van(ivp) == kalender["raad"]


# Stukken reminders -----------------------------------------------------------------------


def test_stukken_reminders_at_14_7_1_werkdagen_and_overdue_each_once(plan, coordinator, kalender):
    from ivp import herinneringen

    coordinator.email = "oov@example.nl"
    coordinator.save()
    bestuurder = lid_van(plan.gemeente, RolSoort.BESTUURDER, email="bm@example.nl")
    services.raadsplanning_accepteer(
        stap=stap(plan, 4),
        raad=kalender["raad"],
        door=coordinator,
        stukken_datum=dt.date(2027, 4, 6),
        deadlines={},
    )

    def veeg(dag):
        with op(dag), na_commit():
            herinneringen.veeg(vandaag=dag)
            herinneringen.veeg(vandaag=dag)  # twice: nothing new

    def stukken():
        return sorted(
            Bericht.objects.filter(soort__startswith="stukken").values_list("sleutel", flat=True)
        )

    veeg(dt.date(2027, 3, 10))  # 18 werkdagen before (Easter in between): nothing yet
    assert stukken() == []
    veeg(dt.date(2027, 3, 16))  # 14 werkdagen: 17–19, 22–26, 30, 31, 1, 2, 5, 6 April
    veeg(dt.date(2027, 3, 26))  # Goede Vrijdag; 6 werkdagen left: the 7-day notice
    veeg(dt.date(2027, 4, 5))  # 1 werkdag left
    veeg(dt.date(2027, 4, 7))  # overdue: also the bestuurder
    sleutels = stukken()
    planning = Raadsplanning.objects.get().pk
    onderwerp = f"stappen.raadsplanning:{planning}|2027-04-06"
    assert sleutels == sorted(
        [
            f"stukken_deadline|{onderwerp}:14-werkdagen|{coordinator.pk}",
            f"stukken_deadline|{onderwerp}:7-werkdagen|{coordinator.pk}",
            f"stukken_deadline|{onderwerp}:1-werkdagen|{coordinator.pk}",
            f"stukken_te_laat|{onderwerp}:te-laat|{coordinator.pk}",
            f"stukken_te_laat|{onderwerp}:te-laat|{bestuurder.pk}",
        ]
    )
    # The bestuurder hears of it once it is late, and only then.
    (te_laat,) = [
        m for m in mail.outbox if m.to == ["bm@example.nl"] and "stukken" in str(m.subject)
    ]
    assert (
        "moesten op 06-04-2027 klaar zijn voor de collegevergadering van 13-04-2027 "
        "(raad 13-05-2027)." in te_laat.body
    )


def test_no_stukken_reminder_once_the_document_is_offered(plan, coordinator, kalender):
    from ivp import herinneringen

    services.raadsplanning_accepteer(
        stap=stap(plan, 4),
        raad=kalender["raad"],
        door=coordinator,
        stukken_datum=dt.date(2027, 4, 6),
        deadlines={},
    )
    ivp = document(plan, DocumentSoort.IVP)
    type(ivp).objects.filter(pk=ivp.pk).update(status="ter_besluitvorming")
    with op(dt.date(2027, 4, 7)), na_commit():
        herinneringen.veeg(vandaag=dt.date(2027, 4, 7))
    assert not Bericht.objects.filter(soort__startswith="stukken").exists()


# A feed address cannot make the server read its own network --------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/agenda.ics",
        "http://localhost/agenda.ics",
        "http://169.254.169.254/latest/meta-data/",
        "https://10.1.2.3/ris.ics",
        "http://[::1]/agenda.ics",
        "file:///etc/passwd",
    ],
)
def test_an_internal_feed_address_is_refused_on_the_field(plan, coordinator, url):
    with pytest.raises(ValidationError) as fout:
        services.feed_bewaar(gemeente=plan.gemeente, door=coordinator, feed_url=url, feed_orgaan="")
    assert fout.value.message_dict["feed_url"][0].startswith("Dit adres kan niet:")
    assert not Vergadertermijnen.objects.filter(feed_url=url).exists()


def test_a_name_that_resolves_to_an_internal_address_is_not_fetched(monkeypatch):
    monkeypatch.setattr(
        kalender_services.socket,
        "getaddrinfo",
        lambda host, port: [(None, None, None, "", ("192.168.1.20", 80))],
    )
    with pytest.raises(ValueError, match="intern adres"):
        kalender_services.haal_feed("https://ris.example.nl/agenda.ics")


def test_a_redirect_to_an_internal_address_is_not_followed():
    handler = kalender_services._AlleenOpenbaar()
    verzoek = kalender_services.urllib.request.Request("https://ris.example.nl/agenda.ics")
    with pytest.raises(ValueError, match="intern adres"):
        handler.redirect_request(verzoek, None, 302, "Found", {}, "http://127.0.0.1/geheim")


def test_an_internal_address_is_allowed_when_the_server_is_configured_for_it(
    plan, coordinator, settings
):
    settings.IVP_VERGADERFEED_INTERN = True
    services.feed_bewaar(
        gemeente=plan.gemeente,
        door=coordinator,
        feed_url="http://ris.gemeente.local/agenda.ics",
        feed_orgaan="",
    )
    kalender_services.vereis_openbaar_adres("http://10.0.0.5/agenda.ics")
