"""The document pages: chapters, versions, review rounds, comments, decisions."""

from django.urls import path

from stappen.views import documenten as views

urlpatterns = [
    path("plannen/<int:plan_id>/documenten/", views.document_lijst, name="documenten"),
    path("documenten/<int:document_id>/", views.document_detail, name="document"),
    path(
        "documenten/<int:document_id>/hoofdstukken/<slug:sleutel>/",
        views.hoofdstuk_bewerken,
        name="hoofdstuk_bewerken",
    ),
    path(
        "documenten/<int:document_id>/hoofdstukken/<slug:sleutel>/auteur/",
        views.hoofdstuk_auteur,
        name="hoofdstuk_auteur",
    ),
    path("documenten/<int:document_id>/bespreking/", views.bespreking_openen, name="bespreking"),
    path("documenten/<int:document_id>/besluit/", views.besluit_vastleggen, name="besluit"),
    path(
        "documenten/<int:document_id>/raad-geinformeerd/",
        views.raad_informeren,
        name="raad_informeren",
    ),
    path("documenten/<int:document_id>/versies/nieuw/", views.versie_maken, name="versie_nieuw"),
    path(
        "documenten/<int:document_id>/versies/vergelijken/",
        views.versies_vergelijken,
        name="vergelijken",
    ),
    path("documenten/<int:document_id>/versies/<str:nummer>/", views.versie_detail, name="versie"),
    path(
        "documenten/<int:document_id>/versies/<str:nummer>/opmerkingen/",
        views.opmerking_plaatsen,
        name="opmerking_plaatsen",
    ),
    path("documenten/<int:document_id>/reactienota/", views.reactienota, name="reactienota"),
    path(
        "documenten/<int:document_id>/opmerkingen/<slug:sleutel>/",
        views.sectie_draden,
        name="sectie_draden",
    ),
    path(
        "documenten/<int:document_id>/<slug:actie>/",
        views.document_overgang,
        name="document_overgang",
    ),
    path("opmerkingen/<int:opmerking_id>/", views.opmerking_detail, name="opmerking"),
    path(
        "opmerkingen/<int:opmerking_id>/<slug:actie>/",
        views.opmerking_actie,
        name="opmerking_actie",
    ),
    path("meldingen/aantal/", views.meldingen_aantal, name="meldingen_aantal"),
    path("meldingen/gelezen/", views.meldingen_gelezen, name="meldingen_gelezen"),
    path("meldingen/instellingen/", views.meldingvoorkeuren, name="meldingvoorkeuren"),
]
