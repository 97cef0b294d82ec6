"""The region's forms, one module per sub-domain (delen: the regional coordinator's;
overname: a member's decisions)."""

# Shared parts, the regional coordinator's forms (delen).
from regio.forms.delen import (
    DeelForm,
    LidToevoegenForm,
    PubliceerForm,
    RegiodoelstellingForm,
)

__all__ = ["DeelForm", "LidToevoegenForm", "PubliceerForm", "RegiodoelstellingForm"]
