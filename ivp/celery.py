"""The Celery app. Configured from Django settings (CELERY_*); with no broker set, tasks run
eagerly in-process, so the embedded default needs no Redis."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ivp.settings")

app = Celery("ivp")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# The schedule of `celery beat`, in CELERY_TIMEZONE (Europe/Amsterdam).
app.conf.beat_schedule = {
    # Every morning at 07:00: each app's reminders (deadlines, review rounds, meetings,
    # actiepunten, hour budgets), then the outbox's waiting mails once more.
    "herinneringen": {
        "task": "ivp.tasks.herinneringen_versturen",
        "schedule": crontab(hour=7, minute=0),
    },
    # Every night at 05:30: each gemeente's meeting calendar from its RIS feed, before the
    # sweep counts the stukken deadlines from it.
    "vergaderkalenders": {
        "task": "stappen.tasks.vergaderfeeds_verversen",
        "schedule": crontab(hour=5, minute=30),
    },
    # Every night at 04:15: downloads older than IVP_DOWNLOADS_BEWAAR_DAGEN go, files included.
    "downloads-opruimen": {
        "task": "ivp.tasks.downloads_opruimen",
        "schedule": crontab(hour=4, minute=15),
    },
    # Every hour: downloads and PDF renderings that wait over an hour (a lost broker message)
    # are queued again.
    "wachtrij-nalopen": {
        "task": "ivp.tasks.wachtrij_nalopen",
        "schedule": crontab(minute=20),
    },
}
