"""The werkgroep's column of the regional overview (`regio.overzicht`, docs/regio.md): the
hours spent per member plan against its budget. Totals only, never an entry."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce

from ivp.models import Plan
from regio.overzicht import Cel, Kolom
from werkgroep.constants import uren_tekst
from werkgroep.models import Urenbudget, Urenregistratie, Werkgroep

NUL = Decimal(0)


def _som(model: type[Urenbudget] | type[Urenregistratie]) -> Subquery:
    return Subquery(
        model.objects.filter(lid__werkgroep=OuterRef("pk"))
        .order_by()
        .values("lid__werkgroep")
        .annotate(som=Sum("uren"))
        .values("som"),
        output_field=DecimalField(max_digits=12, decimal_places=2),
    )


def uren(plannen: Sequence[Plan]) -> Mapping[int, Cel]:
    """Hours spent and budgeted per plan (the budgets of its werkgroep's members). One query."""
    cellen: dict[int, Cel] = {}
    rijen = (
        Werkgroep.objects.filter(plan__in=plannen)
        .annotate(
            besteed=Coalesce(_som(Urenregistratie), NUL, output_field=DecimalField()),
            budget=_som(Urenbudget),
        )
        .values_list("plan_id", "besteed", "budget")
    )
    for plan_id, besteed, budget in rijen:
        if budget:
            procent = int(besteed * 100 / budget)
            toelichting = f"van {uren_tekst(budget)} uur begroot ({procent} %)"
        else:
            toelichting = "geen urenbudget"
        cellen[plan_id] = Cel(f"{uren_tekst(besteed)} uur", toelichting)
    return cellen


UREN = Kolom(sleutel="uren", titel="Uren besteed", waarden=uren, volgorde=20)
