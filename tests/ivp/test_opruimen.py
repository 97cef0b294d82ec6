"""Housekeeping of files made in the background (issue 8, ivp/opruimen.py): old downloads go
with their files after IVP_DOWNLOADS_BEWAAR_DAGEN days, and a download whose broker message
was lost is made by the hourly sweep; both can run twice without harm."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from django.core.files.base import ContentFile
from django.test import TestCase
from django.utils import timezone

from ivp import downloads, opruimen
from ivp.celery import app as celery_app
from ivp.constants import AchtergrondStatus
from ivp.models import Download, Gebruiker

pytestmark = pytest.mark.django_db

NU = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


@pytest.fixture
def maker(monkeypatch):
    gemaakt: list[dict] = []

    def maak(gebruiker: Gebruiker, parameters: dict) -> bytes:
        gemaakt.append(parameters)
        return b"uren;van;iedereen\n"

    monkeypatch.setitem(downloads.MAKERS, "proef", downloads.Maker(maak, "text/csv"))
    return gemaakt


def _download(gebruiker, *, dagen_oud: float, status=AchtergrondStatus.KLAAR, naam="a.csv"):
    download = Download.objects.create(
        gebruiker=gebruiker,
        soort="proef",
        parameters={"naam": naam},
        titel="Uren",
        bestandsnaam=naam,
        status=status,
        gevraagd_op=NU - dt.timedelta(days=dagen_oud),
    )
    if status == AchtergrondStatus.KLAAR:
        download.bestand.save(naam, ContentFile(b"inhoud"), save=True)
    return download


def test_downloads_older_than_a_week_go_with_their_files(coordinator, media):
    oud = _download(coordinator, dagen_oud=8, naam="oud.csv")
    mislukt = _download(coordinator, dagen_oud=30, status=AchtergrondStatus.MISLUKT, naam="m.csv")
    recent = _download(coordinator, dagen_oud=6, naam="recent.csv")
    oud_pad, recent_pad = oud.bestand.path, recent.bestand.path

    with TestCase.captureOnCommitCallbacks(execute=True):
        assert opruimen.downloads_opruimen(nu=NU) == 2

    assert list(Download.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not Download.objects.filter(pk__in=[oud.pk, mislukt.pk]).exists()
    assert not os.path.exists(oud_pad) and os.path.exists(recent_pad)
    # A second run (or a second beat) finds nothing more and keeps the recent file.
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert opruimen.downloads_opruimen(nu=NU) == 0
    assert os.path.exists(recent_pad)


def test_the_number_of_days_is_a_setting(coordinator, media, settings):
    settings.IVP_DOWNLOADS_BEWAAR_DAGEN = 3
    _download(coordinator, dagen_oud=4, naam="vier.csv")
    twee = _download(coordinator, dagen_oud=2, naam="twee.csv")
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert opruimen.downloads_opruimen(nu=NU) == 1
    assert list(Download.objects.values_list("pk", flat=True)) == [twee.pk]


def test_the_nightly_task_is_on_the_beat():
    taken = {regel["task"] for regel in celery_app.conf.beat_schedule.values()}
    assert {"ivp.tasks.downloads_opruimen", "ivp.tasks.wachtrij_nalopen"} <= taken


def test_a_download_whose_message_was_lost_is_made_by_the_sweep_once(coordinator, media, maker):
    verloren = _download(coordinator, dagen_oud=0.1, status=AchtergrondStatus.WACHTRIJ)
    net = _download(coordinator, dagen_oud=0.01, status=AchtergrondStatus.WACHTRIJ, naam="n.csv")
    klaar = _download(coordinator, dagen_oud=1, naam="k.csv")
    nu = NU  # 2.4 h after `verloren` was asked, 14 minutes after `net`

    assert opruimen.wachtrij_nalopen(nu=nu) >= 1

    verloren.refresh_from_db()
    net.refresh_from_db()
    klaar.refresh_from_db()
    assert verloren.status == AchtergrondStatus.KLAAR and verloren.bestand.read() == (
        b"uren;van;iedereen\n"
    )
    assert net.status == AchtergrondStatus.WACHTRIJ  # its own message may still come
    assert klaar.status == AchtergrondStatus.KLAAR
    assert maker == [{"naam": "a.csv"}]
    # The sweep again, and the lost message arriving after all: nothing is made twice.
    opruimen.wachtrij_nalopen(nu=nu)
    assert downloads.download_maak(verloren.pk) is False
    assert maker == [{"naam": "a.csv"}]


def test_a_download_the_user_retried_is_not_made_twice(coordinator, media, maker):
    mislukt = _download(coordinator, dagen_oud=1, status=AchtergrondStatus.MISLUKT)
    with TestCase.captureOnCommitCallbacks(execute=True):
        downloads.download_opnieuw(download=mislukt, door=coordinator)
    assert maker == [{"naam": "a.csv"}]
    opruimen.wachtrij_nalopen(nu=timezone.now())
    assert maker == [{"naam": "a.csv"}]
