"""Text, date and number inputs and selects written in one pass of Python (ivp.forms.Veldgroep;
issue 8) give the HTML the templates gave (`includes/form_field.html`, `form_field_help.html`,
`input.html`, `select.html`): a whole form and each field rendered both ways, blank, with
initial values, and posted back with errors, on text that needs escaping. Whitespace between
tags is the only difference allowed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django import forms
from django.forms.boundfield import BoundField

from ivp.fields import DatumVeld
from ivp.forms import Veldgroep
from tests.ivp.test_keuzes import gelijk
from tests.werkgroep.factories import LidFactory
from werkgroep.forms import UrenCorrectieForm, UrenForm, UrenSluitenForm, zet_keuzes
from werkgroep.models import Lid

KEUZES = [("", "— geen stap —"), ("1", "Stap 1: <Start> & co"), ("2", 'Stap "2"')]


class Voorbeeld(forms.Form):
    bound_field_class: type[BoundField] = Veldgroep

    naam = forms.CharField(label="Naam <met> teken", max_length=20, help_text="Een <em>hint</em>.")
    datum = DatumVeld(label="Datum", required=False)
    aantal = forms.IntegerField(label="Aantal", min_value=1)
    post = forms.EmailField(label="E-mail", required=False)
    link = forms.URLField(label="Link", required=False, assume_scheme="https")
    stap = forms.ChoiceField(label="Stap", choices=KEUZES, required=False)
    klein = forms.CharField(
        label="Met klasse",
        required=False,
        widget=forms.TextInput(attrs={"class": "smal", "size": 5, "autocomplete": "off"}),
    )
    groepen = forms.ChoiceField(
        label="Groepen",
        choices=[("Groep <1>", [("a", "A & B")]), ("b", "Bee")],
        widget=forms.Select(attrs={"class": "breed"}),
    )
    uit = forms.CharField(label="Uit", required=False, disabled=True, initial="vast")


class Gewoon(Voorbeeld):
    bound_field_class = BoundField


def _beide(soort: Any, *args: Any, **kwargs: Any) -> tuple[str, str]:
    snel = soort(*args, **kwargs)
    gewoon = type("Gewoon", (soort,), {"bound_field_class": BoundField})(*args, **kwargs)
    for formulier in (snel, gewoon):
        if "lid" in formulier.fields:  # the options as the page gives them (no query)
            zet_keuzes(formulier, lid=list(formulier.fields["lid"].queryset.order_by("pk")))
    assert all(isinstance(veld, Veldgroep) for veld in snel)
    return str(snel), str(gewoon)


GEPOST = {
    "naam": 'Een <b>"naam"</b> & meer dan twintig tekens',
    "datum": "31-02-2026",
    "aantal": "0",
    "post": "geen-mail",
    "link": "niet een link",
    "stap": "3",
    "klein": "<x>",
    "groepen": "a",
}


@pytest.mark.parametrize(
    "data",
    [None, GEPOST, {"naam": "Kim", "datum": "01-06-2022", "aantal": "3", "groepen": "b"}],
)
def test_the_fields_are_written_as_the_templates_wrote_them(data):
    initial = {"naam": "Begin & <eind>", "datum": dt.date(2022, 6, 1), "stap": "2"}
    snel, gewoon = Voorbeeld(data, initial=initial), Gewoon(data, initial=initial)
    for naam in Voorbeeld.base_fields:
        assert isinstance(snel[naam], Veldgroep)
        assert gelijk(snel[naam].as_field_group()) == gelijk(gewoon[naam].as_field_group())
        assert gelijk(str(snel[naam])) == gelijk(str(gewoon[naam]))
    assert gelijk(str(snel)) == gelijk(str(gewoon))
    if data is GEPOST:
        assert "utrecht-select--invalid" in str(snel) and 'aria-invalid="true"' in str(snel)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        None,
        {"datum": "", "uren": "2,5", "omschrijving": ""},
        {"datum": "28-11-2026", "uren": "veel", "stap": "999", "omschrijving": "<b>&</b>"},
    ],
)
def test_the_uren_forms_are_written_as_the_templates_wrote_them(plan, coordinator, data):
    stappen = plan.stappen.order_by("nummer")
    lid = LidFactory(plan=plan, door=coordinator, extern=True)
    Lid.objects.filter(pk=lid.pk).update(naam='Partner <b>"&"</b>')
    LidFactory(plan=plan, door=coordinator, trekker=True)
    initial = {"datum": dt.date(2022, 6, 1)}
    for leden in (None, Lid.objects.filter(werkgroep=lid.werkgroep)):
        snel, gewoon = _beide(UrenForm, data, initial=initial, stappen=stappen, leden=leden)
        assert gelijk(snel) == gelijk(gewoon)
    assert "Partner &lt;b&gt;&quot;&amp;&quot;&lt;/b&gt;" in snel
    correctie = {
        "datum": dt.date(2022, 6, 1),
        "uren": Decimal("1.50"),
        "stap": stappen.first(),
        "omschrijving": 'Overleg "werkgroep" <en> & meer',
    }
    snel, gewoon = _beide(UrenCorrectieForm, data, initial=correctie, stappen=stappen)
    assert gelijk(snel) == gelijk(gewoon)
    snel, gewoon = _beide(UrenSluitenForm, data, initial={"tot": dt.date(2022, 12, 31)})
    assert gelijk(snel) == gelijk(gewoon)
