from django.db import models

from ivp.constants import AchtergrondStatus


class StapNummer(models.IntegerChoices):
    STARTNOTITIE = 1, "Startnotitie"
    VEILIGHEIDSANALYSE = 2, "Veiligheidsanalyse"
    PRIORITERING = 3, "Prioritering"
    OPSTELLEN_IVP = 4, "Opstellen IVP"
    UITVOERINGSPLAN = 5, "Uitvoeringsplan"
    UITVOERING = 6, "Van beleid naar uitvoering"


class StapStatus(models.TextChoices):
    GEPLAND = "gepland", "Gepland"
    ACTIEF = "actief", "Actief"
    AFGEROND = "afgerond", "Afgerond"


class DocumentSoort(models.TextChoices):
    STARTNOTITIE = "startnotitie", "Startnotitie"
    VEILIGHEIDSANALYSE = "veiligheidsanalyse", "Veiligheidsanalyse"
    PRIORITERING = "prioritering", "Prioritering"
    IVP = "ivp", "Integraal Veiligheidsplan"
    UITVOERINGSPLAN = "uitvoeringsplan", "Uitvoeringsplan"
    VOORTGANGSRAPPORTAGE = "voortgangsrapportage", "Voortgangsrapportage"


# Document types made once a year (the others once per plan).
JAARLIJKSE_SOORTEN = frozenset({DocumentSoort.UITVOERINGSPLAN, DocumentSoort.VOORTGANGSRAPPORTAGE})


class DocumentStatus(models.TextChoices):
    CONCEPT = "concept", "Concept"
    IN_BESPREKING = "in_bespreking", "In bespreking bij de werkgroep"
    TER_BESLUITVORMING = "ter_besluitvorming", "Ter besluitvorming"
    VASTGESTELD = "vastgesteld", "Vastgesteld"


class Orgaan(models.TextChoices):
    COLLEGE = "college", "College van burgemeester en wethouders"
    RAAD = "raad", "Gemeenteraad"
    DRIEHOEK = "driehoek", "Lokale driehoek"
    WERKGROEP = "werkgroep", "Werkgroep"


class BesluitUitkomst(models.TextChoices):
    VASTGESTELD = "vastgesteld", "Vastgesteld"
    GEWIJZIGD_VASTGESTELD = "gewijzigd_vastgesteld", "Gewijzigd vastgesteld"
    AANGEHOUDEN = "aangehouden", "Aangehouden"
    VERWORPEN = "verworpen", "Verworpen"
    KENNISGENOMEN = "kennisgenomen", "Voor kennisgeving aangenomen"


class BesluitVorm(models.TextChoices):
    """How a body dealt with a document: a decision, or the raad informed of it."""

    BESLUIT = "besluit", "Besluit"
    RAADSINFORMATIEBRIEF = "raadsinformatiebrief", "Raadsinformatiebrief"
    AGENDAPUNT = "agendapunt", "Agendapunt ter kennisname (ingekomen stuk)"


# The ways the raad is informed of a document that the college adopted.
INFORMATIEVORMEN = (BesluitVorm.RAADSINFORMATIEBRIEF, BesluitVorm.AGENDAPUNT)

VASTSTELLENDE_UITKOMSTEN = frozenset(
    {BesluitUitkomst.VASTGESTELD, BesluitUitkomst.GEWIJZIGD_VASTGESTELD}
)
TERUGSTURENDE_UITKOMSTEN = frozenset({BesluitUitkomst.AANGEHOUDEN, BesluitUitkomst.VERWORPEN})


class Keuze(models.TextChoices):
    """Where the prioritering places a theme (KV 2021: three buckets)."""

    PRIORITEIT = "prioriteit", "Prioriteit"
    STRATEGISCH = "strategisch", "Overig strategisch thema"
    BEHEER = "beheer", "Beheer (going concern)"


