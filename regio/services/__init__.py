# A member's decisions on its region's proposals (overname).
from regio.services.overname import AL_BESLOTEN as AL_BESLOTEN
from regio.services.overname import voorstel_aanvaard as voorstel_aanvaard
from regio.services.overname import voorstel_wijs_af as voorstel_wijs_af
