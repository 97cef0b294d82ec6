"""The werkgroep page: the members, their coverage of the velden, and the meetings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import overload

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from ivp.models import Gebruiker, Plan
from ivp.permissions import mag_plan_regisseren
from ivp.selectors import zichtbaar_plan
from stappen.rechten import leest_concepten
from veiligheidsvelden.models import Veld
from werkgroep.constants import MAX_BIJEENKOMSTEN, MAX_LEDEN, LidRol
from werkgroep.models import Bijeenkomst, Lid, Werkgroep
from werkgroep.selectors.bijeenkomsten import BijeenkomstRegel
from werkgroep.selectors.leden import leden_met_velden, werkgroep_van


@dataclass
class Dekking:
    """The coverage overview: for each veld, which members cover it."""

    leden: list[Lid]
    rijen: list[tuple[Veld, list[bool], bool]]  # veld, covered per member, is a gap
    ontbrekende_velden: list[Veld]
    heeft_politie_expert: bool


def dekking(leden: list[Lid], velden: list[Veld]) -> Dekking:
    per_lid = [{v.pk for v in lid.gekozen_velden} for lid in leden]  # type: ignore[attr-defined]
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


# Meetings per page on the werkgroep page: a trajectory has 5 à 6, the voortgangsoverleg of
# the uitvoering goes on for years; the list is long for reasons of history only (issue 8).
BIJEENKOMSTEN_PER_PAGINA = 20


class Bijeenkomsten(Sequence[BijeenkomstRegel]):
    """All meetings of the werkgroep in date order, numbered, read as rows in one query; a
    `BijeenkomstRegel` with its `Bijeenkomst` is made only for the meetings asked for, the
    page of 20 shown (issue 8: 147 model instances were made to number them). `datums` are
    every meeting's date, for finding the page of the next one."""

    def __init__(self, qs: QuerySet[Bijeenkomst], met_actiepunten: bool):
        self.namen = [veld.attname for veld in Bijeenkomst._meta.concrete_fields]
        extra = ["aantal_open"] if met_actiepunten else []
        self.db = qs.db
        self.rijen = list(qs.values_list(*self.namen, *extra))
        overleg = self.namen.index("voortgangsoverleg")
        datum = self.namen.index("datum")
        self.datums = [rij[datum] for rij in self.rijen]
        # The trajectory's meetings count on; a voortgangsoverleg has no number.
        self.nummers: list[int | None] = []
        n = 0
        for rij in self.rijen:
            if not rij[overleg]:
                n += 1
            self.nummers.append(None if rij[overleg] else n)
        self.aantal_genummerd = n

    def __len__(self) -> int:
        return len(self.rijen)

    def _regel(self, index: int) -> BijeenkomstRegel:
        rij = self.rijen[index]
        velden = len(self.namen)
        return BijeenkomstRegel(
            bijeenkomst=Bijeenkomst.from_db(self.db, self.namen, rij[:velden]),
            nummer=self.nummers[index],
            open_actiepunten=rij[velden] if len(rij) > velden else 0,
        )

    @overload
    def __getitem__(self, index: int) -> BijeenkomstRegel: ...
    @overload
    def __getitem__(self, index: slice) -> list[BijeenkomstRegel]: ...
    def __getitem__(self, index: int | slice) -> BijeenkomstRegel | list[BijeenkomstRegel]:
        if isinstance(index, slice):
            return [self._regel(i) for i in range(*index.indices(len(self.rijen)))]
        return self._regel(range(len(self.rijen))[index])


def bijeenkomsten_pagina(regels: Bijeenkomsten, gevraagd: int | str | None) -> Page:
    """The page of meetings asked for; without one (or a wrong one) the page with the next
    meeting (today's or the first one after it), or the last page when all are past."""
    paginator = Paginator(regels, BIJEENKOMSTEN_PER_PAGINA)
    try:
        nummer = int(gevraagd) if gevraagd else None
    except (TypeError, ValueError):
        nummer = None
    if nummer is None:
        vandaag = timezone.localdate()
        volgende = next((i for i, datum in enumerate(regels.datums) if datum >= vandaag), None)
        nummer = (
            paginator.num_pages if volgende is None else volgende // BIJEENKOMSTEN_PER_PAGINA + 1
        )
    return paginator.get_page(nummer)


@dataclass
class WerkgroepPagina:
    plan: Plan
    werkgroep: Werkgroep | None
    leden: list[Lid]
    dekking: Dekking
    bijeenkomsten: Bijeenkomsten  # all of them, numbered (a regel made when asked for)
    bijeenkomsten_pagina: Page  # the ones shown
    aantal_bijeenkomsten: int
    mag_regisseren: bool
    eigen_lid: Lid | None
    waarschuwingen: list[str] = field(default_factory=list)
    toont_werkstukken: bool = True  # False for a lezer: no hours, no actiepunten
    max_leden: int = MAX_LEDEN
    max_bijeenkomsten: int = MAX_BIJEENKOMSTEN


def werkgroep_pagina(
    user: Gebruiker, plan_id: int, pagina: int | str | None = None
) -> WerkgroepPagina:
    """The werkgroep page; `pagina` is the page of meetings asked for (the query string's
    `bijeenkomsten`), see `bijeenkomsten_pagina`."""
    plan = zichtbaar_plan(user, plan_id)
    werkgroep = werkgroep_van(plan)
    velden = list(Veld.objects.order_by("code"))
    leden = leden_met_velden(werkgroep.pk if werkgroep else None, velden)
    overzicht = dekking(leden, velden)
    bijeenkomsten_qs = Bijeenkomst.objects.filter(werkgroep=werkgroep)
    werkstukken = leest_concepten(user, plan.gemeente_id)
    if werkstukken:  # a lezer sees no actiepunten, nor their count
        bijeenkomsten_qs = bijeenkomsten_qs.annotate(
            aantal_open=Count("actiepunten", filter=Q(actiepunten__status="open"))
        )
    regels = Bijeenkomsten(bijeenkomsten_qs.order_by("datum", "begintijd", "pk"), werkstukken)
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
        bijeenkomsten_pagina=bijeenkomsten_pagina(regels, pagina),
        aantal_bijeenkomsten=regels.aantal_genummerd,
        mag_regisseren=mag_plan_regisseren(user, plan),
        eigen_lid=next((lid for lid in leden if lid.gebruiker_id == user.pk), None),
        waarschuwingen=waarschuwingen,
        toont_werkstukken=werkstukken,
    )
