"""Who reads the ondermijningsbeeld (issue 15, finding 3; docs/vertrouwelijk.md)."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from ivp.exceptions import GeenToegang
from ivp.models import Gebruiker, Plan
from stappen import services
from stappen.constants import BronSoort
from stappen.models import Bron, Inzage
from stappen.rechten import mag_vertrouwelijk_zien
from tests.stappen.factories import BronFactory
from veiligheidsvelden.models import Veld

pytestmark = [pytest.mark.django_db, pytest.mark.actieve_stap(2)]

GEHEIM = "Ondermijningsbeeld RIEC 2022"


@pytest.fixture
def veld() -> Veld:
    veld = Veld.objects.order_by("code").first()
    assert veld is not None
    return veld


@pytest.fixture
def bron(plan: Plan, veld: Veld, coordinator: Gebruiker) -> Bron:
    return services.bron_create(
        plan=plan, veld=veld, door=coordinator, soort=BronSoort.ONDERMIJNINGSBEELD, titel=GEHEIM
    )


def _ziet(client: Client, user: Gebruiker, plan: Plan) -> bool:
    client.force_login(user)
    response = client.get(reverse("stappen:analyse", args=[plan.pk]))
    assert response.status_code == 200
    return GEHEIM in response.content.decode()


def test_by_default_only_the_coordinator_reads_it(
    client: Client, plan: Plan, bron: Bron, coordinator, werkgroeplid, bestuurder
) -> None:
    assert bron.vertrouwelijk
    assert _ziet(client, coordinator, plan)
    assert not _ziet(client, werkgroeplid, plan)
    assert not _ziet(client, bestuurder, plan)


def test_the_coordinator_grants_it_on_a_page_and_takes_it_back(
    client: Client, plan: Plan, bron: Bron, coordinator, werkgroeplid, bestuurder, lezer
) -> None:
    url = reverse("stappen:inzage", args=[plan.gemeente_id])
    client.force_login(coordinator)
    html = client.get(url).content.decode()
    assert werkgroeplid.get_full_name() in html
    assert lezer.get_full_name() not in html  # a lezer cannot be granted it
    response = client.post(url, {"gebruikers": [werkgroeplid.pk, bestuurder.pk]})
    assert response.status_code == 302
    assert _ziet(client, werkgroeplid, plan)
    assert _ziet(client, bestuurder, plan)
    client.force_login(coordinator)
    client.post(url, {"gebruikers": [bestuurder.pk]})
    assert not _ziet(client, werkgroeplid, plan)
    assert _ziet(client, bestuurder, plan)


def test_a_lezer_cannot_be_granted_it_and_others_do_not_reach_the_page(
    client: Client, plan: Plan, coordinator, werkgroeplid, lezer, buitenstaander
) -> None:
    url = reverse("stappen:inzage", args=[plan.gemeente_id])
    client.force_login(coordinator)
    response = client.post(url, {"gebruikers": [lezer.pk]})
    assert response.status_code == 200
    assert not Inzage.objects.exists()
    for user in (werkgroeplid, lezer, buitenstaander):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url, {"gebruikers": [user.pk]}).status_code == 404
    assert not Inzage.objects.exists()
    assert not mag_vertrouwelijk_zien(lezer, plan.gemeente_id)


def test_no_one_adds_a_confidential_source_they_may_not_read(
    plan: Plan, veld: Veld, coordinator: Gebruiker, werkgroeplid: Gebruiker
) -> None:
    services.analyse_set_auteur(plan=plan, veld=veld, door=coordinator, auteur=werkgroeplid)
    with pytest.raises(GeenToegang):
        services.bron_create(
            plan=plan,
            veld=veld,
            door=werkgroeplid,
            soort=BronSoort.ONDERMIJNINGSBEELD,
            titel="Eigen beeld",
        )


def test_an_ondermijningsbeeld_is_confidential_in_save_and_in_the_database(
    plan: Plan, veld: Veld, coordinator: Gebruiker
) -> None:
    bron = BronFactory.create(plan=plan, veld=veld, door=coordinator, soort=BronSoort.OVERIG)
    bron.soort = BronSoort.ONDERMIJNINGSBEELD
    bron.vertrouwelijk = False
    bron.save()  # without full_clean()
    bron.refresh_from_db()
    assert bron.vertrouwelijk
    with pytest.raises(IntegrityError), transaction.atomic():
        Bron.objects.filter(pk=bron.pk).update(vertrouwelijk=False)
