"""The options of a select, a radio group or a set of checkboxes in one pass of Python
(issue 8): Django's widget renders each option through template includes of its own (for a
radio button four: `radio_option.html`, our `input_option.html`, `input.html` and
`ivp_attrs.html`), which on a page with a few hundred choices (the threads an agenda item can
point at; the attendance form's 80 radio groups of three) took most of the request. The HTML
is what those templates wrote (`multiple_input.html` and the option templates);
`tests/ivp/test_keuzes.py` compares the two, with a frozen copy of the old templates."""

from __future__ import annotations

import html
from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def html_escape(tekst: Any) -> str:
    """Django's `conditional_escape` (the same text) without its wrapper for lazy strings,
    which cost more than the escaping itself, a few thousand times per page."""
    if hasattr(tekst, "__html__"):
        return str(tekst.__html__())
    return html.escape(str(tekst))


def _attrs(attrs: dict[str, Any], *, zonder: str = "") -> str:
    """Django's `attrs.html` (or our `ivp_attrs.html`: `zonder="class"`)."""
    if not attrs:  # most options of a select
        return ""
    return "".join(
        f" {html_escape(naam)}" + ("" if waarde is True else f'="{html_escape(str(waarde))}"')
        for naam, waarde in attrs.items()
        if waarde is not False and naam != zonder
    )


@register.simple_tag
def select_opties(widget: dict[str, Any]) -> SafeString:
    delen: list[str] = []
    for groep, keuzes, _ in widget["optgroups"]:
        if groep:
            delen.append(f'<optgroup label="{html_escape(groep)}">')
        delen.extend(
            f'<option value="{html_escape(str(optie["value"]))}"'
            f"{_attrs(optie['attrs'])}>{html_escape(optie['label'])}</option>"
            for optie in keuzes
        )
        if groep:
            delen.append("</optgroup>")
    return mark_safe("\n".join(delen))


# The classes `input.html` gives a radio button and a checkbox.
INPUT_KLASSE = {
    "radio": "utrecht-radio-button utrecht-radio-button--html-input utrecht-form-field__input",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom "
    "utrecht-form-field__input",
}
# Django's option templates, which only include our `input_option.html`.
_EIGEN_OPTIES = {
    "django/forms/widgets/radio_option.html",
    "django/forms/widgets/checkbox_option.html",
    "django/forms/widgets/input_option.html",
}


def _keuze(optie: dict[str, Any]) -> str:
    """One radio button or checkbox as `input_option.html` writes it (with `wrap_label`: an
    Utrecht form field, the label first, the input next to it). An option of another kind
    (a widget with an `option_template_name` of its own) goes through its own template."""
    soort = optie["type"]
    if soort not in INPUT_KLASSE or optie["template_name"] not in _EIGEN_OPTIES:
        return render_to_string(optie["template_name"], {"widget": optie})
    attrs = optie["attrs"]
    klasse = INPUT_KLASSE[soort]
    if attrs.get("class"):
        klasse += f" {html_escape(attrs['class'])}"
    waarde = optie["value"]
    invoer = (
        f'<input type="{soort}" name="{html_escape(optie["name"])}"'
        + ("" if waarde is None else f' value="{html_escape(str(waarde))}"')
        + f' class="{klasse}"{_attrs(attrs, zonder="class")}>'
    )
    if not optie.get("wrap_label"):
        return invoer
    label_for = f' for="{html_escape(attrs["id"])}"' if attrs.get("id") else ""
    return (
        f'<div class="utrecht-form-field utrecht-form-field--{soort} ivp-keuze">\n'
        f'<div class="utrecht-form-field__label utrecht-form-field__label--{soort}">'
        f'<label class="utrecht-form-label utrecht-form-label--{soort}"{label_for}>'
        f"{html_escape(optie['label'])}</label></div>\n"
        f"{invoer}\n</div>"
    )


