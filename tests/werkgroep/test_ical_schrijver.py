"""Our own iCalendar writer (werkgroep/ical.py, issue 8) against the `icalendar`-built file it
replaced (tests/werkgroep/ical_oud.py, frozen): read back by `icalendar`, the same calendar,
time zone and events, property for property; and the file as RFC 5545 wants it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from icalendar import Calendar

from tests.werkgroep import ical_oud
from tests.werkgroep.factories import BijeenkomstFactory, LidFactory
from werkgroep import ical, selectors, services

pytestmark = pytest.mark.django_db

# Commas, semicolons, a backslash, line breaks of every kind, and long non-ASCII text that
# must be folded without splitting a character.
LASTIG = "Zaal 2, gebouw B; ingang \\ achter"
LANG = "Opiniërende bijeenkomst — één gesprek over ‘veiligheid’ 🙂 " * 3


def _lees(inhoud: bytes) -> dict[str, Any]:
    kalender = Calendar.from_ical(inhoud)

    def eigenschappen(deel: Any) -> dict[str, Any]:
        return {
            naam: (deel.decoded(naam), dict(getattr(deel[naam], "params", {}))) for naam in deel
        }

    return {
        "kalender": eigenschappen(kalender),
        "tijdzone": [
            (deel.name, eigenschappen(deel)) for deel in kalender.walk() if deel.name != "VEVENT"
        ],
        "events": {str(e["UID"]): eigenschappen(e) for e in kalender.walk("VEVENT")},
    }


@pytest.fixture
def lid(plan, coordinator):
    lid = LidFactory(plan=plan, door=coordinator)
    zomer = BijeenkomstFactory(
        plan=plan,
        door=coordinator,
        titel="Werkgroep; analyse, deel \\ 2",
        datum=dt.date(2026, 7, 14),
        locatie=LASTIG,
        online_link="https://meet.example.nl/ivp?a=1,2;b=3",
    )
    services.agendapunt_add(bijeenkomst=zomer, door=coordinator, onderwerp=LANG)
    services.agendapunt_add(
        bijeenkomst=zomer, door=coordinator, onderwerp="Regel één\r\nregel twee\nregel drie\r"
    )
    BijeenkomstFactory(
        plan=plan,
        door=coordinator,
        datum=dt.date(2027, 1, 12),
        locatie="",
        online_link="https://meet.example.nl/winter",
    )
    return lid


def test_icalendar_reads_our_feed_as_the_same_events_as_the_library_built_one(lid):
    gebruiker = lid.gebruiker
    naam = f"IVP Regie — {gebruiker}, {LASTIG}"
    with time_machine.travel(dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC), tick=False):
        nieuw = ical.feed_ics(
            naam, selectors.bijeenkomsten_voor(gebruiker), selectors.stappen_voor(gebruiker)
        )
        oud = ical_oud.feed_ics(
            naam, ical_oud.bijeenkomsten_voor(gebruiker), ical_oud.stappen_voor(gebruiker)
        )
    gelezen = _lees(nieuw)
    assert gelezen == _lees(oud)
    assert len(gelezen["events"]) == 2 + 6  # two meetings, the plan's six deadlines
    zomer = next(e for uid, e in gelezen["events"].items() if uid.startswith("bijeenkomst-"))
    assert zomer["LOCATION"][0] == LASTIG
    assert LANG.strip() in zomer["DESCRIPTION"][0]


def test_a_meeting_file_with_its_url_and_gemeenten_reads_as_before(lid, plan):
    bijeenkomst = plan.werkgroep.bijeenkomsten.order_by("datum").first()
    url = "https://ivp.example.nl/werkgroep/bijeenkomst/1/"
    gemeenten = ["Steenwijkerland", "Meppel, Westerveld"]
    with time_machine.travel(dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC), tick=False):
        nieuw = ical.bijeenkomst_ics(bijeenkomst, url, gemeenten)
        oud = ical_oud.bijeenkomst_ics(bijeenkomst, url, gemeenten)
    assert _lees(nieuw) == _lees(oud)


def test_the_file_has_crlf_lines_of_at_most_75_octets_never_splitting_a_character(lid):
    inhoud = ical.feed_ics("IVP Regie", selectors.bijeenkomsten_voor(lid.gebruiker), [])
    assert inhoud.endswith(b"END:VCALENDAR\r\n")
    regels = inhoud.split(b"\r\n")[:-1]
    assert all(b"\r" not in r and b"\n" not in r for r in regels)
    assert all(len(r) <= 75 for r in regels)
    for regel in regels:
        regel.decode()  # raises if a fold split a UTF-8 character
    assert any(r.startswith(b" ") for r in regels)  # the long agenda was folded


def test_text_is_escaped_and_a_long_line_folded_as_rfc_5545_says():
    assert ical.tekst("a,b;c\\d\r\ne\nf\rg") == "a\\,b\\;c\\\\d\\ne\\nf\\ng"
    assert ical.vouw(["X:" + "a" * 73]) == b"X:" + b"a" * 73 + b"\r\n"
    gevouwen = ical.vouw(["X:" + "é" * 100])
    delen = gevouwen.split(b"\r\n ")
    assert all(len(deel) <= 75 for deel in delen)
    assert b"".join(delen).decode() == "X:" + "é" * 100 + "\r\n"
    # Lines are folded one by one: a short line between two long ones stays as it is.
    drie = ical.vouw(["A:" + "b" * 80, "C:d", "E:" + "f" * 74])
    assert (
        drie
        == b"A:" + b"b" * 73 + b"\r\n " + b"b" * 7 + b"\r\nC:d\r\nE:" + b"f" * 73 + b"\r\n f\r\n"
    )


def test_every_line_over_75_octets_is_folded_wherever_it_stands():
    """The search for long lines starts at line starts only (issue 8): the first line, the
    last, one of exactly 75 and 76 octets, lines of multi-octet characters, all as one line
    at a time would fold them."""
    regels = [
        "x" * 80,
        *("a" * n for n in (1, 74, 75, 76, 77, 151, 152)),
        *("é" * n for n in (37, 38, 39, 80)),
        "kort;met,tekens",
        "ü" + "b" * 200,
    ]
    verwacht = b"".join(
        (ical._vouw_regel(r.encode()) if len(r.encode()) > 75 else r.encode()) + b"\r\n"
        for r in regels
    )
    assert ical.vouw(regels) == verwacht
    assert all(len(regel) <= 75 for regel in ical.vouw(regels).split(b"\r\n"))
