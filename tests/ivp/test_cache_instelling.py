"""The CACHES setting (docs/configuration.md): Redis when CACHE_URL names it, else each
process's own memory; the test settings always the latter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def _caches(**omgeving: str) -> dict:
    """CACHES as the settings module computes it from this environment, in a process of its
    own (the settings read the environment once, at import). Only the module is imported, not
    the whole application (`django.setup()` takes seconds and changes nothing in CACHES)."""
    code = "import json, ivp.settings as s; print(json.dumps(s.CACHES))"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "ivp.settings", "DJANGO_DEBUG": "1"}
    env.pop("CACHE_URL", None)
    env.update(omgeving)
    uit = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(uit.stdout.strip().splitlines()[-1])["default"]


@pytest.mark.parametrize(
    ("omgeving", "backend"),
    [
        ({}, "django.core.cache.backends.locmem.LocMemCache"),
        ({"CACHE_URL": "redis://redis:6379/1"}, "django.core.cache.backends.redis.RedisCache"),
    ],
)
def test_cache_url_chooses_the_backend(omgeving, backend):
    caches = _caches(**omgeving)
    assert caches["BACKEND"] == backend
    if omgeving:
        assert caches["LOCATION"] == omgeving["CACHE_URL"]


def test_the_suite_caches_in_its_own_memory():
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
