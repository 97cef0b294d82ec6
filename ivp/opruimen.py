"""Housekeeping of the files made in the background (issue 8).

- `downloads_opruimen`: the nightly clean-up removes downloads (`ivp.Download`) older than
  `IVP_DOWNLOADS_BEWAAR_DAGEN` days, their files included.
- `wachtrij_nalopen`: the hourly sweep queues again what waits "in de wachtrij" for more than
  an hour (its broker message was lost: a broker restart, a commit whose queueing failed).
  Downloads are ivp's own; another app registers its own kind of queued work here from its
  `AppConfig.ready()` (`registreer_wachtrij`), so ivp never imports up the chain.

Both are idempotent: a second run removes nothing more, and a task queued twice makes its
file once (the tasks only take up work that still waits, under a row lock).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction

from ivp.celery import app as celery_app
from ivp.constants import AchtergrondStatus
from ivp.downloads import MAAK_TAAK
from ivp.models import Download

logger = logging.getLogger(__name__)

# How long work may wait in the queue before the sweep queues it again.
WACHTRIJ_GEDULD = dt.timedelta(hours=1)

# A sweep of one kind of queued work: (now, patience) → how many it queued again.
Naloper = Callable[[dt.datetime, dt.timedelta], int]
_NALOPERS: dict[str, Naloper] = {}


def registreer_wachtrij(naam: str, naloper: Naloper) -> None:
    _NALOPERS[naam] = naloper


def downloads_opruimen(*, nu: dt.datetime, dagen: int | None = None) -> int:
    """Remove the downloads asked for more than `dagen` days before `nu` and their files.
    The rows go in one transaction; the files once it has committed (a rollback keeps both).
    Returns the number of downloads removed."""
    dagen = settings.IVP_DOWNLOADS_BEWAAR_DAGEN if dagen is None else dagen
    grens = nu - dt.timedelta(days=dagen)
    with transaction.atomic():
        oud = list(
            Download.objects.select_for_update()
            .filter(gevraagd_op__lt=grens)
            .values_list("pk", "bestand")
        )
        Download.objects.filter(pk__in=[pk for pk, _ in oud]).delete()
        namen = [naam for _, naam in oud if naam]

        def weg() -> None:
            for naam in namen:
                try:
                    default_storage.delete(naam)  # where Download.bestand is stored
                except OSError:  # already gone, or a disk error: the next run cannot find it
                    logger.warning("download %s niet verwijderd", naam, exc_info=True)

        transaction.on_commit(weg)
    if oud:
        logger.info("downloads opgeruimd: %d (ouder dan %d dagen)", len(oud), dagen)
    return len(oud)


def downloads_nalopen(nu: dt.datetime, geduld: dt.timedelta) -> int:
    """Queue again the downloads waiting since before `nu - geduld`."""
    ids = list(
        Download.objects.filter(
            status=AchtergrondStatus.WACHTRIJ, gevraagd_op__lt=nu - geduld
        ).values_list("pk", flat=True)
    )
    taak = celery_app.tasks[MAAK_TAAK]
    for pk in ids:
        taak.delay(pk)
    return len(ids)


registreer_wachtrij("downloads", downloads_nalopen)


def wachtrij_nalopen(*, nu: dt.datetime, geduld: dt.timedelta = WACHTRIJ_GEDULD) -> int:
    """Every registered kind of queued work: queue again what waits too long. Returns how
    many were queued again."""
    totaal = 0
    for naam, naloper in _NALOPERS.items():
        aantal = naloper(nu, geduld)
        if aantal:
            logger.warning("wachtrij %s: %d opnieuw in de wachtrij gezet", naam, aantal)
        totaal += aantal
    return totaal
