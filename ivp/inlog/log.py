"""The security log: one JSON line per event on standard output (logger `ivp.beveiliging`).

Every line has `tijd` (UTC, ISO 8601), `gebeurtenis`, and where known `gebruiker` (the
username), `gebruiker_id`, `ip`, `methode` and `pad`. Never a password, token, code or
session key: callers pass only names and ids.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpRequest

    from ivp.models import Gebruiker

logger = logging.getLogger("ivp.beveiliging")

# The events, as they appear in `gebeurtenis`.
INLOG_GELUKT = "inlog_gelukt"
INLOG_MISLUKT = "inlog_mislukt"
GEBLOKKEERD = "geblokkeerd"
ONTGRENDELD = "ontgrendeld"
UITGELOGD = "uitgelogd"
SESSIE_VERLOPEN = "sessie_verlopen"
TWEESTAPS_INGESTELD = "tweestaps_ingesteld"
TWEESTAPS_GELUKT = "tweestaps_gelukt"
TWEESTAPS_MISLUKT = "tweestaps_mislukt"
HERSTELCODE_GEBRUIKT = "herstelcode_gebruikt"
OIDC_GEWEIGERD = "oidc_geweigerd"
WACHTWOORD_GEWIJZIGD = "wachtwoord_gewijzigd"
WACHTWOORD_HERSTEL_GEVRAAGD = "wachtwoord_herstel_gevraagd"
GEWEIGERD = "toegang_geweigerd"
ROL_GEWIJZIGD = "rol_gewijzigd"
BEHEER_ACTIE = "beheer_actie"
INSTELLING_GEWIJZIGD = "beveiliging_gewijzigd"


class JsonRegel(logging.Formatter):
    """A record of `ivp.beveiliging` as one JSON object (its fields: `extra={"velden": …}`)."""

    def format(self, record: logging.LogRecord) -> str:
        regel = {
            "tijd": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(),
            "niveau": record.levelname.lower(),
            "gebeurtenis": record.getMessage(),
            **getattr(record, "velden", {}),
        }
        return json.dumps(regel, ensure_ascii=False, default=str, sort_keys=False)


def meld(
    gebeurtenis: str,
    *,
    request: HttpRequest | None = None,
    gebruiker: Gebruiker | AnonymousUser | None = None,
    niveau: int = logging.INFO,
    **velden: Any,
) -> None:
    """Write one line of the security log. `gebruiker` defaults to the request's user."""
    regel: dict[str, Any] = {}
    if gebruiker is None and request is not None:
        gebruiker = getattr(request, "user", None)
    if gebruiker is not None and gebruiker.is_authenticated:
        regel["gebruiker"] = gebruiker.get_username()
        regel["gebruiker_id"] = gebruiker.pk
    if request is not None:
        # Imported here: this module is loaded by the logging configuration, before the apps.
        from axes.helpers import get_client_ip_address

        regel["ip"] = get_client_ip_address(request)
        regel["methode"] = request.method
        regel["pad"] = request.path
    regel.update(velden)
    regel = {k: v for k, v in regel.items() if v is not None and v != ""}
    logger.log(niveau, gebeurtenis, extra={"velden": regel})
