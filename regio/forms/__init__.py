# Shared parts, the regional coordinator's forms (delen).
from regio.forms.delen import (
    DeelForm,
    LidToevoegenForm,
    PubliceerForm,
    RegiodoelstellingForm,
)

__all__ = ["DeelForm", "LidToevoegenForm", "PubliceerForm", "RegiodoelstellingForm"]
