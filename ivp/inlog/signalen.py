"""Receivers that write the security log for what Django, axes and the admin signal, and mark
the moment of login in the session (for its absolute lifetime). Connected in IvpConfig.ready."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_delete, post_save
from simple_history.models import HistoricalRecords

from ivp.inlog import log
from ivp.inlog.regels import tweestaps_nodig
from ivp.models import Rol

if TYPE_CHECKING:
    from django.http import HttpRequest

# Session keys: when the person logged in, when they last did something, and how.
INLOG_OP = "ivp_inlog_op"
LAATST_OP = "ivp_laatst_op"
VIA_OIDC = "ivp_via_oidc"
# Whether the person must give a second factor this session (decided here, at login).
TWEESTAPS_NODIG = "ivp_tweestaps_nodig"
OIDC_BACKEND = "ivp.inlog.oidc.OidcBackend"

_ACTIES = {ADDITION: "toegevoegd", CHANGE: "gewijzigd", DELETION: "verwijderd"}


def _huidig_verzoek() -> HttpRequest | None:
    """The request being handled (simple_history's middleware keeps it), if any."""
    return getattr(HistoricalRecords.context, "request", None)


def ingelogd(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    via_oidc = getattr(user, "backend", "") == OIDC_BACKEND
    if request is not None and hasattr(request, "session"):
        nu = int(time.time())
        request.session[INLOG_OP] = nu
        request.session[LAATST_OP] = nu
        request.session[VIA_OIDC] = via_oidc
        provider_telt = via_oidc and settings.OIDC_TWEESTAPS_BIJ_PROVIDER
        request.session[TWEESTAPS_NODIG] = not provider_telt and tweestaps_nodig(user)
    log.meld(
        log.INLOG_GELUKT, request=request, gebruiker=user, via="oidc" if via_oidc else "wachtwoord"
    )


def inlog_mislukt(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # Only the username: Django masks the password, and nothing else is worth keeping.
    log.meld(log.INLOG_MISLUKT, request=request, poging_gebruiker=credentials.get("username"))


def geblokkeerd(
    sender: Any, request: HttpRequest, username: str | None, ip_address: str | None, **kwargs: Any
) -> None:
    log.meld(log.GEBLOKKEERD, request=request, poging_gebruiker=username, geblokkeerd_ip=ip_address)


def uitgelogd(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if user is not None:
        log.meld(log.UITGELOGD, request=request, gebruiker=user)


def rol_bewaard(sender: Any, instance: Rol, created: bool = False, **kwargs: Any) -> None:
    log.meld(
        log.ROL_GEWIJZIGD,
        request=_huidig_verzoek(),
        actie="toegekend" if created else "gewijzigd",
        rol=instance.soort,
        rol_gebruiker_id=instance.gebruiker_id,
        gemeente_id=instance.gemeente_id,
    )


def rol_verwijderd(sender: Any, instance: Rol, **kwargs: Any) -> None:
    log.meld(
        log.ROL_GEWIJZIGD,
        request=_huidig_verzoek(),
        actie="ingetrokken",
        rol=instance.soort,
        rol_gebruiker_id=instance.gebruiker_id,
        gemeente_id=instance.gemeente_id,
    )


def beheer_actie(sender: Any, instance: LogEntry, created: bool = False, **kwargs: Any) -> None:
    if not created:
        return
    log.meld(
        log.BEHEER_ACTIE,
        request=_huidig_verzoek(),
        gebruiker=instance.user,
        actie=_ACTIES.get(instance.action_flag, str(instance.action_flag)),
        objectsoort=str(instance.content_type) if instance.content_type_id else None,
        object_id=instance.object_id,
        object=instance.object_repr,
    )


def verbind() -> None:
    user_logged_in.connect(ingelogd, dispatch_uid="ivp.inlog.ingelogd")
    user_login_failed.connect(inlog_mislukt, dispatch_uid="ivp.inlog.mislukt")
    user_logged_out.connect(uitgelogd, dispatch_uid="ivp.inlog.uitgelogd")
    user_locked_out.connect(geblokkeerd, dispatch_uid="ivp.inlog.geblokkeerd")
    post_save.connect(rol_bewaard, sender=Rol, dispatch_uid="ivp.inlog.rol_bewaard")
    post_delete.connect(rol_verwijderd, sender=Rol, dispatch_uid="ivp.inlog.rol_verwijderd")
    post_save.connect(beheer_actie, sender=LogEntry, dispatch_uid="ivp.inlog.beheer_actie")
