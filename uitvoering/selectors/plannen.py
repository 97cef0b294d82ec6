"""The reads of the uitvoeringsplan pages, each in a fixed number of queries however many
activities a plan has: the access checks (404 for anyone without a role in the gemeente),
the activities grouped by priority and doelstelling, the matrix of doelstellingen × quarters
and the progress page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from ivp.models import Gebruiker, Plan
from ivp.permissions import mag_plan_regisseren
from ivp.selectors import zichtbaar_plan
from regio.models import Regiodeel, Regiodoelstelling
from stappen.constants import DocumentSoort, DocumentStatus, Keuze
from stappen.models import Document, Doelstelling, Plaatsing
from stappen.rechten import leest_concepten
from uitvoering.constants import KWARTALEN
from uitvoering.filters import ActiviteitFilter
from uitvoering.getoond import regionaal_in
from uitvoering.models import Activiteit, Uitvoeringsplan, Voortgang
from uitvoering.rechten import mag_voortgang_schrijven
from werkgroep.models import Lid

NUL = Decimal(0)


def zichtbaar_uitvoeringsplan(user: Gebruiker, uitvoeringsplan_id: int) -> Uitvoeringsplan:
    up = (
        Uitvoeringsplan.objects.select_related("plan__gemeente", "document")
        .filter(pk=uitvoeringsplan_id)
        .first()
    )
    if up is None or not leest_concepten(user, up.plan.gemeente_id):
        raise Http404("Uitvoeringsplan niet gevonden.")
    return up


def regie_uitvoeringsplan(user: Gebruiker, uitvoeringsplan_id: int) -> Uitvoeringsplan:
    up = zichtbaar_uitvoeringsplan(user, uitvoeringsplan_id)
    if not mag_plan_regisseren(user, up.plan):
        raise Http404("Uitvoeringsplan niet gevonden.")
    return up


def _activiteiten() -> QuerySet[Activiteit]:
    return Activiteit.objects.select_related(
        "uitvoeringsplan__plan__gemeente",
        "uitvoeringsplan__document",
        "doelstelling__plaatsing__thema",
        "beheer_thema__thema",
        "trekker__gebruiker",
        "voortgezet_uit__uitvoeringsplan",
        "regio",
        "regiodoelstelling__deel",
        "trekker_gebruiker",
    ).prefetch_related(Prefetch("voortgang", queryset=Voortgang.objects.order_by("kwartaal")))


def zichtbare_activiteit(user: Gebruiker, activiteit_id: int) -> tuple[Activiteit, Uitvoeringsplan]:
    """A local activity and its plan (a regional one has its own pages: 404 here)."""
    activiteit = _activiteiten().filter(pk=activiteit_id, uitvoeringsplan__isnull=False).first()
    up = activiteit.uitvoeringsplan if activiteit is not None else None
    if activiteit is None or up is None or not leest_concepten(user, up.plan.gemeente_id):
        raise Http404("Activiteit niet gevonden.")
    return activiteit, up


def regie_activiteit(user: Gebruiker, activiteit_id: int) -> tuple[Activiteit, Uitvoeringsplan]:
    activiteit, up = zichtbare_activiteit(user, activiteit_id)
    if not mag_plan_regisseren(user, up.plan):
        raise Http404("Activiteit niet gevonden.")
    return activiteit, up


def activiteiten_van(uitvoeringsplan: Uitvoeringsplan) -> QuerySet[Activiteit]:
    """The plan's own activities and the regional ones it shows (`uitvoering.getoond`)."""
    return (
        _activiteiten()
        .filter(
            Q(uitvoeringsplan=uitvoeringsplan)
            | regionaal_in(uitvoeringsplan.plan, uitvoeringsplan.jaar)
        )
        .order_by("start", "titel", "pk")
    )


def doelstellingen_van(plan: Plan) -> list[Doelstelling]:
    return list(
        Doelstelling.objects.filter(plaatsing__plan=plan, plaatsing__keuze=Keuze.PRIORITEIT)
        .select_related("plaatsing__thema", "meetindicator")
        .order_by("plaatsing__volgorde", "plaatsing__thema__code", "pk")
    )


