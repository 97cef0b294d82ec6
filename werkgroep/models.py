"""People and time: the werkgroep of a plan, its members, meetings with agenda, attendance and
actiepunten, hour budgets and hour entries. The startnotitie's numbers (7–8 members, 5–6
meetings, 300–400 coordinator hours) are defaults: a deviation is stored with its motivation on
the row that deviates; which row depends on its siblings (the ninth member, the seventh
meeting), so the services check that; the models hold what a row can check on its own."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from ivp.models import Plan
from ivp.versies import Versiebeheerd
from stappen.models import Document, Opmerking, Stap, Versie
from veiligheidsvelden.models import Veld
from werkgroep.constants import (
    MAX_UREN_PER_DAG,
    Aanwezigheid,
    ActiepuntStatus,
    LidRol,
    budget_wijkt_af,
)
from werkgroep.gezamenlijk.models import GezamenlijkeBijeenkomst
from werkgroep.teksten import draad_tekst, versie_tekst


class Werkgroep(models.Model):
    """The werkgroep of one plan; during uitvoering it is the voortgangsoverleg."""

    plan = models.OneToOneField(
        Plan, on_delete=models.CASCADE, related_name="werkgroep", verbose_name="plan"
    )
    uren_gesloten_tot = models.DateField(
        "uren afgesloten tot en met",
        null=True,
        blank=True,
        help_text="Uren op of voor deze dag zijn verantwoord: niemand schrijft of verplaatst ze.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "werkgroep"
        verbose_name_plural = "werkgroepen"

    def __str__(self) -> str:
        return f"Werkgroep {self.plan}"


class Lid(Versiebeheerd):
    """A member: a user of the gemeente, or an external partner by name."""

    werkgroep = models.ForeignKey(
        Werkgroep, on_delete=models.CASCADE, related_name="leden", verbose_name="werkgroep"
    )
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lidmaatschappen",
        verbose_name="gebruiker",
        help_text="Een medewerker met een rol in de gemeente. Leeg voor een externe partner.",
    )
    naam = models.CharField(
        "naam", max_length=150, blank=True, help_text="Alleen voor een externe partner."
    )
    organisatie = models.CharField("organisatie", max_length=150, blank=True)
    functie = models.CharField("functie", max_length=150, blank=True)
    rol = models.CharField("rol in de werkgroep", max_length=20, choices=LidRol.choices)
    velden = models.ManyToManyField(
        Veld, blank=True, related_name="+", verbose_name="veiligheidsvelden"
    )
    motivatie = models.TextField(
        "motivatie",
        blank=True,
        help_text="Nodig vanaf het negende lid: waarom de werkgroep groter is dan 7–8.",
    )
    history = HistoricalRecords(m2m_fields=[velden])

    class Meta:
        verbose_name = "lid"
        verbose_name_plural = "leden"
        ordering = ["werkgroep", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["werkgroep", "gebruiker"],
                name="lid_uniek_per_werkgroep",
                violation_error_message="Deze persoon is al lid van deze werkgroep.",
            ),
            models.UniqueConstraint(
                fields=["werkgroep"],
                condition=Q(rol=LidRol.TREKKER),
                name="een_trekker_per_werkgroep",
                violation_error_message="Deze werkgroep heeft al een trekker.",
            ),
            models.CheckConstraint(
                condition=Q(gebruiker__isnull=False) | ~Q(naam=""),
                name="lid_gebruiker_of_naam",
                violation_error_message="Kies een medewerker of vul de naam van de partner in.",
            ),
        ]

    def __str__(self) -> str:
        return self.weergavenaam

    @property
    def weergavenaam(self) -> str:
        if self.gebruiker_id:
            return str(self.gebruiker)
        return self.naam

    def clean(self) -> None:
        if not self.gebruiker_id and not self.naam.strip():
            raise ValidationError(
                {"naam": "Kies een medewerker of vul de naam van de externe partner in."}
            )
        if self.gebruiker_id and self.naam.strip():
            raise ValidationError(
                {
                    "naam": "Vul alleen voor een externe partner een naam in, "
                    "niet bij een medewerker."
                }
            )
        if self.rol == LidRol.TREKKER and not self.gebruiker_id:
            raise ValidationError({"rol": "De trekker is de coördinator OOV, een medewerker."})


class Bijeenkomst(Versiebeheerd):
    """A meeting of the werkgroep. `uid` never changes, so an updated invitation replaces the
    event in a calendar; `volgnummer_ical` is the iCalendar SEQUENCE, raised on every change."""

    werkgroep = models.ForeignKey(
        Werkgroep, on_delete=models.CASCADE, related_name="bijeenkomsten", verbose_name="werkgroep"
    )
    uid = models.UUIDField("kalender-id", default=uuid.uuid4, unique=True, editable=False)
    volgnummer_ical = models.PositiveIntegerField("kalenderversie", default=0, editable=False)
    titel = models.CharField("titel", max_length=200, default="Werkgroep IVP")
    datum = models.DateField("datum")
    begintijd = models.TimeField("begintijd")
    eindtijd = models.TimeField("eindtijd")
    locatie = models.CharField("plaats", max_length=200, blank=True)
    online_link = models.URLField("link voor online deelname", blank=True)
    voortgangsoverleg = models.BooleanField(
        "voortgangsoverleg",
        default=False,
        help_text="Een bijeenkomst tijdens de uitvoering; telt niet mee voor de 5–6.",
    )
    motivatie = models.TextField(
        "motivatie",
        blank=True,
        help_text="Nodig vanaf de zevende bijeenkomst: waarom meer dan 5–6 keer bijeen.",
    )
    notulen = models.TextField("notulen", blank=True)
    besluiten = models.TextField("besluiten", blank=True)
    gezamenlijk = models.ForeignKey(
        GezamenlijkeBijeenkomst,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bijeenkomsten",
        verbose_name="gezamenlijke bijeenkomst",
    )
    # Called off ("afgezegd"): kept, with when and why, but no longer counted, announced or
    # changed (`werkgroep.services.bijeenkomst_afzeggen`).
    afgezegd_op = models.DateTimeField("afgezegd op", null=True, blank=True, editable=False)
    reden_afzegging = models.TextField("reden van de afzegging", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "bijeenkomst"
        verbose_name_plural = "bijeenkomsten"
        ordering = ["datum", "begintijd", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(eindtijd__gt=models.F("begintijd")),
                name="bijeenkomst_eindigt_na_begin",
                violation_error_message="De bijeenkomst moet eindigen na de begintijd.",
            ),
            models.UniqueConstraint(
                fields=["gezamenlijk", "werkgroep"], name="gezamenlijk_eens_per_werkgroep"
            ),
            models.CheckConstraint(
                condition=Q(afgezegd_op__isnull=True) | ~Q(reden_afzegging=""),
                name="bijeenkomst_afgezegd_met_reden",
                violation_error_message="Geef de reden waarom de bijeenkomst niet doorgaat.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.titel} {self.datum:%d-%m-%Y}"

    def vereis_niet_afgezegd(self) -> None:
        """A called-off meeting is history: no edit, agenda, attendance or notulen."""
        if self.afgezegd_op is not None:
            raise ValidationError(
                f"Deze bijeenkomst is afgezegd op {timezone.localdate(self.afgezegd_op):%d-%m-%Y};"
                " u kunt haar niet meer wijzigen."
            )

    def niet_afzegbaar(self, vandaag: dt.date, *, heeft_presentie: bool) -> str:
        """Why this meeting cannot be called off ("" when it can): only one that has not taken
        place, its day today or later and nothing of it recorded, and only once."""
        if self.afgezegd_op is not None:
            dag = timezone.localdate(self.afgezegd_op)
            return f"Deze bijeenkomst is al afgezegd op {dag:%d-%m-%Y}."
        if self.datum < vandaag:
            return "Deze bijeenkomst is al geweest; een gehouden bijeenkomst zegt u niet af."
        if self.notulen or self.besluiten or heeft_presentie:
            return (
                "Van deze bijeenkomst zijn al notulen, besluiten of de aanwezigheid vastgelegd; "
                "een gehouden bijeenkomst zegt u niet af."
            )
        return ""

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.afgezegd_op is not None and not self.reden_afzegging.strip():
            errors["reden_afzegging"] = "Geef de reden waarom de bijeenkomst niet doorgaat."
        if self.begintijd and self.eindtijd and self.eindtijd <= self.begintijd:
            errors["eindtijd"] = "De bijeenkomst moet eindigen na de begintijd."
        if not self.locatie.strip() and not self.online_link:
            errors["locatie"] = "Vul een plaats in, een link voor online deelname, of beide."
        if errors:
            raise ValidationError(errors)


class Agendapunt(models.Model):
    bijeenkomst = models.ForeignKey(
        Bijeenkomst, on_delete=models.CASCADE, related_name="agendapunten"
    )
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)
    onderwerp = models.CharField("onderwerp", max_length=200)
    toelichting = models.TextField("toelichting", blank=True)
    document = models.ForeignKey(
        Document,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="document",
        help_text="Het document dat op dit agendapunt besproken wordt.",
    )
    versie = models.ForeignKey(
        Versie,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="versie",
        help_text="De versie van een document die op dit agendapunt besproken wordt.",
    )
    opmerking = models.ForeignKey(
        Opmerking,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="opmerking (draad)",
        help_text="De draad van opmerkingen die op dit agendapunt besproken wordt.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "agendapunt"
        verbose_name_plural = "agendapunten"
        ordering = ["bijeenkomst", "volgorde", "pk"]

    def __str__(self) -> str:
        return self.onderwerp

    @property
    def versie_tekst(self) -> str:
        if not (self.versie_id and self.versie):
            return ""
        return versie_tekst(self.versie.document.titel, self.versie.nummer)

    @property
    def opmerking_tekst(self) -> str:
        return draad_tekst(self.opmerking) if self.opmerking_id and self.opmerking else ""

    def clean(self) -> None:
        """Document, version and thread are each optional; what is chosen must be of this
        plan, a thread is its first comment, and a version goes with the chosen document."""
        plan_id = self.bijeenkomst.werkgroep.plan_id if self.bijeenkomst_id else None
        document = self.document if self.document_id else None
        versie = self.versie if self.versie_id else None
        opmerking = self.opmerking if self.opmerking_id else None
        errors: dict[str, str] = {}
        if document is not None and plan_id is not None and document.plan_id != plan_id:
            errors["document"] = "Dit document hoort bij een ander plan."
        if versie is not None:
            if plan_id is not None and versie.document.plan_id != plan_id:
                errors["versie"] = "Deze versie hoort bij een document van een ander plan."
            elif document is not None and versie.document_id != document.pk:
                errors["versie"] = (
                    f"Versie {versie.nummer} is van {versie.document.titel}, niet van het "
                    f"gekozen document {document.titel}. Kies een versie van dat document "
                    "of laat het document leeg."
                )
        if opmerking is not None:
            if plan_id is not None and opmerking.versie.document.plan_id != plan_id:
                errors["opmerking"] = "Deze opmerking hoort bij een document van een ander plan."
            elif opmerking.antwoord_op_id:
                errors["opmerking"] = (
                    "Dit is een antwoord in een draad. Kies de eerste opmerking van de draad."
                )
        if errors:
            raise ValidationError(errors)


class Presentie(models.Model):
    """Whether a member was at a meeting."""

    bijeenkomst = models.ForeignKey(
        Bijeenkomst, on_delete=models.CASCADE, related_name="presenties"
    )
    lid = models.ForeignKey(Lid, on_delete=models.CASCADE, related_name="presenties")
    status = models.CharField("aanwezigheid", max_length=20, choices=Aanwezigheid.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "aanwezigheid"
        verbose_name_plural = "aanwezigheid"
        constraints = [
            models.UniqueConstraint(
                fields=["bijeenkomst", "lid"],
                name="presentie_uniek",
                violation_error_message="De aanwezigheid van dit lid is al vastgelegd.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.lid}: {self.get_status_display()}"


class Actiepunt(models.Model):
    bijeenkomst = models.ForeignKey(
        Bijeenkomst, on_delete=models.CASCADE, related_name="actiepunten"
    )
    wat = models.CharField("wat", max_length=300)
    wie = models.ForeignKey(
        Lid, on_delete=models.PROTECT, related_name="actiepunten", verbose_name="wie"
    )
    deadline = models.DateField("uiterlijk op")
    status = models.CharField(
        "status", max_length=20, choices=ActiepuntStatus.choices, default=ActiepuntStatus.OPEN
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "actiepunt"
        verbose_name_plural = "actiepunten"
        ordering = ["deadline", "pk"]

    def __str__(self) -> str:
        return self.wat

    def clean(self) -> None:
        if (
            self.wie_id
            and self.bijeenkomst_id
            and self.wie.werkgroep_id != (self.bijeenkomst.werkgroep_id)
        ):
            raise ValidationError({"wie": "Kies een lid van deze werkgroep."})


class Urenbudget(Versiebeheerd):
    """The hours a member has for the method. The coordinator's 300–400 h unless motivated."""

    lid = models.OneToOneField(
        Lid, on_delete=models.CASCADE, related_name="urenbudget", verbose_name="lid"
    )
    uren = models.DecimalField(
        "budget in uren",
        max_digits=6,
        decimal_places=1,
        validators=[MinValueValidator(Decimal(0), "Een budget kan niet negatief zijn.")],
    )
    motivatie = models.TextField(
        "motivatie",
        blank=True,
        help_text="Nodig als het budget van de coördinator buiten 300–400 uur ligt.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "urenbudget"
        verbose_name_plural = "urenbudgetten"

    def __str__(self) -> str:
        return f"{self.lid}: {self.uren} uur"

    @property
    def wijkt_af(self) -> bool:
        return budget_wijkt_af(self.lid.rol, self.uren)

    def clean(self) -> None:
        if self.uren is not None and self.lid_id and self.wijkt_af and not self.motivatie.strip():
            raise ValidationError(
                {
                    "uren": "De startnotitie rekent 300 tot 400 uur voor de coördinator. "
                    "Geef een motivatie als het budget daarbuiten ligt."
                }
            )


class Urenregistratie(models.Model):
    lid = models.ForeignKey(
        Lid, on_delete=models.CASCADE, related_name="urenregistraties", verbose_name="lid"
    )
    datum = models.DateField("datum")
    uren = models.DecimalField("uren", max_digits=4, decimal_places=2)
    stap = models.ForeignKey(
        Stap,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="stap",
    )
    omschrijving = models.CharField("omschrijving", max_length=200)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "urenregistratie"
        verbose_name_plural = "urenregistraties"
        ordering = ["-datum", "-pk"]
        # (datum, id): the uren page's newest 50 and the export without a sort (issue 8).
        indexes = [
            models.Index(fields=["lid", "datum"]),
            models.Index(fields=["datum", "id"], name="werkgroep_uren_datum_id_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(uren__gt=0) & Q(uren__lte=MAX_UREN_PER_DAG),
                name="uren_tussen_0_en_24",
                violation_error_message="Vul een aantal uren in van meer dan 0 en hooguit 24.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.lid} {self.datum:%d-%m-%Y}: {self.uren} uur"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.uren is not None:
            if self.uren <= 0:
                errors["uren"] = "Vul een positief aantal uren in."
            elif self.uren > MAX_UREN_PER_DAG:
                errors["uren"] = "Op één dag kunt u hooguit 24 uur schrijven."
        stap = self.stap if self.stap_id else None
        if stap is not None and self.lid_id and stap.plan_id != self.lid.werkgroep.plan_id:
            errors["stap"] = "Deze stap hoort bij een ander plan."
        if errors:
            raise ValidationError(errors)


def nieuw_token() -> str:
    return secrets.token_urlsafe(32)


class Agendafeed(models.Model):
    """A private calendar feed URL of one user. Revoking deletes the row: the URL then 404s.
    The token itself is kept out of the history, so it lives in one place only."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="agendafeed",
        verbose_name="gebruiker",
    )
    token = models.CharField("token", max_length=64, unique=True, default=nieuw_token)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["token"])

    class Meta:
        verbose_name = "agendafeed"
        verbose_name_plural = "agendafeeds"

    def __str__(self) -> str:
        return f"Agendafeed van {self.gebruiker}"

    @property
    def verloopt_op(self) -> dt.datetime:
        """A link stops working after IVP_AGENDAFEED_GELDIG_DAGEN days (settings)."""
        return self.aangemaakt_op + dt.timedelta(days=settings.IVP_AGENDAFEED_GELDIG_DAGEN)

    def is_verlopen(self, nu: dt.datetime) -> bool:
        return nu >= self.verloopt_op
