"""iCalendar for meetings and the personal feed.

Each event has a UID that never changes (a meeting's `uid`, a step's primary key), and a
SEQUENCE that goes up when a meeting changes, so a calendar replaces the event on an update
instead of adding a second one. Times are written in Europe/Amsterdam with the VTIMEZONE.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, Timezone

from stappen.models import Stap
from werkgroep.models import Bijeenkomst

PRODID = "-//IVP Regie//Werkgroep//NL"
DOMEIN = "ivp-regie"


@lru_cache(maxsize=4)
def _tijdzone(tzid: str) -> Timezone:
    """The VTIMEZONE, built once per process (building all transitions since 1970 is slow)."""
    return Timezone.from_tzid(tzid, first_date=dt.date(2000, 1, 1), last_date=dt.date(2040, 1, 1))


def _kalender(naam: str) -> Calendar:
    kalender = Calendar()
    kalender.add("prodid", PRODID)
    kalender.add("version", "2.0")
    kalender.add("calscale", "GREGORIAN")
    kalender.add("method", "PUBLISH")
    kalender.add("x-wr-calname", naam)
    kalender.add("x-wr-timezone", settings.TIME_ZONE)
    kalender.add_component(_tijdzone(settings.TIME_ZONE))
    return kalender


def bijeenkomst_uid(bijeenkomst: Bijeenkomst) -> str:
    return f"bijeenkomst-{bijeenkomst.uid}@{DOMEIN}"


def stap_uid(stap: Stap) -> str:
    return f"stap-{stap.pk}-deadline@{DOMEIN}"


def _bijeenkomst_event(bijeenkomst: Bijeenkomst, url: str = "") -> Event:
    zone = ZoneInfo(settings.TIME_ZONE)
    plan = bijeenkomst.werkgroep.plan
    event = Event()
    event.add("uid", bijeenkomst_uid(bijeenkomst))
    event.add("sequence", bijeenkomst.volgnummer_ical)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", dt.datetime.combine(bijeenkomst.datum, bijeenkomst.begintijd, zone))
    event.add("dtend", dt.datetime.combine(bijeenkomst.datum, bijeenkomst.eindtijd, zone))
    event.add("summary", f"{bijeenkomst.titel} — {plan.gemeente}")
    if bijeenkomst.locatie:
        event.add("location", bijeenkomst.locatie)
    regels = [f"{plan.titel}, gemeente {plan.gemeente}."]
    if bijeenkomst.online_link:
        regels.append(f"Online: {bijeenkomst.online_link}")
    agenda = list(bijeenkomst.agendapunten.all())
    if agenda:
        regels.append("Agenda:")
        regels += [f"{n}. {punt.onderwerp}" for n, punt in enumerate(agenda, start=1)]
    event.add("description", "\n".join(regels))
    if url:
        event.add("url", url)
    return event


def _stap_event(stap: Stap) -> Event:
    event = Event()
    event.add("uid", stap_uid(stap))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", stap.gepland_eind)
    event.add("dtend", stap.gepland_eind + dt.timedelta(days=1))
    event.add("summary", f"Deadline stap {stap.nummer}: {stap.get_nummer_display()}")
    event.add("description", f"{stap.plan.titel}, gemeente {stap.plan.gemeente}.")
    event.add("transp", "TRANSPARENT")
    return event


def bijeenkomst_ics(bijeenkomst: Bijeenkomst, url: str = "") -> bytes:
    kalender = _kalender(bijeenkomst.titel)
    kalender.add_component(_bijeenkomst_event(bijeenkomst, url))
    return kalender.to_ical()


def feed_ics(naam: str, bijeenkomsten: Iterable[Bijeenkomst], stappen: Iterable[Stap]) -> bytes:
    kalender = _kalender(naam)
    for bijeenkomst in bijeenkomsten:
        kalender.add_component(_bijeenkomst_event(bijeenkomst))
    for stap in stappen:
        kalender.add_component(_stap_event(stap))
    return kalender.to_ical()
