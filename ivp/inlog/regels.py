"""Who must use the second factor and who may use a password: the rules in one place.

The second factor is asked of every person who set it up, and — while
`IVP_TWEESTAPS_VERPLICHT` is on — of every coordinator, of everyone in a gemeente that made it
compulsory, and of everyone on /beheer/. The decision is taken at login and kept in the
session, so that a page costs no extra query; a changed role or gemeente setting applies from
the next login.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django_otp import user_has_device

from ivp.constants import RolSoort
from ivp.models import Gemeente
from ivp.permissions import rollen_van

if TYPE_CHECKING:
    from ivp.models import Gebruiker


def oidc_aan() -> bool:
    """Single sign-on is configured (issuer and client)."""
    return bool(settings.OIDC_ISSUER and settings.OIDC_RP_CLIENT_ID)


def tweestaps_nodig(gebruiker: Gebruiker) -> bool:
    """Whether this person must give a second factor after the password."""
    if user_has_device(gebruiker):
        return True
    if not settings.IVP_TWEESTAPS_VERPLICHT:
        return False
    rollen = rollen_van(gebruiker)
    if any(RolSoort.COORDINATOR in soorten for soorten in rollen.values()):
        return True
    return Gemeente.objects.filter(pk__in=list(rollen), tweestaps_verplicht=True).exists()


def tweestaps_nodig_voor_beheer(gebruiker: Gebruiker) -> bool:
    """/beheer/ always asks the second factor (while the requirement is on)."""
    return bool(settings.IVP_TWEESTAPS_VERPLICHT and gebruiker.is_staff)


def wachtwoord_toegestaan(gebruiker: Gebruiker) -> bool:
    """False when one of the person's gemeenten switched password login off (single sign-on
    only); a person without a role (a pure administrator) keeps the password."""
    return not Gemeente.objects.filter(
        rollen__gebruiker=gebruiker, wachtwoord_inloggen=False
    ).exists()
