"""The invitation to a meeting with its .ics, through the outbox: sent when the meeting is
planned and, as an update with the same UID and a higher SEQUENCE, when it changes; each
version once however often the sweep runs afterwards."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import TestCase
from icalendar import Calendar

from ivp import herinneringen
from ivp.models import Bericht
from tests.werkgroep.factories import BijeenkomstFactory, LidFactory
from werkgroep import services

pytestmark = pytest.mark.django_db


def _ics(bericht):
    (naam, inhoud, soort) = bericht.attachments[0]
    assert (naam, soort) == ("bijeenkomst.ics", "text/calendar; charset=utf-8")
    (event,) = Calendar.from_ical(inhoud).walk("VEVENT")
    return Calendar.from_ical(inhoud), event


def test_planning_and_moving_a_meeting_sends_an_invitation_then_an_update(plan, coordinator):
    lid = LidFactory.create(plan=plan, door=coordinator)
    lid.gebruiker.email = "politie@example.nl"
    lid.gebruiker.save()
    with TestCase.captureOnCommitCallbacks(execute=True):
        bijeenkomst = BijeenkomstFactory.create(plan=plan, door=coordinator)
    (uitnodiging,) = [m for m in mail.outbox if m.to == ["politie@example.nl"]]
    assert uitnodiging.subject.startswith("IVP Regie: Uitnodiging: Werkgroep IVP op 13-09-2022")
    kalender, event = _ics(uitnodiging)
    uid = str(event["uid"])
    assert int(event["sequence"]) == 0
    # The VTIMEZONE stays the one with yearly rules (werkgroep/ical.py), no list of dates.
    (zone,) = kalender.walk("VTIMEZONE")
    assert all("RRULE" in deel for deel in zone.subcomponents)

    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.bijeenkomst_update(
            bijeenkomst=bijeenkomst,
            door=coordinator,
            datum=dt.date(2022, 9, 20),
            begintijd=dt.time(14, 0),
            eindtijd=dt.time(16, 0),
            locatie="Gemeentehuis Steenwijk",
        )
    (wijziging,) = [m for m in mail.outbox if m.to == ["politie@example.nl"]]
    assert wijziging.subject.startswith("IVP Regie: Gewijzigd: Werkgroep IVP op 20-09-2022")
    _, event = _ics(wijziging)
    assert str(event["uid"]) == uid
    assert int(event["sequence"]) == 1
    assert event.decoded("dtstart").date() == dt.date(2022, 9, 20)
    # Sent once per version, whatever runs later.
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        herinneringen.veeg(vandaag=dt.date(2022, 9, 1))
    assert not [m for m in mail.outbox if "Uitnodiging" in m.subject or "Gewijzigd" in m.subject]
    assert (
        Bericht.objects.filter(soort="bijeenkomst_uitnodiging", ontvanger=lid.gebruiker).count()
        == 2
    )
