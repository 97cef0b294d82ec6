"""Stappen reminders: a step's deadline in 14, 7 and 1 werkdagen (Dutch holidays skipped) and
overdue, a review round closing; each reminder once, by mail and in the app, however often
the sweep runs, a task is retried or re-queued. The coordinator's button and the command."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse

from ivp import herinneringen
from ivp.constants import RolSoort
from ivp.models import Bericht, BerichtStatus
from ivp.tasks import bericht_verstuur
from stappen import services
from stappen.constants import DocumentSoort
from stappen.models import Melding
from tests.ivp.storing import STORING, STORINGS_MAILERS
from tests.stappen.factories import maak_plan
from tests.stappen.stappenplan import coordinator_van, document, lid_van, schrijf, stap, stel_vast

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
# Step 1's deadline: Wednesday 8 June 2022, two days after Pinkstermaandag.
DEADLINE = dt.date(2022, 6, 8)


def op(dag: dt.date, uur: int = 7):
    return time_machine.travel(dt.datetime.combine(dag, dt.time(uur), tzinfo=AMS), tick=False)


def na_commit():
    """The test runs in one transaction: run what would run after each commit."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def veeg(dag: dt.date) -> int:
    with op(dag), na_commit():
        return herinneringen.veeg(vandaag=dag)


@pytest.fixture
def plan():
    return maak_plan(traject_start=dt.date(2022, 5, 1))


@pytest.fixture
def coordinator(plan):
    return coordinator_van(plan.gemeente)


@pytest.fixture
def mensen(plan, coordinator):
    coordinator.email = "oov@example.nl"
    coordinator.save()
    return {
        "coordinator": coordinator,
        "bestuurder": lid_van(plan.gemeente, RolSoort.BESTUURDER, email="bm@example.nl"),
        "lid": lid_van(plan.gemeente, email="politie@example.nl"),
    }


@pytest.fixture
def deadline(plan, coordinator, mensen):
    return services.stap_plan(
        stap=stap(plan, 1),
        door=coordinator,
        gepland_start=plan.traject_start,
        gepland_eind=DEADLINE,
    )


def aan(adres: str) -> list[str]:
    return [str(m.subject) for m in mail.outbox if m.to == [adres]]


def test_a_deadline_is_announced_at_7_and_1_werkdagen_and_when_overdue_once_each(deadline, mensen):
    # Friday after Hemelvaart: 30, 31 May, 1, 2, 3, 7, 8 June — Pinkstermaandag is no
    # werkdag, so 7 werkdagen remain (8 without the holiday, which would be the 14 notice).
    for dag in (dt.date(2022, 5, 27), dt.date(2022, 5, 28)):  # the Saturday: still 7
        veeg(dag)
    assert [m.body.splitlines()[0] for m in mail.outbox if m.to == ["oov@example.nl"]] == [
        "De deadline van Stap 1: Startnotitie van Integraal Veiligheidsplan "
        "2023–2026 is 08-06-2022, over 7 werkdagen."
    ]
    veeg(dt.date(2022, 6, 7))
    veeg(dt.date(2022, 6, 7))
    veeg(dt.date(2022, 6, 8))  # the day itself: the 1 notice was sent, nothing new
    assert len(aan("oov@example.nl")) == 2
    assert "over 1 werkdag." in mail.outbox[1].body
    assert aan("bm@example.nl") == []
    veeg(dt.date(2022, 6, 9))
    veeg(dt.date(2022, 6, 10))
    assert "de stap is nog niet afgerond" in mail.outbox[2].body
    assert len(aan("oov@example.nl")) == 3
    assert len(aan("bm@example.nl")) == 1  # overdue also to the bestuurder
    assert aan("politie@example.nl") == []  # steps are the coordinator's
    assert Melding.objects.filter(gebruiker=mensen["coordinator"]).count() == 3
    assert Melding.objects.filter(gebruiker=mensen["bestuurder"]).count() == 1
    mail_body = next(m for m in mail.outbox if m.to == ["bm@example.nl"])
    assert f"http://127.0.0.1:8000/plannen/{deadline.plan_id}/" in mail_body.body
    html, soort = mail_body.alternatives[0]
    assert soort == "text/html" and "Bekijk het in IVP Regie" in html


def test_a_deadline_14_werkdagen_ahead(deadline, mensen):
    veeg(dt.date(2022, 5, 16))  # 15 werkdagen ahead (Hemelvaart and Pinksteren skipped)
    assert mail.outbox == []
    veeg(dt.date(2022, 5, 17))
    assert "over 14 werkdagen." in mail.outbox[0].body


def test_a_moved_deadline_is_announced_again(plan, deadline, coordinator, mensen):
    veeg(dt.date(2022, 6, 7))
    services.stap_plan(
        stap=deadline,
        door=coordinator,
        gepland_start=plan.traject_start,
        gepland_eind=dt.date(2022, 6, 9),
    )
    veeg(dt.date(2022, 6, 8))
    assert len(aan("oov@example.nl")) == 2


