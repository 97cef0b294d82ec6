"""Reads of the meetings: one meeting's page, what its agenda can point at, its actiepunten."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import partial

from django.http import Http404
from django.utils import timezone

from ivp.models import Gebruiker, Plan, gebruiker_naam
from ivp.permissions import mag_plan_regisseren, mag_plan_zien
from ivp.vaste_query import VasteQuery
from stappen.constants import DocumentStatus, StapNummer, StapStatus
from stappen.models import Stap
from stappen.rechten import leest_concepten
from werkgroep.constants import (
    MAX_BIJEENKOMSTEN,
    Aanwezigheid,
    ActiepuntStatus,
    bijeenkomst_nummer,
)
from werkgroep.models import Actiepunt, Agendapunt, Bijeenkomst, Lid
from werkgroep.selectors.agendapunten import Keuzes
from werkgroep.selectors.leden import leden_keuze
from werkgroep.teksten import draad_regel, sectie_titel, versie_tekst


def is_uitvoeringsfase(plan: Plan) -> bool:
    """Once step 6 (van beleid naar uitvoering) has started the werkgroep meets as the
    voortgangsoverleg, without the limit of 5–6 meetings."""
    return (
        Stap.objects.filter(plan=plan, nummer=StapNummer.UITVOERING)
        .exclude(status=StapStatus.GEPLAND)
        .exists()
    )


@dataclass
class BijeenkomstRegel:
    bijeenkomst: Bijeenkomst
    nummer: int | None  # "bijeenkomst 3 van 6"; None for a voortgangsoverleg
    open_actiepunten: int

    @property
    def nummer_tekst(self) -> str:
        return bijeenkomst_nummer(self.nummer) if self.nummer else ""


def nummer_bijeenkomsten(bijeenkomsten: Sequence[Bijeenkomst]) -> list[BijeenkomstRegel]:
    """Number the meetings of the trajectory in date order; a voortgangsoverleg has none."""
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


def zichtbare_bijeenkomst(user: Gebruiker, bijeenkomst_id: int) -> Bijeenkomst:
    """A meeting of a plan `user` may see; 404 for anyone else."""
    try:
        # `get`, not `first`: the ORDER BY that `first` adds costs more to compile over the
        # joined columns than the rest of the query (issue 8).
        bijeenkomst = Bijeenkomst.objects.select_related(
            "werkgroep__plan__gemeente", "gezamenlijk"
        ).get(pk=bijeenkomst_id)
    except Bijeenkomst.DoesNotExist:
        raise Http404("Bijeenkomst niet gevonden.") from None
    if not mag_plan_zien(user, bijeenkomst.werkgroep.plan):
        raise Http404("Bijeenkomst niet gevonden.")
    return bijeenkomst


def werkgroep_bijeenkomst(user: Gebruiker, bijeenkomst_id: int) -> Bijeenkomst:
    """A meeting with its working material (its agenda, for the invitation): for those who
    read drafts in the plan's gemeente; 404 for a lezer and anyone else."""
    bijeenkomst = zichtbare_bijeenkomst(user, bijeenkomst_id)
    if not leest_concepten(user, bijeenkomst.werkgroep.plan.gemeente_id):
        raise Http404("Bijeenkomst niet gevonden.")
    return bijeenkomst


def regie_bijeenkomst(user: Gebruiker, bijeenkomst_id: int) -> Bijeenkomst:
    """A meeting of a plan `user` steers; 404 for anyone else."""
    bijeenkomst = zichtbare_bijeenkomst(user, bijeenkomst_id)
    if not mag_plan_regisseren(user, bijeenkomst.werkgroep.plan):
        raise Http404("Bijeenkomst niet gevonden.")
    return bijeenkomst


