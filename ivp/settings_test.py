"""Settings for the test suite: production settings with test-only secrets and plain HTTP.

DATABASE_URL and CELERY_BROKER_URL are still read by ivp.settings, so the same suite runs on
SQLite on a laptop and on PostgreSQL and Redis in CI.
"""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("DJANGO_SECRET_KEY", "alleen-voor-de-tests")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
# Most tests log in with force_login; the tests of the second factor switch it on.
os.environ.setdefault("IVP_TWEESTAPS_VERPLICHT", "0")

from ivp.settings import *  # noqa: F403
from ivp.settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# Rendered PDFs of the suite go to a temporary directory, never into the working tree.
PRIVATE_ROOT = Path(tempfile.mkdtemp(prefix="ivp-prive-"))
STORAGES["prive"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(PRIVATE_ROOT), "base_url": "/niet-openbaar/"},
}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Serve static files from the finders (node_modules, static/) without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tasks run in-process in the suite even when CI names a broker; the real-worker tests switch
# this off on the Celery app for the worker they start.
CELERY_TASK_ALWAYS_EAGER = True
# The demo without its PDFs (seconds per load, and the demo loads in many tests); the tests of
# the demo's PDFs and the griffie's downloads switch it on.
IVP_DEMO_PDF = False
# Each test process its own cache, whatever CACHE_URL says (two runs sharing one Redis would
# see each other's results under reused ids); tests/conftest.py empties it before each test.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
