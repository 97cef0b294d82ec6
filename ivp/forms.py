"""How every form in IVP Regie is rendered.

`settings.FORM_RENDERER` points here. Forms, fields and widgets render through the project's
templates (`TemplatesSetting`), so NL Design System markup lives in one place:

- `templates/includes/form.html`: a whole form (error summary, fields, hidden fields);
- `templates/includes/form_field.html`: one field (label, hint, error, widget);
- `templates/django/forms/widgets/*.html`: the widgets with Utrecht classes.

`TemplatesSetting` finds Django's own form templates through the `django.forms` app, which
therefore has to be in INSTALLED_APPS. See docs/frontend.md.
"""

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.forms.renderers import TemplatesSetting

from ivp.berichten import SOORTEN
from ivp.models import MeldingKeuze


class IvpFormRenderer(TemplatesSetting):
    form_template_name = "includes/form.html"
    field_template_name = "includes/form_field.html"


class InlogForm(AuthenticationForm):
    """Django's login form; once it comes back with errors the error summary has the focus,
    so the username field gives up its `autofocus` (a page has one autofocus)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.fields["username"].widget.attrs.pop("autofocus", None)


class MeldingvoorkeurForm(forms.Form):
    """Per kind of notice: at once, in the daily digest, or no e-mail (not for the kinds that
    cannot be switched off). Built from the kinds the apps registered."""

    def __init__(self, *args: Any, keuzes: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, soort in SOORTEN.items():
            opties = [
                (waarde, label)
                for waarde, label in MeldingKeuze.choices
                if not (soort.verplicht and waarde == MeldingKeuze.UIT)
            ]
            self.fields[code] = forms.ChoiceField(
                label=soort.label,
                choices=opties,
                initial=keuzes.get(code, MeldingKeuze.METEEN),
                # Always one option chosen; not marked "(verplicht)", which would read as
                # "cannot be switched off".
                required=False,
                widget=forms.RadioSelect,
                help_text="Deze melding kunt u niet uitzetten." if soort.verplicht else "",
            )

    def clean(self) -> dict[str, Any]:
        schoon = super().clean() or {}
        return {code: keuze or MeldingKeuze.METEEN for code, keuze in schoon.items()}
