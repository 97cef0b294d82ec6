"""Every read of the stappen app that a page needs, one module per sub-domain, re-exported
here. Each keeps its page's query count flat however large the data grows.

- `proces`: the start page, the plan page and the plan's state the guards read (`laad_stand`);
- `documenten`: documents, versions, threads (`draden`: a section's threads as the pages show
  them); `versievergelijking`: comparing two versions;
  `reactienota`: the reactienota;
- `inhoud`: the content pages of steps 2–4;
- `meldingen`: unread notifications;
- `bestuur`: the bestuurder's start page; `griffie`: the griffie's page and its exports;
- `geschiedenis`: the history of documents and chapters, the plan's log; `woo`: the
  decision record of a plan;
- `stukken`: voorstellen and PDF renderings (docs/pdf.md);
- `kalender`: the vergaderkalender and the bestuurlijke planning;
- `inzage`: who may read the confidential sources.
"""

from stappen.selectors.bestuur import (
    BestuurderOverzicht,
    bestuurder_overzicht,
)
from stappen.selectors.cijfers import (
    AnalyseCijfers,
    Gemeten,
    analyse_cijfers,
    doelstelling_waarden,
)
from stappen.selectors.documenten import (
    DocumentPagina,
    HoofdstukRegel,
    SectieDraden,
    VersiePagina,
    document_pagina,
    documenten_van_plan,
    hoofdstuk_voor_bewerken,
    nog_niet_gereageerd,
    opmerking_draad,
    opmerking_voor_actie,
    plan_document,
    regie_document,
    regie_hoofdstuk,
    sectie_draden,
    versie_pagina,
    versie_van,
    werkgroepleden_van,
    zichtbaar_concept,
    zichtbaar_document,
)
from stappen.selectors.draden import MAX_OPEN_DRADEN, DraadRij, Draden
from stappen.selectors.geschiedenis import (
    Geschiedenis,
    Logboek,
    Logregel,
    Wijziging,
    document_geschiedenis,
    hoofdstuk_geschiedenis,
    mag_logboek_zien,
    plan_logboek,
)
from stappen.selectors.griffie import (
    METADATA_VELDEN,
    NIET_GEAGENDEERD,
    Stuk,
    Vergadering,
    griffie_stukken,
    griffie_vergadering,
    griffie_vergaderingen,
    metadata,
    raadsvergadering,
    vergadering_bestanden,
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
from stappen.selectors.kalender import raadsvergadering_van
from stappen.selectors.meldingen import (
    aantal_ongelezen,
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
from stappen.selectors.reactienota import NOTA_DRADEN_PER_PAGINA, Reactienota, reactienota
from stappen.selectors.stukken import (
    StukPagina,
    downloadbare_weergave,
    griffie_weergaven,
    regie_versie,
    regie_weergave,
    stuk_orgaan,
    stuk_pagina,
)
from stappen.selectors.vaststelling import open_punten
from stappen.selectors.versievergelijking import Vergelijking, vergelijking
from stappen.selectors.woo import (
    INDEX_VELDEN,
    Dossier,
    Dossierregel,
    besluitvormingsdossier,
    dossier_bestanden,
)

__all__ = [
    "INDEX_VELDEN",
    "MAX_OPEN_DRADEN",
    "METADATA_VELDEN",
    "NIET_GEAGENDEERD",
    "NOTA_DRADEN_PER_PAGINA",
    "AnalyseCijfers",
    "BestuurderOverzicht",
    "DocumentPagina",
    "Dossier",
    "Dossierregel",
    "DraadRij",
    "Draden",
    "Gemeten",
    "Geschiedenis",
    "HoofdstukRegel",
    "InzagePagina",
    "Kandidaat",
    "Logboek",
    "Logregel",
    "PlanPagina",
    "PrioriteringStand",
    "Reactienota",
    "SectieDraden",
    "StapRegel",
    "Stuk",
    "StukPagina",
    "Toegang",
    "VeldAnalyse",
    "Vergadering",
    "Vergelijking",
    "VersiePagina",
    "Wijziging",
    "aantal_ongelezen",
    "analyse_cijfers",
    "analyse_voor_bewerking",
    "analyses_van",
    "beleidsdocumenten_van",
    "besluitvormingsdossier",
    "bestuurder_overzicht",
    "bron_van",
    "document_geschiedenis",
    "document_pagina",
    "documenten_van_plan",
    "doelstelling_van",
    "doelstelling_waarden",
    "dossier_bestanden",
    "downloadbare_weergave",
    "gewogen_score",
    "griffie_stukken",
    "griffie_vergadering",
    "griffie_vergaderingen",
    "griffie_weergaven",
    "hoofdstuk_geschiedenis",
    "hoofdstuk_voor_bewerken",
    "inhoud_toegang",
    "inzage_pagina",
    "laad_stand",
    "mag_logboek_zien",
    "metadata",
    "nog_niet_gereageerd",
    "ongelezen_meldingen",
    "open_punten",
    "opmerking_draad",
    "opmerking_voor_actie",
    "plan_document",
    "plan_logboek",
    "plan_pagina",
    "plannen_voor",
    "prioriteit_van",
    "prioriteiten_van",
    "prioritering_stand",
    "raadsvergadering",
    "raadsvergadering_van",
    "reactienota",
    "regie_document",
    "regie_hoofdstuk",
    "regie_stap",
    "regie_versie",
    "regie_weergave",
    "sectie_draden",
    "strategische_themas_van",
    "stuk_orgaan",
    "stuk_pagina",
    "vergadering_bestanden",
    "vergelijking",
    "versie_pagina",
    "versie_van",
    "werkgroepleden_van",
    "zichtbaar_concept",
    "zichtbaar_document",
]
