"""A worker killed with SIGKILL in the middle of sending a reminder: after a new worker
starts, the reminder is sent and recorded once (issue 9, "Must hold"). Real Redis, real
PostgreSQL, a real `celery worker` process; the mail is the one that hung, not a copy."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from email import message_from_bytes
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone
from redis import Redis

from ivp import herinneringen
from ivp.celery import app
from ivp.models import Bericht, BerichtStatus
from tests.ivp.werker import vergeet_backend
from tests.stappen.factories import maak_plan
from tests.stappen.stappenplan import coordinator_van

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _database_url() -> str:
    db = connection.settings_dict
    wachtwoord = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return (
        f"postgres://{db['USER']}{wachtwoord}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


def _werker(map: Path, start: Path | None = None) -> subprocess.Popen[bytes]:
    """A real worker; with `start`, its process imports the app now and the worker starts
    (connects, takes tasks) once that file exists (tests/ivp/werker_start.py)."""
    omgeving = os.environ | {
        "DJANGO_SETTINGS_MODULE": "tests.ivp.settings_werker",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "IVP_TEST_MAILMAP": str(map),
    }
    if start is not None:
        omgeving["IVP_TEST_WERKER_START"] = str(start)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.ivp.werker_start" if start is not None else "celery",
            "-A",
            "ivp",
            "worker",
            "--pool=solo",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "-l",
            "warning",
        ],
        env=omgeving,
        cwd=settings.BASE_DIR,
        stdout=(map.parent / "werker.log").open("ab"),
        stderr=subprocess.STDOUT,
    )


def _wacht(voorwaarde, seconden: float, wat: str) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if voorwaarde():
            return
        time.sleep(0.2)
    raise AssertionError(f"na {seconden} s nog niet: {wat}")


def test_a_worker_killed_mid_task_leaves_the_reminder_to_be_sent_once_after_restart(tmp_path):
    map = tmp_path / "mail"
    map.mkdir()
    vandaag = timezone.localdate()
    plan = maak_plan(traject_start=vandaag - dt.timedelta(days=60), periode_start=vandaag)
    coordinator = coordinator_van(plan.gemeente)
    coordinator.email = "oov@example.nl"
    coordinator.save()
    app.conf.update(task_always_eager=False, broker_transport_options={"visibility_timeout": 2})
    vergeet_backend()
    app.control.purge()
    (map / "hang").write_text("")
    werker = _werker(map)
    start = tmp_path / "start"
    tweede = _werker(map, start=start)
    try:
        # The sweep makes step 1's overdue reminder and queues its task after the commit.
        herinneringen.veeg(vandaag=vandaag)
        (bericht,) = Bericht.objects.filter(ontvanger=coordinator)
        _wacht(lambda: (map / "bezig").exists(), 30, "de werker verstuurt de herinnering")
        os.kill(werker.pid, signal.SIGKILL)
        werker.wait(timeout=10)
        bericht.refresh_from_db()
        assert bericht.status == BerichtStatus.WACHT  # nothing left, nothing recorded
        start.write_text("")  # the new worker starts

        def verzonden() -> bool:
            bericht.refresh_from_db()
            return bericht.status == BerichtStatus.VERZONDEN

        # Redis gives the unacknowledged task to the new worker after the visibility timeout.
        _wacht(verzonden, 40, "de nieuwe werker verstuurt de herinnering")
        # No second delivery can follow: the task is acknowledged and nothing waits in Redis
        # (not in the queue, not among the unacknowledged that Redis would hand out again).
        redis = Redis.from_url(settings.CELERY_BROKER_URL)
        _wacht(
            lambda: redis.llen("celery") == 0 and redis.hlen("unacked") == 0,
            10,
            "de taak is bevestigd en er wacht niets meer in Redis",
        )
    finally:
        for proces in (werker, tweede):
            if proces is not None and proces.poll() is None:
                proces.send_signal(signal.SIGTERM)
                proces.wait(timeout=15)
        app.conf.update(task_always_eager=settings.CELERY_TASK_ALWAYS_EAGER)
        app.conf.broker_transport_options = {}
        vergeet_backend()
    mails = sorted(map.glob("*.eml"))
    assert len(mails) == 1
    ontvangen = message_from_bytes(mails[0].read_bytes())
    assert ontvangen["To"] == "oov@example.nl"
    assert "Stap 1" in str(ontvangen["Subject"])
    assert Bericht.objects.filter(ontvanger=coordinator).count() == 1
    assert bericht.pogingen == 1
