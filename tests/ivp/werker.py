"""Helpers for the tests that start a real Celery worker."""

from ivp.celery import app


def vergeet_backend() -> None:
    """Celery keeps the result backend it made first (none, in this process); forget it, so
    that the changed configuration is read."""
    app._backend_cache = None
    vars(app._local).pop("backend", None)
