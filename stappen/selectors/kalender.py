"""Reads of the bestuurlijke planning: a gemeente's vergaderkalender, the raad meetings a
step can be planned for, the planning shown on the plan page, and (for the griffie) the raad
meeting a document is planned for or was decided at."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from ivp.models import Gebruiker, Gemeente, Plan
from ivp.permissions import PLAN_REGISSEURS, heeft_rol
from ivp.vaste_query import VasteQuery
from stappen.constants import (
    RAADSSTAPPEN,
    DocumentStatus,
    Orgaan,
    StapStatus,
    VergaderOrgaan,
)
from stappen.models import Besluit, Document, Raadsplanning, Stap, Vergadering, Vergadertermijnen

# A document in these states is not yet offered for decision: its stukken are not ready.
NIET_AANGEBODEN = (DocumentStatus.CONCEPT, DocumentStatus.IN_BESPREKING)
# The calendar page shows the meetings from this many days back.
TERUG_DAGEN = 60


def regie_gemeente(user: Gebruiker, gemeente_id: int) -> Gemeente:
    """A gemeente whose calendar `user` keeps as coordinator; 404 for anyone else."""
    gemeente = Gemeente.objects.filter(pk=gemeente_id).first()
    if gemeente is None or not heeft_rol(user, gemeente.pk, PLAN_REGISSEURS):
        raise Http404("Gemeente niet gevonden.")
    return gemeente


def regie_vergadering(user: Gebruiker, gemeente_id: int, vergadering_id: int) -> Vergadering:
    gemeente = regie_gemeente(user, gemeente_id)
    vergadering = Vergadering.objects.filter(pk=vergadering_id, gemeente=gemeente).first()
    if vergadering is None:
        raise Http404("Vergadering niet gevonden.")
    return vergadering


@dataclass
class KalenderPagina:
    gemeente: Gemeente
    termijnen: Vergadertermijnen
    # Per orgaan (college, commissie, raad) its meetings from TERUG_DAGEN back.
    per_orgaan: list[tuple[str, list[Vergadering]]]
    planningen: list[Raadsplanning]
    plannen: list[Plan]


def termijnen_voor(gemeente: Gemeente) -> Vergadertermijnen:
    """The gemeente's lead times and feed; the defaults (unsaved) until changed."""
    return Vergadertermijnen.objects.filter(gemeente=gemeente).first() or Vergadertermijnen(
        gemeente=gemeente
    )


def kalender_pagina(user: Gebruiker, gemeente_id: int) -> KalenderPagina:
    gemeente = regie_gemeente(user, gemeente_id)
    termijnen = termijnen_voor(gemeente)
    vanaf = timezone.localdate() - dt.timedelta(days=TERUG_DAGEN)
    vergaderingen = list(Vergadering.objects.filter(gemeente=gemeente, datum__gte=vanaf))
    per_orgaan = [
        (label, [v for v in vergaderingen if v.orgaan == code])
        for code, label in VergaderOrgaan.choices
    ]
    planningen = list(
        Raadsplanning.objects.filter(stap__plan__gemeente=gemeente)
        .select_related("stap__plan", "raadsvergadering")
        .order_by("raad_datum", "pk")
    )
    return KalenderPagina(
        gemeente=gemeente,
        termijnen=termijnen,
        per_orgaan=per_orgaan,
        planningen=planningen,
        plannen=list(gemeente.plannen.order_by("-traject_start")),
    )


def raadsvergaderingen(gemeente_id: int, vanaf: dt.date) -> QuerySet[Vergadering]:
    """The raad meetings a step can still be planned for."""
    return Vergadering.objects.filter(
        gemeente_id=gemeente_id, orgaan=VergaderOrgaan.RAAD, datum__gte=vanaf
    ).order_by("datum", "pk")


