"""The coordinator's pages for the gemeente's own themes and flankerend beleid."""

from django.urls import path

from veiligheidsvelden import views

app_name = "veiligheidsvelden"

urlpatterns = [
    path("gemeenten/<int:gemeente_id>/themas/", views.themas, name="themas"),
    path("gemeenten/<int:gemeente_id>/themas/<int:thema_id>/", views.thema, name="thema"),
    path(
        "gemeenten/<int:gemeente_id>/themas/<int:thema_id>/verwijderen/",
        views.thema_verwijderen,
        name="thema_verwijderen",
    ),
    path("gemeenten/<int:gemeente_id>/beleid/", views.beleid, name="beleid"),
    path(
        "gemeenten/<int:gemeente_id>/beleid/nieuw/",
        views.beleidsdocument,
        name="beleidsdocument_nieuw",
    ),
    path(
        "gemeenten/<int:gemeente_id>/beleid/<int:document_id>/",
        views.beleidsdocument,
        name="beleidsdocument",
    ),
    path(
        "gemeenten/<int:gemeente_id>/veiligheidsbeeld/",
        views.veiligheidsbeeld,
        name="veiligheidsbeeld",
    ),
    path(
        "gemeenten/<int:gemeente_id>/veiligheidsbeeld/veld/<int:veld_id>/",
        views.veiligheidsbeeld_veld,
        name="veiligheidsbeeld_veld",
    ),
    path("gemeenten/<int:gemeente_id>/cijfers/", views.cijfers, name="cijfers"),
]
