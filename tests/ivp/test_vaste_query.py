"""`ivp.vaste_query.VasteQuery`: SQL compiled once, run with each call's values, the rows
converted as the queryset converts them (dates, aware datetimes), and counted as a query."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ivp.models import Gebruiker
from ivp.vaste_query import VasteQuery
from tests.ivp.factories import GebruikerFactory, RolFactory

pytestmark = pytest.mark.django_db


def _gebruikers(van: int, tot: int):
    return (
        Gebruiker.objects.filter(pk__gte=van, pk__lte=tot)
        .order_by("pk")
        .values_list("pk", "username", "date_joined", "last_login")
    )


def test_rows_are_the_querysets_for_each_call():
    gebruikers = [GebruikerFactory() for _ in range(4)]
    query = VasteQuery(_gebruikers, "van", "tot")
    eerste, tweede, derde, vierde = (g.pk for g in gebruikers)
    for van, tot in ((eerste, tweede), (derde, vierde), (tweede, tweede), (vierde, eerste)):
        with CaptureQueriesContext(connection) as queries:
            rijen = query.rijen(van=van, tot=tot)
        assert rijen == list(_gebruikers(van, tot))
        assert len(queries) == 1
    assert query.rijen(van=eerste, tot=vierde)[0][2].tzinfo is not None


def test_wrong_values_or_a_marker_that_is_not_a_parameter_are_refused():
    query = VasteQuery(_gebruikers, "van", "tot")
    with pytest.raises(TypeError):
        query.rijen(van=1)
    vast = VasteQuery(lambda van, tot: _gebruikers(1, 2), "van", "tot")
    with pytest.raises(ValueError, match="marker"):
        vast.rijen(van=1, tot=2)


def test_instances_with_their_related_objects_and_annotations():
    """`objecten` makes what `ModelIterable` makes: the fields, the `select_related`
    objects, the annotations; without a query more."""
    from django.db.models import Count

    from ivp.models import Rol

    rollen = [RolFactory() for _ in range(3)]

    def bouw(van: int):
        return (
            Rol.objects.filter(pk__gte=van)
            .select_related("gebruiker", "gemeente")
            .annotate(n=Count("pk"))
            .order_by("pk")
        )

    query = VasteQuery(bouw, "van")
    for van in (rollen[0].pk, rollen[2].pk):
        verwacht = list(bouw(van))
        with CaptureQueriesContext(connection) as queries:
            gekregen = query.objecten(van=van)
            velden = [(r.pk, r.soort, r.gebruiker.username, r.gemeente.naam, r.n) for r in gekregen]
        assert len(queries) == 1
        assert velden == [
            (r.pk, r.soort, r.gebruiker.username, r.gemeente.naam, r.n) for r in verwacht
        ]
    assert gekregen[0]._state.db == "default" and not gekregen[0]._state.adding


def test_a_related_managers_queryset_is_refused():
    gebruiker = GebruikerFactory()
    query = VasteQuery(lambda van: gebruiker.rollen.filter(pk__gte=van), "van")
    with pytest.raises(ValueError, match="related manager"):
        query.objecten(van=1)
