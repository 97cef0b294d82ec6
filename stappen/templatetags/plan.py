"""The plan page's six steps in one pass of Python (issue 8): the step loop of
`plan_detail.html` through the template language (a status include, three button includes,
`{% url %}`s, `{% with %}`, nested `{% if %}`s per step) was about a third of the page. The
HTML is what that loop wrote (`tests/stappen/test_planpagina_snel.py` compares the page with
a frozen copy of the old template, `tests/stappen/plan_oud.html`), whitespace between tags
aside. Also `datum`, the `date` filter for one format, each distinct value formatted once."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from html import escape
from typing import Any

from django import template
from django.template.context import Context
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from ivp.templatetags.ivp_status import status_badge
from ivp.templatetags.ivp_urls import omgekeerd

register = template.Library()

# The links under a step to its content (shown to whoever reads drafts or sees documents).
_INHOUD = {
    2: ("stappen:analyse", "Veiligheidsanalyse per veld"),
    3: ("stappen:prioritering", "Scores, rangorde en plaatsing van de thema's"),
    4: ("stappen:ivp", "Prioriteiten en doelstellingen in het IVP"),
}


@lru_cache(maxsize=4096)
def _dag(waarde: dt.date) -> str:
    return f"{waarde:%d-%m-%Y}"


@lru_cache(maxsize=4096)
def _dag_tijd(waarde: dt.datetime, zone: Any) -> str:
    return f"{timezone.localtime(waarde, zone):%d-%m-%Y %H:%M}"


@register.filter(is_safe=False)
def datum(waarde: Any, soort: str = "") -> str:
    """`{{ d|datum }}`: `{{ d|date:"d-m-Y" }}`; `{{ t|datum:"tijd" }}`: `{{ t|date:"d-m-Y
    H:i" }}` in the current time zone. Each value is formatted once per process (the page
    writes ~45 dates, many the same; `date` costs ~100 calls each). None and "": ""."""
    if waarde in (None, ""):
        return ""
    if isinstance(waarde, dt.datetime):
        if timezone.is_aware(waarde):
            return (
                _dag_tijd(waarde, timezone.get_current_timezone())
                if soort
                else _dag(timezone.localtime(waarde).date())
            )
        return f"{waarde:%d-%m-%Y %H:%M}" if soort else _dag(waarde.date())
    if isinstance(waarde, dt.date):
        return _dag(waarde)
    raise TypeError(f"datum: geen datum: {waarde!r}")


def _knop(label: str, variant: str) -> str:
    # includes/button.html with a label and a variant, nothing else.
    soort = "secondary-action" if variant == "secondary" else "primary-action"
    return (
        f'<button type="submit" class="utrecht-button utrecht-button--{soort} '
        f'utrecht-button--submit">{escape(label)}</button>'
    )


def _lijst(items: list[Any]) -> str:
    return "".join(
        f'<li class="utrecht-unordered-list__item">{conditional_escape(item)}</li>'
        for item in items
    )


def _regel(regel: Any, plan_pk: int, pagina: Any, heropen_forms: Any, csrf: str) -> str:
    stap = regel.stap
    nummer = stap.nummer
    d = []
    te_laat = " ivp-stap--te-laat" if regel.te_laat else ""
    d.append(
        f'<li class="ivp-stap ivp-stap--{escape(str(stap.status))}{te_laat}" id="stap-{nummer}">'
        '<div class="ivp-stap__kop">'
        f'<h3 class="utrecht-heading-3">Stap {nummer}: {escape(stap.get_nummer_display())}</h3>'
        f"{status_badge(stap.status, stap.get_status_display())}"
    )
    if regel.te_laat:
        d.append('<span class="ivp-stap__te-laat">Deadline verstreken</span>')
    d.append(
        '</div><dl class="ivp-feiten ivp-stap__feiten"><div><dt>Gepland</dt><dd>'
        f"{datum(stap.gepland_start)} t/m {datum(stap.gepland_eind)}</dd></div>"
    )
    if stap.werkelijk_start:
        d.append(f"<div><dt>Gestart op</dt><dd>{datum(stap.werkelijk_start)}</dd></div>")
    if stap.werkelijk_eind:
        d.append(f"<div><dt>Afgerond op</dt><dd>{datum(stap.werkelijk_eind)}</dd></div>")
    d.append(f"<div><dt>Besluit door</dt><dd>{escape(str(stap.get_orgaan_display()))}</dd></div>")
    if regel.documenten:
        links = "<br>".join(
            f'<a class="utrecht-link" href="{escape(omgekeerd("stappen:document", [doc.pk]))}">'
            f"{escape(doc.titel)}</a> ({escape(str(doc.get_status_display()).lower())})"
            for doc in regel.documenten
        )
        meervoud = "" if len(regel.documenten) == 1 else "en"
        d.append(f"<div><dt>Document{meervoud}</dt><dd>{links}</dd></div>")
    d.append("</dl>")
    if (pagina.leest_concepten or regel.documenten) and nummer in _INHOUD:
        naam, tekst = _INHOUD[nummer]
        d.append(
            f'<p class="utrecht-paragraph"><a class="utrecht-link" '
            f'href="{escape(omgekeerd(naam, [plan_pk]))}">{tekst}</a></p>'
        )
    if regel.blokkades:
        kop = (
            "Deze stap kan nog niet starten:"
            if stap.status == "gepland"
            else "Nog nodig om deze stap af te ronden:"
        )
        d.append(
            '<div class="utrecht-alert utrecht-alert--warning ivp-stap__blokkades">'
            '<div class="utrecht-alert__message">'
            f'<p class="utrecht-paragraph"><strong>{kop}</strong></p>'
            f'<ul class="utrecht-unordered-list">{_lijst(regel.blokkades)}</ul></div></div>'
        )
    if regel.waarschuwingen:
        d.append(
            '<div class="utrecht-alert utrecht-alert--info"><div class="utrecht-alert__message">'
            f'<ul class="utrecht-unordered-list">{_lijst(regel.waarschuwingen)}</ul></div></div>'
        )
    if pagina.mag_regisseren:
        d.append('<div class="ivp-stap__acties">')

        def overgang(actie: str) -> str:
            url = omgekeerd("stappen:stap_overgang", [plan_pk, nummer, actie])
            return f'<form method="post" action="{escape(url)}">{csrf}'

        if regel.kan_starten:
            d.append(f"{overgang('start')}{_knop(f'Start stap {nummer}', 'primary')}</form>")
        if regel.kan_afronden:
            d.append(f"{overgang('afronden')}{_knop(f'Rond stap {nummer} af', 'primary')}</form>")
        if regel.kan_heropenen:
            groep = heropen_forms[nummer]["toelichting"].as_field_group()
            d.append(
                f'<details class="ivp-details"><summary>Stap {nummer} heropenen</summary>'
                f"{overgang('heropenen')}{groep}"
                f"{_knop(f'Heropen stap {nummer}', 'secondary')}</form></details>"
            )
        if stap.status != "afgerond":
            url = omgekeerd("stappen:stap_planning", [plan_pk, nummer])
            d.append(
                f'<a class="utrecht-link" href="{escape(url)}">Planning van stap {nummer} '
                "wijzigen</a>"
            )
        d.append("</div>")
    d.append("</li>")
    return "".join(d)


@register.simple_tag(takes_context=True)
def stap_regels(context: Context) -> SafeString:
    """`{% stap_regels %}`: the `<li>` of each step of `pagina.regels` (`plan_pagina`), with
    the context's `plan`, `heropen_forms` and CSRF token."""
    pagina = context["pagina"]
    token = context.get("csrf_token")
    # What {% csrf_token %} writes.
    csrf = (
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{conditional_escape(token)}">'
        if token and token != "NOTPROVIDED"
        else ""
    )
    plan_pk = context["plan"].pk
    heropen_forms = context.get("heropen_forms")
    return mark_safe(
        "\n".join(_regel(regel, plan_pk, pagina, heropen_forms, csrf) for regel in pagina.regels)
    )
