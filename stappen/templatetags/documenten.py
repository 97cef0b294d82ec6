from django import template
from django.utils.safestring import SafeString

from stappen.markdown import naar_html

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