def niet_afzegbaar(bijeenkomst: Bijeenkomst) -> str:
    """Why `bijeenkomst` cannot be called off, in Dutch ("" when it can)."""
    if bijeenkomst.gezamenlijk_id:
        return (
            "Dit is een gezamenlijke bijeenkomst: de regionale coördinator die haar organiseert, "
            "zegt haar af, voor alle gemeenten tegelijk."
        )
    return bijeenkomst.niet_afzegbaar(
        timezone.localdate(), heeft_presentie=bijeenkomst.presenties.exists()
    )


def actiepunt_voor_status(user: Gebruiker, actiepunt_id: int) -> Actiepunt:
    """An actiepunt whose status `user` may set: the coordinator's, or the one they hold, of
    a meeting they may see. 404 for anyone else."""
    actiepunt = (
        Actiepunt.objects.select_related("bijeenkomst__werkgroep__plan", "wie")
        .filter(pk=actiepunt_id)
        .first()
    )
    if actiepunt is None:
        raise Http404("Actiepunt niet gevonden.")
    plan = zichtbare_bijeenkomst(user, actiepunt.bijeenkomst_id).werkgroep.plan
    if not (mag_plan_regisseren(user, plan) or actiepunt.wie.gebruiker_id == user.pk):
        raise Http404("Actiepunt niet gevonden.")
    return actiepunt


@dataclass(frozen=True, slots=True)
class Deelnemer:
    """A member as the meeting page shows them: read as a row (80 at 50×), not as a `Lid`
    and a `Gebruiker` instance each (issue 8)."""

    pk: int
    weergavenaam: str
    gebruiker_id: int | None


@dataclass(frozen=True, slots=True)
class Actieregel:
    pk: int
    wat: str
    wie: Deelnemer
    deadline: dt.date
    status: str

    @property
    def status_tekst(self) -> str:
        return _ACTIEPUNTSTATUS.get(self.status, self.status)


@dataclass(frozen=True, slots=True)
class Agendaregel:
    """An agenda item with what it points at (a document, a version, a thread), as rows."""

    pk: int
    onderwerp: str
    toelichting: str
    document_id: int | None = None
    document_titel: str = ""
    document_status: str = ""
    versie_document_id: int | None = None
    versie_nummer: str = ""
    versie_tekst: str = ""
    opmerking_id: int | None = None
    opmerking_tekst: str = ""


_ACTIEPUNTSTATUS = dict(ActiepuntStatus.choices)
_AANWEZIGHEID = dict(Aanwezigheid.choices)
_DOCUMENTSTATUS = dict(DocumentStatus.choices)


@dataclass
class BijeenkomstPagina:
    bijeenkomst: Bijeenkomst
    plan: Plan
    nummer: int | None
    agendapunten: list[Agendaregel]
    leden: list[Deelnemer]
    # The recorded attendance: a member's id → their status.
    presentie: dict[int, str]
    # Per member their name and recorded attendance as it reads ("" if not recorded).
    presentie_regels: list[tuple[str, str]]
    actiepunten: list[Actieregel]
    mag_regisseren: bool
    # False for a lezer: no agenda, attendance, notulen, besluiten or actiepunten (issue 15).
    toont_werkstukken: bool = True
    max_bijeenkomsten: int = MAX_BIJEENKOMSTEN
    # A werkgroep's part of a joint meeting: the other gemeenten taking part (their names only).
    gezamenlijk_met: list[str] = field(default_factory=list)

    @property
    def mag_wijzigen(self) -> bool:
        """The coordinator's forms: none on a meeting called off."""
        return self.mag_regisseren and self.bijeenkomst.afgezegd_op is None

    @property
    def _afzegbaar(self) -> bool:
        b = self.bijeenkomst
        return self.mag_regisseren and not b.niet_afzegbaar(
            timezone.localdate(), heeft_presentie=bool(self.presentie)
        )

    @property
    def kan_afzeggen(self) -> bool:
        """The button "Bijeenkomst afzeggen": the coordinator's, while the meeting has not
        taken place, and not on a part of a joint meeting (the regional coordinator's)."""
        return self._afzegbaar and not self.bijeenkomst.gezamenlijk_id

    @property
    def afzeggen_regionaal(self) -> bool:
        """A part of a joint meeting that could be called off: the page says who does it."""
        return self._afzegbaar and bool(self.bijeenkomst.gezamenlijk_id)

    @property
    def nummer_tekst(self) -> str:
        return bijeenkomst_nummer(self.nummer) if self.nummer else ""

    @property
    def wie_keuzes(self) -> Keuzes:
        """An actiepunt's holder: the members read for the attendance, not read again."""
        return Keuzes(
            partial(leden_keuze, self.bijeenkomst.werkgroep_id),
            [(lid.pk, lid.weergavenaam) for lid in self.leden],
        )


