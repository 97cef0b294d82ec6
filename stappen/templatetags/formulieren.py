from django import template
from django.forms import Form

register = template.Library()


@register.filter
def per_stap(formulieren: dict[int, Form], nummer: int) -> Form:
    """The form of one step from a dict of forms by step number: `forms|per_stap:stap.nummer`."""
    return formulieren[nummer]
