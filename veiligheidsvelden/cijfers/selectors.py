"""The reads of the veiligheidsbeeld: per veld and theme the yearly figures of the gemeente,
the neighbours of its regio and the Netherlands, in a fixed number of queries however many
neighbours, indicators and years there are. Also the reads other apps reuse: the figures of
indicators for gemeenten per year (`jaarwaarden`), and the sentence a figure is cited with."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils import timezone

from ivp.models import Gebruiker, Gemeente
from ivp.permissions import PLAN_LEZERS, PLAN_REGISSEURS, heeft_rol
from veiligheidsvelden.cijfers.grafiek import Lijngrafiek, lijngrafiek
from veiligheidsvelden.cijfers.lezen import NEDERLAND
from veiligheidsvelden.models import Cijferimport, Indicator, Meting, Thema, Veld

JAREN = 10


def getal(waarde: Decimal) -> str:
    """A value the Dutch way, without trailing zeros: 45,1 · 7,25 · 1.204."""
    tekst = f"{waarde.normalize():f}"
    heel, _, deel = tekst.partition(".")
    heel = f"{int(heel):,}".replace(",", ".") if heel.lstrip("-").isdigit() else heel
    return f"{heel},{deel}" if deel else heel


def is_verouderd(jaar: int, vandaag: dt.date | None = None) -> bool:
    """A yearly figure is older than a year once the year after it has ended."""
    vandaag = vandaag or timezone.localdate()
    return jaar < vandaag.year - 1


def zichtbare_gemeente(user: Gebruiker, gemeente_id: int) -> Gemeente:
    gemeente = Gemeente.objects.filter(pk=gemeente_id).first()
    if gemeente is None or not heeft_rol(user, gemeente.pk, PLAN_LEZERS):
        raise Http404("Gemeente niet gevonden.")
    return gemeente


def buren(gemeente: Gemeente) -> list[Gemeente]:
    return list(
        Gemeente.objects.filter(regios__gemeenten=gemeente)
        .exclude(pk=gemeente.pk)
        .distinct()
        .order_by("naam")
    )


@dataclass
class Reeks:
    code: str
    naam: str
    soort: str  # gemeente, buur, nederland
    waarden: dict[int, Meting] = field(default_factory=dict)


@dataclass
class Trend:
    indicator: Indicator
    jaren: list[int]
    reeksen: list[Reeks]
    grafiek: Lijngrafiek | None

    @property
    def eigen(self) -> Reeks:
        return self.reeksen[0]

    @property
    def laatste(self) -> Meting | None:
        """The gemeente's most recent figure."""
        for jaar in reversed(self.jaren):
            if jaar in self.eigen.waarden:
                return self.eigen.waarden[jaar]
        return None

    @property
    def rijen(self) -> list[tuple[int, list[Meting | None]]]:
        return [(j, [r.waarden.get(j) for r in self.reeksen]) for j in reversed(self.jaren)]

    @property
    def verouderd(self) -> bool:
        return self.laatste is not None and is_verouderd(self.laatste.jaar)

    @property
    def citaat(self) -> str:
        laatste = self.laatste
        return citaat(self, laatste.jaar) if laatste else ""


def citaat(trend: Trend, jaar: int) -> str:
    """The figure of `jaar` as a sentence for a chapter, with the Netherlands beside it and
    its source and date."""
    meting = trend.eigen.waarden[jaar]
    indicator = trend.indicator
    zin = (
        f"{indicator.naam} in {trend.eigen.naam} in {jaar}: {getal(meting.waarde)} "
        f"({indicator.eenheid})"
    )
    landelijk = next((r for r in trend.reeksen if r.soort == "nederland"), None)
    if landelijk and jaar in landelijk.waarden:
        zin += f"; Nederland: {getal(landelijk.waarden[jaar].waarde)}"
    return f"{zin}. Bron: {meting.bron}."


@dataclass
class Themagroep:
    thema: Thema
    trends: list[Trend]


@dataclass
class Wijkcijfers:
    """A police measure per wijk, summed over the last twelve months the table has."""

    indicator: Indicator
    van: tuple[int, int]  # (jaar, maand)
    tot: tuple[int, int]
    rijen: list[tuple[str, Decimal]]
    bron: str

    @property
    def periode(self) -> str:
        return f"{self.van[1]:02d}-{self.van[0]} tot en met {self.tot[1]:02d}-{self.tot[0]}"


