"""The start page: the plans a user may see and their unread notifications."""

from django.urls import path

from stappen.views.proces import start

urlpatterns = [path("", start, name="start")]
