from django.urls import path

from uitvoering import views

app_name = "uitvoering"

urlpatterns = [
    path("plannen/<int:plan_id>/uitvoering/", views.overzicht, name="overzicht"),
    path(
        "plannen/<int:plan_id>/uitvoering/nieuw/",
        views.uitvoeringsplan_nieuw,
        name="uitvoeringsplan_nieuw",
    ),
    path("plannen/<int:plan_id>/uitvoering/keten/", views.keten, name="keten"),
    path("uitvoeringsplannen/<int:uitvoeringsplan_id>/", views.plan, name="plan"),
    path("uitvoeringsplannen/<int:uitvoeringsplan_id>/matrix/", views.matrix, name="matrix"),
    path(
        "uitvoeringsplannen/<int:uitvoeringsplan_id>/activiteiten/nieuw/",
        views.activiteit_nieuw,
        name="activiteit_nieuw",
    ),
    path(
        "uitvoeringsplannen/<int:uitvoeringsplan_id>/voortgang/",
        views.voortgang,
        name="voortgang",
    ),
    path(
        "uitvoeringsplannen/<int:uitvoeringsplan_id>/rapportage/",
        views.rapportage,
        name="rapportage",
    ),
    path(
        "uitvoeringsplannen/<int:uitvoeringsplan_id>/volgend-jaar/",
        views.volgend_jaar,
        name="volgend_jaar",
    ),
    path(
        "uitvoeringsplannen/<int:uitvoeringsplan_id>/uitvoeringsplan.xlsx",
        views.export_xlsx,
        name="export_xlsx",
    ),
    path(
        "uitvoeringsplannen/<int:uitvoeringsplan_id>/uitvoeringsplan.csv",
        views.export_csv,
        name="export_csv",
    ),
    path(
        "activiteiten/<int:activiteit_id>/bewerken/",
        views.activiteit_bewerken,
        name="activiteit_bewerken",
    ),
    path(
        "activiteiten/<int:activiteit_id>/voortgang/",
        views.voortgang_bewerken,
        name="voortgang_bewerken",
    ),
    path("doelstellingen/<int:doelstelling_id>/indicator/", views.indicator, name="indicator"),
    # Regional activities: the region's page per year (?jaar=), add, change, progress.
    path(
        "regio/<int:regio_id>/activiteiten/",
        views.regio_activiteiten,
        name="regio_activiteiten",
    ),
    path(
        "regio/<int:regio_id>/activiteiten/nieuw/",
        views.regionale_activiteit_nieuw,
        name="regionale_activiteit_nieuw",
    ),
    path(
        "regionale-activiteiten/<int:regionale_activiteit_id>/bewerken/",
        views.regionale_activiteit_bewerken,
        name="regionale_activiteit_bewerken",
    ),
    path(
        "regionale-activiteiten/<int:regionale_activiteit_id>/voortgang/",
        views.regionale_voortgang_bewerken,
        name="regionale_voortgang_bewerken",
    ),
]
