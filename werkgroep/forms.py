from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.db.models import Model, QuerySet
from django.utils.choices import BaseChoiceIterator
from django.utils.safestring import SafeString, mark_safe

from ivp.fields import DatumVeld
from ivp.forms import IvpFormRenderer, Veldenformulier
from ivp.models import Gebruiker
from ivp.templatetags.ivp_keuzes import INPUT_KLASSE, html_escape
from ivp.versies import VersieForm
from stappen.models import Document, Opmerking, Stap, Versie
from veiligheidsvelden.models import Veld
from werkgroep.constants import Aanwezigheid, ActiepuntStatus, LidRol
from werkgroep.models import Lid

if TYPE_CHECKING:
    from werkgroep.selectors import Keuzes
    from werkgroep.selectors.bijeenkomsten import Deelnemer

TIJDVOORBEELD = "Bijvoorbeeld 14:30."


class TijdVeld(forms.TimeField):
    """A time entered and shown as 14:30."""

    widget = forms.TimeInput(format="%H:%M", attrs={"inputmode": "numeric", "size": 5})
    input_formats = ["%H:%M", "%H.%M", "%H:%M:%S"]
    default_error_messages = {"invalid": "Vul een tijd in als uren:minuten, bijvoorbeeld 14:30."}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", TIJDVOORBEELD)
        super().__init__(*args, **kwargs)


