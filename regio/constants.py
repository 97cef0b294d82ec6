"""Regional cooperation (docs/regio.md): what a region shares, and how a member decides."""

from django.db import models


class DeelSoort(models.TextChoices):
    """What a region agrees once for all its members, and where each member takes it in."""

    PRIORITEIT = "prioriteit", "Bovenlokale prioriteit"  # the IVP, with its doelstellingen
    ANALYSE = "analyse", "Regionale analyse van een veiligheidsveld"  # the veiligheidsanalyse
    HOOFDSTUK = "hoofdstuk", "Gedeeld hoofdstuk van de veiligheidsanalyse"


class OvernameKeuze(models.TextChoices):
    """A member's decision on a shared part, in its own plan."""

    OVERGENOMEN = "overgenomen", "Overgenomen"
    NIET_OVERGENOMEN = "niet_overgenomen", "Niet overgenomen"


class VoorstelStatus(models.TextChoices):
    """A proposal to a member: a shared part offered for the first time, or a change of it."""

    OPEN = "open", "Wacht op een besluit"
    AANVAARD = "aanvaard", "Aanvaard"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    VERVALLEN = "vervallen", "Vervallen"  # the gemeente left the region


# The member's document that takes in a shared part of each soort.
def document_soort(soort: str) -> str:
    from stappen.constants import DocumentSoort

    if soort == DeelSoort.PRIORITEIT:
        return str(DocumentSoort.IVP)
    return str(DocumentSoort.VEILIGHEIDSANALYSE)
