"""Every write of the uitvoering app, re-exported here: `plannen` (the plan of a year, its
activities, progress, next year's plan), `regionaal` (the region's shared activities),
`rapportage` (the voortgangsrapportage generated
from the data), `metingen` (indicator values entered by hand)."""

from uitvoering.rechten import mag_voortgang_schrijven
from uitvoering.services.metingen import eigen_indicator_koppel, meting_save
from uitvoering.services.plannen import (
    activiteit_create,
    activiteit_update,
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
from uitvoering.services.regionaal import (
    mag_regionaal_trekken,
    regionale_activiteit_create,
    regionale_activiteit_update,
)

__all__ = [
    "activiteit_create",
    "activiteit_update",
    "eigen_indicator_koppel",
    "evaluatie_van",
    "mag_regionaal_trekken",
    "mag_voortgang_schrijven",
    "meting_save",
    "rapportage_genereer",
    "rapportage_van",
    "regionale_activiteit_create",
    "regionale_activiteit_update",
    "uitvoeringsplan_maak",
    "uitvoeringsplan_volgend_jaar",
    "voortgang_save",
    "vorige_evaluatie",
]
