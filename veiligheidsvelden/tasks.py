"""Background work of the veiligheidsvelden: importing the open figures of a gemeente."""

from __future__ import annotations

import logging

from celery import shared_task

from ivp.models import Gebruiker, Gemeente
from veiligheidsvelden.cijfers.importeren import cijfers_importeer
from veiligheidsvelden.constants import ImportStatus

logger = logging.getLogger(__name__)


@shared_task(name="veiligheidsvelden.tasks.cijfers_ophalen")
def cijfers_ophalen(gemeente_id: int, door_id: int | None = None) -> int | None:
    """Fetch from CBS what the gemeente, its regio neighbours and the Netherlands need.
    Idempotent (a value fetched twice is one meting); returns the recorded run's pk. A
    failure is recorded on the run in Dutch and not retried: the coordinator sees it on the
    import page and starts again, or uploads the CSV."""
    gemeente = Gemeente.objects.filter(pk=gemeente_id).first()
    if gemeente is None:
        return None
    door = Gebruiker.objects.filter(pk=door_id).first() if door_id else None
    run = cijfers_importeer(gemeente=gemeente, door=door)
    if run.status == ImportStatus.MISLUKT:
        logger.warning("cijfers voor %s niet ingelezen: %s", gemeente, run.melding)
    return run.pk
