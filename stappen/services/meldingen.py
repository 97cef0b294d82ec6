"""Notices: in the app (`Melding`) and by e-mail through the outbox (`ivp.berichten`).

Each notice has a key — kind, object, moment, recipient — that the database keeps unique: a
notice that exists already is neither shown nor mailed again. No mail is sent in the request;
the outbox's task sends it after the commit, and a mail server that is down delays it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.text import Truncator

from ivp import herinneringen
from ivp.berichten import bericht_maak
from ivp.models import Gebruiker, Gemeente, Plan
from ivp.permissions import vereis_regie
from stappen.models import (
    Melding,
)


def onderwerp_van(obj: Model) -> str:
    """`stappen.stap:12`: the object part of a notice's key."""
    return f"{obj._meta.label_lower}:{obj.pk}"


@transaction.atomic
def melding_maak(
    gebruikers: Iterable[Gebruiker],
    tekst: str,
    url: str,
    extra: str = "",
    *,
    soort: str,
    onderwerp: Model,
    moment: str = "",
    gemeente: Gemeente | int | None = None,
    bijlage: tuple[str, str] | None = None,
) -> list[Gebruiker]:
    """A notice for each user, once per (soort, onderwerp, moment, user): in the app and as
    an e-mail queued in the outbox, with `bijlage` (file name, text) attached. Returns the
    users who got it now (not before)."""
    bericht = "\n\n".join(deel for deel in (tekst, extra) if deel)
    nieuw = []
    # In the order of the key, so that two sweeps at once wait for each other, never deadlock.
    for gebruiker in sorted(dict.fromkeys(gebruikers), key=lambda g: g.pk):
        rij = bericht_maak(
            soort=soort,
            onderwerp=onderwerp_van(onderwerp),
            moment=moment,
            ontvanger=gebruiker,
            titel=Truncator(tekst).chars(120),
            tekst=bericht,
            url=url,
            gemeente=gemeente,
            bijlage=bijlage,
        )
        if rij is not None:
            Melding.objects.create(gebruiker=gebruiker, tekst=tekst[:300], url=url)
            nieuw.append(gebruiker)
    return nieuw


def nu_moment() -> str:
    """The moment of an event that can happen again to the same object (a chapter handed
    over twice): the time of the event."""
    return timezone.now().isoformat(timespec="microseconds")


@transaction.atomic
def meldingen_gelezen(*, gebruiker: Gebruiker) -> int:
    return Melding.objects.filter(gebruiker=gebruiker, gelezen_op__isnull=True).update(
        gelezen_op=timezone.now()
    )


def herinneringen_versturen(*, plan: Plan, door: Gebruiker) -> int:
    """ "Herinneringen nu versturen": the daily sweep for the plan's gemeente, now; mails that
    were "niet verzonden" are tried again. Returns the number of new reminders."""
    vereis_regie(plan, door)
    return herinneringen.veeg(
        vandaag=timezone.localdate(), gemeente_id=plan.gemeente_id, ook_mislukt=True
    )
