"""Django for the bench scripts: the test settings (plain HTTP, static files from the finders,
fast password hashing) on their own database, never the project's db.sqlite3.

DATABASE_URL chooses the database; without it `/tmp/ivp-bench.sqlite3`. For PostgreSQL:
DATABASE_URL=postgres://postgres@127.0.0.1:5432/ivp_speed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ivp.settings_test")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/ivp-bench.sqlite3")

import django  # noqa: E402

django.setup()
