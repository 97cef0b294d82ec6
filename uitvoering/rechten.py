"""Who may record the progress of an activity (read by the pages and checked again by
`services.voortgang_save`).

Local: the coordinator OOV of the plan's gemeente, or the werkgroeplid who is its trekker.
Regional: a regional coordinator of its region, or the person who is its trekker (who need
not hold a role in any member gemeente); a member's coordinator sees it but does not write
it, so its progress is entered once for every member.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ivp.constants import RolSoort
from ivp.permissions import mag_plan_regisseren, mag_regio_regisseren

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from ivp.models import Gebruiker
    from uitvoering.models import Activiteit

# Who may be a regional activity's trekker besides the regional coordinators: a coordinator
# or werkgroeplid of a member gemeente.
TREKKER_ROLLEN = (RolSoort.COORDINATOR, RolSoort.WERKGROEPLID)


def mag_voortgang_schrijven(gebruiker: Gebruiker | AnonymousUser, activiteit: Activiteit) -> bool:
    if not gebruiker.is_authenticated:
        return False
    if activiteit.regio_id is not None:
        return (
            mag_regio_regisseren(gebruiker, activiteit.regio_id)
            or activiteit.trekker_gebruiker_id == gebruiker.pk
        )
    up = activiteit.uitvoeringsplan
    if up is None:  # pragma: no cover - the constraint gives a local activity its plan
        return False
    if mag_plan_regisseren(gebruiker, up.plan):
        return True
    trekker = activiteit.trekker
    return trekker is not None and trekker.gebruiker_id == gebruiker.pk
