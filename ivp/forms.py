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
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.utils.safestring import SafeString, mark_safe

from ivp.berichten import SOORTEN
from ivp.models import MeldingKeuze
from ivp.templatetags.ivp_keuzes import attrs_html, html_escape, keuzes_html, select_opties


class IvpFormRenderer(TemplatesSetting):
    form_template_name = "includes/form.html"
    field_template_name = "includes/form_field.html"


class Keuzegroep(BoundField):
    """A radio group (or a set of checkboxes) written in one pass of Python: the HTML of
    `includes/form_field.html` (the fieldset branch, with `form_field_help.html`) and of the
    widget, without rendering three templates for it (issue 8: the attendance form has one
    radio group per member). A form with many such fields sets `bound_field_class`;
    `tests/ivp/test_keuzes.py` holds the output equal to the template's. Anything else (a
    widget with templates of its own, a hidden initial, another renderer) goes the usual
    way."""

    def _snel(self) -> bool:
        widget = self.field.widget
        return (
            type(widget) in (forms.RadioSelect, forms.CheckboxSelectMultiple)
            and widget.template_name == type(widget).template_name
            and widget.option_template_name == type(widget).option_template_name
            and not self.field.show_hidden_initial
            and getattr(self.field, "template_name", None) is None
            and isinstance(self.form.renderer, IvpFormRenderer)
        )

    def as_field_group(self) -> SafeString:
        if not self._snel():
            return super().as_field_group()
        fouten = self.errors
        klassen = self.css_classes()
        beschreven = self.aria_describedby
        delen = [
            '<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ivp-veld'
            + (" utrecht-form-fieldset--invalid" if fouten else "")
            + (f" {html_escape(klassen)}" if klassen else "")
            + '"'
            + (f' aria-describedby="{html_escape(beschreven)}"' if beschreven else "")
            + ">"
        ]
        if self.label:
            verplicht = ' <span class="ivp-verplicht">(verplicht)</span>'
            delen.append(
                '<legend class="utrecht-form-fieldset__legend '
                'utrecht-form-fieldset__legend--html-legend ivp-veld__label">'
                f"{html_escape(self.label)}"
                f"{verplicht if self.field.required else ''}</legend>"
            )
        auto_id = html_escape(self.auto_id)
        if self.help_text:
            delen.append(
                '<div class="utrecht-form-field__description utrecht-form-field-description"'
                + (f' id="{auto_id}_helptext"' if auto_id else "")
                + f">{self.help_text}</div>"
            )
        if fouten:
            delen.append(
                '<div class="utrecht-form-field__error-message utrecht-form-field-error-message"'
                + (f' id="{auto_id}_error"' if auto_id else "")
                + ">"
                + "".join(
                    '<p class="ivp-foutmelding"><span class="ivp-visueel-verborgen">Fout: </span>'
                    f"{html_escape(str(fout))}</p>"
                    for fout in fouten
                )
                + "</div>"
            )
        delen.append(self._widget_html())
        delen.append("</fieldset>")
        return mark_safe("\n".join(delen))

    def _widget_html(self) -> SafeString:
        """What `as_widget()` renders, without the widget's template."""
        widget = self.field.widget
        if self.field.localize:
            widget.is_localized = True
        attrs = self.build_widget_attrs({}, widget)
        if self.auto_id and "id" not in widget.attrs:
            attrs.setdefault("id", self.auto_id)
        context = widget.get_context(self.html_name, self.value(), attrs)
        return keuzes_html(context["widget"])


# The widgets `Veldgroep` writes itself, with the classes `input.html` gives a text-like input.
_INVOER = (forms.TextInput, forms.DateInput, forms.NumberInput, forms.EmailInput, forms.URLInput)
_VERPLICHT = ' <span class="ivp-verplicht">(verplicht)</span>'


