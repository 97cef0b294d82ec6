# Shared parts, the regional coordinator's side (delen).
from regio.services.delen import (
    deel_create,
    deel_delete,
    deel_publiceer,
    deel_tekst,
    deel_update,
    nieuwste_plannen,
    regio_lid_toevoegen,
    regio_verlaat,
    regiodoelstelling_create,
    regiodoelstelling_delete,
    regiodoelstelling_update,
    vereis_regio_regie,
    voorstel_url,
)

__all__ = [
    # delen
    "deel_create",
    "deel_delete",
    "deel_publiceer",
    "deel_tekst",
    "deel_update",
    "nieuwste_plannen",
    "regio_lid_toevoegen",
    "regio_verlaat",
    "regiodoelstelling_create",
    "regiodoelstelling_delete",
    "regiodoelstelling_update",
    "vereis_regio_regie",
    "voorstel_url",
]
