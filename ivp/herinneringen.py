"""The daily sweep. Each app registers the function that finds its due reminders (in its
`AppConfig.ready()`), so the one beat entry reaches every app without `ivp` importing up the
chain. A finder creates each reminder through the outbox's unique key, so running the sweep
twice, or two sweeps at once, creates every reminder once."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from ivp.berichten import berichten_opnieuw, dagoverzichten_maak

logger = logging.getLogger(__name__)

# A finder: (today, gemeente id or None for all) → the number of reminders it created.
Zoeker = Callable[[dt.date, int | None], int]
_ZOEKERS: dict[str, Zoeker] = {}


def registreer(naam: str, zoeker: Zoeker) -> None:
    _ZOEKERS[naam] = zoeker


def veeg(*, vandaag: dt.date, gemeente_id: int | None = None, ook_mislukt: bool = False) -> int:
    """Run every registered finder, make the digests (the whole sweep only: a digest holds
    a person's notices of every gemeente), then queue again the mails still waiting.
    Returns the number of reminders created."""
    nieuw = 0
    for naam, zoeker in _ZOEKERS.items():
        aantal = zoeker(vandaag, gemeente_id)
        logger.info("herinneringen %s: %d nieuw", naam, aantal)
        nieuw += aantal
    if gemeente_id is None:
        dagoverzichten_maak(vandaag=vandaag)
    berichten_opnieuw(gemeente_id=gemeente_id, ook_mislukt=ook_mislukt)
    return nieuw
