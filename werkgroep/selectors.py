"""The reads the werkgroep pages need, each in a fixed number of queries however many
members, meetings or hour entries there are (sums and counts are done by the database)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from ivp.models import Gebruiker, Plan
from ivp.permissions import PLAN_LEZERS, gemeenten_met_rol, mag_plan_regisseren, mag_plan_zien
from ivp.selectors import zichtbaar_plan
from stappen.constants import StapNummer
from stappen.models import Document, Opmerking, Stap, Versie
from veiligheidsvelden.models import Veld
from werkgroep.constants import (
    MAX_BIJEENKOMSTEN,
    MAX_LEDEN,
    WAARSCHUWING_PROCENT,
    ActiepuntStatus,
    LidRol,
    uren_tekst,
)
from werkgroep.models import (
    Actiepunt,
    Agendapunt,
    Bijeenkomst,
    Lid,
    Presentie,
    Urenbudget,
    Urenregistratie,
    Werkgroep,
)

NUL = Decimal(0)


def _leden(werkgroep_id: int | None) -> QuerySet[Lid]:
    if werkgroep_id is None:
        return Lid.objects.none()
    return (
        Lid.objects.filter(werkgroep_id=werkgroep_id)
        .select_related("gebruiker")
        .prefetch_related(Prefetch("velden", queryset=Veld.objects.order_by("code")))
        .order_by("pk")
    )


def werkgroep_van(plan: Plan) -> Werkgroep | None:
    return Werkgroep.objects.filter(plan=plan).first()


@dataclass
class Dekking:
    """The coverage overview: for each veld, which members cover it."""

    leden: list[Lid]
    rijen: list[tuple[Veld, list[bool], bool]]  # veld, covered per member, is a gap
    ontbrekende_velden: list[Veld]
    heeft_politie_expert: bool


def dekking(leden: list[Lid], velden: list[Veld]) -> Dekking:
    per_lid = [{v.pk for v in lid.velden.all()} for lid in leden]
    rijen = []
    for veld in velden:
        vakjes = [veld.pk in eigen for eigen in per_lid]
        rijen.append((veld, vakjes, not any(vakjes)))
    return Dekking(
        leden=leden,
        rijen=rijen,
        ontbrekende_velden=[veld for veld, _, gat in rijen if gat],
        heeft_politie_expert=any(lid.rol == LidRol.POLITIE_EXPERT for lid in leden),
    )


@dataclass
class BijeenkomstRegel:
    bijeenkomst: Bijeenkomst
    nummer: int | None  # "bijeenkomst 3 van 6"; None for a voortgangsoverleg
    open_actiepunten: int


def _nummer_bijeenkomsten(bijeenkomsten: Sequence[Bijeenkomst]) -> list[BijeenkomstRegel]:
    regels = []
    n = 0
    for b in bijeenkomsten:
        if not b.voortgangsoverleg:
            n += 1
        regels.append(
            BijeenkomstRegel(
                bijeenkomst=b,
                nummer=None if b.voortgangsoverleg else n,
                open_actiepunten=getattr(b, "aantal_open", 0),
            )
        )
    return regels


@dataclass
class WerkgroepPagina:
    plan: Plan
    werkgroep: Werkgroep | None
    leden: list[Lid]
    dekking: Dekking
    bijeenkomsten: list[BijeenkomstRegel]
    aantal_bijeenkomsten: int
    mag_regisseren: bool
    eigen_lid: Lid | None
    waarschuwingen: list[str] = field(default_factory=list)
    max_leden: int = MAX_LEDEN
    max_bijeenkomsten: int = MAX_BIJEENKOMSTEN


def werkgroep_pagina(user: Gebruiker, plan_id: int) -> WerkgroepPagina:
    plan = zichtbaar_plan(user, plan_id)
    werkgroep = werkgroep_van(plan)
    leden = list(_leden(werkgroep.pk if werkgroep else None))
    velden = list(Veld.objects.order_by("code"))
    overzicht = dekking(leden, velden)
    bijeenkomsten = list(
        Bijeenkomst.objects.filter(werkgroep=werkgroep)
        .annotate(aantal_open=Count("actiepunten", filter=Q(actiepunten__status="open")))
        .order_by("datum", "begintijd", "pk")
    )
    regels = _nummer_bijeenkomsten(bijeenkomsten)
    waarschuwingen = []
    if leden:
        for veld in overzicht.ontbrekende_velden:
            waarschuwingen.append(f"Geen lid dekt het veld ‘{veld.naam}’.")
        if not overzicht.heeft_politie_expert:
            waarschuwingen.append("De operationeel expert van de politie ontbreekt.")
    return WerkgroepPagina(
        plan=plan,
        werkgroep=werkgroep,
        leden=leden,
        dekking=overzicht,
        bijeenkomsten=regels,
        aantal_bijeenkomsten=sum(1 for r in regels if r.nummer is not None),
        mag_regisseren=mag_plan_regisseren(user, plan),
        eigen_lid=next((lid for lid in leden if lid.gebruiker_id == user.pk), None),
        waarschuwingen=waarschuwingen,
    )


def regie_plan(user: Gebruiker, plan_id: int) -> Plan:
    plan = zichtbaar_plan(user, plan_id)
    if not mag_plan_regisseren(user, plan):
        raise Http404("Plan niet gevonden.")
    return plan


def regie_lid(user: Gebruiker, lid_id: int) -> Lid:
    lid = Lid.objects.select_related("werkgroep__plan__gemeente", "gebruiker").filter(pk=lid_id)
    gevonden = lid.first()
    if gevonden is None or not mag_plan_regisseren(user, gevonden.werkgroep.plan):
        raise Http404("Lid niet gevonden.")
    return gevonden


def kandidaten(plan: Plan) -> QuerySet[Gebruiker]:
    """Users of the gemeente who may join: a reading role there and not yet a member."""
    return (
        Gebruiker.objects.filter(
            rollen__gemeente_id=plan.gemeente_id, rollen__soort__in=list(PLAN_LEZERS)
        )
        .exclude(lidmaatschappen__werkgroep__plan=plan)
        .distinct()
        .order_by("first_name", "last_name")
    )


def documenten_van(plan: Plan) -> QuerySet[Document]:
    return (
        Document.objects.filter(plan=plan).select_related("stap").order_by("stap__nummer", "jaar")
    )


def versies_van(plan: Plan) -> QuerySet[Versie]:
    """The versions of the plan's documents, for an agenda item; without their frozen text."""
    return (
        Versie.objects.filter(document__plan=plan)
        .select_related("document")
        .defer("inhoud")
        .order_by("document__stap__nummer", "document__jaar", "document_id", "hoofd", "sub")
    )


