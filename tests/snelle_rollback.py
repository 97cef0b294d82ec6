"""Serialized rollback between transactional tests, the same on PostgreSQL but cheaper.

Every transactional test (the browser tests, the tests with threads or a real worker) ends
with Django's `flush` and starts by loading what the migrations put in the database (velden,
thema's, content types: `_test_serialized_contents`, see tests/conftest.py). On PostgreSQL
both cost seconds per test, for a few hundred rows:

- the flush is one `TRUNCATE` of every table: PostgreSQL gives each table and index a new
  file and syncs them to disk at the commit. Here it is a `DELETE` of every table in one
  transaction (the foreign keys, deferred, are checked at the commit, as in tests/demostand.py):
  the same empty tables, without the new files. The sequences go on from where they were, as
  after `TRUNCATE` without `RESTART IDENTITY` (Django's flush between tests).
- the load deserializes the JSON and saves object by object (two queries each). The first load
  into the emptied tables is done that way and the rows it left are recorded, table by table,
  with `COPY … TO STDOUT`; a later load of the same contents into the same, again empty,
  database puts those rows back with `COPY … FROM STDIN`. Anything else (a table that is not
  empty, other contents, a flush that asks for `RESTART IDENTITY` or `CASCADE`) goes the way
  Django goes.

`installeer()` (tests/conftest.py) patches the PostgreSQL backend of this test process only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from io import BytesIO

from django.core.management.color import Style
from django.db import transaction
from django.db.backends.base.creation import BaseDatabaseCreation
from django.db.backends.base.operations import BaseDatabaseOperations
from django.db.backends.postgresql.creation import DatabaseCreation
from django.db.backends.postgresql.operations import DatabaseOperations

# (database name, digest of the serialized contents) -> [(table, columns, COPY data)]
_opnamen: dict[tuple[str, str], list[tuple[str, list[str], bytes]]] = {}

_sql_flush = DatabaseOperations.sql_flush
_deserialize = DatabaseCreation.deserialize_db_from_string


def _sql_flush_met_delete(
    self: BaseDatabaseOperations,
    style: Style,
    tables: Sequence[str],
    *,
    reset_sequences: bool = False,
    allow_cascade: bool = False,
) -> list[str]:
    if reset_sequences or allow_cascade or not tables:
        return _sql_flush(
            self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
    # One statement list; `execute_sql_flush` runs it in one transaction.
    return ["SET CONSTRAINTS ALL DEFERRED"] + [
        f"DELETE FROM {self.quote_name(tabel)}" for tabel in tables
    ]


def _tabellen(creation: BaseDatabaseCreation) -> list[str]:
    verbinding = creation.connection
    return sorted(verbinding.introspection.django_table_names(only_existing=True))


def _alle_leeg(creation: BaseDatabaseCreation, tabellen: list[str]) -> bool:
    qn = creation.connection.ops.quote_name
    sql = " UNION ALL ".join(f"SELECT 1 FROM (SELECT 1 FROM {qn(t)} LIMIT 1) s" for t in tabellen)
    with creation.connection.cursor() as cursor:
        cursor.execute(f"SELECT EXISTS ({sql})")
        (iets,) = cursor.fetchone()
    return not iets


def _neem_op(
    creation: BaseDatabaseCreation, tabellen: list[str]
) -> list[tuple[str, list[str], bytes]]:
    verbinding = creation.connection
    qn = verbinding.ops.quote_name
    opname = []
    with verbinding.cursor() as cursor:
        for tabel in tabellen:
            kolommen = [
                k.name for k in verbinding.introspection.get_table_description(cursor, tabel)
            ]
            lijst = ", ".join(qn(k) for k in kolommen)
            buffer = BytesIO()
            with cursor.cursor.copy(f"COPY {qn(tabel)} ({lijst}) TO STDOUT") as kopie:
                for blok in kopie:
                    buffer.write(blok)
            if buffer.tell():
                opname.append((tabel, kolommen, buffer.getvalue()))
    return opname


def _zet_terug(creation: BaseDatabaseCreation, opname: list[tuple[str, list[str], bytes]]) -> None:
    verbinding = creation.connection
    qn = verbinding.ops.quote_name
    with transaction.atomic(using=verbinding.alias), verbinding.cursor() as cursor:
        for tabel, kolommen, inhoud in opname:
            lijst = ", ".join(qn(k) for k in kolommen)
            with cursor.cursor.copy(f"COPY {qn(tabel)} ({lijst}) FROM STDIN") as kopie:
                kopie.write(inhoud)


def _deserialize_uit_opname(self: BaseDatabaseCreation, data: str) -> None:
    sleutel = (self.connection.settings_dict["NAME"], hashlib.sha256(data.encode()).hexdigest())
    tabellen = _tabellen(self)
    if not _alle_leeg(self, tabellen):
        _deserialize(self, data)  # saves over the rows that are there: no recording
        return
    opname = _opnamen.get(sleutel)
    if opname is not None:
        _zet_terug(self, opname)
        return
    _deserialize(self, data)
    _opnamen[sleutel] = _neem_op(self, tabellen)


def installeer() -> None:
    DatabaseOperations.sql_flush = _sql_flush_met_delete  # type: ignore[method-assign]
    DatabaseCreation.deserialize_db_from_string = _deserialize_uit_opname  # type: ignore[method-assign]
