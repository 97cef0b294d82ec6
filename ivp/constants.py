from django.db import models


class RolSoort(models.TextChoices):
    """What a person may do in one gemeente (see docs/architectuur.md, Permissions)."""

    COORDINATOR = "coordinator", "Coördinator OOV"
    WERKGROEPLID = "werkgroeplid", "Werkgroeplid"
    BESTUURDER = "bestuurder", "Bestuurder"
    GRIFFIE = "griffie", "Griffie"
    LEZER = "lezer", "Lezer"


METHODE_KERNBELEID_VEILIGHEID_2021 = "Kernbeleid Veiligheid 2021"
PLANPERIODE_JAREN = 4


class AchtergrondStatus(models.TextChoices):
    """The state of a file made by a task in the background: a download (ivp/downloads.py)
    or a PDF rendering (stappen `Weergave`)."""

    WACHTRIJ = "wachtrij", "In de wachtrij"
    BEZIG = "bezig", "Bezig"
    KLAAR = "klaar", "Klaar"
    MISLUKT = "mislukt", "Mislukt"
