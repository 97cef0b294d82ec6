"""Sessions end after 30 minutes without a request and after 12 hours anyhow."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_a_session_ends_after_thirty_idle_minutes(client, werkgroeplid, beveiligingslog):
    with time_machine.travel(timezone.now(), tick=False) as reis:
        client.force_login(werkgroeplid)
        reis.shift(dt.timedelta(minutes=29))
        assert client.get("/").status_code == 200
        reis.shift(dt.timedelta(minutes=29))  # 58 minutes after login, 29 after the last page
        assert client.get("/").status_code == 200

        reis.shift(dt.timedelta(minutes=31))
        response = client.get("/", follow=True)

    assert response.redirect_chain[-1][0].startswith("/inloggen/")
    assert "U bent uitgelogd omdat u 30 minuten niets hebt gedaan." in response.content.decode()
    regel = beveiligingslog.van("sessie_verlopen")[0]
    assert regel["reden"] == "inactief" and regel["gebruiker"] == werkgroeplid.username


def test_a_session_ends_after_twelve_hours_however_active(client, werkgroeplid):
    with time_machine.travel(timezone.now(), tick=False) as reis:
        client.force_login(werkgroeplid)
        for _ in range(12 * 3):
            reis.shift(dt.timedelta(minutes=20))
            assert client.get("/").status_code == 200
        reis.shift(dt.timedelta(minutes=20))
        response = client.get("/", follow=True)

    assert "langer dan 12 uur" in response.content.decode()


def test_the_lifetimes_are_configurable(client, werkgroeplid, settings):
    settings.IVP_SESSIE_INACTIEF_MINUTEN = 5
    with time_machine.travel(timezone.now(), tick=False) as reis:
        client.force_login(werkgroeplid)
        reis.shift(dt.timedelta(minutes=6))
        assert client.get("/").status_code == 302
