"""Reads of the members of a werkgroep, for its pages and forms."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from ivp.models import Gebruiker, Plan
from ivp.permissions import PLAN_LEZERS, mag_plan_regisseren
from veiligheidsvelden.models import Veld
from werkgroep.models import Lid, Urenbudget, Werkgroep


def leden_met_velden(werkgroep_id: int | None, velden: list[Veld]) -> list[Lid]:
    """The members with their user, oldest first, each with `gekozen_velden`: its velden in
    the order of `velden` (all of them, as the page has them anyway). Two queries: the
    members, and the pairs of the m2m table (a prefetch made a Veld and a related manager per
    member, a fifth of the werkgroep page at 80 members; issue 8)."""
    if werkgroep_id is None:
        return []
    leden = list(
        Lid.objects.filter(werkgroep_id=werkgroep_id).select_related("gebruiker").order_by("pk")
    )
    per_lid: dict[int, set[int]] = {}
    # Through the werkgroep (one parameter), not the members' ids: psycopg parses a query of
    # more than 50 parameters anew each time.
    for lid_id, veld_id in Lid.velden.through.objects.filter(
        lid__werkgroep_id=werkgroep_id
    ).values_list("lid_id", "veld_id"):
        per_lid.setdefault(lid_id, set()).add(veld_id)
    for lid in leden:
        eigen = per_lid.get(lid.pk, set())
        lid.gekozen_velden = [v for v in velden if v.pk in eigen]  # type: ignore[attr-defined]  # read for the page, not a field
    return leden


def leden_keuze(werkgroep_id: int | None) -> QuerySet[Lid]:
    """The members to choose from in a form (an actiepunt's holder, whose hours)."""
    if werkgroep_id is None:
        return Lid.objects.none()
    return Lid.objects.filter(werkgroep_id=werkgroep_id).select_related("gebruiker")


def werkgroep_van(plan: Plan) -> Werkgroep | None:
    return Werkgroep.objects.filter(plan=plan).first()


def regie_lid(user: Gebruiker, lid_id: int) -> Lid:
    """A member of a werkgroep that `user` steers; 404 for anyone else."""
    gevonden = (
        Lid.objects.select_related("werkgroep__plan__gemeente", "gebruiker")
        .filter(pk=lid_id)
        .first()
    )
    if gevonden is None or not mag_plan_regisseren(user, gevonden.werkgroep.plan):
        raise Http404("Lid niet gevonden.")
    return gevonden


def velden_van(lid: Lid) -> list[Veld]:
    return list(lid.velden.all())


def urenbudget_van(lid: Lid) -> Urenbudget | None:
    return Urenbudget.objects.filter(lid=lid).first()


def kandidaten(plan: Plan) -> QuerySet[Gebruiker]:
    """Users of the gemeente who may join: a reading role there and not yet a member."""
    return (
        Gebruiker.objects.filter(
            rollen__gemeente_id=plan.gemeente_id, rollen__soort__in=list(PLAN_LEZERS)
        )
        .exclude(lidmaatschappen__werkgroep__plan=plan)
        .distinct()
        .order_by("first_name", "last_name")
    )
