"""Reads of the hours: the uren page (budgets, forecast, burn-down, the entries page by page),
one entry to correct, and the entries to export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, overload

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from ivp.models import Gebruiker, Plan, gebruiker_naam
from ivp.permissions import mag_plan_regisseren, mag_plan_zien
from ivp.selectors import zichtbaar_plan
from ivp.vaste_query import VasteQuery
from stappen.constants import StapNummer
from stappen.models import Stap
from stappen.rechten import leest_concepten
from stappen.selectors.proces import STAPPEN
from werkgroep.constants import WAARSCHUWING_PROCENT, budget_wijkt_af
from werkgroep.export import Rij, rijen_uit
from werkgroep.grafiek import NUL, Grafiek, burndown, tempo
from werkgroep.models import Lid, Urenregistratie, Werkgroep
from werkgroep.selectors.agendapunten import Keuzes
from werkgroep.selectors.leden import leden_keuze, werkgroep_van

PER_PAGINA = 50


def uren_plan(user: Gebruiker, plan_id: int) -> Plan:
    """A plan whose hours `user` may see: the hours per member are the werkgroep's working
    material, not for a lezer (issue 15); 404 for them and anyone without a role."""
    plan = zichtbaar_plan(user, plan_id)
    if not leest_concepten(user, plan.gemeente_id):
        raise Http404("Plan niet gevonden.")
    return plan


@dataclass(frozen=True)
class UrenLid:
    """A member as the uren page shows them, read as a row (issue 8: a `Lid` with its user,
    budget and a copy of its werkgroep each was 7,000 calls at 80 members)."""

    pk: int
    gebruiker_id: int | None
    weergavenaam: str  # as `Lid.weergavenaam`
    rol: str


@dataclass
class UrenRegel:
    """Budget, spent and remaining of one member."""

    lid: UrenLid
    budget: Decimal | None
    besteed: Decimal
    motivatie: str = ""
    budget_wijkt_af: bool = False
    verwacht: Decimal | None = None  # at the last step deadline, at this person's pace

    @property
    def verwacht_boven_budget(self) -> bool:
        return self.budget is not None and self.verwacht is not None and self.verwacht > self.budget

    @property
    def resterend(self) -> Decimal | None:
        return None if self.budget is None else self.budget - self.besteed

    @property
    def procent(self) -> int | None:
        if not self.budget:
            return None
        return int(self.besteed * 100 / self.budget)

    @property
    def signaal(self) -> str:
        """'over' at 100 %, 'bijna' at 80 %, else ''."""
        procent = self.procent
        if procent is None:
            return ""
        if procent >= 100:
            return "over"
        if procent >= WAARSCHUWING_PROCENT:
            return "bijna"
        return ""


@dataclass
class StapUren:
    stap: Stap
    besteed: Decimal
    verwacht_totaal: Decimal  # all hours expected by this step's deadline, at today's pace
    verwacht_procent: int | None


@dataclass(frozen=True)
class Registratie:
    """One entry of the page's list, read as plain values with its member and step from those
    the page has read already (issue 8: not three model instances per entry)."""

    pk: int
    datum: dt.date
    lid: UrenLid
    stap: Stap | None
    uren: Decimal
    omschrijving: str


class _Registraties:
    """The entries for the Paginator, newest first: their number known beforehand (from the
    grouped sums, so no COUNT of its own), a page read when the Paginator slices it."""

    def __init__(
        self,
        entries: QuerySet[Urenregistratie],
        aantal: int,
        leden: Mapping[int, UrenLid],
        stappen: Mapping[int, Stap],
    ):
        self.waarden = entries.order_by("-datum", "-pk").values_list(
            "pk", "datum", "lid_id", "stap_id", "uren", "omschrijving"
        )
        self.aantal = aantal
        self.leden = leden
        self.stappen = stappen

    def __len__(self) -> int:
        return self.aantal

    def __iter__(self) -> Iterator[Registratie]:
        return iter(self[:])

    @overload
    def __getitem__(self, index: int) -> Registratie: ...
    @overload
    def __getitem__(self, index: slice) -> list[Registratie]: ...
    def __getitem__(self, index: int | slice) -> Registratie | list[Registratie]:
        if isinstance(index, int):
            return self[index : index + 1][0]
        return [
            Registratie(
                pk=pk,
                datum=datum,
                lid=self.leden[lid_id],
                stap=None if stap_id is None else self.stappen[stap_id],
                uren=uren,
                omschrijving=omschrijving,
            )
            for pk, datum, lid_id, stap_id, uren, omschrijving in self.waarden[index]
        ]


@dataclass
class UrenPagina:
    plan: Plan
    werkgroep: Werkgroep | None
    mag_regisseren: bool
    eigen: UrenRegel | None
    regels: list[UrenRegel]
    per_stap: list[StapUren]
    zonder_stap: Decimal
    totaal_budget: Decimal
    totaal_besteed: Decimal
    registraties: Page[Registratie]  # one page of the entries, newest first
    grafiek: Grafiek | None
    stappen: list[Stap]
    vandaag: dt.date
    laatste_deadline: dt.date
    # The options of the hours form, from what the page read; the querysets are made only to
    # check a posted choice (`werkgroep.forms.LuiKeuze`). No member to choose for a member.
    stap_keuzes: Keuzes
    lid_keuzes: Keuzes | None


# The page's reads, compiled once per process (issue 8).
_LEDEN_MET_BUDGET = VasteQuery(
    lambda plan_id: (
        Lid.objects.filter(werkgroep__plan_id=plan_id)
        .order_by("pk")
        .values_list(
            "pk",
            "gebruiker_id",
            "naam",
            "gebruiker__first_name",
            "gebruiker__last_name",
            "gebruiker__username",
            "rol",
            "urenbudget__uren",
            "urenbudget__motivatie",
            "werkgroep_id",
            "werkgroep__uren_gesloten_tot",
        )
    ),
    "plan_id",
)


def _uren_van(werkgroep_id: int) -> QuerySet[Urenregistratie]:
    """The entries through their members' werkgroep: one parameter (psycopg parses a query of
    more than 50 parameters anew each time, as the members' ids would be)."""
    return Urenregistratie.objects.filter(lid__werkgroep_id=werkgroep_id)