@dataclass
class PlanningRegel:
    """A step the raad decides, on the plan page: its accepted planning and what no longer
    fits."""

    stap: Stap
    planning: Raadsplanning | None
    waarschuwingen: list[str] = field(default_factory=list)


def _waarschuwingen(
    stap: Stap, planning: Raadsplanning, vandaag: dt.date, documenten: list[Document]
) -> list[str]:
    raad = planning.raadsvergadering
    uit: list[str] = []
    if planning.is_verschoven:
        uit.append(
            "Een vergadering van deze planning is verplaatst (raad nu "
            f"{raad.datum:%d-%m-%Y}, commissie {planning.commissievergadering.datum:%d-%m-%Y}, "
            f"college {planning.collegevergadering.datum:%d-%m-%Y}); bekijk de verschoven "
            "planning."
        )
    if stap.status != StapStatus.AFGEROND and stap.gepland_eind > raad.datum:
        uit.append(
            f"De deadline van stap {stap.nummer} ({stap.gepland_eind:%d-%m-%Y}) ligt na de "
            f"{raad}: zo haalt de stap die raadsvergadering niet."
        )
    if stap.status != StapStatus.AFGEROND and planning.stukken_datum < vandaag:
        document = documenten[0] if documenten else None
        if document is not None and document.status in NIET_AANGEBODEN:
            uit.append(
                f"De stukken moesten op {planning.stukken_datum:%d-%m-%Y} klaar zijn voor de "
                f"{planning.collegevergadering}; ‘{document.titel}’ is nog niet aangeboden."
            )
    return uit


# The plan's raad plannings with their three meetings, compiled once per process (the plan
# page, issue 8).
_PLANNINGEN = VasteQuery(
    lambda plan_id: Raadsplanning.objects.filter(stap__plan_id=plan_id).select_related(
        "raadsvergadering", "commissievergadering", "collegevergadering"
    ),
    "plan_id",
)


def bestuurlijke_planning(
    plan: Plan, stappen: dict[int, Stap], documenten: Iterable[Document] | None = None
) -> list[PlanningRegel]:
    """For the plan page: per step the raad decides, its planning and its warnings (one query
    when the plan's documents are given)."""
    planningen = {p.stap_id: p for p in _PLANNINGEN.objecten(plan_id=plan.pk)}
    if documenten is None:
        documenten = Document.objects.filter(plan=plan, stap__nummer__in=RAADSSTAPPEN)
    per_stap: dict[int, list[Document]] = {}
    for document in documenten:
        per_stap.setdefault(document.stap_id, []).append(document)
    vandaag = timezone.localdate()
    regels = []
    for nummer in RAADSSTAPPEN:
        stap = stappen.get(nummer)
        if stap is None:
            continue
        planning = planningen.get(stap.pk)
        regels.append(
            PlanningRegel(
                stap=stap,
                planning=planning,
                waarschuwingen=(
                    _waarschuwingen(stap, planning, vandaag, per_stap.get(stap.pk, []))
                    if planning
                    else []
                ),
            )
        )
    return regels


def raadsvergadering_van(document: Document) -> Vergadering | None:
    """The raad meeting a document is planned for (its step's accepted planning), or — once
    the raad decided — the meeting of that gemeente's calendar on the day of the decision.
    For the griffie, to group stukken by raad meeting."""
    besluit = (
        Besluit.objects.filter(document=document, orgaan=Orgaan.RAAD)
        .order_by("-datum", "-pk")
        .first()
    )
    if besluit is not None:
        vergadering = (
            Vergadering.objects.filter(
                gemeente_id=document.plan.gemeente_id,
                orgaan=VergaderOrgaan.RAAD,
                datum=besluit.datum,
            )
            .order_by("pk")
            .first()
        )
        if vergadering is not None:
            return vergadering
    planning = (
        Raadsplanning.objects.filter(stap_id=document.stap_id)
        .select_related("raadsvergadering")
        .first()
    )
    return planning.raadsvergadering if planning else None
