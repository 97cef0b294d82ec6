"""Suite-wide rules and fixtures.

Real services when the environment names them:

Tests marked `postgres` need DATABASE_URL pointing at PostgreSQL; tests marked `redis` need
CELERY_BROKER_URL pointing at Redis. Without them those tests are skipped on a laptop, but
with REQUIRE_SERVICES=1 (CI) a missing or unreachable service fails the run instead.
"""

from __future__ import annotations

import os

import pytest
from django.conf import settings

from ivp.constants import RolSoort
from ivp.models import Gebruiker, Gemeente, Plan
from tests.demostand import laad_demo
from tests.ivp.factories import GemeenteFactory
from tests.stappen.factories import PlanFactory
from tests.stappen.stappenplan import coordinator_van, lid_van
from tests.wachthond import begin as wachthond_begin
from tests.wachthond import pytest_runtest_protocol  # noqa: F401  (a hang ends the run, see there)

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


def _postgres_ontbreekt() -> str | None:
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        return "DATABASE_URL wijst niet naar PostgreSQL"
    return None


def _redis_ontbreekt() -> str | None:
    url = settings.CELERY_BROKER_URL
    if not url.startswith("redis"):
        return "CELERY_BROKER_URL wijst niet naar Redis"
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        return f"Redis op {url} antwoordt niet: {error}"
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that runs in real transactions (browser tests against the live server,
    tests with threads) uses serialized rollback: the data the migrations loaded (velden,
    thema's) is restored before it, and the flush after it does not re-create the content
    types. Mixing the two kinds makes PostgreSQL refuse the restore (duplicate content
    types), so the rule is set here once instead of in each test."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = marker is not None and marker.kwargs.get("transaction", False)
        if transactional or item.get_closest_marker("browser"):
            # Prepended, so that it is the closest django_db marker of the test.
            item.add_marker(
                pytest.mark.django_db(transaction=True, serialized_rollback=True), append=False
            )


def pytest_sessionstart(session: pytest.Session) -> None:
    wachthond_begin()
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        from tests import snelle_rollback

        snelle_rollback.installeer()
    if not REQUIRE_SERVICES:
        return
    for reden in (_postgres_ontbreekt(), _redis_ontbreekt()):
        if reden:
            raise pytest.UsageError(f"REQUIRE_SERVICES=1, maar {reden}.")


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker, controle in (("postgres", _postgres_ontbreekt), ("redis", _redis_ontbreekt)):
        if item.get_closest_marker(marker) and (reden := controle()):
            if REQUIRE_SERVICES:
                pytest.fail(f"REQUIRE_SERVICES=1, maar {reden}.")
            pytest.skip(reden)


@pytest.fixture(autouse=True)
def _lege_cache() -> None:
    """Every test starts with an empty cache: ids are reused after a rollback (SQLite), and a
    comparison cached by two version ids in one test must not answer in the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def demo(db: None) -> None:
    """The demo as `manage.py demo` loads it (Steenwijkerland and its neighbours; password
    `ivp.demo.WACHTWOORD`). Loaded once per session and put back per test (tests/demostand.py),
    so a test may change it freely. In a browser test (a live server) it is transactional,
    like the test. A module that adds to it overrides it:
    `def demo(demo): PlanFactory(...)`."""
    laad_demo()


# --- Shared fixtures: a gemeente with its plan and one user per role --------------------------
# A module that needs the plan in a later state overrides `plan` and builds on this one
# (`def plan(plan, coordinator): StapFactory(plan=plan, nummer=3, actief=True, ...)`); the
# users depend on the gemeente, not on the plan, so such an override stays free of cycles.


@pytest.fixture
def gemeente(db: None) -> Gemeente:
    gemeente: Gemeente = GemeenteFactory.create()
    return gemeente


@pytest.fixture
def plan(gemeente: Gemeente) -> Plan:
    """A new plan made by the service: six steps gepland, documents in concept."""
    plan: Plan = PlanFactory.create(gemeente=gemeente)
    return plan


@pytest.fixture
def coordinator(gemeente: Gemeente) -> Gebruiker:
    return coordinator_van(gemeente)


@pytest.fixture
def werkgroeplid(gemeente: Gemeente) -> Gebruiker:
    return lid_van(gemeente, RolSoort.WERKGROEPLID)


@pytest.fixture
def bestuurder(gemeente: Gemeente) -> Gebruiker:
    return lid_van(gemeente, RolSoort.BESTUURDER)


@pytest.fixture
def griffie(gemeente: Gemeente) -> Gebruiker:
    return lid_van(gemeente, RolSoort.GRIFFIE)


@pytest.fixture
def lezer(gemeente: Gemeente) -> Gebruiker:
    return lid_van(gemeente, RolSoort.LEZER)


@pytest.fixture
def andere_gemeente(db: None) -> Gemeente:
    kampen: Gemeente = GemeenteFactory.create(naam="Kampen", cbs_code="GM0166")
    return kampen


@pytest.fixture
def buitenstaander(andere_gemeente: Gemeente) -> Gebruiker:
    """The coordinator OOV of another gemeente: sees nothing of this gemeente's plans."""
    return coordinator_van(andere_gemeente)
