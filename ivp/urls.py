from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from ivp import views
from ivp.inlog.urls import oidc_urlpatterns
from ivp.inlog.views import InlogView

admin.site.site_header = "IVP Regie — beheer"
admin.site.site_title = "IVP Regie"
admin.site.index_title = "Beheer"

urlpatterns = [
    path("", include("stappen.urls.start")),
    path("inloggen/", InlogView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("ivp.inlog.urls")),
    *oidc_urlpatterns,
    path("beheer/", admin.site.urls),
    path("downloads/<int:download_id>/", views.download, name="download"),
    path("downloads/<int:download_id>/bestand/", views.download_bestand, name="download_bestand"),
    path("", include("veiligheidsvelden.urls")),
    path("", include("stappen.urls")),
    path("", include("werkgroep.urls")),
    path("", include("uitvoering.urls")),
    path("", include("regio.urls")),
]
