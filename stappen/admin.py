"""Beheer of the stappenplan. States are read-only here: only the services change them, so
every change is checked and logged."""

from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from stappen.constants import DocumentSoort, DocumentStatus
from stappen.models import (
    Analyse,
    Besluit,
    Bespreking,
    Bron,
    Document,
    Doelstelling,
    Evaluatie,
    Hoofdstuk,
    Melding,
    Opmerking,
    Overgang,
    Plaatsing,
    Prioritering,
    Score,
    Stap,
    Versie,
    Vervolg,
    Weging,
)


@admin.register(Stap)
class StapAdmin(SimpleHistoryAdmin):
    list_display = ["plan", "nummer", "status", "gepland_start", "gepland_eind"]
    list_filter = ["status", "plan__gemeente"]
    readonly_fields = ["status", "werkelijk_start", "werkelijk_eind"]


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "plan", "soort", "jaar", "status"]
    list_filter = ["soort", "status"]
    readonly_fields = ["status"]


@admin.register(Besluit)
class BesluitAdmin(SimpleHistoryAdmin):
    list_display = ["document", "orgaan", "datum", "kenmerk", "uitkomst"]
    list_filter = ["orgaan", "uitkomst"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Overgang)
class OvergangAdmin(admin.ModelAdmin):
    list_display = ["op", "stap", "document", "transitie", "van", "naar", "door"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _vastgesteld(plan_id: int | None, soort: str) -> bool:
    if plan_id is None:
        return False
    return Document.objects.filter(
        plan_id=plan_id, soort=soort, jaar__isnull=True, status=DocumentStatus.VASTGESTELD
    ).exists()


class NaVaststelling:
    """Structured content of a document: read-only here once the document is vastgesteld
    (the adopted text is what the college or the raad decided on)."""

    soort: str = DocumentSoort.VEILIGHEIDSANALYSE

    def plan_id(self, obj: Any) -> int | None:
        return obj.plan_id

    def alleen_lezen(self, obj: Model | None) -> bool:
        return obj is not None and _vastgesteld(self.plan_id(obj), self.soort)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return super().has_change_permission(request, obj) and not self.alleen_lezen(obj)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return super().has_delete_permission(request, obj) and not self.alleen_lezen(obj)  # type: ignore[misc]


class DoelstellingInline(NaVaststelling, admin.StackedInline):
    model = Doelstelling
    extra = 0
    soort = DocumentSoort.IVP  # `obj` is the Plaatsing the inline belongs to

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return super().has_add_permission(request, obj) and not self.alleen_lezen(obj)


@admin.register(Plaatsing)
class PlaatsingAdmin(NaVaststelling, SimpleHistoryAdmin):
    list_display = ["thema", "plan", "keuze"]
    list_filter = ["keuze"]
    inlines = [DoelstellingInline]
    soort = DocumentSoort.PRIORITERING


@admin.register(Analyse)
class AnalyseAdmin(NaVaststelling, SimpleHistoryAdmin):
    soort = DocumentSoort.VEILIGHEIDSANALYSE


@admin.register(Prioritering)
class PrioriteringAdmin(NaVaststelling, SimpleHistoryAdmin):
    soort = DocumentSoort.PRIORITERING


@admin.register(Hoofdstuk)
class HoofdstukAdmin(SimpleHistoryAdmin):
    """Chapters are written in the app (optimistic locking, permissions); here read-only."""

    list_display = ["titel", "document", "volgorde", "auteur", "gewijzigd_op"]
    list_filter = ["document__soort"]
    readonly_fields = [f.name for f in Hoofdstuk._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Versie)
class VersieAdmin(admin.ModelAdmin):
    """A version is an immutable snapshot: no add, change or delete here."""

    list_display = ["document", "nummer", "aanleiding", "gemaakt_door", "gemaakt_op"]
    readonly_fields = [
        "document",
        "hoofd",
        "sub",
        "inhoud",
        "aanleiding",
        "gemaakt_door",
        "gemaakt_op",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Opmerking)
class OpmerkingAdmin(SimpleHistoryAdmin):
    list_display = ["versie", "sectie", "auteur", "geplaatst_op", "uitkomst"]
    readonly_fields = [f.name for f in Opmerking._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(Bespreking)
class BesprekingAdmin(SimpleHistoryAdmin):
    list_display = ["document", "versie", "sluit_op", "gesloten_op"]
    readonly_fields = [f.name for f in Bespreking._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(Melding)
class MeldingAdmin(admin.ModelAdmin):
    list_display = ["gebruiker", "tekst", "gemaakt_op", "gelezen_op"]


@admin.register(Bron)
class BronAdmin(NaVaststelling, SimpleHistoryAdmin):
    list_display = ["titel", "soort", "vertrouwelijk", "analyse"]
    list_filter = ["soort", "vertrouwelijk"]
    soort = DocumentSoort.VEILIGHEIDSANALYSE

    def plan_id(self, obj: Any) -> int | None:
        return obj.analyse.plan_id


@admin.register(Score)
class ScoreAdmin(NaVaststelling, SimpleHistoryAdmin):
    list_display = ["plan", "thema", "criterium", "waarde"]
    list_filter = ["criterium"]
    soort = DocumentSoort.PRIORITERING


@admin.register(Weging)
class WegingAdmin(NaVaststelling, SimpleHistoryAdmin):
    soort = DocumentSoort.PRIORITERING


class EvaluatieInline(admin.TabularInline):
    """The evaluation of the previous plan's doelstellingen: written on the new plan's step 1
    page (the services), read here."""

    model = Evaluatie
    extra = 0
    can_delete = False
    fields = readonly_fields = ("doelstelling", "score", "toelichting", "gewijzigd_door")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Vervolg)
class VervolgAdmin(SimpleHistoryAdmin):
    """Which plan follows which, why its period may overlap, and its evaluation: to look into;
    the services write them (issue 14)."""

    list_display = ["plan", "vorig_plan"]
    list_filter = ["plan__gemeente"]
    inlines = [EvaluatieInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