def _gezamenlijk_met(bijeenkomst: Bijeenkomst) -> list[str]:
    if not bijeenkomst.gezamenlijk_id:
        return []
    return list(
        Bijeenkomst.objects.filter(gezamenlijk_id=bijeenkomst.gezamenlijk_id)
        .exclude(pk=bijeenkomst.pk)
        .order_by("werkgroep__plan__gemeente__naam")
        .values_list("werkgroep__plan__gemeente__naam", flat=True)
    )


def _nummer(bijeenkomst: Bijeenkomst) -> int | None:
    if bijeenkomst.voortgangsoverleg or bijeenkomst.afgezegd_op is not None:
        return None
    # The meetings up to its day, compared in Python by (date, time, id): the three ORed
    # conditions that say "before it" in SQL cost more to build and compile than the few
    # rows of a werkgroep's meetings cost to read (issue 8).
    zelf = (bijeenkomst.datum, bijeenkomst.begintijd, bijeenkomst.pk)
    tot = Bijeenkomst.objects.filter(
        werkgroep_id=bijeenkomst.werkgroep_id,
        voortgangsoverleg=False,
        afgezegd_op__isnull=True,  # a meeting called off does not count
        datum__lte=zelf[0],
    ).order_by()
    return sum(rij < zelf for rij in tot.values_list("datum", "begintijd", "pk")) + 1


def _deelnemers(werkgroep_id: int) -> list[Deelnemer]:
    """The members by id, as `Lid.weergavenaam` names them: a member who is a user by the
    user's name, an external partner by their own."""
    return [
        Deelnemer(
            pk,
            gebruiker_naam(voornaam, achternaam, gebruikersnaam) if gebruiker_id else naam,
            gebruiker_id,
        )
        for pk, naam, gebruiker_id, voornaam, achternaam, gebruikersnaam in (
            Lid.objects.filter(werkgroep_id=werkgroep_id)
            .order_by("pk")
            .values_list(
                "pk",
                "naam",
                "gebruiker_id",
                "gebruiker__first_name",
                "gebruiker__last_name",
                "gebruiker__username",
            )
        )
    ]


# The columns of `_agenda` over seven joins, compiled once per process: resolving them was
# half of what the agenda cost a request (issue 8).
_AGENDA_KOLOMMEN = (  # noqa: SIM905 (21 columns on six lines, not 21)
    "pk onderwerp toelichting document_id document__titel document__status versie_id "
    "versie__document_id versie__hoofd versie__sub versie__document__titel opmerking_id "
    "opmerking__sectie opmerking__tekst opmerking__versie__inhoud "
    "opmerking__versie__hoofd opmerking__versie__sub opmerking__versie__document__titel "
    "opmerking__auteur__first_name opmerking__auteur__last_name "
    "opmerking__auteur__username"
).split()
_AGENDA = VasteQuery(
    lambda bijeenkomst_id: (
        Agendapunt.objects.filter(bijeenkomst_id=bijeenkomst_id)
        .order_by("volgorde", "pk")
        .values_list(*_AGENDA_KOLOMMEN)
    ),
    "bijeenkomst_id",
)


