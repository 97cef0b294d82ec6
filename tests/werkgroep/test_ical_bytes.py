"""The writer of `werkgroep/ical.py` against its frozen copy from before its per-event work
was cut (dates and times formatted once per value, the long lines found by length; issue 8):
the same bytes, on awkward data and on the feed of a werkgroep in the database."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
import time_machine

from tests.werkgroep import ical_schrijver_oud as oud
from tests.werkgroep.test_ical_schrijver import LANG, LASTIG, lid  # noqa: F401 (a fixture)
from werkgroep import ical, selectors
from werkgroep.selectors.agenda import Afspraak, Deadline

NU = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


def _afspraak(n: int, **velden: object) -> Afspraak:
    standaard: dict[str, object] = {
        "uid": uuid.UUID(int=n),
        "gezamenlijk_uid": None,
        "volgnummer_ical": n,
        "titel": f"Bijeenkomst {n}",
        "datum": dt.date(2026, 1, 1) + dt.timedelta(days=37 * n),
        "begintijd": dt.time(9, 30),
        "eindtijd": dt.time(11, 0, 15),
        "locatie": "",
        "online_link": "",
        "plan_titel": "IVP 2027–2030",
        "gemeente": "Meppel",
        "agenda": (),
    }
    return Afspraak(**{**standaard, **velden})  # type: ignore[arg-type]


def _deadline(n: int, **velden: object) -> Deadline:
    standaard: dict[str, object] = {
        "pk": n,
        "nummer": n % 6 + 1,
        "naam": "Analyse",
        "gepland_eind": dt.date(2026, 12, 31) + dt.timedelta(days=n % 3),
        "plan_titel": "IVP 2027–2030",
        "gemeente": "Meppel",
        "volgnummer_ical": n // 2,
    }
    return Deadline(**{**standaard, **velden})  # type: ignore[arg-type]


AFSPRAKEN = [
    _afspraak(1),
    _afspraak(
        2,
        titel="<b>Werkgroep</b> & co; deel, \\ 2",
        locatie=LASTIG,
        online_link="https://meet.example.nl/ivp?a=1,2;b=3&c=<4>",
        agenda=(LANG, "Regel één\r\nregel twee\nregel drie\r", "", "é" * 80, "a" * 200),
        datum=dt.date(2026, 3, 29),  # the day summer time starts
        begintijd=dt.time(0, 0),
        eindtijd=dt.time(23, 59, 59),
    ),
    _afspraak(3, gezamenlijk_uid=uuid.UUID(int=99), plan_titel="", gemeente="Ünïcode " * 12),
    _afspraak(4, gezamenlijk_uid=uuid.UUID(int=99)),  # the same joint meeting: one event
    _afspraak(5, titel="ü" * 37, locatie="x" * 75, datum=dt.date(2026, 3, 29)),
    *(_afspraak(n, agenda=(f"Punt {n}",) * (n % 4)) for n in range(6, 40)),
]
DEADLINES = [
    _deadline(1, naam="Eén; twee, \\ drie\r\nvier", plan_titel="<Plan> & 'zo'"),
    _deadline(2, gepland_eind=dt.date(2028, 2, 28)),
    _deadline(3, gepland_eind=dt.date(2028, 2, 29)),  # a leap day, and the day after it
    _deadline(4, gepland_eind=dt.date(2026, 12, 31)),
    _deadline(5, naam="", plan_titel="", gemeente=""),
    _deadline(6, naam="🙂" * 30),
    *(_deadline(n) for n in range(7, 60)),
]


@pytest.mark.parametrize(
    "naam", ["IVP Regie — Jan de Vries", "", "Naam\r\nmet; regeleinde, " + "é" * 60]
)
def test_the_feed_is_written_to_the_same_bytes_as_before(naam):
    with time_machine.travel(NU, tick=False):
        nieuw = ical.feed_ics(naam, AFSPRAKEN, DEADLINES)
        assert nieuw == oud.feed_ics(naam, AFSPRAKEN, DEADLINES)
        # Twice: the dates kept per value give the same text the second time.
        assert ical.feed_ics(naam, AFSPRAKEN, DEADLINES) == nieuw
        assert ical.feed_ics(naam, [], []) == oud.feed_ics(naam, [], [])


@pytest.mark.django_db
def test_a_feed_and_a_meeting_file_from_the_database_are_the_same_bytes(lid, plan):  # noqa: F811
    gebruiker = lid.gebruiker
    bijeenkomst = plan.werkgroep.bijeenkomsten.order_by("datum").first()
    url = "https://ivp.example.nl/werkgroep/bijeenkomst/1/?a=1&b=<2>"
    with time_machine.travel(NU, tick=False):
        afspraken = selectors.bijeenkomsten_voor(gebruiker)
        stappen = selectors.stappen_voor(gebruiker)
        assert ical.feed_ics("IVP", afspraken, stappen) == oud.feed_ics("IVP", afspraken, stappen)
        for gemeenten in ([], ["Steenwijkerland", "Meppel, Westerveld"]):
            assert ical.bijeenkomst_ics(bijeenkomst, url, gemeenten) == oud.bijeenkomst_ics(
                bijeenkomst, url, gemeenten
            )


@pytest.mark.parametrize(
    "regels",
    [
        [],
        [""],
        ["x" * 75, "x" * 76, "", "é" * 38, "é" * 37 + "x", "🙂" * 19 + "x"],
        # A line break that escaped its value: each side folded as its own line, as before.
        ["A:" + "b" * 80 + "\r" + "c" * 80, "D:" + "e" * 70 + "\n" + "é" * 50, "F:\r\n" * 30],
        ["a" * n for n in range(70, 300, 7)],
    ],
)
def test_folding_gives_the_same_bytes_as_before(regels):
    assert ical.vouw(regels) == oud.vouw(regels)
