"""The filters of the plan table (django-filter): trekker, partner, status and quarter."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q, QuerySet

from uitvoering.constants import KWARTAAL_KEUZES, ActiviteitStatus, kwartaal_eind, kwartaal_start
from uitvoering.models import Activiteit
from werkgroep.models import Lid


class ActiviteitFilter(django_filters.FilterSet):
    trekker = django_filters.ModelChoiceFilter(
        label="Trekker", queryset=Lid.objects.none(), empty_label="Alle trekkers"
    )
    partner = django_filters.CharFilter(
        label="Partner", field_name="partners", lookup_expr="icontains"
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=ActiviteitStatus.choices, empty_label="Alle statussen"
    )
    kwartaal = django_filters.ChoiceFilter(
        label="Kwartaal",
        choices=KWARTAAL_KEUZES,
        empty_label="Alle kwartalen",
        method="in_kwartaal",
    )

    class Meta:
        model = Activiteit
        fields = ["trekker", "partner", "status", "kwartaal"]

    def __init__(self, *args: Any, jaar: int, leden: QuerySet[Lid], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jaar = jaar
        self.filters["trekker"].queryset = leden
        self.form.fields["trekker"].queryset = leden

    def in_kwartaal(self, queryset: QuerySet[Activiteit], name: str, value: str) -> Any:
        """The activities planned (in part) in that quarter of the plan's year."""
        kwartaal = int(value)
        return queryset.filter(
            Q(start__lte=kwartaal_eind(self.jaar, kwartaal))
            & Q(eind__gte=kwartaal_start(self.jaar, kwartaal))
        )
