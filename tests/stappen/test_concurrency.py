"""Two people press the same button at the same moment, on the real PostgreSQL.

Transactional tests use serialized rollback, like the browser tests: a plain flush would
re-create the content types with new keys, and the next test that restores the serialized
data would then fail on duplicates (pytest-django runs all transactional tests last)."""

import threading

import pytest
from django.db import connection

from ivp.exceptions import Geweigerd
from ivp.models import Plan
from stappen import services
from stappen.constants import DocumentSoort, StapStatus
from stappen.models import Hoofdstuk, Overgang, Stap
from tests.stappen.factories import PlanFactory
from tests.stappen.stappenplan import document, regisseur
from tests.stappen.stappenplan import hoofdstuk as hoofdstuk_van


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_of_two_concurrent_starts_exactly_one_wins() -> None:
    plan: Plan = PlanFactory.create()
    coordinator = regisseur(plan.gemeente)
    samen = threading.Barrier(2)
    uitkomsten: list[str] = []

    def druk_op_start() -> None:
        try:
            stap = Stap.objects.select_related("plan__gemeente").get(plan=plan, nummer=1)
            samen.wait(timeout=10)
            services.stap_start(stap=stap, door=coordinator)
            uitkomsten.append("gestart")
        except Geweigerd as weigering:
            uitkomsten.append(weigering.redenen[0])
        finally:
            connection.close()

    drukken = [threading.Thread(target=druk_op_start) for _ in range(2)]
    for t in drukken:
        t.start()
    for t in drukken:
        t.join(timeout=30)

    assert sorted(uitkomsten) == sorted(["gestart", services.GELIJKTIJDIG_GEWIJZIGD])
    assert Stap.objects.get(plan=plan, nummer=1).status == StapStatus.ACTIEF
    assert Overgang.objects.filter(stap__plan=plan).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_of_two_concurrent_chapter_saves_from_the_same_version_exactly_one_wins() -> None:
    plan: Plan = PlanFactory.create()
    coordinator = regisseur(plan.gemeente)
    hoofdstuk = hoofdstuk_van(document(plan, DocumentSoort.STARTNOTITIE))
    samen = threading.Barrier(2)
    uitkomsten: list[str] = []

    def sla_op(tekst: str) -> None:
        try:
            h = Hoofdstuk.objects.get(pk=hoofdstuk.pk)
            samen.wait(timeout=10)
            services.hoofdstuk_save(hoofdstuk=h, door=coordinator, tekst=tekst, versie=1)
            uitkomsten.append("opgeslagen")
        except services.Bewerkconflict:
            uitkomsten.append("conflict")
        finally:
            connection.close()

    drukken = [threading.Thread(target=sla_op, args=(t,)) for t in ("A", "B")]
    for t in drukken:
        t.start()
    for t in drukken:
        t.join(timeout=30)

    assert sorted(uitkomsten) == ["conflict", "opgeslagen"]
    bewaard = Hoofdstuk.objects.get(pk=hoofdstuk.pk)
    assert bewaard.versie == 2 and bewaard.tekst in ("A", "B")
