"""The link to the region's page in the site header, for regional coordinators only.

Which regions a user coordinates is kept in the session (read at login, one query), so the
header adds no query to any page. A page that reads the regions anyway
(`ivp.permissions.regio_regie_ids`, cached on the user for the request) corrects the session
when they changed meanwhile; an old session without the key reads them once.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from ivp.models import Gebruiker, Regio

SESSIE_SLEUTEL = "ivp_regio_navigatie"


def regios_van(user: Gebruiker) -> list[list[Any]]:
    """[[id, naam], …] of the regions `user` coordinates (one query)."""
    return [
        [pk, naam]
        for pk, naam in Regio.objects.filter(coordinatoren=user).values_list("pk", "naam")
    ]


def bij_inloggen(
    sender: object, request: HttpRequest | None, user: Gebruiker, **kwargs: Any
) -> None:
    """`user_logged_in`: remember the user's regions for the header."""
    if request is not None and hasattr(request, "session"):
        request.session[SESSIE_SLEUTEL] = regios_van(user)


def regio_navigatie(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not hasattr(request, "session"):
        return {}
    bewaard = request.session.get(SESSIE_SLEUTEL)
    actueel = getattr(user, "_ivp_regio_regie", None)  # the per-request cache, if read
    if bewaard is None or (actueel is not None and set(actueel) != {r[0] for r in bewaard}):
        bewaard = regios_van(user)
        request.session[SESSIE_SLEUTEL] = bewaard
    return {"regio_navigatie": bewaard}
