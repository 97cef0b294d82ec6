"""The shared record of a joint meeting; each werkgroep's own part is a `Bijeenkomst` (in
`werkgroep.models`) linked to it by `Bijeenkomst.gezamenlijk`."""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from ivp.models import Regio
from ivp.versies import Versiebeheerd


class GezamenlijkeBijeenkomst(Versiebeheerd):
    """One meeting of several werkgroepen of a region at once: what they share (when, where,
    the subject, the joint agenda, one calendar id). Each werkgroep has its own `Bijeenkomst`
    linked here, with its own attendance, notulen and actiepunten (docs/werkgroep.md)."""

    regio = models.ForeignKey(
        Regio, on_delete=models.PROTECT, related_name="gezamenlijke_bijeenkomsten"
    )
    uid = models.UUIDField("kalender-id", default=uuid.uuid4, unique=True, editable=False)
    volgnummer_ical = models.PositiveIntegerField("kalenderversie", default=0, editable=False)
    titel = models.CharField("onderwerp", max_length=200)
    datum = models.DateField("datum")
    begintijd = models.TimeField("begintijd")
    eindtijd = models.TimeField("eindtijd")
    locatie = models.CharField("plaats", max_length=200, blank=True)
    online_link = models.URLField("link voor online deelname", blank=True)
    agenda = models.TextField("gezamenlijke agendapunten", blank=True, help_text="Eén per regel.")
    # Called off for all parts at once (`services.gezamenlijk_afzeggen`).
    afgezegd_op = models.DateTimeField("afgezegd op", null=True, blank=True, editable=False)
    reden_afzegging = models.TextField("reden van de afzegging", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "gezamenlijke bijeenkomst"
        verbose_name_plural = "gezamenlijke bijeenkomsten"
        ordering = ["datum", "begintijd", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(afgezegd_op__isnull=True) | ~Q(reden_afzegging=""),
                name="gezamenlijk_afgezegd_met_reden",
                violation_error_message="Geef de reden waarom de bijeenkomst niet doorgaat.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.titel} {self.datum:%d-%m-%Y}"
