"""A worker killed with SIGKILL in the middle of sending a reminder: the reminder is sent and
recorded once all the same (issue 9, "Must hold"). Real Redis, real PostgreSQL, a real
`celery worker` process with the production pool (prefork, as `docker-compose.yml` runs it);
the mail is the one that hung, not a copy.

Two ways a worker dies: its pool process alone (the kernel's OOM killer), where the worker
gives the task back to Redis (CELERY_TASK_ACKS_LATE with CELERY_TASK_REJECT_ON_WORKER_LOST);
and the whole worker with its pool (a container killed), where Redis hands the task it never
saw acknowledged to the next worker after the visibility timeout (CELERY_TASK_ACKS_LATE).
With either setting off, a test here fails: the task is acknowledged when the pool takes it,
or when its process is lost, and the mail is never sent.

Not the solo pool: it runs the task inside the worker's event loop, so even an early
acknowledgement waits until the task ends and a kill mid-task loses nothing, whatever the
settings say; a test on it could not fail."""

from __future__ import annotations

import contextlib
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
from ivp.models import Bericht, BerichtStatus, Gebruiker
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


def _werker(map: Path, naam: str, start: Path | None = None) -> subprocess.Popen[bytes]:
    """A real worker with one prefork pool process, in a process group of its own (so the test
    can kill it with its pool); with `start`, its process imports the app now and the worker
    starts (connects, takes tasks) once that file exists (tests/ivp/werker_start.py)."""
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
            "--pool=prefork",
            "--concurrency=1",
            f"--hostname={naam}@%h",
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
        start_new_session=True,
    )


def _stop(proces: subprocess.Popen[bytes]) -> None:
    """Killed with its pool: nothing of it is needed any more (the task is acknowledged, or the
    test failed), and a warm shutdown takes seconds or waits for a send that still hangs."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proces.pid, signal.SIGKILL)
    proces.wait(timeout=10)


def _wacht(voorwaarde, seconden: float, wat: str) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if voorwaarde():
            return
        time.sleep(0.2)
    raise AssertionError(f"na {seconden} s nog niet: {wat}")


def _zendend_proces(map: Path) -> int:
    """The pool process that is sending: it wrote its id into `bezig` and hangs."""
    pid = ""

    def bezig() -> bool:
        nonlocal pid
        pid = (map / "bezig").read_text() if (map / "bezig").exists() else ""
        return pid.isdigit()

    _wacht(bezig, 30, "de werker verstuurt de herinnering")
    return int(pid)


def _genomen(naam: str, bericht: Bericht) -> None:
    """Wait until the worker itself counts the task as taken (its pool accepted it: the moment
    an early acknowledgement goes to Redis), then once more round its event loop, so that an
    acknowledgement it scheduled has reached Redis before the test kills it."""
    inspectie = app.control.inspect(destination=[f"{naam}@{os.uname().nodename}"], timeout=2)

    def genomen() -> bool:
        actief = inspectie.active() or {}
        return any(taak["args"] == [bericht.pk] for taken in actief.values() for taak in taken)

    _wacht(genomen, 20, "de werker heeft de taak genomen")
    assert inspectie.ping()


def _voorbereid(tmp_path: Path) -> tuple[Path, Gebruiker]:
    """The mail directory with `hang`, and a plan whose step 1 is overdue."""
    map = tmp_path / "mail"
    map.mkdir()
    vandaag = timezone.localdate()
    plan = maak_plan(traject_start=vandaag - dt.timedelta(days=60), periode_start=vandaag)
    coordinator = coordinator_van(plan.gemeente)
    coordinator.email = "oov@example.nl"
    coordinator.save()
    app.conf.update(task_always_eager=False)
    vergeet_backend()
    app.control.purge()
    (map / "hang").write_text("")
    return map, coordinator


def _veeg(coordinator: Gebruiker) -> Bericht:
    """The sweep makes step 1's overdue reminder and queues its task after the commit."""
    herinneringen.veeg(vandaag=timezone.localdate())
    (bericht,) = Bericht.objects.filter(ontvanger=coordinator)
    return bericht


def _verzonden_en_bevestigd(map: Path, bericht: Bericht) -> None:
    def verzonden() -> bool:
        bericht.refresh_from_db()
        return bericht.status == BerichtStatus.VERZONDEN

    _wacht(verzonden, 20, "een werker verstuurt de herinnering opnieuw")
    # No second delivery can follow: the task is acknowledged and nothing waits in Redis
    # (not in the queue, not among the unacknowledged that Redis would hand out again).
    redis = Redis.from_url(settings.CELERY_BROKER_URL)
    _wacht(
        lambda: redis.llen("celery") == 0 and redis.hlen("unacked") == 0,
        10,
        "de taak is bevestigd en er wacht niets meer in Redis",
    )


def _een_mail(map: Path, bericht: Bericht) -> None:
    mails = sorted(map.glob("*.eml"))
    assert len(mails) == 1
    ontvangen = message_from_bytes(mails[0].read_bytes())
    assert ontvangen["To"] == "oov@example.nl"
    assert "Stap 1" in str(ontvangen["Subject"])
    assert Bericht.objects.filter(ontvanger=bericht.ontvanger).count() == 1
    bericht.refresh_from_db()
    assert bericht.pogingen == 1


@pytest.fixture
def _zonder_eager():
    yield
    app.conf.update(task_always_eager=settings.CELERY_TASK_ALWAYS_EAGER)
    vergeet_backend()


@pytest.mark.usefixtures("_zonder_eager")
def test_a_pool_process_killed_mid_task_leaves_the_reminder_to_be_sent_once(tmp_path):
    map, coordinator = _voorbereid(tmp_path)
    werker = _werker(map, "een")
    try:
        bericht = _veeg(coordinator)
        pool = _zendend_proces(map)
        _genomen("een", bericht)
        os.kill(pool, signal.SIGKILL)
        # The worker gives the task back to Redis, and its new pool process sends the mail.
        _verzonden_en_bevestigd(map, bericht)
    finally:
        _stop(werker)
    _een_mail(map, bericht)


@pytest.mark.usefixtures("_zonder_eager")
def test_a_worker_killed_mid_task_leaves_the_reminder_to_be_sent_once_after_restart(tmp_path):
    map, coordinator = _voorbereid(tmp_path)
    werker = _werker(map, "een")
    start = tmp_path / "start"
    tweede = _werker(map, "twee", start=start)
    try:
        bericht = _veeg(coordinator)
        _zendend_proces(map)
        _genomen("een", bericht)
        os.killpg(werker.pid, signal.SIGKILL)  # the worker and its pool, as a container dies
        werker.wait(timeout=10)
        bericht.refresh_from_db()
        assert bericht.status == BerichtStatus.WACHT  # nothing left, nothing recorded
        start.write_text("")  # the new worker starts
        # Redis gives the unacknowledged task to the new worker after the visibility timeout
        # (tests/ivp/settings_werker.py: 2 s instead of an hour).
        _verzonden_en_bevestigd(map, bericht)
    finally:
        _stop(werker)
        _stop(tweede)
    _een_mail(map, bericht)
