# A member's pages of its region (overname).
from regio.selectors.overname import REGIO_LEZERS as REGIO_LEZERS
from regio.selectors.overname import beslis_voorstel as beslis_voorstel
from regio.selectors.overname import mag_regio_lezen as mag_regio_lezen
from regio.selectors.overname import plan_aanvulling as plan_aanvulling
from regio.selectors.overname import regio_pagina as regio_pagina
from regio.selectors.overname import regio_plan as regio_plan
from regio.selectors.overname import voorstel_pagina as voorstel_pagina