# The sums per member and per step, and the number of entries of each member, from one pass
# over the entries: grouped by both, at most members × steps groups.
_SOMMEN = VasteQuery(
    lambda werkgroep_id: (
        _uren_van(werkgroep_id)
        .values_list("lid_id", "stap_id")
        .annotate(totaal=Sum("uren"), aantal=Count("pk"))
        .order_by()
    ),
    "werkgroep_id",
)
_PER_DAG = VasteQuery(
    lambda werkgroep_id: (
        _uren_van(werkgroep_id).values_list("datum").annotate(totaal=Sum("uren")).order_by("datum")
    ),
    "werkgroep_id",
)


def _leden(plan: Plan) -> tuple[list[UrenRegel], Werkgroep | None]:
    """A row per member with their budget, and the werkgroep (from the members' rows; read
    apart only when it has none)."""
    regels = []
    werkgroep = None
    for (
        pk,
        gebruiker_id,
        naam,
        voornaam,
        achternaam,
        gebruikersnaam,
        rol,
        budget,
        motivatie,
        werkgroep_id,
        gesloten_tot,
    ) in _LEDEN_MET_BUDGET.rijen(plan_id=plan.pk):
        if werkgroep is None:
            werkgroep = Werkgroep(pk=werkgroep_id, plan=plan, uren_gesloten_tot=gesloten_tot)
        if gebruiker_id:
            naam = gebruiker_naam(voornaam, achternaam, gebruikersnaam)
        regels.append(
            UrenRegel(
                lid=UrenLid(pk=pk, gebruiker_id=gebruiker_id, weergavenaam=naam, rol=rol),
                budget=budget,
                besteed=NUL,
                motivatie=motivatie or "",
                budget_wijkt_af=budget is not None and budget_wijkt_af(rol, budget),
            )
        )
    return regels, werkgroep if regels else werkgroep_van(plan)


def _per_stap(
    stappen: list[Stap],
    besteed: dict[int | None, Decimal],
    totaal: Decimal,
    budget: Decimal,
    per_dag: Decimal,
    vandaag: dt.date,
) -> list[StapUren]:
    """For each step of the method (not the uitvoering, which is outside the startnotitie's
    estimate): hours spent on it, and all hours expected by its deadline at today's pace."""
    regels = []
    for stap in stappen:
        dagen = max((stap.gepland_eind - vandaag).days, 0)
        verwacht = (totaal + per_dag * dagen).quantize(Decimal("1"))
        regels.append(
            StapUren(
                stap=stap,
                besteed=besteed.get(stap.pk, NUL),
                verwacht_totaal=verwacht,
                verwacht_procent=int(verwacht * 100 / budget) if budget else None,
            )
        )
    return regels


