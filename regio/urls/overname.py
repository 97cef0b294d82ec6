"""A member's pages of its region, under its plan (docs/regio.md)."""

from django.urls import path

from regio.views import overname as views

urlpatterns = [
    path("plannen/<int:plan_id>/regio/", views.plan_regio, name="plan"),
    path(
        "plannen/<int:plan_id>/regio/voorstellen/<int:voorstel_id>/",
        views.voorstel,
        name="voorstel",
    ),
    path(
        "plannen/<int:plan_id>/regio/voorstellen/<int:voorstel_id>/aanvaarden/",
        views.voorstel_aanvaarden,
        name="voorstel_aanvaarden",
    ),
    path(
        "plannen/<int:plan_id>/regio/voorstellen/<int:voorstel_id>/afwijzen/",
        views.voorstel_afwijzen,
        name="voorstel_afwijzen",
    ),
    path(
        "plannen/<int:plan_id>/regio/delen/<int:deel_id>/heroverwegen/",
        views.deel_heroverwegen,
        name="deel_heroverwegen",
    ),
]
