from __future__ import annotations

from typing import TYPE_CHECKING

from django import template
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime

from ivp.templatetags.ivp_status import status_badge
from stappen.markdown import naar_html

if TYPE_CHECKING:
    from stappen.models import Opmerking

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


@register.simple_tag
def draad_blok(draad: Opmerking) -> SafeString:
    """One thread as the document, version and thread-list pages show it: author, version,
    date, state, quote, text and a link to its page with the number of replies (`draad` from
    `selectors.documenten._draad_blokken`: `aantal_antwoorden` annotated). Written in one
    pass of Python (issue 8): the pages show up to ~55 of these, and a template include each
    was a good part of their time."""
    auteur = naam(draad.auteur)
    if draad.is_opgelost:
        badges = [status_badge("afgerond", "Opgelost")]
    else:
        badges = [status_badge("actief", "Open")]
    if draad.uitkomst:
        badges.append(status_badge(draad.uitkomst, draad.get_uitkomst_display()))
    n: int = draad.aantal_antwoorden  # type: ignore[attr-defined]  # annotated by the selector
    delen = [
        format_html(
            '<article class="ivp-opmerking{}" aria-labelledby="opm-{}-kop">'
            '<header class="ivp-opmerking__kop">'
            '<h4 class="utrecht-heading-4" id="opm-{}-kop">{} '
            '<span class="ivp-opmerking__meta">bij versie {}, {}</span></h4>{}</header>',
            " ivp-opmerking--opgelost" if draad.is_opgelost else "",
            draad.pk,
            draad.pk,
            auteur,
            draad.versie.nummer,
            date_format(localtime(draad.geplaatst_op), "d-m-Y H:i"),
            mark_safe(" ".join(badges)),
        )
    ]
    if draad.citaat:
        delen.append(
            format_html(
                '<blockquote class="ivp-opmerking__citaat"><p class="utrecht-paragraph">{}</p>'
                "</blockquote>",
                linebreaksbr(draad.citaat, autoescape=True),
            )
        )
    delen.append(
        format_html(
            '<p class="utrecht-paragraph">{}</p>', linebreaksbr(draad.tekst, autoescape=True)
        )
    )
    if draad.uitkomst_reden:
        delen.append(
            format_html(
                '<p class="utrecht-paragraph ivp-opmerking__reden"><strong>Toelichting op de '
                "verwerking:</strong> {}</p>",
                linebreaksbr(draad.uitkomst_reden, autoescape=True),
            )
        )
    delen.append(
        format_html(
            '<p class="utrecht-paragraph"><a class="utrecht-link" href="{}">{}'
            '<span class="ivp-visueel-verborgen"> (opmerking van {})</span></a></p></article>',
            reverse("stappen:opmerking", args=[draad.pk]),
            f"{n} reactie{'' if n == 1 else 's'} lezen of reageren"
            if n
            else "Reageren of afhandelen",
            auteur,
        )
    )
    return mark_safe("".join(delen))
