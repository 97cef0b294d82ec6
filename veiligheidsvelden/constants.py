from django.db import models


class BeleidsdocumentSoort(models.TextChoices):
    """The flankerend beleid the startnotitie names (in its order)."""

    JEUGDBELEID = "jeugdbeleid", "Integraal jeugdbeleid"
    ALCOHOL_DRUGS = "alcohol_drugs", "Preventie- en handhavingsplan alcohol en drugs"
    APV = "apv", "Algemene plaatselijke verordening (Apv)"
    HANDHAVINGSNOTA = "handhavingsnota", "Handhavingsnota"
    CRISISPLAN = "crisisplan", "Regionaal crisisplan Veiligheidsregio"
    POLITIE_OM = "politie_om", "Beleidsplannen van politie en Openbaar Ministerie"
    RIJK_PROVINCIE = "rijk_provincie", "Beleid van provincie en ministeries (BZK, JenV)"
    OVERIG = "overig", "Overig beleid"
