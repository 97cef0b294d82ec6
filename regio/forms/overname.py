from __future__ import annotations

from django import forms


class AanvaardForm(forms.Form):
    # The publication the coordinator saw: a newer one since is refused, not accepted unread.
    gezien = forms.IntegerField(widget=forms.HiddenInput)


class AfwijsForm(forms.Form):
    gezien = forms.IntegerField(widget=forms.HiddenInput)
    reden = forms.CharField(
        label="Reden",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=(
            "Waarom neemt de gemeente deze tekst niet over? De regio en de andere gemeenten "
            "zien de reden; bij een eerste aanbod staat hij als motivatie in het document."
        ),
        error_messages={"required": "Geef de reden waarom u dit voorstel afwijst."},
    )
