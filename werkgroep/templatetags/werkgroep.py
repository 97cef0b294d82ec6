"""The hours filter, and the rows of the uren page's two long tables in one pass of Python
(issue 8): a row through the template language each was most of the page's time with 80
members and 50 entries. The HTML is what the loops in `uren.html` wrote before
(`tests/werkgroep/test_uren_pagina.py` compares the page with a frozen copy of that template,
`tests/werkgroep/uren_oud.html`). Text is escaped as Django's `escape` does (it is the standard
library's `html.escape`), without the lazy-string wrapper around each call."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from werkgroep.constants import LidRol, uren_tekst

if TYPE_CHECKING:
    from werkgroep.selectors.uren import Registratie, UrenPagina, UrenRegel

register = template.Library()

CEL = '<td class="utrecht-table__cell">'
GETAL = '<td class="utrecht-table__cell utrecht-table__cell--numeric-column">'


@register.filter
def uren(waarde: Decimal | int | float | None) -> str:
    """Hours the Dutch way without trailing zeros: 7,5 and 350 (— when unknown)."""
    return uren_tekst(waarde)


def _url(naam: str) -> Callable[[int], str]:
    """The URL of `naam` for any pk, reversed once (a reverse per row was a good part of the
    rows' time)."""
    voor, na = reverse(naam, args=[987654321]).split("987654321")
    return lambda pk: f"{voor}{pk}{na}"


def _signaal(r: UrenRegel) -> str:
    if r.signaal == "over":
        tekst = f'<strong class="ivp-signaal ivp-signaal--over">Budget op ({r.procent} %)</strong>'
    elif r.signaal == "bijna":
        tekst = f'<strong class="ivp-signaal ivp-signaal--bijna">Let op: {r.procent} %</strong>'
    else:
        tekst = "—" if r.procent is None else f"{r.procent} %"
    if r.budget_wijkt_af:
        tekst += f"<br>Buiten 300–400 uur, motivatie: {escape(r.motivatie)}"
    return tekst


@register.simple_tag
def uren_regels(pagina: UrenPagina) -> SafeString:
    """The rows of the table per person: budget, spent, remaining, expected, signal."""
    verstreken = pagina.laatste_deadline < pagina.vandaag
    budget_url = _url("werkgroep:urenbudget")
    regels = []
    for r in pagina.regels:
        naam = escape(r.lid.weergavenaam)
        trekker = " (trekker)" if r.lid.rol == LidRol.TREKKER else ""
        budget = "—" if r.budget is None else uren_tekst(r.budget)
        resterend = "—" if r.resterend is None else uren_tekst(r.resterend)
        verwacht = "—"
        if not verstreken:
            verwacht = uren_tekst(r.verwacht)
            if r.verwacht_boven_budget:
                verwacht += " <strong>(boven budget)</strong>"
        regels.append(
            '<tr class="utrecht-table__row">'
            f'<th class="utrecht-table__header-cell" scope="row">{naam}{trekker}</th>'
            f"{GETAL}{budget}</td>{GETAL}{uren_tekst(r.besteed)}</td>{GETAL}{resterend}</td>"
            f"{GETAL}{verwacht}</td>{CEL}{_signaal(r)}</td>"
            f'{CEL}<a class="utrecht-link" href="{budget_url(r.lid.pk)}">Budget van {naam} '
            "instellen</a></td></tr>"
        )
    return mark_safe("\n".join(regels))


def _registratie_regel(r: Registratie, wie: bool, url: Callable[[int], str]) -> str:
    datum = f"{r.datum:%d-%m-%Y}"
    omschrijving = escape(r.omschrijving)
    return (
        f'<tr class="utrecht-table__row">{CEL}{datum}</td>'
        + (f"{CEL}{escape(r.lid.weergavenaam)}</td>" if wie else "")
        + f"{CEL}{'—' if r.stap is None else r.stap.nummer}</td>"
        f"{GETAL}{uren_tekst(r.uren)}</td>{CEL}{omschrijving}</td>"
        f'{CEL}<a class="utrecht-link" href="{url(r.pk)}">Corrigeer'
        f'<span class="ivp-visueel-verborgen"> {datum} {omschrijving}</span></a></td></tr>'
    )


@register.simple_tag
def registratie_regels(pagina: UrenPagina) -> SafeString:
    """The rows of one page of entries; the column "Wie" for the coordinator only."""
    wie = pagina.mag_regisseren
    url = _url("werkgroep:uren_bewerken")
    return mark_safe("\n".join(_registratie_regel(r, wie, url) for r in pagina.registraties))
