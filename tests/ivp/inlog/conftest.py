"""Fixtures of the login tests: the security log as parsed lines, and a person's TOTP app."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ivp.inlog.log import JsonRegel
from ivp.models import Gebruiker

WACHTWOORD = "wachtwoord"  # GebruikerFactory's


class _Opvanger(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(JsonRegel())
        self.regels: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.regels.append(self.format(record))


class Beveiligingslog:
    """What `ivp.beveiliging` wrote during the test, as the JSON lines the platform ships."""

    def __init__(self, opvanger: _Opvanger) -> None:
        self._opvanger = opvanger

    @property
    def regels(self) -> list[str]:
        return self._opvanger.regels

    def van(self, gebeurtenis: str) -> list[dict[str, object]]:
        return [
            regel
            for regel in (json.loads(r) for r in self.regels)
            if regel["gebeurtenis"] == gebeurtenis
        ]


@pytest.fixture
def beveiligingslog() -> Iterator[Beveiligingslog]:
    logger = logging.getLogger("ivp.beveiliging")
    opvanger = _Opvanger()
    logger.addHandler(opvanger)
    try:
        yield Beveiligingslog(opvanger)
    finally:
        logger.removeHandler(opvanger)


@pytest.fixture
def tweestaps_aan(settings):
    settings.IVP_TWEESTAPS_VERPLICHT = True


def app_van(gebruiker: Gebruiker) -> TOTPDevice:
    """A confirmed authenticator app for `gebruiker`."""
    apparaat: TOTPDevice = TOTPDevice.objects.create(
        user=gebruiker, name="Authenticator-app", confirmed=True
    )
    return apparaat


def code_van(apparaat: TOTPDevice, stappen_verder: int = 0) -> str:
    """The code the app shows now (or that many 30-second steps later)."""
    totp = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
    totp.time = totp.time + stappen_verder * apparaat.step
    return f"{totp.token():06d}"


def log_in(client, gebruiker: Gebruiker, wachtwoord: str = WACHTWOORD, pad: str = "/inloggen/"):
    return client.post(pad, {"username": gebruiker.get_username(), "password": wachtwoord})
