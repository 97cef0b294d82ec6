"""The forms of the stappen app, one module per sub-domain, re-exported here."""

from stappen.forms.documenten import (
    AntwoordForm,
    AuteurForm,
    BesluitForm,
    BesprekingForm,
    HoofdstukForm,
    OpmerkingForm,
    RaadInformatieForm,
    UitkomstForm,
    VersieForm,
)
from stappen.forms.inhoud import (
    AnalyseAuteurForm,
    AnalyseForm,
    BronForm,
    CiteerForm,
    DoelstellingForm,
    GewichtenScoresForm,
    PlaatsingenForm,
    PrioriteitForm,
    RaadplegingForm,
)
from stappen.forms.proces import (
    AanbiedenForm,
    BesprekingSluitenForm,
    HeropenForm,
    OvergangForm,
    PlanForm,
    StapPlanningForm,
)

__all__ = [
    "AanbiedenForm",
    "AnalyseAuteurForm",
    "AnalyseForm",
    "AntwoordForm",
    "AuteurForm",
    "BesluitForm",
    "BesprekingForm",
    "BesprekingSluitenForm",
    "BronForm",
    "CiteerForm",
    "DoelstellingForm",
    "GewichtenScoresForm",
    "HeropenForm",
    "HoofdstukForm",
    "OpmerkingForm",
    "OvergangForm",
    "PlaatsingenForm",
    "PlanForm",
    "PrioriteitForm",
    "RaadInformatieForm",
    "RaadplegingForm",
    "StapPlanningForm",
    "UitkomstForm",
    "VersieForm",
]
