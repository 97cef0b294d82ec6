"""The uitvoering's column of the regional overview (`regio.overzicht`, docs/regio.md): per
member plan, its activities of the newest uitvoeringsplan by state, and the latest progress
recorded for them. Counts only, never an activity's text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from django.db.models import OuterRef, Subquery

from ivp.models import Plan
from regio.overzicht import Cel, Kolom
from uitvoering.constants import ActiviteitStatus, VoortgangStatus
from uitvoering.models import Activiteit, Voortgang
from uitvoering.selectors import regionale_voortgang


def _telling(aantallen: Counter[str], keuzes: type[ActiviteitStatus | VoortgangStatus]) -> str:
    return ", ".join(
        f"{aantallen[waarde]} {label.lower()}"
        for waarde, label in keuzes.choices
        if aantallen[waarde]
    )


def activiteiten(plannen: Sequence[Plan]) -> Mapping[int, Cel]:
    """The activities of each plan's newest uitvoeringsplan, counted by state and by their
    latest quarter's progress. One query."""
    laatste = Subquery(
        Voortgang.objects.filter(activiteit=OuterRef("pk"))
        .order_by("-kwartaal")
        .values("status")[:1]
    )
    per_plan: dict[int, tuple[int, Counter[str], Counter[str]]] = {}
    for plan_id, jaar, status, voortgang in (
        Activiteit.objects.filter(uitvoeringsplan__plan__in=plannen)
        .annotate(laatste_voortgang=laatste)
        .values_list(
            "uitvoeringsplan__plan_id", "uitvoeringsplan__jaar", "status", "laatste_voortgang"
        )
        .order_by()
    ):
        bekend = per_plan.get(plan_id)
        if bekend is None or bekend[0] < jaar:
            bekend = per_plan[plan_id] = (jaar, Counter(), Counter())
        elif bekend[0] > jaar:
            continue
        bekend[1][status] += 1
        if voortgang:
            bekend[2][voortgang] += 1
    cellen: dict[int, Cel] = {}
    for plan_id, (jaar, statussen, voortgang) in per_plan.items():
        totaal = sum(statussen.values())
        woord = "activiteit" if totaal == 1 else "activiteiten"
        tekst = f"{jaar}: {totaal} {woord} ({_telling(statussen, ActiviteitStatus)})"
        toelichting = (
            f"Laatste voortgang: {_telling(voortgang, VoortgangStatus)}"
            if voortgang
            else "Nog geen voortgang gemeld"
        )
        cellen[plan_id] = Cel(tekst, toelichting)
    return cellen


def regionale_activiteiten(plannen: Sequence[Plan]) -> Mapping[int, Cel]:
    """The regional activities each plan shows this year (docs/uitvoering.md), by their
    latest progress. Two queries."""
    return {
        plan_id: Cel(telling.tekst, f"Jaar {telling.jaar}")
        for plan_id, telling in regionale_voortgang(plannen).items()
        if telling.aantal
    }


# The plan's own activities, and the region's that its plan shows.
ACTIVITEITEN = Kolom(
    sleutel="activiteiten", titel="Eigen activiteiten", waarden=activiteiten, volgorde=10
)
REGIONALE_ACTIVITEITEN = Kolom(
    sleutel="regionale_activiteiten",
    titel="Regionale activiteiten",
    waarden=regionale_activiteiten,
    volgorde=11,
)
