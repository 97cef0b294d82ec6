"""A calendar link expires after IVP_AGENDAFEED_GELDIG_DAGEN days (issue 15, finding 12);
its owner sees until when it works, and that it expired."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from ivp.models import Gebruiker

pytestmark = pytest.mark.django_db


def test_a_link_works_until_it_expires_and_its_owner_sees_it(
    client: Client, coordinator: Gebruiker, settings
) -> None:
    settings.IVP_AGENDAFEED_GELDIG_DAGEN = 30
    begin = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
    with time_machine.travel(begin, tick=False):
        client.force_login(coordinator)
        client.post(reverse("werkgroep:agenda"), {"actie": "maken"})
        token = coordinator.agendafeed.token
        html = client.get(reverse("werkgroep:agenda")).content.decode()
        assert "werkt tot en met 31-03-2026" in html
    with time_machine.travel(begin + dt.timedelta(days=29), tick=False):
        assert client.get(reverse("werkgroep:feed", args=[token])).status_code == 200
    with time_machine.travel(begin + dt.timedelta(days=30), tick=False):
        assert client.get(reverse("werkgroep:feed", args=[token])).status_code == 404
        client.force_login(coordinator)  # the session itself ended meanwhile
        html = client.get(reverse("werkgroep:agenda")).content.decode()
        assert "Deze link is verlopen op 31-03-2026" in html
        client.post(reverse("werkgroep:agenda"), {"actie": "vernieuwen"})
        coordinator.refresh_from_db()
        assert (
            client.get(reverse("werkgroep:feed", args=[coordinator.agendafeed.token])).status_code
            == 200
        )
