"""Radio groups and checkboxes, selects, text inputs and textareas written in one pass of Python
(ivp/templatetags/ivp_keuzes.py, ivp.forms.Veldgroep; issue 8) give the HTML the templates
gave: the options against a frozen copy of the old per-option templates (`keuzes_oud/`), a
whole field group and a widget against the field and widget templates they stand in for.
Whitespace between tags is the only difference allowed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import django
import pytest
from django import forms
from django.forms.boundfield import BoundField
from django.template import Context, Engine

from ivp.fields import DatumVeld
from ivp.forms import IvpFormRenderer, Veldenformulier, Veldgroep

OUD = Engine(
    dirs=[
        str(Path(__file__).parent / "keuzes_oud"),
        str(Path(django.__file__).parent / "forms" / "templates"),
    ]
)


def gelijk(html: str) -> str:
    """The HTML with the whitespace between tags (and before a tag's `>`) taken out."""
    html = re.sub(r"\s+", " ", html)
    return re.sub(r"\s*(<|>)\s*", r"\1", html).strip()


def oud(widget: forms.Widget, naam: str, waarde: object, attrs: dict[str, object]) -> str:
    return OUD.get_template(str(widget.template_name)).render(
        Context(widget.get_context(naam, waarde, attrs))
    )


def nieuw(widget: forms.Widget, naam: str, waarde: object, attrs: dict[str, object]) -> str:
    return str(widget.render(naam, waarde, attrs, renderer=IvpFormRenderer()))


KEUZES = [("a", "Aanwezig"), ("b", "<b>Afwezig</b> & co"), ("", "Geen")]
GROEPEN = [("Groep 1 & 2", [("1", "Een"), ("2", "Twee")]), ("3", "Drie")]


@pytest.mark.parametrize(
    ("widget", "waarde", "attrs"),
    [
        (forms.RadioSelect(choices=KEUZES), "a", {"id": "id_x"}),
        (forms.RadioSelect(choices=KEUZES), None, {"id": "id_x", "aria-invalid": "true"}),
        (forms.RadioSelect(choices=KEUZES, attrs={"class": "smal"}), "b", {"required": True}),
        (forms.RadioSelect(choices=GROEPEN), "2", {"id": "id_g"}),
        (forms.CheckboxSelectMultiple(choices=KEUZES), ["a", "b"], {"id": "id_c"}),
        (forms.CheckboxSelectMultiple(choices=GROEPEN), ["1", "3"], {"disabled": True}),
    ],
)
def test_the_options_are_written_as_the_old_templates_wrote_them(widget, waarde, attrs):
    verwacht = oud(widget, "veld", waarde, attrs)
    html = nieuw(widget, "veld", waarde, attrs)
    assert gelijk(html) == gelijk(verwacht)
    assert 'class="ivp-keuzes' in html and "utrecht-form-field--" in html


class Voorbeeld(Veldenformulier, forms.Form):
    keuze = forms.ChoiceField(
        label="Keuze <met> teken", choices=KEUZES[:2], widget=forms.RadioSelect
    )
    vrij = forms.ChoiceField(
        label="Vrij",
        choices=KEUZES,
        widget=forms.RadioSelect,
        required=False,
        help_text="Een <em>hint</em>.",
    )
    velden = forms.MultipleChoiceField(
        label="Velden", choices=GROEPEN, widget=forms.CheckboxSelectMultiple, required=False
    )
    tekst = forms.CharField(label="Tekst", required=False)
    naam = forms.CharField(label="Naam & <toenaam>", max_length=20, help_text="Uw <b>naam</b>.")
    soort = forms.ChoiceField(
        label="Soort",
        choices=[("", "— kies —"), *KEUZES[:2], ("<&>", "Teken & <b>")],
        help_text="Een soort.",
    )
    groep = forms.ChoiceField(label="Groep", choices=GROEPEN, required=False)
    vast = forms.ChoiceField(label="Vast", choices=KEUZES[:2], disabled=True, required=False)
    toelichting = forms.CharField(
        label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    datum = DatumVeld(label="Datum")
    tijd = forms.TimeField(
        label="Tijd", required=False, widget=forms.TimeInput(format="%H:%M", attrs={"size": 5})
    )
    aantal = forms.IntegerField(label="Aantal", required=False, min_value=0)
    mail = forms.EmailField(label="E-mail", required=False)
    link = forms.URLField(label="Link", required=False, assume_scheme="https")
    smal = forms.CharField(
        label="Smal", required=False, widget=forms.TextInput(attrs={"class": "smal", "size": 4})
    )
    akkoord = forms.BooleanField(label="Akkoord", required=False)
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False, initial=3)


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"p-keuze": "a", "p-vrij": "b", "p-velden": ["1", "3"]},
        {"p-keuze": "x", "p-velden": ["9"]},
        {},
        {
            "p-naam": "Jan <de> & Vries",
            "p-soort": "<&>",
            "p-groep": "2",
            "p-toelichting": "Eerste regel\n\n<b>tweede</b> & derde",
            "p-datum": "31-02-2026",
            "p-tijd": "25:00",
            "p-aantal": "-1",
            "p-mail": "geen adres",
            "p-link": "meet.example.nl/ivp?a=1&b=<2>",
            "p-smal": '"aan"',
            "p-akkoord": "on",
            "p-versie": "x",
        },
        {"p-naam": "x" * 30, "p-soort": "a", "p-datum": "28-11-2026", "p-tijd": "14.30"},
    ],
)
def test_a_field_group_is_the_field_template_s(data):
    form = Voorbeeld(
        data,
        prefix="p",
        initial={"vrij": "b", "toelichting": "Al <iets>", "datum": dt.date(2026, 11, 28)},
    )
    form.is_valid()
    for veld in form:
        assert isinstance(veld, Veldgroep)
        assert veld._snel() == (veld.name != "akkoord"), veld.name
        assert gelijk(veld.as_field_group()) == gelijk(BoundField.as_field_group(veld)), veld.name
        assert gelijk(str(veld)) == gelijk(BoundField.as_widget(veld)), veld.name
    # The whole form against `includes/form.html` with every field through its templates.
    als_template = Voorbeeld(data, prefix="p", initial=form.initial, bound_field_class=BoundField)
    assert gelijk(str(form)) == gelijk(forms.BaseForm.render(als_template))
    if data and form.errors:
        assert 'id="p-foutoverzicht"' in str(form)


