"""The models of the stappen app, one module per sub-domain, re-exported here.

- `proces`: Stap, Document, Besluit, Overgang (the two state machines and their log);
- `documenten`: Hoofdstuk, Versie, Bespreking, Opmerking (writing and reviewing);
- `inhoud`: Analyse, Bron, Prioritering, Weging, Score, Plaatsing, Doelstelling (steps 2–4);
- `meldingen`: Melding (in-app notifications);
- `vervolg`: Vervolg, Evaluatie (the next plan started from the previous one).
- `stukken`: Voorstel, Weergave (the voorstel and the PDF renderings, docs/pdf.md).
- `kalender`: Vergadering, Vergadertermijnen, Raadsplanning (the bestuurlijke planning).
- `inzage`: Inzage (who may read the confidential sources, docs/vertrouwelijk.md).
"""

from stappen.models.documenten import (
    MAX_CITAAT_TEKENS,
    MAX_HOOFDSTUK_TEKENS,
    MAX_OPMERKING_TEKENS,
    Bespreking,
    Hoofdstuk,
    Opmerking,
    Versie,
)
from stappen.models.inhoud import (
    JAAR_MAX,
    JAAR_MIN,
    Analyse,
    Bron,
    Doelstelling,
    Plaatsing,
    Prioritering,
    Score,
    Weging,
    vereis_meetbaar,
)
from stappen.models.inzage import Inzage
from stappen.models.kalender import Raadsplanning, Vergadering, Vergadertermijnen
from stappen.models.meldingen import Melding
from stappen.models.proces import Besluit, Document, Overgang, Stap, StatusModel
from stappen.models.stukken import MAX_VOORSTEL_TEKENS, Voorstel, Weergave, prive_opslag
from stappen.models.vervolg import Evaluatie, Vervolg

__all__ = [
    "JAAR_MAX",
    "JAAR_MIN",
    "MAX_CITAAT_TEKENS",
    "MAX_HOOFDSTUK_TEKENS",
    "MAX_OPMERKING_TEKENS",
    "MAX_VOORSTEL_TEKENS",
    "Analyse",
    "Besluit",
    "Bespreking",
    "Bron",
    "Document",
    "Doelstelling",
    "Evaluatie",
    "Hoofdstuk",
    "Inzage",
    "Melding",
    "Opmerking",
    "Overgang",
    "Plaatsing",
    "Prioritering",
    "Raadsplanning",
    "Score",
    "Stap",
    "StatusModel",
    "Vergadering",
    "Vergadertermijnen",
    "Versie",
    "Vervolg",
    "Voorstel",
    "Weergave",
    "Weging",
    "prive_opslag",
    "vereis_meetbaar",
]
