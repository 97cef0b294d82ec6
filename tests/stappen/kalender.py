"""Builders for the vergaderkalender tests: iCalendar files as a RIS publishes them."""

from __future__ import annotations

import datetime as dt

from ivp.models import Gemeente
from stappen.constants import VergaderOrgaan
from stappen.models import Vergadering


def ics(*events: str) -> bytes:
    """A VCALENDAR around the given VEVENT bodies (CRLF, as the RFC wants)."""
    regels = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//iBabs//Agenda//NL"]
    for body in events:
        regels += ["BEGIN:VEVENT", *body.strip().splitlines(), "END:VEVENT"]
    regels.append("END:VCALENDAR")
    return ("\r\n".join(regels) + "\r\n").encode()


def event(uid: str, titel: str, start: str) -> str:
    """`start` as iCalendar writes it: `20270513T193000Z`, `20270513`, or with TZID."""
    if "T" in start and not start.endswith("Z"):
        dtstart = f"DTSTART;TZID=Europe/Amsterdam:{start}"
    elif "T" in start:
        dtstart = f"DTSTART:{start}"
    else:
        dtstart = f"DTSTART;VALUE=DATE:{start}"
    return f"UID:{uid}\nSUMMARY:{titel}\n{dtstart}\nDTSTAMP:20261101T120000Z"


def vergadering(gemeente: Gemeente, orgaan: str, datum: dt.date, naam: str = "") -> Vergadering:
    return Vergadering.objects.create(gemeente=gemeente, orgaan=orgaan, datum=datum, naam=naam)


def kalender_rond_hemelvaart(gemeente: Gemeente) -> dict[str, Vergadering]:
    """The spring of 2027: Koningsdag Tuesday 27 April, Hemelvaart Thursday 6 May; the raad on
    the Thursday after, 13 May."""
    return {
        "raad": vergadering(gemeente, VergaderOrgaan.RAAD, dt.date(2027, 5, 13), "Raad"),
        "raad_juni": vergadering(gemeente, VergaderOrgaan.RAAD, dt.date(2027, 6, 24), "Raad"),
        "commissie_laat": vergadering(gemeente, VergaderOrgaan.COMMISSIE, dt.date(2027, 5, 10)),
        "commissie": vergadering(
            gemeente, VergaderOrgaan.COMMISSIE, dt.date(2027, 5, 5), "Politieke Markt"
        ),
        "commissie_vroeg": vergadering(gemeente, VergaderOrgaan.COMMISSIE, dt.date(2027, 4, 7)),
        "college_laat": vergadering(gemeente, VergaderOrgaan.COLLEGE, dt.date(2027, 4, 21)),
        "college": vergadering(gemeente, VergaderOrgaan.COLLEGE, dt.date(2027, 4, 13)),
        "college_vroeg": vergadering(gemeente, VergaderOrgaan.COLLEGE, dt.date(2027, 4, 6)),
    }
