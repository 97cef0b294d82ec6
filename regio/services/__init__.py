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

# A member's decisions on its region's proposals (overname).
from regio.services.overname import AL_BESLOTEN as AL_BESLOTEN
from regio.services.overname import NIET_AFGEWEZEN as NIET_AFGEWEZEN
from regio.services.overname import overname_heroverweeg as overname_heroverweeg
from regio.services.overname import voorstel_aanvaard as voorstel_aanvaard
from regio.services.overname import voorstel_wijs_af as voorstel_wijs_af
