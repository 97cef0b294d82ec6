"""The KV taxonomy (veld > hoofdthema > thema) and the flankerend beleid linked to it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from ivp.models import Gemeente
from veiligheidsvelden.constants import (
    BeleidsdocumentSoort,
    ImportStatus,
    ImportWijze,
    IndicatorBron,
    Richting,
)


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


class Indicator(models.Model):
    """A measurable figure (a CBS/politie measure or the gemeente's own registration).

    Without a gemeente the indicator is shared by every gemeente (the open-data measures);
    with one it is that gemeente's own (an own registration, a survey of its own).
    """

    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicatoren",
        verbose_name="gemeente",
        help_text="Leeg voor de landelijke open-data-indicatoren.",
    )
    naam = models.CharField("naam", max_length=200)
    eenheid = models.CharField(
        "eenheid", max_length=60, help_text="Bijvoorbeeld: per 1.000 inwoners."
    )
    bron = models.CharField("bron", max_length=30, choices=IndicatorBron.choices)
    tabel = models.CharField(
        "tabel", max_length=20, blank=True, help_text="CBS-tabel, bv. 83648NED."
    )
    maat = models.CharField(
        "maat",
        max_length=60,
        blank=True,
        help_text="Code van de maat of het misdrijf in die tabel.",
    )
    richting = models.CharField(
        "richting", max_length=10, choices=Richting.choices, default=Richting.LAGER
    )
    omschrijving = models.TextField("omschrijving", blank=True)
    themas = models.ManyToManyField(
        Thema, blank=True, related_name="indicatoren", verbose_name="thema's"
    )
    history = HistoricalRecords(m2m_fields=[themas])

    class Meta:
        verbose_name = "indicator"
        verbose_name_plural = "indicatoren"
        ordering = ["naam", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["bron", "tabel", "maat"],
                condition=Q(gemeente__isnull=True),
                name="indicator_landelijk_uniek",
            ),
            models.UniqueConstraint(
                fields=["gemeente", "naam"],
                condition=Q(gemeente__isnull=False),
                name="indicator_eigen_naam_uniek",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.eenheid})"


class Meting(models.Model):
    """One value of an indicator for one area (gemeente, wijk or the Netherlands) and period.

    `maand` 0 is the whole year. A corrected value updates the row; its history keeps the old.
    """

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="metingen", verbose_name="indicator"
    )
    gebied_code = models.CharField(
        "gebiedscode", max_length=12, help_text="CBS-code: GM1708 (gemeente), WK170800, NL01."
    )
    gebied_naam = models.CharField("gebied", max_length=120)
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="metingen",
        verbose_name="gemeente",
        help_text="De gemeente waar het gebied in ligt (leeg voor Nederland).",
    )
    jaar = models.PositiveSmallIntegerField("jaar")
    maand = models.PositiveSmallIntegerField("maand", default=0, help_text="0 = het hele jaar.")
    waarde = models.DecimalField("waarde", max_digits=14, decimal_places=3)
    bron = models.CharField(
        "bron", max_length=200, help_text="Tabel en peildatum, of wie het invoerde."
    )
    opgehaald_op = models.DateTimeField("opgehaald op")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "meting"
        verbose_name_plural = "metingen"
        ordering = ["indicator", "gebied_code", "jaar", "maand"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "gebied_code", "jaar", "maand"], name="meting_uniek"
            ),
            models.CheckConstraint(condition=Q(maand__lte=12), name="meting_maand_geldig"),
        ]
        indexes = [models.Index(fields=["gemeente", "jaar"], name="meting_gemeente_jaar")]

    def __str__(self) -> str:
        periode = f"{self.jaar}" if not self.maand else f"{self.maand:02d}-{self.jaar}"
        return f"{self.indicator.naam}, {self.gebied_naam} {periode}: {self.waarde}"


class Cijferimport(models.Model):
    """One run of the importer of open figures for a gemeente: what it read and how it ended.

    The coordinator's import page shows the latest runs; a failed run stored nothing."""

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="cijferimports", verbose_name="gemeente"
    )
    wijze = models.CharField("wijze", max_length=10, choices=ImportWijze.choices)
    status = models.CharField("status", max_length=10, choices=ImportStatus.choices)
    tabellen = models.CharField("tabellen", max_length=200, blank=True)
    melding = models.TextField("melding", blank=True)
    nieuw = models.PositiveIntegerField("nieuwe metingen", default=0)
    gewijzigd = models.PositiveIntegerField("gecorrigeerde metingen", default=0)
    ongewijzigd = models.PositiveIntegerField("ongewijzigde metingen", default=0)
    door = models.ForeignKey(
        "ivp.Gebruiker",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="door",
    )
    gestart_op = models.DateTimeField("gestart op")

    # Not stored: the run failed on the network or a 5xx (worth retrying), not on content.
    tijdelijk: bool = False

    class Meta:
        verbose_name = "import van cijfers"
        verbose_name_plural = "imports van cijfers"
        ordering = ["-gestart_op", "-pk"]

    def __str__(self) -> str:
        return f"{self.gemeente} {self.gestart_op:%d-%m-%Y %H:%M}: {self.get_status_display()}"
