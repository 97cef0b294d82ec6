"""Writes shared by every app: how a historied object is saved and deleted."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db.models import Model

from ivp.versies import Versiebeheerd, volgende_versie

if TYPE_CHECKING:
    from ivp.models import Gebruiker


def _geschiedenis(obj: Model, door: Gebruiker | None, reden: str) -> None:
    # django-simple-history reads these two attributes for the history row it writes.
    if door is not None:
        obj._history_user = door  # type: ignore[attr-defined]  # simple-history's own attribute
    if reden:
        obj._change_reason = reden  # type: ignore[attr-defined]  # simple-history's own attribute


def bewaar[M: Model](
    obj: M,
    *,
    door: Gebruiker | None,
    reden: str = "",
    valideer: bool = True,
    velden: Sequence[str] | None = None,
) -> M:
    """Save `obj` after `full_clean()`, recording the acting user and the change reason.

    The history row (django-simple-history) takes `door` as its user and `reden` as its
    change reason. `velden` limits the UPDATE to those fields. `valideer=False` only where the
    service validated `obj` itself just before (to collect the errors of several objects, or
    for a state transition, whose protected state field `full_clean()` must not touch).
    """
    _geschiedenis(obj, door, reden)
    if valideer:
        obj.full_clean()
    if isinstance(obj, Versiebeheerd):  # every update counts (ivp/versies.py)
        volgende_versie(obj)
        if velden is not None:
            velden = [*velden, "versie"]
    obj.save(update_fields=velden)
    return obj


def verwijder(obj: Model, *, door: Gebruiker | None, reden: str = "") -> None:
    """Delete `obj`; its history keeps who deleted it and why."""
    _geschiedenis(obj, door, reden)
    obj.delete()
