"""Writes of joint meetings: the regional coordinator plans, moves or calls off one meeting
for several member gemeenten at once; each werkgroep gets its own `Bijeenkomst`
(docs/werkgroep.md). Everything is made or changed in one transaction: a refusal (a
werkgroep over its 5–6 meetings, a part already held) leaves nothing half-made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from ivp.exceptions import GeenToegang, Geweigerd
from ivp.models import Gebruiker, Gemeente, Plan, Regio
from ivp.permissions import mag_regio_regisseren
from ivp.services import bewaar
from ivp.versies import vereis_versie
from stappen.constants import StapNummer, StapStatus
from stappen.models import Stap
from werkgroep.constants import MAX_BIJEENKOMSTEN
from werkgroep.gezamenlijk.models import GezamenlijkeBijeenkomst
from werkgroep.models import Agendapunt, Bijeenkomst, Presentie, Werkgroep
from werkgroep.services import werkgroep_ensure
from werkgroep.uitnodiging import gezamenlijk_uitnodiging_stuur


def _vereis_regio_regie(regio: Regio, door: Gebruiker) -> None:
    if not mag_regio_regisseren(door, regio.pk):
        raise GeenToegang(f"Alleen de regionale coördinator van {regio} mag dit doen.")


def nieuwste_plannen(gemeente_ids: Iterable[int]) -> dict[int, Plan]:
    """Each gemeente's newest plan (latest period), by gemeente id; one query."""
    plannen: dict[int, Plan] = {}
    for plan in (
        Plan.objects.filter(gemeente_id__in=list(gemeente_ids))
        .select_related("gemeente")
        .order_by("gemeente_id", "-periode_start", "-pk")
    ):
        plannen.setdefault(plan.gemeente_id, plan)
    return plannen


def _namen(gemeenten: Iterable[Gemeente]) -> str:
    namen = sorted(g.naam for g in gemeenten)
    return namen[0] if len(namen) == 1 else f"{', '.join(namen[:-1])} en {namen[-1]}"


def _werkgroepen(
    regio: Regio, gemeenten: Iterable[Gemeente], door: Gebruiker
) -> list[tuple[Plan, Werkgroep]]:
    """The werkgroep of each chosen gemeente's newest plan, locked; made if needed."""
    gekozen = {g.pk: g for g in gemeenten}
    if len(gekozen) < 2:
        raise ValidationError({"gemeenten": "Kies ten minste twee gemeenten."})
    leden = set(regio.gemeenten.values_list("pk", flat=True))
    buiten = [g for pk, g in gekozen.items() if pk not in leden]
    if buiten:
        raise ValidationError({"gemeenten": f"{_namen(buiten)} hoort niet bij {regio}."})
    plannen = nieuwste_plannen(gekozen)
    zonder = [g for pk, g in gekozen.items() if pk not in plannen]
    if zonder:
        raise ValidationError(
            {"gemeenten": f"{_namen(zonder)} heeft nog geen plan, dus ook geen werkgroep."}
        )
    volgorde = sorted(plannen.values(), key=lambda p: p.gemeente.naam)
    paren = [(plan, werkgroep_ensure(plan=plan, door=door)) for plan in volgorde]
    for plan, werkgroep in paren:
        werkgroep.plan = plan
    # In the order of the key, so two plannings at once wait for each other, never deadlock.
    sloten = Werkgroep.objects.select_for_update().filter(pk__in=[w.pk for _, w in paren])
    list(sloten.order_by("pk"))
    return paren


def _in_uitvoering(plannen: Iterable[Plan]) -> set[int]:
    """The plans whose werkgroep meets as voortgangsoverleg (step 6 started): not counted."""
    return set(
        Stap.objects.filter(plan__in=list(plannen), nummer=StapNummer.UITVOERING)
        .exclude(status=StapStatus.GEPLAND)
        .values_list("plan_id", flat=True)
    )


