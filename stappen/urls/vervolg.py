"""The next plan from the previous one and the evaluation of its doelstellingen."""

from django.urls import path

from stappen.views import vervolg as views

urlpatterns = [
    path("plannen/<int:plan_id>/vervolg/", views.plan_vervolg, name="plan_vervolg"),
    path("plannen/<int:plan_id>/evaluatie/", views.evaluatie, name="evaluatie"),
    path(
        "plannen/<int:plan_id>/evaluatie/motivatie/",
        views.evaluatie_motivatie,
        name="evaluatie_motivatie",
    ),
    path(
        "plannen/<int:plan_id>/evaluatie/<int:doelstelling_id>/",
        views.evaluatie_score,
        name="evaluatie_score",
    ),
]