def test_a_textarea_keeps_its_text_as_the_template_writes_it():
    """Inside a textarea whitespace is text: written exactly as the template does."""
    form = Voorbeeld({"p-toelichting": "  ingesprongen\n\nregel & <b>"}, prefix="p")
    veld = form["toelichting"]
    html, verwacht = str(veld), str(BoundField.as_widget(veld))
    tekst = ">\n  ingesprongen\n\nregel &amp; &lt;b&gt;</textarea>"
    assert html.endswith(tekst) and verwacht.strip().endswith(tekst)
    assert gelijk(html) == gelijk(verwacht)


def test_a_select_marks_the_first_chosen_option_only():
    class Form(forms.Form):
        bound_field_class = Veldgroep
        keuze = forms.ChoiceField(choices=[("1", "Een"), ("1", "Nog een"), ("2", "Twee")])

    html = str(Form({"keuze": "1"})["keuze"])
    assert html.count(" selected") == 1
    assert '<option value="1" selected>Een</option>' in html


def test_a_field_group_with_errors_keeps_its_accessible_parts():
    form = Voorbeeld({"p-keuze": "x"}, prefix="p")
    assert not form.is_valid()
    html = form["keuze"].as_field_group()
    assert html.startswith(
        '<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ivp-veld '
        'utrecht-form-fieldset--invalid" aria-describedby="id_p-keuze_error">'
    )
    assert (
        '<legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend'
        ' ivp-veld__label">Keuze &lt;met&gt; teken <span class="ivp-verplicht">(verplicht)'
        "</span></legend>"
    ) in html
    assert (
        '<div class="utrecht-form-field__error-message utrecht-form-field-error-message" '
        'id="id_p-keuze_error"><p class="ivp-foutmelding"><span class="ivp-visueel-verborgen">'
        "Fout: </span>Selecteer een geldige keuze. x is geen beschikbare keuze.</p></div>"
    ) in html
    assert (
        '<label class="utrecht-form-label utrecht-form-label--radio" for="id_p-keuze_1">'
        "&lt;b&gt;Afwezig&lt;/b&gt; &amp; co</label>"
    ) in html
    assert 'name="p-keuze" value="b" class="utrecht-radio-button' in html
    assert 'required aria-invalid="true" id="id_p-keuze_1">' in html


def test_a_widget_with_templates_of_its_own_goes_the_usual_way():
    class EigenRadio(forms.RadioSelect):
        template_name = "django/forms/widgets/radio.html"
        option_template_name = "django/forms/widgets/input_option.html"

    class Form(forms.Form):
        bound_field_class = Veldgroep
        keuze = forms.ChoiceField(choices=KEUZES, widget=EigenRadio)

    veld = Form()["keuze"]
    assert not veld._snel()
    assert gelijk(veld.as_field_group()) == gelijk(BoundField.as_field_group(veld))


def test_a_form_asked_for_another_template_goes_the_usual_way():
    form = Voorbeeld(prefix="p")
    html = form.render("django/forms/div.html")
    assert 'class="ivp-form__velden"' not in html
    assert gelijk(html) == gelijk(forms.BaseForm.render(form, "django/forms/div.html"))


def test_a_radio_group_given_new_choices_shows_them():
    """The escaped choices kept on a widget (the attendance form's groups share one) are
    made again when the field gets other choices."""
    form = Voorbeeld(prefix="p")
    assert "Aanwezig" in str(form["keuze"])
    form.fields["keuze"].choices = [("z", "Ziek & <thuis>")]
    html = str(form["keuze"])
    assert "Aanwezig" not in html and "Ziek &amp; &lt;thuis&gt;" in html
