"""The outbox: a mail server that is down is retried with backoff, the mail ends "niet
verzonden" after the last attempt and is delivered once when the server is back; a request
never fails on it; two sweeps at once create each reminder once; a real worker delivers."""

import datetime as dt
import threading
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
import time_machine
from celery.exceptions import Retry
from django.core import mail
from django.db import connection
from django.test import TestCase, override_settings
from django.urls import reverse

from ivp import berichten, herinneringen
from ivp.celery import app
from ivp.constants import RolSoort
from ivp.models import Bericht, BerichtStatus
from ivp.tasks import bericht_verstuur
from ivp.werkdagen import is_werkdag, werkdagen_tot
from stappen import services
from stappen.constants import DocumentSoort
from stappen.models import Melding
from tests.ivp.storing import STORING, STORINGS_MAILERS
from tests.ivp.werker import vergeet_backend
from tests.stappen.factories import maak_plan
from tests.stappen.stappenplan import coordinator_van, document, lid_van, schrijf

AMS = ZoneInfo("Europe/Amsterdam")
START = dt.datetime(2022, 6, 27, 7, tzinfo=AMS)  # step 1's deadline 30-06-2022 is 3 werkdagen on


@pytest.fixture
def storing():
    STORING.aan, STORING.pogingen = True, 0
    with override_settings(MAILERS=STORINGS_MAILERS):
        yield STORING
    STORING.aan = False


def test_werkdagen_skip_weekends_and_dutch_holidays():
    assert not is_werkdag(dt.date(2027, 5, 6))  # Hemelvaartsdag
    assert not is_werkdag(dt.date(2027, 4, 27))  # Koningsdag
    assert not is_werkdag(dt.date(2027, 5, 8))  # a Saturday
    assert is_werkdag(dt.date(2027, 5, 7))
    # Wednesday 5 May 2027 → Monday 10 May: the 7th (Friday) and the 10th.
    assert werkdagen_tot(dt.date(2027, 5, 5), dt.date(2027, 5, 10)) == 2


def test_the_beat_runs_the_sweep_at_seven_in_amsterdam():
    entry = app.conf.beat_schedule["herinneringen"]
    assert entry["task"] in app.tasks
    assert entry["schedule"].hour == {7} and entry["schedule"].minute == {0}
    assert app.conf.timezone == "Europe/Amsterdam"
    # The meeting calendars are fetched before the sweep counts back from them.
    feeds = app.conf.beat_schedule["vergaderkalenders"]
    assert feeds["task"] in app.tasks
    assert feeds["schedule"].hour == {5}


@pytest.mark.django_db
def test_a_mail_server_that_is_down_is_retried_with_backoff_then_niet_verzonden(storing):
    plan = maak_plan()
    coordinator = coordinator_van(plan.gemeente)
    coordinator.email = "oov@example.nl"
    coordinator.save()
    with time_machine.travel(START, tick=False) as reis:
        with TestCase.captureOnCommitCallbacks(execute=True):
            herinneringen.veeg(vandaag=START.date())
        bericht = Bericht.objects.get()
        assert (bericht.status, bericht.pogingen) == (BerichtStatus.WACHT, 1)
        assert bericht.volgende_poging == START + dt.timedelta(minutes=1)
        # With a worker, the task retries itself: 2, 4, 8 … minutes after each failure.
        bericht_verstuur.push_request(is_eager=False, retries=1)
        try:
            with (
                mock.patch.object(bericht_verstuur, "retry", side_effect=Retry) as retry,
                pytest.raises(Retry),
            ):
                bericht_verstuur.run(bericht.pk)
        finally:
            bericht_verstuur.pop_request()
        assert retry.call_args.kwargs["countdown"] == 120
        # Without a worker (eager), each sweep tries what is due again.
        for _ in range(berichten.MAX_POGINGEN):
            reis.shift(dt.timedelta(hours=1))
            with TestCase.captureOnCommitCallbacks(execute=True):
                herinneringen.veeg(vandaag=START.date())
        bericht.refresh_from_db()
        assert bericht.status == BerichtStatus.MISLUKT
        assert bericht.get_status_display() == "Niet verzonden"
        assert bericht.pogingen == berichten.MAX_POGINGEN
        assert "SMTPServerDisconnected" in bericht.laatste_fout
        assert storing.pogingen == berichten.MAX_POGINGEN
        # Over: a later sweep does not try it again by itself …
        with TestCase.captureOnCommitCallbacks(execute=True):
            herinneringen.veeg(vandaag=START.date())
        assert storing.pogingen == berichten.MAX_POGINGEN
        # … the coordinator sees it, and once the server is back it is delivered, once.
        assert list(berichten_van_gemeente(plan.gemeente_id)) == [bericht]
        storing.aan = False
        for _ in range(2):
            with TestCase.captureOnCommitCallbacks(execute=True):
                herinneringen.veeg(vandaag=START.date(), ook_mislukt=True)
    assert [m.to for m in mail.outbox] == [["oov@example.nl"]]
    assert mail.outbox[0].extra_headers["Message-ID"] == berichten.message_id(bericht)
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.VERZONDEN
    assert Melding.objects.filter(gebruiker=coordinator).count() == 1


