"""The in-app notifications a user has not read yet."""

from __future__ import annotations

from ivp.models import Gebruiker
from stappen.models import Melding


def ongelezen_meldingen(user: Gebruiker) -> list[Melding]:
    if not user.is_authenticated:
        return []
    return list(Melding.objects.filter(gebruiker=user, gelezen_op__isnull=True)[:20])


def aantal_ongelezen(user: Gebruiker) -> int:
    """The number in the header (fetched by htmx after the page, so no page pays for it)."""
    return Melding.objects.filter(gebruiker=user, gelezen_op__isnull=True).count()