class Veldgroep(BoundField):
    """A text, date or number input or a select written in one pass of Python: the HTML of
    `includes/form_field.html` (the text branch, with `form_field_help.html`) and of the
    widget (`input.html`, `select.html`), without rendering four templates for it (issue 8:
    the uren page's two forms through the field templates were a third of what was left of
    it). A form sets `bound_field_class`; `tests/ivp/test_veldgroep.py` holds the output
    equal to the templates'. Anything else (another widget or one with a template of its
    own, a hidden initial, another renderer) goes the usual way."""

    def _snel(self) -> bool:
        widget = self.field.widget
        return (
            (type(widget) in _INVOER or type(widget) is forms.Select)
            and widget.template_name == type(widget).template_name
            and not self.field.show_hidden_initial
            and getattr(self.field, "template_name", None) is None
            and isinstance(self.form.renderer, IvpFormRenderer)
        )

    def as_field_group(self) -> SafeString:
        if not self._snel():
            return super().as_field_group()
        fouten = self.errors
        klassen = self.css_classes()
        label_for = self.id_for_label
        delen = [
            '<div class="utrecht-form-field utrecht-form-field--text ivp-veld'
            + (" utrecht-form-field--invalid" if fouten else "")
            + (f" {html_escape(klassen)}" if klassen else "")
            + '">',
            '<div class="utrecht-form-field__label"><label class="utrecht-form-label"'
            + (f' for="{html_escape(label_for)}"' if label_for else "")
            + f">{html_escape(self.label)}{_VERPLICHT if self.field.required else ''}</label>"
            "</div>",
        ]
        auto_id = html_escape(self.auto_id)
        if self.help_text:
            delen.append(
                '<div class="utrecht-form-field__description utrecht-form-field-description"'
                + (f' id="{auto_id}_helptext"' if auto_id else "")
                + f">{self.help_text}</div>"
            )
        if fouten:
            delen.append(
                '<div class="utrecht-form-field__error-message utrecht-form-field-error-message"'
                + (f' id="{auto_id}_error"' if auto_id else "")
                + ">"
                + "".join(
                    '<p class="ivp-foutmelding"><span class="ivp-visueel-verborgen">Fout: </span>'
                    f"{html_escape(str(fout))}</p>"
                    for fout in fouten
                )
                + "</div>"
            )
        delen.append(f'<div class="utrecht-form-field__input">{self._widget_html()}</div>')
        delen.append("</div>")
        return mark_safe("\n".join(delen))

    def __str__(self) -> SafeString:
        return self._widget_html() if self._snel() else mark_safe(super().__str__())

    def _widget_html(self) -> SafeString:
        """What `as_widget()` renders, without the widget's template."""
        widget = self.field.widget
        if self.field.localize:
            widget.is_localized = True
        attrs = self.build_widget_attrs({}, widget)
        if self.auto_id and "id" not in widget.attrs:
            attrs.setdefault("id", self.auto_id)
        context = widget.get_context(self.html_name, self.value(), attrs)["widget"]
        eigen = context["attrs"]
        klasse = f" {html_escape(eigen['class'])}" if eigen.get("class") else ""
        naam = html_escape(context["name"])
        if type(widget) is forms.Select:
            ongeldig = " utrecht-select--invalid" if eigen.get("aria-invalid") == "true" else ""
            return mark_safe(
                f'<select name="{naam}" class="utrecht-select utrecht-select--html-select'
                f'{ongeldig}{klasse}"{attrs_html(eigen, zonder="class")}>\n'
                f"{select_opties(context)}\n</select>"
            )
        soort = context["type"]
        waarde = context["value"]
        extra = {"password": " utrecht-textbox--password", "number": " utrecht-textbox--numeric"}
        datum = " ivp-textbox--datum" if context["template_name"].endswith("/date.html") else ""
        return mark_safe(
            f'<input type="{html_escape(soort)}" name="{naam}"'
            + ("" if waarde is None else f' value="{html_escape(str(waarde))}"')
            + f' class="utrecht-textbox utrecht-textbox--html-input{extra.get(soort, "")}'
            f'{datum}{klasse}"{attrs_html(eigen, zonder="class")}>'
        )


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
