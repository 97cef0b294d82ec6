"""The griffie's pages: the stukken per raad meeting, metadata and ZIPs."""

from django.urls import path

from stappen.views import griffie as views

urlpatterns = [
    path("griffie/", views.griffie, name="griffie"),
    path(
        "griffie/metadata.<slug:formaat>",
        views.griffie_metadata,
        name="griffie_metadata",
    ),
    path(
        "griffie/vergaderingen/<slug:sleutel>/stukken.zip",
        views.griffie_zip,
        name="griffie_zip",
    ),
]
