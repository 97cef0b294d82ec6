"""Reads of joint meetings for the regional coordinator: the region's joint meetings with the
gemeenten taking part, never a werkgroep's attendance, notulen or actiepunten (those are on
each werkgroep's own meeting page, for the roles of that gemeente). 404 for anyone else."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from ivp.models import Gebruiker, Gemeente, Regio
from ivp.permissions import mag_regio_regisseren
from werkgroep.gezamenlijk.models import GezamenlijkeBijeenkomst
from werkgroep.models import Bijeenkomst, Presentie


def regie_regio(user: Gebruiker, regio_id: int) -> Regio:
    """A region `user` coordinates; 404 for anyone else."""
    regio = Regio.objects.filter(pk=regio_id).first()
    if regio is None or not mag_regio_regisseren(user, regio.pk):
        raise Http404("Regio niet gevonden.")
    return regio


def regie_gezamenlijk(user: Gebruiker, gezamenlijk_id: int) -> GezamenlijkeBijeenkomst:
    """A joint meeting of a region `user` coordinates; 404 for anyone else."""
    gezamenlijk = (
        GezamenlijkeBijeenkomst.objects.select_related("regio").filter(pk=gezamenlijk_id).first()
    )
    if gezamenlijk is None or not mag_regio_regisseren(user, gezamenlijk.regio_id):
        raise Http404("Bijeenkomst niet gevonden.")
    return gezamenlijk


def niet_afzegbaar(gezamenlijk: GezamenlijkeBijeenkomst) -> str:
    """Why the joint meeting cannot be called off, in Dutch ("" when it can): called off
    already, past, or a part held (the service checks the same, under a lock)."""
    if gezamenlijk.afgezegd_op is not None:
        dag = timezone.localdate(gezamenlijk.afgezegd_op)
        return f"Deze gezamenlijke bijeenkomst is al afgezegd op {dag:%d-%m-%Y}."
    if gezamenlijk.datum < timezone.localdate():
        return "Deze bijeenkomst is al geweest; een gehouden bijeenkomst zegt u niet af."
    delen = Bijeenkomst.objects.filter(gezamenlijk=gezamenlijk)
    if (
        delen.exclude(notulen="", besluiten="").exists()
        or Presentie.objects.filter(bijeenkomst__in=delen).exists()
    ):
        return (
            "Van deze bijeenkomst zijn in een van de gemeenten al notulen, besluiten of de "
            "aanwezigheid vastgelegd; een gehouden bijeenkomst zegt u niet af."
        )
    return ""


def gemeenten_keuze(regio: Regio) -> QuerySet[Gemeente]:
    """The region's member gemeenten, for the checkboxes."""
    return regio.gemeenten.order_by("naam")


def gemeenten_van(gezamenlijk: GezamenlijkeBijeenkomst) -> list[str]:
    return list(
        Bijeenkomst.objects.filter(gezamenlijk=gezamenlijk)
        .order_by("werkgroep__plan__gemeente__naam")
        .values_list("werkgroep__plan__gemeente__naam", flat=True)
    )


@dataclass
class GezamenlijkRegel:
    bijeenkomst: GezamenlijkeBijeenkomst
    gemeenten: list[str]


@dataclass
class GezamenlijkPagina:
    regio: Regio
    komend: list[GezamenlijkRegel]
    geweest: list[GezamenlijkRegel]
    vandaag: dt.date


def gezamenlijk_pagina(user: Gebruiker, regio_id: int) -> GezamenlijkPagina:
    """The region's joint meetings, coming ones first: two queries (and the permission's)
    however many meetings or gemeenten."""
    regio = regie_regio(user, regio_id)
    delen = Bijeenkomst.objects.select_related("werkgroep__plan__gemeente")
    rijen = GezamenlijkeBijeenkomst.objects.filter(regio=regio).prefetch_related(
        Prefetch("bijeenkomsten", queryset=delen)
    )
    vandaag = timezone.localdate()
    komend: list[GezamenlijkRegel] = []
    geweest: list[GezamenlijkRegel] = []
    for rij in rijen:
        regel = GezamenlijkRegel(
            bijeenkomst=rij,
            gemeenten=sorted(b.werkgroep.plan.gemeente.naam for b in rij.bijeenkomsten.all()),
        )
        (komend if rij.datum >= vandaag else geweest).append(regel)
    geweest.reverse()
    return GezamenlijkPagina(regio=regio, komend=komend, geweest=geweest, vandaag=vandaag)
