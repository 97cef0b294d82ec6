"""The step-5 check that `stappen` cannot make itself (it may not import this app):
registered with `stappen.guards.registreer_sluitcontrole` in `UitvoeringConfig.ready()`.

Step 5 closes only when every activity of the first year's uitvoeringsplan is tied to a
doelstelling of the IVP (or, for going-concern work, to a theme on beheer level; an activity
loses its doelstelling when that is removed from the IVP in concept), and the college adopted
it on or after the day the raad adopted the IVP. The stappen guard
checks the adoptions and the raad informed; this adds what only the activities tell. One
query.

The regional activities the plan shows count too (docs/uitvoering.md): one tied to a
doelstelling of a shared priority is tied (the plan shows it only when it took that
priority); one tied to none holds the step until the regional coordinator ties it, since an
activity in the plan that contributes to no doelstelling is a loose end whoever carries it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q

from stappen.constants import DocumentSoort, Keuze
from uitvoering.getoond import regionaal_in
from uitvoering.models import Activiteit

if TYPE_CHECKING:
    from stappen.guards import PlanStand
    from stappen.models import Stap


def stap5_activiteiten(stand: PlanStand, stap: Stap) -> list[str]:
    jaar = stand.plan.periode_start.year
    activiteiten = list(
        Activiteit.objects.filter(
            Q(uitvoeringsplan__plan=stand.plan, uitvoeringsplan__jaar=jaar)
            | regionaal_in(stand.plan, jaar)
        )
        .order_by("pk")
        .values_list(
            "titel",
            "doelstelling__plaatsing__keuze",
            "beheer_thema__keuze",
            "regio_id",
            "regiodoelstelling_id",
        )
    )
    # Tied: to a doelstelling of a priority, or (going concern) to a theme on beheer level;
    # a regional one to a doelstelling of a shared priority.
    los = [
        titel
        for titel, prioriteit, beheer, regio, _doel in activiteiten
        if regio is None and prioriteit != Keuze.PRIORITEIT and beheer != Keuze.BEHEER
    ]
    regionaal_los = [
        titel for titel, _p, _b, regio, doel in activiteiten if regio is not None and doel is None
    ]
    blokkades = []
    if los:
        blokkades.append(
            f"Niet elke activiteit van het uitvoeringsplan {jaar} is aan een doelstelling "
            "gekoppeld: " + ", ".join(f"‘{t}’" for t in los) + "."
        )
    if regionaal_los:
        blokkades.append(
            f"Niet elke regionale activiteit in het uitvoeringsplan {jaar} is aan een "
            "bovenlokale doelstelling gekoppeld: "
            + ", ".join(f"‘{t}’" for t in regionaal_los)
            + "; de regionale coördinator koppelt haar."
        )
    ivp = stand.vaststelling(stand.document(DocumentSoort.IVP))
    up = stand.vaststelling(stand.document(DocumentSoort.UITVOERINGSPLAN, jaar))
    if ivp is not None and up is not None and up.datum < ivp.datum:
        blokkades.append(
            f"Het college stelde het uitvoeringsplan vast ({up.datum:%d-%m-%Y}) vóórdat de raad "
            f"het IVP vaststelde ({ivp.datum:%d-%m-%Y})."
        )
    return blokkades
