from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from veiligheidsvelden.models import Beleidsdocument, Cijferimport, Indicator, Meting, Thema, Veld


@admin.register(Veld)
class VeldAdmin(SimpleHistoryAdmin):
    list_display = ["code", "naam"]


@admin.register(Thema)
class ThemaAdmin(SimpleHistoryAdmin):
    list_display = ["code", "naam", "veld", "hoofdthema", "gemeente"]
    list_filter = ["veld", "gemeente"]
    search_fields = ["code", "naam"]
    autocomplete_fields = ["hoofdthema"]


@admin.register(Beleidsdocument)
class BeleidsdocumentAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "soort", "gemeente", "vastgesteld_op"]
    list_filter = ["soort", "gemeente"]
    filter_horizontal = ["themas"]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "eenheid", "bron", "tabel", "maat", "richting", "gemeente"]
    list_filter = ["bron", "tabel", "richting"]
    search_fields = ["naam", "maat"]
    filter_horizontal = ["themas"]


@admin.register(Meting)
class MetingAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "gebied_naam", "jaar", "maand", "waarde", "opgehaald_op"]
    list_filter = ["indicator__bron", "jaar", "gemeente"]
    search_fields = ["gebied_code", "gebied_naam", "indicator__naam"]
    raw_id_fields = ["indicator"]


@admin.register(Cijferimport)
class CijferimportAdmin(admin.ModelAdmin):
    list_display = ["gemeente", "gestart_op", "wijze", "status", "nieuw", "gewijzigd"]
    list_filter = ["status", "wijze", "gemeente"]
    readonly_fields = ["gestart_op"]
