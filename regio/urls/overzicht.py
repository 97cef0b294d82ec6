from django.urls import path

from regio.views import overzicht

urlpatterns = [
    path("regio/<int:regio_id>/overzicht/", overzicht.overzicht, name="overzicht"),
]
