"""`{% load ivp_urls %}` replaces Django's `{% url %}` in a template by one that keeps each
reversed URL per process (issue 8): the same output as Django's tag for every form of the
tag, the same errors, and a URL that depends on what is not in its key is never reused."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe

from ivp.templatetags import ivp_urls
from ivp.templatetags.ivp_urls import omgekeerd

VORMEN = [
    "{% url 'start' %}",
    "{% url 'stappen:plan' 7 %}",
    "{% url 'stappen:plan' plan_id %}",
    "{% url 'stappen:plan' plan_id=plan_id %}",
    "{% url 'stappen:stap_overgang' plan_id nummer 'heropenen' %}",
    "{% url 'stappen:sectie_draden' 3 sleutel %}",
    "{% url naam plan_id %}",
    "{% url 'stappen:plan' plan_id as adres %}[{{ adres }}]",
    "{% url 'bestaat-niet' as adres %}[{{ adres }}]",
]
CONTEXT = {"plan_id": 12, "nummer": 3, "sleutel": "h-1_a", "naam": "stappen:plan"}


@pytest.fixture(autouse=True)
def _leeg():
    ivp_urls._omgekeerd.cache_clear()


@pytest.mark.parametrize("vorm", VORMEN)
def test_the_tag_writes_what_djangos_tag_writes(vorm):
    django = Template(vorm).render(Context(CONTEXT))
    eigen = Template("{% load ivp_urls %}" + vorm)
    assert eigen.render(Context(CONTEXT)) == django
    assert eigen.render(Context(CONTEXT)) == django  # and again, from the cache


def test_a_url_is_reversed_once_per_key():
    sjabloon = Template(
        "{% load ivp_urls %}{% for n in reeks %}{% url 'stappen:plan' 5 %}{% endfor %}"
    )
    assert sjabloon.render(Context({"reeks": range(4)})) == reverse("stappen:plan", args=[5]) * 4
    info = ivp_urls._omgekeerd.cache_info()
    assert (info.misses, info.hits) == (1, 3)


def test_an_unknown_view_raises_as_in_django():
    with pytest.raises(NoReverseMatch):
        Template("{% load ivp_urls %}{% url 'bestaat-niet' %}").render(Context())
    with pytest.raises(NoReverseMatch):
        Template("{% load ivp_urls %}{% url 'stappen:plan' 'geen-getal' %}").render(Context())


def test_a_url_is_escaped_as_in_django():
    vorm = "{% url 'stappen:versie' 3 nummer %}"
    for nummer in ("a&b", mark_safe("a&b"), "<x> ?", "é"):
        context = {"nummer": nummer}
        django = Template(vorm).render(Context(context))
        assert Template("{% load ivp_urls %}" + vorm).render(Context(context)) == django


def test_arguments_that_are_no_int_or_str_are_reversed_each_time():
    class Sleutel:
        def __str__(self) -> str:
            return "h1"

    assert omgekeerd("stappen:sectie_draden", [3, Sleutel()]) == reverse(
        "stappen:sectie_draden", args=[3, "h1"]
    )
    assert ivp_urls._omgekeerd.cache_info().currsize == 0


def test_the_script_prefix_is_part_of_the_key():
    from django.urls import set_script_prefix

    gewoon = omgekeerd("stappen:plan", [5])
    set_script_prefix("/ivp/")
    try:
        assert omgekeerd("stappen:plan", [5]) == "/ivp" + gewoon
    finally:
        set_script_prefix("/")
    assert omgekeerd("stappen:plan", [5]) == gewoon


@pytest.mark.urls("bench.load_urls")
def test_another_urlconf_is_not_answered_from_the_cache_of_the_first():
    assert omgekeerd("bench_kaal") == "/bench/kaal/"


def test_a_changed_root_urlconf_empties_the_cache():
    omgekeerd("stappen:plan", [5])
    with override_settings(ROOT_URLCONF="bench.load_urls"):
        assert ivp_urls._omgekeerd.cache_info().currsize == 0
        assert omgekeerd("bench_kaal") == "/bench/kaal/"
