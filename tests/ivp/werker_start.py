"""`python -m tests.ivp.werker_start ARGS`: `celery ARGS`, started once the file named by
IVP_TEST_WERKER_START exists, with the application imported beforehand.

The test that kills a worker starts the process of the next worker together with the first,
so that the seconds of importing Django and the app overlap with the first worker's; the
next worker only connects to Redis and takes tasks after the test has killed the first.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import django

django.setup()

from celery.__main__ import main  # noqa: E402

from ivp.celery import app  # noqa: E402, F401  (imported now, not after the start)

start = Path(os.environ["IVP_TEST_WERKER_START"])
while not start.exists():
    time.sleep(0.05)
sys.argv = ["celery", *sys.argv[1:]]
main()