def uren_pagina(user: Gebruiker, plan_id: int, pagina: int | str | None = 1) -> UrenPagina:
    """The uren page. `pagina` is the page of entries asked for (as in the query string);
    a wrong or missing number gives the first page, one beyond the end the last."""
    plan = uren_plan(user, plan_id)
    regie = mag_plan_regisseren(user, plan)
    vandaag = timezone.localdate()
    regels, werkgroep = _leden(plan)
    per_lid = {regel.lid.pk: regel.lid for regel in regels}
    besteed: dict[int, Decimal] = {}
    per_stap_besteed: dict[int | None, Decimal] = {}
    aantal_per_lid: dict[int, int] = {}
    if werkgroep is not None:
        for lid_id, stap_id, totaal, aantal in _SOMMEN.rijen(werkgroep_id=werkgroep.pk):
            besteed[lid_id] = besteed.get(lid_id, NUL) + totaal
            per_stap_besteed[stap_id] = per_stap_besteed.get(stap_id, NUL) + totaal
            aantal_per_lid[lid_id] = aantal_per_lid.get(lid_id, 0) + aantal
    for regel in regels:
        regel.besteed = besteed.get(regel.lid.pk, NUL)
    eigen = next((r for r in regels if r.lid.gebruiker_id == user.pk), None)
    stappen = STAPPEN.objecten(plan_id=plan.pk)
    methode = [s for s in stappen if s.nummer != StapNummer.UITVOERING]
    totaal_budget = sum((r.budget or NUL for r in regels), NUL)
    totaal_besteed = sum(besteed.values(), NUL)
    laatste_deadline = max((s.gepland_eind for s in methode), default=plan.einde)
    nog_dagen = max((laatste_deadline - vandaag).days, 0)
    for regel in regels:
        eigen_tempo = tempo(plan.traject_start, vandaag, regel.besteed)
        regel.verwacht = (regel.besteed + eigen_tempo * nog_dagen).quantize(Decimal("0.1"))
    per_stap = _per_stap(
        methode,
        per_stap_besteed,
        totaal_besteed,
        totaal_budget,
        tempo(plan.traject_start, vandaag, totaal_besteed),
        vandaag,
    )
    # The coordinator sees every entry, a member their own.
    getoond = list(per_lid) if regie else [eigen.lid.pk] if eigen else []
    if werkgroep is None:
        getoond_qs = Urenregistratie.objects.none()
    elif regie:
        getoond_qs = _uren_van(werkgroep.pk)
    else:
        getoond_qs = Urenregistratie.objects.filter(lid_id__in=getoond)
    registraties = _Registraties(
        getoond_qs,
        sum(aantal_per_lid.get(pk, 0) for pk in getoond),
        per_lid,
        {stap.pk: stap for stap in stappen},
    )
    grafiek = None
    if regie and totaal_budget and werkgroep is not None:
        grafiek = burndown(
            start=plan.traject_start,
            eind=laatste_deadline,
            vandaag=vandaag,
            budget=totaal_budget,
            per_dag=_PER_DAG.rijen(werkgroep_id=werkgroep.pk),
            deadlines=[(s.nummer, s.gepland_eind) for s in methode],
        )
    return UrenPagina(
        plan=plan,
        werkgroep=werkgroep,
        mag_regisseren=regie,
        eigen=eigen,
        regels=regels if regie else ([eigen] if eigen else []),
        per_stap=per_stap,
        zonder_stap=per_stap_besteed.get(None, NUL),
        totaal_budget=totaal_budget,
        totaal_besteed=totaal_besteed,
        registraties=Paginator(registraties, PER_PAGINA).get_page(pagina),
        grafiek=grafiek,
        stappen=methode,
        vandaag=vandaag,
        laatste_deadline=laatste_deadline,
        stap_keuzes=Keuzes(lambda: stappen_keuze(plan), [(s.pk, str(s)) for s in methode]),
        lid_keuzes=Keuzes(
            lambda: leden_keuze(werkgroep.pk if werkgroep else None),
            [(r.lid.pk, r.lid.weergavenaam) for r in regels],
        )
        if regie
        else None,
    )


@dataclass(frozen=True)
class UrenSchrijven:
    """What a posted hour entry needs, without the page (issue 8: a valid entry redirects,
    so reading the sums, the burn-down and the entries for it was wasted). `leden` are the
    members the coordinator may choose (None: a member writes their own, `eigen`), `lid_van`
    finds the one posted; all come with their werkgroep and plan, which the service reads."""

    plan: Plan
    mag_regisseren: bool
    eigen: Lid | None
    leden: QuerySet[Lid] | None
    lid_van: Callable[[int], Lid | None] | None = None

    @property
    def mag_schrijven(self) -> bool:
        return self.mag_regisseren or self.eigen is not None


