"""Beheer shows versions read only and never deletes one."""

import pytest
from django.urls import reverse

from stappen import services
from stappen.models import Versie

pytestmark = pytest.mark.django_db


def test_the_admin_shows_versions_read_only(admin_client, startnotitie, coordinator):
    versie = services.versie_create(document=startnotitie, door=coordinator)
    url = reverse("admin:stappen_versie_change", args=[versie.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()
    delete = reverse("admin:stappen_versie_delete", args=[versie.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert Versie.objects.filter(pk=versie.pk).exists()


@pytest.mark.actieve_stap(3)
def test_the_admin_shows_an_adopted_analysis_read_only(admin_client, plan):
    """Step 2 closed: the veiligheidsanalyse is vastgesteld, so its analyses and sources
    cannot be changed or deleted in the admin; the prioritering (concept) still can."""
    from stappen.models import Analyse, Weging

    analyse = Analyse.objects.filter(plan=plan).first()
    response = admin_client.get(reverse("admin:stappen_analyse_change", args=[analyse.pk]))
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()
    response = admin_client.post(
        reverse("admin:stappen_analyse_delete", args=[analyse.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert Analyse.objects.filter(pk=analyse.pk).exists()
    weging = Weging.objects.filter(plan=plan).first()
    if weging is not None:
        response = admin_client.get(reverse("admin:stappen_weging_change", args=[weging.pk]))
        assert 'name="_save"' in response.content.decode()


def test_the_admin_shows_which_plan_follows_which_with_its_evaluation_read_only(admin_client):
    from stappen.models import Vervolg
    from tests.stappen.factories import maak_plan

    vorig = maak_plan(titel="IVP 2019–2022")
    nieuw = maak_plan(gemeente=vorig.gemeente, titel="IVP 2023–2026")
    vervolg = Vervolg.objects.create(plan=nieuw, vorig_plan=vorig)
    lijst = admin_client.get(reverse("admin:stappen_vervolg_changelist")).content.decode()
    assert "IVP 2023–2026" in lijst
    response = admin_client.get(reverse("admin:stappen_vervolg_change", args=[vervolg.pk]))
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()
    assert admin_client.get(reverse("admin:stappen_vervolg_add")).status_code == 403
