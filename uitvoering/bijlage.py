"""The activities table of an uitvoeringsplan as HTML, for a PDF bijlage: the same grouped
table as the plan page, without links (nothing to click in a PDF)."""

from __future__ import annotations

from django.template.loader import render_to_string

from uitvoering.models import Uitvoeringsplan
from uitvoering.selectors import activiteiten_van, doelstellingen_van, groepeer


def activiteiten_html(uitvoeringsplan: Uitvoeringsplan) -> str:
    """Three queries; the HTML fragment of `uitvoering/_activiteiten_tabel.html`."""
    blokken = groepeer(activiteiten_van(uitvoeringsplan), doelstellingen_van(uitvoeringsplan.plan))
    return render_to_string(
        "uitvoering/_activiteiten_tabel.html",
        {"blokken": blokken, "mag_regisseren": False, "is_concept": False, "zonder_links": True},
    )
