"""The step-5 check that `stappen` cannot make itself (it may not import this app):
registered with `stappen.guards.registreer_sluitcontrole` in `UitvoeringConfig.ready()`.

Step 5 closes only when every activity of the first year's uitvoeringsplan is tied to a
doelstelling of the IVP (or, for going-concern work, to a theme on beheer level; an activity
loses its doelstelling when that is removed from the IVP in concept), and the college adopted
it on or after the day the raad adopted the IVP. The stappen guard
checks the adoptions and the raad informed; this adds what only the activities tell. One
query.

The regional activities the plan shows (docs/uitvoering.md, "Regionale activiteiten") do not
hold the step: one tied to a shared priority's doelstelling is tied (the plan shows it only
when it took that priority), and one tied to none is the region's work for all its members,
which the member cannot change; the chain page names it as a loose end instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stappen.constants import DocumentSoort, Keuze
from uitvoering.models import Activiteit

if TYPE_CHECKING:
    from stappen.guards import PlanStand
    from stappen.models import Stap


def stap5_activiteiten(stand: PlanStand, stap: Stap) -> list[str]:
    jaar = stand.plan.periode_start.year
    activiteiten = list(
        # Only the plan's own activities (`uitvoeringsplan__plan`): not the regional ones.
        Activiteit.objects.filter(
            uitvoeringsplan__plan=stand.plan, uitvoeringsplan__jaar=jaar
        ).values_list("titel", "doelstelling__plaatsing__keuze", "beheer_thema__keuze")
    )
    # Tied: to a doelstelling of a priority, or (going concern) to a theme on beheer level.
    los = [
        titel
        for titel, prioriteit, beheer in activiteiten
        if prioriteit != Keuze.PRIORITEIT and beheer != Keuze.BEHEER
    ]
    blokkades = []
    if los:
        blokkades.append(
            f"Niet elke activiteit van het uitvoeringsplan {jaar} is aan een doelstelling "
            "gekoppeld: " + ", ".join(f"‘{t}’" for t in los) + "."
        )
    ivp = stand.vaststelling(stand.document(DocumentSoort.IVP))
    up = stand.vaststelling(stand.document(DocumentSoort.UITVOERINGSPLAN, jaar))
    if ivp is not None and up is not None and up.datum < ivp.datum:
        blokkades.append(
            f"Het college stelde het uitvoeringsplan vast ({up.datum:%d-%m-%Y}) vóórdat de raad "
            f"het IVP vaststelde ({ivp.datum:%d-%m-%Y})."
        )
    return blokkades
