"""The regional overview (docs/regio.md, "Regio-overzicht"): the member plans side by side,
for the region's coordinators only, in a fixed number of queries however many members.

What it shows are aggregates and adopted or structural facts of each member's newest plan:
the step it is in and its next deadline, its decision on each shared priority (with the
motivation of a decline), the names of its local priorities, the columns later apps register
(`regio.overzicht`: activities, hours) and a few key figures of the veiligheidsbeeld. Never a
member's draft text, comments or individual hour entries.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.http import Http404
from django.utils import timezone

from ivp.models import Gebruiker, Gemeente, Plan, Regio
from ivp.permissions import mag_regio_regisseren
from regio.constants import DeelSoort, OvernameKeuze, VoorstelStatus
from regio.models import Overname, Regiodeel, Regiovoorstel
from regio.overzicht import Cel, Kolom, kolommen
from stappen.constants import Keuze, StapStatus
from stappen.models import Plaatsing, Stap
from veiligheidsvelden.cijfers.selectors import getal, is_verouderd, jaarwaarden
from veiligheidsvelden.models import Indicator, Meting

# The key figures of the veiligheidsbeeld side by side: (CBS table, `Indicator.maat`).
# Only those with a figure for at least one member are shown.
KERNCIJFERS: tuple[tuple[str, str], ...] = (
    ("83648NED", "T001161/per1000"),  # geregistreerde misdrijven, totaal
    ("83648NED", "CRI1100/per1000"),  # diefstal en inbraak
    ("83648NED", "CRI2000/per1000"),  # vernielingen, openbare orde
    ("83648NED", "CRI3000/per1000"),  # gewelds- en seksuele misdrijven
    ("85146NED", "onveilig"),  # voelt zich weleens onveilig
)


def regie_regio(user: Gebruiker, regio_id: int) -> Regio:
    """A region `user` coordinates; 404 for anyone else, a member's coordinator too."""
    if not mag_regio_regisseren(user, regio_id):
        raise Http404("Regio niet gevonden.")
    regio = Regio.objects.filter(pk=regio_id).first()
    if regio is None:
        raise Http404("Regio niet gevonden.")
    return regio


@dataclass(frozen=True)
class Deelbesluit:
    """A member's position on one shared priority."""

    stand: str  # overgenomen, niet_overgenomen, beslist, geen
    label: str
    motivatie: str = ""
    wijziging_open: bool = False  # took it, and a newer publication awaits its decision


GEEN_VOORSTEL = Deelbesluit("geen", "Niet voorgelegd")


@dataclass
class Cijfer:
    meting: Meting

    @property
    def tekst(self) -> str:
        return getal(self.meting.waarde)

    @property
    def verouderd(self) -> bool:
        return is_verouderd(self.meting.jaar)


@dataclass
class Rij:
    """One member gemeente and its newest plan (None: no plan yet)."""

    gemeente: Gemeente
    plan: Plan | None
    actieve_stappen: list[Stap] = field(default_factory=list)
    deadline: Stap | None = None  # the earliest deadline of a step not yet afgerond
    afgerond: int = 0
    besluiten: list[Deelbesluit] = field(default_factory=list)  # in the order of `delen`
    prioriteiten: list[str] = field(default_factory=list)
    cellen: list[Cel | None] = field(default_factory=list)  # in the order of `kolommen`
    cijfers: list[Cijfer | None] = field(default_factory=list)  # of `indicatoren`
    vandaag: dt.date = field(default_factory=timezone.localdate)

    @property
    def deadline_verstreken(self) -> bool:
        return self.deadline is not None and self.deadline.is_te_laat(self.vandaag)


@dataclass
class RegioOverzicht:
    regio: Regio
    rijen: list[Rij]
    delen: list[Regiodeel]  # the published bovenlokale priorities
    kolommen: list[Kolom]
    indicatoren: list[Indicator]


def nieuwste_plannen(gemeenten: list[Gemeente]) -> dict[int, Plan]:
    """Each gemeente's newest plan (latest `periode_start`), the one proposals reach. One
    query."""
    plannen: dict[int, Plan] = {}
    for plan in Plan.objects.filter(gemeente__in=gemeenten).order_by(
        "gemeente_id", "-periode_start", "-pk"
    ):
        plannen.setdefault(plan.gemeente_id, plan)
    return plannen


def _stappen(rij: Rij, stappen: list[Stap]) -> None:
    """What the start page and the plan page show of a plan's steps: the active ones ("Nu:
    stap …"), how many are afgerond, and the nearest deadline still to meet (`is_te_laat`
    as on the plan page)."""
    stappen.sort(key=lambda s: s.nummer)
    rij.actieve_stappen = [s for s in stappen if s.status == StapStatus.ACTIEF]
    rij.afgerond = sum(1 for s in stappen if s.status == StapStatus.AFGEROND)
    open_ = [s for s in stappen if s.status != StapStatus.AFGEROND]
    rij.deadline = min(open_, key=lambda s: (s.gepland_eind, s.nummer), default=None)


