from django.urls import path

from stappen.views import inzage as views

urlpatterns = [
    path("gemeenten/<int:gemeente_id>/vertrouwelijk/", views.inzage, name="inzage"),
]
