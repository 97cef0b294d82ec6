"""Regional cooperation: "samen waar het kan, lokaal waar het moet" (docs/regio.md).

A `Regio` (ivp) groups gemeenten and has regional coordinators (`Regio.coordinatoren`). What
the region agrees once is a `Regiodeel`: a bovenlokale priority with its
`Regiodoelstelling`en, a regional veld analysis or a shared chapter of the
veiligheidsanalyse. Its content is published as numbered, frozen `Regiodeelversie`s (each
with the interlokale driehoek's consultation that agreed it). Every publication reaches each
member's newest plan as a `Regiovoorstel`; the member's coordinator accepts or declines it
in its own plan. The member's decision and its own copy of the text are its `Overname`: the
member's documents read the copy, never the region's live text, so nothing changes in a
member's document until that member accepts, and a member that leaves keeps its copies.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from ivp.models import Plan, Regio
from ivp.versies import Versiebeheerd
from regio.constants import DeelSoort, OvernameKeuze, VoorstelStatus
from stappen.models import Versie, vereis_meetbaar
from veiligheidsvelden.models import Thema, Veld

MAX_DEEL_TEKENS = 50_000


class Regiodeel(Versiebeheerd):
    """A part the region agrees once. `tekst` is Markdown: for a priority its aanleiding and
    aanpak (its doelstellingen are rows of `Regiodoelstelling`), for an analysis or chapter
    its text. `revisie` is the number of the last published `Regiodeelversie` (0: not yet
    published); editing does not reach the members until it is published."""

    regio = models.ForeignKey(
        Regio, on_delete=models.PROTECT, related_name="delen", verbose_name="regio"
    )
    soort = models.CharField("soort", max_length=20, choices=DeelSoort.choices)
    titel = models.CharField("titel", max_length=200)
    thema = models.ForeignKey(
        Thema,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="thema",
        help_text="Het thema van een bovenlokale prioriteit.",
    )
    veld = models.ForeignKey(
        Veld,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="veiligheidsveld",
        help_text="Het veld van een regionale analyse.",
    )
    tekst = models.TextField("tekst", blank=True, max_length=MAX_DEEL_TEKENS)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)
    revisie = models.PositiveIntegerField("laatst gepubliceerde versie", default=0)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="laatst gewijzigd door",
    )
    gewijzigd_op = models.DateTimeField("laatst gewijzigd op", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "regionaal deel"
        verbose_name_plural = "regionale delen"
        ordering = ["regio", "soort", "volgorde", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(soort=DeelSoort.PRIORITEIT) | Q(thema__isnull=False),
                name="regiodeel_prioriteit_heeft_thema",
                violation_error_message="Kies het thema van de bovenlokale prioriteit.",
            ),
            models.CheckConstraint(
                condition=~Q(soort=DeelSoort.ANALYSE) | Q(veld__isnull=False),
                name="regiodeel_analyse_heeft_veld",
                violation_error_message="Kies het veiligheidsveld van de regionale analyse.",
            ),
            models.UniqueConstraint(
                fields=["regio", "thema"],
                condition=Q(soort=DeelSoort.PRIORITEIT),
                name="regiodeel_prioriteit_uniek",
                violation_error_message="Dit thema is in deze regio al een bovenlokale prioriteit.",
            ),
            models.UniqueConstraint(
                fields=["regio", "veld"],
                condition=Q(soort=DeelSoort.ANALYSE),
                name="regiodeel_analyse_uniek",
                violation_error_message="Dit veld heeft in deze regio al een regionale analyse.",
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def sleutel(self) -> str:
        """The section key in each member's document; never changes."""
        return f"regio-{self.pk}"


