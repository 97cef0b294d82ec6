"""The plan and its steps."""

from django.urls import path

from stappen.views import proces as views

urlpatterns = [
    path("plannen/nieuw/", views.plan_create, name="plan_nieuw"),
    path("plannen/<int:plan_id>/", views.plan_detail, name="plan"),
    path("plannen/<int:plan_id>/bewerken/", views.plan_edit, name="plan_bewerken"),
    path(
        "plannen/<int:plan_id>/herinneringen/",
        views.herinneringen_versturen,
        name="herinneringen_versturen",
    ),
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
]