def wijkcijfers(gemeente: Gemeente, indicatoren: list[Indicator]) -> list[Wijkcijfers]:
    """One query: the monthly police figures of the gemeente's wijken."""
    politie = [i for i in indicatoren if i.tabel == "47022NED"]
    if not politie:
        return []
    per: dict[int, list[Meting]] = defaultdict(list)
    for meting in Meting.objects.filter(
        indicator__in=politie, gemeente=gemeente, maand__gt=0, gebied_code__startswith="WK"
    ).only("indicator_id", "gebied_code", "gebied_naam", "jaar", "maand", "waarde", "bron"):
        per[meting.indicator_id].append(meting)
    uit: list[Wijkcijfers] = []
    for indicator in politie:
        metingen = per.get(indicator.pk)
        if not metingen:
            continue
        tot = max((m.jaar, m.maand) for m in metingen)
        van = (tot[0] - 1, tot[1] + 1) if tot[1] < 12 else (tot[0], 1)
        som: dict[str, Decimal] = defaultdict(Decimal)
        for m in metingen:
            if van <= (m.jaar, m.maand) <= tot:
                som[m.gebied_naam] += m.waarde
        eerste = min((m.jaar, m.maand) for m in metingen if van <= (m.jaar, m.maand))
        uit.append(Wijkcijfers(indicator, eerste, tot, sorted(som.items()), metingen[-1].bron))
    return uit


@dataclass
class Beeld:
    gemeente: Gemeente
    veld: Veld
    buren: list[Gemeente]
    groepen: list[Themagroep]
    wijken: list[Wijkcijfers] = field(default_factory=list)

    @property
    def trends(self) -> list[Trend]:
        return [t for g in self.groepen for t in g.trends]


def _trends(
    gemeente: Gemeente, buren_: list[Gemeente], indicatoren: list[Indicator], jaren: int
) -> dict[int, Trend]:
    gebieden = [(gemeente.cbs_code, gemeente.naam, "gemeente")]
    gebieden += [(b.cbs_code, b.naam, "buur") for b in buren_]
    gebieden.append((NEDERLAND, "Nederland", "nederland"))
    vanaf = timezone.localdate().year - jaren - 2
    metingen = Meting.objects.filter(
        indicator__in=indicatoren,
        maand=0,
        gebied_code__in=[g[0] for g in gebieden],
        jaar__gte=vanaf,
    ).only("indicator_id", "gebied_code", "jaar", "waarde", "bron", "opgehaald_op")
    per: dict[int, dict[str, dict[int, Meting]]] = defaultdict(lambda: defaultdict(dict))
    for meting in metingen:
        per[meting.indicator_id][meting.gebied_code][meting.jaar] = meting
    trends: dict[int, Trend] = {}
    for indicator in indicatoren:
        waarden = per.get(indicator.pk)
        if not waarden or gemeente.cbs_code not in waarden:
            continue
        alle_jaren = sorted({j for w in waarden.values() for j in w})[-jaren:]
        reeksen = [
            Reeks(code, naam, soort, {j: m for j, m in waarden.get(code, {}).items()})
            for code, naam, soort in gebieden
        ]
        grafiek = lijngrafiek(
            alle_jaren,
            [
                (r.naam, r.soort, {j: m.waarde for j, m in r.waarden.items() if j in alle_jaren})
                for r in reeksen
            ],
        )
        trends[indicator.pk] = Trend(indicator, alle_jaren, reeksen, grafiek)
    return trends


def _indicatoren(gemeente: Gemeente, filter_: Q) -> list[Indicator]:
    return list(
        Indicator.objects.filter(Q(gemeente__isnull=True) | Q(gemeente=gemeente))
        .filter(filter_)
        .distinct()
        .prefetch_related(Prefetch("themas", queryset=Thema.objects.order_by("code")))
        .order_by("tabel", "maat", "pk")
    )


