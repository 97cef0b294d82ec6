"""The reads of the structured content pages (veiligheidsanalyse, prioritering, IVP), each in
a fixed number of queries however many velden, themes, scores or doelstellingen a plan has.

Who reads what:
- coordinator, werkgroeplid and bestuurder of the plan's gemeente read the drafts;
- a lezer reads only once the document is vastgesteld;
- the griffie (and anyone of another gemeente) gets a 404: `zichtbaar_plan` refuses them.
Confidential sources (the ondermijningsbeeld) are shown only to the coordinator and to the
werkgroepleden and bestuurders the coordinator granted it (`stappen.rechten`,
docs/vertrouwelijk.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from ivp.constants import RolSoort
from ivp.models import Gebruiker, Plan
from ivp.permissions import heeft_rol, mag_plan_regisseren
from ivp.selectors import zichtbaar_plan
from ivp.vaste_query import VasteQuery
from stappen.constants import (
    GEWICHT_STANDAARD,
    PRIORITEITEN_ZONDER_MOTIVATIE,
    PRIORITEITEN_ZONDER_WAARSCHUWING,
    Criterium,
    DocumentSoort,
    DocumentStatus,
    Keuze,
)
from stappen.models import (
    Analyse,
    Bron,
    Document,
    Doelstelling,
    Plaatsing,
    Prioritering,
    Score,
    Weging,
)
from stappen.rechten import CONCEPT_LEZERS, mag_vertrouwelijk_zien
from veiligheidsvelden.models import Beleidsdocument, Thema, Veld


@dataclass
class Toegang:
    """What `user` may do with the content of one document of a plan."""

    plan: Plan
    document: Document | None
    mag_regisseren: bool
    toont_vertrouwelijk: bool
    gebruiker_id: int | None = None
    is_werkgroeplid: bool = False

    @property
    def is_concept(self) -> bool:
        return self.document is None or self.document.status == DocumentStatus.CONCEPT

    @property
    def bewerkbaar(self) -> bool:
        """The coordinator edits while the document is concept (services check it again)."""
        return self.mag_regisseren and self.is_concept

    def mag_analyse_schrijven(self, analyse: Analyse | None) -> bool:
        """May this user open the edit page of `analyse` (status aside): the coordinator, or
        the werkgroeplid it was handed to (a veld's own analysis only)."""
        if self.mag_regisseren:
            return True
        return (
            self.is_werkgroeplid
            and analyse is not None
            and analyse.thema_id is None
            and analyse.auteur_id is not None
            and analyse.auteur_id == self.gebruiker_id
        )


def inhoud_toegang(user: Gebruiker, plan_id: int, soort: DocumentSoort) -> Toegang:
    plan = zichtbaar_plan(user, plan_id)
    # One at most (document_uniek_per_plan); by pk, not Meta.ordering, which joins the plan.
    document = (
        Document.objects.filter(plan=plan, soort=soort, jaar__isnull=True).order_by("pk").first()
    )
    leest_concept = heeft_rol(user, plan.gemeente_id, CONCEPT_LEZERS)
    if not leest_concept and not (document is not None and document.is_vastgesteld):
        raise Http404("Dit document is nog niet vastgesteld.")
    if document is not None:
        document.plan = plan
    return Toegang(
        plan=plan,
        document=document,
        mag_regisseren=mag_plan_regisseren(user, plan),
        # The ondermijningsbeeld: the coordinator and whom they granted it (docs/vertrouwelijk.md).
        toont_vertrouwelijk=mag_vertrouwelijk_zien(user, plan.gemeente_id),
        gebruiker_id=user.pk,
        is_werkgroeplid=heeft_rol(user, plan.gemeente_id, frozenset({RolSoort.WERKGROEPLID})),
    )


def _bronnen(toont_vertrouwelijk: bool) -> Prefetch:
    bronnen = Bron.objects.order_by("soort", "titel", "pk")
    if not toont_vertrouwelijk:
        bronnen = bronnen.filter(vertrouwelijk=False)
    return Prefetch("bronnen", queryset=bronnen)


# --- Veiligheidsanalyse ------------------------------------------------------------------------


@dataclass
class VeldAnalyse:
    veld: Veld
    analyse: Analyse | None
    thema_analyses: list[Analyse]
    themas: list[Thema]  # the themes of this veld that may get their own analysis
    mag_schrijven: bool = False  # this user edits the veld's analysis now (concept)

    @property
    def ontbreekt(self) -> list[str]:
        if self.analyse is None:
            return ["problematiek", "huidige aanpak", "verbeterpunten"]
        return self.analyse.ontbrekende_blokken


def analyses_van(
    plan: Plan, *, toont_vertrouwelijk: bool, toegang: Toegang | None = None
) -> list[VeldAnalyse]:
    """Every veld with its analysis (and its auteur) and its themes' analyses: four queries.
    With `toegang`, each veld says whether that user may edit it now."""
    analyses = list(
        Analyse.objects.filter(plan=plan)
        .select_related("thema", "auteur")
        .prefetch_related(_bronnen(toont_vertrouwelijk))
        .order_by("veld__code", "thema__code")
    )
    themas = list(
        Thema.objects.voor_gemeente(plan.gemeente_id).filter(veld__isnull=False).order_by("code")
    )
    blokken = []
    for veld in Veld.objects.order_by("code"):
        eigen = [a for a in analyses if a.veld_id == veld.pk]
        analyse = next((a for a in eigen if a.thema_id is None), None)
        blokken.append(
            VeldAnalyse(
                veld=veld,
                analyse=analyse,
                thema_analyses=[a for a in eigen if a.thema_id is not None],
                themas=[t for t in themas if t.veld_id == veld.pk],
                mag_schrijven=toegang is not None
                and toegang.is_concept
                and toegang.mag_analyse_schrijven(analyse),
            )
        )
    return blokken


def analyse_voor_bewerking(
    plan: Plan, veld_id: int, thema_id: int | None
) -> tuple[Veld, Thema | None, Analyse | None]:
    veld = Veld.objects.filter(pk=veld_id).first()
    if veld is None:
        raise Http404("Veld niet gevonden.")
    thema = None
    if thema_id is not None:
        thema = Thema.objects.voor_gemeente(plan.gemeente_id).filter(pk=thema_id, veld=veld).first()
        if thema is None:
            raise Http404("Thema niet gevonden.")
    analyse = (
        Analyse.objects.filter(plan=plan, veld=veld, thema=thema)
        .prefetch_related(_bronnen(True))
        .first()
        if thema
        else Analyse.objects.filter(plan=plan, veld=veld, thema__isnull=True)
        .prefetch_related(_bronnen(True))
        .first()
    )
    return veld, thema, analyse


def bron_van(plan: Plan, bron_id: int) -> Bron:
    bron = Bron.objects.select_related("analyse__plan").filter(pk=bron_id, analyse__plan=plan)
    gevonden = bron.first()
    if gevonden is None:
        raise Http404("Bron niet gevonden.")
    return gevonden


# --- Prioritering ------------------------------------------------------------------------------


@dataclass
class Kandidaat:
    """A candidate theme with its scores and its weighted score."""

    thema: Thema
    scores: dict[str, int]
    gewogen: Decimal | None
    plaatsing: Plaatsing | None
    rang: int = 0

    @property
    def scores_op_volgorde(self) -> list[int | None]:
        return [self.scores.get(c) for c in Criterium.values]


def gewogen_score(scores: dict[str, int], gewichten: dict[str, int]) -> Decimal | None:
    """The weighted mean (1–5, one decimal) over the scored criteria with a weight."""
    teller = sum(gewichten[c] * waarde for c, waarde in scores.items() if gewichten.get(c))
    noemer = sum(gewichten[c] for c in scores if gewichten.get(c))
    if not noemer:
        return None
    return (Decimal(teller) / Decimal(noemer)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class PrioriteringStand:
    plan: Plan
    prioritering: Prioritering
    gewichten: dict[str, int]
    kandidaten: list[Kandidaat]  # ranked: highest weighted score first
    criteria: list[tuple[str, str]] = field(default_factory=lambda: list(Criterium.choices))

    @property
    def criteria_gewichten(self) -> list[tuple[str, str, int]]:
        return [(c, str(label), self.gewichten[c]) for c, label in self.criteria]

    def met_keuze(self, keuze: str) -> list[Kandidaat]:
        gekozen = [
            (k.plaatsing.volgorde, k.thema.code, k)
            for k in self.kandidaten
            if k.plaatsing and k.plaatsing.keuze == keuze
        ]
        return [k for _, _, k in sorted(gekozen, key=lambda rij: (rij[0], rij[1]))]

    @property
    def prioriteiten(self) -> list[Kandidaat]:
        return self.met_keuze(Keuze.PRIORITEIT)

    @property
    def strategisch(self) -> list[Kandidaat]:
        return self.met_keuze(Keuze.STRATEGISCH)

    @property
    def beheer(self) -> list[Kandidaat]:
        return self.met_keuze(Keuze.BEHEER)

    @property
    def niet_geplaatst(self) -> list[Kandidaat]:
        return [k for k in self.kandidaten if k.plaatsing is None]

    @property
    def waarschuwing_aantal(self) -> str:
        aantal = len(self.prioriteiten)
        if aantal > PRIORITEITEN_ZONDER_MOTIVATIE and not self.prioritering.motivatie_aantal:
            return (
                f"Er zijn {aantal} prioriteiten. Bij meer dan vier is een motivatie nodig "
                "(pas toe of leg uit)."
            )
        if aantal > PRIORITEITEN_ZONDER_WAARSCHUWING:
            return (
                f"Er zijn {aantal} prioriteiten; de startnotitie gaat uit van drie à vier. "
                "Minder prioriteiten geeft meer focus."
            )
        return ""


# The five queries of `prioritering_stand`, compiled once per process (`ivp.vaste_query`):
# compiling them was most of its Python, on the prioritering page and in the document's
# sections (`stappen.structuur.bouw_prioritering`). Unordered where rows go into a dict by a
# unique key: the Meta orderings on "plan" would join the plan and its gemeente (and the
# thema) into each query for nothing.
_PRIORITERING = VasteQuery(
    lambda plan_id: Prioritering.objects.filter(plan_id=plan_id).order_by()[:1], "plan_id"
)
_WEGINGEN = VasteQuery(
    lambda plan_id: (
        Weging.objects.filter(plan_id=plan_id).order_by().values_list("criterium", "gewicht")
    ),
    "plan_id",
)
_SCORES = VasteQuery(
    lambda plan_id: (
        Score.objects.filter(plan_id=plan_id)
        .order_by()
        .values_list("thema_id", "criterium", "waarde")
    ),
    "plan_id",
)
# The placements and themes without what no page of the stand shows (the number of
# doelstellingen per placement, the theme's veld): no grouped join.
_PLAATSINGEN = VasteQuery(
    lambda plan_id: Plaatsing.objects.filter(plan_id=plan_id).order_by(), "plan_id"
)
_HOOFDTHEMAS = VasteQuery(
    lambda gemeente_id: Thema.objects.voor_gemeente(gemeente_id).hoofdthemas().order_by("code"),
    "gemeente_id",
)


def prioritering_stand(plan: Plan) -> PrioriteringStand:
    """Candidates (the gemeente's hoofdthema's, VNG and own), scores, weights and placements,
    ranked: five queries whatever the number of themes."""
    eigen = _PRIORITERING.objecten(plan_id=plan.pk)
    prioritering = eigen[0] if eigen else Prioritering(plan=plan)
    if eigen:
        prioritering.plan = plan
    gezet = dict(_WEGINGEN.rijen(plan_id=plan.pk))
    gewichten = {c: gezet.get(c, GEWICHT_STANDAARD) for c in Criterium.values}
    per_thema: dict[int, dict[str, int]] = {}
    for thema_id, criterium, waarde in _SCORES.rijen(plan_id=plan.pk):
        per_thema.setdefault(thema_id, {})[criterium] = waarde
    plaatsingen: dict[int, Plaatsing] = {}
    for plaatsing in _PLAATSINGEN.objecten(plan_id=plan.pk):
        plaatsing.plan = plan
        plaatsingen[plaatsing.thema_id] = plaatsing
    kandidaten = []
    for thema in _HOOFDTHEMAS.objecten(gemeente_id=plan.gemeente_id):
        scores = per_thema.get(thema.pk, {})
        plaatsing = plaatsingen.get(thema.pk)
        if plaatsing is not None:
            plaatsing.thema = thema
        kandidaten.append(
            Kandidaat(
                thema=thema,
                scores=scores,
                gewogen=gewogen_score(scores, gewichten),
                plaatsing=plaatsing,
            )
        )
    kandidaten.sort(key=lambda k: (-(k.gewogen or Decimal(0)), k.thema.code))
    for rang, kandidaat in enumerate(kandidaten, start=1):
        kandidaat.rang = rang
    return PrioriteringStand(
        plan=plan, prioritering=prioritering, gewichten=gewichten, kandidaten=kandidaten
    )


# --- IVP ---------------------------------------------------------------------------------------


def _doelstellingen_met_beleid() -> QuerySet[Doelstelling]:
    return Doelstelling.objects.order_by("pk").prefetch_related(
        Prefetch("beleidsdocumenten", queryset=Beleidsdocument.objects.order_by("titel"))
    )


def prioriteiten_van(plan: Plan) -> list[Plaatsing]:
    """The priorities with their doelstellingen, the beleid of each, and the priority's
    flankerend beleid: four queries."""
    return list(
        Plaatsing.objects.filter(plan=plan, keuze=Keuze.PRIORITEIT)
        .select_related("thema__veld")
        .prefetch_related(
            Prefetch("doelstellingen", queryset=_doelstellingen_met_beleid()),
            Prefetch("beleidsdocumenten", queryset=Beleidsdocument.objects.order_by("titel")),
        )
        .order_by("volgorde", "thema__code")
    )


def strategische_themas_van(plan: Plan) -> list[Plaatsing]:
    return list(
        Plaatsing.objects.filter(plan=plan, keuze=Keuze.STRATEGISCH)
        .select_related("thema__veld")
        .order_by("volgorde", "thema__code")
    )


def prioriteit_van(plan: Plan, plaatsing_id: int) -> Plaatsing:
    plaatsing = (
        Plaatsing.objects.filter(plan=plan, keuze=Keuze.PRIORITEIT, pk=plaatsing_id)
        .select_related("thema__veld")
        .prefetch_related(
            Prefetch("doelstellingen", queryset=_doelstellingen_met_beleid()),
            Prefetch("beleidsdocumenten", queryset=Beleidsdocument.objects.order_by("titel")),
        )
        .first()
    )
    if plaatsing is None:
        raise Http404("Prioriteit niet gevonden.")
    plaatsing.plan = plan
    return plaatsing


def doelstelling_van(plaatsing: Plaatsing, doelstelling_id: int) -> Doelstelling:
    doelstelling = Doelstelling.objects.filter(plaatsing=plaatsing, pk=doelstelling_id).first()
    if doelstelling is None:
        raise Http404("Doelstelling niet gevonden.")
    doelstelling.plaatsing = plaatsing
    return doelstelling


def beleidsdocumenten_van(plan: Plan) -> list[Beleidsdocument]:
    return list(Beleidsdocument.objects.filter(gemeente_id=plan.gemeente_id).order_by("titel"))
