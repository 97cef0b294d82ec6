from django.urls import path

from werkgroep import views
from werkgroep.gezamenlijk import views as gezamenlijk
from werkgroep.uren import views as uren

app_name = "werkgroep"

urlpatterns = [
    path("plannen/<int:plan_id>/werkgroep/", views.werkgroep, name="werkgroep"),
    path("plannen/<int:plan_id>/werkgroep/leden/nieuw/", views.lid_nieuw, name="lid_nieuw"),
    path("werkgroep/leden/<int:lid_id>/bewerken/", views.lid_bewerken, name="lid_bewerken"),
    path(
        "werkgroep/leden/<int:lid_id>/verwijderen/",
        views.lid_verwijderen,
        name="lid_verwijderen",
    ),
    path("werkgroep/leden/<int:lid_id>/budget/", uren.urenbudget, name="urenbudget"),
    path(
        "plannen/<int:plan_id>/werkgroep/bijeenkomsten/nieuw/",
        views.bijeenkomst_nieuw,
        name="bijeenkomst_nieuw",
    ),
    path("bijeenkomsten/<int:bijeenkomst_id>/", views.bijeenkomst, name="bijeenkomst"),
    path(
        "bijeenkomsten/<int:bijeenkomst_id>/bewerken/",
        views.bijeenkomst_bewerken,
        name="bijeenkomst_bewerken",
    ),
    path(
        "bijeenkomsten/<int:bijeenkomst_id>/afzeggen/",
        views.bijeenkomst_afzeggen,
        name="bijeenkomst_afzeggen",
    ),
    path(
        "bijeenkomsten/<int:bijeenkomst_id>/agendapunten/nieuw/",
        views.agendapunt_nieuw,
        name="agendapunt_nieuw",
    ),
    path(
        "bijeenkomsten/<int:bijeenkomst_id>/uitnodiging.ics",
        views.bijeenkomst_ics,
        name="bijeenkomst_ics",
    ),
    path("actiepunten/<int:actiepunt_id>/status/", views.actiepunt_status, name="actiepunt_status"),
    path("plannen/<int:plan_id>/uren/", uren.uren, name="uren"),
    path("plannen/<int:plan_id>/uren/afsluiten/", uren.uren_sluiten, name="uren_sluiten"),
    path("plannen/<int:plan_id>/uren/uren.csv", uren.uren_csv, name="uren_csv"),
    path("plannen/<int:plan_id>/uren/uren.xlsx", uren.uren_xlsx, name="uren_xlsx"),
    path("uren/<int:registratie_id>/", uren.uren_bewerken, name="uren_bewerken"),
    path("agenda/", views.agenda, name="agenda"),
    # Joint meetings of a region (the regional coordinator's pages).
    path("regio/<int:regio_id>/bijeenkomsten/", gezamenlijk.lijst, name="gezamenlijk_lijst"),
    path("regio/<int:regio_id>/bijeenkomsten/nieuw/", gezamenlijk.nieuw, name="gezamenlijk_nieuw"),
    path(
        "gezamenlijke-bijeenkomsten/<int:gezamenlijk_id>/bewerken/",
        gezamenlijk.bewerken,
        name="gezamenlijk_bewerken",
    ),
    path(
        "gezamenlijke-bijeenkomsten/<int:gezamenlijk_id>/afzeggen/",
        gezamenlijk.afzeggen,
        name="gezamenlijk_afzeggen",
    ),
    path("agenda/<str:token>.ics", views.feed, name="feed"),
]
