"""Calling off a meeting (`services.bijeenkomst_afzeggen`): who may, which meeting, what it
records and announces, and what a called-off meeting no longer does (count towards the 5–6,
get reminders, take changes); its calendar event as STATUS:CANCELLED with a higher SEQUENCE."""

from __future__ import annotations

import datetime as dt
import smtplib
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends.locmem import EmailBackend
from django.test import TestCase
from icalendar import Calendar

from ivp import herinneringen
from ivp.berichten import VERSTUUR_TAAK
from ivp.celery import app as celery_app
from ivp.exceptions import GeenToegang, Geweigerd
from ivp.models import Bericht, BerichtStatus
from tests.ivp.factories import GemeenteFactory
from tests.stappen.stappenplan import coordinator_van
from tests.werkgroep.factories import BijeenkomstFactory, LidFactory
from tests.werkgroep.gezamenlijk import maak_regio, plan_gezamenlijk
from werkgroep import ical, selectors, services
from werkgroep.constants import Aanwezigheid
from werkgroep.models import Bijeenkomst

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
VOLGENDE_WEEK = dt.date(2022, 10, 27)  # the `vandaag` fixture is 20-10-2022
REDEN = "De helft van de werkgroep zit bij de crisisoefening."


@pytest.fixture
def lid(plan, coordinator):
    lid = LidFactory.create(plan=plan, door=coordinator)
    lid.gebruiker.email = "politie@example.nl"
    lid.gebruiker.save()
    return lid


@pytest.fixture
def komend(plan, coordinator, vandaag, lid):
    return BijeenkomstFactory.create(plan=plan, door=coordinator, datum=VOLGENDE_WEEK)


def _ics(bericht):
    (naam, inhoud, _) = bericht.attachments[0]
    assert naam == "bijeenkomst.ics"
    (event,) = Calendar.from_ical(inhoud).walk("VEVENT")
    return event


def test_calling_off_records_when_and_why_raises_the_sequence_and_keeps_history(
    komend, coordinator
):
    assert komend.volgnummer_ical == 0
    services.bijeenkomst_afzeggen(bijeenkomst=komend, door=coordinator, reden=f"  {REDEN} ")
    komend.refresh_from_db()
    assert komend.afgezegd_op is not None
    assert komend.afgezegd_op.astimezone(AMS).date() == dt.date(2022, 10, 20)
    assert komend.reden_afzegging == REDEN
    assert komend.volgnummer_ical == 1
    laatste = komend.history.order_by("-history_id").first()
    assert laatste.afgezegd_op == komend.afgezegd_op
    assert laatste.reden_afzegging == REDEN
    assert laatste.history_user == coordinator
    assert laatste.history_change_reason == "afgezegd"
    # Kept as a meeting of the werkgroep: it is history, not deleted.
    assert Bijeenkomst.objects.filter(pk=komend.pk).exists()