def _besluit(overname: Overname | None, voorstel: Regiovoorstel | None) -> Deelbesluit:
    if overname is not None and overname.keuze == OvernameKeuze.NIET_OVERGENOMEN:
        return Deelbesluit("niet_overgenomen", "Niet overgenomen", overname.motivatie)
    if overname is not None:
        if voorstel is not None:
            return Deelbesluit(
                "overgenomen", "Overgenomen; beslist nog over een wijziging", wijziging_open=True
            )
        return Deelbesluit("overgenomen", "Overgenomen")
    if voorstel is not None:
        return Deelbesluit("beslist", "Beslist nog")
    return GEEN_VOORSTEL


def _kerncijfers(
    gemeenten: list[Gemeente],
) -> tuple[list[Indicator], dict[tuple[int, int], Cijfer]]:
    """The key indicators with a figure for a member, and each member's latest yearly figure
    (`jaarwaarden`, as the doelstellingen read them). Two queries."""
    gezocht = {(tabel, maat) for tabel, maat in KERNCIJFERS}
    indicatoren = [
        i
        for i in Indicator.objects.filter(
            gemeente__isnull=True, tabel__in={t for t, _ in KERNCIJFERS}
        )
        if (i.tabel, i.maat) in gezocht
    ]
    indicatoren.sort(key=lambda i: KERNCIJFERS.index((i.tabel, i.maat)))
    waarden = jaarwaarden((i.pk, g.pk) for i in indicatoren for g in gemeenten)
    cijfers = {
        paar: Cijfer(per_jaar[max(per_jaar)]) for paar, per_jaar in waarden.items() if per_jaar
    }
    getoond = [i for i in indicatoren if any((i.pk, g.pk) in cijfers for g in gemeenten)]
    return getoond, cijfers


def regio_overzicht(user: Gebruiker, regio_id: int) -> RegioOverzicht:
    """The overview of `regio_id` for its coordinator. Eleven queries (the permission
    included) plus a fixed number per registered column, whatever the number of members
    (tests/regio/test_overzicht.py)."""
    regio = regie_regio(user, regio_id)
    gemeenten = list(regio.gemeenten.order_by("naam"))
    plannen = nieuwste_plannen(gemeenten)
    plan_ids = [p.pk for p in plannen.values()]

    stappen: dict[int, list[Stap]] = defaultdict(list)
    for stap in Stap.objects.filter(plan_id__in=plan_ids):
        stappen[stap.plan_id].append(stap)

    delen = list(
        Regiodeel.objects.filter(regio=regio, soort=DeelSoort.PRIORITEIT, revisie__gt=0).order_by(
            "volgorde", "pk"
        )
    )
    overnames = {
        (o.plan_id, o.deel_id): o
        for o in Overname.objects.filter(plan_id__in=plan_ids, deel__in=delen).only(
            "plan_id", "deel_id", "keuze", "motivatie"
        )
    }
    voorstellen = {
        (v.plan_id, v.deel_id): v
        for v in Regiovoorstel.objects.filter(
            plan_id__in=plan_ids, deel__in=delen, status=VoorstelStatus.OPEN
        ).only("plan_id", "deel_id")
    }
    # A shared priority a member took is also placed in its own prioritering (its IVP
    # chapter merges the two): the local column lists only the member's own priorities.
    thema_van = {d.pk: d.thema_id for d in delen}
    gedeeld = {
        (o.plan_id, thema_van[o.deel_id])
        for o in overnames.values()
        if o.keuze == OvernameKeuze.OVERGENOMEN
    }
    prioriteiten: dict[int, list[str]] = defaultdict(list)
    for plaatsing in (
        Plaatsing.objects.filter(plan_id__in=plan_ids, keuze=Keuze.PRIORITEIT)
        .select_related("thema")
        .only("plan_id", "thema__naam")
        .order_by("plan_id", "volgorde", "thema__code")
    ):
        if (plaatsing.plan_id, plaatsing.thema_id) not in gedeeld:
            prioriteiten[plaatsing.plan_id].append(plaatsing.thema.naam)

    geregistreerd = kolommen()
    plan_lijst = list(plannen.values())
    waarden = [k.waarden(plan_lijst) if plan_lijst else {} for k in geregistreerd]
    indicatoren, cijfers = _kerncijfers(gemeenten)

    rijen = []
    for gemeente in gemeenten:
        plan = plannen.get(gemeente.pk)
        rij = Rij(gemeente=gemeente, plan=plan)
        rij.cijfers = [cijfers.get((i.pk, gemeente.pk)) for i in indicatoren]
        if plan is not None:
            _stappen(rij, stappen[plan.pk])
            rij.besluiten = [
                _besluit(overnames.get((plan.pk, d.pk)), voorstellen.get((plan.pk, d.pk)))
                for d in delen
            ]
            rij.prioriteiten = prioriteiten[plan.pk]
            rij.cellen = [w.get(plan.pk) for w in waarden]
        rijen.append(rij)
    return RegioOverzicht(
        regio=regio, rijen=rijen, delen=delen, kolommen=geregistreerd, indicatoren=indicatoren
    )
