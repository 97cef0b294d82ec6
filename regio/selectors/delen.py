"""The reads of the regional coordinator's pages on shared parts (docs/regio.md), each in a
fixed number of queries whatever the number of members. Anyone who is not a regional
coordinator of the region gets a 404, never a hint that it exists.

The regional coordinator sees the members' decisions and their reasons, never a member's
documents or other local content.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.http import Http404

from ivp.models import Gebruiker, Gemeente, Plan, Regio
from ivp.permissions import PLAN_REGISSEURS, heeft_rol, mag_regio_regisseren
from regio.constants import DeelSoort, OvernameKeuze, VoorstelStatus
from regio.models import Overname, Regiodeel, Regiodeelversie, Regiodoelstelling, Regiovoorstel
from regio.services.delen import deel_tekst, nieuwste_plannen
from stappen.vergelijk import SectieVergelijking, vergelijk_secties


def regie_regio(user: Gebruiker, regio_id: int) -> Regio:
    """The region, or 404 for anyone who does not coordinate it."""
    if not mag_regio_regisseren(user, regio_id):
        raise Http404("Regio niet gevonden.")
    regio = Regio.objects.filter(pk=regio_id).first()
    if regio is None:
        raise Http404("Regio niet gevonden.")
    return regio


def _delen() -> QuerySet[Regiodeel]:
    return Regiodeel.objects.select_related("regio", "thema", "veld")


def regie_deel(user: Gebruiker, deel_id: int) -> Regiodeel:
    deel = _delen().filter(pk=deel_id).first()
    if deel is None or not mag_regio_regisseren(user, deel.regio_id):
        raise Http404("Deel niet gevonden.")
    return deel


def regie_regiodoelstelling(user: Gebruiker, doelstelling_id: int) -> Regiodoelstelling:
    doelstelling = (
        Regiodoelstelling.objects.select_related("deel__regio", "deel__thema")
        .filter(pk=doelstelling_id)
        .first()
    )
    if doelstelling is None or not mag_regio_regisseren(user, doelstelling.deel.regio_id):
        raise Http404("Doelstelling niet gevonden.")
    return doelstelling


def lid_van_regio(user: Gebruiker, regio_id: int, gemeente_id: int) -> tuple[Regio, Gemeente]:
    """A member gemeente that `user` may take out of the region: the regional coordinator,
    or the gemeente's own coordinator OOV; 404 for anyone else and for a non-member."""
    if not (mag_regio_regisseren(user, regio_id) or heeft_rol(user, gemeente_id, PLAN_REGISSEURS)):
        raise Http404("Gemeente niet gevonden.")
    regio = Regio.objects.filter(pk=regio_id).first()
    gemeente = Gemeente.objects.filter(pk=gemeente_id, regios=regio_id).first()
    if regio is None or gemeente is None:
        raise Http404("Gemeente niet gevonden.")
    return regio, gemeente


# --- The region's page ---------------------------------------------------------------------


@dataclass
class Deelstand:
    deel: Regiodeel
    overgenomen: int = 0
    niet_overgenomen: int = 0
    open: int = 0  # members deciding on a proposal


@dataclass
class Soortgroep:
    soort: str
    label: str
    delen: list[Deelstand] = field(default_factory=list)


@dataclass
class RegioPagina:
    regio: Regio
    leden: list[Gemeente]
    groepen: list[Soortgroep]


def regio_pagina(user: Gebruiker, regio_id: int) -> RegioPagina:
    """The members and the shared parts per soort, each with how many members took it,
    declined it or are deciding (in their newest plan). Six queries, whatever the size."""
    regio = regie_regio(user, regio_id)
    leden = list(regio.gemeenten.order_by("naam"))
    plan_ids = [p.pk for p in nieuwste_plannen([g.pk for g in leden])]
    delen = list(_delen().filter(regio=regio))
    keuzes = Counter(
        Overname.objects.filter(deel__regio=regio, plan_id__in=plan_ids).values_list(
            "deel_id", "keuze"
        )
    )
    open_per_deel = Counter(
        Regiovoorstel.objects.filter(
            deel__regio=regio, plan_id__in=plan_ids, status=VoorstelStatus.OPEN
        ).values_list("deel_id", flat=True)
    )
    groepen: dict[str, Soortgroep] = {s.value: Soortgroep(s.value, str(s.label)) for s in DeelSoort}
    for deel in delen:
        groepen[deel.soort].delen.append(
            Deelstand(
                deel,
                overgenomen=keuzes[(deel.pk, OvernameKeuze.OVERGENOMEN)],
                niet_overgenomen=keuzes[(deel.pk, OvernameKeuze.NIET_OVERGENOMEN)],
                open=open_per_deel[deel.pk],
            )
        )
    return RegioPagina(regio, leden, list(groepen.values()))


