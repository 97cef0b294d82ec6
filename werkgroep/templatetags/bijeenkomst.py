"""The meeting page's attendance table and its actiepunten in one pass of Python (issue 8): 80
rows through the template language were a good part of what the page's template cost at 50×,
and each actiepunt's status form (its select looped over, its button included) some 1,100
calls. The HTML is what the loops in `bijeenkomst.html` wrote
(`tests/werkgroep/test_bijeenkomst_formulieren.py` compares the page with a frozen copy of
the old template)."""

from __future__ import annotations

import datetime as dt
import functools
from html import escape
from typing import Any

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from werkgroep.constants import ActiepuntStatus

register = template.Library()


@register.simple_tag
def presentie_rijen(regels: list[tuple[str, str]]) -> SafeString:
    """Per member a row: their name, their recorded attendance (or that none is)."""
    return mark_safe(
        "\n".join(
            '<tr class="utrecht-table__row">'
            f'<th class="utrecht-table__header-cell" scope="row">{escape(naam)}</th>'
            f'<td class="utrecht-table__cell">{escape(status) if status else "Nog niet vastgelegd"}'
            "</td></tr>"
            for naam, status in regels
        )
    )


@functools.cache
def _status_knop() -> str:
    return render_to_string(
        "includes/button.html", {"label": "Status opslaan", "variant": "secondary"}
    )


@register.simple_tag(takes_context=True)
def actiepunt_rijen(
    context: template.Context, actiepunten: list[Any], mag_regisseren: bool, vandaag: dt.date
) -> SafeString:
    """Per actiepunt a row: what, who, by when (and whether that has passed while it is
    open), and its status: a form to set it for the coordinator and for who holds it, else
    its name. `actiepunten` are `werkgroep.selectors.bijeenkomsten.Actieregel`s."""
    user = context.get("user")
    user_pk = getattr(user, "pk", None)
    token = context.get("csrf_token")
    if token and token != "NOTPROVIDED":
        csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(str(token))}">'
    else:
        csrf = ""
    keuzes = [
        (str(waarde), escape(str(waarde)), escape(str(label)))
        for waarde, label in (ActiepuntStatus.choices)
    ]
    rijen = []
    for punt in actiepunten:
        wat = escape(punt.wat)
        d = punt.deadline
        verlopen = " <strong>(verlopen)</strong>" if punt.status == "open" and d < vandaag else ""
        rij = (
            '<tr class="utrecht-table__row">\n'
            f'<td class="utrecht-table__cell">{wat}</td>\n'
            f'<td class="utrecht-table__cell">{escape(punt.wie.weergavenaam)}</td>\n'
            f'<td class="utrecht-table__cell">{d.day:02d}-{d.month:02d}-{d.year:04d}'
            f"{verlopen}</td>\n"
            '<td class="utrecht-table__cell">\n'
        )
        if mag_regisseren or punt.wie.gebruiker_id == user_pk:
            url = escape(reverse("werkgroep:actiepunt_status", args=[punt.pk]))
            opties = "".join(
                f'<option value="{waarde_html}"'
                f"{' selected' if waarde == punt.status else ''}>{label_html}</option>"
                for waarde, waarde_html, label_html in keuzes
            )
            rij += (
                f'<form class="ivp-actiepunt-status" method="post" action="{url}">\n'
                f"{csrf}\n"
                f'<label class="ivp-visueel-verborgen" for="status-{punt.pk}">Status van '
                f"‘{wat}’</label>\n"
                '<select class="utrecht-select utrecht-select--html-select" '
                f'id="status-{punt.pk}" name="status">\n{opties}\n</select>\n'
                f"{_status_knop()}\n</form>\n"
            )
        else:
            rij += escape(punt.status_tekst)
        rijen.append(rij + "</td>\n</tr>")
    return mark_safe("\n".join(rijen))
