"""The record: history of documents and chapters, the plan's log, the Woo export."""

from django.urls import path

from stappen.views import geschiedenis as views

urlpatterns = [
    path("plannen/<int:plan_id>/logboek/", views.plan_logboek, name="logboek"),
    path("plannen/<int:plan_id>/besluitvorming.zip", views.woo_export, name="woo_export"),
    path(
        "documenten/<int:document_id>/geschiedenis/",
        views.document_geschiedenis,
        name="document_geschiedenis",
    ),
    path(
        "documenten/<int:document_id>/hoofdstukken/<slug:sleutel>/geschiedenis/",
        views.hoofdstuk_geschiedenis,
        name="hoofdstuk_geschiedenis",
    ),
]