# --- A part: its page, its publication, its history ----------------------------------------


@dataclass
class DeelPagina:
    deel: Regiodeel
    doelstellingen: list[Regiodoelstelling]
    laatste: Regiodeelversie | None
    tekst: str  # as members would take it in now
    gewijzigd: bool  # differs from the last publication (or never published)


def _laatste(deel: Regiodeel) -> Regiodeelversie | None:
    if not deel.revisie:
        return None
    return Regiodeelversie.objects.filter(deel=deel, nummer=deel.revisie).first()


def deel_pagina(user: Gebruiker, deel_id: int) -> DeelPagina:
    deel = regie_deel(user, deel_id)
    doelstellingen = list(deel.doelstellingen.all())
    laatste = _laatste(deel)
    tekst = deel_tekst(deel, doelstellingen)
    gewijzigd = laatste is None or (laatste.tekst, laatste.titel) != (tekst, deel.titel)
    return DeelPagina(deel, doelstellingen, laatste, tekst, gewijzigd)


@dataclass
class Publicatievoorbereiding:
    pagina: DeelPagina
    vergelijking: SectieVergelijking


def publicatie_voorbereiding(user: Gebruiker, deel_id: int) -> Publicatievoorbereiding:
    """The part with the difference between its last publication and its text now (the
    comparison of the documents, `stappen.vergelijk`)."""
    pagina = deel_pagina(user, deel_id)
    deel, laatste = pagina.deel, pagina.laatste
    oud = (
        [{"sleutel": deel.sleutel, "titel": laatste.titel, "tekst": laatste.tekst}]
        if laatste
        else []
    )
    nieuw = [{"sleutel": deel.sleutel, "titel": deel.titel, "tekst": pagina.tekst}]
    return Publicatievoorbereiding(pagina, vergelijk_secties(oud, nieuw)[0])


@dataclass
class Ledenstand:
    """One gemeente's plan and what it did with the part: its decision (copy of version n,
    or declined with the motivation) and the proposals it got. No document content."""

    gemeente: Gemeente
    plan_id: int
    lid: bool  # still a member of the region
    overname: Overname | None = None
    voorstellen: list[Regiovoorstel] = field(default_factory=list)

    @property
    def open_voorstel(self) -> Regiovoorstel | None:
        return next((v for v in self.voorstellen if v.status == VoorstelStatus.OPEN), None)


@dataclass
class DeelGeschiedenis:
    deel: Regiodeel
    versies: list[Regiodeelversie]
    leden: list[Ledenstand]


def deel_geschiedenis(user: Gebruiker, deel_id: int) -> DeelGeschiedenis:
    """The part's publications, newest first, and per plan that got it the decision and
    the proposals. Five queries."""
    deel = regie_deel(user, deel_id)
    versies = list(
        Regiodeelversie.objects.filter(deel=deel).select_related("gemaakt_door").order_by("-nummer")
    )
    leden_ids = set(deel.regio.gemeenten.values_list("pk", flat=True))
    per_plan: dict[int, Ledenstand] = {}

    def stand(plan: Plan) -> Ledenstand:
        if plan.pk not in per_plan:
            per_plan[plan.pk] = Ledenstand(plan.gemeente, plan.pk, plan.gemeente_id in leden_ids)
        return per_plan[plan.pk]

    for voorstel in (
        Regiovoorstel.objects.filter(deel=deel)
        .select_related("plan__gemeente", "naar", "beslist_door")
        .order_by("-gemaakt_op", "-pk")
    ):
        stand(voorstel.plan).voorstellen.append(voorstel)
    for overname in Overname.objects.filter(deel=deel).select_related(
        "plan__gemeente", "versie", "besloten_door"
    ):
        stand(overname.plan).overname = overname
    leden = sorted(per_plan.values(), key=lambda s: (s.gemeente.naam, -s.plan_id))
    return DeelGeschiedenis(deel, versies, leden)


# --- Membership ---------------------------------------------------------------------------


@dataclass
class Ledenpagina:
    regio: Regio
    leden: list[Gemeente]
    kandidaten: QuerySet[Gemeente]  # gemeenten that may join


def ledenpagina(user: Gebruiker, regio_id: int) -> Ledenpagina:
    regio = regie_regio(user, regio_id)
    leden = list(regio.gemeenten.order_by("naam"))
    kandidaten = Gemeente.objects.exclude(pk__in=[g.pk for g in leden]).order_by("naam")
    return Ledenpagina(regio, leden, kandidaten)
