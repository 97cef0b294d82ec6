"""Reads of what an agenda item can point at: the plan's documents, their versions and the
open comment threads, as rows for the choices of its form (`Keuzes`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.db.models import QuerySet

from ivp.models import Plan, gebruiker_naam
from stappen.constants import DocumentStatus
from stappen.models import Document, Opmerking, Versie
from werkgroep.teksten import draad_regel, sectie_titel, versie_tekst


@dataclass
class Keuzes:
    """What a choice field of a form offers, read as rows (issue 8): `rijen`, (id, label)
    pairs, are the options written; `queryset` is read only to check a posted choice and give
    its instance. Building the options from model instances (270 open threads, through a
    server-side cursor per field) took most of the meeting page. `queryset` may be a function
    that makes it: a `werkgroep.forms.LuiKeuze` calls it only when it checks a choice."""

    queryset: QuerySet[Any] | Callable[[], QuerySet[Any]]
    rijen: list[tuple[int, str]]


def documenten_van(plan: Plan) -> QuerySet[Document]:
    return Document.objects.filter(plan=plan).order_by("stap__nummer", "jaar")


def versies_van(plan: Plan) -> QuerySet[Versie]:
    """The versions of the plan's documents, for an agenda item; without their frozen text."""
    return (
        Versie.objects.filter(document__plan=plan)
        .select_related("document")
        .defer("inhoud")
        .order_by("document__stap__nummer", "document__jaar", "document_id", "hoofd", "sub")
    )


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


@dataclass
class Agendakeuzes:
    """What an agenda item can point at: the plan's documents, their versions, the open
    threads."""

    documenten: Keuzes
    versies: Keuzes
    draden: Keuzes


def agenda_keuzes(plan: Plan) -> Agendakeuzes:
    """The agenda item's three choices as rows, in three queries: the documents with their
    versions (one outer join, in the order both choices show them), the open threads with
    their author, and the text of the threads' versions (it holds the chapter titles). A
    version's and an author's name are made once however many threads they have."""
    documenten: list[tuple[int, str]] = []
    versies: list[tuple[int, str]] = []
    versie_namen: dict[int, str] = {}
    for document_id, titel, versie_id, hoofd, sub in (
        Document.objects.filter(plan=plan)
        .order_by("stap__nummer", "jaar", "pk", "versies__hoofd", "versies__sub")
        .values_list("pk", "titel", "versies__pk", "versies__hoofd", "versies__sub")
    ):
        if not documenten or documenten[-1][0] != document_id:
            documenten.append((document_id, titel))
        if versie_id is not None:
            versie_namen[versie_id] = versie_tekst(titel, f"{hoofd}.{sub}")
            versies.append((versie_id, versie_namen[versie_id]))
    rijen = list(
        draden_van(plan).values_list(
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
    teksten = dict(
        Versie.objects.filter(pk__in={rij[3] for rij in rijen})
        .order_by()
        .values_list("pk", "inhoud")
    )
    auteurs: dict[int, str] = {}
    titels: dict[tuple[int, str], str] = {}
    keuzes = []
    for pk, sectie, tekst, versie_id, auteur_id, voornaam, achternaam, gebruikersnaam in rijen:
        if auteur_id not in auteurs:
            auteurs[auteur_id] = gebruiker_naam(voornaam, achternaam, gebruikersnaam)
        if (versie_id, sectie) not in titels:
            titels[versie_id, sectie] = sectie_titel(teksten[versie_id], sectie)
        keuzes.append(
            (
                pk,
                draad_regel(
                    auteurs[auteur_id], titels[versie_id, sectie], versie_namen[versie_id], tekst
                ),
            )
        )
    return Agendakeuzes(
        documenten=Keuzes(partial(documenten_van, plan), documenten),
        versies=Keuzes(partial(versies_van, plan), versies),
        draden=Keuzes(partial(draden_van, plan), keuzes),
    )
