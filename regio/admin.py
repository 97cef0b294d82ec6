"""The region's shared parts in the admin, to look into: they are written by the services."""

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from regio.models import Overname, Regiodeel, Regiodeelversie, Regiovoorstel


class AlleenLezen:
    """Mixed into a model admin: to look into, never to change."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Regiodeel)
class RegiodeelAdmin(AlleenLezen, SimpleHistoryAdmin):
    list_display = ["titel", "regio", "soort", "revisie"]
    list_filter = ["regio", "soort"]


@admin.register(Regiodeelversie)
class RegiodeelversieAdmin(AlleenLezen, admin.ModelAdmin):
    list_display = ["deel", "nummer", "driehoek_op", "gemaakt_op"]
    list_filter = ["deel__regio"]


@admin.register(Overname)
class OvernameAdmin(AlleenLezen, SimpleHistoryAdmin):
    list_display = ["deel", "plan", "keuze", "besloten_op"]
    list_filter = ["keuze", "deel__regio"]


@admin.register(Regiovoorstel)
class RegiovoorstelAdmin(AlleenLezen, SimpleHistoryAdmin):
    list_display = ["deel", "plan", "naar", "status", "beslist_op"]
    list_filter = ["status", "deel__regio"]