class Regiodoelstelling(Versiebeheerd):
    """A doelstelling of a bovenlokale priority, the same for every member that takes it."""

    deel = models.ForeignKey(
        Regiodeel,
        on_delete=models.CASCADE,
        related_name="doelstellingen",
        verbose_name="bovenlokale prioriteit",
        limit_choices_to={"soort": DeelSoort.PRIORITEIT},
    )
    tekst = models.TextField("doelstelling")
    indicator = models.CharField("indicator", max_length=200, blank=True)
    nulmeting = models.CharField("nulmeting", max_length=50, blank=True)
    nulmeting_jaar = models.PositiveSmallIntegerField("jaar nulmeting", null=True, blank=True)
    streefwaarde = models.CharField("streefwaarde", max_length=50, blank=True)
    streefjaar = models.PositiveSmallIntegerField("streefjaar", null=True, blank=True)
    bron = models.CharField("bron", max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "bovenlokale doelstelling"
        verbose_name_plural = "bovenlokale doelstellingen"
        ordering = ["deel", "pk"]

    def __str__(self) -> str:
        return self.tekst[:80]

    def clean(self) -> None:
        if self.deel_id and self.deel.soort != DeelSoort.PRIORITEIT:
            raise ValidationError(
                {"deel": "Alleen een bovenlokale prioriteit heeft doelstellingen."}
            )
        vereis_meetbaar(self)


class Regiodeelversie(models.Model):
    """One publication of a shared part: its whole text as members take it in (Markdown, the
    doelstellingen table included), frozen, with the interlokale driehoek's consultation
    that agreed it. Never changes, never deleted."""

    deel = models.ForeignKey(
        Regiodeel, on_delete=models.PROTECT, related_name="versies", verbose_name="deel"
    )
    nummer = models.PositiveIntegerField("versie")
    titel = models.CharField("titel", max_length=200)
    tekst = models.TextField("tekst")
    toelichting = models.TextField(
        "toelichting", blank=True, help_text="Wat er veranderd is en waarom."
    )
    driehoek_op = models.DateField("besproken in de interlokale driehoek op")
    driehoek_kenmerk = models.CharField(
        "kenmerk", max_length=50, blank=True, help_text="Het kenmerk van het verslag."
    )
    gemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="gepubliceerd door",
    )
    gemaakt_op = models.DateTimeField("gepubliceerd op", default=timezone.now)

    class Meta:
        verbose_name = "versie van een regionaal deel"
        verbose_name_plural = "versies van regionale delen"
        ordering = ["deel", "nummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["deel", "nummer"],
                name="regiodeelversie_uniek",
                violation_error_message="Dit deel heeft deze versie al.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.titel} versie {self.nummer}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None or kwargs.get("force_update"):
            raise ValidationError("Een gepubliceerde versie verandert niet.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise ValidationError("Een gepubliceerde versie wordt nooit verwijderd.")


class Overname(models.Model):
    """A member's decision on a shared part in one of its plans, and its own copy of the
    text (`titel`, `tekst`, from `versie`): the member's documents show this copy (a declined
    priority: the motivation). It stays when the gemeente leaves the region."""

    deel = models.ForeignKey(
        Regiodeel, on_delete=models.PROTECT, related_name="overnames", verbose_name="deel"
    )
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="overnames", verbose_name="plan"
    )
    keuze = models.CharField("besluit", max_length=20, choices=OvernameKeuze.choices)
    motivatie = models.TextField(
        "motivatie",
        blank=True,
        help_text="Waarom de gemeente dit deel niet overneemt; staat in haar document.",
    )
    versie = models.ForeignKey(
        Regiodeelversie,
        on_delete=models.PROTECT,
        related_name="overnames",
        verbose_name="overgenomen versie",
    )
    titel = models.CharField("titel", max_length=200)
    tekst = models.TextField("tekst", blank=True)
    besloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    besloten_op = models.DateTimeField("besloten op", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "overname van een regionaal deel"
        verbose_name_plural = "overnames van regionale delen"
        ordering = ["plan", "deel__soort", "deel__volgorde", "deel__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["deel", "plan"],
                name="overname_uniek",
                violation_error_message="Dit plan heeft over dit deel al besloten.",
            ),
            models.CheckConstraint(
                condition=~Q(keuze=OvernameKeuze.NIET_OVERGENOMEN) | ~Q(motivatie=""),
                name="overname_niet_met_motivatie",
                violation_error_message="Leg uit waarom de gemeente dit deel niet overneemt.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.deel} in {self.plan}: {self.get_keuze_display()}"

    def clean(self) -> None:
        if self.keuze == OvernameKeuze.NIET_OVERGENOMEN and not self.motivatie.strip():
            raise ValidationError(
                {"motivatie": "Leg uit waarom de gemeente dit deel niet overneemt."}
            )


class Regiovoorstel(models.Model):
    """A publication of a shared part offered to one member's plan: the first offer (no
    `Overname` yet) or a change to what the member took in. A plan has at most one open
    proposal per part (a newer publication replaces the open one's `naar`), and each
    publication reaches a plan once (`regiovoorstel_uniek`)."""

    deel = models.ForeignKey(
        Regiodeel, on_delete=models.PROTECT, related_name="voorstellen", verbose_name="deel"
    )
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="regiovoorstellen", verbose_name="plan"
    )
    naar = models.ForeignKey(
        Regiodeelversie,
        on_delete=models.PROTECT,
        related_name="voorstellen",
        verbose_name="voorgestelde versie",
    )
    status = models.CharField(
        "status", max_length=20, choices=VoorstelStatus.choices, default=VoorstelStatus.OPEN
    )
    reden = models.TextField("reden", blank=True, help_text="Waarom het voorstel is afgewezen.")
    gemaakt_op = models.DateTimeField("voorgelegd op", default=timezone.now)
    beslist_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="beslist door",
    )
    beslist_op = models.DateTimeField("beslist op", null=True, blank=True)
    document_versie = models.ForeignKey(
        Versie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="nieuwe versie van het document",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "regionaal voorstel"
        verbose_name_plural = "regionale voorstellen"
        ordering = ["-gemaakt_op", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "naar"],
                name="regiovoorstel_uniek",
                violation_error_message="Deze versie is al aan dit plan voorgelegd.",
            ),
            models.UniqueConstraint(
                fields=["plan", "deel"],
                condition=Q(status=VoorstelStatus.OPEN),
                name="regiovoorstel_een_open",
                violation_error_message="Voor dit deel ligt al een voorstel open.",
            ),
            models.CheckConstraint(
                condition=~Q(status=VoorstelStatus.AFGEWEZEN) | ~Q(reden=""),
                name="regiovoorstel_afgewezen_met_reden",
                violation_error_message="Geef de reden waarom het voorstel is afgewezen.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.naar} voor {self.plan}"

    @property
    def is_open(self) -> bool:
        return self.status == VoorstelStatus.OPEN
