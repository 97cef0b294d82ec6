"""Lost updates: the one way an edit form of a shared object detects that someone else saved
it in between (issue 15, finding 4), as the chapters always did (`Hoofdstuk.versie`).

- The model counts its saves: `Versiebeheerd.versie` (`ivp.services.bewaar` raises it by one
  on every update, so no service forgets it).
- The form carries the version the user started from: `VersieForm` adds a hidden `versie`
  field (`versie_van=obj`; 0 for an object that does not exist yet).
- The service locks the row and compares: `vereis_versie(obj, versie)` raises
  `Bewerkconflict` with the object as it is saved now.
- `ivp.views.probeer` puts the conflict on the form: the message on top, the user's input kept,
  the hidden version moved to the saved one (a second save is a deliberate choice), and the
  saved values (`form.conflict_regels`) shown by `includes/conflict.html` next to the form.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django import forms
from django.db import models
from django.http import QueryDict

from ivp.exceptions import Geweigerd

if TYPE_CHECKING:
    from django.forms import BaseForm


class Versiebeheerd(models.Model):
    """Abstract: `versie` counts the saves of the object, for `vereis_versie`."""

    versie = models.PositiveIntegerField(
        "versie",
        default=1,
        db_default=1,  # rows written by older code (or migrations) start at 1 too
        editable=False,
        help_text="Telt het aantal keer opslaan.",
    )

    class Meta:
        abstract = True


class Bewerkconflict(Geweigerd):
    """Someone saved the object after the user opened the form; `huidig` is it as saved now
    (None when it was deleted meanwhile)."""

    def __init__(self, huidig: models.Model | None, tekst: str = "") -> None:
        super().__init__(
            tekst
            or "Iemand anders heeft dit opgeslagen nadat u het formulier opende. Uw invoer is "
            "niet opgeslagen en staat nog in het formulier; daarnaast ziet u wat nu is "
            "opgeslagen. Neem over wat u wilt houden en sla daarna opnieuw op."
        )
        self.huidig = huidig


def opgeslagen_versie(obj: Versiebeheerd) -> int:
    """The version saved now (0 when `obj` is not saved), read with a row lock inside the
    current transaction."""
    if obj.pk is None:
        return 0
    huidig = (
        type(obj)._default_manager.select_for_update().filter(pk=obj.pk).values("versie").first()
    )
    return int(huidig["versie"]) if huidig else 0


def vereis_versie[M: Versiebeheerd](obj: M, versie: int | None) -> None:
    """Refuse with `Bewerkconflict` when `obj` was saved (or made) after the form showed
    version `versie`. `None`: the caller has no form (a script, the demo), nothing is checked.
    Call it inside the service's transaction, before the write: the row stays locked."""
    if versie is None:
        return
    if opgeslagen_versie(obj) != versie:
        huidig = type(obj)._default_manager.filter(pk=obj.pk).first() if obj.pk else None
        raise Bewerkconflict(huidig)


def volgende_versie(obj: Versiebeheerd) -> None:
    """Called by `bewaar()` before an update: the saved version plus one."""
    if obj.pk is not None and not obj._state.adding:
        obj.versie = opgeslagen_versie(obj) + 1


# --- Forms -----------------------------------------------------------------------------------


def _tekst(waarde: Any) -> str:
    if waarde is None or waarde == "":
        return "—"
    if isinstance(waarde, models.Manager):
        return ", ".join(str(o) for o in waarde.all()) or "—"
    if isinstance(waarde, dt.datetime):
        return f"{waarde:%d-%m-%Y %H:%M}"
    if isinstance(waarde, dt.date):
        return f"{waarde:%d-%m-%Y}"
    if isinstance(waarde, dt.time):
        return f"{waarde:%H:%M}"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    return str(waarde)


class VersieForm:
    """Mixin for a (model) form that edits a shared object: `versie_van=obj` gives it the
    hidden version to send back (an unsaved `obj` or `versie_van=0`: the object does not exist
    yet; no `versie_van`: no field, for a form that only makes new ones); after a conflict
    `conflict` holds the saved object."""

    conflict: models.Model | None = None

    def __init__(
        self, *args: Any, versie_van: Versiebeheerd | int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if versie_van is None:
            return
        form: BaseForm = self  # type: ignore[assignment]  # mixed into a Form
        form.fields["versie"] = forms.IntegerField(
            widget=forms.HiddenInput,
            min_value=0,
            initial=(
                versie_van
                if isinstance(versie_van, int)
                else (versie_van.versie if versie_van.pk else 0)
            ),
            # Our pages always send it; a post without it (a script, an old test) is not
            # checked, as `vereis_versie(obj, None)` says.
            required=False,
            error_messages={"invalid": "Het formulier mist zijn versie; open de pagina opnieuw."},
        )

    def toon_conflict(self, fout: Bewerkconflict) -> None:
        """Keep the user's input, move the hidden version to the saved one."""
        form: BaseForm = self  # type: ignore[assignment]  # mixed into a Form
        self.conflict = fout.huidig
        versie = str(getattr(fout.huidig, "versie", 0))
        if isinstance(form.data, QueryDict):  # keeps every value of a multiple choice
            data = form.data.copy()
            data[form.add_prefix("versie")] = versie
            form.data = data
        else:
            form.data = {**form.data, form.add_prefix("versie"): versie}

    @property
    def conflict_regels(self) -> list[tuple[str, str]]:
        """(label, saved value) for every field of the form that the saved object has."""
        if self.conflict is None:
            return []
        form: BaseForm = self  # type: ignore[assignment]  # mixed into a Form
        regels = []
        for naam, veld in form.fields.items():
            if naam == "versie" or not hasattr(self.conflict, naam):
                continue
            weergave = getattr(self.conflict, f"get_{naam}_display", None)
            waarde = weergave() if callable(weergave) else getattr(self.conflict, naam)
            regels.append((str(veld.label or naam), _tekst(waarde)))
        return regels