class UrenVeld(forms.DecimalField):
    """Hours entered the Dutch way (2,5) or with a dot (2.5)."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "size": 6})
    default_error_messages = {"invalid": "Vul een getal in, bijvoorbeeld 2,5."}

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]  # stub: int, from IntegerField
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        return {}


class LedenKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Lid) -> str:
        return obj.weergavenaam


class LuiKeuze(forms.ModelChoiceField):
    """A model choice field whose queryset, given as a function (`Keuzes.queryset`), is made
    only when something reads it: to check a posted choice. Its options are rows
    (`zet_keuzes`), so the page as it is read never needs it; making the agenda item's three
    querysets was some 1,700 calls of every request of the meeting page (issue 8)."""

    _maak: Callable[[], QuerySet[Any]] | None = None

    def lui(self, maak: Callable[[], QuerySet[Any]]) -> None:
        self._maak = maak

    @property
    def queryset(self) -> QuerySet[Any] | None:
        if self._maak is not None:
            maak, self._maak = self._maak, None
            self._queryset = maak()
        return self._queryset

    @queryset.setter
    def queryset(self, queryset: QuerySet[Any] | None) -> None:
        self._maak = None
        forms.ModelChoiceField._set_queryset(self, queryset)  # type: ignore[attr-defined]


class LuiLedenKeuze(LuiKeuze, LedenKeuze):
    pass


class UrenLidKeuze(LuiLedenKeuze):
    """Whose hours. Given `vind` (the plan's member by key, a query compiled once:
    `selectors.UrenSchrijven.lid_van`), a posted member is found by it, not through the
    queryset, whose joins were compiled again for every posted entry (issue 8)."""

    vind: Callable[[int], Lid | None] | None = None

    def to_python(self, value: Any) -> Lid | None:
        if self.vind is None or value in self.empty_values:
            return cast("Lid | None", super().to_python(value))
        try:
            gevonden = self.vind(int(value))
        except (TypeError, ValueError, OverflowError):
            gevonden = None
        if gevonden is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return gevonden


class LidForm(VersieForm, forms.Form):
    gebruiker = forms.ModelChoiceField(
        label="Medewerker van de gemeente",
        queryset=Gebruiker.objects.none(),
        required=False,
        empty_label="— een externe partner (vul hieronder de naam in) —",
        help_text="Iemand met een rol in de gemeente. Kies niemand voor een externe partner.",
    )
    naam = forms.CharField(label="Naam (externe partner)", required=False, max_length=150)
    organisatie = forms.CharField(label="Organisatie", required=False, max_length=150)
    functie = forms.CharField(label="Functie", required=False, max_length=150)
    rol = forms.ChoiceField(
        label="Rol in de werkgroep",
        choices=LidRol.choices,
        initial=LidRol.LID,
        widget=forms.RadioSelect,
    )
    velden = forms.ModelMultipleChoiceField(
        label="Veiligheidsvelden die dit lid dekt",
        queryset=Veld.objects.order_by("code"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    motivatie = forms.CharField(
        label="Motivatie (pas toe of leg uit)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Alleen nodig vanaf het negende lid: de startnotitie gaat uit van 7 à 8 leden.",
    )

    def __init__(self, *args: Any, kandidaten=None, bewerken: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if bewerken:
            del self.fields["gebruiker"]
        else:
            zet_keuzes(self, gebruiker=kandidaten)


class BijeenkomstForm(VersieForm, forms.Form):
    titel = forms.CharField(
        label="Titel",
        required=False,
        max_length=200,
        help_text="Leeg laten voor ‘Werkgroep IVP’ (of ‘Voortgangsoverleg IVP’ in de uitvoering).",
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
    motivatie = forms.CharField(
        label="Motivatie (pas toe of leg uit)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Alleen nodig vanaf de zevende bijeenkomst: de startnotitie gaat uit van "
        "5 à 6 bijeenkomsten.",
    )


class VerslagForm(Veldenformulier, VersieForm, forms.Form):
    notulen = forms.CharField(
        label="Notulen", required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    besluiten = forms.CharField(
        label="Besluiten",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Eén besluit per regel.",
    )


class AfzeggenForm(forms.Form):
    reden = forms.CharField(
        label="Reden",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Waarom gaat de bijeenkomst niet door? De leden lezen dit in hun bericht.",
        error_messages={"required": "Geef de reden waarom de bijeenkomst niet doorgaat."},
    )


class AgendapuntForm(Veldenformulier, forms.Form):
    """Its selects offer some 300 threads at 50×: written in one pass (`Veldenformulier`)."""

    onderwerp = forms.CharField(label="Onderwerp", max_length=200)
    toelichting = forms.CharField(
        label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    document = LuiKeuze(
        label="Document",
        queryset=Document.objects.none(),
        required=False,
        empty_label="— geen document —",
        help_text="Het document dat op dit agendapunt besproken wordt.",
    )
    versie = LuiKeuze(
        label="Versie",
        queryset=Versie.objects.none(),
        required=False,
        empty_label="— geen versie —",
        help_text="Een vaste versie van een document. Kiest u ook een document, dan een "
        "versie van dat document.",
        error_messages={"invalid_choice": "Kies een versie van een document van dit plan."},
    )
    opmerking = LuiKeuze(
        label="Opmerking (draad)",
        queryset=Opmerking.objects.none(),
        required=False,
        empty_label="— geen opmerking —",
        help_text="De draad van opmerkingen die besproken wordt, bij de eerste opmerking. "
        "Alleen open draden bij documenten die nog niet zijn vastgesteld.",
        error_messages={
            "invalid_choice": "Kies een open draad (de eerste opmerking, geen antwoord) bij "
            "een document van dit plan dat nog niet is vastgesteld."
        },
    )

    def __init__(
        self, *args: Any, documenten: Keuzes, versies: Keuzes, draden: Keuzes, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        zet_keuzes(
            self,
            document=_ontsnapt(documenten),
            versie=_ontsnapt(versies),
            opmerking=_ontsnapt(draden),
        )


def _ontsnapt(keuzes: Keuzes) -> Keuzes:
    """The choices with their labels escaped for HTML at once, as safe strings: the select
    writes a safe label as it is, where it escapes each of some 300 labels in turn, a handful
    of calls each (issue 8). The same text: `html.escape` of the labels joined by NUL, which
    no label holds (else they are left as they are)."""
    rijen = keuzes.rijen
    delen = html_escape("\x00".join([label for _, label in rijen])).split("\x00")
    if len(delen) != len(rijen):
        return keuzes
    return replace(
        keuzes, rijen=[(pk, SafeString(deel)) for (pk, _), deel in zip(rijen, delen, strict=True)]
    )


class PresentieForm(Veldenformulier, forms.Form):
    """One radio group per member, each written in one pass of Python (`Veldenformulier`:
    the same HTML as the form and field templates, issue 8)."""

    def __init__(
        self, *args: Any, leden: Sequence[Deelnemer], huidig: dict[int, str], **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        # One field made, copied per member with its own label and initial: the copies share
        # the widget, its choices and the error messages, which nothing changes per field.
        veld = forms.ChoiceField(
            choices=Aanwezigheid.choices, widget=forms.RadioSelect, required=False
        )
        for lid in leden:
            # What copy.copy does (a new instance with the same attributes), without its
            # protocol's calls, 80 times.
            kopie = object.__new__(forms.ChoiceField)
            kopie.__dict__.update(veld.__dict__)
            kopie.label = lid.weergavenaam
            kopie.initial = huidig.get(lid.pk)
            self.fields[f"lid_{lid.pk}"] = kopie

    def render(
        self, template_name: str | None = None, context: Any = None, renderer: Any = None
    ) -> SafeString:
        """Unbound (the page as it is read), the 80 radio groups written straight from the
        members' names and the three statuses escaped once: what `Veldenformulier` writes
        through a `Veldgroep` per field (some 150 calls each, most of the page's forms).
        `tests/werkgroep/test_bijeenkomst_formulieren.py` compares the two. Posted back, or
        rendered any other way, it goes the usual way."""
        if (
            self.is_bound
            or template_name is not None
            or context is not None
            or renderer is not None
            or not isinstance(self.renderer, IvpFormRenderer)
            or self.template_name != IvpFormRenderer.form_template_name
            or self.auto_id != "id_%s"
        ):
            return super().render(template_name, context, renderer)
        klasse = INPUT_KLASSE["radio"]
        opties = [
            (index, str(waarde), html_escape(str(waarde)), html_escape(label))
            for index, (waarde, label) in enumerate(Aanwezigheid.choices)
        ]
        velden = list(self.fields.items())
        # The fields' names (`add_prefix`) and labels (the members' names, plain text)
        # escaped at once, joined by NUL, which none of them holds (else each in turn).
        voor = f"{self.prefix}-" if self.prefix else ""
        teksten = [f"{voor}{naam}" for naam, _ in velden] + [str(v.label) for _, v in velden]
        ontsnapt = html_escape("\x00".join(teksten)).split("\x00")
        if len(ontsnapt) != len(teksten):
            ontsnapt = [html_escape(tekst) for tekst in teksten]
        delen = ['<div class="ivp-form__velden">']
        for (naam, veld), html_naam, label in zip(
            velden, ontsnapt[: len(velden)], ontsnapt[len(velden) :], strict=True
        ):
            id_ = f"id_{html_naam}"
            initieel = self.initial.get(naam, veld.initial)
            if callable(initieel):
                initieel = self.get_initial_for_field(veld, naam)
            gekozen = "" if initieel is None else str(initieel)
            knoppen = "\n".join(
                [
                    '<div class="utrecht-form-field utrecht-form-field--radio ivp-keuze">\n'
                    '<div class="utrecht-form-field__label utrecht-form-field__label--radio">'
                    '<label class="utrecht-form-label utrecht-form-label--radio" '
                    f'for="{id_}_{index}">{label_html}</label></div>\n'
                    f'<input type="radio" name="{html_naam}" value="{waarde_html}" '
                    f'class="{klasse}" id="{id_}_{index}"'
                    f"{' checked' if tekst == gekozen else ''}>\n</div>"
                    for index, tekst, waarde_html, label_html in opties
                ]
            )
            delen.append(
                '<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset '
                'ivp-veld">\n<legend class="utrecht-form-fieldset__legend '
                'utrecht-form-fieldset__legend--html-legend ivp-veld__label">'
                f'{label}</legend>\n<div id="{id_}" class="ivp-keuzes">\n{knoppen}\n</div>'
                "\n</fieldset>"
            )
        delen.append("</div>")
        return mark_safe("\n".join(delen))

    __str__ = render
    __html__ = render

    def statussen(self) -> dict[int, str]:
        return {
            int(naam.removeprefix("lid_")): waarde
            for naam, waarde in self.cleaned_data.items()
            if waarde
        }


class ActiepuntForm(Veldenformulier, forms.Form):
    wat = forms.CharField(label="Wat", max_length=300)
    wie = LuiLedenKeuze(label="Wie", queryset=Lid.objects.none(), empty_label=None)
    deadline = DatumVeld(label="Uiterlijk op")

    def __init__(self, *args: Any, leden: Keuzes, **kwargs: Any):
        super().__init__(*args, **kwargs)
        zet_keuzes(self, wie=_ontsnapt(leden))


class ActiepuntStatusForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=ActiepuntStatus.choices)


class UrenbudgetForm(VersieForm, forms.Form):
    uren = UrenVeld(label="Budget in uren", max_digits=6, decimal_places=1)
    motivatie = forms.CharField(
        label="Motivatie (pas toe of leg uit)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Nodig als het budget van de coördinator buiten 300–400 uur ligt.",
    )


class UrenForm(Veldenformulier, forms.Form):
    """Written in one pass (`Veldenformulier`); given `Keuzes`, its options are rows and a
    choice's queryset is made only to check a posted one (issue 8: the uren page's form)."""

    lid = UrenLidKeuze(label="Voor wie", queryset=Lid.objects.none(), empty_label=None)
    datum = DatumVeld(label="Datum")
    uren = UrenVeld(label="Uren", max_digits=4, decimal_places=2, help_text="Bijvoorbeeld 2,5.")
    stap = LuiKeuze(
        label="Stap", queryset=Stap.objects.none(), required=False, empty_label="— geen stap —"
    )
    omschrijving = forms.CharField(label="Korte omschrijving", max_length=200)

    def __init__(self, *args: Any, stappen=None, leden=None, lid_van=None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        zet_keuzes(self, stap=stappen)
        if leden is None:
            del self.fields["lid"]
        else:
            zet_keuzes(self, lid=leden)
            cast(UrenLidKeuze, self.fields["lid"]).vind = lid_van


class UrenCorrectieForm(UrenForm):
    reden = forms.CharField(
        label="Reden van de correctie",
        required=False,
        max_length=200,
        help_text="Komt in de geschiedenis van deze registratie.",
    )


def zet_keuzes(
    form: forms.BaseForm, **keuzes: QuerySet[Any] | Keuzes | Sequence[Model] | None
) -> None:
    """Give the model choice fields of `form` the choices of this page (`form.fields` is
    typed as plain fields, so the stubs do not know they have a queryset). Given `Keuzes`,
    the options are its rows and the queryset only checks what is posted; given a list of
    objects the page has read already (those of the field's queryset, in its order), the
    options are written from them and the field's queryset stays, to check a posted choice
    (issue 8: rendering the form then reads nothing)."""
    for naam, keuze in keuzes.items():
        veld = cast(forms.ModelChoiceField, form.fields[naam])
        if keuze is None or isinstance(keuze, QuerySet):
            veld.queryset = keuze
            continue
        if isinstance(keuze, Sequence):
            rijen = [(veld.prepare_value(o), veld.label_from_instance(o)) for o in keuze]
        else:
            bron = keuze.queryset
            if not callable(bron):
                veld.queryset = bron
            elif isinstance(veld, LuiKeuze):
                veld.lui(bron)
            else:
                veld.queryset = bron()
            rijen = keuze.rijen
        leeg = [] if veld.empty_label is None else [("", str(veld.empty_label))]
        veld.choices = _Rijen([*leeg, *rijen])


class _Rijen(BaseChoiceIterator):
    """Choices that are (value, label) pairs already: as a `BaseChoiceIterator` Django takes
    them as they are, where a list is normalised pair by pair, for the field and again for
    its widget (issue 8: 290 threads)."""

    def __init__(self, rijen: list[tuple[Any, str]]) -> None:
        self.rijen = rijen

    def __iter__(self) -> Iterator[tuple[Any, str]]:
        return iter(self.rijen)


class UrenSluitenForm(Veldenformulier, forms.Form):
    tot = DatumVeld(
        label="Uren afgesloten tot en met",
        required=False,
        help_text="Leeg: niets afgesloten. Uren op of voor deze dag kan niemand meer schrijven, "
        "verplaatsen of verwijderen.",
    )
