"""The content of steps 2–4 that the guards and the documents read: the analysis per veld
and thema with its sources, the prioritering (consultations, weights, scores, the placing of
every hoofdthema) and the doelstellingen per priority.
"""

from __future__ import annotations

from typing import Any, Protocol

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from ivp.models import Plan
from ivp.versies import Versiebeheerd
from stappen.constants import (
    GEWICHT_MAX,
    SCORE_MAX,
    SCORE_MIN,
    VERTROUWELIJKE_BRONSOORTEN,
    BronSoort,
    Criterium,
    Keuze,
)
from veiligheidsvelden.models import Thema, Veld

# Years a doelstelling may name (nulmeting, streefjaar).
JAAR_MIN = 2000
JAAR_MAX = 2100


class Analyse(Versiebeheerd):
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
    vertrouwelijk = models.BooleanField(
        "vertrouwelijk",
        default=False,
        help_text="Niet in de openbare PDF: daar staat alleen dat dit deel is weggelaten en "
        "waarom.",
    )
    vertrouwelijk_reden = models.CharField(
        "reden van vertrouwelijkheid", max_length=300, blank=True
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

    def clean(self) -> None:
        if self.vertrouwelijk and not self.vertrouwelijk_reden.strip():
            raise ValidationError(
                {"vertrouwelijk_reden": "Vul in waarom deze analyse vertrouwelijk is."}
            )

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
    driehoek_kenmerk = models.CharField(
        "kenmerk driehoeksoverleg",
        max_length=50,
        blank=True,
        help_text="Het kenmerk van het verslag of de besluitenlijst van de driehoek.",
    )
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


class Plaatsing(Versiebeheerd):
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


class Meetbaar(Protocol):
    """What a doelstelling measures by: the plan's and the region's."""

    nulmeting: str
    nulmeting_jaar: int | None
    streefwaarde: str
    streefjaar: int | None


def vereis_meetbaar(doelstelling: Meetbaar) -> None:
    """The checks of a doelstelling's nulmeting and streefwaarde (years in range, the target
    not before the baseline, a value with its year), for the plan's doelstellingen and the
    region's (`regio.Regiodoelstelling`) alike."""
    d = doelstelling
    errors: dict[str, str] = {}
    for naam in ("nulmeting_jaar", "streefjaar"):
        jaar = getattr(d, naam)
        if jaar is not None and not JAAR_MIN <= jaar <= JAAR_MAX:
            errors[naam] = f"Vul een jaar in tussen {JAAR_MIN} en {JAAR_MAX}."
    if not errors and d.nulmeting_jaar and d.streefjaar and d.streefjaar < d.nulmeting_jaar:
        errors["streefjaar"] = (
            f"Het streefjaar ligt vóór het jaar van de nulmeting ({d.nulmeting_jaar})."
        )
    if d.nulmeting and not d.nulmeting_jaar:
        errors["nulmeting_jaar"] = "Vul het jaar van de nulmeting in."
    if d.streefwaarde and not d.streefjaar:
        errors["streefjaar"] = "Vul het jaar in waarin de streefwaarde bereikt moet zijn."
    if errors:
        raise ValidationError(errors)


class Doelstelling(Versiebeheerd):
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
    meetindicator = models.ForeignKey(
        "veiligheidsvelden.Indicator",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="doelstellingen",
        verbose_name="gemeten met",
        help_text="De indicator waarvan de metingen deze doelstelling volgen.",
    )
    beleidsdocumenten = models.ManyToManyField(
        "veiligheidsvelden.Beleidsdocument",
        blank=True,
        related_name="doelstellingen",
        verbose_name="flankerend beleid",
        help_text="Het beleid van de gemeente dat aan deze doelstelling bijdraagt.",
    )
    history = HistoricalRecords(m2m_fields=[beleidsdocumenten])

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
        vereis_meetbaar(self)


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
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(soort__in=sorted(VERTROUWELIJKE_BRONSOORTEN))
                | models.Q(vertrouwelijk=True),
                name="bron_ondermijningsbeeld_vertrouwelijk",
                violation_error_message="Een ondermijningsbeeld is altijd vertrouwelijk.",
            )
        ]

    def __str__(self) -> str:
        return self.titel

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Also without full_clean() (a script, the admin's bulk edit): an ondermijningsbeeld
        # is always confidential; the database constraint holds it as well.
        if self.soort in VERTROUWELIJKE_BRONSOORTEN:
            self.vertrouwelijk = True
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "vertrouwelijk"}
        super().save(*args, **kwargs)

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
