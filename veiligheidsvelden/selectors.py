"""The reads of the coordinator's taxonomy pages: the gemeente's own themes and its
flankerend beleid, each in a fixed number of queries. 404 for anyone who does not steer
the gemeente (never a hint that it exists)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch
from django.http import Http404

from ivp.models import Gebruiker, Gemeente
from ivp.permissions import PLAN_REGISSEURS, heeft_rol
from veiligheidsvelden.models import Beleidsdocument, Thema, Veld


def regie_gemeente(user: Gebruiker, gemeente_id: int) -> Gemeente:
    gemeente = Gemeente.objects.filter(pk=gemeente_id).first()
    if gemeente is None or not heeft_rol(user, gemeente.pk, PLAN_REGISSEURS):
        raise Http404("Gemeente niet gevonden.")
    return gemeente


def hoofdthemas_voor(gemeente: Gemeente) -> list[Thema]:
    """The hoofdthema's a gemeente's own thema may go under: the VNG list and its own."""
    return list(
        Thema.objects.voor_gemeente(gemeente.pk)
        .hoofdthemas()
        .select_related("veld")
        .order_by("code")
    )


@dataclass
class ThemaPagina:
    gemeente: Gemeente
    eigen: list[Thema]
    hoofdthemas: list[Thema]
    velden: list[Veld]


def thema_pagina(user: Gebruiker, gemeente_id: int) -> ThemaPagina:
    gemeente = regie_gemeente(user, gemeente_id)
    return ThemaPagina(
        gemeente=gemeente,
        eigen=list(
            Thema.objects.filter(gemeente=gemeente)
            .select_related("veld", "hoofdthema")
            .order_by("code")
        ),
        hoofdthemas=hoofdthemas_voor(gemeente),
        velden=list(Veld.objects.order_by("code")),
    )


def regie_thema(user: Gebruiker, gemeente_id: int, thema_id: int) -> Thema:
    """An own theme of a gemeente the user steers; the VNG list's themes are nobody's to edit."""
    gemeente = regie_gemeente(user, gemeente_id)
    thema = (
        Thema.objects.filter(gemeente=gemeente, pk=thema_id)
        .select_related("gemeente", "veld", "hoofdthema")
        .first()
    )
    if thema is None:
        raise Http404("Thema niet gevonden.")
    return thema


def beleid_van(user: Gebruiker, gemeente_id: int) -> tuple[Gemeente, list[Beleidsdocument]]:
    gemeente = regie_gemeente(user, gemeente_id)
    documenten = list(
        Beleidsdocument.objects.filter(gemeente=gemeente)
        .prefetch_related(Prefetch("themas", queryset=Thema.objects.order_by("code")))
        .order_by("soort", "titel")
    )
    return gemeente, documenten


def regie_beleidsdocument(user: Gebruiker, gemeente_id: int, document_id: int) -> Beleidsdocument:
    gemeente = regie_gemeente(user, gemeente_id)
    document = Beleidsdocument.objects.filter(gemeente=gemeente, pk=document_id).first()
    if document is None:
        raise Http404("Beleidsdocument niet gevonden.")
    return document


def themas_voor(gemeente: Gemeente) -> list[Thema]:
    """Every theme a beleidsdocument of the gemeente may be linked to."""
    return list(Thema.objects.voor_gemeente(gemeente.pk).order_by("code"))
