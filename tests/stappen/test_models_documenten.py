"""A version is an immutable snapshot."""

import pytest
from django.core.exceptions import ValidationError

from stappen import services
from stappen.models import Versie

pytestmark = pytest.mark.django_db


def test_a_version_never_changes_and_is_never_deleted(startnotitie, coordinator):
    versie = services.versie_create(document=startnotitie, door=coordinator)
    versie.inhoud = []
    with pytest.raises(ValidationError):
        versie.save()
    with pytest.raises(ValidationError):
        versie.delete()
    assert Versie.objects.get(pk=versie.pk).inhoud != []
