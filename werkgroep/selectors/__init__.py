"""The reads the werkgroep pages need, each in a fixed number of queries however many
members, meetings or hour entries there are (sums and counts are done by the database).

Split by sub-domain: `leden` (members), `overzicht` (the werkgroep page), `bijeenkomsten`
(meetings, their agenda, actiepunten), `agendapunten` (what an agenda item can point at),
`uren` (budgets and hours), `agenda` (the calendar feed).
Every read that takes an id checks the permission and gives a 404 without access.
"""

from werkgroep.selectors.agenda import (
    agendafeed_van,
    bijeenkomsten_voor,
    feed_eigenaar,
    stappen_voor,
)
from werkgroep.selectors.agendapunten import Agendakeuzes, Keuzes, agenda_keuzes
from werkgroep.selectors.bijeenkomsten import (
    BijeenkomstPagina,
    BijeenkomstRegel,
    actiepunt_voor_status,
    bijeenkomst_pagina,
    is_uitvoeringsfase,
    niet_afzegbaar,
    nummer_bijeenkomsten,
    regie_bijeenkomst,
    werkgroep_bijeenkomst,
    zichtbare_bijeenkomst,
)
from werkgroep.selectors.leden import (
    LidRegel,
    kandidaten,
    leden_keuze,
    leden_met_velden,
    regie_lid,
    urenbudget_van,
    velden_van,
    werkgroep_van,
)
from werkgroep.selectors.overzicht import Dekking, WerkgroepPagina, dekking, werkgroep_pagina
from werkgroep.selectors.uren import (
    PER_PAGINA,
    StapUren,
    UrenPagina,
    UrenRegel,
    UrenSchrijven,
    eigen_registratie,
    export_rijen,
    registratie_historie,
    stappen_keuze,
    uren_pagina,
    uren_plan,
    uren_schrijven,
)

__all__ = [
    "PER_PAGINA",
    "Agendakeuzes",
    "BijeenkomstPagina",
    "BijeenkomstRegel",
    "Dekking",
    "Keuzes",
    "LidRegel",
    "StapUren",
    "UrenPagina",
    "UrenRegel",
    "UrenSchrijven",
    "WerkgroepPagina",
    "actiepunt_voor_status",
    "agenda_keuzes",
    "agendafeed_van",
    "bijeenkomst_pagina",
    "bijeenkomsten_voor",
    "dekking",
    "eigen_registratie",
    "export_rijen",
    "feed_eigenaar",
    "is_uitvoeringsfase",
    "kandidaten",
    "leden_keuze",
    "leden_met_velden",
    "niet_afzegbaar",
    "nummer_bijeenkomsten",
    "regie_bijeenkomst",
    "regie_lid",
    "registratie_historie",
    "stappen_keuze",
    "stappen_voor",
    "uren_pagina",
    "uren_plan",
    "uren_schrijven",
    "urenbudget_van",
    "velden_van",
    "werkgroep_bijeenkomst",
    "werkgroep_pagina",
    "werkgroep_van",
    "zichtbare_bijeenkomst",
]
