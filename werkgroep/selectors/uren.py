"""Reads of the hours: the uren page (budgets, forecast, burn-down, the entries page by page),
one entry to correct, and the entries to export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, overload

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from ivp.models import Gebruiker, Plan
from ivp.permissions import mag_plan_regisseren, mag_plan_zien
from ivp.selectors import zichtbaar_plan
from stappen.constants import StapNummer
from stappen.models import Stap
from stappen.rechten import leest_concepten
from werkgroep.constants import WAARSCHUWING_PROCENT
from werkgroep.export import Rij, rijen_uit
from werkgroep.grafiek import NUL, Grafiek, burndown, tempo
from werkgroep.models import Lid, Urenregistratie, Werkgroep
from werkgroep.selectors.leden import werkgroep_van

PER_PAGINA = 50


def uren_plan(user: Gebruiker, plan_id: int) -> Plan:
    """A plan whose hours `user` may see: the hours per member are the werkgroep's working
    material, not for a lezer (issue 15); 404 for them and anyone without a role."""
    plan = zichtbaar_plan(user, plan_id)
    if not leest_concepten(user, plan.gemeente_id):
        raise Http404("Plan niet gevonden.")
    return plan


@dataclass
class UrenRegel:
    """Budget, spent and remaining of one member."""

    lid: Lid
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
    lid: Lid
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
        leden: Mapping[int, Lid],
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


def _uren_regels(leden: list[Lid], besteed: dict[int, Decimal]) -> list[UrenRegel]:
    regels = []
    for lid in leden:
        budget = getattr(lid, "urenbudget", None)
        regels.append(
            UrenRegel(
                lid=lid,
                budget=budget.uren if budget else None,
                besteed=besteed.get(lid.pk, NUL),
                motivatie=budget.motivatie if budget else "",
                budget_wijkt_af=bool(budget and budget.wijkt_af),
            )
        )
    return regels


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
    # The members with their werkgroep: the werkgroep is read apart only when it has none.
    leden = list(
        Lid.objects.filter(werkgroep__plan_id=plan.pk)
        .select_related("gebruiker", "urenbudget", "werkgroep")
        .order_by("pk")
    )
    werkgroep = leden[0].werkgroep if leden else werkgroep_van(plan)
    per_lid = {lid.pk: lid for lid in leden}
    # The members' entries through their werkgroep: one parameter. By the members' ids, 80 at
    # 50×, psycopg parsed each of the three queries again (it keeps a parsed query only up to
    # 50 parameters), a tenth of the selector (issue 8).
    alle = (
        Urenregistratie.objects.filter(lid__werkgroep_id=werkgroep.pk)
        if werkgroep is not None
        else Urenregistratie.objects.none()
    )
    # The sums per member and per step, and the number of entries of each member, from one
    # pass over the entries: grouped by both, at most members × steps groups (issue 8).
    besteed: dict[int, Decimal] = {}
    per_stap_besteed: dict[int | None, Decimal] = {}
    aantal_per_lid: dict[int, int] = {}
    for lid_id, stap_id, totaal, aantal in (
        alle.values_list("lid_id", "stap_id")
        .annotate(totaal=Sum("uren"), aantal=Count("pk"))
        .order_by()
    ):
        besteed[lid_id] = besteed.get(lid_id, NUL) + totaal
        per_stap_besteed[stap_id] = per_stap_besteed.get(stap_id, NUL) + totaal
        aantal_per_lid[lid_id] = aantal_per_lid.get(lid_id, 0) + aantal
    regels = _uren_regels(leden, besteed)
    eigen = next((r for r in regels if r.lid.gebruiker_id == user.pk), None)
    stappen = list(Stap.objects.filter(plan=plan).order_by("nummer"))
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
    registraties = _Registraties(
        alle if regie else Urenregistratie.objects.filter(lid_id__in=getoond),
        sum(aantal_per_lid.get(pk, 0) for pk in getoond),
        per_lid,
        {stap.pk: stap for stap in stappen},
    )
    grafiek = None
    if regie and totaal_budget:
        per_dag = alle.values("datum").annotate(totaal=Sum("uren")).order_by("datum")
        grafiek = burndown(
            start=plan.traject_start,
            eind=laatste_deadline,
            vandaag=vandaag,
            budget=totaal_budget,
            per_dag=[(r["datum"], r["totaal"]) for r in per_dag],
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
    )


@dataclass(frozen=True)
class UrenSchrijven:
    """What a posted hour entry needs, without the page (issue 8: a valid entry redirects,
    so reading the sums, the burn-down and the entries for it was wasted). `leden` are the
    members the coordinator may choose (None: a member writes their own, `eigen`); both come
    with their werkgroep and plan, which the service reads."""

    plan: Plan
    mag_regisseren: bool
    eigen: Lid | None
    leden: QuerySet[Lid] | None

    @property
    def mag_schrijven(self) -> bool:
        return self.mag_regisseren or self.eigen is not None


def uren_schrijven(user: Gebruiker, plan_id: int) -> UrenSchrijven:
    """The plan (404 as for the page), and the member or members `user` may write hours for.
    A coordinator's post reads no member beforehand: the form's choice is checked by its
    queryset."""
    plan = uren_plan(user, plan_id)
    regie = mag_plan_regisseren(user, plan)
    leden = Lid.objects.filter(werkgroep__plan_id=plan.pk).select_related(
        "gebruiker", "werkgroep__plan__gemeente"
    )
    eigen = None if regie else leden.filter(gebruiker=user).order_by("pk").first()
    return UrenSchrijven(
        plan=plan, mag_regisseren=regie, eigen=eigen, leden=leden if regie else None
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
