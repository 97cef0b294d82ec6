from __future__ import annotations

from datetime import datetime, tzinfo
from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING

from django import template
from django.template.defaultfilters import linebreaksbr
from django.urls import get_script_prefix, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import get_current_timezone, localtime

from ivp.templatetags.ivp_status import status_badge
from ivp.templatetags.ivp_urls import omgekeerd
from stappen.markdown import naar_html
from stappen.selectors.draden import DraadRij

if TYPE_CHECKING:
    from stappen.models import Opmerking
    from stappen.selectors.draden import Draden

register = template.Library()


@register.filter
def markdown(tekst: str, basis: int = 3) -> SafeString:
    """Markdown rendered and sanitised (`stappen.markdown.naar_html`), its headings from
    h`basis` (3 under a chapter's h2, 4 under a sub-chapter's h3)."""
    return naar_html(tekst, basis=int(basis))


@register.filter
def naam(gebruiker) -> str:
    if gebruiker is None:
        return "—"
    return gebruiker.get_full_name() or gebruiker.get_username()


# Thread blocks kept written per process: ~1 kB each, a page shows up to ~55 of them.
BLOKKEN_BEWAARD = 1024


@register.simple_tag
def draad_blok(draad: Opmerking | DraadRij) -> SafeString:
    """One thread as the document, version and thread-list pages show it: author, version,
    date, state, quote, text and a link to its page with the number of replies (`draad` a
    `selectors.draden.DraadRij`, or an `Opmerking` from `selectors.draden.draad_blokken`:
    `aantal_antwoorden` annotated). Written in one pass of Python (issue 8), and kept per
    process keyed by everything it shows (and the time zone of its date, the URL prefix of
    its link): a thread that changes, or whose author is renamed, has another key, so a
    block is never stale."""
    return mark_safe(_blok_van(draad, get_current_timezone(), get_script_prefix()))


def _blok_van(draad: Opmerking | DraadRij, tijdzone: tzinfo, prefix: str) -> str:
    if isinstance(draad, DraadRij):
        auteur, versie, n = draad.auteur_naam, draad.versie_nummer, draad.aantal_antwoorden
        label = draad.uitkomst_label if draad.uitkomst else ""
    else:
        auteur, versie = naam(draad.auteur), draad.versie.nummer
        n = draad.aantal_antwoorden  # type: ignore[attr-defined]  # annotated by the selector
        label = str(draad.get_uitkomst_display()) if draad.uitkomst else ""
    return _blok(
        draad.pk,
        auteur,
        versie,
        draad.geplaatst_op,
        tijdzone,
        prefix,
        draad.is_opgelost,
        draad.uitkomst,
        label,
        draad.citaat,
        draad.tekst,
        draad.uitkomst_reden,
        n,
    )


@lru_cache(maxsize=BLOKKEN_BEWAARD)
def _blok(
    pk: int,
    auteur: str,
    versie: str,
    geplaatst_op: datetime,
    tijdzone: tzinfo,
    prefix: str,
    opgelost: bool,
    uitkomst: str,
    uitkomst_label: str,
    citaat: str,
    tekst: str,
    uitkomst_reden: str,
    n: int,
) -> str:
    if opgelost:
        badges = [status_badge("afgerond", "Opgelost")]
    else:
        badges = [status_badge("actief", "Open")]
    if uitkomst:
        badges.append(status_badge(uitkomst, uitkomst_label))
    delen = [
        format_html(
            '<article class="ivp-opmerking{}" aria-labelledby="opm-{}-kop">'
            '<header class="ivp-opmerking__kop">'
            '<h4 class="utrecht-heading-4" id="opm-{}-kop">{} '
            '<span class="ivp-opmerking__meta">bij versie {}, {}</span></h4>{}</header>',
            " ivp-opmerking--opgelost" if opgelost else "",
            pk,
            pk,
            auteur,
            versie,
            date_format(localtime(geplaatst_op, tijdzone), "d-m-Y H:i"),
            mark_safe(" ".join(badges)),
        )
    ]
    if citaat:
        delen.append(
            format_html(
                '<blockquote class="ivp-opmerking__citaat"><p class="utrecht-paragraph">{}</p>'
                "</blockquote>",
                linebreaksbr(citaat, autoescape=True),
            )
        )
    delen.append(
        format_html('<p class="utrecht-paragraph">{}</p>', linebreaksbr(tekst, autoescape=True))
    )
    if uitkomst_reden:
        delen.append(
            format_html(
                '<p class="utrecht-paragraph ivp-opmerking__reden"><strong>Toelichting op de '
                "verwerking:</strong> {}</p>",
                linebreaksbr(uitkomst_reden, autoescape=True),
            )
        )
    delen.append(
        format_html(
            '<p class="utrecht-paragraph"><a class="utrecht-link" href="{}">{}'
            '<span class="ivp-visueel-verborgen"> (opmerking van {})</span></a></p></article>',
            reverse("stappen:opmerking", args=[pk]),
            f"{n} reactie{'' if n == 1 else 's'} lezen of reageren"
            if n
            else "Reageren of afhandelen",
            auteur,
        )
    )
    return "".join(delen)


@register.simple_tag
def draden_van_sectie(
    draden: Draden, document_id: int, sleutel: str, titel: str, versie_nummer: str = ""
) -> SafeString:
    """The threads of one section as the document and version pages show them: the most
    recent open ones (at most `selectors.documenten.MAX_OPEN_DRADEN`, each a `draad_blok`)
    and a link to all of them, of the version `versie_nummer` on a version page. A tag, not
    an include: the pages write one per section."""
    tijdzone, prefix = get_current_timezone(), get_script_prefix()
    delen = [_blok_van(draad, tijdzone, prefix) for draad in draden.getoond]
    if draden.overig:
        url = omgekeerd("stappen:sectie_draden", [document_id, sleutel])
        if versie_nummer:
            url = f"{url}?versie={versie_nummer}"
        # What format_html wrote (every value escaped), in one f-string.
        delen.append(
            f'<p class="utrecht-paragraph ivp-draden__overig">'
            f"{'Nog ' if draden.getoond else ''}{draden.overig} opmerking"
            f"{'' if draden.overig == 1 else 'en'} ({draden.overig_open} open, "
            f'{draden.afgehandeld} afgehandeld): <a class="utrecht-link" href="{escape(url)}">'
            f"alle opmerkingen bij {escape(str(titel).lower())}</a></p>"
        )
    return mark_safe("".join(delen))
