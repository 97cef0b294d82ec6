"""The region's pages: the regional coordinator's (`regio/<id>/…`: shared parts, the
overview, joint meetings) and a member's (`plannen/<id>/regio/…`: its decisions)."""

from django.urls import include, path

app_name = "regio"

urlpatterns = [
    path("", include("regio.urls.delen")),
    path("", include("regio.urls.overname")),
    path("", include("regio.urls.overzicht")),
]
