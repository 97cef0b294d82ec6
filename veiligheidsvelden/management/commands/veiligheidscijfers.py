"""`manage.py veiligheidscijfers GM1708 [--bestand 83648NED.csv]`: import the open figures
of a gemeente (its regio neighbours and the Netherlands with it) from CBS, or from a CSV
download where the server cannot reach the internet. Same service as the import page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ivp.models import Gemeente
from veiligheidsvelden.cijfers.importeren import cijfers_importeer
from veiligheidsvelden.constants import ImportStatus


class Command(BaseCommand):
    help = "Leest de veiligheidscijfers (CBS, politie, Veiligheidsmonitor) van een gemeente in."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("gemeenten", nargs="*", help="CBS-codes, bv. GM1708; leeg: alle.")
        parser.add_argument("--bestand", type=Path, help="Een CSV-download van StatLine.")

    def handle(self, *args: Any, **opties: Any) -> None:
        codes: list[str] = opties["gemeenten"]
        gemeenten = list(
            Gemeente.objects.filter(cbs_code__in=codes) if codes else Gemeente.objects.all()
        )
        onbekend = set(codes) - {g.cbs_code for g in gemeenten}
        if onbekend:
            raise CommandError(f"Onbekende gemeentecode: {', '.join(sorted(onbekend))}.")
        bestand: Path | None = opties["bestand"]
        inhoud = None
        if bestand is not None:
            try:
                inhoud = bestand.read_bytes()
            except OSError as fout:
                raise CommandError(f"Het bestand {bestand} is niet te lezen ({fout}).") from None
        mislukt = False
        for gemeente in gemeenten:
            run = cijfers_importeer(gemeente=gemeente, bestand=inhoud)
            if run.status == ImportStatus.MISLUKT:
                mislukt = True
                self.stderr.write(f"{gemeente}: {run.melding}")
            else:
                self.stdout.write(f"{gemeente}: {run.melding}")
        if mislukt:
            raise CommandError("Niet alle cijfers zijn ingelezen; zie de meldingen hierboven.")
