"""The root of every row: gemeente, regio, plan, and the roles people hold per gemeente."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from simple_history.models import HistoricalRecords

from ivp.constants import (
    METHODE_KERNBELEID_VEILIGHEID_2021,
    PLANPERIODE_JAREN,
    AchtergrondStatus,
    RolSoort,
)
from ivp.versies import Versiebeheerd


class Gebruiker(AbstractUser):
    """A person who logs in. What they may do is held per gemeente in `Rol`."""

    history = HistoricalRecords()

    class Meta(AbstractUser.Meta):
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"

    def __str__(self) -> str:
        return gebruiker_naam(self.first_name, self.last_name, self.username)


def gebruiker_naam(voornaam: str, achternaam: str, gebruikersnaam: str) -> str:
    """How a user reads (`str(gebruiker)`: the full name, else the username), from the three
    columns, for a page that reads users as rows."""
    return f"{voornaam} {achternaam}".strip() or gebruikersnaam


class Gemeente(models.Model):
    naam = models.CharField("naam", max_length=100)
    cbs_code = models.CharField(
        "CBS-code",
        max_length=6,
        unique=True,
        validators=[
            RegexValidator(r"^GM\d{4}$", "Een CBS-gemeentecode is GM gevolgd door vier cijfers.")
        ],
        help_text="Bijvoorbeeld GM1708 voor Steenwijkerland.",
        error_messages={"unique": "Er is al een gemeente met deze CBS-code."},
    )
    # How people of this gemeente log in (docs/beveiliging.md); set by its coordinator.
    tweestaps_verplicht = models.BooleanField(
        "tweestapsverificatie verplicht voor iedereen",
        default=False,
        db_default=False,  # rows written by older code (or migrations) get it too
        help_text="Voor de coördinator is tweestapsverificatie altijd verplicht. Zet dit aan "
        "om het ook voor werkgroepleden, bestuurders, griffie en lezers verplicht te maken.",
    )
    wachtwoord_inloggen = models.BooleanField(
        "inloggen met een wachtwoord toestaan",
        default=True,
        db_default=True,
        help_text="Zet dit uit als iedereen van de gemeente inlogt via eenmalig inloggen "
        "(het account van de organisatie).",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(
                Lower("naam"),
                name="gemeente_naam_uniek",
                violation_error_message=("Er is al een gemeente met deze naam."),
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class Regio(models.Model):
    """Gemeenten that write (parts of) their IVP together: 'samen waar het kan'."""

    naam = models.CharField("naam", max_length=150, unique=True)
    gemeenten = models.ManyToManyField(Gemeente, related_name="regios", verbose_name="gemeenten")
    # The regional coordinators (docs/regio.md): they edit the shared parts and see the
    # overview; of a member's local content nothing, unless they hold a `Rol` there.
    coordinatoren = models.ManyToManyField(
        Gebruiker,
        blank=True,
        related_name="regio_regie",
        verbose_name="regionale coördinatoren",
    )
    history = HistoricalRecords(m2m_fields=[gemeenten, coordinatoren])

    class Meta:
        verbose_name = "regio"
        verbose_name_plural = "regio's"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Plan(Versiebeheerd):
    """One IVP trajectory of one gemeente: from the startnotitie to the end of its period."""

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="plannen", verbose_name="gemeente"
    )
    titel = models.CharField("titel", max_length=200)
    traject_start = models.DateField(
        "start traject",
        help_text="De dag waarop het traject begint met de startnotitie.",
    )
    periode_start = models.DateField("looptijd vanaf")
    periode_eind = models.DateField("looptijd tot en met")
    verlengd_tot = models.DateField(
        "verlengd tot en met",
        null=True,
        blank=True,
        help_text="Alleen invullen als de looptijd is verlengd.",
    )
    verlenging_reden = models.TextField("reden van de verlenging", blank=True)
    looptijd_motivatie = models.TextField(
        "motivatie van de looptijd",
        blank=True,
        db_default="",  # rows written by code that predates the field (migration tests)
        help_text="Verplicht als de looptijd geen vier jaar is (pas toe of leg uit).",
    )
    methode = models.CharField(
        "methode", max_length=100, default=METHODE_KERNBELEID_VEILIGHEID_2021
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "plan"
        verbose_name_plural = "plannen"
        ordering = ["gemeente__naam", "-periode_start"]
        constraints = [
            # One plan per period: a second one is a double submit of the new-plan form.
            models.UniqueConstraint(
                fields=["gemeente", "periode_start"], name="plan_een_per_periode"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.titel} ({self.gemeente})" if self.gemeente_id else self.titel

    def unique_error_message(
        self, model_class: type[models.Model], unique_check: Sequence[str]
    ) -> ValidationError:
        """Name the plan that is already there (`full_clean` and the plan form say this)."""
        if list(unique_check) != ["gemeente", "periode_start"]:
            return super().unique_error_message(model_class, unique_check)
        bestaand = (
            Plan.objects.filter(gemeente_id=self.gemeente_id, periode_start=self.periode_start)
            .exclude(pk=self.pk)
            .first()
        )
        return ValidationError(
            "Er is al een plan van %(gemeente)s met een looptijd vanaf %(start)s: ‘%(titel)s’.",
            code="unique_together",
            params={
                "gemeente": self.gemeente.naam,
                "start": f"{self.periode_start:%d-%m-%Y}",
                "titel": bestaand.titel if bestaand else "",
            },
        )

    @property
    def einde(self) -> dt.date:
        """The last day the plan is in force, extension included."""
        return self.verlengd_tot or self.periode_eind

    @property
    def is_vier_jaar(self) -> bool:
        """The period is the method's four years (from a day to the day before, four years on)."""
        start, eind = self.periode_start, self.periode_eind
        if not start or not eind:
            return True
        volgende = eind + dt.timedelta(days=1)
        return (volgende.year - start.year, volgende.month, volgende.day) == (
            PLANPERIODE_JAREN,
            start.month,
            start.day,
        )

    def vereis_motivatie_looptijd(self) -> None:
        """Pas toe of leg uit: a period other than four years needs a motivation. The
        services check it after what the period must fit (the steps' deadlines)."""
        if (
            self.periode_start
            and self.periode_eind
            and self.periode_eind > self.periode_start
            and not self.is_vier_jaar
            and not self.looptijd_motivatie.strip()
        ):
            raise ValidationError(
                {
                    "looptijd_motivatie": "De methode gaat uit van een looptijd van vier jaar. "
                    "Leg uit waarom deze looptijd anders is."
                }
            )

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.periode_start and self.periode_eind and self.periode_eind <= self.periode_start:
            errors["periode_eind"] = "De looptijd moet eindigen na de begindatum."
        if self.traject_start and self.periode_eind and self.traject_start >= self.periode_eind:
            errors["traject_start"] = "Het traject moet beginnen voordat de looptijd eindigt."
        if self.verlengd_tot:
            if self.periode_eind and self.verlengd_tot <= self.periode_eind:
                errors["verlengd_tot"] = "Een verlenging moet na het einde van de looptijd liggen."
            if not self.verlenging_reden.strip():
                errors["verlenging_reden"] = "Geef de reden van de verlenging op."
        elif self.verlenging_reden.strip():
            errors["verlengd_tot"] = (
                "Vul in tot wanneer het plan is verlengd, of laat de reden leeg."
            )
        if errors:
            raise ValidationError(errors)