# The document each step produces, and the body whose decision closes it.
STAP_DOCUMENT = {
    StapNummer.STARTNOTITIE: DocumentSoort.STARTNOTITIE,
    StapNummer.VEILIGHEIDSANALYSE: DocumentSoort.VEILIGHEIDSANALYSE,
    StapNummer.PRIORITERING: DocumentSoort.PRIORITERING,
    StapNummer.OPSTELLEN_IVP: DocumentSoort.IVP,
    StapNummer.UITVOERINGSPLAN: DocumentSoort.UITVOERINGSPLAN,
}
DOCUMENT_STAP = {soort: nummer for nummer, soort in STAP_DOCUMENT.items()} | {
    DocumentSoort.VOORTGANGSRAPPORTAGE: StapNummer.UITVOERING
}
BESLUITORGAAN = {
    DocumentSoort.STARTNOTITIE: Orgaan.COLLEGE,
    DocumentSoort.VEILIGHEIDSANALYSE: Orgaan.WERKGROEP,
    DocumentSoort.PRIORITERING: Orgaan.RAAD,
    DocumentSoort.IVP: Orgaan.RAAD,
    DocumentSoort.UITVOERINGSPLAN: Orgaan.COLLEGE,
    DocumentSoort.VOORTGANGSRAPPORTAGE: Orgaan.COLLEGE,
}
STAP_ORGAAN = {
    StapNummer.STARTNOTITIE: Orgaan.COLLEGE,
    StapNummer.VEILIGHEIDSANALYSE: Orgaan.WERKGROEP,
    StapNummer.PRIORITERING: Orgaan.RAAD,
    StapNummer.OPSTELLEN_IVP: Orgaan.RAAD,
    StapNummer.UITVOERINGSPLAN: Orgaan.COLLEGE,
    StapNummer.UITVOERING: Orgaan.WERKGROEP,
}

# Pas toe of leg uit: the startnotitie's numbers, followed by default. "Drie à vier
# prioriteiten": 3 and 4 are within the norm; above 4 needs a motivation (and shows it).
PRIORITEITEN_ZONDER_WAARSCHUWING = 4
PRIORITEITEN_ZONDER_MOTIVATIE = 4


class OpmerkingUitkomst(models.TextChoices):
    """What the coordinator did with a comment (shown in the reactienota)."""

    VERWERKT = "verwerkt", "Verwerkt"
    DEELS_VERWERKT = "deels_verwerkt", "Deels verwerkt"
    NIET_VERWERKT = "niet_verwerkt", "Niet verwerkt"


# Outcomes that need a reason in the reactienota.
UITKOMSTEN_MET_REDEN = frozenset(
    {OpmerkingUitkomst.DEELS_VERWERKT, OpmerkingUitkomst.NIET_VERWERKT}
)

# The narrative chapters each document type starts with: (sleutel, titel). The startnotitie
# follows the Steenwijkerland seed; the others domain.md §2.2–2.6. A sleutel never changes:
# comments anchor to it. The structured parts (analysis per veld, priorities, goals) are
# sections added by the builder registered in `stappen.inhoud`.
STANDAARD_HOOFDSTUKKEN: dict[str, list[tuple[str, str]]] = {
    DocumentSoort.STARTNOTITIE: [
        ("inleiding", "Inleiding"),
        ("uitgangspunten", "Uitgangspunten"),
        ("bestuurlijke-rollen", "Bestuurlijke rollen"),
        ("veiligheidsvelden", "Veiligheidsvelden"),
        ("stappenplan", "Stappenplan"),
        ("werkgroep", "Werkgroep"),
        ("randvoorwaarden", "Randvoorwaarden"),
    ],
    DocumentSoort.VEILIGHEIDSANALYSE: [
        ("inleiding", "Inleiding"),
        ("samenvatting", "Samenvatting"),
        ("werkwijze-en-bronnen", "Werkwijze en bronnen"),
        ("trends", "Dominante trends en het verhaal achter de cijfers"),
        ("conclusies", "Conclusies"),
        ("aanbevelingen", "Aanbevelingen"),
    ],
    DocumentSoort.PRIORITERING: [
        ("inleiding", "Inleiding"),
        ("werkwijze", "Werkwijze en criteria"),
        ("raadsbijeenkomst", "Opiniërende bijeenkomst met de raad"),
        ("driehoek", "Bespreking in de driehoek"),
        ("afweging", "Afweging en motivatie"),
    ],
    DocumentSoort.IVP: [
        ("inleiding", "Inleiding"),
        ("missie-en-visie", "Missie en visie"),
        ("uitgangssituatie", "Uitgangssituatie"),
        ("prioriteiten", "Prioriteiten"),
        ("strategische-themas", "Overige strategische thema's"),
        ("organisatie", "Organisatie en samenwerking"),
        ("financien", "Financiën"),
        ("evaluatie", "Evaluatie"),
    ],
    DocumentSoort.UITVOERINGSPLAN: [
        ("inleiding", "Inleiding"),
        ("ivp-op-hoofdlijnen", "Het IVP op hoofdlijnen"),
        ("beleidscyclus", "Beleidscyclus"),
        ("activiteiten", "Activiteiten per prioriteit"),
        ("beheer", "Reguliere taken (beheer)"),
        ("planning-en-budget", "Planning en budget"),
    ],
    DocumentSoort.VOORTGANGSRAPPORTAGE: [
        ("inleiding", "Inleiding"),
        ("resultaten", "Resultaten per prioriteit"),
        ("voortgang", "Voortgang van de activiteiten"),
        ("evaluatie", "Evaluatie"),
        ("vooruitblik", "Vooruitblik op het volgende uitvoeringsplan"),
    ],
}


