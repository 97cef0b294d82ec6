"""The start page's plan cards in one pass of Python (issue 8): at 50× a coordinator sees some
50 plans, and a card each through the template language (with a `{% url %}` and the active
steps' loop) was half of the page. The HTML is what the loop in `start.html` wrote
(`tests/stappen/test_startpagina.py` compares the page with a frozen copy of that template,
`tests/stappen/start_oud.html`)."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def plan_kaarten(plannen: Iterable[Any]) -> SafeString:
    """Per plan its gemeente, title (a link to the plan), period, active steps and how many
    of the six steps are done (`plannen_voor`: `aantal_afgerond`, `actieve_stappen`)."""
    voor, na = reverse("stappen:plan", args=[987654321]).split("987654321")
    kaarten = []
    for plan in plannen:
        stappen = "".join(
            f"Nu: stap {stap.nummer}, {escape(stap.get_nummer_display().lower())}.<br>"
            for stap in plan.actieve_stappen
        )
        kaarten.append(
            '<li class="ivp-kaart">'
            f'<p class="utrecht-paragraph ivp-kaart__gemeente">{escape(plan.gemeente.naam)}</p>'
            f'<h2 class="utrecht-heading-3"><a class="utrecht-link" href="{voor}{plan.pk}{na}">'
            f"{escape(plan.titel)}</a></h2>"
            f'<p class="utrecht-paragraph">Looptijd {plan.periode_start:%d-%m-%Y} t/m '
            f"{plan.einde:%d-%m-%Y}{' (verlengd)' if plan.verlengd_tot else ''}</p>"
            f'<p class="utrecht-paragraph">{stappen} {plan.aantal_afgerond} van 6 stappen '
            "afgerond.</p></li>"
        )
    return mark_safe("\n".join(kaarten))
