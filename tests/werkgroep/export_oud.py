"""Frozen: how the hours export read its rows before issue 8: `selectors.export_registraties`
(an entry model instance with its member and step for each row) and `Rij.van`.
`test_downloads.py` checks that `selectors.export_rijen` (plain values, the members and steps
read once) gives the same rows and the page the same CSV. Do not change it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ivp.models import Gebruiker
from ivp.permissions import mag_plan_regisseren
from werkgroep.export import Rij, stap_tekst
from werkgroep.models import Urenregistratie
from werkgroep.selectors import uren_plan


def export_registraties(user: Gebruiker, plan_id: int) -> Iterator[Urenregistratie]:
    """The entries to export, in date order: all of them for the coordinator, one's own for a
    member; 404 without access. Read in chunks, so a large export stays small in memory."""
    plan = uren_plan(user, plan_id)
    qs = Urenregistratie.objects.filter(lid__werkgroep__plan=plan).select_related(
        "lid__gebruiker", "stap"
    )
    if not mag_plan_regisseren(user, plan):
        qs = qs.filter(lid__gebruiker=user)
    return qs.order_by("datum", "pk").iterator(chunk_size=2000)


def rij_van(registratie: Urenregistratie) -> Rij:
    """The row of an entry loaded with its member and step (no query of its own)."""
    stap = registratie.stap
    return Rij(
        datum=registratie.datum,
        naam=registratie.lid.weergavenaam,
        organisatie=registratie.lid.organisatie,
        stap=stap_tekst(stap),
        uren=registratie.uren,
        omschrijving=registratie.omschrijving,
    )


def rijen(registraties: Iterable[Urenregistratie]) -> Iterable[Rij]:
    return (rij_van(r) for r in registraties)
