"""The chain from veiligheidsanalyse to priority, doelstelling, indicator, activity and
progress, with its loose ends; and per doelstelling the indicator's values per year against
nulmeting and streefwaarde. A fixed number of queries however long the chain."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.http import Http404
from django.utils import timezone

from ivp.models import Gebruiker, Plan
from ivp.permissions import mag_plan_regisseren
from ivp.selectors import zichtbaar_plan
from stappen.constants import Keuze
from stappen.models import Analyse, Doelstelling, Plaatsing
from stappen.rechten import leest_concepten
from uitvoering.models import Activiteit, Uitvoeringsplan, Voortgang
from uitvoering.selectors.plannen import Blok, activiteiten_van, groepeer
from veiligheidsvelden.models import Meting


def als_getal(tekst: str) -> Decimal | None:
    """'96', '5,9', '12 %' or '≥ 60' as a number; None when the text holds none."""
    gevonden = re.search(r"-?\d+(?:[.,]\d+)?", tekst.replace(".", "") if "," in tekst else tekst)
    if not gevonden:
        return None
    try:
        return Decimal(gevonden.group().replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern only matches numbers
        return None


def metingen_per_indicator(plan: Plan, indicator_ids: set[int]) -> dict[int, dict[int, Decimal]]:
    """Yearly values (maand 0) of the gemeente as a whole, per indicator: one query."""
    uitkomst: dict[int, dict[int, Decimal]] = {}
    if not indicator_ids:
        return uitkomst
    for m in Meting.objects.filter(
        indicator_id__in=indicator_ids,
        gebied_code=plan.gemeente.cbs_code,
        maand=0,
    ).order_by("jaar"):
        uitkomst.setdefault(m.indicator_id, {})[m.jaar] = m.waarde
    return uitkomst


@dataclass
class DoelSchakel:
    doelstelling: Doelstelling
    waarde_dit_jaar: Decimal | None
    activiteiten: list[Activiteit]
    losse_eindjes: list[str]


@dataclass
class PrioriteitSchakel:
    prioriteit: Plaatsing
    analyse: Analyse | None
    doelen: list[DoelSchakel]
    losse_eindjes: list[str]


@dataclass
class Keten:
    plan: Plan
    jaar: int
    uitvoeringsplan: Uitvoeringsplan | None
    prioriteiten: list[PrioriteitSchakel]
    activiteit_eindjes: dict[int, list[str]] = field(default_factory=dict)
    losse_activiteiten: list[tuple[Activiteit, list[str]]] = field(default_factory=list)
    # The regional activities the plan shows, per shared priority.
    regionaal: list[Blok] = field(default_factory=list)

    @property
    def aantal_losse_eindjes(self) -> int:
        return sum(
            len(p.losse_eindjes) + sum(len(d.losse_eindjes) for d in p.doelen)
            for p in self.prioriteiten
        ) + sum(len(e) for e in self.activiteit_eindjes.values())


def laatste_voortgang(activiteit: Activiteit) -> Voortgang | None:
    voortgang = list(activiteit.voortgang.all())
    return voortgang[-1] if voortgang else None


def keten(user: Gebruiker, plan_id: int, jaar: int | None = None) -> Keten:
    """Eight queries: plan, priorities, analyses, doelstellingen, uitvoeringsplan,
    activities (with their progress) and the metingen."""
    plan = zichtbaar_plan(user, plan_id)
    if not leest_concepten(user, plan.gemeente_id):
        # The uitvoering is working material; a lezer reads the adopted plan (issue 15).
        raise Http404("Plan niet gevonden.")
    vandaag = timezone.localdate()
    if jaar is None:
        jaar = min(max(vandaag.year, plan.periode_start.year), plan.einde.year)
    prioriteiten = list(
        Plaatsing.objects.filter(plan=plan, keuze=Keuze.PRIORITEIT)
        .select_related("thema")
        .order_by("volgorde", "thema__code")
    )
    analyses = list(Analyse.objects.filter(plan=plan))
    per_thema = {a.thema_id: a for a in analyses if a.thema_id}
    per_veld = {a.veld_id: a for a in analyses if not a.thema_id}
    doelstellingen = list(
        Doelstelling.objects.filter(plaatsing__in=prioriteiten)
        .select_related("meetindicator")
        .order_by("pk")
    )
    up = Uitvoeringsplan.objects.filter(plan=plan, jaar=jaar).first()
    activiteiten = list(activiteiten_van(up)) if up else []
    waarden = metingen_per_indicator(
        plan, {d.meetindicator_id for d in doelstellingen if d.meetindicator_id}
    )
    per_doel: dict[int, list[Activiteit]] = {}
    for a in activiteiten:
        if a.doelstelling_id:
            per_doel.setdefault(a.doelstelling_id, []).append(a)
    schakels = []
    for p in prioriteiten:
        doelen = []
        for d in (d for d in doelstellingen if d.plaatsing_id == p.pk):
            eindjes = []
            waarde = None
            if d.meetindicator_id is None:
                eindjes.append("Deze doelstelling heeft geen indicator om te meten.")
            else:
                waarde = waarden.get(d.meetindicator_id, {}).get(jaar)
                if waarde is None:
                    eindjes.append(f"De indicator heeft nog geen waarde voor {jaar}.")
            if not per_doel.get(d.pk):
                eindjes.append(f"Geen activiteit in het uitvoeringsplan {jaar}.")
            doelen.append(DoelSchakel(d, waarde, per_doel.get(d.pk, []), eindjes))
        eindjes_p = [] if doelen else ["Deze prioriteit heeft nog geen doelstelling."]
        veld_id = p.thema.veld_id
        analyse = per_thema.get(p.thema_id) or (per_veld.get(veld_id) if veld_id else None)
        schakels.append(PrioriteitSchakel(p, analyse, doelen, eindjes_p))
    activiteit_eindjes: dict[int, list[str]] = {}
    for a in activiteiten:
        eindjes = []
        if not a.is_gekoppeld:
            eindjes.append("niet aan een doelstelling gekoppeld")
        if not a.resultaat.strip() and a.resultaat_aantal is None:
            eindjes.append("geen beoogd resultaat")
        if not a.trekker_naam:
            eindjes.append("geen trekker")
        if eindjes:
            activiteit_eindjes[a.pk] = eindjes
    losse = [(a, activiteit_eindjes[a.pk]) for a in activiteiten if a.pk in activiteit_eindjes]
    regionaal = groepeer([a for a in activiteiten if a.regio_id is not None], [])
    return Keten(plan, jaar, up, schakels, activiteit_eindjes, losse, regionaal)


@dataclass
class Reeks:
    """The values of a doelstelling's indicator per year, with its nulmeting and target."""

    doelstelling: Doelstelling
    plan: Plan
    waarden: list[tuple[int, Decimal]]
    nulmeting: Decimal | None
    streefwaarde: Decimal | None
    mag_regisseren: bool


def zichtbare_doelstelling(user: Gebruiker, doelstelling_id: int) -> Doelstelling:
    doelstelling = (
        Doelstelling.objects.select_related("plaatsing__plan__gemeente", "plaatsing__thema")
        .select_related("meetindicator")
        .filter(pk=doelstelling_id)
        .first()
    )
    if doelstelling is None or not leest_concepten(user, doelstelling.plaatsing.plan.gemeente_id):
        raise Http404("Doelstelling niet gevonden.")
    return doelstelling


def reeks(user: Gebruiker, doelstelling_id: int) -> Reeks:
    doelstelling = zichtbare_doelstelling(user, doelstelling_id)
    plan = doelstelling.plaatsing.plan
    waarden: dict[int, Decimal] = {}
    if doelstelling.meetindicator_id:
        waarden = metingen_per_indicator(plan, {doelstelling.meetindicator_id}).get(
            doelstelling.meetindicator_id, {}
        )
    return Reeks(
        doelstelling=doelstelling,
        plan=plan,
        waarden=sorted(waarden.items()),
        nulmeting=als_getal(doelstelling.nulmeting),
        streefwaarde=als_getal(doelstelling.streefwaarde),
        mag_regisseren=mag_plan_regisseren(user, plan),
    )
