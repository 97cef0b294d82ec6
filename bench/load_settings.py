"""Settings of the gunicorn that `bench/load.py` starts: the bench's test settings plus one
URL, the bare page (`bench/load_urls.py`). Never used by the product."""

from ivp.settings_test import *  # noqa: F403
from ivp.settings_test import ALLOWED_HOSTS

ROOT_URLCONF = "bench.load_urls"
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "127.0.0.1", "localhost"]
