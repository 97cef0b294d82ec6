"""Reads of the meetings: one meeting's page, what its agenda can point at, its actiepunten."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from ivp.models import Gebruiker, Plan
from ivp.permissions import mag_plan_regisseren, mag_plan_zien
from stappen.constants import DocumentStatus, StapNummer, StapStatus
from stappen.models import Document, Opmerking, Stap, Versie
from stappen.rechten import leest_concepten
from werkgroep.constants import MAX_BIJEENKOMSTEN, bijeenkomst_nummer
from werkgroep.models import (
    Actiepunt,
    Agendapunt,
    Bijeenkomst,
    Lid,
    Presentie,
    draad_regel,
    sectie_titel,
    versie_tekst,
)
from werkgroep.selectors.leden import leden_keuze


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


@dataclass
class Keuzes:
    """What a choice field of a form offers, read as rows (issue 8): `rijen`, (id, label)
    pairs, are the options written; `queryset` is read only to check a posted choice and give
    its instance. Building the options from model instances (270 open threads, through a
    server-side cursor per field) took most of the meeting page."""

    queryset: QuerySet[Any]
    rijen: list[tuple[int, str]]


def documenten_van(plan: Plan) -> QuerySet[Document]:
    return Document.objects.filter(plan=plan).order_by("stap__nummer", "jaar")


def document_keuzes(plan: Plan) -> Keuzes:
    documenten = documenten_van(plan)
    return Keuzes(documenten, list(documenten.values_list("pk", "titel")))


def versies_van(plan: Plan) -> QuerySet[Versie]:
    """The versions of the plan's documents, for an agenda item; without their frozen text."""
    return (
        Versie.objects.filter(document__plan=plan)
        .select_related("document")
        .defer("inhoud")
        .order_by("document__stap__nummer", "document__jaar", "document_id", "hoofd", "sub")
    )


def versie_keuzes(plan: Plan) -> Keuzes:
    versies = versies_van(plan)
    return Keuzes(versies, [(v.pk, versie_tekst(v)) for v in versies])


def draden_van(plan: Plan) -> QuerySet[Opmerking]:
    """The comment threads an agenda item can point at: the open ones (first comments, not
    resolved, no replies) on the plan's documents that are not vastgesteld yet. A resolved
    thread, or one on a vastgesteld document, is history: leaving those out keeps the choice
    (and the meeting page) as long as what is still to discuss, not as long as the plan's past
    (issue 8)."""
    return (
        Opmerking.objects.filter(
            versie__document__plan=plan, antwoord_op__isnull=True, opgelost_op__isnull=True
        )
        .exclude(versie__document__status=DocumentStatus.VASTGESTELD)
        .select_related("versie__document")
        .defer("versie__inhoud")
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


def draad_keuzes(plan: Plan) -> Keuzes:
    """The open threads as rows, in two queries: the threads with their author, then each
    of their versions once (its text holds the chapter titles). An author is made into a
    name once however many threads they opened."""
    draden = draden_van(plan)
    rijen = list(
        draden.values_list(
            "pk",
            "sectie",
            "tekst",
            "versie_id",
            "auteur_id",
            "auteur__first_name",
            "auteur__last_name",
            "auteur__username",
        )
    )
    versies = {
        v.pk: v
        for v in Versie.objects.filter(pk__in={rij[3] for rij in rijen}).select_related("document")
    }
    auteurs: dict[int, str] = {}
    keuzes = []
    for pk, sectie, tekst, versie_id, auteur_id, voornaam, achternaam, username in rijen:
        if auteur_id not in auteurs:
            auteurs[auteur_id] = str(
                Gebruiker(first_name=voornaam, last_name=achternaam, username=username)
            )
        versie = versies[versie_id]
        keuzes.append(
            (
                pk,
                draad_regel(
                    auteurs[auteur_id], sectie_titel(versie, sectie), versie_tekst(versie), tekst
                ),
            )
        )
    return Keuzes(draden, keuzes)


def zichtbare_bijeenkomst(user: Gebruiker, bijeenkomst_id: int) -> Bijeenkomst:
    """A meeting of a plan `user` may see; 404 for anyone else."""
    bijeenkomst = (
        Bijeenkomst.objects.select_related("werkgroep__plan__gemeente", "gezamenlijk")
        .filter(pk=bijeenkomst_id)
        .first()
    )
    if bijeenkomst is None or not mag_plan_zien(user, bijeenkomst.werkgroep.plan):
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
    # False for a lezer: no agenda, attendance, notulen, besluiten or actiepunten (issue 15).
    toont_werkstukken: bool = True
    max_bijeenkomsten: int = MAX_BIJEENKOMSTEN
    # A werkgroep's part of a joint meeting: the other gemeenten taking part (their names only).
    gezamenlijk_met: list[str] = field(default_factory=list)

    @property
    def nummer_tekst(self) -> str:
        return bijeenkomst_nummer(self.nummer) if self.nummer else ""

    @property
    def wie_keuzes(self) -> Keuzes:
        """An actiepunt's holder: the members read for the attendance, not read again."""
        return Keuzes(
            leden_keuze(self.bijeenkomst.werkgroep_id),
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
    if bijeenkomst.voortgangsoverleg:
        return None
    eerder = Bijeenkomst.objects.filter(
        werkgroep_id=bijeenkomst.werkgroep_id, voortgangsoverleg=False
    ).filter(
        Q(datum__lt=bijeenkomst.datum)
        | Q(datum=bijeenkomst.datum, begintijd__lt=bijeenkomst.begintijd)
        | Q(datum=bijeenkomst.datum, begintijd=bijeenkomst.begintijd, pk__lt=bijeenkomst.pk)
    )
    return eerder.count() + 1


def bijeenkomst_pagina(user: Gebruiker, bijeenkomst_id: int) -> BijeenkomstPagina:
    """The meeting page. A lezer gets the meeting itself (when, where) and nothing of its
    working material: that is not read from the database at all."""
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
    # The members by name for the attendance (their velden are not on this page).
    leden = list(leden_keuze(bijeenkomst.werkgroep_id).order_by("pk"))
    presentie = {p.lid_id: p for p in bijeenkomst.presenties.all()}
    return BijeenkomstPagina(
        bijeenkomst=bijeenkomst,
        plan=plan,
        nummer=_nummer(bijeenkomst),
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
        gezamenlijk_met=_gezamenlijk_met(bijeenkomst),
    )
