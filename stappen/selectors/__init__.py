"""Every read of the stappen app that a page needs, one module per sub-domain, re-exported
here. Each keeps its page's query count flat however large the data grows.

- `proces`: the start page, the plan page and the plan's state the guards read (`laad_stand`);
- `documenten`: documents, versions, comparison, threads, reactienota;
- `inhoud`: the content pages of steps 2–4;
- `meldingen`: unread notifications.
"""

from stappen.selectors.documenten import (
    DocumentPagina,
    HoofdstukRegel,
    Reactienota,
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

__all__ = [
    "DocumentPagina",
    "HoofdstukRegel",
    "Kandidaat",
    "PlanPagina",
    "PrioriteringStand",
    "Reactienota",
    "StapRegel",
    "Toegang",
    "VeldAnalyse",
    "Vergelijking",
    "VersiePagina",
    "analyse_voor_bewerking",
    "analyses_van",
    "beleidsdocumenten_van",
    "bron_van",
    "document_pagina",
    "documenten_van_plan",
    "doelstelling_van",
    "gewogen_score",
    "hoofdstuk_voor_bewerken",
    "inhoud_toegang",
    "laad_stand",
    "nog_niet_gereageerd",
    "ongelezen_meldingen",
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
    "strategische_themas_van",
    "vergelijking",
    "versie_pagina",
    "versie_van",
    "werkgroepleden_van",
    "zichtbaar_concept",
    "zichtbaar_document",
]
