"""The calendar files as other programs read them: Mozilla's ical.js (Thunderbird; run by node
from node_modules) and Python's `icalendar`, both using the file's own VTIMEZONE.

A meeting at 14:00 in July is 12:00 UTC (summer time), in January 13:00 UTC.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from icalendar import Calendar, Timezone

from tests.werkgroep.factories import BijeenkomstFactory, LidFactory
from werkgroep import services

pytestmark = pytest.mark.django_db

PROJECT_DIR = Path(__file__).resolve().parents[2]
LEZER = Path(__file__).parent / "js" / "ical_lees.mjs"
UTC = dt.UTC


def _ontbreekt(wat: str) -> None:
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(f"{wat} (REQUIRE_SERVICES=1)")
    pytest.skip(wat)


def lees_met_icaljs(inhoud: bytes) -> dict[str, dict]:
    node = shutil.which("node")
    if node is None:
        _ontbreekt("node ontbreekt")
    if not (PROJECT_DIR / "node_modules" / "ical.js").exists():
        _ontbreekt("node_modules/ical.js ontbreekt: voer 'npm ci' uit")
    uit = subprocess.run(
        [str(node), str(LEZER)], input=inhoud, capture_output=True, check=True, cwd=PROJECT_DIR
    )
    return {event["uid"]: event for event in json.loads(uit.stdout)}


def lees_met_icalendar(inhoud: bytes) -> dict[str, dt.datetime]:
    """Start times in UTC, with the zone taken from the file's VTIMEZONE (not the system's)."""
    kalender = Calendar.from_ical(inhoud)
    (vtimezone,) = kalender.walk("VTIMEZONE")
    assert isinstance(vtimezone, Timezone)
    zone = vtimezone.to_tz(lookup_tzid=False)  # built from the file, not from the system
    starts = {}
    for event in kalender.walk("VEVENT"):
        start = event.decoded("DTSTART")
        if not isinstance(start, dt.datetime):
            continue
        assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
        lokaal = start.replace(tzinfo=zone)
        starts[str(event["UID"])] = lokaal.astimezone(UTC)
    return starts


@pytest.fixture
def feed_van_lid(client, plan, coordinator):
    lid = LidFactory(plan=plan, door=coordinator)
    zomer = BijeenkomstFactory(
        plan=plan, door=coordinator, datum=dt.date(2026, 7, 14), begintijd=dt.time(14, 0)
    )
    winter = BijeenkomstFactory(
        plan=plan, door=coordinator, datum=dt.date(2027, 1, 12), begintijd=dt.time(14, 0)
    )
    feed = services.agendafeed_create(gebruiker=lid.gebruiker)
    return reverse("werkgroep:feed", args=[feed.token]), zomer, winter


def test_icaljs_and_icalendar_read_the_same_utc_times_in_summer_and_winter(client, feed_van_lid):
    url, zomer, winter = feed_van_lid
    inhoud = client.get(url).content
    zomer_uid = f"bijeenkomst-{zomer.uid}@ivp-regie"
    winter_uid = f"bijeenkomst-{winter.uid}@ivp-regie"

    icaljs = lees_met_icaljs(inhoud)
    assert icaljs[zomer_uid]["start_utc"] == "2026-07-14T12:00:00.000Z"
    assert icaljs[winter_uid]["start_utc"] == "2027-01-12T13:00:00.000Z"

    icalendar = lees_met_icalendar(inhoud)
    assert icalendar[zomer_uid] == dt.datetime(2026, 7, 14, 12, 0, tzinfo=UTC)
    assert icalendar[winter_uid] == dt.datetime(2027, 1, 12, 13, 0, tzinfo=UTC)


def test_the_timezone_is_written_with_yearly_rules_and_no_comment(client, feed_van_lid):
    url, _, _ = feed_van_lid
    inhoud = client.get(url).content
    (zone,) = Calendar.from_ical(inhoud).walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Amsterdam"
    regels = {
        overgang.name: (overgang["RRULE"], overgang.decoded("TZOFFSETTO"))
        for overgang in zone.subcomponents
    }
    assert regels == {
        "DAYLIGHT": (
            {"FREQ": ["YEARLY"], "BYMONTH": [3], "BYDAY": ["-1SU"]},
            dt.timedelta(hours=2),
        ),
        "STANDARD": (
            {"FREQ": ["YEARLY"], "BYMONTH": [10], "BYDAY": ["-1SU"]},
            dt.timedelta(hours=1),
        ),
    }
    tekst = inhoud.decode()
    vtimezone = tekst[tekst.index("BEGIN:VTIMEZONE") : tekst.index("END:VTIMEZONE")]
    assert "RDATE" not in vtimezone
    assert "COMMENT" not in vtimezone


def test_a_deadline_names_its_plan_and_its_sequence_rises_when_it_moves(
    client, plan, coordinator, feed_van_lid
):
    url, _, _ = feed_van_lid
    stap = plan.stappen.get(nummer=2)
    uid = f"stap-{stap.pk}-deadline@ivp-regie"
    voor = lees_met_icaljs(client.get(url).content)[uid]
    assert voor["summary"].endswith(plan.titel)
    assert voor["summary"].startswith("Deadline stap 2")

    client.force_login(coordinator)
    response = client.post(
        reverse("stappen:stap_planning", args=[plan.pk, 2]),
        {
            "gepland_start": stap.gepland_start.strftime("%d-%m-%Y"),
            "gepland_eind": (stap.gepland_eind + dt.timedelta(days=14)).strftime("%d-%m-%Y"),
        },
    )
    assert response.status_code == 302
    client.logout()
    na = lees_met_icaljs(client.get(url).content)[uid]
    assert na["sequence"] > voor["sequence"]