def beheerthemas_van(plan: Plan) -> list[Plaatsing]:
    return list(
        Plaatsing.objects.filter(plan=plan, keuze=Keuze.BEHEER)
        .select_related("thema")
        .order_by("volgorde", "thema__code")
    )


def leden_van(plan: Plan) -> QuerySet[Lid]:
    return Lid.objects.filter(werkgroep__plan=plan).select_related("gebruiker").order_by("pk")


@dataclass
class Groep:
    """The activities under one doelstelling (or one beheer theme)."""

    titel: str
    doelstelling: Doelstelling | None
    activiteiten: list[Activiteit] = field(default_factory=list)
    regiodoelstelling: Regiodoelstelling | None = None
    regionaal: bool = False

    @property
    def kop(self) -> str:
        if self.doelstelling is not None:
            return "Doelstelling"
        if self.regiodoelstelling is not None:
            return "Bovenlokale doelstelling"
        return "Regionaal" if self.regionaal else "Thema"

    @property
    def begroot(self) -> Decimal:
        return sum((a.begroot for a in self.activiteiten), NUL)

    @property
    def besteed(self) -> Decimal:
        return sum((a.besteed for a in self.activiteiten), NUL)


@dataclass
class Blok:
    """One priority (or the beheer themes) with its doelstellingen."""

    titel: str
    sleutel: str
    groepen: list[Groep] = field(default_factory=list)
    regionaal: bool = False

    @property
    def activiteiten(self) -> list[Activiteit]:
        return [a for g in self.groepen for a in g.activiteiten]

    @property
    def begroot(self) -> Decimal:
        return sum((g.begroot for g in self.groepen), NUL)

    @property
    def besteed(self) -> Decimal:
        return sum((g.besteed for g in self.groepen), NUL)


def groepeer(
    activiteiten: Iterable[Activiteit],
    doelstellingen: list[Doelstelling],
    *,
    met_lege: bool = False,
) -> list[Blok]:
    """Activities per priority and doelstelling (in the IVP's order), then the regional ones
    per shared priority and doelstelling, then the beheer themes. `met_lege` keeps
    doelstellingen without activities (the matrix, the chain)."""
    per_doel: dict[int, list[Activiteit]] = {}
    per_beheer: dict[int, tuple[Plaatsing, list[Activiteit]]] = {}
    los: list[Activiteit] = []
    regionaal: list[Activiteit] = []
    for a in activiteiten:
        if a.regio_id is not None:
            regionaal.append(a)
        elif not a.is_gekoppeld:
            los.append(a)
        elif a.doelstelling_id is not None:
            per_doel.setdefault(a.doelstelling_id, []).append(a)
        elif a.beheer_thema is not None:
            per_beheer.setdefault(a.beheer_thema.pk, (a.beheer_thema, []))[1].append(a)
    blokken: dict[int, Blok] = {}
    for d in doelstellingen:
        lijst = per_doel.get(d.pk, [])
        if not lijst and not met_lege:
            continue
        prioriteit = d.plaatsing
        blok = blokken.setdefault(
            prioriteit.pk,
            Blok(titel=prioriteit.thema.naam, sleutel=f"prioriteit-{prioriteit.thema.code}"),
        )
        blok.groepen.append(Groep(titel=d.tekst, doelstelling=d, activiteiten=lijst))
    uitkomst = list(blokken.values()) + _regionale_blokken(regionaal)
    if per_beheer:
        beheer = Blok(titel="Reguliere taken (beheer)", sleutel="beheer")
        for thema, lijst in sorted(per_beheer.values(), key=lambda t: t[0].thema.code):
            beheer.groepen.append(
                Groep(titel=thema.thema.naam, doelstelling=None, activiteiten=lijst)
            )
        uitkomst.append(beheer)
    if los:
        uitkomst.append(
            Blok(
                titel="Niet gekoppeld aan een doelstelling",
                sleutel="los",
                groepen=[Groep(titel="Zonder doelstelling", doelstelling=None, activiteiten=los)],
            )
        )
    return uitkomst


