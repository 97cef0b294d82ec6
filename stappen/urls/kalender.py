"""The vergaderkalender of a gemeente and the raad meeting a step is planned for."""

from django.urls import path

from stappen.views import kalender as views

urlpatterns = [
    path(
        "gemeenten/<int:gemeente_id>/vergaderkalender/",
        views.vergaderkalender,
        name="vergaderkalender",
    ),
    path(
        "gemeenten/<int:gemeente_id>/vergaderkalender/nieuw/",
        views.vergadering_form,
        name="vergadering_nieuw",
    ),
    path(
        "gemeenten/<int:gemeente_id>/vergaderkalender/<int:vergadering_id>/",
        views.vergadering_form,
        name="vergadering_bewerken",
    ),
    path(
        "gemeenten/<int:gemeente_id>/vergaderkalender/<int:vergadering_id>/verwijderen/",
        views.vergadering_verwijderen,
        name="vergadering_verwijderen",
    ),
    path(
        "gemeenten/<int:gemeente_id>/vergaderkalender/importeren/",
        views.importeren,
        name="vergaderkalender_importeren",
    ),
    path(
        "gemeenten/<int:gemeente_id>/vergaderkalender/termijnen/",
        views.termijnen,
        name="vergadertermijnen",
    ),
    path(
        "plannen/<int:plan_id>/raadsvergadering/<int:nummer>/",
        views.raadsplanning,
        name="raadsplanning",
    ),
]
