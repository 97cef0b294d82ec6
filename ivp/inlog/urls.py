from django.contrib.auth import views as auth_views
from django.urls import include, path

from ivp.inlog import views

app_name = "inlog"

urlpatterns = [
    path("inloggen/code/", views.code, name="code"),
    path("account/", views.account, name="account"),
    path(
        "account/tweestapsverificatie/",
        views.tweestaps_instellen,
        name="tweestaps_instellen",
    ),
    path("account/herstelcodes/", views.herstelcodes, name="herstelcodes"),
    path("account/wachtwoord/", views.WachtwoordWijzigenView.as_view(), name="wachtwoord"),
    path(
        "wachtwoord-vergeten/",
        views.WachtwoordVergetenView.as_view(),
        name="wachtwoord_vergeten",
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="account/wachtwoord_vergeten_verstuurd.html"
        ),
        name="wachtwoord_vergeten_verstuurd",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        views.WachtwoordHerstellenView.as_view(),
        name="wachtwoord_herstellen",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="account/wachtwoord_hersteld.html"
        ),
        name="wachtwoord_hersteld",
    ),
    path("gemeenten/<int:gemeente_id>/inloggen/", views.gemeente_inlogregels, name="gemeente"),
    path(
        "gemeenten/<int:gemeente_id>/inloggen/<int:gebruiker_id>/ontgrendelen/",
        views.ontgrendel,
        name="ontgrendel",
    ),
]

# mozilla-django-oidc's own names (oidc_authentication_init, oidc_authentication_callback),
# outside the namespace, as the library reverses them.
oidc_urlpatterns = [path("oidc/", include("mozilla_django_oidc.urls"))]
