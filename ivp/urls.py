from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from ivp.forms import InlogForm

admin.site.site_header = "IVP Regie — beheer"
admin.site.site_title = "IVP Regie"
admin.site.index_title = "Beheer"

urlpatterns = [
    path("", include("stappen.urls.start")),
    path(
        "inloggen/",
        auth_views.LoginView.as_view(
            authentication_form=InlogForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("beheer/", admin.site.urls),
    path("", include("veiligheidsvelden.urls")),
    path("", include("stappen.urls")),
    path("", include("werkgroep.urls")),
    path("", include("uitvoering.urls")),
]
