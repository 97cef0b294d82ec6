"""The demo for the tests: loaded once per session by `manage.py demo`, put back per test.

Loading the demo goes through every service (tens of seconds on a busy machine); dozens of
tests start from it. `laad_demo()` loads it the first time and records, table by table, what
the load left in the database (on PostgreSQL with `COPY … TO STDOUT`, elsewhere as rows) and
the mails it sent. A later test that starts from the same database state as the recorded
load (the same row count in every table: the data of the migrations that serialized rollback
puts back) gets those rows put back instead: every table emptied and refilled in one
transaction, the sequences set past the rows, the demo's mails back in `mail.outbox`. So each
test still starts from a pristine demo, whatever the test before it changed.

The recording is used only when nothing else can differ: the same database, the same day (the
demo is dated relative to the day it loads), the same kind of test (in a test that runs in
one transaction, `db`, the mails queued on commit are never sent; in a transactional test,
`transactional_db` and the browser tests, they are) and the demo without its PDFs
(`IVP_DEMO_PDF = False`, the test setting; with PDFs the files are part of the demo, so the
demo is loaded as `make run` does). Otherwise, or when an earlier fixture of the test already
wrote rows, the demo is loaded by the command, as before.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from io import BytesIO, StringIO
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone


@dataclass
class _Tabel:
    naam: str
    kolommen: list[str]
    inhoud: bytes | list[tuple[Any, ...]]


@dataclass
class _Opname:
    sleutel: tuple[object, ...]
    voor: dict[str, int]
    tabellen: list[_Tabel] = field(default_factory=list)
    mails: list[Any] = field(default_factory=list)


_opnamen: dict[tuple[object, ...], _Opname] = {}


def _sleutel() -> tuple[object, ...]:
    return (
        connection.vendor,
        connection.settings_dict["NAME"],
        timezone.localdate(),
        settings.IVP_DEMO_PDF,
        connection.in_atomic_block,
    )


def _tabelnamen() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def _tellingen(tabellen: list[str]) -> dict[str, int]:
    """Rows per table, in one query."""
    qn = connection.ops.quote_name
    sql = " UNION ALL ".join(f"SELECT '{t}', COUNT(*) FROM {qn(t)}" for t in tabellen)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(cursor.fetchall())


def _kolommen(cursor: Any, tabel: str) -> list[str]:
    return [k.name for k in connection.introspection.get_table_description(cursor, tabel)]


def _neem_op(tabellen: list[str], sleutel: tuple[object, ...], voor: dict[str, int]) -> _Opname:
    qn = connection.ops.quote_name
    opname = _Opname(sleutel=sleutel, voor=voor)
    na = _tellingen(tabellen)
    with connection.cursor() as cursor:
        for tabel in tabellen:
            if not na[tabel]:
                continue
            kolommen = _kolommen(cursor, tabel)
            lijst = ", ".join(qn(k) for k in kolommen)
            inhoud: bytes | list[tuple[Any, ...]]
            if connection.vendor == "postgresql":
                buffer = BytesIO()
                with cursor.cursor.copy(f"COPY {qn(tabel)} ({lijst}) TO STDOUT") as kopie:
                    for blok in kopie:
                        buffer.write(blok)
                inhoud = buffer.getvalue()
            else:
                # `+kolom` (a no-op in SQLite) hides the declared type, so the values come back
                # as stored, not converted to Python dates and times that sqlite3 cannot bind.
                ruw = ", ".join(f"+{qn(k)}" for k in kolommen)
                cursor.execute(f"SELECT {ruw} FROM {qn(tabel)}")
                inhoud = [tuple(rij) for rij in cursor.fetchall()]
            opname.tabellen.append(_Tabel(tabel, kolommen, inhoud))
    return opname


def _zet_terug(opname: _Opname, tabellen: list[str], nu: dict[str, int]) -> None:
    """Empty the tables (foreign keys are checked at commit) and put the demo's rows back."""
    qn = connection.ops.quote_name
    gevuld = {t.naam for t in opname.tabellen}
    with transaction.atomic(), connection.cursor() as cursor:
        for tabel in tabellen:
            if nu[tabel]:
                cursor.execute(f"DELETE FROM {qn(tabel)}")
        for t in opname.tabellen:
            lijst = ", ".join(qn(k) for k in t.kolommen)
            if isinstance(t.inhoud, bytes):
                with cursor.cursor.copy(f"COPY {qn(t.naam)} ({lijst}) FROM STDIN") as kopie:
                    kopie.write(t.inhoud)
            else:
                plekken = ", ".join(["%s"] * len(t.kolommen))
                cursor.executemany(
                    f"INSERT INTO {qn(t.naam)} ({lijst}) VALUES ({plekken})", t.inhoud
                )
        modellen = [
            m for m in apps.get_models(include_auto_created=True) if m._meta.db_table in gevuld
        ]
        for sql in connection.ops.sequence_reset_sql(no_style(), modellen):
            cursor.execute(sql)


def laad_demo() -> None:
    """The state `manage.py demo` leaves, from the recording when it applies (see above)."""
    tabellen = _tabelnamen()
    voor = _tellingen(tabellen)
    sleutel = _sleutel()
    opname = _opnamen.get(sleutel)
    if opname is not None and opname.voor == voor:
        _zet_terug(opname, tabellen, voor)
        mail.outbox.extend(copy.deepcopy(opname.mails))
        return
    al_verstuurd = len(getattr(mail, "outbox", []))
    call_command("demo", stdout=StringIO())
    if settings.IVP_DEMO_PDF:
        return
    opname = _neem_op(tabellen, sleutel, voor)
    opname.mails = copy.deepcopy(mail.outbox[al_verstuurd:])
    _opnamen[sleutel] = opname
