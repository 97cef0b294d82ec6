"""The yearly uitvoeringsplan: its activities (instrumenten, maatregelen, projecten) and their
progress per quarter.

An `Uitvoeringsplan` is one year of one plan, tied to the stappen `Document` of that year
(soort uitvoeringsplan), which carries the lifecycle: the college adopts it, the raad receives
it ter informatie, and once vastgesteld its activities are frozen (the services refuse every
change; progress is still recorded, it is the monitoring of the adopted plan).

An activity is local (it belongs to one member's `Uitvoeringsplan`) or regional (it belongs
to a `Regio` and a year: one row for the region, shown in the plan of every member that took
its shared priority, its progress entered once; docs/uitvoering.md "Regionale activiteiten").
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from ivp.models import Plan, Regio
from regio.models import Regiodoelstelling
from stappen.constants import DocumentSoort, Keuze
from stappen.models import JAAR_MAX, JAAR_MIN, Document, Doelstelling, Plaatsing
from uitvoering.constants import (
    KWARTAAL_KEUZES,
    OVERSCHRIJDING,
    ActiviteitSoort,
    ActiviteitStatus,
    VoortgangStatus,
    kwartaal_van,
)
from werkgroep.models import Lid

NUL = Decimal(0)


class Uitvoeringsplan(models.Model):
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="uitvoeringsplannen", verbose_name="plan"
    )
    jaar = models.PositiveSmallIntegerField("jaar")
    document = models.OneToOneField(
        Document,
        on_delete=models.PROTECT,
        related_name="uitvoeringsplan",
        verbose_name="document",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "uitvoeringsplan"
        verbose_name_plural = "uitvoeringsplannen"
        ordering = ["plan", "jaar"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "jaar"],
                name="uitvoeringsplan_uniek_per_jaar",
                violation_error_message="Dit plan heeft voor dit jaar al een uitvoeringsplan.",
            ),
        ]

    def __str__(self) -> str:
        return f"Uitvoeringsplan {self.jaar}"

    @property
    def is_eerste(self) -> bool:
        """The first year's plan: step 5's product, written beside the IVP."""
        return self.jaar == self.plan.periode_start.year

    def clean(self) -> None:
        document = self.document
        if (
            document.soort != DocumentSoort.UITVOERINGSPLAN
            or document.jaar != self.jaar
            or document.plan_id != self.plan_id
        ):
            raise ValidationError(
                {"document": "Kies het uitvoeringsplan van dit plan en van dit jaar."}
            )


class Activiteit(models.Model):
    """One instrument, maatregel or project: what it contributes to, its result, who, when and
    at what cost.

    Local: `uitvoeringsplan` is set (and `regio`, `jaar` are empty). Regional: `regio` and
    `jaar` are set instead, it contributes (optionally) to a `regiodoelstelling` of a shared
    priority instead of a member's doelstelling, and its trekker is a partner organisation or
    a person (`trekker_gebruiker`, who need not hold a role in any member gemeente); it never
    has a werkgroep trekker, a beheer theme or a predecessor (each member's werkgroep and
    next year belong to that member)."""

    uitvoeringsplan = models.ForeignKey(
        Uitvoeringsplan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="activiteiten",
        verbose_name="uitvoeringsplan",
    )
    regio = models.ForeignKey(
        Regio,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activiteiten",
        verbose_name="regio",
        help_text="Een regionale activiteit: één voor de hele regio.",
    )
    jaar = models.PositiveSmallIntegerField(
        "jaar", null=True, blank=True, help_text="Het jaar van een regionale activiteit."
    )
    regiodoelstelling = models.ForeignKey(
        Regiodoelstelling,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activiteiten",
        verbose_name="draagt bij aan bovenlokale doelstelling",
    )
    titel = models.CharField("activiteit", max_length=200)
    soort = models.CharField(
        "soort", max_length=20, choices=ActiviteitSoort.choices, default=ActiviteitSoort.MAATREGEL
    )
    omschrijving = models.TextField("omschrijving", blank=True)
    # SET_NULL: a doelstelling removed from the IVP in concept leaves its activities untied;
    # the step-5 check and the chain page name them until they are tied again.
    doelstelling = models.ForeignKey(
        Doelstelling,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activiteiten",
        verbose_name="draagt bij aan doelstelling",
    )
    beheer_thema = models.ForeignKey(
        Plaatsing,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activiteiten",
        verbose_name="of: regulier thema (beheer)",
        limit_choices_to={"keuze": Keuze.BEHEER},
    )
    resultaat = models.CharField("beoogd resultaat", max_length=300, blank=True)
    resultaat_aantal = models.DecimalField(
        "aantal", max_digits=12, decimal_places=2, null=True, blank=True
    )
    resultaat_eenheid = models.CharField("eenheid", max_length=60, blank=True)
    trekker = models.ForeignKey(
        Lid,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activiteiten",
        verbose_name="trekker (werkgroeplid)",
    )
    trekker_organisatie = models.CharField(
        "of: trekker (partnerorganisatie)", max_length=150, blank=True
    )
    trekker_gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="regionale_activiteiten",
        verbose_name="trekker (persoon)",
        help_text="De trekker van een regionale activiteit; legt haar voortgang vast.",
    )
    partners = models.TextField("betrokken partners", blank=True, help_text="Eén per regel.")
    start = models.DateField("start")
    eind = models.DateField("eind")
    begroot = models.DecimalField("begroot (€)", max_digits=12, decimal_places=2, default=NUL)
    besteed = models.DecimalField("besteed (€)", max_digits=12, decimal_places=2, default=NUL)
    dekking = models.CharField(
        "dekking", max_length=200, blank=True, help_text="Begrotingspost of partner."
    )
    status = models.CharField(
        "status", max_length=20, choices=ActiviteitStatus.choices, default=ActiviteitStatus.GEPLAND
    )
    voortgezet_uit = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="voortzettingen",
        verbose_name="voortgezet uit",
        help_text="De activiteit van vorig jaar die hier doorloopt.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "activiteit"
        verbose_name_plural = "activiteiten"
        ordering = ["uitvoeringsplan", "start", "titel", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(doelstelling__isnull=True) | Q(beheer_thema__isnull=True),
                name="activiteit_doelstelling_of_beheer",
                violation_error_message="Kies de doelstelling óf het reguliere thema.",
            ),
            models.CheckConstraint(
                condition=Q(eind__gte=F("start")),
                name="activiteit_eind_na_start",
                violation_error_message="Het eind ligt vóór de start.",
            ),
            models.CheckConstraint(
                condition=Q(begroot__gte=0, besteed__gte=0),
                name="activiteit_budget_niet_negatief",
                violation_error_message="Een bedrag is niet negatief.",
            ),
            models.CheckConstraint(
                condition=Q(trekker__isnull=True) | Q(trekker_organisatie=""),
                name="activiteit_een_trekker",
                violation_error_message="Kies een werkgroeplid óf een partnerorganisatie.",
            ),
            models.CheckConstraint(
                condition=(
                    Q(uitvoeringsplan__isnull=False, regio__isnull=True, jaar__isnull=True)
                    | Q(uitvoeringsplan__isnull=True, regio__isnull=False, jaar__isnull=False)
                ),
                name="activiteit_lokaal_of_regionaal",
                violation_error_message=(
                    "Een activiteit hoort bij één uitvoeringsplan óf bij een regio en een jaar."
                ),
            ),
            models.CheckConstraint(
                condition=Q(regio__isnull=True)
                | Q(
                    doelstelling__isnull=True,
                    beheer_thema__isnull=True,
                    trekker__isnull=True,
                    voortgezet_uit__isnull=True,
                ),
                name="activiteit_regionaal_zonder_lokale_koppeling",
                violation_error_message=(
                    "Een regionale activiteit draagt bij aan een bovenlokale doelstelling en "
                    "heeft geen lokale doelstelling, thema of werkgroeplid."
                ),
            ),
            models.CheckConstraint(
                condition=Q(regio__isnull=False)
                | Q(regiodoelstelling__isnull=True, trekker_gebruiker__isnull=True),
                name="activiteit_lokaal_zonder_regionale_koppeling",
                violation_error_message=(
                    "Alleen een regionale activiteit draagt bij aan een bovenlokale doelstelling "
                    "of heeft een persoon als trekker."
                ),
            ),
            models.CheckConstraint(
                condition=Q(trekker_gebruiker__isnull=True) | Q(trekker_organisatie=""),
                name="activiteit_een_regionale_trekker",
                violation_error_message="Kies een persoon óf een partnerorganisatie.",
            ),
            models.UniqueConstraint(
                fields=["uitvoeringsplan", "voortgezet_uit"],
                condition=Q(voortgezet_uit__isnull=False),
                name="activiteit_eenmaal_voortgezet",
                violation_error_message="Deze activiteit is dit jaar al voortgezet.",
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def is_regionaal(self) -> bool:
        return self.regio_id is not None

    @property
    def plan_jaar(self) -> int:
        """The year it is planned in: its uitvoeringsplan's, or (regional) its own."""
        if self.uitvoeringsplan is not None:
            return self.uitvoeringsplan.jaar
        return self.jaar or 0

    @property
    def is_gekoppeld(self) -> bool:
        return (
            self.doelstelling_id is not None
            or self.beheer_thema_id is not None
            or self.regiodoelstelling_id is not None
        )

    @property
    def trekker_naam(self) -> str:
        if self.trekker_id and self.trekker is not None:
            return self.trekker.weergavenaam
        if self.trekker_gebruiker_id and self.trekker_gebruiker is not None:
            return self.trekker_gebruiker.get_full_name() or self.trekker_gebruiker.username
        return self.trekker_organisatie

    @property
    def kwartalen(self) -> range:
        return range(kwartaal_van(self.start), kwartaal_van(self.eind) + 1)

    @property
    def planning_tekst(self) -> str:
        van, tot = kwartaal_van(self.start), kwartaal_van(self.eind)
        return f"K{van}" if van == tot else f"K{van}–K{tot}"

    @property
    def boven_budget(self) -> bool:
        """Spending far above the budget: allowed, flagged on the page."""
        if self.besteed <= NUL:
            return False
        return self.begroot <= NUL or self.besteed > self.begroot * OVERSCHRIJDING

    @property
    def partnerlijst(self) -> list[str]:
        return [p.strip() for p in self.partners.splitlines() if p.strip()]

    def clean(self) -> None:
        errors: dict[str, str] = {}
        plan = self.uitvoeringsplan.plan if self.uitvoeringsplan is not None else None
        if self.regio_id is not None:
            self._clean_regionaal(errors)
        elif self.doelstelling_id is None and self.beheer_thema_id is None:
            errors["doelstelling"] = (
                "Kies de doelstelling waaraan deze activiteit bijdraagt, of het reguliere "
                "thema (beheer) waaronder zij valt."
            )
        elif self.doelstelling_id is not None and self.beheer_thema_id is not None:
            errors["beheer_thema"] = (
                "Een activiteit draagt bij aan een doelstelling óf valt onder een regulier "
                "thema; kies er één."
            )
        if plan is not None:
            if self.doelstelling is not None and self.doelstelling.plaatsing.plan_id != plan.pk:
                errors["doelstelling"] = "Deze doelstelling hoort niet bij dit plan."
            if self.beheer_thema is not None and (
                self.beheer_thema.plan_id != plan.pk or self.beheer_thema.keuze != Keuze.BEHEER
            ):
                errors["beheer_thema"] = "Kies een thema dat in dit plan op beheerniveau staat."
            if self.trekker is not None and self.trekker.werkgroep.plan_id != plan.pk:
                errors["trekker"] = "Deze persoon is geen lid van de werkgroep van dit plan."
        if self.regio_id is None and self.regiodoelstelling_id is not None:
            errors["regiodoelstelling"] = (
                "Alleen een regionale activiteit draagt bij aan een bovenlokale doelstelling."
            )
        if self.trekker_id is not None and self.trekker_organisatie.strip():
            errors["trekker_organisatie"] = (
                "Kies als trekker een werkgroeplid óf een partnerorganisatie, niet beide."
            )
        if self.start and self.eind and self.eind < self.start:
            errors["eind"] = "Het eind ligt vóór de start."
        jaar = self.plan_jaar
        if jaar:
            for naam in ("start", "eind"):
                datum = getattr(self, naam)
                if datum and datum.year != jaar and naam not in errors:
                    errors[naam] = (
                        f"De planning valt buiten het jaar van dit uitvoeringsplan ({jaar})."
                    )
        for naam in ("begroot", "besteed"):
            waarde = getattr(self, naam)
            if waarde is not None and waarde < 0:
                errors[naam] = "Vul een bedrag van 0 of meer in."
        if errors:
            raise ValidationError(errors)

    def _clean_regionaal(self, errors: dict[str, str]) -> None:
        if self.jaar is None or not JAAR_MIN <= self.jaar <= JAAR_MAX:
            errors["jaar"] = f"Vul een jaar in tussen {JAAR_MIN} en {JAAR_MAX}."
        if self.regiodoelstelling is not None and self.regiodoelstelling.deel.regio_id != (
            self.regio_id
        ):
            errors["regiodoelstelling"] = "Deze doelstelling hoort niet bij deze regio."
        for naam in ("doelstelling", "beheer_thema", "trekker", "voortgezet_uit"):
            if getattr(self, f"{naam}_id") is not None:
                errors[naam] = (
                    "Een regionale activiteit heeft geen lokale doelstelling, thema, "
                    "werkgroeplid of voorganger."
                )
        if self.trekker_gebruiker_id is not None and self.trekker_organisatie.strip():
            errors["trekker_organisatie"] = (
                "Kies als trekker een persoon óf een partnerorganisatie, niet beide."
            )


