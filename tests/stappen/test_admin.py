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
