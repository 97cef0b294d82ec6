"""The stappenplan: six steps per plan, their documents and decisions, and the content that
the step guards read (analysis per veld, the placing of themes, goals).

Both state machines are `django_fsm` fields with `protected=True`, so only a transition
changes a state, and `ConcurrentTransitionMixin`, so that of two people pressing the same
button at once exactly one wins. Only `stappen.services` calls the transitions.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django_fsm import ConcurrentTransitionMixin, FSMField, transition
from simple_history.models import HistoricalRecords

from ivp.models import Plan
from ivp.permissions import mag_plan_regisseren
from stappen.constants import (
    GEWICHT_MAX,
    JAARLIJKSE_SOORTEN,
    SCORE_MAX,
    SCORE_MIN,
    STAP_ORGAAN,
    VERTROUWELIJKE_BRONSOORTEN,
    BesluitUitkomst,
    BronSoort,
    Criterium,
    DocumentSoort,
    DocumentStatus,
    Keuze,
    Orgaan,
    StapNummer,
    StapStatus,
)
from veiligheidsvelden.models import Thema, Veld

# Years a doelstelling may name (nulmeting, streefjaar).
JAAR_MIN = 2000
JAAR_MAX = 2100

if TYPE_CHECKING:
    from stappen.guards import PlanStand


def _regisseur(instance: Stap | Document, user: object) -> bool:
    return mag_plan_regisseren(user, instance.plan)  # type: ignore[arg-type]


def _stap_kan_starten(stap: Stap) -> bool:
    return not stap.startblokkades()


def _stap_kan_sluiten(stap: Stap) -> bool:
    return not stap.sluitblokkades()


class StatusModel(ConcurrentTransitionMixin, models.Model):
    """A model with a protected `status` state machine.

    `full_clean()` would assign every field back to itself, which a protected state field
    refuses; the state is valid by construction (only transitions set it), so it is skipped.
    """

    class Meta:
        abstract = True

    def clean_fields(self, exclude: list[str] | None = None) -> None:
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

    # The guards read a PlanStand: all the plan's content, loaded in a fixed number of
    # queries. A page sets it for all six steps at once (stappen.selectors); a service
    # that transitions one step lets it load here.
    @property
    def stand(self) -> PlanStand:
        stand = getattr(self, "_stand", None)
        if stand is None:
            from stappen.guards import laad_stand

            stand = laad_stand(self.plan)
            self._stand = stand
        return stand

    def startblokkades(self) -> list[str]:
        from stappen.guards import startblokkades

        return startblokkades(self.stand, self)

    def sluitblokkades(self) -> list[str]:
        from stappen.guards import sluitblokkades

        return sluitblokkades(self.stand, self)

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
        conditions=[_stap_kan_starten],
        permission=_regisseur,
        custom={"label": "Start deze stap"},
    )
    def start(self, *, op: dt.date) -> None:
        self.werkelijk_start = op

    @transition(
        field=status,
        source=StapStatus.ACTIEF,
        target=StapStatus.AFGEROND,
        conditions=[_stap_kan_sluiten],
        permission=_regisseur,
        custom={"label": "Rond deze stap af"},
    )
    def sluit(self, *, op: dt.date) -> None:
        self.werkelijk_eind = op

    @transition(
        field=status,
        source=StapStatus.AFGEROND,
        target=StapStatus.ACTIEF,
        permission=_regisseur,
        custom={"label": "Heropen deze stap", "reden_verplicht": True},
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
        permission=_regisseur,
    )
    def open_bespreking(self, *, sluit_op: dt.date) -> None:
        self.bespreking_sluit_op = sluit_op

    @transition(
        field=status,
        source=DocumentStatus.IN_BESPREKING,
        target=DocumentStatus.CONCEPT,
        permission=_regisseur,
    )
    def sluit_bespreking(self) -> None:
        pass

    @transition(
        field=status,
        source=DocumentStatus.CONCEPT,
        target=DocumentStatus.TER_BESLUITVORMING,
        permission=_regisseur,
    )
    def bied_aan(self) -> None:
        pass

    @transition(
        field=status,
        source=DocumentStatus.TER_BESLUITVORMING,
        target=DocumentStatus.VASTGESTELD,
        permission=_regisseur,
    )
    def stel_vast(self) -> None:
        pass

    @transition(
        field=status,
        source=DocumentStatus.TER_BESLUITVORMING,
        target=DocumentStatus.CONCEPT,
        permission=_regisseur,
    )
    def stuur_terug(self) -> None:
        pass


class Besluit(models.Model):
    """A decision of college, raad, driehoek or werkgroep on a document."""

    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="besluiten", verbose_name="document"
    )
    orgaan = models.CharField("besluitvormend orgaan", max_length=20, choices=Orgaan.choices)
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
    op = models.DateTimeField("op", default=timezone.now)
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


class Analyse(models.Model):
    """The veiligheidsanalyse of one veld (or one thema within it) for one plan."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="analyses", verbose_name="plan"
    )
    veld = models.ForeignKey(Veld, on_delete=models.PROTECT, related_name="+", verbose_name="veld")
    thema = models.ForeignKey(
        Thema,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="thema",
        help_text="Leeg voor de analyse van het veld als geheel.",
    )
    problematiek = models.TextField("problematiek", blank=True)
    huidige_aanpak = models.TextField("huidige aanpak", blank=True)
    verbeterpunten = models.TextField("verbeterpunten", blank=True)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="analyses_als_auteur",
        verbose_name="auteur",
        help_text="Het werkgroeplid dat de analyse van dit veld schrijft; leeg: de coördinator.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "analyse"
        verbose_name_plural = "analyses"
        ordering = ["plan", "veld__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "veld"],
                condition=Q(thema__isnull=True),
                name="analyse_uniek_per_veld",
                violation_error_message="Dit veld heeft al een analyse in dit plan.",
            ),
            models.UniqueConstraint(
                fields=["plan", "thema"],
                name="analyse_uniek_per_thema",
                violation_error_message="Dit thema heeft al een analyse in dit plan.",
            ),
        ]

    def __str__(self) -> str:
        return f"Analyse {self.thema or self.veld}"

    @property
    def ontbrekende_blokken(self) -> list[str]:
        blokken = [
            ("problematiek", self.problematiek),
            ("huidige aanpak", self.huidige_aanpak),
            ("verbeterpunten", self.verbeterpunten),
        ]
        return [naam for naam, tekst in blokken if not tekst.strip()]