class Rol(models.Model):
    """A role a person holds in one gemeente. A person may hold several, in several gemeenten."""

    gebruiker = models.ForeignKey(
        Gebruiker, on_delete=models.CASCADE, related_name="rollen", verbose_name="gebruiker"
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="rollen", verbose_name="gemeente"
    )
    soort = models.CharField("rol", max_length=20, choices=RolSoort.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "rol"
        verbose_name_plural = "rollen"
        ordering = ["gemeente__naam", "soort"]
        constraints = [
            models.UniqueConstraint(
                fields=["gebruiker", "gemeente", "soort"],
                name="rol_uniek",
                violation_error_message="Deze persoon heeft deze rol al in deze gemeente.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker} — {self.get_soort_display()} in {self.gemeente}"


class BerichtStatus(models.TextChoices):
    WACHT = "wacht", "Wacht op verzending"
    VERZONDEN = "verzonden", "Verzonden"
    MISLUKT = "mislukt", "Niet verzonden"
    GEEN_ADRES = "geen_adres", "Geen e-mailadres"
    DAGOVERZICHT = "dagoverzicht", "Wacht op het dagoverzicht"
    IN_OVERZICHT = "in_overzicht", "Verstuurd in het dagoverzicht"
    UIT = "uit", "Uitgezet door de ontvanger"


class MeldingKeuze(models.TextChoices):
    """How a person wants the e-mail of one kind of notice."""

    METEEN = "meteen", "Meteen een e-mail"
    DAGOVERZICHT = "dagoverzicht", "In het dagoverzicht (elke ochtend één e-mail)"
    UIT = "uit", "Geen e-mail"


class Bericht(models.Model):
    """One e-mail of the outbox (docs/herinneringen.md). `sleutel` — kind, object, moment and
    recipient — is unique in the database: whoever inserts it first owns the mail, a second
    sweep or a retried task finds the row taken and sends nothing."""

    sleutel = models.CharField("sleutel", max_length=255, unique=True)
    soort = models.CharField("soort", max_length=40)
    ontvanger = models.ForeignKey(
        Gebruiker, on_delete=models.CASCADE, related_name="berichten", verbose_name="ontvanger"
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="berichten",
        verbose_name="gemeente",
    )
    adres = models.EmailField("e-mailadres", blank=True)
    onderwerp = models.CharField("onderwerp", max_length=200)
    tekst = models.TextField("tekst")
    url = models.CharField("link", max_length=300, blank=True)
    # One attachment, kept with the row so a retry sends the same bytes (a meeting's .ics).
    bijlage_naam = models.CharField("bijlage", max_length=100, blank=True, db_default="")
    bijlage = models.TextField("inhoud van de bijlage", blank=True, db_default="")
    status = models.CharField(
        "status", max_length=20, choices=BerichtStatus.choices, default=BerichtStatus.WACHT
    )
    pogingen = models.PositiveSmallIntegerField("pogingen", default=0)
    laatste_fout = models.CharField("laatste fout", max_length=500, blank=True)
    volgende_poging = models.DateTimeField("volgende poging", null=True, blank=True)
    gemaakt_op = models.DateTimeField("gemaakt op", default=timezone.now)
    verzonden_op = models.DateTimeField("verzonden op", null=True, blank=True)
    verzameld_in = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verzameld",
        verbose_name="dagoverzicht",
    )

    class Meta:
        verbose_name = "bericht"
        verbose_name_plural = "berichten"
        ordering = ["-gemaakt_op", "-pk"]
        indexes = [models.Index(fields=["status", "gemeente"], name="bericht_status")]

    def __str__(self) -> str:
        return f"{self.onderwerp} → {self.adres or self.ontvanger}"


class Meldingvoorkeur(models.Model):
    """A person's choice for one kind of notice; without a row, the mail goes at once. The
    notice in the app is always made; the choice is about the e-mail."""

    gebruiker = models.ForeignKey(
        Gebruiker, on_delete=models.CASCADE, related_name="meldingvoorkeuren"
    )
    soort = models.CharField("soort", max_length=40)
    keuze = models.CharField("keuze", max_length=20, choices=MeldingKeuze.choices)

    class Meta:
        verbose_name = "meldingvoorkeur"
        verbose_name_plural = "meldingvoorkeuren"
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "soort"], name="meldingvoorkeur_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker}: {self.soort} {self.get_keuze_display()}"


class Download(models.Model):
    """A large file (an export) one person asked for, made by a Celery task and offered when
    ready (`ivp/downloads.py`). Only the person who asked may fetch it."""

    gebruiker = models.ForeignKey(
        Gebruiker, on_delete=models.CASCADE, related_name="downloads", verbose_name="gebruiker"
    )
    soort = models.CharField("soort", max_length=40)
    parameters = models.JSONField("parameters", default=dict)
    titel = models.CharField("titel", max_length=200)
    bestandsnaam = models.CharField("bestandsnaam", max_length=120)
    status = models.CharField(
        "status",
        max_length=10,
        choices=AchtergrondStatus.choices,
        default=AchtergrondStatus.WACHTRIJ,
    )
    bestand = models.FileField("bestand", upload_to="downloads/%Y/%m/", blank=True)
    fout = models.CharField("fout", max_length=300, blank=True)
    gevraagd_op = models.DateTimeField("gevraagd op", default=timezone.now)
    klaar_op = models.DateTimeField("klaar op", null=True, blank=True)

    class Meta:
        verbose_name = "download"
        verbose_name_plural = "downloads"
        ordering = ["-gevraagd_op", "-pk"]

    def __str__(self) -> str:
        return f"{self.titel} ({self.get_status_display()})"

    @property
    def loopt(self) -> bool:
        return self.status in (AchtergrondStatus.WACHTRIJ, AchtergrondStatus.BEZIG)
