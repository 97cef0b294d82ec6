"""Reads for the next IVP started from the previous one (issue 14): the proposal of the
follow-up form, the evaluation page, the evaluation chapter of the new startnotitie, step 1's
close check and what the prioritering shows of last time. Each in a fixed number of queries.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from ivp.constants import PLANPERIODE_JAREN
from ivp.models import Gebruiker, Plan
from ivp.permissions import heeft_rol, mag_plan_regisseren
from ivp.selectors import regie_gemeenten, regie_plan, zichtbaar_plan
from ivp.vaste_query import VasteQuery
from stappen.constants import DocumentSoort, DocumentStatus, EvaluatieScore, Keuze, StapStatus
from stappen.models import Document, Doelstelling, Evaluatie, Plaatsing, Vervolg
from stappen.rechten import CONCEPT_LEZERS
from stappen.selectors.documenten import plan_document
from stappen.selectors.proces import PLAATSINGEN
from stappen.vervolg import Overname, overnames
from veiligheidsvelden.models import Beleidsdocument, Meting, Thema

if TYPE_CHECKING:
    from stappen.guards import PlanStand
    from stappen.models import Stap
    from stappen.secties import Sectie

EVALUATIE_SLEUTEL = "evaluatie-vorig-ivp"
EVALUATIE_TITEL = "Evaluatie van het vorige IVP"


# --- The follow-up form ------------------------------------------------------------------------


def vorige_plannen(user: Gebruiker) -> list[Plan]:
    """Per gemeente the user steers, its latest plan when nothing follows it yet: the plans a
    new one can start from (one query)."""
    plannen = (
        Plan.objects.filter(gemeente__in=regie_gemeenten(user))
        .select_related("gemeente")
        .annotate(heeft_vervolg=Exists(Vervolg.objects.filter(vorig_plan=OuterRef("pk"))))
        .order_by("gemeente__naam", "-periode_start", "-pk")
    )
    laatste: dict[int, Plan] = {}
    for plan in plannen:
        laatste.setdefault(plan.gemeente_id, plan)
    return [p for p in laatste.values() if not p.heeft_vervolg]  # type: ignore[attr-defined]


@dataclass
class Voorstel:
    vorig_plan: Plan
    titel: str
    traject_start: dt.date
    periode_start: dt.date
    bestaand: Plan | None
    eigen_themas: list[Thema]
    beleid: list[Beleidsdocument]
    keuzes: list[tuple[Overname, list[tuple[str, str]]]]


def _titel(vorig: Plan, start: dt.date) -> str:
    jaren = f"{start.year}–{start.year + PLANPERIODE_JAREN - 1}"
    nieuw, aantal = re.subn(r"\d{4}\s*[–-]\s*\d{4}", jaren, vorig.titel, count=1)
    return nieuw if aantal else f"{vorig.titel} {jaren}"


def vervolg_voorstel(user: Gebruiker, plan_id: int) -> Voorstel:
    """What the follow-up form proposes for the plan after `plan_id` (404 unless the user
    steers it): title and period following on, and what can be taken over."""
    vorig = regie_plan(user, plan_id)
    start = vorig.einde + dt.timedelta(days=1)
    bestaand = Vervolg.objects.filter(vorig_plan=vorig).select_related("plan").first()
    vandaag = timezone.localdate()
    return Voorstel(
        vorig_plan=vorig,
        titel=_titel(vorig, start),
        traject_start=max(vandaag.replace(day=1), dt.date(2000, 1, 1)),
        periode_start=start,
        bestaand=bestaand.plan if bestaand else None,
        eigen_themas=list(Thema.objects.filter(gemeente_id=vorig.gemeente_id).order_by("code")),
        beleid=list(
            Beleidsdocument.objects.filter(gemeente_id=vorig.gemeente_id).order_by("soort", "titel")
        ),
        keuzes=[(o, keuzes) for o in overnames() if (keuzes := o.keuzes(vorig))],
    )


@dataclass
class Herkomst:
    vervolg: Vervolg | None  # the plan this one follows
    opvolger: Plan | None  # the plan that follows this one
    toont_evaluatie: bool  # the evaluation is draft content: not for a lezer


def herkomst(user: Gebruiker, plan: Plan) -> Herkomst | None:
    """The plan this one follows and the plan that follows it, if any: no query for a plan
    read with them (`stappen.selectors.proces.plan_pagina`: `herkomst__vorig_plan` and
    `opvolging__plan`), two for another."""
    # A missing one-to-one raises RelatedObjectDoesNotExist, an AttributeError.
    vervolg: Vervolg | None = getattr(plan, "herkomst", None)
    opvolging: Vervolg | None = getattr(plan, "opvolging", None)
    opvolger = opvolging.plan if opvolging is not None else None
    if vervolg is not None:
        vervolg.plan = plan
    if vervolg is None and opvolger is None:
        return None
    return Herkomst(vervolg, opvolger, heeft_rol(user, plan.gemeente_id, CONCEPT_LEZERS))


# --- The evaluation ----------------------------------------------------------------------------


def _getal(waarde: Decimal) -> str:
    tekst = format(waarde.normalize(), "f") if waarde == waarde.to_integral() else str(waarde)
    tekst = tekst.rstrip("0").rstrip(".") if "." in tekst else tekst
    return tekst.replace(".", ",")


@dataclass
class EvaluatieRegel:
    doelstelling: Doelstelling
    evaluatie: Evaluatie | None
    meting_jaar: int | None
    meting_maand: int | None
    meting_waarde: Decimal | None

    @property
    def meting(self) -> str:
        """The last value beside the streefwaarde, or '' without values."""
        if self.meting_waarde is None:
            return ""
        d = self.doelstelling
        periode = (
            f"{self.meting_maand:02d}-{self.meting_jaar}"
            if self.meting_maand
            else f"{self.meting_jaar}"
        )
        eenheid = f" {d.meetindicator.eenheid}" if d.meetindicator else ""
        tekst = f"Laatste meting {periode}: {_getal(self.meting_waarde)}{eenheid}"
        if d.streefwaarde:
            tekst += f"; streefwaarde {d.streefwaarde}" + (
                f" in {d.streefjaar}" if d.streefjaar else ""
            )
        return tekst


@dataclass
class EvaluatiePagina:
    plan: Plan
    vervolg: Vervolg
    regels: list[EvaluatieRegel]
    mag_regisseren: bool = False
    bewerkbaar: bool = True
    per_score: dict[str, int] = field(default_factory=dict)
    startnotitie: Document | None = None

    @property
    def samenvatting(self) -> list[tuple[str, int]]:
        return [(EvaluatieScore(s).label, n) for s, n in self.per_score.items()]

    @property
    def onbeoordeeld(self) -> list[EvaluatieRegel]:
        return [r for r in self.regels if r.evaluatie is None]


def _laatste(veld: str, gebied_code: str) -> Subquery:
    return Subquery(
        Meting.objects.filter(indicator=OuterRef("meetindicator"), gebied_code=gebied_code)
        .order_by("-jaar", "-maand")
        .values(veld)[:1]
    )


def _doelstellingen(vorig: Plan) -> QuerySet[Doelstelling]:
    return (
        Doelstelling.objects.filter(plaatsing__plan=vorig)
        .select_related("plaatsing__thema", "meetindicator")
        .annotate(
            laatste_jaar=_laatste("jaar", vorig.gemeente.cbs_code),
            laatste_maand=_laatste("maand", vorig.gemeente.cbs_code),
            laatste_waarde=_laatste("waarde", vorig.gemeente.cbs_code),
        )
        .order_by("plaatsing__volgorde", "plaatsing__thema__code", "pk")
    )


def _regels(vervolg: Vervolg) -> list[EvaluatieRegel]:
    evaluaties = {e.doelstelling_id: e for e in Evaluatie.objects.filter(vervolg=vervolg)}
    return [
        EvaluatieRegel(
            doelstelling=d,
            evaluatie=evaluaties.get(d.pk),
            meting_jaar=d.laatste_jaar,  # type: ignore[attr-defined]
            meting_maand=d.laatste_maand,  # type: ignore[attr-defined]
            meting_waarde=d.laatste_waarde,  # type: ignore[attr-defined]
        )
        for d in _doelstellingen(vervolg.vorig_plan)
    ]


def evaluatie_pagina(user: Gebruiker, plan_id: int) -> EvaluatiePagina:
    """Every doelstelling of the previous IVP with its score (if given) and last value; for
    those who read drafts (404 for anyone else, and for a plan not started from another)."""
    plan = zichtbaar_plan(user, plan_id)
    if not heeft_rol(user, plan.gemeente_id, CONCEPT_LEZERS):
        raise Http404("Plan niet gevonden.")
    vervolg = Vervolg.objects.select_related("vorig_plan__gemeente").filter(plan=plan).first()
    if vervolg is None:
        raise Http404("Dit plan is niet gestart vanuit een vorig plan.")
    regels = _regels(vervolg)
    startnotitie = plan_document(plan, DocumentSoort.STARTNOTITIE)
    per_score = {s: 0 for s in EvaluatieScore.values}
    for regel in regels:
        if regel.evaluatie:
            per_score[regel.evaluatie.score] += 1
    return EvaluatiePagina(
        plan=plan,
        vervolg=vervolg,
        regels=regels,
        mag_regisseren=mag_plan_regisseren(user, plan),
        bewerkbaar=startnotitie is None or startnotitie.status == DocumentStatus.CONCEPT,
        per_score=per_score,
        startnotitie=startnotitie,
    )


def evaluatie_doelstelling(plan: Plan, doelstelling_id: int) -> Doelstelling:
    """A doelstelling of the plan `plan` follows; 404 otherwise."""
    doelstelling = Doelstelling.objects.filter(
        pk=doelstelling_id, plaatsing__plan__opvolging__plan=plan
    ).first()
    if doelstelling is None:
        raise Http404("Doelstelling niet gevonden.")
    return doelstelling


def sluitcontrole(stand: PlanStand, stap: Stap) -> list[str]:
    """Step 1 of a plan started from another closes when every doelstelling of that plan has
    a score, or with a motivation (pas toe of leg uit). One query while step 1 is open;
    none once it is afgerond (the plan page asks every step)."""
    if stap.status == StapStatus.AFGEROND:
        return []
    open_ = list(
        Doelstelling.objects.filter(plaatsing__plan__opvolging__plan_id=stand.plan.pk)
        .exclude(evaluaties__vervolg__plan_id=stand.plan.pk)
        .order_by("plaatsing__volgorde", "plaatsing__thema__code", "pk")
        .values_list("tekst", "plaatsing__plan__opvolging__evaluatie_motivatie")
    )
    if not open_ or open_[0][1].strip():
        return []
    namen = "; ".join(f"‘{' '.join(tekst.split())[:80]}’" for tekst, _ in open_)
    aantal = len(open_)
    return [
        f"{aantal} doelstelling{'' if aantal == 1 else 'en'} van het vorige IVP "
        f"{'heeft' if aantal == 1 else 'hebben'} nog geen score: {namen}. Geef elke "
        "doelstelling een score op de evaluatiepagina, of leg uit waarom stap 1 toch sluit."
    ]


def _cel(tekst: str) -> str:
    return " ".join(tekst.split()).replace("|", "\\|") or "–"


def bouw_evaluatie(document: Document) -> list[Sectie]:
    """The startnotitie's chapter 'Evaluatie van het vorige IVP', generated from the scores:
    every doelstelling once, with its score, explanation and last value. Nothing for a plan
    not started from another."""
    vervolg = (
        Vervolg.objects.select_related("vorig_plan__gemeente")
        .filter(plan_id=document.plan_id)
        .first()
    )
    if vervolg is None:
        return []
    regels = _regels(vervolg)
    vorig = vervolg.vorig_plan
    tellers = {s: 0 for s in EvaluatieScore.values}
    for regel in regels:
        if regel.evaluatie:
            tellers[regel.evaluatie.score] += 1
    samenvatting = ", ".join(
        f"{aantal} {EvaluatieScore(s).label.lower()}" for s, aantal in tellers.items() if aantal
    )
    delen = [
        f"De werkgroep heeft de {len(regels)} doelstellingen van ‘{vorig.titel}’ "
        f"({vorig.periode_start:%d-%m-%Y} tot en met {vorig.einde:%d-%m-%Y}) beoordeeld"
        + (f": {samenvatting}." if samenvatting else ".")
    ]
    if regels:
        tabel = [
            "| Prioriteit | Doelstelling | Score | Toelichting | Meting |",
            "| --- | --- | --- | --- | --- |",
        ]
        for r in regels:
            d = r.doelstelling
            score = r.evaluatie.get_score_display() if r.evaluatie else "Nog niet beoordeeld"
            toelichting = r.evaluatie.toelichting if r.evaluatie else ""
            tabel.append(
                f"| {_cel(d.plaatsing.thema.naam)} | {_cel(d.tekst)} | {score} | "
                f"{_cel(toelichting)} | {_cel(r.meting)} |"
            )
        delen.append("\n".join(tabel))
    else:
        delen.append("*Het vorige IVP had geen doelstellingen.*")
    open_ = sum(1 for r in regels if r.evaluatie is None)
    if open_ and vervolg.evaluatie_motivatie.strip():
        delen.append(
            f"**Niet alle doelstellingen zijn beoordeeld ({open_} zonder score); motivatie "
            f"(pas toe of leg uit):** {' '.join(vervolg.evaluatie_motivatie.split())}"
        )
    return [{"sleutel": EVALUATIE_SLEUTEL, "titel": EVALUATIE_TITEL, "tekst": "\n\n".join(delen)}]


# --- The prioritering: what was a priority last time --------------------------------------------


@dataclass
class VorigeKeer:
    thema: Thema
    keuze: str  # the label of last time's placing, or '' when it was not placed
    was_prioriteit: bool
    scores: list[tuple[str, int]]  # (label, number) of its goals' scores, in score order
    onbeoordeeld: int


# The reads of `vorige_keer`, on every view of the prioritering: compiled once (issue 8).
_VERVOLG = VasteQuery(
    lambda plan_id: Vervolg.objects.select_related("vorig_plan").filter(plan_id=plan_id), "plan_id"
)
_SCORES = VasteQuery(
    lambda plan_id: (
        Doelstelling.objects.filter(plaatsing__plan_id=plan_id)
        .order_by()  # only counted
        .values_list("plaatsing__thema_id", "plaatsing__thema__hoofdthema_id", "evaluaties__score")
    ),
    "plan_id",
)


def vorige_keer(plan: Plan, themas: list[Thema]) -> tuple[Plan | None, list[VorigeKeer]]:
    """Per hoofdthema of the new prioritering: its placing in the previous plan and how its
    goals scored. Three queries; (None, []) for a plan not started from another."""
    gevonden = _VERVOLG.objecten(plan_id=plan.pk)
    if not gevonden:
        return None, []
    vorig = gevonden[0].vorig_plan
    # A theme placed under its hoofdthema counts for that hoofdthema; a priority wins.
    plaatsingen: dict[int, Plaatsing] = {}
    for p in PLAATSINGEN.objecten(plan_id=vorig.pk):
        sleutel = p.thema.hoofdthema_id or p.thema_id
        if sleutel not in plaatsingen or p.keuze == Keuze.PRIORITEIT:
            plaatsingen[sleutel] = p
    per_thema: dict[int, list[str | None]] = {}
    for thema_id, hoofdthema_id, score in _SCORES.rijen(plan_id=vorig.pk):
        per_thema.setdefault(hoofdthema_id or thema_id, []).append(score)
    rijen = []
    for thema in themas:
        plaatsing = plaatsingen.get(thema.pk)
        scores = per_thema.get(thema.pk, [])
        rijen.append(
            VorigeKeer(
                thema=thema,
                keuze=plaatsing.get_keuze_display() if plaatsing else "",
                was_prioriteit=bool(plaatsing and plaatsing.keuze == Keuze.PRIORITEIT),
                scores=[
                    (s.label.lower(), n) for s in EvaluatieScore if (n := scores.count(s.value))
                ],
                onbeoordeeld=scores.count(None),
            )
        )
    return vorig, rijen
