"""iCalendar for meetings and the personal feed.

Each event has a UID that never changes (a meeting's `uid`, a step's primary key), and a
SEQUENCE that goes up when a meeting changes, so a calendar replaces the event on an update
instead of adding a second one. Times are written in Europe/Amsterdam with its VTIMEZONE.

The VTIMEZONE is written by hand with the two yearly rules (as Thunderbird, Outlook and Google
write Europe/Amsterdam), not with `icalendar.Timezone.from_tzinfo`: that writes every
changeover as one comma-separated RDATE (plus a COMMENT), and Mozilla's ical.js, the parser
of Thunderbird, reads only the first date of such a list, so every summer-time meeting would
show an hour late. `tests/werkgroep/test_ical_clients.py` reads the output with ical.js.

The file is written by this module's own small RFC 5545 writer, not by the `icalendar`
library: building a component tree per event and serializing it was 95 % of the feed's time
(issue 8; a feed at 50× has ~470 events). The writer covers exactly what we write: TEXT
values escaped (backslash, `;`, `,`, newlines as `\\n`), content lines folded at 75 octets
(never inside a UTF-8 character), CRLF line ends, DATE values, local times with
`TZID=Europe/Amsterdam`, and DTSTAMP in UTC. `tests/werkgroep/test_ical_schrijver.py` checks
that `icalendar` reads it to the same events as the library-built file did
(`tests/werkgroep/ical_oud.py`, frozen).
"""

from __future__ import annotations

import datetime as dt
import functools
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
    lengte = len(data)
    delen = []
    begin, eind = 0, _MAX_OCTETS
    while eind < lengte:
        while data[eind] & 0xC0 == 0x80:  # inside a UTF-8 character
            eind -= 1
        delen.append(data[begin:eind])
        begin, eind = eind, eind + _MAX_OCTETS - 1  # the leading space counts
    delen.append(data[begin:])
    return b"\r\n ".join(delen)


# A content line longer than 75 octets (a line never holds CR or LF: TEXT escapes them, the
# other values have them removed). Tried at the start of a line only: unanchored, the search
# tried 76 octets from every octet of every short line, 10 ms of the feed (issue 8).
_LANGE_REGEL = re.compile(rb"(?m)^[^\r\n]{%d,}" % (_MAX_OCTETS + 1))


def _vouw_lang(data: bytes) -> bytes:
    """A piece between two CRLFs of more than 75 octets: one content line, or (a line break
    that escaped its value) several, each folded."""
    if b"\r" in data or b"\n" in data:
        return _LANGE_REGEL.sub(lambda m: _vouw_regel(m.group()), data)
    return _vouw_regel(data)


def vouw(regels: Iterable[str]) -> bytes:
    """Content lines as UTF-8, each with its CRLF, folded (RFC 5545 3.1) so that no line is
    longer than 75 octets. Encoded at once and only the long lines folded: a call per line
    was a fifth of the feed's time (issue 8). The long lines found by their length after a
    split at CRLF: the regular expression over the whole file was 1 ms of a 50× feed."""
    data = "\r\n".join([*regels, ""]).encode()
    return b"\r\n".join(
        [deel if len(deel) <= _MAX_OCTETS else _vouw_lang(deel) for deel in data.split(b"\r\n")]
    )


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


# A date or time as iCalendar writes it, kept per value: `strftime` is ~2 µs a call, and a
# feed at 50× wrote ~1,250 of them for a few hundred distinct dates (issue 8). A pure
# function of the value, so nothing in it can go stale.
@functools.lru_cache(maxsize=4096)
def _datum(datum: dt.date) -> str:
    return f"{datum:%Y%m%d}"


@functools.lru_cache(maxsize=4096)
def _dag_erna(datum: dt.date) -> str:
    return _datum(datum + dt.timedelta(days=1))


@functools.lru_cache(maxsize=4096)
def _tijd(tijd: dt.time) -> str:
    return f"{tijd:%H%M%S}"


def _lokaal(datum: dt.date, tijd: dt.time) -> str:
    """A local time in Europe/Amsterdam, as DATE-TIME with the TZID of our VTIMEZONE."""
    return f";TZID={TZID}:{_datum(datum)}T{_tijd(tijd)}"


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
    if bijeenkomst.afgezegd:  # RFC 5545 3.8.1.11: the calendar drops it or shows it cancelled
        event.append("STATUS:CANCELLED")
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
        f"DTSTART;VALUE=DATE:{_datum(eind)}",
        f"DTEND;VALUE=DATE:{_dag_erna(eind)}",
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


# The DTSTAMP line is the third of every event (`_bijeenkomst_event`, `_stap_event`): the
# only one that changes from one feed to the next.
_STEMPEL_REGEL = 2


@functools.lru_cache(maxsize=4096)
def _afspraak_bytes(bijeenkomst: Afspraak) -> tuple[str, bytes, bytes]:
    """A meeting of the feed as its UID and its event folded, before and after the DTSTAMP
    line: a pure function of the row (a frozen dataclass of its values), so nothing in it can
    go stale; a calendar app asks for the same feed again and again, and writing its ~470
    events was most of the request (issue 8). Folding is line by line, so the pieces folded
    apart are the bytes of the whole."""
    regels = _bijeenkomst_event(bijeenkomst, "")
    return (
        bijeenkomst_uid(bijeenkomst),
        vouw(regels[:_STEMPEL_REGEL]),
        vouw(regels[_STEMPEL_REGEL + 1 :]),
    )


@functools.lru_cache(maxsize=4096)
def _deadline_bytes(stap: Deadline) -> tuple[bytes, bytes]:
    """A deadline's event folded, before and after its DTSTAMP line (as `_afspraak_bytes`)."""
    regels = _stap_event(stap, "")
    return vouw(regels[:_STEMPEL_REGEL]), vouw(regels[_STEMPEL_REGEL + 1 :])


def feed_ics(naam: str, bijeenkomsten: Iterable[Afspraak], stappen: Iterable[Deadline]) -> bytes:
    stempel = f"DTSTAMP:{_utc(timezone.now())}\r\n".encode()
    delen = [vouw(_kalender_begin(naam))]
    gezien: set[str] = set()
    for bijeenkomst in bijeenkomsten:
        uid, kop, rest = _afspraak_bytes(bijeenkomst)
        if uid in gezien:  # a joint meeting of two of one's werkgroepen: one event
            continue
        gezien.add(uid)
        delen += (kop, stempel, rest)
    for stap in stappen:
        kop, rest = _deadline_bytes(stap)
        delen += (kop, stempel, rest)
    delen.append(b"END:VCALENDAR\r\n")
    return b"".join(delen)