def _agenda(bijeenkomst: Bijeenkomst) -> list[Agendaregel]:
    """The agenda items in their order, with the document, version and thread each points at
    read in the same query as plain columns (a thread's chapter title from its version's
    text)."""
    regels = []
    for (
        pk,
        onderwerp,
        toelichting,
        document_id,
        document_titel,
        document_status,
        versie_id,
        versie_document_id,
        versie_hoofd,
        versie_sub,
        versie_document_titel,
        opmerking_id,
        sectie,
        tekst,
        inhoud,
        draad_hoofd,
        draad_sub,
        draad_document_titel,
        voornaam,
        achternaam,
        gebruikersnaam,
    ) in _AGENDA.rijen(bijeenkomst_id=bijeenkomst.pk):
        regel = Agendaregel(pk, onderwerp, toelichting)
        if document_id:
            regel = replace(
                regel,
                document_id=document_id,
                document_titel=document_titel,
                document_status=_DOCUMENTSTATUS.get(document_status, document_status),
            )
        if versie_id:
            nummer = f"{versie_hoofd}.{versie_sub}"
            regel = replace(
                regel,
                versie_document_id=versie_document_id,
                versie_nummer=nummer,
                versie_tekst=versie_tekst(versie_document_titel, nummer),
            )
        if opmerking_id:
            regel = replace(
                regel,
                opmerking_id=opmerking_id,
                opmerking_tekst=draad_regel(
                    gebruiker_naam(voornaam, achternaam, gebruikersnaam),
                    sectie_titel(inhoud, sectie),
                    versie_tekst(draad_document_titel, f"{draad_hoofd}.{draad_sub}"),
                    tekst,
                ),
            )
        regels.append(regel)
    return regels


def _actiepunten(bijeenkomst: Bijeenkomst, leden: dict[int, Deelnemer]) -> list[Actieregel]:
    """The actiepunten by deadline; who holds each is one of the members read already (an
    actiepunt is held by a member of the meeting's werkgroep, `Actiepunt.clean`)."""
    return [
        Actieregel(pk, wat, leden[wie_id], deadline, status)
        for pk, wat, wie_id, deadline, status in bijeenkomst.actiepunten.order_by(
            "deadline", "pk"
        ).values_list("pk", "wat", "wie_id", "deadline", "status")
    ]


def bijeenkomst_pagina(user: Gebruiker, bijeenkomst_id: int) -> BijeenkomstPagina:
    """The meeting page. A lezer gets the meeting itself (when, where) and nothing of its
    working material: that is not read from the database at all. The rest is read as rows
    (issue 8: at 50× the model instances and the joins' compilation were most of it)."""
    bijeenkomst = zichtbare_bijeenkomst(user, bijeenkomst_id)
    plan = bijeenkomst.werkgroep.plan
    if not leest_concepten(user, plan.gemeente_id):
        return BijeenkomstPagina(
            bijeenkomst=bijeenkomst,
            plan=plan,
            nummer=_nummer(bijeenkomst),
            agendapunten=[],
            leden=[],
            presentie={},
            presentie_regels=[],
            actiepunten=[],
            mag_regisseren=False,
            toont_werkstukken=False,
            gezamenlijk_met=_gezamenlijk_met(bijeenkomst),
        )
    leden = _deelnemers(bijeenkomst.werkgroep_id)
    presentie = dict(bijeenkomst.presenties.order_by().values_list("lid_id", "status"))
    return BijeenkomstPagina(
        bijeenkomst=bijeenkomst,
        plan=plan,
        nummer=_nummer(bijeenkomst),
        agendapunten=_agenda(bijeenkomst),
        leden=leden,
        presentie=presentie,
        presentie_regels=[
            (lid.weergavenaam, _AANWEZIGHEID.get(status, status) if status else "")
            for lid in leden
            for status in (presentie.get(lid.pk),)
        ],
        actiepunten=_actiepunten(bijeenkomst, {lid.pk: lid for lid in leden}),
        mag_regisseren=mag_plan_regisseren(user, plan),
        gezamenlijk_met=_gezamenlijk_met(bijeenkomst),
    )