class Prioritering(models.Model):
    """How the priorities were reached: the raad's opiniërende bijeenkomst and the driehoek."""

    plan = models.OneToOneField(
        Plan, on_delete=models.CASCADE, related_name="prioritering", verbose_name="plan"
    )
    raad_bijeenkomst_op = models.DateField(
        "opiniërende bijeenkomst met de raad op", null=True, blank=True
    )
    raad_bijeenkomst_uitkomst = models.TextField("uitkomst van de bijeenkomst", blank=True)
    raad_niet_geraadpleegd_reden = models.TextField(
        "waarom de raad niet is geraadpleegd", blank=True
    )
    driehoek_op = models.DateField("besproken in de driehoek op", null=True, blank=True)
    driehoek_uitkomst = models.TextField("uitkomst van de driehoek", blank=True)
    motivatie_aantal = models.TextField(
        "motivatie voor meer dan vier prioriteiten",
        blank=True,
        help_text="Pas toe of leg uit: de startnotitie gaat uit van drie à vier prioriteiten.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "prioritering"
        verbose_name_plural = "prioriteringen"

    def __str__(self) -> str:
        return f"Prioritering {self.plan}"


class Plaatsing(models.Model):
    """Where the prioritering places one theme: prioriteit, overig strategisch thema or beheer."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="plaatsingen", verbose_name="plan"
    )
    thema = models.ForeignKey(
        Thema, on_delete=models.PROTECT, related_name="plaatsingen", verbose_name="thema"
    )
    keuze = models.CharField("plaatsing", max_length=20, choices=Keuze.choices)
    motivatie = models.TextField("motivatie", blank=True)
    aanpak = models.TextField(
        "aanpak op hoofdlijnen", blank=True, help_text="Voor prioriteiten, in het IVP."
    )
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)
    # The chapter of a priority in the IVP (domain.md §2.4).
    aanleiding = models.TextField(
        "aanleiding", blank=True, help_text="Kerncijfers en trend uit de analyse: waarom dit thema."
    )
    partners = models.TextField(
        "partners en hun rollen",
        blank=True,
        help_text="Eén partner per regel met zijn rol, bijvoorbeeld: Politie – handhaving.",
    )
    portefeuillehouder = models.CharField(
        "portefeuillehouder", max_length=200, blank=True, help_text="Bijvoorbeeld: burgemeester."
    )
    beleidsdocumenten = models.ManyToManyField(
        "veiligheidsvelden.Beleidsdocument",
        blank=True,
        related_name="prioriteiten",
        verbose_name="flankerend beleid",
    )
    history = HistoricalRecords(m2m_fields=[beleidsdocumenten])

    class Meta:
        verbose_name = "plaatsing van een thema"
        verbose_name_plural = "plaatsingen van thema's"
        ordering = ["plan", "volgorde", "thema__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "thema"],
                name="plaatsing_uniek_per_thema",
                violation_error_message="Dit thema is in dit plan al geplaatst.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.thema.naam}: {self.get_keuze_display()}"


class Doelstelling(models.Model):
    """An effect goal of a priority in the IVP (CCV: strategic, SMART where possible)."""

    plaatsing = models.ForeignKey(
        Plaatsing,
        on_delete=models.CASCADE,
        related_name="doelstellingen",
        verbose_name="prioriteit",
        limit_choices_to={"keuze": Keuze.PRIORITEIT},
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
        verbose_name = "doelstelling"
        verbose_name_plural = "doelstellingen"
        ordering = ["plaatsing", "pk"]

    def __str__(self) -> str:
        return self.tekst[:80]

    def clean(self) -> None:
        if self.plaatsing_id and self.plaatsing.keuze != Keuze.PRIORITEIT:
            raise ValidationError(
                {"plaatsing": "Alleen een prioriteit krijgt doelstellingen in het IVP."}
            )
        errors: dict[str, str] = {}
        for naam in ("nulmeting_jaar", "streefjaar"):
            jaar = getattr(self, naam)
            if jaar is not None and not JAAR_MIN <= jaar <= JAAR_MAX:
                errors[naam] = f"Vul een jaar in tussen {JAAR_MIN} en {JAAR_MAX}."
        if (
            not errors
            and self.nulmeting_jaar
            and self.streefjaar
            and self.streefjaar < self.nulmeting_jaar
        ):
            errors["streefjaar"] = (
                f"Het streefjaar ligt vóór het jaar van de nulmeting ({self.nulmeting_jaar})."
            )
        if self.nulmeting and not self.nulmeting_jaar:
            errors["nulmeting_jaar"] = "Vul het jaar van de nulmeting in."
        if self.streefwaarde and not self.streefjaar:
            errors["streefjaar"] = "Vul het jaar in waarin de streefwaarde bereikt moet zijn."
        if errors:
            raise ValidationError(errors)


# --- Structured content of steps 2–4 (issue 3): sources, scores and weights ---------------


class Bron(models.Model):
    """A source named in one analysis. An ondermijningsbeeld is confidential by nature."""

    analyse = models.ForeignKey(
        Analyse, on_delete=models.CASCADE, related_name="bronnen", verbose_name="analyse"
    )
    soort = models.CharField("soort bron", max_length=30, choices=BronSoort.choices)
    titel = models.CharField("titel", max_length=200)
    vindplaats = models.URLField("link", blank=True, max_length=500)
    periode = models.CharField(
        "periode", max_length=50, blank=True, help_text="Bijvoorbeeld 2019–2022 of peiljaar 2021."
    )
    vertrouwelijk = models.BooleanField(
        "vertrouwelijk",
        default=False,
        help_text="Niet zichtbaar voor de griffie en lezers, nooit in een openbare PDF. "
        "Een ondermijningsbeeld is altijd vertrouwelijk.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "bron"
        verbose_name_plural = "bronnen"
        ordering = ["analyse", "soort", "titel", "pk"]

    def __str__(self) -> str:
        return self.titel

    def clean(self) -> None:
        if self.soort in VERTROUWELIJKE_BRONSOORTEN:
            self.vertrouwelijk = True


class Weging(models.Model):
    """The weight of one criterion in a plan's scoring matrix (0 leaves it out)."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="wegingen", verbose_name="plan"
    )
    criterium = models.CharField("criterium", max_length=30, choices=Criterium.choices)
    gewicht = models.PositiveSmallIntegerField("gewicht")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "weging"
        verbose_name_plural = "wegingen"
        ordering = ["plan", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "criterium"],
                name="weging_uniek_per_criterium",
                violation_error_message="Dit criterium heeft in dit plan al een gewicht.",
            ),
            models.CheckConstraint(
                condition=Q(gewicht__lte=GEWICHT_MAX),
                name="weging_gewicht_max",
                violation_error_message=f"Een gewicht is hoogstens {GEWICHT_MAX}.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_criterium_display()}: {self.gewicht}"


class Score(models.Model):
    """The score (1–5) of one candidate theme on one criterion."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="scores", verbose_name="plan"
    )
    thema = models.ForeignKey(
        Thema, on_delete=models.PROTECT, related_name="scores", verbose_name="thema"
    )
    criterium = models.CharField("criterium", max_length=30, choices=Criterium.choices)
    waarde = models.PositiveSmallIntegerField("score")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "score"
        verbose_name_plural = "scores"
        ordering = ["plan", "thema__code", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "thema", "criterium"],
                name="score_uniek_per_thema_criterium",
                violation_error_message="Dit thema heeft op dit criterium al een score.",
            ),
            models.CheckConstraint(
                condition=Q(waarde__gte=SCORE_MIN, waarde__lte=SCORE_MAX),
                name="score_van_1_tot_5",
                violation_error_message=f"Een score is {SCORE_MIN} tot en met {SCORE_MAX}.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.thema}: {self.get_criterium_display()} {self.waarde}"


# The documents' chapters, versions, review rounds and comments live in their own module.
from stappen.models_documenten import (  # noqa: E402
    Bespreking,
    Hoofdstuk,
    Melding,
    Opmerking,
    Versie,
)

__all__ = [
    "Analyse",
    "Besluit",
    "Bespreking",
    "Bron",
    "Document",
    "Doelstelling",
    "Hoofdstuk",
    "Melding",
    "Opmerking",
    "Overgang",
    "Plaatsing",
    "Prioritering",
    "Score",
    "Stap",
    "StatusModel",
    "Versie",
    "Weging",
]
