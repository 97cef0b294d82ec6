"""The reads of the stukken: a version's voorstel and renderings, one rendering to download,
and the renderings the griffie may see (docs/pdf.md)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from ivp.models import Gebruiker
from ivp.permissions import gemeenten_met_rol
from stappen.constants import (
    BESLUITORGAAN,
    JAARLIJKSE_SOORTEN,
    DocumentStatus,
    Orgaan,
    WeergaveSoort,
    WeergaveStatus,
)
from stappen.models import Versie, Voorstel, Weergave
from stappen.rechten import GRIFFIE, mag_besloten_zien, mag_regisseren, mag_weergave_downloaden

_ORGAAN_VAN: dict[str, str] = {str(s): str(o) for s, o in BESLUITORGAAN.items()}
RAADSSTUKKEN = frozenset(s for s, orgaan in BESLUITORGAAN.items() if orgaan == Orgaan.RAAD)


def stuk_orgaan(soort: str) -> str:
    """The body a document's stuk is written for: the raad, else the college (also for the
    analysis, which the werkgroep settles and the college receives)."""
    return Orgaan.RAAD if _ORGAAN_VAN.get(soort) == Orgaan.RAAD else Orgaan.COLLEGE


def _weergaven() -> QuerySet[Weergave]:
    return Weergave.objects.select_related("versie__document__plan__gemeente")


def downloadbare_weergave(user: Gebruiker, weergave_id: int) -> Weergave:
    """The finished rendering `user` may download (`rechten.mag_weergave_downloaden`); 404
    for any other, a guessed id included."""
    weergave = _weergaven().filter(pk=weergave_id).first()
    if weergave is None or not mag_weergave_downloaden(user, weergave):
        raise Http404("Pagina niet gevonden.")
    return weergave


def regie_weergave(user: Gebruiker, weergave_id: int) -> Weergave:
    """A rendering the coordinator steers (state, retry, release); 404 for anyone else."""
    weergave = _weergaven().filter(pk=weergave_id).first()
    if weergave is None or not mag_regisseren(user, weergave.versie.document):
        raise Http404("Pagina niet gevonden.")
    return weergave


def griffie_weergaven(user: Gebruiker, gemeente_id: int | None = None) -> QuerySet[Weergave]:
    """The finished renderings the griffie may download: of the raadsstukken (the raad
    decides them, ter besluitvorming or vastgesteld; or the yearly documents the raad
    receives ter informatie once adopted), public ones, and closed ones once released to the
    raad. Newest first per version. One query; 404 without the griffie role."""
    gemeenten = gemeenten_met_rol(user, GRIFFIE)
    if gemeente_id is not None:
        gemeenten = [g for g in gemeenten if g == gemeente_id]
    if not gemeenten:
        raise Http404("Pagina niet gevonden.")
    document = "versie__document__"
    return (
        _weergaven()
        .filter(status=WeergaveStatus.KLAAR, **{f"{document}plan__gemeente_id__in": gemeenten})
        .filter(
            Q(
                **{
                    f"{document}soort__in": RAADSSTUKKEN,
                    f"{document}status__in": [
                        DocumentStatus.TER_BESLUITVORMING,
                        DocumentStatus.VASTGESTELD,
                    ],
                }
            )
            | Q(
                **{
                    f"{document}soort__in": JAARLIJKSE_SOORTEN,
                    f"{document}status": DocumentStatus.VASTGESTELD,
                }
            )
        )
        .filter(Q(soort=WeergaveSoort.OPENBAAR) | Q(vrijgegeven_op__isnull=False))
        .order_by("versie__document_id", "-versie__hoofd", "-versie__sub", "-klaar_op", "-pk")
    )


@dataclass
class StukPagina:
    """The stuk page of one version: its voorstel and its renderings."""

    versie: Versie
    orgaan: str
    voorstel: Voorstel | None
    weergaven: list[Weergave]
    toont_besloten: bool

    @property
    def loopt(self) -> bool:
        return any(w.loopt for w in self.weergaven)


def stuk_pagina(user: Gebruiker, versie: Versie) -> StukPagina:
    """For the coordinator (the caller has checked): the voorstel and the renderings of a
    version, newest first. Two queries."""
    document = versie.document
    orgaan = stuk_orgaan(document.soort)
    voorstel = Voorstel.objects.filter(versie=versie, orgaan=orgaan).first()
    toont_besloten = mag_besloten_zien(user, document)
    weergaven = Weergave.objects.filter(versie=versie).order_by("-aangevraagd_op", "-pk")
    if not toont_besloten:
        weergaven = weergaven.filter(soort=WeergaveSoort.OPENBAAR)
    for w in (lijst := list(weergaven)):
        w.versie = versie
    return StukPagina(versie, orgaan, voorstel, lijst, toont_besloten)


def regie_versie(user: Gebruiker, document_id: int, nummer: str) -> Versie:
    """A version of a document the coordinator steers; 404 for anyone else."""
    try:
        hoofd, sub = (int(deel) for deel in nummer.split("."))
    except ValueError:
        raise Http404("Versie niet gevonden.") from None
    versie = (
        Versie.objects.select_related("document__plan__gemeente")
        .filter(document_id=document_id, hoofd=hoofd, sub=sub)
        .first()
    )
    if versie is None or not mag_regisseren(user, versie.document):
        raise Http404("Versie niet gevonden.")
    return versie
