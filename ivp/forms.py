"""How every form in IVP Regie is rendered.

`settings.FORM_RENDERER` points here. Forms, fields and widgets render through the project's
templates (`TemplatesSetting`), so NL Design System markup lives in one place:

- `templates/includes/form.html`: a whole form (error summary, fields, hidden fields);
- `templates/includes/form_field.html`: one field (label, hint, error, widget);
- `templates/django/forms/widgets/*.html`: the widgets with Utrecht classes.

`TemplatesSetting` finds Django's own form templates through the `django.forms` app, which
therefore has to be in INSTALLED_APPS. See docs/frontend.md.
"""

from typing import Any, cast

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.forms.widgets import ChoiceWidget
from django.utils.safestring import SafeString, mark_safe

from ivp.berichten import SOORTEN
from ivp.models import MeldingKeuze
from ivp.templatetags.ivp_keuzes import (
    html_escape,
    invoer_html,
    keuzelijst_html,
    select_html,
    tekstvak_html,
)


class IvpFormRenderer(TemplatesSetting):
    form_template_name = "includes/form.html"
    field_template_name = "includes/form_field.html"


# The widgets `Veldgroep` writes itself: their templates are ours (or Django's, which only
# include ours), so the HTML is known; a subclass or a widget with another template goes
# through the templates.
_KEUZELIJSTEN = (forms.RadioSelect, forms.CheckboxSelectMultiple)
_INVOER = (
    forms.TextInput,
    forms.NumberInput,
    forms.EmailInput,
    forms.URLInput,
    forms.DateInput,
    forms.TimeInput,
    forms.HiddenInput,
)
_SNELLE_WIDGETS = frozenset((*_KEUZELIJSTEN, *_INVOER, forms.Select, forms.Textarea))


class Veldgroep(BoundField):
    """A field group (label, hint, errors, widget) written in one pass of Python: the HTML of
    `includes/form_field.html` (with `form_field_help.html`) and of the widget's template,
    without rendering three or four templates per field (issue 8: the meeting page's forms
    have a select of some 300 threads, one of 80 members and 80 radio groups). A form sets
    `bound_field_class = Veldgroep`; `tests/ivp/test_keuzes.py` holds the output equal to the
    templates' (whitespace between tags aside). Radio groups and sets of checkboxes,
    selects, text-like inputs, textareas and hidden inputs; anything else (a single
    checkbox, a widget with a template of its own, a hidden initial, another renderer) goes
    the usual way."""

    def _snel(self) -> bool:
        widget = self.field.widget
        soort = type(widget)
        return (
            soort in _SNELLE_WIDGETS
            and widget.template_name == soort.template_name
            and (
                not isinstance(widget, ChoiceWidget)
                or widget.option_template_name == soort.option_template_name
            )
            and not self.field.show_hidden_initial
            and getattr(self.field, "template_name", None) is None
            and isinstance(self.form.renderer, IvpFormRenderer)
        )

    @property
    def errors(self) -> Any:
        # While a group is written, its errors once (the class, the description and the
        # widget's attributes each asked for them, and each time Django made a new empty list).
        fouten = self.__dict__.get("_fouten")
        return super().errors if fouten is None else fouten

    def as_field_group(self) -> SafeString:
        if not self._snel():
            return super().as_field_group()
        self._fouten = super().errors
        try:
            return self._groep()
        finally:
            del self._fouten

    def _groep(self) -> SafeString:
        fouten = self.errors
        klassen = self.css_classes()
        auto_id = html_escape(self.auto_id)
        verplicht = ' <span class="ivp-verplicht">(verplicht)</span>' if self.field.required else ""
        delen = []
        if self.use_fieldset:
            beschreven = self.aria_describedby
            delen.append(
                '<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset '
                "ivp-veld"
                + (" utrecht-form-fieldset--invalid" if fouten else "")
                + (f" {html_escape(klassen)}" if klassen else "")
                + '"'
                + (f' aria-describedby="{html_escape(beschreven)}"' if beschreven else "")
                + ">"
            )
            if self.label:
                delen.append(
                    '<legend class="utrecht-form-fieldset__legend '
                    'utrecht-form-fieldset__legend--html-legend ivp-veld__label">'
                    f"{html_escape(self.label)}{verplicht}</legend>"
                )
        else:
            label_id = self.id_for_label
            delen.append(
                '<div class="utrecht-form-field utrecht-form-field--text ivp-veld'
                + (" utrecht-form-field--invalid" if fouten else "")
                + (f" {html_escape(klassen)}" if klassen else "")
                + '">\n<div class="utrecht-form-field__label"><label class="utrecht-form-label"'
                + (f' for="{html_escape(label_id)}"' if label_id else "")
                + f">{html_escape(self.label)}{verplicht}</label></div>"
            )
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
        if self.use_fieldset:
            delen.append(f"{self._widget_html()}\n</fieldset>")
        else:
            delen.append(
                f'<div class="utrecht-form-field__input">{self._widget_html()}</div>\n</div>'
            )
        return mark_safe("\n".join(delen))

    def as_widget(
        self, widget: forms.Widget | None = None, attrs: Any = None, only_initial: bool = False
    ) -> SafeString:
        if widget is None and not attrs and not only_initial and self._snel():
            return mark_safe(self._widget_html())
        return super().as_widget(widget, attrs, only_initial)

    def _widget_html(self) -> str:
        """What `as_widget()` renders, without the widget's template."""
        widget = self.field.widget
        if self.field.localize:
            widget.is_localized = True
        attrs = self.build_widget_attrs({}, widget)
        if self.auto_id and "id" not in widget.attrs:
            attrs.setdefault("id", self.auto_id)
        attrs = widget.build_attrs(widget.attrs, attrs)
        waarde = self.value()
        if isinstance(widget, forms.Select):
            return select_html(widget, self.html_name, widget.format_value(waarde), attrs)
        if isinstance(widget, _KEUZELIJSTEN):
            return keuzelijst_html(widget, self.html_name, widget.format_value(waarde), attrs)
        if isinstance(widget, forms.Textarea):
            return tekstvak_html(widget, self.html_name, waarde, attrs)
        return invoer_html(widget, self.html_name, waarde, attrs)


class Veldenformulier:
    """A form (mixed into `forms.Form`) whose fields are `Veldgroep`en and whose
    `includes/form.html` is written in one pass too: the error summary (through its template,
    when there are errors), the field groups, the hidden fields. A form rendered with another
    template, context or renderer goes the usual way."""

    bound_field_class: type[BoundField] | None = Veldgroep

    def render(
        self, template_name: str | None = None, context: Any = None, renderer: Any = None
    ) -> SafeString:
        form = cast(forms.BaseForm, self)
        renderer = renderer or form.renderer
        if (
            template_name is not None
            or context is not None
            or not isinstance(renderer, IvpFormRenderer)
            or form.template_name != IvpFormRenderer.form_template_name
        ):
            return forms.BaseForm.render(form, template_name, context, renderer)
        delen = ['<div class="ivp-form__velden">']
        if form.errors:
            delen.append(renderer.render("includes/errors.html", {"form": form}))
        velden = list(form)
        delen.extend(veld.as_field_group() for veld in velden if not veld.is_hidden)
        delen.extend(str(veld) for veld in velden if veld.is_hidden)
        delen.append("</div>")
        return mark_safe("\n".join(delen))

    __str__ = render
    __html__ = render


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
