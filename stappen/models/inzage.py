"""Who may read the confidential sources (the ondermijningsbeeld) of a gemeente's analyses.

The coordinator OOV always may; a werkgroeplid or a bestuurder (the burgemeester, who chairs
the driehoek) only when the coordinator granted it (`Inzage`); a lezer or the griffie never.
See docs/vertrouwelijk.md and `stappen.rechten.mag_vertrouwelijk_zien`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from ivp.models import Gemeente


class Inzage(models.Model):
    """The coordinator's grant to one person to read the confidential sources of a gemeente."""

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="inzages", verbose_name="gemeente"
    )
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="inzages",
        verbose_name="gebruiker",
    )
    verleend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="verleend door",
    )
    verleend_op = models.DateTimeField("verleend op", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "inzage in vertrouwelijke bronnen"
        verbose_name_plural = "inzage in vertrouwelijke bronnen"
        ordering = ["gemeente", "gebruiker"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "gebruiker"], name="inzage_een_per_persoon")
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker} — {self.gemeente}"
