"""The bestuurlijke planning: a gemeente's vergaderkalender, its lead times, and per step the
raad meeting that must decide its product (with the dates counted back from it).

The calendar is per gemeente, not per plan: college, commissie and raad meet whatever plan is
running. A step's `Raadsplanning` keeps the dates as they were accepted, so a meeting that
moved later (a re-import of the RIS feed) is noticed and a shifted planning proposed.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from ivp.models import Gemeente
from stappen.constants import (
    STANDAARD_TERMIJN_COLLEGE,
    STANDAARD_TERMIJN_COMMISSIE,
    STANDAARD_TERMIJN_RAAD,
    VergaderOrgaan,
)
from stappen.models.proces import Stap

MAX_TERMIJN = 60


class Vergadering(models.Model):
    """One meeting of the college, a raadscommissie or the gemeenteraad."""

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="vergaderingen", verbose_name="gemeente"
    )
    orgaan = models.CharField("wie vergadert", max_length=20, choices=VergaderOrgaan.choices)
    naam = models.CharField(
        "naam",
        max_length=200,
        blank=True,
        help_text="Bijvoorbeeld ‘Politieke Markt’ of ‘Commissie Bestuur’. Mag leeg blijven.",
    )
    datum = models.DateField("datum")
    begintijd = models.TimeField("begintijd", null=True, blank=True)
    # The UID of the event in the RIS feed: a re-import finds the meeting again by it, also
    # when it moved. Empty for a meeting entered by hand.
    uid = models.CharField("kenmerk in de agenda", max_length=255, blank=True, default="")

    class Meta:
        verbose_name = "vergadering"
        verbose_name_plural = "vergaderingen"
        ordering = ["datum", "begintijd", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "uid"],
                condition=~Q(uid=""),
                name="vergadering_uid_uniek",
                violation_error_message="Deze vergadering staat al in de kalender.",
            ),
        ]

    def __str__(self) -> str:
        naam = self.naam or f"{self.orgaan}vergadering"  # collegevergadering, raadsvergadering
        return f"{naam} van {self.datum:%d-%m-%Y}"


class Vergadertermijnen(models.Model):
    """A gemeente's lead times in werkdagen, and where its RIS calendar feed is."""

    gemeente = models.OneToOneField(
        Gemeente, on_delete=models.CASCADE, related_name="vergadertermijnen"
    )
    college_werkdagen = models.PositiveSmallIntegerField(
        "stukken bij het college (werkdagen vóór de collegevergadering)",
        default=STANDAARD_TERMIJN_COLLEGE,
        validators=[MaxValueValidator(MAX_TERMIJN)],
    )
    commissie_werkdagen = models.PositiveSmallIntegerField(
        "raadsvoorstel bij de raadsleden (werkdagen vóór de commissie)",
        default=STANDAARD_TERMIJN_COMMISSIE,
        validators=[MaxValueValidator(MAX_TERMIJN)],
        help_text="Het college besluit uiterlijk zoveel werkdagen vóór de commissievergadering.",
    )
    raad_werkdagen = models.PositiveSmallIntegerField(
        "commissie vóór de raad (werkdagen)",
        default=STANDAARD_TERMIJN_RAAD,
        validators=[MaxValueValidator(MAX_TERMIJN)],
        help_text="De commissie vergadert minstens zoveel werkdagen vóór de raad.",
    )
    feed_url = models.URLField(
        "adres van de agenda (iCalendar)",
        blank=True,
        max_length=500,
        help_text="Het .ics-adres dat het raadsinformatiesysteem publiceert; elke nacht opgehaald.",
    )
    feed_orgaan = models.CharField(
        "vergaderingen in de agenda",
        max_length=20,
        blank=True,
        choices=VergaderOrgaan.choices,
        help_text="Leeg: herkend aan de titel (college, commissie, raad).",
    )
    feed_opgehaald_op = models.DateTimeField("laatst opgehaald", null=True, blank=True)
    feed_fout = models.CharField("fout bij het ophalen", max_length=500, blank=True)

    class Meta:
        verbose_name = "vergadertermijnen"
        verbose_name_plural = "vergadertermijnen"

    def __str__(self) -> str:
        return f"Termijnen van {self.gemeente}"


class Raadsplanning(models.Model):
    """The raad meeting that must decide a step's product, and the dates counted back from it
    as the coordinator accepted them."""

    stap = models.OneToOneField(
        Stap, on_delete=models.CASCADE, related_name="raadsplanning", verbose_name="stap"
    )
    raadsvergadering = models.ForeignKey(
        Vergadering, on_delete=models.PROTECT, related_name="raadsplanningen"
    )
    commissievergadering = models.ForeignKey(
        Vergadering, on_delete=models.PROTECT, related_name="+"
    )
    collegevergadering = models.ForeignKey(Vergadering, on_delete=models.PROTECT, related_name="+")
    # The dates the planning was counted from; a meeting whose date differs now has moved.
    raad_datum = models.DateField("raadsvergadering")
    commissie_datum = models.DateField("commissievergadering")
    college_datum = models.DateField("collegevergadering")
    stukken_datum = models.DateField(
        "stukken gereed", help_text="De dag waarop de stukken voor het college klaar moeten zijn."
    )
    geaccepteerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    geaccepteerd_op = models.DateTimeField("geaccepteerd op", default=timezone.now)

    class Meta:
        verbose_name = "raadsplanning"
        verbose_name_plural = "raadsplanningen"

    def __str__(self) -> str:
        return f"{self.stap} naar de raad van {self.raad_datum:%d-%m-%Y}"

    @property
    def is_verschoven(self) -> bool:
        """A meeting of the chain is no longer on the date the planning was counted from."""
        return (
            self.raadsvergadering.datum != self.raad_datum
            or self.commissievergadering.datum != self.commissie_datum
            or self.collegevergadering.datum != self.college_datum
        )