def _regionale_blokken(activiteiten: list[Activiteit]) -> list[Blok]:
    """One block per shared priority (its doelstellingen as groups), in the region's order,
    then the regional activities of no shared priority."""
    per_deel: dict[int, tuple[Regiodeel, dict[int, Groep]]] = {}
    overig: list[Activiteit] = []
    for a in activiteiten:
        doel = a.regiodoelstelling
        if doel is None:
            overig.append(a)
            continue
        _deel, groepen = per_deel.setdefault(doel.deel_id, (doel.deel, {}))
        groep = groepen.setdefault(
            doel.pk,
            Groep(titel=doel.tekst, doelstelling=None, regiodoelstelling=doel, regionaal=True),
        )
        groep.activiteiten.append(a)
    blokken = [
        Blok(
            titel=f"{deel.titel} (bovenlokaal)",
            sleutel=f"regio-{deel.pk}",
            groepen=[groepen[pk] for pk in sorted(groepen)],
            regionaal=True,
        )
        for deel, groepen in sorted(per_deel.values(), key=lambda t: (t[0].volgorde, t[0].pk))
    ]
    if overig:
        blokken.append(
            Blok(
                titel="Regionale activiteiten",
                sleutel="regio-overig",
                groepen=[
                    Groep(
                        titel="Niet aan een bovenlokale prioriteit gekoppeld",
                        doelstelling=None,
                        activiteiten=overig,
                        regionaal=True,
                    )
                ],
                regionaal=True,
            )
        )
    return blokken


@dataclass
class PlanPagina:
    uitvoeringsplan: Uitvoeringsplan
    blokken: list[Blok]
    filter: ActiviteitFilter
    aantal: int
    begroot: Decimal
    besteed: Decimal
    mag_regisseren: bool
    is_concept: bool
    kwartalen: tuple[int, ...] = KWARTALEN


def plan_pagina(
    user: Gebruiker, uitvoeringsplan_id: int, data: dict[str, Any] | None = None
) -> PlanPagina:
    """The table of the plan, grouped, after the filters: four queries (five with a trekker
    filter's choices)."""
    up = zichtbaar_uitvoeringsplan(user, uitvoeringsplan_id)
    filter = ActiviteitFilter(
        data or None,
        queryset=activiteiten_van(up),
        jaar=up.jaar,
        leden=leden_van(up.plan),
    )
    activiteiten = list(filter.qs)
    blokken = groepeer(activiteiten, doelstellingen_van(up.plan))
    return PlanPagina(
        uitvoeringsplan=up,
        blokken=blokken,
        filter=filter,
        aantal=len(activiteiten),
        # The plan's own budget: a regional activity's is the region's (its block shows it).
        begroot=sum((a.begroot for a in activiteiten if a.regio_id is None), NUL),
        besteed=sum((a.besteed for a in activiteiten if a.regio_id is None), NUL),
        mag_regisseren=mag_plan_regisseren(user, up.plan),
        is_concept=up.document.status == DocumentStatus.CONCEPT,
    )


@dataclass
class MatrixRegel:
    prioriteit: str
    doelstelling: Doelstelling | Regiodoelstelling
    per_kwartaal: list[list[Activiteit]]


def matrix(uitvoeringsplan: Uitvoeringsplan) -> list[MatrixRegel]:
    """Doelstellingen × quarters: which activities run in which quarter. Three queries."""
    blokken = groepeer(
        activiteiten_van(uitvoeringsplan), doelstellingen_van(uitvoeringsplan.plan), met_lege=True
    )
    regels = []
    for blok in blokken:
        for groep in blok.groepen:
            doelstelling = groep.doelstelling or groep.regiodoelstelling
            if doelstelling is None:
                continue
            regels.append(
                MatrixRegel(
                    prioriteit=blok.titel,
                    doelstelling=doelstelling,
                    per_kwartaal=[
                        [a for a in groep.activiteiten if k in a.kwartalen] for k in KWARTALEN
                    ],
                )
            )
    return regels