def _leden_om_te_schrijven(plan_id: int) -> QuerySet[Lid]:
    """The plan's members with what the service reads of them (their plan, its gemeente)."""
    return Lid.objects.filter(werkgroep__plan_id=plan_id).select_related(
        "gebruiker", "werkgroep__plan__gemeente"
    )


# A member's own membership, and the member a coordinator posts for, compiled once (issue 8:
# their joins were ~2,000 calls a post).
_LID_VAN_PLAN = VasteQuery(
    lambda plan_id, pk: _leden_om_te_schrijven(plan_id).filter(pk=pk).order_by(),
    "plan_id",
    "pk",
)
_EIGEN_LID = VasteQuery(
    lambda plan_id, gebruiker_id: (
        _leden_om_te_schrijven(plan_id).filter(gebruiker_id=gebruiker_id).order_by("pk")[:1]
    ),
    "plan_id",
    "gebruiker_id",
)


def uren_schrijven(user: Gebruiker, plan_id: int) -> UrenSchrijven:
    """The plan (404 as for the page), and the member or members `user` may write hours for.
    A coordinator's post reads no member beforehand: the form finds the one chosen
    (`lid_van`)."""
    plan = uren_plan(user, plan_id)
    if mag_plan_regisseren(user, plan):

        def lid_van(pk: int) -> Lid | None:
            gevonden = _LID_VAN_PLAN.objecten(plan_id=plan.pk, pk=pk)
            return gevonden[0] if gevonden else None

        return UrenSchrijven(
            plan=plan,
            mag_regisseren=True,
            eigen=None,
            leden=_leden_om_te_schrijven(plan.pk),
            lid_van=lid_van,
        )
    eigen = _EIGEN_LID.objecten(plan_id=plan.pk, gebruiker_id=user.pk)
    return UrenSchrijven(
        plan=plan, mag_regisseren=False, eigen=eigen[0] if eigen else None, leden=None
    )


def stappen_keuze(plan: Plan) -> QuerySet[Stap]:
    """The steps an hour entry can be booked on: those of the method, not the uitvoering."""
    return Stap.objects.filter(plan=plan).exclude(nummer=StapNummer.UITVOERING).order_by("nummer")


def eigen_registratie(user: Gebruiker, registratie_id: int) -> Urenregistratie:
    """An hour entry `user` may change: their own, or any of a plan they steer."""
    registratie = (
        Urenregistratie.objects.select_related("lid__werkgroep__plan__gemeente", "lid__gebruiker")
        .filter(pk=registratie_id)
        .first()
    )
    if registratie is None:
        raise Http404("Registratie niet gevonden.")
    plan = registratie.lid.werkgroep.plan
    eigen = registratie.lid.gebruiker_id == user.pk and mag_plan_zien(user, plan)
    if not (eigen or mag_plan_regisseren(user, plan)):
        raise Http404("Registratie niet gevonden.")
    return registratie


def registratie_historie(registratie: Urenregistratie) -> QuerySet[Any]:
    """Every version of an entry, newest first (also within one second), with who made it."""
    return registratie.history.select_related("history_user").order_by(
        "-history_date", "-history_id"
    )


def export_rijen(user: Gebruiker, plan_id: int) -> Iterator[Rij]:
    """The rows to export, in date order: every entry for the coordinator, one's own for a
    member; 404 without access. Read as plain values in chunks, so a large export stays small
    in memory, with the plan's members and steps read once (a werkgroep has 7–8 members, a
    plan seven steps), not a model instance per entry (issue 8)."""
    plan = uren_plan(user, plan_id)
    qs = Urenregistratie.objects.filter(lid__werkgroep__plan=plan)
    if not mag_plan_regisseren(user, plan):
        qs = qs.filter(lid__gebruiker=user)
    leden = {
        lid.pk: lid for lid in Lid.objects.filter(werkgroep__plan=plan).select_related("gebruiker")
    }
    stappen = {stap.pk: stap for stap in Stap.objects.filter(plan=plan)}
    waarden = (
        qs.order_by("datum", "pk")
        .values_list("datum", "lid_id", "stap_id", "uren", "omschrijving")
        .iterator(chunk_size=2000)
    )
    return rijen_uit(waarden, leden, stappen)
