"""The stuk of a version: voorstel, PDF renderings, download (docs/pdf.md)."""

from django.urls import path

from stappen.views import stukken as views

urlpatterns = [
    path("documenten/<int:document_id>/versies/<str:nummer>/stuk/", views.stuk, name="stuk"),
    path(
        "documenten/<int:document_id>/versies/<str:nummer>/voorstel/",
        views.voorstel,
        name="voorstel",
    ),
    path(
        "documenten/<int:document_id>/versies/<str:nummer>/pdf/",
        views.weergave_aanvragen,
        name="weergave_aanvragen",
    ),
    path(
        "documenten/<int:document_id>/hoofdstukken/<slug:sleutel>/vertrouwelijk/",
        views.hoofdstuk_vertrouwelijk,
        name="hoofdstuk_vertrouwelijk",
    ),
    path(
        "plannen/<int:plan_id>/analyse/veld/<int:veld_id>/vertrouwelijk/",
        views.analyse_vertrouwelijk,
        name="analyse_veld_vertrouwelijk",
    ),
    path(
        "plannen/<int:plan_id>/analyse/veld/<int:veld_id>/thema/<int:thema_id>/vertrouwelijk/",
        views.analyse_vertrouwelijk,
        name="analyse_thema_vertrouwelijk",
    ),
    path("pdf/<int:weergave_id>/", views.weergave_download, name="weergave_download"),
    path("pdf/<int:weergave_id>/opnieuw/", views.weergave_opnieuw, name="weergave_opnieuw"),
    path("pdf/<int:weergave_id>/vrijgeven/", views.weergave_vrijgeven, name="weergave_vrijgeven"),
]