def keuzes_html(widget: dict[str, Any]) -> SafeString:
    """A RadioSelect or CheckboxSelectMultiple: its options in a `div.ivp-keuzes`, an option
    group as a nested fieldset with its name as legend. The field template wraps this in a
    fieldset with the field label as legend (Django sets `use_fieldset` for these widgets)."""
    attrs = widget["attrs"]
    delen = [
        "<div"
        + (f' id="{html_escape(attrs["id"])}"' if attrs.get("id") else "")
        + ' class="ivp-keuzes'
        + (f" {html_escape(attrs['class'])}" if attrs.get("class") else "")
        + '">'
    ]
    for groep, opties, _ in widget["optgroups"]:
        if groep:
            delen.append(
                '<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset '
                'ivp-keuzes__groep">\n<legend class="utrecht-form-fieldset__legend '
                f'utrecht-form-fieldset__legend--html-legend">{html_escape(groep)}</legend>'
            )
        delen.extend(_keuze(optie) for optie in opties)
        if groep:
            delen.append("</fieldset>")
    delen.append("</div>")
    return mark_safe("\n".join(delen))


@register.simple_tag
def keuzes(widget: dict[str, Any]) -> SafeString:
    return keuzes_html(widget)


# One-pass writers of whole widgets (issue 8: `ivp.forms.Veldgroep`), from the widget's
# choices, value and final attributes, as the widget templates write them. Choices in groups
# are left to Django's `optgroups` and the writers above.


def _gegroepeerd(keuzes: Any) -> bool:
    return any(isinstance(label, (list, tuple)) for _, label in keuzes)


def select_html(widget: Any, naam: str, waarden: list[str], attrs: dict[str, Any]) -> str:
    """`select.html`: a Select with its options (the first one whose value is chosen is
    `selected`, as Django's `optgroups` does)."""
    klasse = "utrecht-select utrecht-select--html-select"
    if attrs.get("aria-invalid") == "true":
        klasse += " utrecht-select--invalid"
    if attrs.get("class"):
        klasse += f" {html_escape(attrs['class'])}"
    keuzes = list(widget.choices)
    opties: str
    if _gegroepeerd(keuzes):
        opties = select_opties({"optgroups": widget.optgroups(naam, waarden, attrs)})
    else:
        delen = []
        gekozen = False
        for waarde, label in keuzes:
            tekst = "" if waarde is None else str(waarde)
            kies = not gekozen and tekst in waarden
            gekozen |= kies
            delen.append(
                # A number (a pk) has nothing to escape.
                f'<option value="{tekst if type(waarde) is int else html_escape(tekst)}"'
                f"{' selected' if kies else ''}>{html_escape(label)}</option>"
            )
        opties = "\n".join(delen)
    return (
        f'<select name="{html_escape(naam)}" class="{klasse}"{_attrs(attrs, zonder="class")}>\n'
        f"{opties}\n</select>"
    )


def _opties(widget: Any) -> list[tuple[str, str, str]] | None:
    """A radio group's or checkbox set's choices as (value, escaped value, escaped label),
    kept on the widget for as long as its choices are the same object: the attendance form's
    80 groups share one widget (None for choices in groups)."""
    keuzes = widget.choices
    bewaard = widget.__dict__.get("_ivp_opties")
    if bewaard is not None and bewaard[0] is keuzes:
        return bewaard[1]
    lijst = list(keuzes)
    opties = (
        None
        if _gegroepeerd(lijst)
        else [
            (tekst, html_escape(tekst), html_escape(label))
            for waarde, label in lijst
            for tekst in ("" if waarde is None else str(waarde),)
        ]
    )
    widget._ivp_opties = (keuzes, opties)
    return opties


