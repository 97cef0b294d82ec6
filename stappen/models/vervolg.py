"""The next IVP started from the previous one (issue 14): which plan it follows, why its
period may overlap, and the evaluation of every doelstelling of the previous plan.

Nothing here points from the previous plan's rows to the new plan's: the previous plan and
its adopted documents stay as they were; text taken over is copied, never linked.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from ivp.models import Plan
from stappen.constants import EvaluatieScore
from stappen.models.inhoud import Doelstelling

MAX_TOELICHTING_TEKENS = 2_000


class Vervolg(models.Model):
    """A plan started from the plan before it. One follow-up per previous plan: starting
    twice does not make two plans for one period."""

    plan = models.OneToOneField(
        Plan, on_delete=models.CASCADE, related_name="herkomst", verbose_name="nieuw plan"
    )
    vorig_plan = models.OneToOneField(
        Plan, on_delete=models.PROTECT, related_name="opvolging", verbose_name="vorig plan"
    )
    overlap_reden = models.TextField(
        "reden van de overlap",
        blank=True,
        help_text="Nodig als de looptijd begint voordat het vorige plan (met verlenging) afloopt.",
    )
    evaluatie_motivatie = models.TextField(
        "motivatie bij niet beoordeelde doelstellingen",
        blank=True,
        help_text="Pas toe of leg uit: waarom stap 1 sluit terwijl niet elke doelstelling van "
        "het vorige IVP een score heeft.",
    )
    overgenomen = models.JSONField(
        "overgenomen",
        default=list,
        blank=True,
        help_text="Wat bij de start uit het vorige plan is gekopieerd.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "vervolg op een plan"
        verbose_name_plural = "vervolgen op plannen"

    def __str__(self) -> str:
        return f"{self.plan} volgt op {self.vorig_plan}"

    def clean(self) -> None:
        if self.plan_id and self.plan_id == self.vorig_plan_id:
            raise ValidationError({"vorig_plan": "Een plan volgt niet op zichzelf."})
        if (
            self.plan_id
            and self.vorig_plan_id
            and self.plan.gemeente_id != self.vorig_plan.gemeente_id
        ):
            raise ValidationError({"vorig_plan": "Het vorige plan is van een andere gemeente."})


class Evaluatie(models.Model):
    """The score of one doelstelling of the previous IVP, given in the new plan."""

    vervolg = models.ForeignKey(
        Vervolg, on_delete=models.CASCADE, related_name="evaluaties", verbose_name="vervolg"
    )
    doelstelling = models.ForeignKey(
        Doelstelling,
        on_delete=models.PROTECT,
        related_name="evaluaties",
        verbose_name="doelstelling",
    )
    score = models.CharField("score", max_length=20, choices=EvaluatieScore.choices)
    toelichting = models.TextField(
        "toelichting", max_length=MAX_TOELICHTING_TEKENS, help_text="Kort: waarom deze score."
    )
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="beoordeeld door",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "evaluatie van een doelstelling"
        verbose_name_plural = "evaluaties van doelstellingen"
        ordering = ["vervolg", "doelstelling"]
        constraints = [
            models.UniqueConstraint(
                fields=["vervolg", "doelstelling"],
                name="evaluatie_uniek_per_doelstelling",
                violation_error_message="Deze doelstelling heeft al een score.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.doelstelling}: {self.get_score_display()}"

    def clean(self) -> None:
        if not self.toelichting.strip():
            raise ValidationError({"toelichting": "Licht de score kort toe."})
        if (
            self.vervolg_id
            and self.doelstelling_id
            and self.doelstelling.plaatsing.plan_id != self.vervolg.vorig_plan_id
        ):
            raise ValidationError(
                {"doelstelling": "Deze doelstelling hoort niet bij het vorige plan."}
            )
