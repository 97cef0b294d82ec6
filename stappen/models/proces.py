"""The process: steps, documents, decisions and the transition log.

Both state machines are `django_fsm` fields with `protected=True`, so only a transition
changes a state, and `ConcurrentTransitionMixin`, so that of two people pressing the same
button at once exactly one wins. Only the services call the transitions, after checking the
permission and the guards (`stappen.guards`) once; a transition here knows no guard.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django_fsm import ConcurrentTransitionMixin, FSMField, transition
from simple_history.models import HistoricalRecords

from ivp.models import Plan
from stappen.constants import (
    JAARLIJKSE_SOORTEN,
    STAP_ORGAAN,
    BesluitUitkomst,
    BesluitVorm,
    DocumentSoort,
    DocumentStatus,
    Orgaan,
    StapNummer,
    StapStatus,
)


class StatusModel(ConcurrentTransitionMixin, models.Model):
    """A model with a protected `status` state machine.

    `full_clean()` would assign every field back to itself, which a protected state field
    refuses; the state is valid by construction (only transitions set it), so it is skipped.
    """

    class Meta:
        abstract = True

    def clean_fields(self, exclude: Collection[str] | None = None) -> None:
        super().clean_fields(exclude=[*(exclude or []), "status"])


class Stap(StatusModel):
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="stappen", verbose_name="plan"
    )
    nummer = models.PositiveSmallIntegerField("stap", choices=StapNummer.choices)
    status = FSMField(
        "status", default=StapStatus.GEPLAND, choices=StapStatus.choices, protected=True
    )
    gepland_start = models.DateField("geplande start")
    gepland_eind = models.DateField("deadline", help_text="De geplande einddatum van de stap.")
    werkelijk_start = models.DateField("gestart op", null=True, blank=True)
    werkelijk_eind = models.DateField("afgerond op", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "stap"
        verbose_name_plural = "stappen"
        ordering = ["plan", "nummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "nummer"],
                name="stap_uniek_per_plan",
                violation_error_message="Dit plan heeft deze stap al.",
            ),
        ]

    def __str__(self) -> str:
        return f"Stap {self.nummer}: {self.get_nummer_display()}"

    @property
    def orgaan(self) -> str:
        return STAP_ORGAAN[StapNummer(self.nummer)]

    def get_orgaan_display(self) -> str:
        return Orgaan(self.orgaan).label

    def is_te_laat(self, vandaag: dt.date | None = None) -> bool:
        vandaag = vandaag or timezone.localdate()
        return self.status != StapStatus.AFGEROND and self.gepland_eind < vandaag

    def clean(self) -> None:
        errors: dict[str, str] = {}
        plan = self.plan
        if self.gepland_start and self.gepland_eind and self.gepland_eind < self.gepland_start:
            errors["gepland_eind"] = "De deadline ligt vóór de geplande start."
        if self.gepland_start and plan.traject_start and self.gepland_start < plan.traject_start:
            errors["gepland_start"] = (
                f"De stap kan niet beginnen vóór de start van het traject "
                f"({plan.traject_start:%d-%m-%Y})."
            )
        if self.gepland_eind and self.gepland_eind > plan.einde:
            errors["gepland_eind"] = (
                f"De deadline ligt na het einde van de looptijd van het plan "
                f"({plan.einde:%d-%m-%Y})."
            )
        if errors:
            raise ValidationError(errors)

    @transition(
        field=status,
        source=StapStatus.GEPLAND,
        target=StapStatus.ACTIEF,
    )
    def start(self, *, op: dt.date) -> None:
        self.werkelijk_start = op

    @transition(
        field=status,
        source=StapStatus.ACTIEF,
        target=StapStatus.AFGEROND,
    )
    def sluit(self, *, op: dt.date) -> None:
        self.werkelijk_eind = op

    @transition(
        field=status,
        source=StapStatus.AFGEROND,
        target=StapStatus.ACTIEF,
    )
    def heropen(self) -> None:
        self.werkelijk_eind = None


class Document(StatusModel):
    """The product of a step. Its content arrives with the documents issue; here its state.

    A vastgesteld document is frozen: it has no transition out of `vastgesteld`, and the
    services refuse every edit of it.
    """

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="documenten", verbose_name="plan"
    )
    stap = models.ForeignKey(
        Stap, on_delete=models.CASCADE, related_name="documenten", verbose_name="stap"
    )
    soort = models.CharField("soort", max_length=30, choices=DocumentSoort.choices)
    jaar = models.PositiveSmallIntegerField(
        "jaar", null=True, blank=True, help_text="Alleen voor uitvoeringsplan en rapportage."
    )
    titel = models.CharField("titel", max_length=200)
    status = FSMField(
        "status", default=DocumentStatus.CONCEPT, choices=DocumentStatus.choices, protected=True
    )
    bespreking_sluit_op = models.DateField("reactietermijn tot en met", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "document"
        verbose_name_plural = "documenten"
        ordering = ["plan", "stap__nummer", "jaar"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "soort"],
                condition=Q(jaar__isnull=True),
                name="document_uniek_per_plan",
                violation_error_message="Dit plan heeft dit document al.",
            ),
            models.UniqueConstraint(
                fields=["plan", "soort", "jaar"],
                name="document_uniek_per_jaar",
                violation_error_message="Dit plan heeft dit document voor dit jaar al.",
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def is_vastgesteld(self) -> bool:
        return self.status == DocumentStatus.VASTGESTELD

    def clean(self) -> None:
        if self.soort in JAARLIJKSE_SOORTEN and not self.jaar:
            raise ValidationError({"jaar": "Vul het jaar in waarvoor dit document geldt."})
        if self.soort not in JAARLIJKSE_SOORTEN and self.jaar:
            raise ValidationError({"jaar": "Dit document geldt voor de hele planperiode."})

    @transition(
        field=status,
        source=DocumentStatus.CONCEPT,
        target=DocumentStatus.IN_BESPREKING,
    )
    def open_bespreking(self, *, sluit_op: dt.date) -> None:
        self.bespreking_sluit_op = sluit_op

    @transition(
        field=status,
        source=DocumentStatus.IN_BESPREKING,
        target=DocumentStatus.CONCEPT,
    )
    def sluit_bespreking(self) -> None:
        pass

    @transition(
        field=status,
        source=DocumentStatus.CONCEPT,
        target=DocumentStatus.TER_BESLUITVORMING,
    )
    def bied_aan(self) -> None:
        pass

    @transition(
        field=status,
        source=DocumentStatus.TER_BESLUITVORMING,
        target=DocumentStatus.VASTGESTELD,
    )
    def stel_vast(self) -> None:
        pass

    @transition(
        field=status,
        source=DocumentStatus.TER_BESLUITVORMING,
        target=DocumentStatus.CONCEPT,
    )
    def stuur_terug(self) -> None:
        pass


class Besluit(models.Model):
    """A decision of college, raad, driehoek or werkgroep on a document."""

    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="besluiten", verbose_name="document"
    )
    orgaan = models.CharField("besluitvormend orgaan", max_length=20, choices=Orgaan.choices)
    vorm = models.CharField(
        "vorm",
        max_length=30,
        choices=BesluitVorm.choices,
        default=BesluitVorm.BESLUIT,
        help_text="Een besluit, of de raad geïnformeerd met een brief of agendapunt.",
    )
    datum = models.DateField("datum besluit")
    kenmerk = models.CharField(
        "kenmerk", max_length=50, blank=True, help_text="Bijvoorbeeld 2023-RAAD-00012."
    )
    uitkomst = models.CharField("uitkomst", max_length=30, choices=BesluitUitkomst.choices)
    toelichting = models.TextField("toelichting", blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="vastgelegd door",
    )
    vastgelegd_op = models.DateTimeField("vastgelegd op", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "besluit"
        verbose_name_plural = "besluiten"
        ordering = ["datum", "vastgelegd_op"]

    def __str__(self) -> str:
        return f"{self.get_orgaan_display()} {self.datum:%d-%m-%Y}: {self.get_uitkomst_display()}"

    @property
    def is_informatie(self) -> bool:
        """The raad informed (raadsinformatiebrief or agendapunt), not a decision."""
        return self.vorm != BesluitVorm.BESLUIT


class Overgang(models.Model):
    """The transition log: who moved which step or document from where to where, and why."""

    stap = models.ForeignKey(
        Stap, on_delete=models.CASCADE, null=True, blank=True, related_name="overgangen"
    )
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, null=True, blank=True, related_name="overgangen"
    )
    transitie = models.CharField("overgang", max_length=50)
    van = models.CharField("van", max_length=30)
    naar = models.CharField("naar", max_length=30)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="door"
    )
    op = models.DateTimeField("vastgelegd op", default=timezone.now)
    betreft = models.DateField(
        "betreft datum",
        null=True,
        blank=True,
        help_text="De dag waarop het gebeurde (de datum van het besluit), als die afwijkt.",
    )
    toelichting = models.TextField("toelichting", blank=True)

    class Meta:
        verbose_name = "overgang"
        verbose_name_plural = "overgangen"
        ordering = ["-op", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(stap__isnull=False, document__isnull=True)
                | Q(stap__isnull=True, document__isnull=False),
                name="overgang_van_stap_of_document",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.transitie}: {self.van_label} → {self.naar_label}"

    def _label(self, waarde: str) -> str:
        keuzes = StapStatus if self.stap_id else DocumentStatus
        return str(dict(keuzes.choices).get(waarde, waarde)).lower()

    @property
    def van_label(self) -> str:
        return self._label(self.van)

    @property
    def naar_label(self) -> str:
        return self._label(self.naar)
