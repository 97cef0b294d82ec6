"""The reads of the regional activities (docs/uitvoering.md, "Regionale activiteiten"): the
region's page per year for its coordinator, the activity a regional coordinator or its
trekker may write (404 for anyone else, never a hint), the choices of the form, and for the
regional overview the progress of the regional activities each member plan shows
(`regionale_voortgang`). Each in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from ivp.models import Gebruiker, Gemeente, Plan, Regio
from ivp.permissions import mag_regio_regisseren
from regio.constants import DeelSoort, OvernameKeuze
from regio.models import Overname, Regiodoelstelling
from uitvoering.constants import KWARTALEN, VoortgangStatus
from uitvoering.getoond import toont
from uitvoering.models import Activiteit, Voortgang
from uitvoering.rechten import TREKKER_ROLLEN, mag_voortgang_schrijven
from uitvoering.selectors.plannen import (
    NUL,
    Blok,
    VoortgangRegel,
    _activiteiten,
    groepeer,
)

JAAR_MIN, JAAR_MAX = 2000, 2100


def regie_regio(user: Gebruiker, regio_id: int) -> Regio:
    regio = Regio.objects.filter(pk=regio_id).first()
    if regio is None or not mag_regio_regisseren(user, regio.pk):
        raise Http404("Regio niet gevonden.")
    return regio


def _regionaal(activiteit_id: int) -> Activiteit | None:
    return _activiteiten().filter(pk=activiteit_id, regio__isnull=False).first()


def regie_regionale_activiteit(user: Gebruiker, activiteit_id: int) -> Activiteit:
    """A regional activity for a regional coordinator of its region to change."""
    activiteit = _regionaal(activiteit_id)
    if activiteit is None or not mag_regio_regisseren(user, activiteit.regio_id or 0):
        raise Http404("Activiteit niet gevonden.")
    return activiteit


def schrijfbare_regionale_activiteit(user: Gebruiker, activiteit_id: int) -> Activiteit:
    """A regional activity whose progress `user` records: a regional coordinator of its
    region, or its trekker."""
    activiteit = _regionaal(activiteit_id)
    if activiteit is None or not mag_voortgang_schrijven(user, activiteit):
        raise Http404("Activiteit niet gevonden.")
    return activiteit


def regiodoelstellingen_van(regio: Regio) -> QuerySet[Regiodoelstelling]:
    return (
        Regiodoelstelling.objects.filter(deel__regio=regio, deel__soort=DeelSoort.PRIORITEIT)
        .select_related("deel")
        .order_by("deel__volgorde", "deel__pk", "pk")
    )


def regionale_trekkers(regio: Regio) -> QuerySet[Gebruiker]:
    """Who may be a regional activity's trekker: the regional coordinators, and the
    coordinators and werkgroepleden of the member gemeenten."""
    return (
        Gebruiker.objects.filter(
            Q(regio_regie=regio)
            | Q(rollen__gemeente__regios=regio, rollen__soort__in=TREKKER_ROLLEN)
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def kies_jaar(tekst: str | None) -> int:
    """The year of the region's page (`?jaar=`), this year when missing or wrong."""
    if tekst and tekst.isdigit() and JAAR_MIN <= int(tekst) <= JAAR_MAX:
        return int(tekst)
    return timezone.localdate().year


@dataclass
class RegioPagina:
    regio: Regio
    jaar: int
    blokken: list[Blok]
    regels: list[VoortgangRegel]
    getoond: dict[int, list[str]] = field(default_factory=dict)
    kwartalen: tuple[int, ...] = KWARTALEN

    @property
    def bereik(self) -> list[tuple[Activiteit, list[str]]]:
        """Per activity the member gemeenten whose plan shows it."""
        return [(r.activiteit, self.getoond.get(r.activiteit.pk, [])) for r in self.regels]

    @property
    def aantal(self) -> int:
        return len(self.regels)

    @property
    def begroot(self) -> Decimal:
        return sum((r.activiteit.begroot for r in self.regels), NUL)

    @property
    def besteed(self) -> Decimal:
        return sum((r.activiteit.besteed for r in self.regels), NUL)


def regio_pagina(user: Gebruiker, regio_id: int, jaar: int) -> RegioPagina:
    """The region's activities of `jaar`, grouped by shared priority, with their progress
    and per activity the member gemeenten whose plan shows it. Six queries."""
    regio = regie_regio(user, regio_id)
    activiteiten = list(
        _activiteiten().filter(regio=regio, jaar=jaar).order_by("start", "titel", "pk")
    )
    regels = [
        VoortgangRegel(
            activiteit=a,
            per_kwartaal={v.kwartaal: v for v in a.voortgang.all()},
            mag_schrijven=True,
        )
        for a in activiteiten
    ]
    return RegioPagina(
        regio=regio,
        jaar=jaar,
        blokken=groepeer(activiteiten, []),
        regels=regels,
        getoond=_getoond_bij(regio, jaar, activiteiten),
    )


