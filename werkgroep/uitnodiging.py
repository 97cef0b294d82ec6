"""The invitation to a werkgroep meeting, with its .ics, through the outbox.

Sent when the meeting is planned and again when it changes: the calendar file keeps the UID
and carries the meeting's SEQUENCE (`volgnummer_ical`), so a calendar replaces the event it
has instead of adding a second one. The key's moment is that SEQUENCE, so each version of
the meeting is announced once however often the service or its task runs.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from ivp.models import Gebruiker
from stappen.services import melding_maak
from werkgroep import ical
from werkgroep.models import Bijeenkomst

SOORT = "bijeenkomst_uitnodiging"


def uitnodiging_stuur(bijeenkomst: Bijeenkomst) -> list[Gebruiker]:
    """Invite (or, after a change, update) every member with an account; after the commit."""
    plan = bijeenkomst.werkgroep.plan
    url = reverse("werkgroep:bijeenkomst", kwargs={"bijeenkomst_id": bijeenkomst.pk})
    leden = [
        lid.gebruiker
        for lid in bijeenkomst.werkgroep.leden.select_related("gebruiker")
        if lid.gebruiker is not None and lid.gebruiker.is_active
    ]
    gewijzigd = bijeenkomst.volgnummer_ical > 0
    waar = ", ".join(deel for deel in (bijeenkomst.locatie, bijeenkomst.online_link) if deel)
    tekst = (
        f"{'Gewijzigd' if gewijzigd else 'Uitnodiging'}: {bijeenkomst.titel} op "
        f"{bijeenkomst.datum:%d-%m-%Y} van {bijeenkomst.begintijd:%H:%M} tot "
        f"{bijeenkomst.eindtijd:%H:%M}" + (f" ({waar})" if waar else "") + "."
    )
    inhoud = ical.bijeenkomst_ics(bijeenkomst, f"{settings.IVP_BASIS_URL}{url}").decode()
    with transaction.atomic():
        return melding_maak(
            leden,
            tekst,
            url,
            extra="De afspraak zit als agendabestand (.ics) bij deze e-mail"
            + ("; uw agenda werkt de eerdere afspraak bij." if gewijzigd else "."),
            soort=SOORT,
            onderwerp=bijeenkomst,
            moment=f"versie-{bijeenkomst.volgnummer_ical}",
            gemeente=plan.gemeente_id,
            bijlage=("bijeenkomst.ics", inhoud),
        )
