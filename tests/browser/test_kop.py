"""The site header stays tidy with a long region name (the demo's region is "IVP-samenwerking
Steenwijkerland, Zwartewaterland, Staphorst en Kampen"): on a wide screen the name, the links
and "Uitloggen" stand on one line; on a phone the region's link takes one line and nothing
sticks out of the page. The whole name stays in the link (read out) and its title."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ivp.factories import GebruikerFactory, RegioFactory

pytestmark = [pytest.mark.browser]

LANGE_NAAM = "IVP-samenwerking Steenwijkerland, Zwartewaterland, Staphorst en Kampen"


def _midden(vak: Any) -> float:
    assert vak is not None
    return float(vak["y"] + vak["height"] / 2)


def test_a_long_region_name_keeps_the_header_tidy(page, login, check_axe, screenshot):
    gebruiker = GebruikerFactory.create(
        username="marloes", first_name="Marloes", last_name="de Vries"
    )
    RegioFactory.create(naam=LANGE_NAAM).coordinatoren.add(gebruiker)
    login(page, "marloes", "wachtwoord")
    regio = page.get_by_role("link", name=f"Regio {LANGE_NAAM}")
    assert regio.get_attribute("title") == LANGE_NAAM

    naam = page.locator(".ivp-gebruiker__naam")
    uitloggen = page.get_by_role("button", name="Uitloggen")
    assert abs(_midden(naam.bounding_box()) - _midden(uitloggen.bounding_box())) < 4
    check_axe(page)
    screenshot(page, "kop-lange-regionaam")

    page.set_viewport_size({"width": 375, "height": 800})
    meldingen = page.get_by_role("link", name="Meldingen", exact=True).bounding_box()
    vak = regio.bounding_box()
    assert meldingen is not None and vak is not None
    assert vak["height"] < 1.5 * meldingen["height"]  # one line, not two
    assert not page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    screenshot(page, "kop-lange-regionaam-telefoon")
