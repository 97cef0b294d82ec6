"""Every read of the stappen app that a page needs, one module per sub-domain, re-exported
here. Each keeps its page's query count flat however large the data grows.

- `proces`: the start page, the plan page and the plan's state the guards read (`laad_stand`);
- `documenten`: documents, versions, comparison, threads, reactienota;
- `inhoud`: the content pages of steps 2–4;
- `meldingen`: unread notifications;
- `bestuur`: the bestuurder's start page and the griffie's page;
- `inzage`: who may read the confidential sources.
"""

from stappen.selectors.bestuur import (
    BestuurderOverzicht,
    Raadsstuk,
    bestuurder_overzicht,
    griffie_stukken,
)
from stappen.selectors.documenten import (
    MAX_OPEN_DRADEN,
    DocumentPagina,
    Draden,
    HoofdstukRegel,
    Reactienota,
    SectieDraden,
    Vergelijking,
    VersiePagina,
    document_pagina,
    documenten_van_plan,
    hoofdstuk_voor_bewerken,
    nog_niet_gereageerd,
    opmerking_draad,
    opmerking_voor_actie,
    reactienota,
    regie_document,
    regie_hoofdstuk,
    sectie_draden,
    vergelijking,
    versie_pagina,
    versie_van,
    werkgroepleden_van,
    zichtbaar_concept,
    zichtbaar_document,
)
from stappen.selectors.inhoud import (
    Kandidaat,
    PrioriteringStand,
    Toegang,
    VeldAnalyse,
    analyse_voor_bewerking,
    analyses_van,
    beleidsdocumenten_van,
    bron_van,
    doelstelling_van,
    gewogen_score,
    inhoud_toegang,
    prioriteit_van,
    prioriteiten_van,
    prioritering_stand,
    strategische_themas_van,
)
from stappen.selectors.inzage import InzagePagina, inzage_pagina
from stappen.selectors.meldingen import (
    ongelezen_meldingen,
)
from stappen.selectors.proces import (
    PlanPagina,
    StapRegel,
    laad_stand,
    plan_pagina,
    plannen_voor,
    regie_stap,
)
from stappen.selectors.vaststelling import open_punten

__all__ = [
    "MAX_OPEN_DRADEN",
    "BestuurderOverzicht",
    "DocumentPagina",
    "Draden",
    "HoofdstukRegel",
    "InzagePagina",
    "Kandidaat",
    "PlanPagina",
    "PrioriteringStand",
    "Raadsstuk",
    "Reactienota",
    "SectieDraden",
    "StapRegel",
    "Toegang",
    "VeldAnalyse",
    "Vergelijking",
    "VersiePagina",
    "analyse_voor_bewerking",
    "analyses_van",
    "beleidsdocumenten_van",
    "bestuurder_overzicht",
    "bron_van",
    "document_pagina",
    "documenten_van_plan",
    "doelstelling_van",
    "gewogen_score",
    "griffie_stukken",
    "hoofdstuk_voor_bewerken",
    "inhoud_toegang",
    "inzage_pagina",
    "laad_stand",
    "nog_niet_gereageerd",
    "ongelezen_meldingen",
    "open_punten",
    "opmerking_draad",
    "opmerking_voor_actie",
    "plan_pagina",
    "plannen_voor",
    "prioriteit_van",
    "prioriteiten_van",
    "prioritering_stand",
    "reactienota",
    "regie_document",
    "regie_hoofdstuk",
    "regie_stap",
    "sectie_draden",
    "strategische_themas_van",
    "vergelijking",
    "versie_pagina",
    "versie_van",
    "werkgroepleden_van",
    "zichtbaar_concept",
    "zichtbaar_document",
]