def keuzelijst_html(widget: Any, naam: str, waarden: list[str], attrs: dict[str, Any]) -> str:
    """`multiple_input.html` of a RadioSelect or CheckboxSelectMultiple, from its choices:
    what `keuzes_html` writes of the options Django's `optgroups` makes."""
    keuzes = _opties(widget)
    if keuzes is None or "checked" in attrs:
        return keuzes_html(widget.get_context(naam, waarden, attrs)["widget"])
    soort = widget.input_type
    meervoudig = widget.allow_multiple_selected
    id_ = attrs.get("id")
    klasse = INPUT_KLASSE[soort]
    if attrs.get("class"):
        klasse += f" {html_escape(attrs['class'])}"
    # The attributes of each input but its id (numbered per option) and `checked` (last).
    voor: list[str] = []
    na: list[str] = []
    in_na = False
    for sleutel, waarde in attrs.items():
        if sleutel == "id":
            in_na = True
        elif sleutel != "class" and waarde is not False:
            deel = f" {html_escape(sleutel)}" + (
                "" if waarde is True else f'="{html_escape(str(waarde))}"'
            )
            (na if in_na else voor).append(deel)
    voor_s, na_s = "".join(voor), "".join(na)
    begin = (
        f'<div class="utrecht-form-field utrecht-form-field--{soort} ivp-keuze">\n'
        f'<div class="utrecht-form-field__label utrecht-form-field__label--{soort}">'
        f'<label class="utrecht-form-label utrecht-form-label--{soort}"'
    )
    invoer = f'<input type="{soort}" name="{html_escape(naam)}" value="'
    id_esc = html_escape(id_) if id_ else ""
    delen = [
        "<div"
        + (f' id="{id_esc}"' if id_ else "")
        + ' class="ivp-keuzes'
        + (f" {html_escape(attrs['class'])}" if attrs.get("class") else "")
        + '">'
    ]
    gekozen = False
    for index, (tekst, waarde_html, label_html) in enumerate(keuzes):
        kies = (meervoudig or not gekozen) and tekst in waarden
        gekozen |= kies
        optie_id = f"{id_esc}_{index}" if id_ else ""
        id_attr = f' id="{optie_id}"' if id_ else ""
        delen.append(
            begin
            + (f' for="{optie_id}"' if id_ else "")
            + f">{label_html}</label></div>\n"
            + f'{invoer}{waarde_html}" class="{klasse}"{voor_s}{id_attr}{na_s}'
            + (" checked" if kies else "")
            + ">\n</div>"
        )
    delen.append("</div>")
    return "\n".join(delen)


def invoer_html(widget: Any, naam: str, waarde: Any, attrs: dict[str, Any]) -> str:
    """`input.html` of a text-like input or a hidden one."""
    soort = widget.input_type
    waarde = widget.format_value(waarde)
    begin = f'<input type="{html_escape(soort)}" name="{html_escape(naam)}"' + (
        "" if waarde is None else f' value="{html_escape(str(waarde))}"'
    )
    if soort == "hidden":
        return f"{begin}{_attrs(attrs)}>"
    klasse = "utrecht-textbox utrecht-textbox--html-input"
    if soort == "password":
        klasse += " utrecht-textbox--password"
    elif soort == "number":
        klasse += " utrecht-textbox--numeric"
    if widget.template_name == "django/forms/widgets/date.html":
        klasse += " ivp-textbox--datum"
    if attrs.get("class"):
        klasse += f" {html_escape(attrs['class'])}"
    return f'{begin} class="{klasse}"{_attrs(attrs, zonder="class")}>'


def tekstvak_html(widget: Any, naam: str, waarde: Any, attrs: dict[str, Any]) -> str:
    """`textarea.html` (the newline after the opening tag is the template's)."""
    waarde = widget.format_value(waarde)
    klasse = "utrecht-textarea utrecht-textarea--html-textarea"
    if attrs.get("class"):
        klasse += f" {html_escape(attrs['class'])}"
    return (
        f'<textarea name="{html_escape(naam)}" class="{klasse}"{_attrs(attrs, zonder="class")}>\n'
        f"{html_escape(waarde) if waarde else ''}</textarea>"
    )
