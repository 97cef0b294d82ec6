"""The invitation to a werkgroep meeting, with its .ics, through the outbox.

Sent when the meeting is planned, again when it changes, and when it is called off (with the
reason, and the .ics as STATUS:CANCELLED): the calendar file keeps the UID
and carries the meeting's SEQUENCE (`volgnummer_ical`), so a calendar replaces the event it
has instead of adding a second one. The key's moment is that SEQUENCE, so each version of
the meeting is announced once however often the service or its task runs.

A joint meeting (`GezamenlijkeBijeenkomst`) is announced once per person: the key's subject
is the joint meeting, and someone in two of its werkgroepen gets one mail, with the link to
(and the .ics of) their part in the first of those werkgroepen; the .ics carries the joint
meeting's UID, so every part is the same event in a calendar.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from ivp.models import Gebruiker
from stappen.services import melding_maak
from werkgroep import ical
from werkgroep.gezamenlijk.models import GezamenlijkeBijeenkomst
from werkgroep.models import Bijeenkomst, Lid

SOORT = "bijeenkomst_uitnodiging"


def uitnodiging_stuur(bijeenkomst: Bijeenkomst) -> list[Gebruiker]:
    """Invite (or, after a change, update; after a call-off, cancel) every member with an
    account; after the commit. What the notice says follows from the meeting itself."""
    leden = [
        lid.gebruiker
        for lid in bijeenkomst.werkgroep.leden.select_related("gebruiker")
        if lid.gebruiker is not None and lid.gebruiker.is_active
    ]
    return _stuur(bijeenkomst, leden, onderwerp=bijeenkomst)


def gezamenlijk_uitnodiging_stuur(
    gezamenlijk: GezamenlijkeBijeenkomst, bijeenkomsten: Sequence[Bijeenkomst]
) -> list[Gebruiker]:
    """Invite (or update) every member with an account of each werkgroep of a joint meeting,
    once per person however many of its werkgroepen they are in."""
    per_werkgroep = {b.werkgroep_id: b for b in bijeenkomsten}
    gemeenten = [b.werkgroep.plan.gemeente.naam for b in bijeenkomsten]
    ontvangers: dict[int, list[Gebruiker]] = {b.pk: [] for b in bijeenkomsten}
    gezien: set[int] = set()
    leden = (
        Lid.objects.filter(werkgroep_id__in=per_werkgroep, gebruiker__is_active=True)
        .select_related("gebruiker")
        .order_by("werkgroep_id", "pk")
    )
    volgorde = {b.werkgroep_id: n for n, b in enumerate(bijeenkomsten)}
    for lid in sorted(leden, key=lambda lid: volgorde[lid.werkgroep_id]):
        if lid.gebruiker is None or lid.gebruiker.pk in gezien:
            continue
        gezien.add(lid.gebruiker.pk)
        ontvangers[per_werkgroep[lid.werkgroep_id].pk].append(lid.gebruiker)
    verstuurd: list[Gebruiker] = []
    for bijeenkomst in bijeenkomsten:
        if ontvangers[bijeenkomst.pk]:
            verstuurd += _stuur(
                bijeenkomst, ontvangers[bijeenkomst.pk], onderwerp=gezamenlijk, gemeenten=gemeenten
            )
    return verstuurd


def _stuur(
    bijeenkomst: Bijeenkomst,
    leden: list[Gebruiker],
    *,
    onderwerp: Bijeenkomst | GezamenlijkeBijeenkomst,
    gemeenten: Sequence[str] = (),
) -> list[Gebruiker]:
    plan = bijeenkomst.werkgroep.plan
    url = reverse("werkgroep:bijeenkomst", kwargs={"bijeenkomst_id": bijeenkomst.pk})
    gewijzigd = bijeenkomst.volgnummer_ical > 0
    waar = ", ".join(deel for deel in (bijeenkomst.locatie, bijeenkomst.online_link) if deel)
    afgezegd = bijeenkomst.afgezegd_op is not None
    soort = "Afgezegd" if afgezegd else "Gewijzigd" if gewijzigd else "Uitnodiging"
    tekst = (
        f"{soort}: {bijeenkomst.titel} op "
        f"{bijeenkomst.datum:%d-%m-%Y} van {bijeenkomst.begintijd:%H:%M} tot "
        f"{bijeenkomst.eindtijd:%H:%M}" + (f" ({waar})" if waar else "") + "."
    )
    inhoud = ical.bijeenkomst_ics(bijeenkomst, f"{settings.IVP_BASIS_URL}{url}", gemeenten).decode()
    if afgezegd:
        extra = (
            f"De bijeenkomst gaat niet door. Reden: {bijeenkomst.reden_afzegging}\n\n"
            "Het agendabestand (.ics) bij deze e-mail haalt de afspraak uit uw agenda "
            "(of toont haar als geannuleerd)."
        )
    else:
        extra = "De afspraak zit als agendabestand (.ics) bij deze e-mail" + (
            "; uw agenda werkt de eerdere afspraak bij." if gewijzigd else "."
        )
    with transaction.atomic():
        return melding_maak(
            leden,
            tekst,
            url,
            extra=extra
            + (f" Een gezamenlijke bijeenkomst van {', '.join(gemeenten)}." if gemeenten else ""),
            soort=SOORT,
            onderwerp=onderwerp,
            moment=f"versie-{bijeenkomst.volgnummer_ical}",
            gemeente=plan.gemeente_id,
            bijlage=("bijeenkomst.ics", inhoud),
        )
