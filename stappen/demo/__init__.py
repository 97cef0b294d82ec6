"""Demo plans: Steenwijkerland's IVP 2019–2022 (extended, all steps done) and its IVP
2023–2026 (steps 1 and 2 done, prioritering under way), the plans its three neighbours just
started; the vergaderkalender of Steenwijkerland and Staphorst, and the current IVP planned
for a raad meeting.

Everything goes through the services, so the demo obeys the same guards as a user.
"""

from __future__ import annotations

from ivp.demo import Demo
from stappen.demo import kalender, nieuw_plan, vorig_plan


def laad(demo: Demo) -> None:
    vorig_plan.laad(demo)
    nieuw_plan.laad(demo)
    nieuw_plan.laad_buren(demo)
    kalender.laad(demo)
