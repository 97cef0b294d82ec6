"""The shared record of a joint meeting; each werkgroep's own part is a `Bijeenkomst` (in
`werkgroep.models`) linked to it by `Bijeenkomst.gezamenlijk`."""

from __future__ import annotations

import uuid

from django.db import models
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
    history = HistoricalRecords()

    class Meta:
        verbose_name = "gezamenlijke bijeenkomst"
        verbose_name_plural = "gezamenlijke bijeenkomsten"
        ordering = ["datum", "begintijd", "pk"]

    def __str__(self) -> str:
        return f"{self.titel} {self.datum:%d-%m-%Y}"