def draden_van(plan: Plan) -> QuerySet[Opmerking]:
    """The comment threads (first comments, no replies) on the plan's documents. Each
    version's text, for the chapter titles, is read once however many threads it has."""
    return (
        Opmerking.objects.filter(versie__document__plan=plan, antwoord_op__isnull=True)
        .select_related("auteur")
        .prefetch_related(Prefetch("versie", queryset=Versie.objects.select_related("document")))
        .order_by(
            "versie__document__stap__nummer",
            "versie__document__jaar",
            "versie__document_id",
            "versie__hoofd",
            "versie__sub",
            "geplaatst_op",
            "pk",
        )
    )


def zichtbare_bijeenkomst(user: Gebruiker, bijeenkomst_id: int) -> Bijeenkomst:
    bijeenkomst = (
        Bijeenkomst.objects.select_related("werkgroep__plan__gemeente")
        .filter(pk=bijeenkomst_id)
        .first()
    )
    if bijeenkomst is None or not mag_plan_zien(user, bijeenkomst.werkgroep.plan):
        raise Http404("Bijeenkomst niet gevonden.")
    return bijeenkomst


def regie_bijeenkomst(user: Gebruiker, bijeenkomst_id: int) -> Bijeenkomst:
    bijeenkomst = zichtbare_bijeenkomst(user, bijeenkomst_id)
    if not mag_plan_regisseren(user, bijeenkomst.werkgroep.plan):
        raise Http404("Bijeenkomst niet gevonden.")
    return bijeenkomst


