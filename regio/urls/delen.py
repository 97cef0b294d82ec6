"""The regional coordinator's pages on the region and its shared parts (docs/regio.md)."""

from django.urls import URLPattern, path

from regio.views import delen as views

urlpatterns: list[URLPattern] = [
    path("regio/<int:regio_id>/", views.regio_detail, name="regio"),
    path("regio/<int:regio_id>/leden/", views.leden, name="leden"),
    path(
        "regio/<int:regio_id>/leden/<int:gemeente_id>/verlaten/",
        views.lid_verlaten,
        name="lid_verlaten",
    ),
    path("regio/<int:regio_id>/delen/nieuw/<slug:soort>/", views.deel_nieuw, name="deel_nieuw"),
    path("regio/delen/<int:deel_id>/", views.deel_detail, name="deel"),
    path("regio/delen/<int:deel_id>/verwijderen/", views.deel_verwijderen, name="deel_verwijderen"),
    path("regio/delen/<int:deel_id>/publiceren/", views.deel_publiceren, name="deel_publiceren"),
    path(
        "regio/delen/<int:deel_id>/geschiedenis/",
        views.deel_geschiedenis,
        name="deel_geschiedenis",
    ),
    path(
        "regio/delen/<int:deel_id>/doelstellingen/nieuw/",
        views.regiodoelstelling_bewerken,
        name="regiodoelstelling_nieuw",
    ),
    path(
        "regio/doelstellingen/<int:regiodoelstelling_id>/",
        views.regiodoelstelling_bewerken,
        name="regiodoelstelling",
    ),
    path(
        "regio/doelstellingen/<int:regiodoelstelling_id>/verwijderen/",
        views.regiodoelstelling_verwijderen,
        name="regiodoelstelling_verwijderen",
    ),
]
