"""The Celery wiring: with a broker set, a real worker picks up tasks from Redis."""

import celery.contrib.testing.tasks  # noqa: F401  (registers celery.ping)
import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings

from ivp.celery import app
from tests.ivp.werker import vergeet_backend


def test_without_a_broker_tasks_run_in_process():
    # The base settings decide; the test settings run every task in-process on purpose.
    from ivp import settings as basis

    assert basis.CELERY_TASK_ALWAYS_EAGER is (not basis.CELERY_BROKER_URL)


@pytest.mark.redis
def test_a_real_worker_runs_a_task_sent_through_redis():
    app.conf.update(task_always_eager=False, result_backend=settings.CELERY_BROKER_URL)
    vergeet_backend()
    try:
        # start_worker sends celery.ping through the broker and waits for the answer.
        with start_worker(app, pool="solo", perform_ping_check=True, shutdown_timeout=10):
            assert app.conf.task_acks_late is True
            assert app.conf.worker_prefetch_multiplier == 1
            assert app.conf.accept_content == ["json"]
    finally:
        app.conf.update(task_always_eager=settings.CELERY_TASK_ALWAYS_EAGER, result_backend=None)
        vergeet_backend()
