from __future__ import annotations

import pytest

from ivp.models import Gemeente, Regio
from tests.ivp.factories import GemeenteFactory, RegioFactory


@pytest.fixture
def regio(db: None) -> dict[str, Gemeente]:
    """Steenwijkerland and its three neighbours in one regio, with their real CBS codes."""
    gemeenten = {
        naam: GemeenteFactory.create(naam=naam, cbs_code=code)
        for naam, code in [
            ("Steenwijkerland", "GM1708"),
            ("Zwartewaterland", "GM1896"),
            ("Staphorst", "GM0180"),
            ("Kampen", "GM0166"),
        ]
    }
    regio: Regio = RegioFactory.create(gemeenten=list(gemeenten.values()))
    assert regio.pk
    return gemeenten
