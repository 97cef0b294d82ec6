"""Settings of the real workers that `test_werker_gedood.py` starts as their own processes and
kills: the test settings (so the production Celery settings: CELERY_TASK_ACKS_LATE,
CELERY_TASK_REJECT_ON_WORKER_LOST, prefetch 1, which that test is about), a mail backend that
writes every mail to a directory (shared with the test) and can hang once, and a short
visibility timeout so that Redis hands a task whose worker died to the next worker within
seconds instead of an hour (the first worker is killed while it sends, and the next one
starts only then)."""

import os

from ivp.settings_test import *  # noqa: F403

MAILERS = {"default": {"BACKEND": "tests.ivp.trage_mail.TrageMail"}}
CELERY_TASK_ALWAYS_EAGER = False
# Redis checks for such tasks every second (kombu's default: 10 s, and only every 10th check).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 2,
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
MAILMAP = os.environ["IVP_TEST_MAILMAP"]
