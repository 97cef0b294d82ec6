"""The current IVP of Steenwijkerland (step 3 running, the prioritering in review) and the
plan of Staphorst that has just started, dated relative to the day the demo is loaded: the
trajectory began some months ago and step 3's deadline lies ahead."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from ivp.demo import Demo
from ivp.models import Plan
from stappen import services
from stappen.constants import (
    DocumentSoort,
    Keuze,
    StapNummer,
)
from stappen.demo import evaluatie, hulp
from stappen.demo.teksten import (
    ANALYSE,
    PRIORITERING,
    PRIORITERING_OPMERKINGEN,
    STARTNOTITIE,
)

D = dt.date


def _bespreek_prioritering(plan: Plan, demo: Demo) -> None:
    """The current prioritering in review with the werkgroep, with a few comments."""
    door = demo.gebruikers["coordinator"]
    document = hulp.document(plan, DocumentSoort.PRIORITERING)
    hulp.schrijf(document, door, PRIORITERING)
    services.document_open_review(
        document=document,
        door=door,
        sluit_op=timezone.localdate() + dt.timedelta(days=14),
        bericht="Graag jullie reactie op de vier voorgestelde prioriteiten, vóór de raad.",
    )
    versie = document.versies.get()
    for naam, sectie, citaat, tekst, antwoord in PRIORITERING_OPMERKINGEN:
        opmerking = services.opmerking_create(
            versie=versie, door=demo.gebruikers[naam], sectie=sectie, citaat=citaat, tekst=tekst
        )
        if antwoord:
            services.opmerking_reply(opmerking=opmerking, door=door, tekst=antwoord)


# Sources per veld (fictional titles; the kinds of domain.md §4). The ondermijningsbeeld is
# confidential: it never reaches the griffie or a public PDF.


def laad(demo: Demo) -> None:
    door = demo.gebruikers["coordinator"]
    d = demo.nu
    start = demo.nieuwe_periode_start
    # Started from the previous IVP (issue 14); the werkgroep demo makes its werkgroep.
    vorig = demo.extra["vorig_plan"]
    assert isinstance(vorig, Plan)
    plan = services.plan_vervolg_create(
        vorig_plan=vorig,
        titel=f"Integraal Veiligheidsplan {start.year}–{start.year + 3}",
        traject_start=d(D(2022, 6, 1)),
        periode_start=start,
        overlap_reden=(
            "Het nieuwe IVP begint met het kalenderjaar; de verlenging van het vorige plan "
            "rondt de lopende acties af."
            if start <= vorig.einde
            else ""
        ),
        door=door,
    )
    demo.extra["nieuw_plan"] = plan
    stap = {int(n): hulp.stap(plan, n) for n in StapNummer}
    services.stap_start(stap=stap[1], door=door, op=d(D(2022, 6, 1)))
    evaluatie.scoor(plan, vorig, demo)
    hulp.schrijf(hulp.document(plan, DocumentSoort.STARTNOTITIE), door, STARTNOTITIE)
    hulp.stel_vast(
        hulp.document(plan, DocumentSoort.STARTNOTITIE),
        door,
        d(D(2022, 6, 21)),
        f"{d(D(2022, 6, 21)).year}-COLL-0388",
    )
    services.stap_close(stap=stap[1], door=door)

    services.stap_start(stap=stap[2], door=door, op=d(D(2022, 7, 1)))
    hulp.analyseer(plan, door)
    hulp.schrijf(hulp.document(plan, DocumentSoort.VEILIGHEIDSANALYSE), door, ANALYSE)
    hulp.bronnen(plan, door)
    hulp.stel_vast(hulp.document(plan, DocumentSoort.VEILIGHEIDSANALYSE), door, d(D(2022, 9, 27)))
    services.stap_close(
        stap=stap[2],
        door=door,
        toelichting="De werkgroep heeft de analyse besproken en afgerond.",
    )

    services.stap_start(stap=stap[3], door=door, op=d(D(2022, 10, 3)))
    hulp.scores(plan, door)
    hulp.plaats(
        plan,
        door,
        {
            "0.2": Keuze.PRIORITEIT,  # Zorg en veiligheid
            "5.2": Keuze.PRIORITEIT,  # Ondermijning
            "0.1": Keuze.PRIORITEIT,  # Gedigitaliseerde criminaliteit
            "2.5": Keuze.PRIORITEIT,  # Veilig toerisme (Giethoorn)
            "1.3": Keuze.STRATEGISCH,
            "4.1": Keuze.STRATEGISCH,
            "4.4": Keuze.STRATEGISCH,
            "5.3": Keuze.STRATEGISCH,
            "5.1": Keuze.STRATEGISCH,
            "4.2": Keuze.BEHEER,
        },
    )
    services.prioritering_update(
        plan=plan,
        door=door,
        driehoek_op=d(D(2022, 10, 12)),
        driehoek_uitkomst="De driehoek steunt de vier voorgestelde prioriteiten.",
    )
    _bespreek_prioritering(plan, demo)
    # The story's step 3 runs to the end of its month; keep its deadline ahead of today.
    prioritering = hulp.stap(plan, StapNummer.PRIORITERING)
    deadline = max(prioritering.gepland_eind, demo.vandaag + dt.timedelta(weeks=3))
    if deadline != prioritering.gepland_eind:
        services.stap_plan(
            stap=prioritering,
            door=door,
            gepland_start=prioritering.gepland_start,
            gepland_eind=deadline,
        )


def laad_buren(demo: Demo) -> None:
    """The three neighbours have just started their own IVP (each raad adopts its own): their
    trajectories began at the start of this month, step 1 under way."""
    traject = demo.vandaag.replace(day=1)
    start = dt.date(traject.year + 1, 1, 1)
    for gemeente in ("Zwartewaterland", "Staphorst", "Kampen"):
        door = demo.gebruikers[f"coordinator.{gemeente.lower()}"]
        plan = services.plan_create(
            gemeente=demo.gemeenten[gemeente],
            titel=f"Integraal Veiligheidsplan {gemeente} {start.year}–{start.year + 3}",
            traject_start=traject,
            periode_start=start,
            door=door,
        )
        services.stap_start(stap=hulp.stap(plan, 1), door=door, op=traject)
