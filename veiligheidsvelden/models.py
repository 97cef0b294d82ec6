"""The KV taxonomy (veld > hoofdthema > thema) and the flankerend beleid linked to it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from ivp.models import Gemeente
from veiligheidsvelden.constants import BeleidsdocumentSoort


class Veld(models.Model):
    """One of the five veiligheidsvelden of Kernbeleid Veiligheid."""

    code = models.CharField("code", max_length=2, unique=True)
    naam = models.CharField("naam", max_length=100)
    omschrijving = models.TextField("omschrijving", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "veiligheidsveld"
        verbose_name_plural = "veiligheidsvelden"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code}. {self.naam}"


class ThemaQuerySet(models.QuerySet["Thema"]):
    def voor_gemeente(self, gemeente_id: int) -> ThemaQuerySet:
        """The VNG themes plus the gemeente's own."""
        return self.filter(Q(gemeente__isnull=True) | Q(gemeente_id=gemeente_id))

    def hoofdthemas(self) -> ThemaQuerySet:
        return self.filter(hoofdthema__isnull=True)


class Thema(models.Model):
    """A hoofdthema (no parent) or a thema under a hoofdthema.

    Themes with no gemeente are the VNG list, loaded by a data migration with stable codes.
    A gemeente adds its own (code prefixed with its CBS code) without touching the VNG list.
    Themes that cross the velden (KV 2021: gedigitaliseerde criminaliteit, zorg en
    veiligheid, …) are hoofdthema's without a veld.
    """

    code = models.CharField("code", max_length=20)
    naam = models.CharField("naam", max_length=150)
    veld = models.ForeignKey(
        Veld,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="themas",
        verbose_name="veiligheidsveld",
        help_text="Leeg voor een veldoverstijgend thema.",
    )
    hoofdthema = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="themas",
        verbose_name="hoofdthema",
        help_text="Leeg als dit zelf een hoofdthema is.",
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="eigen_themas",
        verbose_name="eigen thema van gemeente",
        help_text="Leeg voor de thema's van de VNG-lijst.",
    )
    omschrijving = models.TextField("omschrijving", blank=True)
    volgorde = models.PositiveIntegerField("volgorde", default=0)
    history = HistoricalRecords()

    objects = ThemaQuerySet.as_manager()

    class Meta:
        verbose_name = "thema"
        verbose_name_plural = "thema's"
        ordering = ["veld__code", "volgorde", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(gemeente__isnull=True),
                name="thema_code_uniek_vng",
                violation_error_message="Er is al een VNG-thema met deze code.",
            ),
            models.UniqueConstraint(
                fields=["gemeente", "code"],
                name="thema_code_uniek_per_gemeente",
                violation_error_message="Deze gemeente heeft al een thema met deze code.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.naam}"

    @property
    def is_hoofdthema(self) -> bool:
        return self.hoofdthema_id is None

    def clean(self) -> None:
        hoofd = self.hoofdthema  # None without a query when hoofdthema_id is None
        if hoofd is None:
            return
        errors = {}
        if hoofd.hoofdthema_id is not None:
            errors["hoofdthema"] = "Kies een hoofdthema; thema's gaan maar één laag diep."
        if hoofd.veld_id != self.veld_id:
            errors["veld"] = "Een thema hoort bij hetzelfde veld als zijn hoofdthema."
        if hoofd.gemeente_id is not None and hoofd.gemeente_id != self.gemeente_id:
            errors["hoofdthema"] = "Dit hoofdthema is van een andere gemeente."
        if errors:
            raise ValidationError(errors)


class Beleidsdocument(models.Model):
    """Flankerend beleid of a gemeente that the IVP must fit (jeugdbeleid, Apv, …)."""

    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.CASCADE,
        related_name="beleidsdocumenten",
        verbose_name="gemeente",
    )
    soort = models.CharField("soort", max_length=20, choices=BeleidsdocumentSoort.choices)
    titel = models.CharField("titel", max_length=200)
    vastgesteld_op = models.DateField("vastgesteld op", null=True, blank=True)
    vindplaats = models.URLField("vindplaats", blank=True)
    themas = models.ManyToManyField(
        Thema, blank=True, related_name="beleidsdocumenten", verbose_name="thema's"
    )
    history = HistoricalRecords(m2m_fields=[themas])

    class Meta:
        verbose_name = "beleidsdocument (flankerend beleid)"
        verbose_name_plural = "beleidsdocumenten (flankerend beleid)"
        ordering = ["gemeente__naam", "soort", "titel"]

    def __str__(self) -> str:
        return self.titel
