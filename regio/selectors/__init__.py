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
