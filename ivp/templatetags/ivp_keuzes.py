"""The options of a select in one pass of Python (issue 8): Django's widget renders each
option through a template include of its own, which on a page with a few hundred choices (the
threads an agenda item can point at) took most of the request. The HTML is what Django's
`select_option.html` and `attrs.html` write."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _attrs(attrs: dict[str, Any]) -> str:
    return "".join(
        f" {conditional_escape(naam)}"
        + ("" if waarde is True else f'="{conditional_escape(str(waarde))}"')
        for naam, waarde in attrs.items()
        if waarde is not False
    )


@register.simple_tag
def select_opties(widget: dict[str, Any]) -> SafeString:
    delen: list[str] = []
    for groep, keuzes, _ in widget["optgroups"]:
        if groep:
            delen.append(format_html('<optgroup label="{}">', groep))
        delen.extend(
            format_html(
                '<option value="{}"{}>{}</option>',
                str(optie["value"]),
                mark_safe(_attrs(optie["attrs"])),
                optie["label"],
            )
            for optie in keuzes
        )
        if groep:
            delen.append("</optgroup>")
    return mark_safe("\n".join(delen))