def test_a_finished_step_is_not_reminded(plan, deadline, coordinator, mensen):
    services.stap_start(stap=deadline, door=coordinator)
    startnotitie = document(plan, DocumentSoort.STARTNOTITIE)
    schrijf(startnotitie, coordinator, {"inleiding": "Tekst."})
    stel_vast(startnotitie, coordinator)
    services.stap_close(stap=stap(plan, 1), door=coordinator)
    veeg(dt.date(2022, 6, 9))
    assert aan("oov@example.nl") == []


def test_a_retried_and_a_requeued_task_send_nothing_twice(deadline, mensen):
    veeg(dt.date(2022, 6, 7))
    bericht = Bericht.objects.get(ontvanger=mensen["coordinator"])
    assert bericht.status == BerichtStatus.VERZONDEN
    # The broker redelivers the task, the sweep offers it again, a retry comes late.
    assert bericht_verstuur.delay(bericht.pk).get() is False
    bericht_verstuur.apply(args=[bericht.pk])
    with op(dt.date(2022, 6, 8)), na_commit():
        herinneringen.veeg(vandaag=dt.date(2022, 6, 7), ook_mislukt=True)
    assert len(aan("oov@example.nl")) == 1
    assert mail.outbox[0].extra_headers["Message-ID"].endswith("@ivp-regie.local>")


def test_a_review_round_reminds_who_has_not_responded_2_days_before_and_on_its_last_day(
    plan, coordinator, mensen
):
    stil = lid_van(plan.gemeente, email="stil@example.nl")
    startnotitie = document(plan, DocumentSoort.STARTNOTITIE)
    schrijf(startnotitie, coordinator, {"inleiding": "Veiligheid is belangrijk."})
    with op(dt.date(2022, 5, 2)), na_commit():
        services.document_open_review(
            document=startnotitie, door=coordinator, sluit_op=dt.date(2022, 5, 20), bericht=""
        )
        versie = startnotitie.versies.get()
        services.opmerking_create(
            versie=versie, door=mensen["lid"], sectie="inleiding", tekst="Eens."
        )
    mail.outbox.clear()
    veeg(dt.date(2022, 5, 17))  # three days before: nothing
    assert aan("stil@example.nl") == []
    veeg(dt.date(2022, 5, 18))
    veeg(dt.date(2022, 5, 19))
    veeg(dt.date(2022, 5, 20))
    veeg(dt.date(2022, 5, 20))
    assert aan("politie@example.nl") == []  # responded
    assert len(aan("stil@example.nl")) == 2
    assert "sluit op 20-05-2022" in aan("stil@example.nl")[0]
    assert "sluit vandaag" in aan("stil@example.nl")[1]
    assert Melding.objects.filter(gebruiker=stil).count() == 3  # the round opened, 2 reminders


def test_the_command_runs_the_sweep(deadline, mensen):
    with op(dt.date(2022, 6, 7)), na_commit():
        call_command("herinneringen")
        call_command("herinneringen")
    assert len(aan("oov@example.nl")) == 1


def test_the_coordinator_sends_the_reminders_now_and_sees_what_failed(
    client, plan, deadline, mensen
):
    client.force_login(mensen["coordinator"])
    url = reverse("stappen:herinneringen_versturen", kwargs={"plan_id": plan.pk})
    STORING.aan = True
    try:
        with op(dt.date(2022, 6, 7)), override_settings(MAILERS=STORINGS_MAILERS):
            with na_commit():
                antwoord = client.post(url, follow=True)
            assert "1 nieuwe herinnering verstuurd." in antwoord.text
            bericht = Bericht.objects.get()
            assert bericht.status == BerichtStatus.WACHT and bericht.pogingen == 1
            Bericht.objects.filter(pk=bericht.pk).update(
                status=BerichtStatus.MISLUKT, laatste_fout="SMTPServerDisconnected"
            )
            pagina = client.get(reverse("stappen:plan", kwargs={"plan_id": plan.pk}))
            assert "Niet verzonden:" in pagina.text
            assert "SMTPServerDisconnected" in pagina.text
            STORING.aan = False  # the mail server is back: the button sends it, once
            with na_commit():
                antwoord = client.post(url, follow=True)
            assert "Er waren geen nieuwe herinneringen" in antwoord.text
            with na_commit():
                client.post(url)
    finally:
        STORING.aan = False
    assert len(aan("oov@example.nl")) == 1
    assert "Niet verzonden:" not in client.get(reverse("stappen:plan", args=[plan.pk])).text


def test_only_the_coordinator_may_press_the_button(client, plan, mensen):
    url = reverse("stappen:herinneringen_versturen", kwargs={"plan_id": plan.pk})
    client.force_login(mensen["lid"])
    assert client.post(url).status_code == 404
    assert (
        "Herinneringen nu versturen" not in client.get(reverse("stappen:plan", args=[plan.pk])).text
    )
    client.force_login(mensen["coordinator"])
    assert client.get(url).status_code == 405
    assert "Herinneringen nu versturen" in client.get(reverse("stappen:plan", args=[plan.pk])).text
