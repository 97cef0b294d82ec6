"""The werkgroep page: the members, their coverage of the velden, and the meetings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, overload

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from ivp.models import Gebruiker, Plan
from ivp.permissions import mag_plan_regisseren
from ivp.selectors import zichtbaar_plan
from ivp.vaste_query import VasteQuery
from stappen.rechten import leest_concepten
from veiligheidsvelden.models import Veld
from werkgroep.constants import MAX_BIJEENKOMSTEN, MAX_LEDEN, LidRol
from werkgroep.models import Bijeenkomst
from werkgroep.selectors.bijeenkomsten import BijeenkomstRegel
from werkgroep.selectors.leden import LidRegel, leden_met_velden


@dataclass
class Dekking:
    """The coverage overview: for each veld, which members cover it."""

    leden: list[LidRegel]
    rijen: list[tuple[Veld, list[bool], bool]]  # veld, covered per member, is a gap
    ontbrekende_velden: list[Veld]
    heeft_politie_expert: bool


def dekking(leden: list[LidRegel], velden: list[Veld]) -> Dekking:
    per_lid = [{v.pk for v in lid.gekozen_velden} for lid in leden]
    rijen = []
    for veld in velden:
        pk = veld.pk  # a property: once per veld, not once per member (issue 8)
        vakjes = [pk in eigen for eigen in per_lid]
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

# What the page shows of a meeting: not the notulen and besluiten of all of them (issue 8).
_KOLOMMEN = (
    "id",
    "titel",
    "datum",
    "begintijd",
    "eindtijd",
    "voortgangsoverleg",
    "motivatie",
    "afgezegd_op",
)


class Bijeenkomstrij(NamedTuple):
    """A meeting of the page's list, as its columns are read."""

    pk: int
    titel: str
    datum: dt.date
    begintijd: dt.time
    eindtijd: dt.time
    voortgangsoverleg: bool
    motivatie: str
    afgezegd_op: dt.datetime | None  # called off: listed as such, not numbered nor counted
    open_actiepunten: int  # 0 for a lezer, who sees no actiepunten


_DATUM = Bijeenkomstrij._fields.index("datum")
_OVERLEG = Bijeenkomstrij._fields.index("voortgangsoverleg")
_AFGEZEGD = Bijeenkomstrij._fields.index("afgezegd_op")


def _bijeenkomsten(plan_id: int) -> QuerySet[Bijeenkomst]:
    return Bijeenkomst.objects.filter(werkgroep__plan_id=plan_id).order_by(
        "datum", "begintijd", "pk"
    )


# Compiled once per process (issue 8); through the plan, so the werkgroep needs no query.
_VELDEN = VasteQuery(lambda: Veld.objects.order_by("code"))
_BIJEENKOMSTEN = VasteQuery(
    lambda plan_id: _bijeenkomsten(plan_id).values_list(*_KOLOMMEN), "plan_id"
)
_BIJEENKOMSTEN_MET_OPEN = VasteQuery(
    lambda plan_id: (
        _bijeenkomsten(plan_id)
        .annotate(aantal_open=Count("actiepunten", filter=Q(actiepunten__status="open")))
        .values_list(*_KOLOMMEN, "aantal_open")
    ),
    "plan_id",
)


