"""Every write of the uitvoering app, re-exported here: `plannen` (the plan of a year, its
activities, progress, next year's plan), `rapportage` (the voortgangsrapportage generated
from the data), `metingen` (indicator values entered by hand)."""

from uitvoering.services.metingen import eigen_indicator_koppel, meting_save
from uitvoering.services.plannen import (
    activiteit_create,
    activiteit_update,
    mag_voortgang_schrijven,
    uitvoeringsplan_maak,
    uitvoeringsplan_volgend_jaar,
    voortgang_save,
)
from uitvoering.services.rapportage import (
    evaluatie_van,
    rapportage_genereer,
    rapportage_van,
    vorige_evaluatie,
)

__all__ = [
    "activiteit_create",
    "activiteit_update",
    "eigen_indicator_koppel",
    "evaluatie_van",
    "mag_voortgang_schrijven",
    "meting_save",
    "rapportage_genereer",
    "rapportage_van",
    "uitvoeringsplan_maak",
    "uitvoeringsplan_volgend_jaar",
    "voortgang_save",
    "vorige_evaluatie",
]
