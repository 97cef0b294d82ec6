"""A `values_list` query whose SQL Django compiles once per process (issue 8).

Compiling a QuerySet to SQL (`SQLCompiler.as_sql`: joins, windows, subqueries, orderings) is
most of the Python of a page's larger reads, and it gives the same SQL every time; only the
values of the filters change. `VasteQuery` builds the queryset once with marker values in
place of the filter values, compiles it per database connection, remembers where the markers
are among the parameters, and on each call runs the same SQL with the real values. The rows
go through the compiler's own converters (`results_iter`), so they are what the queryset
itself gives, on SQLite as on PostgreSQL. Through `connection.cursor()`, so the query is
counted and logged like any other.

For integer filter values (keys) only: a marker is an integer no key takes.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import get_related_populators

# Far below any key; one per filter value (counting down), each found among the parameters.
_MERKTEKEN = -987_654_321_000


class VasteQuery:
    """`bouw(**markers)` returns a queryset filtered on those keyword values; `rijen(**waarden)`
    the rows of the (`values_list`) queryset built with `waarden`, as a list of tuples,
    `objecten(**waarden)` its model instances."""

    def __init__(self, bouw: Callable[..., QuerySet[Any]], *namen: str) -> None:
        self._bouw = bouw
        self._namen = namen
        self._ophalen: dict[str, Any] = {}
        self._gecompileerd: dict[str, tuple[Any, str, list[Any], dict[str, list[int]]]] = {}

    def _compileer(self, alias: str) -> tuple[Any, str, list[Any], dict[str, list[int]]]:
        merktekens = {naam: _MERKTEKEN - i for i, naam in enumerate(self._namen)}
        queryset = self._bouw(**merktekens)
        if queryset._known_related_objects:  # type: ignore[attr-defined]  # set by a related manager
            raise ValueError("A related manager's queryset: filter on the key instead.")
        self._ophalen[alias] = queryset._fetch_mode  # type: ignore[attr-defined]  # as ModelIterable
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        params = list(params)
        plekken = {
            naam: [i for i, waarde in enumerate(params) if waarde == merkteken]
            for naam, merkteken in merktekens.items()
        }
        if not all(plekken.values()):
            raise ValueError(f"A marker is not among the parameters: {params!r}")
        return compiler, sql, params, plekken

    def _uitvoer(self, using: str, waarden: dict[str, int]) -> tuple[Any, list[Any]]:
        if set(waarden) != set(self._namen):
            raise TypeError(f"Expected the values {self._namen}, got {tuple(waarden)}.")
        gecompileerd = self._gecompileerd.get(using)
        if gecompileerd is None:
            gecompileerd = self._gecompileerd[using] = self._compileer(using)
        compiler, sql, sjabloon, plekken = gecompileerd
        params = list(sjabloon)
        for naam, waarde in waarden.items():
            for plek in plekken[naam]:
                params[plek] = int(waarde)
        with connections[using].cursor() as cursor:
            cursor.execute(sql, params)
            rijen = cursor.fetchall()
        return compiler, rijen

    def rijen(self, *, using: str = "default", **waarden: int) -> list[tuple[Any, ...]]:
        """The rows of a `values_list` queryset."""
        compiler, rijen = self._uitvoer(using, waarden)
        return list(compiler.results_iter(results=[rijen], tuple_expected=True))

    def objecten(self, *, using: str = "default", **waarden: int) -> list[Any]:
        """The model instances of the queryset, with its `select_related` objects and its
        annotations, as `ModelIterable` makes them. Not for a related manager's queryset
        (`document.versies`): set the known object yourself."""
        compiler, rijen = self._uitvoer(using, waarden)
        info = compiler.klass_info
        if info is None or compiler.query.extra_select:
            raise ValueError("objecten(): a queryset of model instances only.")
        model = info["model"]
        begin, eind = info["select_fields"][0], info["select_fields"][-1] + 1
        velden = [kolom[0].target.attname for kolom in compiler.select[begin:eind]]
        ophalen = self._ophalen[using]
        vullers = get_related_populators(info, compiler.select, using, ophalen)
        extra = list(compiler.annotation_col_map.items())
        objecten: list[Any] = []
        peers: list[Any] = []
        for rij in compiler.results_iter(results=[rijen]):
            obj = model.from_db(using, velden, rij[begin:eind], fetch_mode=ophalen)
            if ophalen.track_peers:
                peers.append(weakref.ref(obj))
                obj._state.peers = peers
            for vuller in vullers:
                vuller.populate(rij, obj)
            for naam, plek in extra:
                setattr(obj, naam, rij[plek])
            objecten.append(obj)
        return objecten
