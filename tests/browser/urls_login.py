"""Test-only URLs for the login browser test: login, logout and a start page.

Used with `@pytest.mark.urls("tests.browser.urls_login")` so the test does not depend on the
application's own URLconf. Names and paths match the real ones (login, logout, start).
"""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.urls import path
from django.views.generic import TemplateView

urlpatterns = [
    path("", login_required(TemplateView.as_view(template_name="base.html")), name="start"),
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
]