class Bijeenkomsten(Sequence[BijeenkomstRegel]):
    """All meetings of the werkgroep in date order, numbered, read as rows (`_KOLOMMEN` and
    the open actiepunten) in one query. The page's list is written from the rows
    (`getoond`); a `BijeenkomstRegel`, with a `Bijeenkomst` of those columns (the others
    read when used), is made only when one is asked for (issue 8: 147 model instances were
    made to number them, and 20 for the page's list). `datums` are every meeting's date,
    for finding the page of the next one."""

    def __init__(self, rijen: list[tuple[Any, ...]]):
        self.rijen = rijen
        self.datums = [rij[_DATUM] for rij in rijen]
        # The trajectory's meetings count on; a voortgangsoverleg has no number, nor has a
        # meeting called off.
        self.nummers: list[int | None] = []
        n = 0
        for rij in rijen:
            telt = not rij[_OVERLEG] and rij[_AFGEZEGD] is None
            if telt:
                n += 1
            self.nummers.append(n if telt else None)
        self.aantal_genummerd = n

    def __len__(self) -> int:
        return len(self.rijen)

    def _regel(self, index: int) -> BijeenkomstRegel:
        rij = self.rijen[index]
        return BijeenkomstRegel(
            bijeenkomst=Bijeenkomst.from_db("default", _KOLOMMEN, rij[: len(_KOLOMMEN)]),
            nummer=self.nummers[index],
            open_actiepunten=rij[len(_KOLOMMEN)],
        )

    @overload
    def __getitem__(self, index: int) -> BijeenkomstRegel: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[BijeenkomstRegel]: ...
    def __getitem__(self, index: int | slice) -> BijeenkomstRegel | Sequence[BijeenkomstRegel]:
        if isinstance(index, slice):  # the Paginator's page: its regels made when read
            return _Deel(self, range(len(self.rijen))[index])
        return self._regel(range(len(self.rijen))[index])

    def getoond(self, deel: Page) -> list[tuple[Bijeenkomstrij, int | None]]:
        """The rows of the meetings on `deel` (a page of these), each with its number."""
        if not self.rijen:
            return []
        return [
            (Bijeenkomstrij._make(self.rijen[i]), self.nummers[i])
            for i in range(deel.start_index() - 1, deel.end_index())
        ]


class _Deel(Sequence[BijeenkomstRegel]):
    """A slice of `Bijeenkomsten` whose regels are made when read."""

    def __init__(self, alle: Bijeenkomsten, bereik: range):
        self.alle = alle
        self.bereik = bereik

    def __len__(self) -> int:
        return len(self.bereik)

    @overload
    def __getitem__(self, index: int) -> BijeenkomstRegel: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[BijeenkomstRegel]: ...
    def __getitem__(self, index: int | slice) -> BijeenkomstRegel | Sequence[BijeenkomstRegel]:
        if isinstance(index, slice):
            return _Deel(self.alle, self.bereik[index])
        return self.alle._regel(self.bereik[index])


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
    leden: list[LidRegel]
    dekking: Dekking
    bijeenkomsten: Bijeenkomsten  # all of them, numbered (a regel made when asked for)
    bijeenkomsten_pagina: Page  # the ones shown
    aantal_bijeenkomsten: int
    mag_regisseren: bool
    waarschuwingen: list[str] = field(default_factory=list)
    toont_werkstukken: bool = True  # False for a lezer: no hours, no actiepunten
    max_leden: int = MAX_LEDEN
    max_bijeenkomsten: int = MAX_BIJEENKOMSTEN


def werkgroep_pagina(
    user: Gebruiker, plan_id: int, pagina: int | str | None = None
) -> WerkgroepPagina:
    """The werkgroep page; `pagina` is the page of meetings asked for (the query string's
    `bijeenkomsten`), see `bijeenkomsten_pagina`. A plan without a werkgroep reads as one
    without members or meetings."""
    plan = zichtbaar_plan(user, plan_id)
    velden = _VELDEN.objecten()
    leden = leden_met_velden(plan.pk, velden)
    overzicht = dekking(leden, velden)
    werkstukken = leest_concepten(user, plan.gemeente_id)
    if werkstukken:  # a lezer sees no actiepunten, nor their count
        rijen = _BIJEENKOMSTEN_MET_OPEN.rijen(plan_id=plan.pk)
    else:
        rijen = [(*rij, 0) for rij in _BIJEENKOMSTEN.rijen(plan_id=plan.pk)]
    regels = Bijeenkomsten(rijen)
    waarschuwingen = []
    if leden:
        for veld in overzicht.ontbrekende_velden:
            waarschuwingen.append(f"Geen lid dekt het veld ‘{veld.naam}’.")
        if not overzicht.heeft_politie_expert:
            waarschuwingen.append("De operationeel expert van de politie ontbreekt.")
    return WerkgroepPagina(
        plan=plan,
        leden=leden,
        dekking=overzicht,
        bijeenkomsten=regels,
        bijeenkomsten_pagina=bijeenkomsten_pagina(regels, pagina),
        aantal_bijeenkomsten=regels.aantal_genummerd,
        mag_regisseren=mag_plan_regisseren(user, plan),
        waarschuwingen=waarschuwingen,
        toont_werkstukken=werkstukken,
    )
