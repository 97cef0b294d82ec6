"""Beheer of the stappenplan. States are read-only here: only the services change them, so
every change is checked and logged."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from stappen.models import (
    Analyse,
    Besluit,
    Bespreking,
    Bron,
    Document,
    Doelstelling,
    Hoofdstuk,
    Melding,
    Opmerking,
    Overgang,
    Plaatsing,
    Prioritering,
    Score,
    Stap,
    Versie,
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


class DoelstellingInline(admin.StackedInline):
    model = Doelstelling
    extra = 0


@admin.register(Plaatsing)
class PlaatsingAdmin(SimpleHistoryAdmin):
    list_display = ["thema", "plan", "keuze"]
    list_filter = ["keuze"]
    inlines = [DoelstellingInline]


admin.site.register(Analyse, SimpleHistoryAdmin)
admin.site.register(Prioritering, SimpleHistoryAdmin)


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
class BronAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "soort", "vertrouwelijk", "analyse"]
    list_filter = ["soort", "vertrouwelijk"]


@admin.register(Score)
class ScoreAdmin(SimpleHistoryAdmin):
    list_display = ["plan", "thema", "criterium", "waarde"]
    list_filter = ["criterium"]


admin.site.register(Weging, SimpleHistoryAdmin)
