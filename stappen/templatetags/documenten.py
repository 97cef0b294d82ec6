from django import template
from django.utils.safestring import SafeString

from stappen.markdown import naar_html

register = template.Library()


@register.filter
def markdown(tekst: str) -> SafeString:
    """Markdown rendered and sanitised (`stappen.markdown.naar_html`)."""
    return naar_html(tekst)


@register.filter
def naam(gebruiker) -> str:
    if gebruiker is None:
        return "—"
    return gebruiker.get_full_name() or gebruiker.get_username()
