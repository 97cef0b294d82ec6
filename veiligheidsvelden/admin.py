from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from veiligheidsvelden.models import Beleidsdocument, Thema, Veld


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
