"""Helper for the lost-update tests of every edit form (issue 15, finding 4; ivp/versies.py):
two people open the same form; the first saves; the second save shows the conflict, keeps
its input and saves nothing, and a save after that (the user's deliberate choice) goes
through."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.forms import BaseForm
from django.test import Client

CONFLICT = "Iemand anders heeft dit opgeslagen nadat u het formulier opende"


def formdata(form: BaseForm) -> dict[str, Any]:
    """What the browser would send for `form` as the page shows it."""
    data: dict[str, Any] = {}
    for veld in form:
        waarde = veld.value()
        if isinstance(veld.field.widget, forms.CheckboxInput):
            if waarde:
                data[veld.html_name] = "on"
        else:
            opgemaakt = veld.field.widget.format_value(waarde)
            if isinstance(opgemaakt, list | tuple):  # choice widgets give a list
                lijst = [str(w) for w in opgemaakt]
                meer = getattr(veld.field.widget, "allow_multiple_selected", False)
                data[veld.html_name] = lijst if meer else (lijst[0] if lijst else "")
            else:
                data[veld.html_name] = "" if opgemaakt is None else str(opgemaakt)
    return data


def tweede_opslag_ziet_conflict(
    client: Client,
    url: str,
    veld: str,
    *,
    form: Callable[[Any], BaseForm] = lambda context: context["form"],
    extra: dict[str, str] | None = None,
    opgeslagen: Callable[[], str],
) -> None:
    """`veld` (its html name) is a text field the test changes; `opgeslagen()` reads its
    saved value from the database."""
    begin = formdata(form(client.get(url).context)) | (extra or {})
    eerste = client.post(url, begin | {veld: "Eerst opgeslagen tekst"})
    assert eerste.status_code == 302, (
        getattr(eerste, "context", None) and form(eerste.context).errors
    )
    tweede = client.post(url, begin | {veld: "Mijn invoer blijft staan"})
    assert tweede.status_code == 200
    html = tweede.content.decode()
    assert CONFLICT in html
    assert "Mijn invoer blijft staan" in html  # the input is kept in the form
    assert "Eerst opgeslagen tekst" in html  # and what is saved now is shown
    assert opgeslagen() == "Eerst opgeslagen tekst"
    # Saving again, now from the saved version, is a deliberate choice: it goes through.
    derde = client.post(url, formdata(form(tweede.context)) | (extra or {}))
    assert derde.status_code == 302
    assert opgeslagen() == "Mijn invoer blijft staan"
