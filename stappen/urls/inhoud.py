"""The structured content of steps 2–4: analysis, prioritering, the IVP's priorities."""

from django.urls import path

from stappen.views import inhoud as views

urlpatterns = [
    path("plannen/<int:plan_id>/analyse/", views.analyse, name="analyse"),
    path(
        "plannen/<int:plan_id>/analyse/veld/<int:veld_id>/",
        views.analyse_bewerken,
        name="analyse_veld",
    ),
    path(
        "plannen/<int:plan_id>/analyse/veld/<int:veld_id>/schrijver/",
        views.analyse_auteur,
        name="analyse_auteur",
    ),
    path(
        "plannen/<int:plan_id>/analyse/veld/<int:veld_id>/thema/<int:thema_id>/",
        views.analyse_bewerken,
        name="analyse_thema",
    ),
    path(
        "plannen/<int:plan_id>/analyse/veld/<int:veld_id>/citeer/",
        views.analyse_citeer,
        name="analyse_citeer",
    ),
    path(
        "plannen/<int:plan_id>/analyse/veld/<int:veld_id>/thema/<int:thema_id>/citeer/",
        views.analyse_citeer,
        name="analyse_thema_citeer",
    ),
    path(
        "plannen/<int:plan_id>/analyse/bronnen/<int:bron_id>/verwijderen/",
        views.bron_verwijderen,
        name="bron_verwijderen",
    ),
    path("plannen/<int:plan_id>/prioritering/", views.prioritering, name="prioritering"),
    path(
        "plannen/<int:plan_id>/prioritering/scores/",
        views.prioritering_scores,
        name="prioritering_scores",
    ),
    path(
        "plannen/<int:plan_id>/prioritering/plaatsing/",
        views.prioritering_plaatsing,
        name="prioritering_plaatsing",
    ),
    path(
        "plannen/<int:plan_id>/prioritering/raadpleging/",
        views.prioritering_raadpleging,
        name="prioritering_raadpleging",
    ),
    path("plannen/<int:plan_id>/ivp/", views.ivp, name="ivp"),
    path(
        "plannen/<int:plan_id>/ivp/prioriteiten/<int:plaatsing_id>/",
        views.prioriteit,
        name="prioriteit",
    ),
    path(
        "plannen/<int:plan_id>/ivp/prioriteiten/<int:plaatsing_id>/bewerken/",
        views.prioriteit_bewerken,
        name="prioriteit_bewerken",
    ),
    path(
        "plannen/<int:plan_id>/ivp/prioriteiten/<int:plaatsing_id>/doelstellingen/nieuw/",
        views.doelstelling_bewerken,
        name="doelstelling_nieuw",
    ),
    path(
        "plannen/<int:plan_id>/ivp/prioriteiten/<int:plaatsing_id>/doelstellingen/"
        "<int:doelstelling_id>/",
        views.doelstelling_bewerken,
        name="doelstelling_bewerken",
    ),
    path(
        "plannen/<int:plan_id>/ivp/prioriteiten/<int:plaatsing_id>/doelstellingen/"
        "<int:doelstelling_id>/verwijderen/",
        views.doelstelling_verwijderen,
        name="doelstelling_verwijderen",
    ),
]
