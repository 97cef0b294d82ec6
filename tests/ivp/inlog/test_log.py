"""The security log: one JSON line per event, with user, address and time, and no secret."""

from __future__ import annotations

import json
import logging

import pytest
from django.conf import settings
from django.test import RequestFactory

from ivp.constants import RolSoort
from ivp.exceptions import GeenToegang
from ivp.inlog.log import JsonRegel
from ivp.models import Rol
from ivp.views import probeer
from tests.ivp.factories import GebruikerFactory
from tests.ivp.inlog.conftest import log_in

pytestmark = pytest.mark.django_db


def test_the_lines_are_json_on_standard_output():
    assert settings.LOGGING["handlers"]["beveiliging"]["stream"] == "ext://sys.stdout"
    record = logging.LogRecord("ivp.beveiliging", logging.INFO, "", 0, "inlog_gelukt", (), None)
    record.velden = {"gebruiker": "kim", "ip": "10.0.0.1"}
    regel = json.loads(JsonRegel().format(record))
    assert regel["gebeurtenis"] == "inlog_gelukt" and regel["ip"] == "10.0.0.1"
    assert regel["tijd"].endswith("+00:00")


def test_login_failure_success_and_logout(client, werkgroeplid, beveiligingslog):
    werkgroeplid.set_password("Juist-Geheim-77")
    werkgroeplid.save()
    log_in(client, werkgroeplid, "Fout-Wachtwoord-42")
    log_in(client, werkgroeplid, "Juist-Geheim-77")
    sessie = client.cookies["sessionid"].value
    client.post("/uitloggen/")

    mislukt = beveiligingslog.van("inlog_mislukt")[0]
    assert mislukt["poging_gebruiker"] == werkgroeplid.username
    assert mislukt["ip"] == "127.0.0.1" and mislukt["pad"] == "/inloggen/"
    gelukt = beveiligingslog.van("inlog_gelukt")[0]
    assert gelukt["gebruiker_id"] == werkgroeplid.pk and gelukt["via"] == "wachtwoord"
    assert beveiligingslog.van("uitgelogd")[0]["gebruiker"] == werkgroeplid.username
    alles = "\n".join(beveiligingslog.regels)
    assert "Fout-Wachtwoord-42" not in alles and "Juist-Geheim-77" not in alles
    assert sessie and sessie not in alles


def test_another_gemeentes_plan_is_a_logged_404(client, plan, buitenstaander, beveiligingslog):
    client.force_login(buitenstaander)

    assert client.get(f"/plannen/{plan.pk}/").status_code == 404

    regel = beveiligingslog.van("toegang_geweigerd")[0]
    assert regel["gebruiker"] == buitenstaander.username
    assert regel["pad"] == f"/plannen/{plan.pk}/"
    assert regel["ip"] == "127.0.0.1" and regel["status"] == 404


def test_a_refused_action_of_a_service_is_logged(werkgroeplid, beveiligingslog):
    request = RequestFactory().post("/plannen/1/stappen/1/starten/")
    request.user = werkgroeplid

    def service() -> None:
        raise GeenToegang("Alleen de coördinator OOV mag dit doen.")

    class Berichten(list):
        def add(self, *args, **kwargs) -> None:
            self.append(args)

    request._messages = Berichten()
    assert probeer(request, service) is None

    regel = beveiligingslog.van("toegang_geweigerd")[0]
    assert regel["status"] == 403 and regel["gebruiker"] == werkgroeplid.username


def test_role_changes_are_logged(gemeente, beveiligingslog):
    persoon = GebruikerFactory.create()
    rol = Rol.objects.create(gebruiker=persoon, gemeente=gemeente, soort=RolSoort.BESTUURDER)
    rol.delete()

    acties = [(r["actie"], r["rol"]) for r in beveiligingslog.van("rol_gewijzigd")]
    assert acties == [("toegekend", "bestuurder"), ("ingetrokken", "bestuurder")]


def test_admin_actions_are_logged_with_who_did_them(client, gemeente, beveiligingslog):
    beheerder = GebruikerFactory.create(is_staff=True, is_superuser=True)
    client.force_login(beheerder)

    response = client.post(
        f"/beheer/ivp/gemeente/{gemeente.pk}/change/",
        {
            "naam": "Nieuwe naam",
            "cbs_code": gemeente.cbs_code,
            "tweestaps_verplicht": "on",
            "wachtwoord_inloggen": "on",
        },
    )

    assert response.status_code == 302
    regel = beveiligingslog.van("beheer_actie")[0]
    assert regel["gebruiker"] == beheerder.username and regel["actie"] == "gewijzigd"
    assert regel["object"] == "Nieuwe naam" and regel["pad"].startswith("/beheer/")