@dataclass
class BijeenkomstPagina:
    bijeenkomst: Bijeenkomst
    plan: Plan
    nummer: int | None
    agendapunten: list[Agendapunt]
    leden: list[Lid]
    presentie: dict[int, Presentie]
    presentie_regels: list[tuple[Lid, Presentie | None]]
    actiepunten: list[Actiepunt]
    mag_regisseren: bool
    max_bijeenkomsten: int = MAX_BIJEENKOMSTEN


def bijeenkomst_pagina(user: Gebruiker, bijeenkomst_id: int) -> BijeenkomstPagina:
    bijeenkomst = zichtbare_bijeenkomst(user, bijeenkomst_id)
    plan = bijeenkomst.werkgroep.plan
    nummer = None
    if not bijeenkomst.voortgangsoverleg:
        eerder = Bijeenkomst.objects.filter(
            werkgroep_id=bijeenkomst.werkgroep_id, voortgangsoverleg=False
        ).filter(
            Q(datum__lt=bijeenkomst.datum)
            | Q(datum=bijeenkomst.datum, begintijd__lt=bijeenkomst.begintijd)
            | Q(datum=bijeenkomst.datum, begintijd=bijeenkomst.begintijd, pk__lt=bijeenkomst.pk)
        )
        nummer = eerder.count() + 1
    leden = list(_leden(bijeenkomst.werkgroep_id))
    presentie = {p.lid_id: p for p in bijeenkomst.presenties.all()}
    return BijeenkomstPagina(
        bijeenkomst=bijeenkomst,
        plan=plan,
        nummer=nummer,
        agendapunten=list(
            bijeenkomst.agendapunten.select_related(
                "document", "versie__document", "opmerking__auteur", "opmerking__versie__document"
            )
            .defer("versie__inhoud")
            .order_by("volgorde", "pk")
        ),
        leden=leden,
        presentie=presentie,
        presentie_regels=[(lid, presentie.get(lid.pk)) for lid in leden],
        actiepunten=list(
            bijeenkomst.actiepunten.select_related("wie__gebruiker").order_by("deadline", "pk")
        ),
        mag_regisseren=mag_plan_regisseren(user, plan),
    )


# Hours -------------------------------------------------------------------------------------


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
    registraties: list[Urenregistratie]
    aantal_registraties: int
    pagina: int
    paginas: int
    grafiek: Grafiek | None
    stappen: list[Stap]
    vandaag: dt.date
    laatste_deadline: dt.date


PER_PAGINA = 50


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