@transaction.atomic
def gezamenlijk_plan(
    *,
    regio: Regio,
    door: Gebruiker,
    gemeenten: Iterable[Gemeente],
    titel: str,
    datum: dt.date,
    begintijd: dt.time,
    eindtijd: dt.time,
    locatie: str = "",
    online_link: str = "",
    agenda: str = "",
) -> GezamenlijkeBijeenkomst:
    """Plan one meeting for the werkgroepen of several member gemeenten. Refused for all, with
    the gemeente named, when one werkgroep would meet more than 5–6 times: a deviation needs
    that werkgroep's own motivation, which its coordinator gives (pas toe of leg uit)."""
    _vereis_regio_regie(regio, door)
    paren = _werkgroepen(regio, gemeenten, door)
    voortgang = _in_uitvoering(plan for plan, _ in paren)
    aantallen = dict(
        Bijeenkomst.objects.filter(
            werkgroep__in=[w for _, w in paren], voortgangsoverleg=False, afgezegd_op__isnull=True
        )
        .values("werkgroep")
        .annotate(n=Count("pk"))
        .values_list("werkgroep", "n")
    )
    vol = [
        plan.gemeente
        for plan, werkgroep in paren
        if plan.pk not in voortgang and aantallen.get(werkgroep.pk, 0) >= MAX_BIJEENKOMSTEN
    ]
    if vol:
        raise ValidationError(
            {
                "gemeenten": f"Niet gepland: de werkgroep van {_namen(vol)} heeft al "
                f"{MAX_BIJEENKOMSTEN} bijeenkomsten; de startnotitie gaat uit van hooguit 5 à 6. "
                "Kies die gemeente niet, of vraag haar coördinator een extra bijeenkomst "
                "met motivatie zelf te plannen."
            }
        )
    gezamenlijk = GezamenlijkeBijeenkomst(
        regio=regio,
        titel=titel.strip(),
        datum=datum,
        begintijd=begintijd,
        eindtijd=eindtijd,
        locatie=locatie.strip(),
        online_link=online_link.strip(),
        agenda="\n".join(regel.strip() for regel in agenda.splitlines() if regel.strip()),
    )
    bewaar(gezamenlijk, door=door)
    punten = gezamenlijk.agenda.splitlines()
    bijeenkomsten = []
    for plan, werkgroep in paren:
        bijeenkomst = Bijeenkomst(
            werkgroep=werkgroep,
            gezamenlijk=gezamenlijk,
            titel=gezamenlijk.titel,
            datum=datum,
            begintijd=begintijd,
            eindtijd=eindtijd,
            locatie=gezamenlijk.locatie,
            online_link=gezamenlijk.online_link,
            voortgangsoverleg=plan.pk in voortgang,
        )
        bewaar(bijeenkomst, door=door)  # full_clean: end after begin, a place or a link
        for volgorde, onderwerp in enumerate(punten, start=1):
            bewaar(
                Agendapunt(bijeenkomst=bijeenkomst, volgorde=volgorde, onderwerp=onderwerp),
                door=door,
            )
        bijeenkomsten.append(bijeenkomst)
    gezamenlijk_uitnodiging_stuur(gezamenlijk, bijeenkomsten)
    return gezamenlijk


def _delen(gezamenlijk: GezamenlijkeBijeenkomst) -> tuple[list[Bijeenkomst], list[Gemeente]]:
    """Every werkgroep's part, locked, by gemeente name; and the gemeenten whose part was
    held (notulen, besluiten or attendance recorded)."""
    bijeenkomsten = list(
        Bijeenkomst.objects.select_for_update(of=("self",))
        .filter(gezamenlijk=gezamenlijk)
        .select_related("werkgroep__plan__gemeente")
        .order_by("werkgroep__plan__gemeente__naam")
    )
    met_presentie = set(
        Presentie.objects.filter(bijeenkomst__in=bijeenkomsten).values_list(
            "bijeenkomst_id", flat=True
        )
    )
    gehouden = [
        b.werkgroep.plan.gemeente
        for b in bijeenkomsten
        if b.notulen or b.besluiten or b.pk in met_presentie
    ]
    return bijeenkomsten, gehouden


