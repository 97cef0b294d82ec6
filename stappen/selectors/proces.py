"""The reads of the process pages (start page, plan page) and the plan's state that the
guards read, each in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from django.http import Http404

from ivp.models import Bericht, Gebruiker, Plan
from ivp.permissions import PLAN_LEZERS, gemeenten_met_rol, mag_plan_regisseren
from ivp.selectors import niet_verzonden, plan_lezer, zichtbaar_plan
from ivp.vaste_query import VasteQuery
from stappen import signalen
from stappen.constants import DocumentStatus, StapStatus
from stappen.guards import PlanStand, sluitblokkades, startblokkades, waarschuwingen
from stappen.models import (
    Analyse,
    Besluit,
    Document,
    Doelstelling,
    Overgang,
    Plaatsing,
    Prioritering,
    Stap,
)
from stappen.rechten import leest_concepten
from stappen.selectors.kalender import PlanningRegel, bestuurlijke_planning
from stappen.signalen import Aanvulling
from veiligheidsvelden.models import Thema, Veld


def plannen_voor(user: Gebruiker) -> QuerySet[Plan]:
    """The plans `user` may see, newest first per gemeente, with their active steps."""
    return (
        Plan.objects.filter(gemeente_id__in=gemeenten_met_rol(user, PLAN_LEZERS))
        .select_related("gemeente")
        .annotate(aantal_afgerond=Count("stappen", filter=Q(stappen__status=StapStatus.AFGEROND)))
        .prefetch_related(
            Prefetch(
                "stappen",
                queryset=Stap.objects.filter(status=StapStatus.ACTIEF).order_by("nummer"),
                to_attr="actieve_stappen",
            )
        )
        .order_by("gemeente__naam", "-periode_start")
    )


class StandLader:
    """The parts of a plan's `PlanStand` that only some guards read, one query each, asked by
    the stand on first use. The orderings are those of the models' Meta within one plan,
    written out: a Meta ordering on "plan" sorts by the plan's own ordering and so joins the
    plan and its gemeente into every query for nothing."""

    def __init__(self, plan: Plan, *, prioritering_met_plan: bool = False) -> None:
        self.plan = plan
        # The plan was just read with its prioritering (`plan_pagina`): take that one. A plan
        # object kept longer (a service, the demo) may hold a stale one, so only then.
        self.prioritering_met_plan = prioritering_met_plan

    def velden(self) -> list[Veld]:
        return list(Veld.objects.all())

    def analyses(self) -> list[Analyse]:
        return list(
            Analyse.objects.filter(plan=self.plan, thema__isnull=True).order_by("veld__code")
        )

    def plaatsingen(self) -> list[Plaatsing]:
        return PLAATSINGEN.objecten(plan_id=self.plan.pk)

    def aantal_doelstellingen(self) -> dict[int, int]:
        return dict(
            Doelstelling.objects.filter(plaatsing__plan=self.plan)
            .order_by()
            .values("plaatsing_id")
            .annotate(n=Count("pk"))
            .values_list("plaatsing_id", "n")
        )

    def hoofdthemas(self) -> list[Thema]:
        return _HOOFDTHEMAS.objecten(gemeente_id=self.plan.gemeente_id)

    def prioritering(self) -> Prioritering | None:
        if self.prioritering_met_plan:
            return getattr(self.plan, "prioritering", None)
        return Prioritering.objects.filter(plan=self.plan).first()


# The reads of `laad_stand` and `StandLader` that every plan page and every transition makes,
# compiled once per process (issue 8).
# The plan's steps in their order (also the hours page's, `werkgroep.selectors.uren`).
STAPPEN = VasteQuery(
    lambda plan_id: Stap.objects.filter(plan_id=plan_id).order_by("nummer"), "plan_id"
)
_DOCUMENTEN = VasteQuery(
    lambda plan_id: Document.objects.filter(plan_id=plan_id).order_by("stap__nummer", "jaar"),
    "plan_id",
)
# The plan's placings with their themes, in their order (also last time's, `vervolg`).
PLAATSINGEN = VasteQuery(
    lambda plan_id: (
        Plaatsing.objects.filter(plan_id=plan_id)
        .select_related("thema")
        .order_by("volgorde", "thema__code")
    ),
    "plan_id",
)
# The gemeente's mails that failed after the last attempt (the coordinator's plan page).
_NIET_VERZONDEN = VasteQuery(lambda gemeente_id: niet_verzonden(gemeente_id)[:20], "gemeente_id")
_HOOFDTHEMAS = VasteQuery(
    lambda gemeente_id: Thema.objects.voor_gemeente(gemeente_id).hoofdthemas().order_by("code"),
    "gemeente_id",
)


def laad_stand(plan: Plan, *, prioritering_met_plan: bool = False) -> PlanStand:
    """Everything the guards read for `plan`: its steps and its documents with their
    decisions (three queries), the rest when a guard first reads it (`StandLader`, at most
    six more), whatever its size."""
    stappen = {s.nummer: s for s in STAPPEN.objecten(plan_id=plan.pk)}
    documenten = _DOCUMENTEN.objecten(plan_id=plan.pk)
    prefetch_related_objects(
        documenten,
        Prefetch("besluiten", queryset=Besluit.objects.order_by("datum", "vastgelegd_op")),
    )
    stand = PlanStand(
        plan=plan,
        stappen=stappen,
        documenten=documenten,
        lader=StandLader(plan, prioritering_met_plan=prioritering_met_plan),
    )
    for stap in stappen.values():
        stap.plan = plan
    for document in stand.documenten:
        document.plan = plan
    return stand


def regie_stap(user: Gebruiker, plan_id: int, nummer: int) -> Stap:
    """A step of a plan that `user` steers; 404 for anyone else (never a hint it exists)."""
    stap = (
        Stap.objects.select_related("plan__gemeente").filter(plan_id=plan_id, nummer=nummer).first()
    )
    if stap is None or not mag_plan_regisseren(user, stap.plan):
        raise Http404("Stap niet gevonden.")
    return stap


@dataclass
class StapRegel:
    """One step as the plan page shows it."""

    stap: Stap
    blokkades: list[str]
    waarschuwingen: list[str]
    kan_starten: bool
    kan_afronden: bool
    kan_heropenen: bool
    te_laat: bool
    documenten: list = field(default_factory=list)


@dataclass
class PlanPagina:
    plan: Plan
    stand: PlanStand
    regels: list[StapRegel]
    mag_regisseren: bool
    overgangen: list[Overgang]
    niet_verzonden: list[Bericht]
    # The steps the raad decides, with the raad meeting chosen for them.
    bestuurlijk: list[PlanningRegel] = field(default_factory=list)
    leest_concepten: bool = True  # False: a lezer, who sees no blockers and no drafts
    # What other apps add (stappen.signalen): sub-navigation entries and notices.
    aanvulling: Aanvulling = field(default_factory=Aanvulling)


# Plans as `zichtbaar_plan` reads them, with the plan each follows and the plan that follows
# it (`stappen.selectors.vervolg.herkomst`, the plan page's notice) and its prioritering (step
# 3's guard, `StandLader.prioritering`): in the same query.
_PLAN_MET_HERKOMST = plan_lezer("herkomst__vorig_plan", "opvolging__plan", "prioritering")


def plan_pagina(user: Gebruiker, plan_id: int) -> PlanPagina:
    plan = zichtbaar_plan(user, plan_id, uit=_PLAN_MET_HERKOMST)
    stand = laad_stand(plan, prioritering_met_plan=True)
    regie = mag_plan_regisseren(user, plan)
    concepten = leest_concepten(user, plan.gemeente_id)
    regels = []
    for nummer in sorted(stand.stappen):
        stap = stand.stappen[nummer]
        if not concepten:
            # What is still missing (unplaced themes, open analyses) is draft content.
            blokkades = []
        elif stap.status == StapStatus.GEPLAND:
            blokkades = startblokkades(stand, stap)
        elif stap.status == StapStatus.ACTIEF:
            blokkades = sluitblokkades(stand, stap)
        else:
            blokkades = []
        regels.append(
            StapRegel(
                stap=stap,
                blokkades=blokkades,
                waarschuwingen=waarschuwingen(stand, stap) if concepten else [],
                kan_starten=regie and stap.status == StapStatus.GEPLAND and not blokkades,
                kan_afronden=regie and stap.status == StapStatus.ACTIEF and not blokkades,
                kan_heropenen=regie and stap.status == StapStatus.AFGEROND,
                te_laat=stap.is_te_laat(stand.vandaag),
                documenten=[
                    d
                    for d in stand.documenten
                    if d.stap_id == stap.pk and (concepten or d.is_vastgesteld)
                ],
            )
        )
    # A lezer's log: the steps and the adopted documents, not what happened to drafts. Their
    # ids and objects come from the stand: no join to find them, none to read them.
    stappen = {stap.pk: stap for stap in stand.stappen.values()}
    documenten = {
        d.pk: d for d in stand.documenten if concepten or d.status == DocumentStatus.VASTGESTELD
    }
    overgangen = list(
        Overgang.objects.filter(Q(stap_id__in=list(stappen)) | Q(document_id__in=list(documenten)))
        .select_related("door")
        .order_by("-op", "-pk")[:10]
    )
    for overgang in overgangen:
        if overgang.stap_id:
            overgang.stap = stappen[overgang.stap_id]
        elif overgang.document_id:
            overgang.document = documenten[overgang.document_id]
    return PlanPagina(
        plan=plan,
        stand=stand,
        regels=regels,
        mag_regisseren=regie,
        overgangen=overgangen,
        # Mails of the gemeente that failed after the last attempt: the coordinator sees them.
        niet_verzonden=_NIET_VERZONDEN.objecten(gemeente_id=plan.gemeente_id) if regie else [],
        bestuurlijk=bestuurlijke_planning(plan, stand.stappen, stand.documenten),
        leest_concepten=concepten,
        aanvulling=signalen.voor_plan(user, plan),
    )
