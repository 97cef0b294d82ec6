"""Settings of the gunicorn that `bench/load.py` starts: the bench's test settings plus one
URL, the bare page (`bench/load_urls.py`). Never used by the product."""

from ivp.settings_test import *  # noqa: F403
from ivp.settings_test import ALLOWED_HOSTS, CELERY_BROKER_URL, STORAGES

ROOT_URLCONF = "bench.load_urls"
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "127.0.0.1", "localhost"]
# As in production: with a broker the tasks go to the worker load.py starts (the test
# settings run every task in the request).
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
# One place for the files of gunicorn's workers and the Celery worker (the test settings give
# each process a temporary directory of its own).
STORAGES["prive"]["OPTIONS"]["location"] = "/tmp/ivp-bench-prive"
