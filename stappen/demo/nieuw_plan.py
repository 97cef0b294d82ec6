"""The IVP 2023–2026 of Steenwijkerland (step 3 running, the prioritering in review) and
the plan of Staphorst that has just started."""

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
from stappen.demo import hulp
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
    gemeente = demo.gemeenten["Steenwijkerland"]
    door = demo.gebruikers["coordinator"]
    plan = services.plan_create(
        gemeente=gemeente,
        titel="Integraal Veiligheidsplan 2023–2026",
        traject_start=D(2022, 6, 1),
        periode_start=D(2023, 1, 1),
        periode_eind=D(2026, 12, 31),
        door=door,
    )
    stap = {int(n): hulp.stap(plan, n) for n in StapNummer}
    services.stap_start(stap=stap[1], door=door, op=D(2022, 6, 1))
    hulp.schrijf(hulp.document(plan, DocumentSoort.STARTNOTITIE), door, STARTNOTITIE)
    hulp.stel_vast(
        hulp.document(plan, DocumentSoort.STARTNOTITIE), door, D(2022, 6, 21), "2022-COLL-0388"
    )
    services.stap_close(stap=stap[1], door=door, op=D(2022, 6, 22))

    services.stap_start(stap=stap[2], door=door, op=D(2022, 7, 1))
    hulp.analyseer(plan, door)
    hulp.schrijf(hulp.document(plan, DocumentSoort.VEILIGHEIDSANALYSE), door, ANALYSE)
    hulp.bronnen(plan, door)
    hulp.stel_vast(hulp.document(plan, DocumentSoort.VEILIGHEIDSANALYSE), door, D(2022, 9, 27))
    services.stap_close(
        stap=stap[2],
        door=door,
        op=D(2022, 9, 30),
        toelichting="De werkgroep heeft de analyse op 27 september besproken en afgerond.",
    )

    services.stap_start(stap=stap[3], door=door, op=D(2022, 10, 3))
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
        driehoek_op=D(2022, 10, 12),
        driehoek_uitkomst="De driehoek steunt de vier voorgestelde prioriteiten.",
    )
    _bespreek_prioritering(plan, demo)


def laad_staphorst(demo: Demo) -> None:
    door = demo.gebruikers["coordinator.staphorst"]
    plan = services.plan_create(
        gemeente=demo.gemeenten["Staphorst"],
        titel="Integraal Veiligheidsplan Staphorst 2023–2026",
        traject_start=D(2022, 5, 1),
        periode_start=D(2023, 1, 1),
        door=door,
    )
    services.stap_start(stap=hulp.stap(plan, 1), door=door, op=D(2022, 5, 2))
