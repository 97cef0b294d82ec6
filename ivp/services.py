"""Writes shared by every app: how a historied object is saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Model

if TYPE_CHECKING:
    from ivp.models import Gebruiker


def bewaar[M: Model](
    obj: M, *, door: Gebruiker | None, reden: str = "", valideer: bool = True
) -> M:
    """Save `obj` after `full_clean()`, recording the acting user and the change reason.

    The history row (django-simple-history) takes `door` as its user and `reden` as its
    change reason. `valideer=False` only for a state transition, whose object was valid
    before and whose protected state field `full_clean()` must not touch.
    """
    # simple-history reads these two private attributes; Model does not declare them.
    obj._history_user = door  # type: ignore[attr-defined]
    if reden:
        obj._change_reason = reden  # type: ignore[attr-defined]
    if valideer:
        obj.full_clean()
    obj.save()
    return obj
