"""The writing of documents: chapters, frozen versions, review rounds and comments."""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from stappen.constants import OpmerkingUitkomst
from stappen.models.proces import Document

# Chapter text and comments have a maximum length, so nobody pastes a book by accident.
MAX_HOOFDSTUK_TEKENS = 50_000
MAX_OPMERKING_TEKENS = 5_000
MAX_CITAAT_TEKENS = 1_000


class Hoofdstuk(models.Model):
    """A narrative chapter of a document, in Markdown.

    `versie` counts the saves of this chapter: a save names the `versie` it started from and
    is refused when someone saved in between (optimistic locking, no lost update).
    """

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="hoofdstukken", verbose_name="document"
    )
    sleutel = models.SlugField("sleutel", max_length=80, help_text="Verandert nooit.")
    titel = models.CharField("titel", max_length=200)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)
    tekst = models.TextField("tekst", blank=True, max_length=MAX_HOOFDSTUK_TEKENS)
    versie = models.PositiveIntegerField("versie", default=1)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hoofdstukken",
        verbose_name="auteur",
        help_text="Het werkgroeplid dat dit hoofdstuk schrijft; leeg: de coördinator.",
    )
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="laatst gewijzigd door",
    )
    gewijzigd_op = models.DateTimeField("laatst gewijzigd op", null=True, blank=True)
    vertrouwelijk = models.BooleanField(
        "vertrouwelijk",
        default=False,
        help_text="Niet in de openbare PDF: daar staat alleen dat het hoofdstuk is weggelaten "
        "en waarom.",
    )
    vertrouwelijk_reden = models.CharField(
        "reden van vertrouwelijkheid",
        max_length=300,
        blank=True,
        help_text="Staat in de openbare PDF op de plaats van het hoofdstuk.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "hoofdstuk"
        verbose_name_plural = "hoofdstukken"
        ordering = ["document", "volgorde", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "sleutel"],
                name="hoofdstuk_uniek_per_document",
                violation_error_message="Dit document heeft al een hoofdstuk met deze sleutel.",
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    def clean(self) -> None:
        if self.vertrouwelijk and not self.vertrouwelijk_reden.strip():
            raise ValidationError(
                {"vertrouwelijk_reden": "Vul in waarom dit hoofdstuk vertrouwelijk is."}
            )


class Versie(models.Model):
    """An immutable, numbered snapshot of a document's sections (`stappen.inhoud`).

    `inhoud` is a list of `stappen.secties.Sectie`: `{"sleutel", "titel", "tekst"}`, and for
    confidential content `"vertrouwelijk"` (the reason: the whole section) or `"besloten"`
    (parts only the closed PDF shows); see docs/pdf.md. A saved version never changes and is
    never deleted: `save()` refuses an update and `delete()` refuses always.
    """

    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="versies", verbose_name="document"
    )
    hoofd = models.PositiveSmallIntegerField("hoofdnummer")
    sub = models.PositiveSmallIntegerField("subnummer")
    inhoud = models.JSONField("inhoud", default=list)
    aanleiding = models.CharField("aanleiding", max_length=200, blank=True)
    motivatie = models.TextField(
        "motivatie bij open punten",
        blank=True,
        help_text="Waarom het document met open punten ter besluitvorming ging (pas toe of "
        "leg uit).",
    )
    gemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="gemaakt door",
    )
    gemaakt_op = models.DateTimeField("gemaakt op", default=timezone.now)

    class Meta:
        verbose_name = "versie"
        verbose_name_plural = "versies"
        ordering = ["document", "hoofd", "sub"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "hoofd", "sub"],
                name="versie_uniek_per_document",
                violation_error_message="Dit document heeft deze versie al.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} versie {self.nummer}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None or kwargs.get("force_update"):
            raise ValidationError("Een versie is een vaste momentopname en verandert niet.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise ValidationError("Een versie wordt nooit verwijderd.")

    @property
    def nummer(self) -> str:
        return f"{self.hoofd}.{self.sub}"

    def sectie(self, sleutel: str) -> dict | None:
        return next((s for s in self.inhoud if s.get("sleutel") == sleutel), None)


class Bespreking(models.Model):
    """A review round of the werkgroep on one version of a document."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="besprekingen", verbose_name="document"
    )
    versie = models.ForeignKey(
        Versie, on_delete=models.PROTECT, related_name="besprekingen", verbose_name="versie"
    )
    bericht = models.TextField("bericht aan de werkgroep", blank=True, max_length=2000)
    sluit_op = models.DateField("reactietermijn tot en met")
    geopend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    geopend_op = models.DateTimeField("geopend op", default=timezone.now)
    gesloten_op = models.DateTimeField("gesloten op", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "bespreking"
        verbose_name_plural = "besprekingen"
        ordering = ["document", "-geopend_op", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["document"],
                condition=Q(gesloten_op__isnull=True),
                name="een_open_bespreking_per_document",
                violation_error_message="Dit document heeft al een open bespreking.",
            ),
        ]

    def __str__(self) -> str:
        return f"Bespreking van {self.versie}"

    @property
    def is_open(self) -> bool:
        return self.gesloten_op is None


class Opmerking(models.Model):
    """A comment on one section of one version, optionally on a quoted passage; a reply has
    `antwoord_op`. Only a thread's first comment is resolved and gets an outcome."""

    versie = models.ForeignKey(
        Versie, on_delete=models.PROTECT, related_name="opmerkingen", verbose_name="versie"
    )
    sectie = models.CharField("hoofdstuk", max_length=80)
    citaat = models.TextField("passage", blank=True, max_length=MAX_CITAAT_TEKENS)
    tekst = models.TextField("opmerking", max_length=MAX_OPMERKING_TEKENS)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="opmerkingen",
        verbose_name="auteur",
    )
    geplaatst_op = models.DateTimeField("geplaatst op", default=timezone.now)
    antwoord_op = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="antwoorden",
        verbose_name="antwoord op",
    )
    genoemd = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name="genoemd"
    )
    opgelost_op = models.DateTimeField("opgelost op", null=True, blank=True)
    opgelost_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    uitkomst = models.CharField(
        "verwerking", max_length=20, choices=OpmerkingUitkomst.choices, blank=True
    )
    uitkomst_reden = models.TextField("toelichting op de verwerking", blank=True, max_length=2000)
    history = HistoricalRecords(excluded_fields=["genoemd"])

    class Meta:
        verbose_name = "opmerking"
        verbose_name_plural = "opmerkingen"
        ordering = ["geplaatst_op", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(antwoord_op__isnull=True) | Q(uitkomst=""),
                name="alleen_draad_krijgt_uitkomst",
            ),
        ]

    def __str__(self) -> str:
        return self.tekst[:80]

    @property
    def is_opgelost(self) -> bool:
        return self.opgelost_op is not None