def uren_pagina(user: Gebruiker, plan_id: int, pagina: int = 1) -> UrenPagina:
    plan = zichtbaar_plan(user, plan_id)
    regie = mag_plan_regisseren(user, plan)
    werkgroep = werkgroep_van(plan)
    vandaag = timezone.localdate()
    leden = list(
        Lid.objects.filter(werkgroep=werkgroep)
        .select_related("gebruiker", "urenbudget")
        .order_by("pk")
    )
    alle = Urenregistratie.objects.filter(lid__werkgroep=werkgroep)
    besteed = {r["lid_id"]: r["totaal"] for r in alle.values("lid_id").annotate(totaal=Sum("uren"))}
    regels = _uren_regels(leden, besteed)
    eigen = next((r for r in regels if r.lid.gebruiker_id == user.pk), None)
    stappen = list(Stap.objects.filter(plan=plan).order_by("nummer"))
    per_stap_besteed: dict[int | None, Decimal] = {
        r["stap_id"]: r["totaal"] for r in alle.values("stap_id").annotate(totaal=Sum("uren"))
    }
    totaal_budget = sum((r.budget or NUL for r in regels), NUL)
    totaal_besteed = sum(besteed.values(), NUL)
    tempo = _tempo(plan.traject_start, vandaag, totaal_besteed)
    laatste_deadline = max(
        (s.gepland_eind for s in stappen if s.nummer != StapNummer.UITVOERING),
        default=plan.einde,
    )
    nog_dagen = max((laatste_deadline - vandaag).days, 0)
    for regel in regels:
        eigen_tempo = _tempo(plan.traject_start, vandaag, regel.besteed)
        regel.verwacht = (regel.besteed + eigen_tempo * nog_dagen).quantize(Decimal("0.1"))
    per_stap = []
    for stap in stappen:
        if stap.nummer == StapNummer.UITVOERING:
            continue  # the uitvoering is not in the startnotitie's hours estimate
        dagen = max((stap.gepland_eind - vandaag).days, 0)
        verwacht = (totaal_besteed + tempo * dagen).quantize(Decimal("1"))
        per_stap.append(
            StapUren(
                stap=stap,
                besteed=per_stap_besteed.get(stap.pk, NUL),
                verwacht_totaal=verwacht,
                verwacht_procent=int(verwacht * 100 / totaal_budget) if totaal_budget else None,
            )
        )
    eigen_registraties = alle if regie else alle.filter(lid__gebruiker=user)
    aantal = eigen_registraties.count()
    paginas = max((aantal + PER_PAGINA - 1) // PER_PAGINA, 1)
    pagina = min(max(pagina, 1), paginas)
    registraties = list(
        eigen_registraties.select_related("lid__gebruiker", "stap").order_by("-datum", "-pk")[
            (pagina - 1) * PER_PAGINA : pagina * PER_PAGINA
        ]
    )
    grafiek = None
    if regie and totaal_budget:
        per_dag = list(alle.values("datum").annotate(totaal=Sum("uren")).order_by("datum"))
        eind = max(
            (s.gepland_eind for s in stappen if s.nummer != StapNummer.UITVOERING),
            default=plan.einde,
        )
        grafiek = burndown(
            start=plan.traject_start,
            eind=eind,
            vandaag=vandaag,
            budget=totaal_budget,
            per_dag=[(r["datum"], r["totaal"]) for r in per_dag],
            deadlines=[
                (s.nummer, s.gepland_eind) for s in stappen if s.nummer != StapNummer.UITVOERING
            ],
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
        registraties=registraties,
        aantal_registraties=aantal,
        pagina=pagina,
        paginas=paginas,
        grafiek=grafiek,
        stappen=[s for s in stappen if s.nummer != StapNummer.UITVOERING],
        vandaag=vandaag,
        laatste_deadline=laatste_deadline,
    )


def _tempo(start: dt.date, vandaag: dt.date, besteed: Decimal) -> Decimal:
    """Hours per day so far, over the days since the trajectory began."""
    dagen = (vandaag - start).days + 1
    return besteed / dagen if dagen > 0 else NUL


# The burn-down chart ------------------------------------------------------------------------


@dataclass
class Grafiek:
    """A server-rendered SVG: remaining hours of the whole werkgroep over time.

    Ideal and actual differ in line style (dashed and solid) and in markers, and each has a
    text label, so the chart reads without colour; the figures are also in a table."""

    breedte: int
    hoogte: int
    ideaal: str
    werkelijk: str
    werkelijk_eind: tuple[float, float]
    assen: dict[str, float]
    y_labels: list[tuple[float, str]]
    x_labels: list[tuple[float, str]]
    deadlines: list[tuple[float, str]]
    samenvatting: str
    punten: list[tuple[dt.date, Decimal]]


def burndown(
    *,
    start: dt.date,
    eind: dt.date,
    vandaag: dt.date,
    budget: Decimal,
    per_dag: list[tuple[dt.date, Decimal]],
    deadlines: list[tuple[int, dt.date]],
) -> Grafiek:
    breedte, hoogte = 720, 320
    links, rechts, boven, onder = 64, 20, 20, 48
    dagen = max((eind - start).days, 1)
    plot_b = breedte - links - rechts
    plot_h = hoogte - boven - onder
    top = float(max(budget, Decimal(1)))

    def x(datum: dt.date) -> float:
        dag = min(max((datum - start).days, 0), dagen)
        return round(links + plot_b * dag / dagen, 1)

    def y(uren: float) -> float:
        uren = max(min(uren, top), min(0.0, uren))
        return round(boven + plot_h * (1 - max(uren, 0.0) / top), 1)

    ideaal = f"M{x(start)},{y(top)} L{x(eind)},{y(0)}"
    rest = float(budget)
    punten_svg = [f"M{x(start)},{y(rest)}"]
    punten: list[tuple[dt.date, Decimal]] = []
    resterend = budget
    for datum, uren in per_dag:
        resterend -= uren
        punten.append((datum, resterend))
        punten_svg.append(f"L{x(datum)},{y(float(resterend))}")
    tot = min(vandaag, eind)
    punten_svg.append(f"L{x(tot)},{y(float(resterend))}")
    y_labels = [(y(top * i / 4), f"{round(top * i / 4):g}") for i in range(5)]
    x_labels = []
    jaar = start.year
    while dt.date(jaar, 1, 1) <= eind:
        if dt.date(jaar, 1, 1) >= start:
            x_labels.append((x(dt.date(jaar, 1, 1)), f"1-1-{jaar}"))
        jaar += 1
    samenvatting = (
        f"Van het budget van {uren_tekst(budget)} uur is {uren_tekst(budget - resterend)} uur "
        f"besteed; er resteert {uren_tekst(resterend)} uur."
    )
    return Grafiek(
        breedte=breedte,
        hoogte=hoogte,
        ideaal=ideaal,
        werkelijk=" ".join(punten_svg),
        werkelijk_eind=(x(tot), y(float(resterend))),
        assen={"links": links, "onder": boven + plot_h, "rechts": links + plot_b, "boven": boven},
        y_labels=y_labels,
        x_labels=x_labels,
        deadlines=[(x(d), f"stap {n}") for n, d in deadlines],
        samenvatting=samenvatting,
        punten=punten,
    )


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


def export_registraties(user: Gebruiker, plan: Plan) -> QuerySet[Urenregistratie]:
    """All entries for the coordinator, one's own for a member."""
    qs = Urenregistratie.objects.filter(lid__werkgroep__plan=plan).select_related(
        "lid__gebruiker", "stap"
    )
    if not mag_plan_regisseren(user, plan):
        qs = qs.filter(lid__gebruiker=user)
    return qs.order_by("datum", "pk")


def budgetten_van(plan: Plan) -> dict[int, Urenbudget]:
    return {b.lid_id: b for b in Urenbudget.objects.filter(lid__werkgroep__plan=plan)}


# Calendar ----------------------------------------------------------------------------------


def bijeenkomsten_voor(user: Gebruiker) -> QuerySet[Bijeenkomst]:
    """The meetings of the werkgroepen `user` is a member of, in gemeenten where they still
    hold a role."""
    return (
        Bijeenkomst.objects.filter(
            werkgroep__leden__gebruiker=user,
            werkgroep__plan__gemeente_id__in=gemeenten_met_rol(user, PLAN_LEZERS),
        )
        .select_related("werkgroep__plan__gemeente")
        .prefetch_related("agendapunten")
        .distinct()
        .order_by("datum", "begintijd")
    )


def stappen_voor(user: Gebruiker) -> QuerySet[Stap]:
    """The steps of every plan `user` may see: their deadlines go into the feed."""
    return (
        Stap.objects.filter(plan__gemeente_id__in=gemeenten_met_rol(user, PLAN_LEZERS))
        .select_related("plan__gemeente")
        .order_by("gepland_eind", "plan_id", "nummer")
    )


def open_actiepunten_van(werkgroep_id: int) -> int:
    return Actiepunt.objects.filter(
        bijeenkomst__werkgroep_id=werkgroep_id, status=ActiepuntStatus.OPEN
    ).count()
