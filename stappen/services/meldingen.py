"""In-app notifications, with an e-mail after the commit."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from ivp.models import Gebruiker
from stappen.models import (
    Melding,
)


def melding_maak(gebruikers: Iterable[Gebruiker], tekst: str, url: str, extra: str = "") -> None:
    """An in-app notification for each user, and an e-mail after the commit."""
    gebruikers = list(gebruikers)
    Melding.objects.bulk_create(Melding(gebruiker=g, tekst=tekst, url=url) for g in gebruikers)
    adressen = [g.email for g in gebruikers if g.email]
    if not adressen:
        return
    link = f"{settings.IVP_BASIS_URL}{url}" if url.startswith("/") else url
    bericht = "\n\n".join(deel for deel in (tekst, extra, link) if deel)

    def verstuur() -> None:
        for adres in adressen:  # one mail each: members do not see each other's address
            send_mail(
                subject=f"IVP Regie: {tekst[:120]}",
                message=bericht,
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[adres],
            )

    transaction.on_commit(verstuur)


@transaction.atomic
def meldingen_gelezen(*, gebruiker: Gebruiker) -> int:
    return Melding.objects.filter(gebruiker=gebruiker, gelezen_op__isnull=True).update(
        gelezen_op=timezone.now()
    )
