# Shared parts, the regional coordinator's pages (delen).
from regio.selectors.delen import (
    DeelGeschiedenis,
    DeelPagina,
    Ledenpagina,
    Publicatievoorbereiding,
    RegioPagina,
    deel_geschiedenis,
    deel_pagina,
    ledenpagina,
    lid_van_regio,
    publicatie_voorbereiding,
    regie_deel,
    regie_regio,
    regie_regiodoelstelling,
    regio_pagina,
)

__all__ = [
    # delen
    "DeelGeschiedenis",
    "DeelPagina",
    "Ledenpagina",
    "Publicatievoorbereiding",
    "RegioPagina",
    "deel_geschiedenis",
    "deel_pagina",
    "ledenpagina",
    "lid_van_regio",
    "publicatie_voorbereiding",
    "regie_deel",
    "regie_regio",
    "regie_regiodoelstelling",
    "regio_pagina",
]

# A member's pages of its region (overname).
from regio.selectors.overname import REGIO_LEZERS as REGIO_LEZERS
from regio.selectors.overname import afgewezen_deel as afgewezen_deel
from regio.selectors.overname import beslis_voorstel as beslis_voorstel
from regio.selectors.overname import mag_regio_lezen as mag_regio_lezen
from regio.selectors.overname import plan_aanvulling as plan_aanvulling
from regio.selectors.overname import plan_regio_pagina as plan_regio_pagina
from regio.selectors.overname import regio_plan as regio_plan
from regio.selectors.overname import voorstel_pagina as voorstel_pagina
