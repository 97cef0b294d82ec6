"""Large files made in the background: ask, make (a Celery task), offer when ready.

An app registers a maker per kind (`registreer_maker("uren_xlsx", maak, content_type)`): a
function of the person and the parameters that returns the file's bytes and checks access
itself (it is called in the task, so access is checked again when the file is made).
`download_vraag` stores the request and queues `ivp.tasks.download_maak` after the commit;
the page `/downloads/<id>/` shows the state (htmx polls it; without JavaScript a reload does)
and offers the file when ready. A failure shows "mislukt" with a button to try again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from ivp.celery import app as celery_app
from ivp.constants import AchtergrondStatus
from ivp.exceptions import Geweigerd
from ivp.models import Download, Gebruiker

logger = logging.getLogger(__name__)

MAAK_TAAK = "ivp.tasks.download_maak"


@dataclass(frozen=True)
class Maker:
    maak: Callable[[Gebruiker, dict[str, Any]], bytes]
    content_type: str


MAKERS: dict[str, Maker] = {}


def registreer_maker(
    soort: str, maak: Callable[[Gebruiker, dict[str, Any]], bytes], content_type: str
) -> None:
    MAKERS[soort] = Maker(maak, content_type)


def content_type_van(download: Download) -> str:
    return MAKERS[download.soort].content_type


def _in_wachtrij(download: Download) -> None:
    """Queue the making after the commit (by name: ivp.tasks imports this module). If the
    broker cannot be reached the request stays "in de wachtrij" and can be asked again."""
    taak = celery_app.tasks[MAAK_TAAK]
    transaction.on_commit(lambda: taak.delay(download.pk), robust=True)


@transaction.atomic
def download_vraag(
    *, gebruiker: Gebruiker, soort: str, titel: str, bestandsnaam: str, parameters: dict[str, Any]
) -> Download:
    """Ask for a file; the same file asked again while it is being made is the same request."""
    if soort not in MAKERS:
        raise Geweigerd("Deze download bestaat niet.")
    lopend = Download.objects.filter(
        gebruiker=gebruiker,
        soort=soort,
        parameters=parameters,
        status__in=[AchtergrondStatus.WACHTRIJ, AchtergrondStatus.BEZIG],
    ).first()
    if lopend is not None:
        return lopend
    download = Download.objects.create(
        gebruiker=gebruiker,
        soort=soort,
        parameters=parameters,
        titel=titel,
        bestandsnaam=bestandsnaam,
    )
    _in_wachtrij(download)
    return download


@transaction.atomic
def download_opnieuw(*, download: Download, door: Gebruiker) -> Download:
    if download.gebruiker_id != door.pk:
        raise Http404("Download niet gevonden.")
    if download.status != AchtergrondStatus.MISLUKT:
        raise Geweigerd("Alleen een mislukte download maakt u opnieuw.")
    download.status = AchtergrondStatus.WACHTRIJ
    download.fout = ""
    download.save(update_fields=["status", "fout"])
    _in_wachtrij(download)
    return download


def download_maak(download_id: int) -> bool:
    """Make the file (the task's body). Idempotent: only a request that waits is made; one
    that is ready or being made by another worker is left alone."""
    with transaction.atomic():
        download = (
            Download.objects.select_for_update()
            .filter(pk=download_id, status=AchtergrondStatus.WACHTRIJ)
            .select_related("gebruiker")
            .first()
        )
        if download is None:
            return False
        download.status = AchtergrondStatus.BEZIG
        download.save(update_fields=["status"])
    try:
        inhoud = MAKERS[download.soort].maak(download.gebruiker, download.parameters)
    except Exception as fout:
        logger.exception("download %s mislukt", download_id)
        download.status = AchtergrondStatus.MISLUKT
        download.fout = (
            "U hebt geen toegang (meer) tot deze gegevens."
            if isinstance(fout, Http404)
            else "Het bestand kon niet worden gemaakt."
        )
        download.save(update_fields=["status", "fout"])
        return False
    download.bestand.save(download.bestandsnaam, ContentFile(inhoud), save=False)
    download.status = AchtergrondStatus.KLAAR
    download.klaar_op = timezone.now()
    download.save(update_fields=["bestand", "status", "klaar_op"])
    return True


def eigen_download(gebruiker: Gebruiker, download_id: int) -> Download:
    """A download of this person; anyone else's is not found."""
    download = Download.objects.filter(pk=download_id, gebruiker=gebruiker).first()
    if download is None:
        raise Http404("Download niet gevonden.")
    return download
