"""Tasks of the root app: send one mail of the outbox, the daily sweep, make a download,
and the housekeeping of files made in the background (ivp/opruimen.py)."""

from __future__ import annotations

import logging

from celery import Task, shared_task
from django.utils import timezone

from ivp import berichten, downloads, herinneringen, opruimen

logger = logging.getLogger(__name__)


@shared_task(bind=True, name=berichten.VERSTUUR_TAAK, max_retries=berichten.MAX_POGINGEN)
def bericht_verstuur(self: Task, bericht_id: int) -> bool:
    """Send one mail; idempotent (the row is locked and sent only while it waits). A mail
    server error counts an attempt and retries with exponential backoff; after the last
    attempt the mail is "niet verzonden". Run eagerly (no broker), a failure leaves the mail
    waiting for the next sweep instead of retrying inside the request."""
    try:
        return berichten.bericht_verzend(bericht_id)
    except berichten.VERZENDFOUTEN as fout:
        logger.warning("bericht %s niet verzonden: %s", bericht_id, fout)
        bericht = berichten.bericht_mislukt(bericht_id, fout)
        if bericht is None or self.request.is_eager:
            return False
        wacht = berichten.wachttijd(bericht.pogingen).total_seconds()
        raise self.retry(exc=fout, countdown=wacht, max_retries=None) from fout


@shared_task(name="ivp.tasks.herinneringen_versturen")
def herinneringen_versturen(gemeente_id: int | None = None) -> int:
    """The daily sweep of every app (beat, 07:00), or of one gemeente (its coordinator)."""
    return herinneringen.veeg(vandaag=timezone.localdate(), gemeente_id=gemeente_id)


@shared_task(name=downloads.MAAK_TAAK, acks_late=True)
def download_maak(download_id: int) -> bool:
    """Make one requested file (an export); idempotent, see ivp/downloads.py."""
    return downloads.download_maak(download_id)


@shared_task(name="ivp.tasks.downloads_opruimen")
def downloads_opruimen() -> int:
    """Nightly (beat): remove downloads older than IVP_DOWNLOADS_BEWAAR_DAGEN with their files."""
    return opruimen.downloads_opruimen(nu=timezone.now())


@shared_task(name="ivp.tasks.wachtrij_nalopen")
def wachtrij_nalopen() -> int:
    """Hourly (beat): queue again downloads and PDF renderings waiting for over an hour."""
    return opruimen.wachtrij_nalopen(nu=timezone.now())
