"""The coordinator's form to grant the confidential sources."""

from __future__ import annotations

from typing import Any

from django import forms

from ivp.models import Gebruiker


def _naam(gebruiker: Gebruiker) -> str:
    return gebruiker.get_full_name() or gebruiker.get_username()


class InzageForm(forms.Form):
    gebruikers = forms.ModelMultipleChoiceField(
        label="Wie mag de vertrouwelijke bronnen lezen?",
        queryset=Gebruiker.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="De coördinator OOV leest ze altijd; lezers en de griffie nooit.",
    )

    def __init__(self, *args: Any, kandidaten: list[Gebruiker], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["gebruikers"]
        assert isinstance(veld, forms.ModelMultipleChoiceField)
        veld.queryset = Gebruiker.objects.filter(pk__in=[g.pk for g in kandidaten]).order_by(
            "first_name", "last_name", "username", "pk"
        )
        veld.label_from_instance = _naam  # type: ignore[method-assign,assignment]