@transaction.atomic
def gezamenlijk_afzeggen(
    *, gezamenlijk: GezamenlijkeBijeenkomst, door: Gebruiker, reden: str
) -> GezamenlijkeBijeenkomst:
    """Call off a joint meeting: every werkgroep's part is called off with it, in one
    transaction (the same moment and reason, the SEQUENCE +1), and every member of each
    werkgroep gets the notice once, with the .ics of their part as STATUS:CANCELLED. Refused
    for all, naming the gemeente, once a part was held; and once it is called off or past."""
    _vereis_regio_regie(gezamenlijk.regio, door)
    opgeslagen = GezamenlijkeBijeenkomst.objects.select_for_update().filter(pk=gezamenlijk.pk)
    gezamenlijk.afgezegd_op = opgeslagen.values_list("afgezegd_op", flat=True).get()
    if gezamenlijk.afgezegd_op is not None:
        dag = timezone.localdate(gezamenlijk.afgezegd_op)
        raise ValidationError(f"Deze gezamenlijke bijeenkomst is al afgezegd op {dag:%d-%m-%Y}.")
    if gezamenlijk.datum < timezone.localdate():
        raise ValidationError(
            "Deze bijeenkomst is al geweest; een gehouden bijeenkomst zegt u niet af."
        )
    bijeenkomsten, gehouden = _delen(gezamenlijk)
    if gehouden:
        raise ValidationError(
            f"Niet afgezegd: in {_namen(gehouden)} zijn al notulen, besluiten of de "
            "aanwezigheid van deze bijeenkomst vastgelegd. Een gehouden bijeenkomst zegt u "
            "niet af."
        )
    if not reden.strip():
        raise ValidationError({"reden": "Geef de reden waarom de bijeenkomst niet doorgaat."})
    nu = timezone.now()
    gezamenlijk.afgezegd_op = nu
    gezamenlijk.reden_afzegging = reden.strip()
    gezamenlijk.volgnummer_ical += 1
    bewaar(gezamenlijk, door=door, reden="afgezegd")
    for bijeenkomst in bijeenkomsten:
        bijeenkomst.afgezegd_op = nu
        bijeenkomst.reden_afzegging = gezamenlijk.reden_afzegging
        bijeenkomst.volgnummer_ical = gezamenlijk.volgnummer_ical
        bewaar(bijeenkomst, door=door, reden="gezamenlijke bijeenkomst afgezegd")
    gezamenlijk_uitnodiging_stuur(gezamenlijk, bijeenkomsten)
    return gezamenlijk


@transaction.atomic
def gezamenlijk_verplaats(
    *,
    gezamenlijk: GezamenlijkeBijeenkomst,
    door: Gebruiker,
    titel: str,
    datum: dt.date,
    begintijd: dt.time,
    eindtijd: dt.time,
    locatie: str = "",
    online_link: str = "",
    versie: int | None = None,
) -> GezamenlijkeBijeenkomst:
    """Move (or rename) a joint meeting: every werkgroep's part moves along and every member
    gets the update (same UID, higher SEQUENCE). Refused once a part has notulen, besluiten
    or attendance: that meeting was held, and its record must stay true."""
    _vereis_regio_regie(gezamenlijk.regio, door)
    vereis_versie(gezamenlijk, versie)
    if gezamenlijk.afgezegd_op is not None:
        raise ValidationError("Deze gezamenlijke bijeenkomst is afgezegd; u verplaatst haar niet.")
    bijeenkomsten, gehouden = _delen(gezamenlijk)
    if gehouden:
        raise Geweigerd(
            f"Niet verplaatst: in {_namen(gehouden)} zijn al notulen, besluiten of de "
            "aanwezigheid van deze bijeenkomst vastgelegd. Een bijeenkomst die is gehouden, "
            "verplaatst u niet; plan zo nodig een nieuwe."
        )
    gezamenlijk.titel = titel.strip() or gezamenlijk.titel
    gezamenlijk.datum = datum
    gezamenlijk.begintijd = begintijd
    gezamenlijk.eindtijd = eindtijd
    gezamenlijk.locatie = locatie.strip()
    gezamenlijk.online_link = online_link.strip()
    gezamenlijk.volgnummer_ical += 1
    bewaar(gezamenlijk, door=door)
    for bijeenkomst in bijeenkomsten:
        for veld in ("titel", "datum", "begintijd", "eindtijd", "locatie", "online_link"):
            setattr(bijeenkomst, veld, getattr(gezamenlijk, veld))
        bijeenkomst.volgnummer_ical = gezamenlijk.volgnummer_ical
        bewaar(bijeenkomst, door=door, reden="gezamenlijke bijeenkomst verplaatst")
    gezamenlijk_uitnodiging_stuur(gezamenlijk, bijeenkomsten)
    return gezamenlijk