def _getoond_bij(regio: Regio, jaar: int, activiteiten: list[Activiteit]) -> dict[int, list[str]]:
    """Per activity the member gemeenten whose plan of `jaar` shows it (a plan whose period
    holds the year). Two queries."""
    if not activiteiten:
        return {}
    plannen = [
        p
        for p in Plan.objects.filter(
            gemeente__in=Gemeente.objects.filter(regios=regio), periode_start__year__lte=jaar
        )
        .select_related("gemeente")
        .order_by("gemeente__naam", "pk")
        if p.einde.year >= jaar
    ]
    overgenomen = _overgenomen(plannen)
    getoond: dict[int, list[str]] = {}
    for a in activiteiten:
        deel_id = a.regiodoelstelling.deel_id if a.regiodoelstelling else None
        namen = [p.gemeente.naam for p in plannen if toont(deel_id, p.pk, overgenomen)]
        getoond[a.pk] = list(dict.fromkeys(namen))
    return getoond


def _overgenomen(plannen: Sequence[Plan]) -> set[tuple[int, int]]:
    return set(
        Overname.objects.filter(
            plan__in=[p.pk for p in plannen], keuze=OvernameKeuze.OVERGENOMEN
        ).values_list("plan_id", "deel_id")
    )


@dataclass
class Voortgangstelling:
    """The regional activities one member plan shows in a year, counted by the state of
    their latest progress (`zonder`: none recorded yet)."""

    jaar: int
    per_status: dict[str, int] = field(default_factory=dict)
    zonder: int = 0

    @property
    def aantal(self) -> int:
        return sum(self.per_status.values()) + self.zonder

    @property
    def tekst(self) -> str:
        """ "3 regionaal: 2 op schema, 1 aandacht nodig" (the overview's cell)."""
        if not self.aantal:
            return "Geen regionale activiteiten"
        delen = [
            f"{self.per_status[s]} {label.lower()}"
            for s, label in VoortgangStatus.choices
            if self.per_status.get(s)
        ]
        if self.zonder:
            delen.append(f"{self.zonder} nog zonder voortgang")
        return f"{self.aantal} regionaal: " + ", ".join(delen)


def _jaar_van(plan: Plan, vandaag_jaar: int) -> int:
    return min(max(vandaag_jaar, plan.periode_start.year), plan.einde.year)


def regionale_voortgang(
    plannen: Sequence[Plan], jaar: int | None = None
) -> dict[int, Voortgangstelling]:
    """Per plan id: the regional activities its uitvoeringsplan of `jaar` shows (default: this
    year, or the nearest year of the plan's period), counted by their latest progress. Two
    queries however many plans (for the regional overview's activities column)."""
    if not plannen:
        return {}
    vandaag = timezone.localdate().year
    jaren = {p.pk: jaar if jaar is not None else _jaar_van(p, vandaag) for p in plannen}
    laatste = (
        Voortgang.objects.filter(activiteit=OuterRef("pk")).order_by("-kwartaal").values("status")
    )
    rijen = (
        Activiteit.objects.filter(
            uitvoeringsplan__isnull=True,
            regio__gemeenten__in={p.gemeente_id for p in plannen},
            jaar__in=set(jaren.values()),
        )
        .annotate(laatste=Subquery(laatste[:1]))
        .values_list("pk", "regio__gemeenten", "jaar", "regiodoelstelling__deel_id", "laatste")
    )
    per_gemeente: dict[int, list[tuple[int, int | None, int | None, str | None]]] = {}
    for pk, gemeente_id, a_jaar, deel_id, status in rijen:
        per_gemeente.setdefault(gemeente_id, []).append((pk, a_jaar, deel_id, status))
    overgenomen = _overgenomen(plannen)
    uitkomst: dict[int, Voortgangstelling] = {}
    for plan in plannen:
        telling = Voortgangstelling(jaar=jaren[plan.pk])
        gezien: set[int] = set()
        for rij in per_gemeente.get(plan.gemeente_id, []):
            a_pk, a_jaar, a_deel, a_status = rij
            if a_jaar != telling.jaar or a_pk in gezien or not toont(a_deel, plan.pk, overgenomen):
                continue
            gezien.add(a_pk)
            if a_status:
                telling.per_status[a_status] = telling.per_status.get(a_status, 0) + 1
            else:
                telling.zonder += 1
        uitkomst[plan.pk] = telling
    return uitkomst
