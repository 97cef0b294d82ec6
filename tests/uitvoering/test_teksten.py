"""The uitvoeringsplan's document shows its activities (the registered builder), and its
versions keep them."""

from __future__ import annotations

from stappen.secties import bouw_secties
from tests.uitvoering.factories import ActiviteitFactory


def test_the_document_holds_the_activities_under_their_chapter(up, coordinator):
    ActiviteitFactory.create(uitvoeringsplan=up, titel="Themaweek Veilig IJsselland")
    secties = {s["sleutel"]: s for s in bouw_secties(up.document)}
    tekst = secties["activiteiten"]["tekst"]
    assert secties["activiteiten"]["titel"] == "Activiteiten per prioriteit"
    assert "Themaweek Veilig IJsselland" in tekst and "Minder woninginbraken" in tekst
    assert "| Activiteit | Beoogd resultaat | Trekker |" in tekst
    assert "€ 5.000" in tekst
