"""The regional coordinator's form of a joint meeting: when, where, the subject, the joint
agenda and (when planning) the member gemeenten taking part."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from ivp.fields import DatumVeld
from ivp.models import Gemeente
from ivp.versies import VersieForm
from werkgroep.forms import TijdVeld, zet_keuzes


class GezamenlijkForm(VersieForm, forms.Form):
    titel = forms.CharField(
        label="Onderwerp",
        max_length=200,
        help_text="Bijvoorbeeld ‘Gezamenlijke werkgroep: bovenlokale prioriteiten’.",
    )
    gemeenten = forms.ModelMultipleChoiceField(
        label="Gemeenten",
        queryset=Gemeente.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Kies ten minste twee gemeenten. De werkgroep van het nieuwste plan van elke "
        "gemeente krijgt de bijeenkomst, met haar eigen aanwezigheid, notulen en actiepunten.",
        error_messages={"required": "Kies ten minste twee gemeenten."},
    )
    datum = DatumVeld(label="Datum")
    begintijd = TijdVeld(label="Begintijd")
    eindtijd = TijdVeld(label="Eindtijd")
    locatie = forms.CharField(label="Plaats", required=False, max_length=200)
    online_link = forms.URLField(
        label="Link voor online deelname",
        required=False,
        assume_scheme="https",
        help_text="Bijvoorbeeld https://meet.example.nl/ivp.",
    )
    agenda = forms.CharField(
        label="Gezamenlijke agendapunten",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Eén agendapunt per regel. Elke werkgroep kan er eigen punten aan toevoegen.",
    )

    def __init__(
        self, *args: Any, gemeenten: QuerySet[Gemeente] | None = None, **kwargs: Any
    ) -> None:
        """Without `gemeenten` the form moves a planned meeting: who takes part and the joint
        agenda are then as planned."""
        super().__init__(*args, **kwargs)
        if gemeenten is None:
            del self.fields["gemeenten"]
            del self.fields["agenda"]
        else:
            zet_keuzes(self, gemeenten=gemeenten)
