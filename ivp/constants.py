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