@dataclass
class VoortgangRegel:
    activiteit: Activiteit
    per_kwartaal: dict[int, Voortgang]
    mag_schrijven: bool


@dataclass
class VoortgangPagina:
    uitvoeringsplan: Uitvoeringsplan
    regels: list[VoortgangRegel]
    mag_regisseren: bool
    kwartalen: tuple[int, ...] = KWARTALEN


def voortgang_pagina(user: Gebruiker, uitvoeringsplan_id: int) -> VoortgangPagina:
    """The coordinator sees every activity (the regional ones to read: the region records
    their progress); a werkgroeplid the ones they are trekker of."""
    up = zichtbaar_uitvoeringsplan(user, uitvoeringsplan_id)
    regie = mag_plan_regisseren(user, up.plan)
    activiteiten = activiteiten_van(up)
    if not regie:
        activiteiten = activiteiten.filter(Q(trekker__gebruiker=user) | Q(trekker_gebruiker=user))
    regels = [
        VoortgangRegel(
            activiteit=a,
            per_kwartaal={v.kwartaal: v for v in a.voortgang.all()},
            mag_schrijven=mag_voortgang_schrijven(user, a),
        )
        for a in activiteiten
    ]
    return VoortgangPagina(uitvoeringsplan=up, regels=regels, mag_regisseren=regie)


@dataclass
class Jaar:
    jaar: int
    uitvoeringsplan: Uitvoeringsplan | None
    document: Document | None
    rapportage: Document | None
    aantal: int = 0

    @property
    def knoptekst(self) -> str:
        return f"Uitvoeringsplan {self.jaar} beginnen"


@dataclass
class Overzicht:
    plan: Plan
    jaren: list[Jaar]
    mag_regisseren: bool


def overzicht(user: Gebruiker, plan_id: int) -> Overzicht:
    """Per year of the plan's period: its uitvoeringsplan and its voortgangsrapportage."""
    plan = zichtbaar_plan(user, plan_id)
    if not leest_concepten(user, plan.gemeente_id):
        # The uitvoering is working material; a lezer reads the adopted plan (issue 15).
        raise Http404("Plan niet gevonden.")
    plannen = {
        u.jaar: u for u in Uitvoeringsplan.objects.filter(plan=plan).select_related("document")
    }
    aantallen: dict[int, int] = {}
    for up_id in Activiteit.objects.filter(uitvoeringsplan__plan=plan).values_list(
        "uitvoeringsplan_id", flat=True
    ):
        if up_id is not None:
            aantallen[up_id] = aantallen.get(up_id, 0) + 1
    regionaal: dict[int, int] = {}
    for jaar in Activiteit.objects.filter(regionaal_in(plan)).values_list("jaar", flat=True):
        if jaar is not None:
            regionaal[jaar] = regionaal.get(jaar, 0) + 1
    documenten = {
        (d.soort, d.jaar): d
        for d in Document.objects.filter(
            plan=plan,
            soort__in=[DocumentSoort.UITVOERINGSPLAN, DocumentSoort.VOORTGANGSRAPPORTAGE],
        )
    }
    jaren = []
    for jaar in range(plan.periode_start.year, plan.einde.year + 1):
        up = plannen.get(jaar)
        jaren.append(
            Jaar(
                jaar=jaar,
                uitvoeringsplan=up,
                document=documenten.get((DocumentSoort.UITVOERINGSPLAN, jaar)),
                rapportage=documenten.get((DocumentSoort.VOORTGANGSRAPPORTAGE, jaar)),
                aantal=aantallen.get(up.pk, 0) + regionaal.get(jaar, 0) if up else 0,
            )
        )
    return Overzicht(plan=plan, jaren=jaren, mag_regisseren=mag_plan_regisseren(user, plan))
