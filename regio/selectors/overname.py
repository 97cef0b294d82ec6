"""What a member's pages read of its region (docs/regio.md, "Overnemen in het eigen plan"):
the plan's regio page (the shared parts and its decisions), one proposal with the difference
between the member's copy and the proposed text, and the notices on its plan and document
pages. Each in a fixed number of queries.

Who reads: the plan's coordinator (who decides), its werkgroepleden and bestuurders. Anyone
else (a lezer, the griffie, another gemeente, the regional coordinator without a role there)
gets a 404, never a hint.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.urls import reverse

from ivp.constants import RolSoort
from ivp.models import Plan, Regio
from ivp.permissions import heeft_rol, mag_plan_regisseren
from ivp.selectors import zichtbaar_plan
from ivp.vaste_query import VasteQuery
from regio.constants import DeelSoort, OvernameKeuze, VoorstelStatus, document_soort
from regio.models import Overname, Regiodeel, Regiovoorstel
from stappen.constants import DocumentStatus
from stappen.models import Document
from stappen.signalen import Aanvulling, Signaal
from stappen.vergelijk import SectieVergelijking, vergelijk_secties

if TYPE_CHECKING:
    from ivp.models import Gebruiker

# Who reads a plan's regional decisions: those who work on the plan (not a lezer, not the
# griffie: the decisions in the making are draft content).
REGIO_LEZERS = frozenset({RolSoort.COORDINATOR, RolSoort.WERKGROEPLID, RolSoort.BESTUURDER})


def mag_regio_lezen(user: Gebruiker, plan: Plan) -> bool:
    return heeft_rol(user, plan.gemeente_id, REGIO_LEZERS)


def regio_plan(user: Gebruiker, plan_id: int) -> Plan:
    """The plan, for someone who may read its regional decisions; 404 for anyone else."""
    plan = zichtbaar_plan(user, plan_id)
    if not mag_regio_lezen(user, plan):
        raise Http404("Plan niet gevonden.")
    return plan


# --- the notices and the sub-navigation of the plan's pages (stappen.signalen) ---------


# The plan's open proposals per kind of part, grouped (a row per kind: half the Python of two
# filtered counts), compiled once per process (every plan page in a region, issue 8).
_OPEN_PER_SOORT = VasteQuery(
    lambda plan_id: (
        Regiovoorstel.objects.filter(plan_id=plan_id, status=VoorstelStatus.OPEN)
        .order_by()
        .values_list("deel__soort")
        .annotate(n=Count("pk"))
    ),
    "plan_id",
)


def plan_aanvulling(user: Gebruiker, plan: Plan) -> Aanvulling:
    """The "Regio" entry of the plan's sub-navigation (the gemeente is in a region, or the
    plan decided on a shared part) and a notice per document with open proposals. One query
    (the open proposals), and none for someone who may not read the regio page or for a plan
    whose gemeente is in no region (`in_regio`, read with the plan by
    `ivp.selectors.zichtbaar_plan`; a plan without it is asked first)."""
    if not mag_regio_lezen(user, plan):
        return Aanvulling()
    in_regio = getattr(plan, "in_regio", None)
    if in_regio is None:  # a plan not read by zichtbaar_plan: in a region, or decided on a part
        in_regio = (
            Plan.objects.filter(pk=plan.pk)
            .filter(
                Exists(Regio.objects.filter(gemeenten=OuterRef("gemeente_id")))
                | Exists(Overname.objects.filter(plan=OuterRef("pk")))
            )
            .exists()
        )
    if not in_regio:
        return Aanvulling()
    per_soort = dict(_OPEN_PER_SOORT.rijen(plan_id=plan.pk))
    open_ivp = per_soort.pop(DeelSoort.PRIORITEIT, 0)
    stand = {"open_ivp": open_ivp, "open_analyse": sum(per_soort.values())}
    url = reverse("regio:plan", args=[plan.pk])
    signalen = []
    for aantal, deelsoort, wat in (
        (stand["open_ivp"], DeelSoort.PRIORITEIT, "de bovenlokale prioriteiten"),
        (stand["open_analyse"], DeelSoort.ANALYSE, "de gedeelde delen van de veiligheidsanalyse"),
    ):
        if aantal:
            voorstellen = "1 voorstel" if aantal == 1 else f"{aantal} voorstellen"
            signalen.append(
                Signaal(
                    tekst=f"De regio heeft {voorstellen} voor {wat} dat op een besluit wacht."
                    if aantal == 1
                    else f"De regio heeft {voorstellen} voor {wat} die op een besluit wachten.",
                    url=url,
                    linktekst="Bekijk de regionale voorstellen",
                    document_soort=document_soort(deelsoort),
                )
            )
    return Aanvulling(navigatie=[("Regio", url)], signalen=signalen)


# --- the plan's regio page -----------------------------------------------------------------


@dataclass
class DeelRegel:
    deel: Regiodeel
    overname: Overname | None
    open_voorstel: Regiovoorstel | None
    besluiten: list[Regiovoorstel] = field(default_factory=list)  # decided, newest first
    in_regio: bool = True  # the part's region still has the plan's gemeente

    @property
    def kan_heroverwegen(self) -> bool:
        """Declined, and the region can put it before the gemeente again."""
        return (
            self.in_regio
            and self.open_voorstel is None
            and self.overname is not None
            and self.overname.keuze == OvernameKeuze.NIET_OVERGENOMEN
        )


@dataclass
class PlanRegioPagina:
    plan: Plan
    regios: list[Regio]
    regels: list[DeelRegel]
    mag_beslissen: bool

    @property
    def open_aantal(self) -> int:
        return sum(1 for regel in self.regels if regel.open_voorstel)


def plan_regio_pagina(user: Gebruiker, plan_id: int) -> PlanRegioPagina:
    """The shared parts of the plan's region(s) that were published, and those the plan
    decided on (kept after leaving), with the plan's decision; open proposals first. Five
    queries (the roles and the plan included), whatever the number of parts."""
    plan = regio_plan(user, plan_id)
    regios = list(Regio.objects.filter(gemeenten=plan.gemeente_id).order_by("naam"))
    delen = list(
        Regiodeel.objects.filter(
            Q(regio__in=[r.pk for r in regios], revisie__gt=0) | Q(overnames__plan=plan)
        )
        .select_related("regio", "thema", "veld")
        .distinct()
        .order_by("regio__naam", "soort", "volgorde", "pk")
    )
    overnames = {
        o.deel_id: o
        for o in Overname.objects.filter(plan=plan).select_related("versie", "besloten_door")
    }
    per_deel: dict[int, list[Regiovoorstel]] = {}
    for voorstel in (
        Regiovoorstel.objects.filter(plan=plan)
        .select_related("naar", "beslist_door", "document_versie")
        .order_by("-gemaakt_op", "-pk")
    ):
        per_deel.setdefault(voorstel.deel_id, []).append(voorstel)
    regels = []
    for deel in delen:
        voorstellen = per_deel.get(deel.pk, [])
        regels.append(
            DeelRegel(
                deel=deel,
                overname=overnames.get(deel.pk),
                open_voorstel=next((v for v in voorstellen if v.is_open), None),
                besluiten=[v for v in voorstellen if not v.is_open],
                in_regio=deel.regio in regios,
            )
        )
    regels.sort(key=lambda r: r.open_voorstel is None)  # stable: open ones first
    return PlanRegioPagina(
        plan=plan, regios=regios, regels=regels, mag_beslissen=mag_plan_regisseren(user, plan)
    )


# --- one proposal --------------------------------------------------------------------------


@dataclass
class VoorstelPagina:
    plan: Plan
    voorstel: Regiovoorstel
    overname: Overname | None
    document: Document | None
    vergelijking: list[SectieVergelijking]
    mag_beslissen: bool

    @property
    def eerste_aanbod(self) -> bool:
        """No copy in the plan yet (or the gemeente declined the part before)."""
        return self.overname is None or self.overname.keuze != OvernameKeuze.OVERGENOMEN

    @property
    def oud_label(self) -> str:
        if self.eerste_aanbod or self.overname is None:
            return "In dit plan"
        return f"In dit plan (versie {self.overname.versie.nummer})"

    @property
    def nieuw_label(self) -> str:
        return f"Voorgesteld (versie {self.voorstel.naar.nummer})"

    @property
    def document_is_concept(self) -> bool:
        return self.document is not None and self.document.status == DocumentStatus.CONCEPT


def voorstel_pagina(user: Gebruiker, plan_id: int, voorstel_id: int) -> VoorstelPagina:
    """The proposal of the plan's region: the difference between the plan's copy (empty for
    a first offer) and the proposed text, compared as the version comparison page does."""
    plan = regio_plan(user, plan_id)
    voorstel = (
        Regiovoorstel.objects.select_related(
            "deel__regio", "naar__gemaakt_door", "beslist_door", "document_versie"
        )
        .filter(pk=voorstel_id, plan=plan)
        .first()
    )
    if voorstel is None:
        raise Http404("Voorstel niet gevonden.")
    overname = (
        Overname.objects.filter(plan=plan, deel_id=voorstel.deel_id)
        .select_related("versie")
        .first()
    )
    document = Document.objects.filter(
        plan=plan, soort=document_soort(voorstel.deel.soort), jaar__isnull=True
    ).first()
    eigen = overname if overname and overname.keuze == OvernameKeuze.OVERGENOMEN else None
    oud = [
        {
            "sleutel": voorstel.deel.sleutel,
            "titel": eigen.titel if eigen else "",
            "tekst": eigen.tekst if eigen else "",
        }
    ]
    naar = voorstel.naar
    nieuw = [{"sleutel": voorstel.deel.sleutel, "titel": naar.titel, "tekst": naar.tekst}]
    return VoorstelPagina(
        plan=plan,
        voorstel=voorstel,
        overname=overname,
        document=document,
        vergelijking=vergelijk_secties(oud, nieuw),
        mag_beslissen=mag_plan_regisseren(user, plan),
    )


def afgewezen_deel(user: Gebruiker, plan_id: int, deel_id: int) -> tuple[Plan, Regiodeel]:
    """The plan and a shared part it decided on, for the one who decides; 404 for others."""
    plan = regio_plan(user, plan_id)
    deel = (
        Regiodeel.objects.select_related("regio").filter(pk=deel_id, overnames__plan=plan).first()
    )
    if deel is None or not mag_plan_regisseren(user, plan):
        raise Http404("Deel niet gevonden.")
    return plan, deel


def beslis_voorstel(user: Gebruiker, plan_id: int, voorstel_id: int) -> VoorstelPagina:
    """The proposal page for the one who decides (the plan's coordinator); 404 for others."""
    pagina = voorstel_pagina(user, plan_id, voorstel_id)
    if not pagina.mag_beslissen:
        raise Http404("Voorstel niet gevonden.")
    return pagina
