"""The stukken for college and raad: the voorstel that precedes a version, and its PDF
renderings (public and closed). See docs/pdf.md."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import Storage, storages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from stappen.constants import STUK_ORGANEN, Orgaan, WeergaveSoort, WeergaveStatus
from stappen.models.documenten import Versie

MAX_VOORSTEL_TEKENS = 20_000


def prive_opslag() -> Storage:
    """The private storage of rendered PDFs (`STORAGES["prive"]`): never served by the web
    server, only through the download view that checks the permission."""
    return storages["prive"]


_ORGAAN_KEUZES = [(o.value, o.label) for o in STUK_ORGANEN]


class Voorstel(models.Model):
    """The college- or raadsvoorstel for one version of a document (domain.md §5.1): the first
    pages of its PDF. The coordinator writes it; a rendering copies it when it is asked for,
    so a later edit never changes a PDF that exists."""

    versie = models.ForeignKey(
        Versie, on_delete=models.PROTECT, related_name="voorstellen", verbose_name="versie"
    )
    orgaan = models.CharField("voor", max_length=20, choices=_ORGAAN_KEUZES)
    onderwerp = models.CharField("onderwerp", max_length=200)
    voorstelnummer = models.CharField(
        "voorstelnummer", max_length=50, blank=True, help_text="Bijvoorbeeld 2026-RAAD-00012."
    )
    zaaknummer = models.CharField("zaaknummer", max_length=50, blank=True)
    portefeuillehouder = models.CharField(
        "portefeuillehouder", max_length=200, help_text="Bijvoorbeeld: burgemeester J. Jansen."
    )
    vergaderdatum = models.DateField(
        "datum vergadering", null=True, blank=True, help_text="De vergadering die besluit."
    )
    beslispunten = models.TextField(
        "beslispunten",
        max_length=MAX_VOORSTEL_TEKENS,
        help_text="Eén beslispunt per regel; elk punt is op zichzelf leesbaar.",
    )
    inleiding = models.TextField("inleiding", blank=True, max_length=MAX_VOORSTEL_TEKENS)
    beoogd_effect = models.TextField("beoogd effect", blank=True, max_length=MAX_VOORSTEL_TEKENS)
    argumenten = models.TextField("argumenten", blank=True, max_length=MAX_VOORSTEL_TEKENS)
    kanttekeningen = models.TextField(
        "kanttekeningen en risico's", blank=True, max_length=MAX_VOORSTEL_TEKENS
    )
    alternatieven = models.TextField("alternatieven", blank=True, max_length=MAX_VOORSTEL_TEKENS)
    financien = models.TextField("financiën", blank=True, max_length=MAX_VOORSTEL_TEKENS)
    communicatie = models.TextField(
        "communicatie en participatie", blank=True, max_length=MAX_VOORSTEL_TEKENS
    )
    vervolg = models.TextField("uitvoering en vervolg", blank=True, max_length=MAX_VOORSTEL_TEKENS)
    bijlagen = models.TextField(
        "overige bijlagen",
        blank=True,
        max_length=MAX_VOORSTEL_TEKENS,
        help_text="Eén bijlage per regel, naast de bijlagen die de PDF zelf meeneemt.",
    )
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    gewijzigd_op = models.DateTimeField("gewijzigd op", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "voorstel"
        verbose_name_plural = "voorstellen"
        ordering = ["versie", "orgaan"]
        constraints = [
            models.UniqueConstraint(
                fields=["versie", "orgaan"],
                name="voorstel_uniek_per_versie_orgaan",
                violation_error_message="Deze versie heeft al een voorstel voor dit orgaan.",
            ),
        ]

    def __str__(self) -> str:
        return self.onderwerp

    @property
    def is_raadsvoorstel(self) -> bool:
        return self.orgaan == Orgaan.RAAD

    @property
    def beslispunten_lijst(self) -> list[str]:
        return [r.strip() for r in self.beslispunten.splitlines() if r.strip()]

    def clean(self) -> None:
        if self.beslispunten and not self.beslispunten_lijst:
            raise ValidationError({"beslispunten": "Vul ten minste één beslispunt in."})


class Weergave(models.Model):
    """One PDF rendering of a version for a body, public or closed.

    `gegevens` is what the rendering reads besides the version's snapshot (`Versie.inhoud`):
    the voorstel and the bijlagen as they were when it was asked for (docs/pdf.md). The file
    is written once, under a new name, with its SHA-256; it is never replaced. A new
    rendering is a new row.
    """

    versie = models.ForeignKey(
        Versie, on_delete=models.PROTECT, related_name="weergaven", verbose_name="versie"
    )
    orgaan = models.CharField("voor", max_length=20, choices=_ORGAAN_KEUZES)
    soort = models.CharField("soort", max_length=20, choices=WeergaveSoort.choices)
    status = models.CharField(
        "status", max_length=20, choices=WeergaveStatus.choices, default=WeergaveStatus.WACHTRIJ
    )
    gegevens = models.JSONField("gegevens", default=dict)
    bestand = models.FileField("bestand", storage=prive_opslag, upload_to="pdf/", blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    paginas = models.PositiveIntegerField("pagina's", null=True, blank=True)
    grootte = models.PositiveIntegerField("grootte in bytes", null=True, blank=True)
    fout = models.TextField("fout", blank=True)
    pogingen = models.PositiveSmallIntegerField("pogingen", default=0)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="aangevraagd door",
    )
    aangevraagd_op = models.DateTimeField("aangevraagd op", default=timezone.now)
    begonnen_op = models.DateTimeField("begonnen op", null=True, blank=True)
    klaar_op = models.DateTimeField("klaar op", null=True, blank=True)
    vrijgegeven_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="vrijgegeven aan de raad door",
    )
    vrijgegeven_op = models.DateTimeField("vrijgegeven aan de raad op", null=True, blank=True)

    class Meta:
        verbose_name = "PDF-weergave"
        verbose_name_plural = "PDF-weergaven"
        ordering = ["versie", "-aangevraagd_op", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=WeergaveStatus.KLAAR) | ~Q(sha256=""),
                name="weergave_klaar_heeft_hash",
            ),
            models.CheckConstraint(
                condition=Q(vrijgegeven_op__isnull=True)
                | Q(soort=WeergaveSoort.BESLOTEN, status=WeergaveStatus.KLAAR),
                name="weergave_alleen_besloten_klaar_vrijgeven",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.versie} ({self.get_soort_display().lower()}, {self.get_orgaan_display()})"

    @property
    def is_klaar(self) -> bool:
        return self.status == WeergaveStatus.KLAAR

    @property
    def is_besloten(self) -> bool:
        return self.soort == WeergaveSoort.BESLOTEN

    @property
    def loopt(self) -> bool:
        """Still in the queue or being rendered: the page keeps polling."""
        return self.status in (WeergaveStatus.WACHTRIJ, WeergaveStatus.BEZIG)

    @property
    def bestandsnaam(self) -> str:
        document = self.versie.document
        deel = "geheim" if self.is_besloten else "openbaar"
        return f"{document.soort}-{document.plan_id}-v{self.versie.nummer}-{deel}-{self.pk}.pdf"