class Voortgang(models.Model):
    """The progress of one activity in one quarter, by its trekker or the coordinator."""

    activiteit = models.ForeignKey(
        Activiteit, on_delete=models.CASCADE, related_name="voortgang", verbose_name="activiteit"
    )
    kwartaal = models.PositiveSmallIntegerField("kwartaal", choices=KWARTAAL_KEUZES)
    status = models.CharField("voortgang", max_length=20, choices=VoortgangStatus.choices)
    toelichting = models.TextField("toelichting", blank=True, max_length=2000)
    besteed = models.DecimalField(
        "besteed tot nu toe (€)", max_digits=12, decimal_places=2, default=NUL
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="door"
    )
    op = models.DateTimeField("vastgelegd op", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "voortgang"
        verbose_name_plural = "voortgang"
        ordering = ["activiteit", "kwartaal"]
        constraints = [
            models.UniqueConstraint(
                fields=["activiteit", "kwartaal"],
                name="voortgang_uniek_per_kwartaal",
                violation_error_message="Deze activiteit heeft voor dit kwartaal al voortgang.",
            ),
            models.CheckConstraint(
                condition=Q(kwartaal__gte=1, kwartaal__lte=4),
                name="voortgang_kwartaal_1_tot_4",
                violation_error_message="Een kwartaal is 1 tot en met 4.",
            ),
            models.CheckConstraint(
                condition=Q(besteed__gte=0),
                name="voortgang_besteed_niet_negatief",
                violation_error_message="Een bedrag is niet negatief.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activiteit} K{self.kwartaal}: {self.get_status_display()}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.besteed is not None and self.besteed < 0:
            errors["besteed"] = "Vul een bedrag van 0 of meer in."
        if self.status in (VoortgangStatus.AANDACHT, VoortgangStatus.ACHTER) and not (
            self.toelichting.strip()
        ):
            errors["toelichting"] = (
                "Licht toe waarom deze activiteit aandacht vraagt of achterloopt."
            )
        if errors:
            raise ValidationError(errors)
