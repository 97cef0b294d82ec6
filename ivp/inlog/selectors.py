"""The reads of logging in: a gemeente its coordinator manages, its locked accounts, a
person's second factor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from axes.models import AccessAttempt
from django.conf import settings
from django.http import Http404
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ivp.constants import RolSoort
from ivp.models import Gebruiker, Gemeente
from ivp.permissions import PLAN_REGISSEURS, heeft_rol
from ivp.selectors import gebruikers_met_rol

if TYPE_CHECKING:
    import datetime as dt


@dataclass(frozen=True)
class Blokkade:
    gebruiker: Gebruiker
    pogingen: int
    laatste_poging: dt.datetime
    tot: dt.datetime


def regie_gemeente(user: Gebruiker, gemeente_id: int) -> Gemeente:
    """A gemeente in which `user` is coordinator OOV; 404 for anyone else."""
    gemeente = Gemeente.objects.filter(pk=gemeente_id).first()
    if gemeente is None or not heeft_rol(user, gemeente.pk, PLAN_REGISSEURS):
        raise Http404("Gemeente niet gevonden.")
    return gemeente


def geblokkeerde_accounts(gemeente_id: int) -> list[Blokkade]:
    """The people with a role in the gemeente whose account is locked now (by username)."""
    mensen = {g.get_username(): g for g in gebruikers_met_rol(gemeente_id, *RolSoort.values)}
    sinds = timezone.now() - settings.AXES_COOLOFF_TIME
    pogingen = AccessAttempt.objects.filter(
        username__in=list(mensen),
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
        attempt_time__gte=sinds,
    ).order_by("username", "-attempt_time")
    gezien: dict[str, Blokkade] = {}
    for poging in pogingen:
        if poging.username and poging.username not in gezien:
            gezien[poging.username] = Blokkade(
                gebruiker=mensen[poging.username],
                pogingen=poging.failures_since_start,
                laatste_poging=poging.attempt_time,
                tot=poging.attempt_time + settings.AXES_COOLOFF_TIME,
            )
    return list(gezien.values())


def gebruiker_van_gemeente(gemeente_id: int, gebruiker_id: int) -> Gebruiker:
    """A person with a role in the gemeente; 404 otherwise."""
    gebruiker = (
        Gebruiker.objects.filter(pk=gebruiker_id, rollen__gemeente_id=gemeente_id)
        .distinct()
        .first()
    )
    if gebruiker is None:
        raise Http404("Persoon niet gevonden.")
    return gebruiker


def tweestaps_app(gebruiker: Gebruiker) -> TOTPDevice | None:
    """The person's confirmed authenticator app, if any."""
    return TOTPDevice.objects.filter(user=gebruiker, confirmed=True).first()


def herstelcodes_over(gebruiker: Gebruiker) -> int:
    return StaticToken.objects.filter(device__user=gebruiker, device__confirmed=True).count()
