from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from ivp.models import Bericht, Gebruiker, Gemeente, Plan, Regio, Rol


class RolInline(admin.TabularInline):
    model = Rol
    extra = 1
    autocomplete_fields = ["gemeente"]


@admin.register(Gebruiker)
class GebruikerAdmin(UserAdmin, SimpleHistoryAdmin):
    inlines = [RolInline]


@admin.register(Gemeente)
class GemeenteAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "cbs_code"]
    search_fields = ["naam", "cbs_code"]


@admin.register(Regio)
class RegioAdmin(SimpleHistoryAdmin):
    list_display = ["naam"]
    filter_horizontal = ["gemeenten", "coordinatoren"]


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "gemeente", "periode_start", "periode_eind", "verlengd_tot"]
    list_filter = ["gemeente"]
    search_fields = ["titel"]


@admin.register(Rol)
class RolAdmin(SimpleHistoryAdmin):
    list_display = ["gebruiker", "gemeente", "soort"]
    list_filter = ["gemeente", "soort"]
    autocomplete_fields = ["gebruiker", "gemeente"]


@admin.register(Bericht)
class BerichtAdmin(admin.ModelAdmin):
    """The outbox, to look into; mails are made and sent by the services and tasks only."""

    list_display = ["gemaakt_op", "soort", "ontvanger", "status", "pogingen", "verzonden_op"]
    list_filter = ["status", "soort", "gemeente"]
    search_fields = ["sleutel", "adres", "onderwerp"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
