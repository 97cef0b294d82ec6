"""Frozen: `werkgroep/ical.py` as it was before issue 8, building the file with the
`icalendar` library (a component tree per event). `test_ical_schrijver.py` checks that our own
writer reads back, through `icalendar`, to the same events as this one. Do not change it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from zoneinfo import ZoneInfo

from django.db.models import QuerySet
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from ivp.models import Gebruiker
from stappen.models import Stap
from werkgroep.models import Bijeenkomst

PRODID = "-//IVP Regie//Werkgroep//NL"
DOMEIN = "ivp-regie"


TZID = "Europe/Amsterdam"


def _tijdzone() -> Timezone:
    """Europe/Amsterdam: CEST from the last Sunday of March 02:00, CET from the last Sunday
    of October 03:00 (the EU rule since 1996)."""
    zomer = TimezoneDaylight()
    zomer.add("tzname", "CEST")
    zomer.add("tzoffsetfrom", dt.timedelta(hours=1))
    zomer.add("tzoffsetto", dt.timedelta(hours=2))
    zomer.add("dtstart", dt.datetime(1970, 3, 29, 2, 0))
    zomer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", dt.timedelta(hours=2))
    winter.add("tzoffsetto", dt.timedelta(hours=1))
    winter.add("dtstart", dt.datetime(1970, 10, 25, 3, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    zone = Timezone()
    zone.add("tzid", TZID)
    zone.add("x-lic-location", TZID)
    zone.add_component(zomer)
    zone.add_component(winter)
    return zone


def _kalender(naam: str) -> Calendar:
    kalender = Calendar()
    kalender.add("prodid", PRODID)
    kalender.add("version", "2.0")
    kalender.add("calscale", "GREGORIAN")
    kalender.add("method", "PUBLISH")
    kalender.add("x-wr-calname", naam)
    kalender.add("x-wr-timezone", TZID)
    kalender.add_component(_tijdzone())
    return kalender


def bijeenkomst_uid(bijeenkomst: Bijeenkomst) -> str:
    """A werkgroep's part of a joint meeting carries the joint meeting's id: one event in the
    calendar of someone who is in two of its werkgroepen."""
    if bijeenkomst.gezamenlijk_id and bijeenkomst.gezamenlijk is not None:
        return f"gezamenlijk-{bijeenkomst.gezamenlijk.uid}@{DOMEIN}"
    return f"bijeenkomst-{bijeenkomst.uid}@{DOMEIN}"


def stap_uid(stap: Stap) -> str:
    return f"stap-{stap.pk}-deadline@{DOMEIN}"


def _bijeenkomst_event(
    bijeenkomst: Bijeenkomst, url: str = "", gemeenten: Sequence[str] = ()
) -> Event:
    zone = ZoneInfo(TZID)
    plan = bijeenkomst.werkgroep.plan
    event = Event()
    event.add("uid", bijeenkomst_uid(bijeenkomst))
    event.add("sequence", bijeenkomst.volgnummer_ical)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", dt.datetime.combine(bijeenkomst.datum, bijeenkomst.begintijd, zone))
    event.add("dtend", dt.datetime.combine(bijeenkomst.datum, bijeenkomst.eindtijd, zone))
    gezamenlijk = bijeenkomst.gezamenlijk_id is not None
    event.add("summary", f"{bijeenkomst.titel} — {'gezamenlijk' if gezamenlijk else plan.gemeente}")
    if bijeenkomst.locatie:
        event.add("location", bijeenkomst.locatie)
    regels = [f"{plan.titel}, gemeente {plan.gemeente}."]
    if gemeenten:
        regels.append(f"Gezamenlijke bijeenkomst van {', '.join(gemeenten)}.")
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
    event.add("sequence", getattr(stap, "volgnummer_ical", 0))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", stap.gepland_eind)
    event.add("dtend", stap.gepland_eind + dt.timedelta(days=1))
    event.add(
        "summary",
        f"Deadline stap {stap.nummer}: {stap.get_nummer_display()} — {stap.plan.titel}",
    )
    event.add("description", f"{stap.plan.titel}, gemeente {stap.plan.gemeente}.")
    event.add("transp", "TRANSPARENT")
    return event


def bijeenkomst_ics(
    bijeenkomst: Bijeenkomst, url: str = "", gemeenten: Sequence[str] = ()
) -> bytes:
    kalender = _kalender(bijeenkomst.titel)
    kalender.add_component(_bijeenkomst_event(bijeenkomst, url, gemeenten))
    return kalender.to_ical()


def feed_ics(naam: str, bijeenkomsten: Iterable[Bijeenkomst], stappen: Iterable[Stap]) -> bytes:
    kalender = _kalender(naam)
    gezien: set[str] = set()
    for bijeenkomst in bijeenkomsten:
        uid = bijeenkomst_uid(bijeenkomst)
        if uid in gezien:  # a joint meeting of two of one's werkgroepen: one event
            continue
        gezien.add(uid)
        kalender.add_component(_bijeenkomst_event(bijeenkomst))
    for stap in stappen:
        kalender.add_component(_stap_event(stap))
    return kalender.to_ical()


def stappen_voor(user: Gebruiker) -> QuerySet[Stap]:
    """Frozen too: the steps of the feed as `werkgroep.selectors.stappen_voor` read them before
    issue 8 (model objects, which the library-built writer above takes)."""
    from django.db.models import Count, IntegerField, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    from ivp.permissions import PLAN_LEZERS, gemeenten_met_rol

    opslagen = (
        Stap.history.model.objects.filter(id=OuterRef("pk"))
        .order_by()
        .values("id")
        .annotate(aantal=Count("*"))
        .values("aantal")
    )
    return (
        Stap.objects.filter(plan__gemeente_id__in=gemeenten_met_rol(user, PLAN_LEZERS))
        .select_related("plan__gemeente")
        .annotate(volgnummer_ical=Coalesce(Subquery(opslagen, output_field=IntegerField()), 1) - 1)
        .order_by("gepland_eind", "plan_id", "nummer")
    )


def bijeenkomsten_voor(user: Gebruiker) -> QuerySet[Bijeenkomst]:
    """Frozen too: the meetings of the feed as `werkgroep.selectors.bijeenkomsten_voor` read
    them before issue 8 (model objects)."""
    from ivp.permissions import PLAN_LEZERS, gemeenten_met_rol

    return (
        Bijeenkomst.objects.filter(
            werkgroep__leden__gebruiker=user,
            werkgroep__plan__gemeente_id__in=gemeenten_met_rol(user, PLAN_LEZERS),
        )
        .select_related("werkgroep__plan__gemeente", "gezamenlijk")
        .prefetch_related("agendapunten")
        .distinct()
        .order_by("datum", "begintijd")
    )
