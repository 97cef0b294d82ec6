"""The vergaderkalender of the demo gemeenten around the current plan, dated relative to the
day the demo is loaded: the college every Tuesday, the raad every four weeks on a Thursday
with its Politieke Markt two weeks before. It is imported as a RIS publishes it (an .ics
through the import service, so each meeting has a UID and a re-import finds it again), and
the current plan's IVP is planned for the raad meeting at the end of step 4, counted back and
accepted as proposed."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from ivp.demo import Demo
from ivp.models import Plan
from ivp.werkdagen import is_werkdag
from stappen import services
from stappen.constants import StapNummer
from stappen.demo import hulp
from stappen.selectors.kalender import raadsvergaderingen

# From eight weeks back to thirty weeks ahead (past the IVP's raad meeting).
TERUG_WEKEN = 8
VOORUIT_WEKEN = 30
RAAD_ELKE_WEKEN = 4


def _ics(gemeente: str, vandaag: dt.date) -> bytes:
    kalender = Calendar()
    kalender.add("prodid", "-//IVP Regie demo//Vergaderkalender//NL")
    kalender.add("version", "2.0")
    dinsdag = vandaag - dt.timedelta(days=vandaag.weekday() - 1, weeks=TERUG_WEKEN)
    for week in range(TERUG_WEKEN + VOORUIT_WEKEN):
        college = dinsdag + dt.timedelta(weeks=week)
        vergaderingen = [("college", "Collegevergadering B&W", college, dt.time(9, 0))]
        if week % RAAD_ELKE_WEKEN == 0:
            vergaderingen.append(
                ("pm", "Politieke Markt", college + dt.timedelta(days=2), dt.time(19, 30))
            )
        if week % RAAD_ELKE_WEKEN == 2:
            vergaderingen.append(
                ("raad", "Gemeenteraad", college + dt.timedelta(days=2), dt.time(19, 30))
            )
        for soort, titel, datum, tijd in vergaderingen:
            if not is_werkdag(datum):
                continue
            event = Event()
            event.add("uid", f"demo-{soort}-{datum:%Y%m%d}@{gemeente.lower()}.demo")
            event.add("summary", titel)
            event.add("dtstart", dt.datetime.combine(datum, tijd))
            event.add("dtstamp", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
            kalender.add_component(event)
    return kalender.to_ical()


def laad(demo: Demo) -> None:
    for naam, coordinator in (
        ("Steenwijkerland", "coordinator"),
        ("Staphorst", "coordinator.staphorst"),
    ):
        services.vergaderingen_importeer(
            gemeente=demo.gemeenten[naam],
            door=demo.gebruikers[coordinator],
            inhoud=_ics(naam, demo.vandaag),
        )
    plan = demo.extra["nieuw_plan"]
    assert isinstance(plan, Plan)
    door = demo.gebruikers["coordinator"]
    ivp = hulp.stap(plan, StapNummer.OPSTELLEN_IVP)
    # The last raad meeting on or before step 4's deadline (the story's raad in month 10).
    kandidaten = [
        v
        for v in raadsvergaderingen(ivp.plan.gemeente_id, demo.vandaag)
        if v.datum <= ivp.gepland_eind
    ]
    raad = kandidaten[-1]
    voorstel = services.voorstel_voor(stap=ivp, raad=raad)
    services.raadsplanning_accepteer(
        stap=ivp,
        raad=raad,
        door=door,
        stukken_datum=voorstel.stukken,
        deadlines={nummer: nieuw for nummer, (_, nieuw) in voorstel.deadlines.items()},
    )