class BronSoort(models.TextChoices):
    """Where a figure in the veiligheidsanalyse comes from (domain.md §4)."""

    POLITIE = "politie", "Politie (open data)"
    CBS = "cbs", "CBS StatLine"
    VEILIGHEIDSMONITOR = "veiligheidsmonitor", "Veiligheidsmonitor"
    LEEFBAARHEIDSMONITOR = "leefbaarheidsmonitor", "Leefbaarheidsmonitor (Leefbaarometer)"
    ONDERMIJNINGSBEELD = "ondermijningsbeeld", "Ondermijningsbeeld (vertrouwelijk)"
    OVERIG = "overig", "Overige bron"


# Sources that are confidential by nature: never shown to the griffie or a lezer, never in a
# section meant for a public PDF.
VERTROUWELIJKE_BRONSOORTEN = frozenset({BronSoort.ONDERMIJNINGSBEELD})


class Criterium(models.TextChoices):
    """The criteria of the scoring matrix for the prioritering (domain.md §2.3)."""

    ERNST = "ernst", "Ernst"
    OMVANG = "omvang", "Omvang"
    TREND = "trend", "Trend"
    BEINVLOEDBAARHEID = "beinvloedbaarheid", "Beïnvloedbaarheid"
    MAATSCHAPPELIJKE_IMPACT = "maatschappelijke_impact", "Maatschappelijke impact"
    BESTUURLIJKE_URGENTIE = "bestuurlijke_urgentie", "Bestuurlijke urgentie"


SCORE_MIN = 1
SCORE_MAX = 5
GEWICHT_MAX = 10
GEWICHT_STANDAARD = 1


class EvaluatieScore(models.TextChoices):
    """How a doelstelling of the previous IVP turned out (the evaluation of the next one)."""

    BEHAALD = "behaald", "Behaald"
    DEELS = "deels", "Deels behaald"
    NIET = "niet", "Niet behaald"
    NIET_RELEVANT = "niet_relevant", "Niet meer relevant"


# --- PDF renderings (issue 10, docs/pdf.md) -------------------------------------------------


class WeergaveSoort(models.TextChoices):
    """The public rendering leaves the confidential parts out; the closed one is for the raad
    (or the college) in beslotenheid."""

    OPENBAAR = "openbaar", "Openbaar"
    BESLOTEN = "besloten", "Besloten (geheim)"


# A rendering is made in the background like any other file.
WeergaveStatus = AchtergrondStatus


# The bodies a stuk is written for (a voorstel and its PDF).
STUK_ORGANEN = (Orgaan.COLLEGE, Orgaan.RAAD)

# Why a source of this kind is left out of the public rendering.
VERTROUWELIJK_REDEN_STANDAARD = (
    "openbaarmaking weegt niet op tegen het belang van de opsporing en vervolging van "
    "strafbare feiten en de veiligheid van betrokkenen (art. 5.1 lid 2 onder c en d Woo)"
)
GEHEIM_MARKERING = "Geheim — art. 25 Gemeentewet"


class VergaderOrgaan(models.TextChoices):
    """Who meets in a gemeente's vergaderkalender (the bestuurlijke planning)."""

    COLLEGE = "college", "College van B&W"
    COMMISSIE = "commissie", "Raadscommissie"
    RAAD = "raad", "Gemeenteraad"


# The lead times a gemeente starts with, in werkdagen (docs/herinneringen.md). Practice: the
# stukken are with the college a week before its meeting; the raadsvoorstel is with the
# raadsleden two weeks before the commissie that prepares it; the commissie meets at least a
# week before the raad.
STANDAARD_TERMIJN_COLLEGE = 5
STANDAARD_TERMIJN_COMMISSIE = 10
STANDAARD_TERMIJN_RAAD = 5
# Steps whose product the raad decides, for which a raad meeting can be chosen.
RAADSSTAPPEN = (StapNummer.PRIORITERING, StapNummer.OPSTELLEN_IVP)
