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


class IndicatorBron(models.TextChoices):
    """Where an indicator's figures come from (`../shared/domain.md` §4)."""

    CBS_MISDRIJVEN = "cbs_misdrijven", "Politie: geregistreerde misdrijven (CBS StatLine 83648NED)"
    POLITIE_WIJK = "politie_wijk", "Politie: misdrijven per wijk en maand (47022NED)"
    VEILIGHEIDSMONITOR = "veiligheidsmonitor", "Veiligheidsmonitor (CBS 85146NED)"
    EIGEN = "eigen", "Eigen registratie van de gemeente"


class Richting(models.TextChoices):
    """Which way an indicator improves."""

    LAGER = "lager", "Lager is beter"
    HOGER = "hoger", "Hoger is beter"


class ImportStatus(models.TextChoices):
    """How an import of open figures ended."""

    GELUKT = "gelukt", "Gelukt"
    MISLUKT = "mislukt", "Mislukt"


class ImportWijze(models.TextChoices):
    """Where an import read its figures."""

    API = "api", "Opgehaald bij CBS (open data)"
    UPLOAD = "upload", "CSV-bestand geüpload"
