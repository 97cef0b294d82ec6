"""What the werkgroep models keep themselves (their history)."""

import pytest

from tests.werkgroep.factories import AgendafeedFactory

pytestmark = pytest.mark.django_db


def test_the_token_is_not_kept_in_the_history(coordinator):
    feed = AgendafeedFactory(gebruiker=coordinator)
    historie = feed.history.first()
    assert not hasattr(historie, "token")
