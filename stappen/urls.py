from django.urls import path

from stappen import views, views_inhoud

app_name = "stappen"

urlpatterns = [
    path("plannen/nieuw/", views.plan_create, name="plan_nieuw"),
    path("plannen/<int:plan_id>/", views.plan_detail, name="plan"),
    path("plannen/<int:plan_id>/bewerken/", views.plan_edit, name="plan_bewerken"),
    path(
        "plannen/<int:plan_id>/stappen/<int:nummer>/planning/",
        views.stap_planning,
        name="stap_planning",
    ),
    path(
        "plannen/<int:plan_id>/stappen/<int:nummer>/<slug:actie>/",
        views.stap_overgang,
        name="stap_overgang",
    ),
    # Structured content of steps 2–4 (issue 3).
    path("plannen/<int:plan_id>/analyse/", views_inhoud.analyse, name="analyse"),
    path(
        "plannen/<int:plan_id>/analyse/veld/<int:veld_id>/",
        views_inhoud.analyse_bewerken,
        name="analyse_veld",
    ),
    path(
        "plannen/<int:plan_id>/analyse/veld/<int:veld_id>/schrijver/",
        views_inhoud.analyse_auteur,
        name="analyse_auteur",
    ),
    path(
        "plannen/<int:plan_id>/analyse/veld/<int:veld_id>/thema/<int:thema_id>/",
        views_inhoud.analyse_bewerken,
        name="analyse_thema",
    ),
    path(
        "plannen/<int:plan_id>/analyse/bronnen/<int:bron_id>/verwijderen/",
        views_inhoud.bron_verwijderen,
        name="bron_verwijderen",
    ),
    path("plannen/<int:plan_id>/prioritering/", views_inhoud.prioritering, name="prioritering"),
    path(
        "plannen/<int:plan_id>/prioritering/scores/",
        views_inhoud.prioritering_scores,
        name="prioritering_scores",
    ),
    path(
        "plannen/<int:plan_id>/prioritering/plaatsing/",
        views_inhoud.prioritering_plaatsing,
        name="prioritering_plaatsing",
    ),
    path(
        "plannen/<int:plan_id>/prioritering/raadpleging/",
        views_inhoud.prioritering_raadpleging,
        name="prioritering_raadpleging",
    ),
    path("plannen/<int:plan_id>/ivp/", views_inhoud.ivp, name="ivp"),
    path(
        "plannen/<int:plan_id>/ivp/prioriteiten/<int:plaatsing_id>/",
        views_inhoud.prioriteit,
        name="prioriteit",
    ),
    path(
        "plannen/<int:plan_id>/ivp/prioriteiten/<int:plaatsing_id>/bewerken/",
        views_inhoud.prioriteit_bewerken,
        name="prioriteit_bewerken",
    ),
    path(
        "plannen/<int:plan_id>/ivp/prioriteiten/<int:plaatsing_id>/doelstellingen/nieuw/",
        views_inhoud.doelstelling_bewerken,
        name="doelstelling_nieuw",
    ),
    path(
        "plannen/<int:plan_id>/ivp/prioriteiten/<int:plaatsing_id>/doelstellingen/"
        "<int:doelstelling_id>/",
        views_inhoud.doelstelling_bewerken,
        name="doelstelling_bewerken",
    ),
    path(
        "plannen/<int:plan_id>/ivp/prioriteiten/<int:plaatsing_id>/doelstellingen/"
        "<int:doelstelling_id>/verwijderen/",
        views_inhoud.doelstelling_verwijderen,
        name="doelstelling_verwijderen",
    ),
]

# The document pages (chapters, versions, review rounds, comments, decisions).
from stappen.urls_documenten import urlpatterns as documenten_urlpatterns  # noqa: E402

urlpatterns += documenten_urlpatterns
