"""The models of the stappen app, one module per sub-domain, re-exported here.

- `proces`: Stap, Document, Besluit, Overgang (the two state machines and their log);
- `documenten`: Hoofdstuk, Versie, Bespreking, Opmerking (writing and reviewing);
- `inhoud`: Analyse, Bron, Prioritering, Weging, Score, Plaatsing, Doelstelling (steps 2–4);
- `meldingen`: Melding (in-app notifications);
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
)
from stappen.models.inzage import Inzage
from stappen.models.meldingen import Melding
from stappen.models.proces import Besluit, Document, Overgang, Stap, StatusModel

__all__ = [
    "JAAR_MAX",
    "JAAR_MIN",
    "MAX_CITAAT_TEKENS",
    "MAX_HOOFDSTUK_TEKENS",
    "MAX_OPMERKING_TEKENS",
    "Analyse",
    "Besluit",
    "Bespreking",
    "Bron",
    "Document",
    "Doelstelling",
    "Hoofdstuk",
    "Inzage",
    "Melding",
    "Opmerking",
    "Overgang",
    "Plaatsing",
    "Prioritering",
    "Score",
    "Stap",
    "StatusModel",
    "Versie",
    "Weging",
]
