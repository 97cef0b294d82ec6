"""Frozen copy of `werkgroep/ical.py` before its per-event work was cut (issue 8, branch
uren2): `tests/werkgroep/test_ical_bytes.py` checks that the writer still writes the same
bytes. Not to be changed."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from django.utils import timezone

from stappen.models import Stap
from werkgroep.models import Bijeenkomst
from werkgroep.selectors.agenda import Afspraak, Deadline, afspraak_van

PRODID = "-//IVP Regie//Werkgroep//NL"
DOMEIN = "ivp-regie"

TZID = "Europe/Amsterdam"

# Europe/Amsterdam: CEST from the last Sunday of March 02:00, CET from the last Sunday of
# October 03:00 (the EU rule since 1996).
_VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    f"X-LIC-LOCATION:{TZID}",
    "BEGIN:DAYLIGHT",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
    "TZNAME:CEST",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    "TZNAME:CET",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "END:STANDARD",
    "END:VTIMEZONE",
)

_MAX_OCTETS = 75  # RFC 5545 3.1: a content line, without its CRLF


def tekst(waarde: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, every line
    break (CRLF, LF or CR) as `\\n`."""
    return (
        waarde.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _vouw_regel(data: bytes) -> bytes:
    """One content line of more than 75 octets, folded: a continuation line starts with one
    space, and a multi-octet character is never split."""
    delen = []
    begin, ruimte = 0, _MAX_OCTETS
    while begin < len(data):
        eind = min(begin + ruimte, len(data))
        while eind < len(data) and data[eind] & 0xC0 == 0x80:  # inside a UTF-8 character
            eind -= 1
        delen.append(data[begin:eind])
        begin, ruimte = eind, _MAX_OCTETS - 1  # the leading space counts
    return b"\r\n ".join(delen)


# A content line longer than 75 octets (a line never holds CR or LF: TEXT escapes them, the
# other values have them removed). Tried at the start of a line only: unanchored, the search
# tried 76 octets from every octet of every short line, 10 ms of the feed (issue 8).
_LANGE_REGEL = re.compile(rb"(?m)^[^\r\n]{%d,}" % (_MAX_OCTETS + 1))


def vouw(regels: Iterable[str]) -> bytes:
    """Content lines as UTF-8, each with its CRLF, folded (RFC 5545 3.1) so that no line is
    longer than 75 octets. Encoded at once and only the long lines folded: a call per line
    was a fifth of the feed's time (issue 8)."""
    data = "\r\n".join([*regels, ""]).encode()
    return _LANGE_REGEL.sub(lambda m: _vouw_regel(m.group()), data)


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _lokaal(datum: dt.date, tijd: dt.time) -> str:
    """A local time in Europe/Amsterdam, as DATE-TIME with the TZID of our VTIMEZONE."""
    return f";TZID={TZID}:{datum:%Y%m%d}T{tijd:%H%M%S}"


def _zonder_regeleinde(waarde: str) -> str:
    """A value written without escaping (a URI, the calendar's name): a line break in it
    cannot be written, so it goes."""
    return waarde.replace("\r", "").replace("\n", "")


def _kalender_begin(naam: str) -> list[str]:
    return [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        # Unescaped, as `icalendar` wrote it and reads it back (it knows no type for this
        # X- property); only a line break cannot be written.
        f"X-WR-CALNAME:{_zonder_regeleinde(naam)}",
        f"X-WR-TIMEZONE:{TZID}",
        *_VTIMEZONE,
    ]


def bijeenkomst_uid(bijeenkomst: Bijeenkomst | Afspraak) -> str:
    """A werkgroep's part of a joint meeting carries the joint meeting's id: one event in the
    calendar of someone who is in two of its werkgroepen."""
    if isinstance(bijeenkomst, Bijeenkomst):
        gezamenlijk = bijeenkomst.gezamenlijk if bijeenkomst.gezamenlijk_id else None
        gezamenlijk_uid = gezamenlijk.uid if gezamenlijk is not None else None
    else:
        gezamenlijk_uid = bijeenkomst.gezamenlijk_uid
    if gezamenlijk_uid is not None:
        return f"gezamenlijk-{gezamenlijk_uid}@{DOMEIN}"
    return f"bijeenkomst-{bijeenkomst.uid}@{DOMEIN}"


def stap_uid(stap: Stap | Deadline) -> str:
    return f"stap-{stap.pk}-deadline@{DOMEIN}"


def _bijeenkomst_event(
    bijeenkomst: Afspraak, stempel: str, url: str = "", gemeenten: Sequence[str] = ()
) -> list[str]:
    gezamenlijk = bijeenkomst.gezamenlijk_uid is not None
    regels = [f"{bijeenkomst.plan_titel}, gemeente {bijeenkomst.gemeente}."]
    if gemeenten:
        regels.append(f"Gezamenlijke bijeenkomst van {', '.join(gemeenten)}.")
    if bijeenkomst.online_link:
        regels.append(f"Online: {bijeenkomst.online_link}")
    if bijeenkomst.agenda:
        regels.append("Agenda:")
        regels += [f"{n}. {onderwerp}" for n, onderwerp in enumerate(bijeenkomst.agenda, start=1)]
    wie = "gezamenlijk" if gezamenlijk else bijeenkomst.gemeente
    event = [
        "BEGIN:VEVENT",
        f"UID:{tekst(bijeenkomst_uid(bijeenkomst))}",
        f"DTSTAMP:{stempel}",
        f"SEQUENCE:{int(bijeenkomst.volgnummer_ical)}",
        f"DTSTART{_lokaal(bijeenkomst.datum, bijeenkomst.begintijd)}",
        f"DTEND{_lokaal(bijeenkomst.datum, bijeenkomst.eindtijd)}",
        f"SUMMARY:{tekst(f'{bijeenkomst.titel} — {wie}')}",
    ]
    if bijeenkomst.locatie:
        event.append(f"LOCATION:{tekst(bijeenkomst.locatie)}")
    event.append(f"DESCRIPTION:{tekst(chr(10).join(regels))}")
    if url:
        event.append(f"URL:{_zonder_regeleinde(url)}")
    event.append("END:VEVENT")
    return event


def _stap_event(stap: Deadline, stempel: str) -> list[str]:
    eind = stap.gepland_eind
    return [
        "BEGIN:VEVENT",
        f"UID:{tekst(stap_uid(stap))}",
        f"DTSTAMP:{stempel}",
        f"SEQUENCE:{int(stap.volgnummer_ical)}",
        f"DTSTART;VALUE=DATE:{eind:%Y%m%d}",
        f"DTEND;VALUE=DATE:{eind + dt.timedelta(days=1):%Y%m%d}",
        "SUMMARY:" + tekst(f"Deadline stap {stap.nummer}: {stap.naam} — {stap.plan_titel}"),
        f"DESCRIPTION:{tekst(f'{stap.plan_titel}, gemeente {stap.gemeente}.')}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def bijeenkomst_ics(
    bijeenkomst: Bijeenkomst, url: str = "", gemeenten: Sequence[str] = ()
) -> bytes:
    stempel = _utc(timezone.now())
    return vouw(
        [
            *_kalender_begin(bijeenkomst.titel),
            *_bijeenkomst_event(afspraak_van(bijeenkomst), stempel, url, gemeenten),
            "END:VCALENDAR",
        ]
    )


def feed_ics(naam: str, bijeenkomsten: Iterable[Afspraak], stappen: Iterable[Deadline]) -> bytes:
    stempel = _utc(timezone.now())
    regels = _kalender_begin(naam)
    gezien: set[str] = set()
    for bijeenkomst in bijeenkomsten:
        uid = bijeenkomst_uid(bijeenkomst)
        if uid in gezien:  # a joint meeting of two of one's werkgroepen: one event
            continue
        gezien.add(uid)
        regels += _bijeenkomst_event(bijeenkomst, stempel)
    for stap in stappen:
        regels += _stap_event(stap, stempel)
    regels.append("END:VCALENDAR")
    return vouw(regels)
