"""Background work of the veiligheidsvelden: importing the open figures of a gemeente."""

from __future__ import annotations

import logging

from celery import Task, shared_task

from ivp.models import Gebruiker, Gemeente
from veiligheidsvelden.cijfers.importeren import cijfers_importeer
from veiligheidsvelden.constants import ImportStatus

logger = logging.getLogger(__name__)


MAX_POGINGEN = 3


@shared_task(bind=True, name="veiligheidsvelden.tasks.cijfers_ophalen", max_retries=MAX_POGINGEN)
def cijfers_ophalen(self: Task, gemeente_id: int, door_id: int | None = None) -> int | None:
    """Fetch from CBS what the gemeente, its regio neighbours and the Netherlands need.
    Idempotent (a value fetched twice is one meting); returns the recorded run's pk. A
    failure is recorded on the run in Dutch, so the coordinator sees it on the import page;
    a network error or a 5xx is retried with backoff (not when run eagerly), a changed
    schema or an unknown gemeente code is not."""
    gemeente = Gemeente.objects.filter(pk=gemeente_id).first()
    if gemeente is None:
        return None
    door = Gebruiker.objects.filter(pk=door_id).first() if door_id else None
    run = cijfers_importeer(gemeente=gemeente, door=door)
    if run.status == ImportStatus.MISLUKT:
        logger.warning("cijfers voor %s niet ingelezen: %s", gemeente, run.melding)
        if run.tijdelijk and not self.request.is_eager and self.request.retries < MAX_POGINGEN:
            raise self.retry(countdown=300 * 2**self.request.retries)
    return run.pk
