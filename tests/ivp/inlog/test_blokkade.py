"""Lockout (django-axes): per username and per address, on /inloggen/ and /beheer/login/, a
Dutch page with the cool-down, and the coordinator who sees and lifts a lockout in the
gemeente."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone

from ivp.constants import RolSoort
from tests.ivp.factories import GebruikerFactory
from tests.ivp.inlog.conftest import log_in
from tests.stappen.stappenplan import lid_van

pytestmark = pytest.mark.django_db


def _fout(client, gebruiker, keer: int, pad: str = "/inloggen/") -> None:
    for _ in range(keer):
        log_in(client, gebruiker, "verkeerd-wachtwoord", pad=pad)


def test_the_right_password_is_refused_after_the_configured_failures(
    client, werkgroeplid, beveiligingslog
):
    _fout(client, werkgroeplid, settings.AXES_FAILURE_LIMIT - 1)
    assert log_in(client, werkgroeplid).status_code == 302  # one short: still in
    client.post("/uitloggen/")

    _fout(client, werkgroeplid, settings.AXES_FAILURE_LIMIT)
    response = log_in(client, werkgroeplid)

    assert response.status_code == 429
    tekst = response.content.decode()
    assert "Inloggen is tijdelijk geblokkeerd" in tekst
    assert f"de komende {settings.AXES_COOLOFF_TIME.seconds // 60} minuten" in tekst
    assert "_auth_user_id" not in client.session
    regel = beveiligingslog.van("geblokkeerd")[0]
    assert regel["poging_gebruiker"] == werkgroeplid.username
    assert regel["ip"] == "127.0.0.1"


def test_the_lockout_ends_after_the_cool_down(client, werkgroeplid):
    _fout(client, werkgroeplid, settings.AXES_FAILURE_LIMIT)
    assert log_in(client, werkgroeplid).status_code == 429

    with time_machine.travel(timezone.now() + settings.AXES_COOLOFF_TIME + dt.timedelta(minutes=1)):
        assert log_in(client, werkgroeplid).status_code == 302


def test_one_address_trying_many_names_is_locked_out(client, gemeente):
    mensen = [lid_van(gemeente) for _ in range(settings.AXES_FAILURE_LIMIT)]
    for persoon in mensen:
        _fout(client, persoon, 1)

    # A name that never failed, from the same address: refused too.
    assert log_in(client, lid_van(gemeente)).status_code == 429
    # Another address is not affected.
    anders = client.__class__(REMOTE_ADDR="10.1.2.3")
    assert log_in(anders, lid_van(gemeente)).status_code == 302


def test_the_admin_login_is_locked_out_too(client):
    beheerder = GebruikerFactory.create(is_staff=True, is_superuser=True)
    _fout(client, beheerder, settings.AXES_FAILURE_LIMIT, pad="/beheer/login/")

    response = log_in(client, beheerder, pad="/beheer/login/")

    assert response.status_code == 429
    assert "Inloggen is tijdelijk geblokkeerd" in response.content.decode()


def test_the_coordinator_sees_a_locked_account_of_the_gemeente_and_unlocks_it(
    client, coordinator, werkgroeplid, andere_gemeente, beveiligingslog
):
    elders = lid_van(andere_gemeente, RolSoort.WERKGROEPLID)
    anders = client.__class__(REMOTE_ADDR="10.9.9.9")
    _fout(anders, werkgroeplid, settings.AXES_FAILURE_LIMIT)
    _fout(anders, elders, settings.AXES_FAILURE_LIMIT)
    pagina = f"/gemeenten/{werkgroeplid.rollen.get().gemeente_id}/inloggen/"

    client.force_login(coordinator)
    tekst = client.get(pagina).content.decode()

    assert str(werkgroeplid) in tekst
    assert str(elders) not in tekst  # another gemeente's person
    response = client.post(f"{pagina}{werkgroeplid.pk}/ontgrendelen/", follow=True)
    assert f"Het account van {werkgroeplid} is ontgrendeld." in response.content.decode()
    assert "Er is nu geen account" in response.content.decode()
    assert log_in(client.__class__(REMOTE_ADDR="10.9.9.8"), werkgroeplid).status_code == 302
    assert beveiligingslog.van("ontgrendeld")[0]["ontgrendeld"] == werkgroeplid.username


def test_only_the_coordinator_of_the_gemeente_manages_its_logins(
    client, gemeente, werkgroeplid, buitenstaander, beveiligingslog
):
    pagina = f"/gemeenten/{gemeente.pk}/inloggen/"
    for persoon in (werkgroeplid, buitenstaander):
        client.force_login(persoon)
        assert client.get(pagina).status_code == 404
        assert client.post(f"{pagina}{werkgroeplid.pk}/ontgrendelen/").status_code == 404

    geweigerd = beveiligingslog.van("toegang_geweigerd")
    assert {r["gebruiker"] for r in geweigerd} == {werkgroeplid.username, buitenstaander.username}
    assert all(r["status"] == 404 and r["pad"].startswith(pagina) for r in geweigerd)


def test_a_person_of_the_gemeente_who_is_not_locked_is_not_listed(client, coordinator, lezer):
    log_in(client, lezer, "een-keer-fout")
    client.force_login(coordinator)
    tekst = client.get(f"/gemeenten/{lezer.rollen.get().gemeente_id}/inloggen/").content.decode()
    assert str(lezer) not in tekst