def test_the_members_get_the_notice_after_the_commit_only(
    komend, coordinator, lid, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.bijeenkomst_afzeggen(bijeenkomst=komend, door=coordinator, reden=REDEN)
        assert mail.outbox == []  # nothing inside the transaction
    assert callbacks  # the mail is queued on commit
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    (bericht,) = [m for m in mail.outbox if m.to == ["politie@example.nl"]]
    assert bericht.subject.startswith("IVP Regie: Afgezegd: Werkgroep IVP op 27-10-2022")
    assert REDEN in bericht.body
    event = _ics(bericht)
    assert str(event["status"]) == "CANCELLED"
    assert int(event["sequence"]) == 1
    assert str(event["uid"]) == f"bijeenkomst-{komend.uid}@ivp-regie"
    # The same kind of notice as the invitation (a person's choice for it holds for this too):
    # the invitation and the notice, one each.
    assert (
        Bericht.objects.filter(soort="bijeenkomst_uitnodiging", ontvanger=lid.gebruiker).count()
        == 2
    )


def test_a_mail_server_that_is_down_or_a_broker_that_does_not_answer_costs_no_error(
    komend, coordinator, lid
):
    """The meeting is called off however the mail fares; the mail waits in the outbox."""
    with (
        mock.patch.object(
            EmailBackend, "send_messages", side_effect=smtplib.SMTPServerDisconnected("weg")
        ),
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        services.bijeenkomst_afzeggen(bijeenkomst=komend, door=coordinator, reden=REDEN)
    komend.refresh_from_db()
    assert komend.afgezegd_op is not None
    bericht = Bericht.objects.filter(ontvanger=lid.gebruiker, tekst__contains=REDEN).get()
    assert bericht.status == BerichtStatus.WACHT
    assert "SMTPServerDisconnected" in bericht.laatste_fout

    tweede = BijeenkomstFactory.create(
        plan=komend.werkgroep.plan, door=coordinator, datum=VOLGENDE_WEEK
    )
    taak = celery_app.tasks[VERSTUUR_TAAK]
    with (
        mock.patch.object(taak, "delay", side_effect=ConnectionError("broker weg")),
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        services.bijeenkomst_afzeggen(bijeenkomst=tweede, door=coordinator, reden=REDEN)
    tweede.refresh_from_db()
    assert tweede.afgezegd_op is not None


def test_a_reason_is_required(komend, coordinator):
    for reden in ("", "   \n "):
        with pytest.raises(ValidationError) as fout:
            services.bijeenkomst_afzeggen(bijeenkomst=komend, door=coordinator, reden=reden)
        assert fout.value.message_dict == {
            "reden": ["Geef de reden waarom de bijeenkomst niet doorgaat."]
        }
    komend.refresh_from_db()
    assert komend.afgezegd_op is None
    assert komend.volgnummer_ical == 0


def test_calling_off_twice_is_refused(komend, coordinator):
    services.bijeenkomst_afzeggen(bijeenkomst=komend, door=coordinator, reden=REDEN)
    with pytest.raises(ValidationError, match="al afgezegd op 20-10-2022"):
        services.bijeenkomst_afzeggen(bijeenkomst=komend, door=coordinator, reden="Nog eens")
    # Also with a copy read before the first one (a second tab): the row is read again.
    oud = Bijeenkomst.objects.get(pk=komend.pk)
    oud.afgezegd_op = None
    with pytest.raises(ValidationError, match="al afgezegd"):
        services.bijeenkomst_afzeggen(bijeenkomst=oud, door=coordinator, reden="Nog eens")
    komend.refresh_from_db()
    assert (komend.reden_afzegging, komend.volgnummer_ical) == (REDEN, 1)


def test_a_meeting_that_took_place_cannot_be_called_off(plan, coordinator, vandaag, lid):
    geweest = BijeenkomstFactory.create(plan=plan, door=coordinator, datum=dt.date(2022, 10, 19))
    with pytest.raises(ValidationError, match="al geweest"):
        services.bijeenkomst_afzeggen(bijeenkomst=geweest, door=coordinator, reden=REDEN)
    met_notulen = BijeenkomstFactory.create(
        plan=plan, door=coordinator, datum=VOLGENDE_WEEK, notulen="Vooraf besproken."
    )
    with pytest.raises(ValidationError, match="notulen, besluiten of de aanwezigheid"):
        services.bijeenkomst_afzeggen(bijeenkomst=met_notulen, door=coordinator, reden=REDEN)
    vandaag_gehouden = BijeenkomstFactory.create(plan=plan, door=coordinator, datum=vandaag)
    services.presentie_record(
        bijeenkomst=vandaag_gehouden, door=coordinator, statussen={lid.pk: Aanwezigheid.AANWEZIG}
    )
    with pytest.raises(ValidationError, match="notulen, besluiten of de aanwezigheid"):
        services.bijeenkomst_afzeggen(bijeenkomst=vandaag_gehouden, door=coordinator, reden=REDEN)
    # Today's meeting with nothing recorded yet can still be called off.
    vandaag_niet = BijeenkomstFactory.create(plan=plan, door=coordinator, datum=vandaag)
    services.bijeenkomst_afzeggen(bijeenkomst=vandaag_niet, door=coordinator, reden=REDEN)
    assert Bijeenkomst.objects.filter(afgezegd_op__isnull=False).count() == 1


def test_only_the_coordinator_of_the_gemeente_calls_off(komend, lid):
    buur = coordinator_van(GemeenteFactory(naam="Zwartewaterland"))
    for wie in (buur, lid.gebruiker):
        with pytest.raises(GeenToegang):
            services.bijeenkomst_afzeggen(bijeenkomst=komend, door=wie, reden=REDEN)
    komend.refresh_from_db()
    assert komend.afgezegd_op is None


def test_a_called_off_meeting_takes_no_changes(komend, coordinator, lid, vandaag):
    services.bijeenkomst_afzeggen(bijeenkomst=komend, door=coordinator, reden=REDEN)
    pogingen = {
        "bijeenkomst_update": lambda: services.bijeenkomst_update(
            bijeenkomst=komend,
            door=coordinator,
            datum=dt.date(2022, 11, 3),
            begintijd=dt.time(14, 0),
            eindtijd=dt.time(16, 0),
            locatie="Elders",
        ),
        "bijeenkomst_verslag": lambda: services.bijeenkomst_verslag(
            bijeenkomst=komend, door=coordinator, notulen="Toch", besluiten=""
        ),
        "agendapunt_add": lambda: services.agendapunt_add(
            bijeenkomst=komend, door=coordinator, onderwerp="Rondvraag"
        ),
        "actiepunt_add": lambda: services.actiepunt_add(
            bijeenkomst=komend, door=coordinator, wat="Iets", wie=lid, deadline=VOLGENDE_WEEK
        ),
    }
    for naam, poging in pogingen.items():
        with pytest.raises(ValidationError, match="afgezegd op 20-10-2022") as fout:
            poging()
        assert "u kunt haar niet meer wijzigen" in str(fout.value), naam
    with (
        time_machine.travel(dt.datetime(2022, 10, 27, 17, tzinfo=AMS), tick=False),
        pytest.raises(ValidationError, match="afgezegd"),
    ):
        services.presentie_record(
            bijeenkomst=komend, door=coordinator, statussen={lid.pk: Aanwezigheid.AANWEZIG}
        )
    komend.refresh_from_db()
    assert (komend.datum, komend.notulen, komend.volgnummer_ical) == (VOLGENDE_WEEK, "", 1)
    assert not komend.agendapunten.exists() and not komend.actiepunten.exists()
    assert not komend.presenties.exists()


def test_a_joint_meeting_s_part_is_not_called_off_locally(vandaag):
    wereld = maak_regio(2)
    gezamenlijk = plan_gezamenlijk(wereld, datum=VOLGENDE_WEEK)
    deelnemer = wereld["Steenwijkerland"]
    deel = gezamenlijk.bijeenkomsten.get(werkgroep__plan=deelnemer.plan)
    with pytest.raises(Geweigerd, match="regionale coördinator"):
        services.bijeenkomst_afzeggen(bijeenkomst=deel, door=deelnemer.coordinator, reden=REDEN)
    assert "regionale coördinator die haar organiseert" in selectors.niet_afzegbaar(deel)
    deel.refresh_from_db()
    assert deel.afgezegd_op is None


# The 5–6 meetings ---------------------------------------------------------------------------


def _plan(plan, coordinator, datum, motivatie=""):
    return services.bijeenkomst_plan(
        plan=plan,
        door=coordinator,
        datum=datum,
        begintijd=dt.time(14, 0),
        eindtijd=dt.time(16, 0),
        locatie="Gemeentehuis",
        motivatie=motivatie,
    )


def test_a_called_off_meeting_does_not_count_for_the_seventh_s_motivation(
    plan, coordinator, vandaag
):
    zes = [_plan(plan, coordinator, VOLGENDE_WEEK + dt.timedelta(weeks=n)) for n in range(6)]
    with pytest.raises(ValidationError, match="een 7e keer"):
        _plan(plan, coordinator, dt.date(2023, 6, 1))
    services.bijeenkomst_afzeggen(bijeenkomst=zes[2], door=coordinator, reden=REDEN)
    zevende = _plan(plan, coordinator, dt.date(2023, 6, 1))  # the sixth that counts
    assert zevende.motivatie == ""
    with pytest.raises(ValidationError, match="een 7e keer"):
        _plan(plan, coordinator, dt.date(2023, 6, 8))


def test_a_joint_meeting_counts_only_the_meetings_that_go_on(vandaag):
    wereld = maak_regio(2)
    deelnemer = wereld["Steenwijkerland"]
    zes = [
        _plan(deelnemer.plan, deelnemer.coordinator, VOLGENDE_WEEK + dt.timedelta(weeks=n))
        for n in range(6)
    ]
    with pytest.raises(ValidationError, match="Steenwijkerland heeft al 6 bijeenkomsten"):
        plan_gezamenlijk(wereld, datum=dt.date(2023, 6, 1))
    services.bijeenkomst_afzeggen(bijeenkomst=zes[0], door=deelnemer.coordinator, reden=REDEN)
    gezamenlijk = plan_gezamenlijk(wereld, datum=dt.date(2023, 6, 1))
    assert gezamenlijk.bijeenkomsten.count() == 2


# Reminders ----------------------------------------------------------------------------------


def _veeg(dag: dt.date) -> None:
    moment = dt.datetime.combine(dag, dt.time(7), tzinfo=AMS)
    with time_machine.travel(moment, tick=False), TestCase.captureOnCommitCallbacks(execute=True):
        herinneringen.veeg(vandaag=dag)


def test_a_called_off_meeting_gets_no_reminders(plan, coordinator, lid, vandaag):
    coordinator.email = "oov@example.nl"
    coordinator.save()
    doorgaand = BijeenkomstFactory.create(
        plan=plan, door=coordinator, datum=dt.date(2022, 10, 21), titel="Doorgaand"
    )
    afgezegd = BijeenkomstFactory.create(
        plan=plan, door=coordinator, datum=dt.date(2022, 10, 21), titel="Vervallen", afgezegd=True
    )
    assert afgezegd.afgezegd_op is not None and doorgaand.afgezegd_op is None
    mail.outbox.clear()
    _veeg(dt.date(2022, 10, 20))  # a day before: the agenda
    _veeg(dt.date(2022, 10, 23))  # after: the notulen are missing
    onderwerpen = [m.subject for m in mail.outbox]
    assert any("Doorgaand op 21-10-2022 om 14:00" in s for s in onderwerpen), onderwerpen
    assert any("De notulen van Doorgaand" in s for s in onderwerpen), onderwerpen
    assert not any("Vervallen op 21-10-2022 om" in s for s in onderwerpen), onderwerpen
    assert not any("De notulen van Vervallen" in s for s in onderwerpen), onderwerpen
    assert not Bericht.objects.filter(
        soort__in=["bijeenkomst_vooraf", "notulen"], tekst__contains="Vervallen"
    ).exists()


# The calendar -------------------------------------------------------------------------------


def _event(inhoud: bytes, uid: str) -> bytes:
    begin = inhoud.index(f"UID:{uid}".encode())
    return inhoud[begin : inhoud.index(b"END:VEVENT", begin)]


def test_the_feed_and_the_meeting_file_give_the_called_off_meeting_as_cancelled(
    plan, coordinator, lid, vandaag
):
    doorgaand = BijeenkomstFactory.create(plan=plan, door=coordinator, datum=VOLGENDE_WEEK)
    afgezegd = BijeenkomstFactory.create(plan=plan, door=coordinator, datum=VOLGENDE_WEEK)
    voor = ical.feed_ics("IVP", selectors.bijeenkomsten_voor(lid.gebruiker), [])
    services.bijeenkomst_afzeggen(bijeenkomst=afgezegd, door=coordinator, reden=REDEN)
    na = ical.feed_ics("IVP", selectors.bijeenkomsten_voor(lid.gebruiker), [])
    uid_door = f"bijeenkomst-{doorgaand.uid}@ivp-regie"
    uid_af = f"bijeenkomst-{afgezegd.uid}@ivp-regie"
    # Still in the feed (a calendar that subscribed removes it or shows it cancelled) …
    event = _event(na, uid_af)
    assert b"\r\nSEQUENCE:1\r\n" in event
    assert b"\r\nSTATUS:CANCELLED\r\n" in event
    assert b"STATUS:CANCELLED" not in _event(voor, uid_af)
    # … and the meeting that goes on is written to the same bytes as before.
    assert _event(na, uid_door) == _event(voor, uid_door)
    assert b"STATUS" not in _event(na, uid_door)
    afgezegd.refresh_from_db()
    bestand = ical.bijeenkomst_ics(afgezegd, "https://ivp.example.nl/x")
    (vevent,) = Calendar.from_ical(bestand).walk("VEVENT")
    assert (str(vevent["status"]), int(vevent["sequence"])) == ("CANCELLED", 1)
