"""In-app notifications: a review round opened, a mention, a reply, a chapter handed over."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Melding(models.Model):
    """An in-app notification: a review round opened, a mention, a reply."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meldingen"
    )
    tekst = models.CharField("tekst", max_length=300)
    url = models.CharField("link", max_length=300, blank=True)
    gemaakt_op = models.DateTimeField("gemaakt op", default=timezone.now)
    gelezen_op = models.DateTimeField("gelezen op", null=True, blank=True)

    class Meta:
        verbose_name = "melding"
        verbose_name_plural = "meldingen"
        ordering = ["-gemaakt_op", "-pk"]
        indexes = [models.Index(fields=["gebruiker", "gelezen_op"], name="melding_ongelezen")]

    def __str__(self) -> str:
        return self.tekst
