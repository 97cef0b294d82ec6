"""`{% url %}` with each reversed URL kept per process (issue 8): reversing is a pure function
of the view name, its arguments, the app namespace, the script prefix and the URLconf, and
a page writes dozens (the plan page ~45, each ~25 µs), the same ones on every request.
`{% load ivp_urls %}` in a template replaces Django's tag there; the syntax and the output
are Django's (`django.template.defaulttags.url`). Arguments other than `int` and `str`
(a model instance, a lazy string) are reversed every time, as by Django's tag. A changed
ROOT_URLCONF (tests) empties the cache."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.template import defaulttags
from django.template.base import Parser, Token
from django.template.context import Context
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

register = template.Library()

# Distinct URLs kept: a page writes ~50, a process serves many plans and documents.
URLS_BEWAARD = 8192
# The argument types kept (a template's string literal is a SafeString), as plain int/str.
_VAST = (int, str, SafeString)


def omgekeerd(
    view_name: str,
    args: Sequence[Any] = (),
    kwargs: Mapping[str, Any] | None = None,
    current_app: str | None = None,
) -> str:
    """`django.urls.reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)`,
    kept per process when every argument is an `int` or a `str`."""
    kwargs = kwargs or {}
    if all(type(a) in _VAST for a in args) and all(type(v) in _VAST for v in kwargs.values()):
        return _omgekeerd(
            str(view_name),
            tuple(a if type(a) is int else str(a) for a in args),
            tuple(sorted((k, v if type(v) is int else str(v)) for k, v in kwargs.items())),
            current_app,
            get_script_prefix(),
            get_urlconf() or settings.ROOT_URLCONF,
        )
    return reverse(view_name, args=args, kwargs=dict(kwargs), current_app=current_app)


@lru_cache(maxsize=URLS_BEWAARD)
def _omgekeerd(
    view_name: str,
    args: tuple[int | str, ...],
    kwargs: tuple[tuple[str, int | str], ...],
    current_app: str | None,
    prefix: str,
    urlconf: str,
) -> str:
    # The prefix, URLconf and namespace are in the key: reverse reads the current ones.
    return reverse(view_name, args=args, kwargs=dict(kwargs), current_app=current_app)


def _leeg(*, setting: str, **kwargs: Any) -> None:
    if setting == "ROOT_URLCONF":
        _omgekeerd.cache_clear()


setting_changed.connect(_leeg, dispatch_uid="ivp_urls_leeg")


class URLNode(defaulttags.URLNode):
    def render(self, context: Context) -> str:
        args = [arg.resolve(context) for arg in self.args]
        kwargs = {k: v.resolve(context) for k, v in self.kwargs.items()}
        view_name = self.view_name.resolve(context)
        try:
            current_app = context.request.current_app  # type: ignore[attr-defined]
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace  # type: ignore[attr-defined]
            except AttributeError:
                current_app = None
        url = ""
        try:
            if isinstance(view_name, str):
                url = omgekeerd(view_name, args, kwargs, current_app)
            else:
                url = reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        if context.autoescape:
            url = conditional_escape(url)
        return url


@register.tag
def url(parser: Parser, token: Token) -> URLNode:
    """Django's `{% url %}` (the same syntax: arguments, keywords, `as var`), kept per
    process (`omgekeerd`)."""
    django = defaulttags.url(parser, token)
    return URLNode(django.view_name, django.args, django.kwargs, django.asvar)