def berichten_van_gemeente(gemeente_id):
    from ivp.selectors import niet_verzonden

    return niet_verzonden(gemeente_id)


@pytest.mark.django_db(transaction=True)
def test_a_reply_while_the_mail_server_is_down_succeeds_and_is_delivered_later(client, storing):
    storing.aan = False
    plan = maak_plan()
    coordinator = coordinator_van(plan.gemeente)
    auteur = lid_van(plan.gemeente, username="politie", email="politie@example.nl")
    startnotitie = document(plan, DocumentSoort.STARTNOTITIE)
    schrijf(startnotitie, coordinator, {"inleiding": "Veiligheid is belangrijk."})
    services.document_open_review(
        document=startnotitie, door=coordinator, sluit_op=dt.date(2099, 1, 1), bericht=""
    )
    draad = services.opmerking_create(
        versie=startnotitie.versies.get(), door=auteur, sectie="inleiding", tekst="Eens."
    )
    mail.outbox.clear()
    client.force_login(coordinator)
    storing.aan = True
    antwoord = client.post(
        reverse("stappen:opmerking_actie", args=[draad.pk, "antwoord"]),
        {"tekst": "Dank, @politie."},
        follow=True,
    )
    assert antwoord.status_code == 200
    assert "Uw reactie is geplaatst." in antwoord.text
    wacht = list(Bericht.objects.filter(ontvanger=auteur, status=BerichtStatus.WACHT))
    assert {b.soort for b in wacht} == {"noeming", "reactie"}
    assert mail.outbox == []
    storing.aan = False
    with time_machine.travel(dt.timedelta(hours=1), tick=False):
        herinneringen.veeg(vandaag=dt.date(2099, 1, 1))
        herinneringen.veeg(vandaag=dt.date(2099, 1, 1))
    assert sorted(m.subject for m in mail.outbox if m.to == ["politie@example.nl"]) == sorted(
        b.onderwerp for b in wacht
    )
    assert len(mail.outbox) == 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_the_same_moment_create_each_reminder_once():
    plan = maak_plan()
    for soort in (RolSoort.COORDINATOR, RolSoort.COORDINATOR, RolSoort.BESTUURDER):
        lid_van(plan.gemeente, soort, email=f"{soort}@example.nl")
    samen = threading.Barrier(2)
    fouten: list[BaseException] = []
    vandaag = dt.date(2022, 11, 2)

    def veeg() -> None:
        try:
            samen.wait(timeout=10)
            herinneringen.veeg(vandaag=vandaag)
        except BaseException as fout:  # reported in the main thread
            fouten.append(fout)
        finally:
            connection.close()

    with time_machine.travel(dt.datetime(2022, 11, 2, 7, tzinfo=AMS), tick=True):
        vegers = [threading.Thread(target=veeg) for _ in range(2)]
        for t in vegers:
            t.start()
        for t in vegers:
            t.join(timeout=60)
    assert fouten == []
    # Steps 1, 2 and 3 are overdue: 2 coordinators and the bestuurder each, once.
    assert Bericht.objects.filter(soort="stap_te_laat").count() == 9
    assert Melding.objects.count() == 9
    assert len(mail.outbox) == 9
    assert len({m.extra_headers["Message-ID"] for m in mail.outbox}) == 9


@pytest.mark.redis
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_delivers_a_due_reminder_once():
    import celery.contrib.testing.tasks  # noqa: F401  (registers celery.ping)
    from celery.contrib.testing.worker import start_worker
    from django.conf import settings
    from django.utils import timezone

    vandaag = timezone.localdate()
    plan = maak_plan(
        traject_start=vandaag - dt.timedelta(days=60),
        periode_start=vandaag,  # and the method's four years
    )
    coordinator = coordinator_van(plan.gemeente)
    coordinator.email = "oov@example.nl"
    coordinator.save()
    app.conf.update(task_always_eager=False, result_backend=settings.CELERY_BROKER_URL)
    vergeet_backend()
    try:
        with start_worker(app, pool="solo", perform_ping_check=True, shutdown_timeout=10):
            for _ in range(2):  # the beat's task, twice
                app.tasks["ivp.tasks.herinneringen_versturen"].delay().get(timeout=60)
                # The queue is first in, first out with one task at a time: when this ping
                # returns, the mails the sweep queued before it have been handled.
                app.tasks["celery.ping"].delay().get(timeout=60)
    finally:
        app.conf.update(task_always_eager=settings.CELERY_TASK_ALWAYS_EAGER, result_backend=None)
        vergeet_backend()
    verzonden = Bericht.objects.filter(ontvanger=coordinator)
    assert verzonden.exists()
    assert set(verzonden.values_list("status", flat=True)) == {BerichtStatus.VERZONDEN}
    assert len(mail.outbox) == verzonden.count()
    assert len({m.extra_headers["Message-ID"] for m in mail.outbox}) == verzonden.count()
