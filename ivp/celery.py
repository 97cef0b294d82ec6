"""The Celery app. Configured from Django settings (CELERY_*); with no broker set, tasks run
eagerly in-process, so the embedded default needs no Redis."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ivp.settings")

app = Celery("ivp")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
