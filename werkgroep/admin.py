from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from werkgroep.models import (
    Actiepunt,
    Agendapunt,
    Bijeenkomst,
    Lid,
    Presentie,
    Urenbudget,
    Urenregistratie,
    Werkgroep,
)


class LidInline(admin.TabularInline):
    model = Lid
    extra = 0
    fields = ["gebruiker", "naam", "organisatie", "functie", "rol"]
    raw_id_fields = ["gebruiker"]


@admin.register(Werkgroep)
class WerkgroepAdmin(SimpleHistoryAdmin):
    list_display = ["plan"]
    list_select_related = ["plan__gemeente"]
    inlines = [LidInline]


@admin.register(Lid)
class LidAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "rol", "organisatie", "werkgroep"]
    list_filter = ["rol"]
    list_select_related = ["gebruiker", "werkgroep__plan__gemeente"]
    search_fields = ["naam", "gebruiker__first_name", "gebruiker__last_name", "organisatie"]
    raw_id_fields = ["gebruiker"]


class AgendapuntInline(admin.TabularInline):
    model = Agendapunt
    extra = 0
    raw_id_fields = ["document", "versie", "opmerking"]


class ActiepuntInline(admin.TabularInline):
    model = Actiepunt
    extra = 0
    raw_id_fields = ["wie"]


class PresentieInline(admin.TabularInline):
    model = Presentie
    extra = 0
    raw_id_fields = ["lid"]


@admin.register(Bijeenkomst)
class BijeenkomstAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "datum", "begintijd", "voortgangsoverleg", "werkgroep"]
    list_filter = ["voortgangsoverleg"]
    date_hierarchy = "datum"
    list_select_related = ["werkgroep__plan__gemeente"]
    inlines = [AgendapuntInline, PresentieInline, ActiepuntInline]


@admin.register(Urenbudget)
class UrenbudgetAdmin(SimpleHistoryAdmin):
    list_display = ["lid", "uren"]
    list_select_related = ["lid__gebruiker"]
    raw_id_fields = ["lid"]


@admin.register(Urenregistratie)
class UrenregistratieAdmin(SimpleHistoryAdmin):
    list_display = ["datum", "lid", "uren", "stap", "omschrijving"]
    date_hierarchy = "datum"
    list_select_related = ["lid__gebruiker", "stap"]
    raw_id_fields = ["lid", "stap"]