def veiligheidsbeeld(
    gemeente: Gemeente, veld: Veld, *, jaren: int = JAREN, thema: Thema | None = None
) -> Beeld:
    """Five queries: neighbours, indicators, their themes, the yearly metingen, the wijken's
    monthly police figures."""
    buren_ = buren(gemeente)
    filter_ = Q(themas=thema) if thema else Q(themas__veld=veld)
    indicatoren = _indicatoren(gemeente, filter_)
    trends = _trends(gemeente, buren_, indicatoren, jaren)
    groepen: dict[int, Themagroep] = {}
    for indicator in indicatoren:
        trend = trends.get(indicator.pk)
        if trend is None:
            continue
        eigen_thema = next(t for t in indicator.themas.all() if t.veld_id == veld.pk)
        groep = groepen.setdefault(eigen_thema.pk, Themagroep(eigen_thema, []))
        groep.trends.append(trend)
    volgorde = sorted(
        groepen.values(), key=lambda g: [int(d) for d in g.thema.code.split(".") if d.isdigit()]
    )
    return Beeld(gemeente, veld, buren_, volgorde, wijkcijfers(gemeente, indicatoren))


def veiligheidsbeeld_pagina(
    user: Gebruiker, gemeente_id: int, veld_id: int, *, jaren: int = JAREN
) -> Beeld:
    gemeente = zichtbare_gemeente(user, gemeente_id)
    veld = Veld.objects.filter(pk=veld_id).first()
    if veld is None:
        raise Http404("Veld niet gevonden.")
    return veiligheidsbeeld(gemeente, veld, jaren=jaren)


@dataclass
class Overzicht:
    gemeente: Gemeente
    velden: list[Veld]
    laatste_import: Cijferimport | None
    mag_importeren: bool


def overzicht(user: Gebruiker, gemeente_id: int) -> Overzicht:
    gemeente = zichtbare_gemeente(user, gemeente_id)
    return Overzicht(
        gemeente,
        list(Veld.objects.order_by("code")),
        Cijferimport.objects.filter(gemeente=gemeente).first(),
        heeft_rol(user, gemeente.pk, PLAN_REGISSEURS),
    )


def regie_cijfers(user: Gebruiker, gemeente_id: int) -> tuple[Gemeente, list[Cijferimport]]:
    """The import page: only the coordinator OOV of the gemeente."""
    gemeente = Gemeente.objects.filter(pk=gemeente_id).first()
    if gemeente is None or not heeft_rol(user, gemeente.pk, PLAN_REGISSEURS):
        raise Http404("Gemeente niet gevonden.")
    runs = list(Cijferimport.objects.filter(gemeente=gemeente).select_related("door")[:10])
    return gemeente, runs


def indicatoren_voor(gemeente_id: int) -> list[Indicator]:
    """The indicators a doelstelling of the gemeente may be measured with: the open-data
    ones that have figures for it, and its own."""
    return list(
        Indicator.objects.filter(
            Q(gemeente_id=gemeente_id)
            | Q(gemeente__isnull=True, metingen__gemeente_id=gemeente_id, metingen__maand=0)
        )
        .distinct()
        .order_by("naam", "pk")
    )


def jaarwaarden(
    paren: Iterable[tuple[int, int]],
) -> dict[tuple[int, int], dict[int, Meting]]:
    """The yearly metingen of (indicator, gemeente) pairs, by year, in one query: the
    gemeente's own figure (its CBS code), not those of its wijken."""
    paren = set(paren)
    if not paren:
        return {}
    filter_ = Q()
    for indicator_id, gemeente_id in paren:
        filter_ |= Q(indicator_id=indicator_id, gemeente_id=gemeente_id)
    uit: dict[tuple[int, int], dict[int, Meting]] = {p: {} for p in paren}
    for meting in (
        Meting.objects.filter(filter_, maand=0, gebied_code__startswith="GM")
        .select_related("gemeente")
        .order_by("jaar")
    ):
        gemeente = meting.gemeente
        if gemeente is not None and meting.gebied_code == gemeente.cbs_code:
            uit[(meting.indicator_id, gemeente.pk)][meting.jaar] = meting
    return uit


def meting_van(indicator_id: int, gemeente: Gemeente, jaar: int) -> Meting | None:
    return Meting.objects.filter(
        indicator_id=indicator_id, gebied_code=gemeente.cbs_code, jaar=jaar, maand=0
    ).first()


def laatste_meting(indicator_id: int, gemeente: Gemeente) -> Meting | None:
    return (
        Meting.objects.filter(indicator_id=indicator_id, gebied_code=gemeente.cbs_code, maand=0)
        .order_by("-jaar")
        .first()
    )
