"""Who may do what, per gemeente. Every view and every transition asks here.

The roles of a user are read once per request (one query) and kept on the user object, so a
page asks as often as it likes without adding queries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ivp.constants import RolSoort
from ivp.exceptions import GeenToegang
from ivp.models import Regio, Rol
from ivp.vaste_query import VasteQuery

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from ivp.models import Gebruiker, Plan

# Roles that see a plan's process (the timeline, drafts as later issues add them).
PLAN_LEZERS = frozenset(
    {RolSoort.COORDINATOR, RolSoort.WERKGROEPLID, RolSoort.BESTUURDER, RolSoort.LEZER}
)
# Roles that steer a plan: plan the steps, make transitions, record decisions.
PLAN_REGISSEURS = frozenset({RolSoort.COORDINATOR})


# Unordered: a set per gemeente (Meta.ordering would join the gemeente for nothing). Every
# page asks it: compiled once per process (issue 8).
_ROLLEN = VasteQuery(
    lambda gebruiker_id: (
        Rol.objects.filter(gebruiker_id=gebruiker_id).order_by().values_list("gemeente_id", "soort")
    ),
    "gebruiker_id",
)


def rollen_van(user: Gebruiker | AnonymousUser) -> dict[int, frozenset[str]]:
    """The roles of `user` per gemeente id."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, "_ivp_rollen", None)
    if cached is None:
        per_gemeente: dict[int, set[str]] = {}
        for gemeente_id, soort in _ROLLEN.rijen(gebruiker_id=user.pk):
            per_gemeente.setdefault(gemeente_id, set()).add(soort)
        cached = {gid: frozenset(soorten) for gid, soorten in per_gemeente.items()}
        user._ivp_rollen = cached  # type: ignore[attr-defined]  # per-request cache, not a field
    return cached


def gemeenten_met_rol(user: Gebruiker | AnonymousUser, soorten: frozenset[str]) -> list[int]:
    return [gid for gid, rollen in rollen_van(user).items() if rollen & soorten]


def heeft_rol(user: Gebruiker | AnonymousUser, gemeente_id: int, soorten: frozenset[str]) -> bool:
    return bool(rollen_van(user).get(gemeente_id, frozenset()) & soorten)


def mag_plan_zien(user: Gebruiker | AnonymousUser, plan: Plan) -> bool:
    return heeft_rol(user, plan.gemeente_id, PLAN_LEZERS)


def mag_plan_regisseren(user: Gebruiker | AnonymousUser, plan: Plan) -> bool:
    return heeft_rol(user, plan.gemeente_id, PLAN_REGISSEURS)


def vereis_regie(plan: Plan, door: Gebruiker) -> None:
    """Refuse, in Dutch, anyone but the coordinator OOV of the plan's gemeente."""
    if not mag_plan_regisseren(door, plan):
        raise GeenToegang(f"Alleen de coördinator OOV van {plan.gemeente} mag dit doen.")


# Regional cooperation (docs/regio.md). A regional coordinator (`Regio.coordinatoren`) edits
# the region's shared parts, publishes them, plans joint meetings and sees the regional
# overview; of a member's plan nothing else (no local drafts, comments or hours) unless they
# hold a `Rol` in that gemeente. A member's coordinator decides in its own plan (as above).


def regio_regie_ids(user: Gebruiker | AnonymousUser) -> frozenset[int]:
    """The regions `user` coordinates, read once per request and kept on the user."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_ivp_regio_regie", None)
    if cached is None:
        cached = frozenset(Regio.objects.filter(coordinatoren=user).values_list("pk", flat=True))
        user._ivp_regio_regie = cached  # type: ignore[attr-defined]  # per-request cache, not a field
    return cached


def mag_regio_regisseren(user: Gebruiker | AnonymousUser, regio_id: int) -> bool:
    return regio_id in regio_regie_ids(user)
