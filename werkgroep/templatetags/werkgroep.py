"""The hours filter, and the rows of the uren page's tables and chart and of the werkgroep
page's members and coverage tables in one pass of Python (issue 8): a row through the template
language each was most of those pages' time with 80 members and 50 entries. The HTML is what
the loops in `uren.html` and `werkgroep.html` wrote before (`tests/werkgroep/test_uren_pagina.py`
and `test_werkgroep_pagina.py` compare the pages with frozen copies of those templates,
`uren_oud.html` and `werkgroep_oud.html`). Text is escaped as Django's `escape` does (it is
the standard library's `html.escape`), without the lazy-string wrapper around each call."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING

from django import template
from django.urls import reverse
from django.utils.formats import localize
from django.utils.safestring import SafeString, mark_safe

from werkgroep.constants import LidRol, bijeenkomst_nummer, uren_tekst

if TYPE_CHECKING:
    from werkgroep.grafiek import Grafiek
    from werkgroep.selectors.overzicht import WerkgroepPagina
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


@register.simple_tag
def per_stap_regels(pagina: UrenPagina) -> SafeString:
    """The rows of the table per step: spent, expected by the deadline, against the budget;
    numbers the template printed as it prints them (`localize`)."""
    regels = []
    for s in pagina.per_stap:
        stap = s.stap
        if stap.gepland_eind < pagina.vandaag:
            verwacht, tegen = "—", "deadline verstreken"
        else:
            verwacht = localize(s.verwacht_totaal)
            if s.verwacht_procent is None:
                tegen = "geen budget"
            elif s.verwacht_procent >= 100:
                tegen = f"<strong>{localize(s.verwacht_procent)} %: boven budget</strong>"
            else:
                tegen = f"{localize(s.verwacht_procent)} %"
        regels.append(
            '<tr class="utrecht-table__row">'
            f'<th class="utrecht-table__header-cell" scope="row">{localize(stap.nummer)}. '
            f"{escape(stap.get_nummer_display())}</th>"
            f"{CEL}{stap.gepland_eind:%d-%m-%Y}</td>{GETAL}{uren_tekst(s.besteed)}</td>"
            f"{GETAL}{verwacht}</td>{CEL}{tegen}</td></tr>"
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


# The burn-down's grid and deadline markers: 20–30 SVG elements, each with five or six lookups
# and an `add` through the template language, were a quarter of the uren page's template
# (issue 8). Coordinates are floats and ints written as `str()` writes them, with a decimal
# point, as `{% localize off %}` did (`tests/werkgroep/burndown_oud.html` is the template
# before).

_LABEL = '<text class="ivp-burndown__label"'


@register.simple_tag
def burndown_raster(g: Grafiek) -> SafeString:
    """The horizontal grid lines with their hours, and the month labels under the x axis."""
    links, rechts, onder = g.assen["links"], g.assen["rechts"], g.assen["onder"]
    label_x = int(links) - 6
    label_y = int(onder) + 18
    regels = [
        f'<line x1="{links}" x2="{rechts}" y1="{y}" y2="{y}" />\n'
        f'{_LABEL} x="{label_x}" y="{y}" text-anchor="end" dominant-baseline="middle">'
        f"{escape(label)}</text>"
        for y, label in g.y_labels
    ]
    regels.extend(
        f'{_LABEL} x="{x}" y="{label_y}" text-anchor="middle">{escape(label)}</text>'
        for x, label in g.x_labels
    )
    return mark_safe("\n".join(regels))


@register.simple_tag
def burndown_deadlines(g: Grafiek) -> SafeString:
    """A vertical line per step deadline, labelled on the first or (close to the previous
    one) the second row under the axis."""
    boven, onder = g.assen["boven"], g.assen["onder"]
    rijen = (int(onder) + 36, int(onder) + 52)
    return mark_safe(
        "\n".join(
            f'<line x1="{x}" x2="{x}" y1="{boven}" y2="{onder}" />\n'
            f'{_LABEL} x="{x}" y="{rijen[1 if rij else 0]}" text-anchor="middle">'
            f"{escape(label)}</text>"
            for x, label, rij in g.deadlines
        )
    )


# The werkgroep page: the members, the coverage (80 members at 50×) and the page of meetings
# (20, each with five filters and a URL through the template language: a third of the page's
# Python; issue 8) ---------------------------------------------------------------------------

_JA = '<span aria-hidden="true">✓</span><span class="ivp-visueel-verborgen">ja</span>'
_NEE = '<span class="ivp-visueel-verborgen">nee</span>'


@register.simple_tag
def leden_regels(pagina: WerkgroepPagina) -> SafeString:
    """The rows of the members table (with the row of a member's motivation under it)."""
    regie = pagina.mag_regisseren
    bewerken = _url("werkgroep:lid_bewerken")
    motivatie_kop = f"<strong>Meer dan {pagina.max_leden} leden, motivatie:</strong>"
    rollen: dict[str, str] = {}
    regels = []
    for lid in pagina.leden:
        naam = escape(lid.weergavenaam)
        extern = "" if lid.gebruiker_id else ' <span class="ivp-werkgroep__extern">(extern)</span>'
        organisatie = escape(lid.organisatie) if lid.organisatie else "—"
        if lid.functie:
            organisatie += f", {escape(lid.functie)}"
        velden = ", ".join(escape(v.code) for v in lid.gekozen_velden) or "—"
        rol = rollen.get(lid.rol)
        if rol is None:  # three roles: each escaped once
            rol = rollen[lid.rol] = escape(lid.get_rol_display())
        regels.append(
            '<tr class="utrecht-table__row">'
            f'<th class="utrecht-table__header-cell" scope="row">{naam}{extern}</th>'
            f"{CEL}{rol}</td>{CEL}{organisatie}</td>{CEL}{velden}</td>"
            + (
                f'{CEL}<a class="utrecht-link" href="{bewerken(lid.pk)}">Wijzig'
                f'<span class="ivp-visueel-verborgen"> {naam}</span></a></td>'
                if regie
                else ""
            )
            + "</tr>"
        )
        if lid.motivatie:
            regels.append(
                '<tr class="utrecht-table__row ivp-werkgroep__motivatie">'
                f'<td class="utrecht-table__cell" colspan="{5 if regie else 4}">{motivatie_kop} '
                f"{escape(lid.motivatie)}</td></tr>"
            )
    return mark_safe("\n".join(regels))


@register.simple_tag
def dekking_koppen(pagina: WerkgroepPagina) -> SafeString:
    """The members as the column heads of the coverage table."""
    return mark_safe(
        "".join(
            f'<th class="utrecht-table__header-cell" scope="col">{escape(lid.weergavenaam)}</th>'
            for lid in pagina.dekking.leden
        )
    )


@register.simple_tag
def dekking_rijen(pagina: WerkgroepPagina) -> SafeString:
    """One row per veld: a tick for each member who covers it, a gap marked."""
    regels = []
    for veld, vakjes, gat in pagina.dekking.rijen:
        cellen = "".join(
            f'<td class="utrecht-table__cell ivp-dekking__vakje">{_JA if gedekt else _NEE}</td>'
            for gedekt in vakjes
        )
        regels.append(
            f'<tr class="utrecht-table__row{" ivp-dekking__gat" if gat else ""}">'
            f'<th class="utrecht-table__header-cell" scope="row">{escape(veld.code)}. '
            f"{escape(veld.naam)}"
            + (' <strong class="ivp-dekking__melding">— niet gedekt</strong>' if gat else "")
            + f"</th>{cellen}</tr>"
        )
    return mark_safe("\n".join(regels))


@register.simple_tag
def bijeenkomsten_regels(pagina: WerkgroepPagina) -> SafeString:
    """The items of the list of meetings shown: number (or voortgangsoverleg, or "Afgezegd"
    for one called off), title, date and times as `date:"d-m-Y"` and `time:"H:i"` wrote them,
    the open actiepunten, and the motivation (asked for past the sixth meeting)."""
    url = _url("werkgroep:bijeenkomst")
    motivatie_kop = (
        f"<strong>Meer dan {pagina.max_bijeenkomsten} bijeenkomsten, motivatie:</strong>"
    )
    regels = []
    for b, nummer in pagina.bijeenkomsten.getoond(pagina.bijeenkomsten_pagina):
        if b.afgezegd_op is not None:
            soort = "Afgezegd"
        else:
            soort = bijeenkomst_nummer(nummer) if nummer else "Voortgangsoverleg"
        n = b.open_actiepunten
        regels.append(
            '<li class="utrecht-unordered-list__item">\n'
            f'<a class="utrecht-link" href="{url(b.pk)}">{soort}: {escape(b.titel)}, '
            f"{b.datum:%d-%m-%Y} {b.begintijd:%H:%M}–{b.eindtijd:%H:%M}</a>\n"
            + (f" — {n} open actiepunt{'' if n == 1 else 'en'}" if n else "")
            + "\n"
            + (
                f'<br><span class="ivp-werkgroep__motivatie-tekst">{motivatie_kop} '
                f"{escape(b.motivatie)}</span>"
                if b.motivatie
                else ""
            )
            + "\n</li>"
        )
    return mark_safe("\n".join(regels))
