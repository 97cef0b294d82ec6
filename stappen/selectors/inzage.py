"""Reads of the page where the coordinator grants the confidential sources."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from ivp.models import Gebruiker, Gemeente
from ivp.selectors import gebruikers_met_rol
from stappen.models import Inzage
from stappen.rechten import INZAGE_TOEKENBAAR, mag_gemeente_regisseren


@dataclass
class InzagePagina:
    gemeente: Gemeente
    kandidaten: list[Gebruiker]  # werkgroepleden and bestuurders, by name
    verleend: set[int]  # the pks of those who have it now


def inzage_pagina(user: Gebruiker, gemeente_id: int) -> InzagePagina:
    """For the coordinator OOV of the gemeente; 404 for anyone else. Three queries."""
    gemeente = Gemeente.objects.filter(pk=gemeente_id).first()
    if gemeente is None or not mag_gemeente_regisseren(user, gemeente.pk):
        raise Http404("Gemeente niet gevonden.")
    return InzagePagina(
        gemeente=gemeente,
        kandidaten=list(gebruikers_met_rol(gemeente.pk, *INZAGE_TOEKENBAAR)),
        verleend=set(
            Inzage.objects.filter(gemeente=gemeente).values_list("gebruiker_id", flat=True)
        ),
    )
