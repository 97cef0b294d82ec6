"""Which regional activities a member's uitvoeringsplan shows (docs/uitvoering.md,
"Regionale activiteiten"): those of a region the gemeente is a member of now, of the same
year, that contribute to no shared priority or to one the plan took (`regio.Overname` with
keuze overgenomen). One `Q` for the ORM (a subquery each, no join that repeats rows), so
every page keeps its query count; `toont` is the same rule in Python for many plans at once.
"""

from __future__ import annotations

from collections.abc import Collection

from django.db.models import Exists, OuterRef, Q

from ivp.models import Plan, Regio
from regio.constants import OvernameKeuze
from regio.models import Overname


def regionaal_in(plan: Plan, jaar: int | None = None) -> Q:
    """The regional activities shown in `plan`'s uitvoeringsplan of `jaar` (every year of
    the plan when None)."""
    lidmaatschap = Regio.gemeenten.through.objects.filter(gemeente_id=plan.gemeente_id).values(
        "regio_id"
    )
    overgenomen = Overname.objects.filter(
        plan_id=plan.pk,
        deel_id=OuterRef("regiodoelstelling__deel_id"),
        keuze=OvernameKeuze.OVERGENOMEN,
    )
    q = Q(uitvoeringsplan__isnull=True, regio__in=lidmaatschap) & (
        Q(regiodoelstelling__isnull=True) | Q(Exists(overgenomen))
    )
    if jaar is not None:
        q &= Q(jaar=jaar)
    return q


def toont(deel_id: int | None, plan_id: int, overgenomen: Collection[tuple[int, int]]) -> bool:
    """`regionaal_in` for one activity of the plan's region and year: `deel_id` is the shared
    priority it contributes to (None: none), `overgenomen` the (plan id, deel id) pairs taken."""
    return deel_id is None or (plan_id, deel_id) in overgenomen
