"""A test that hangs says where, and ends the run, instead of holding CI until its time runs out.

A CI run once stopped answering in a browser test and was killed after 90 minutes with
nothing to say why. Now, per test (setup, call and teardown together):

- after `WAARSCHUW_NA` seconds the stack of every thread (the test, the live server's request
  threads, Playwright's) is written to the terminal, and on PostgreSQL every session of the
  cluster that is not idle, with what it waits for and which sessions block it;
- after `AFBREKEN_NA` seconds faulthandler writes the stacks again and ends the process
  (exit code 1), so CI fails within minutes, with the reason in its output.

The longest test takes about a minute on a quiet machine; both limits leave room for a machine
several times slower. The figures are read from the environment (`IVP_TEST_WAARSCHUW_NA`,
`IVP_TEST_AFBREKEN_NA`) for someone stepping through a test in a debugger (0 switches it off).
"""

from __future__ import annotations

import faulthandler
import os
import sys
import threading
from collections.abc import Generator

import pytest

WAARSCHUW_NA = float(os.environ.get("IVP_TEST_WAARSCHUW_NA", "300"))
AFBREKEN_NA = float(os.environ.get("IVP_TEST_AFBREKEN_NA", "900"))

# The terminal, as it was before pytest captured the output (set in `begin`).
_uitvoer: int | None = None


def begin() -> None:
    global _uitvoer
    if _uitvoer is None:
        _uitvoer = os.dup(sys.__stderr__.fileno() if sys.__stderr__ else 2)


def _schrijf(tekst: str) -> None:
    if _uitvoer is not None:
        os.write(_uitvoer, tekst.encode("utf-8", "replace"))


def postgres_sessies() -> str:
    """Every session of the cluster that is not idle: state, wait, age, blockers, query."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        return ""
    import psycopg

    try:
        with psycopg.connect(
            host=db.get("HOST") or None,
            port=db.get("PORT") or None,
            user=db.get("USER") or None,
            password=db.get("PASSWORD") or None,
            dbname="postgres",
            connect_timeout=5,
            autocommit=True,
        ) as verbinding:
            rijen = verbinding.execute(
                "SELECT pid, datname, state, wait_event_type, wait_event,"
                " now() - xact_start, pg_blocking_pids(pid), left(query, 300)"
                " FROM pg_stat_activity"
                " WHERE state IS DISTINCT FROM 'idle' AND pid <> pg_backend_pid()"
                " AND backend_type = 'client backend'"
            ).fetchall()
    except Exception as fout:  # the report must not fail where the test already hangs
        return f"PostgreSQL niet te lezen: {fout!r}\n"
    return "".join(
        f"  pid {pid} ({db}) {state}, wacht op {soort}/{event}, transactie {duur}, "
        f"geblokkeerd door {blokkeerders}: {query}\n"
        for pid, db, state, soort, event, duur, blokkeerders, query in rijen
    )


def _waarschuw(nodeid: str) -> None:
    _schrijf(f"\n\n=== {nodeid} loopt al {WAARSCHUW_NA:.0f} s: de stacks van alle threads\n")
    if _uitvoer is not None:
        faulthandler.dump_traceback(file=_uitvoer, all_threads=True)
    sessies = postgres_sessies()
    if sessies:
        _schrijf(f"=== PostgreSQL-sessies die niet stilstaan\n{sessies}")
    _schrijf(f"=== na {AFBREKEN_NA:.0f} s in totaal wordt de testrun afgebroken\n\n")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, object, object]:
    waarschuwing = None
    if WAARSCHUW_NA > 0:
        waarschuwing = threading.Timer(WAARSCHUW_NA, _waarschuw, args=(item.nodeid,))
        waarschuwing.daemon = True
        waarschuwing.start()
    if AFBREKEN_NA > 0 and _uitvoer is not None:
        faulthandler.dump_traceback_later(AFBREKEN_NA, exit=True, file=_uitvoer)
    try:
        return (yield)
    finally:
        if waarschuwing is not None:
            waarschuwing.cancel()
        if AFBREKEN_NA > 0:
            faulthandler.cancel_dump_traceback_later()
