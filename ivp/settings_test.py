"""Settings for the test suite: production settings with test-only secrets and plain HTTP.

DATABASE_URL and CELERY_BROKER_URL are still read by ivp.settings, so the same suite runs on
SQLite on a laptop and on PostgreSQL and Redis in CI.
"""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

os.environ.setdefault("DJANGO_SECRET_KEY", "alleen-voor-de-tests")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
# Most tests log in with force_login; the tests of the second factor switch it on.
os.environ.setdefault("IVP_TWEESTAPS_VERPLICHT", "0")


def _broker_per_werker() -> None:
    """Under pytest-xdist each worker process gets a Redis database of its own (15, 14, …
    counting down from the one CELERY_BROKER_URL names), so that the real Celery workers two
    tests start at once never take each other's tasks. Set in the environment, so that a worker
    process a test starts inherits it; once only (that process runs these settings again)."""
    werker = os.environ.get("PYTEST_XDIST_WORKER", "")
    url = os.environ.get("CELERY_BROKER_URL", "")
    if (
        not werker.startswith("gw")
        or not url.startswith("redis")
        or "IVP_TEST_BROKER" in os.environ
    ):
        return
    delen = urlsplit(url)
    eigen = (int(delen.path.strip("/") or 0) - int(werker[2:])) % 16
    os.environ["IVP_TEST_BROKER"] = os.environ["CELERY_BROKER_URL"] = urlunsplit(
        delen._replace(path=f"/{eigen}")
    )


_broker_per_werker()

from ivp.settings import *  # noqa: E402, F403
from ivp.settings import STORAGES  # noqa: E402

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
# A session left idle inside a transaction (a thread of a test or of the live server that
# never finished its transaction) would block the flush between transactional tests for
# ever: PostgreSQL ends such a session after 7 minutes, far longer than any test waits between
# two queries, and the run goes on (tests/wachthond.py reports and ends a run that hangs).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (  # noqa: F405
        "-c idle_in_transaction_session_timeout=420000"
    )
# Each test process its own cache, whatever CACHE_URL says (two runs sharing one Redis would
# see each other's results under reused ids); tests/conftest.py empties it before each test.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
