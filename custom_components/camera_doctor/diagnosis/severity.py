"""How urgent a cause is. Standard library only."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from . import readings
from .model import Cause, Diagnosis
from .readings import Thresholds


class Severity(StrEnum):
    """How urgent a cause is (see :func:`cause_severity`)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    NONE = "none"


_SEVERITY: Final[Mapping[Cause, Severity]] = MappingProxyType(
    {
        Cause.INTEGRATION_OFFLINE: Severity.ERROR,
        Cause.NO_CONNECTION: Severity.ERROR,
        Cause.UNEXPLAINED: Severity.ERROR,
        Cause.SYNC_MODULE_OFFLINE: Severity.ERROR,
        Cause.POWER_SUPPLY: Severity.ERROR,
        Cause.OVERHEATING: Severity.ERROR,
        Cause.LOW_BATTERY: Severity.WARNING,  # ERROR when critical
        Cause.WEAK_SIGNAL: Severity.WARNING,
        Cause.TOO_COLD: Severity.WARNING,
        Cause.FIRMWARE_OUTDATED: Severity.WARNING,
        Cause.FIRMWARE_UPDATING: Severity.INFO,
        Cause.NONE: Severity.NONE,
    }
)


def cause_severity(
    cause: Cause, diagnosis: Diagnosis, thresholds: Thresholds = Thresholds()
) -> Severity:
    """Return how urgent one of ``diagnosis``'s causes is.

    ``error``: the camera does not work, cannot be seen, or is at risk
    (``integration_offline``, ``no_connection``,
    ``unexplained``, ``sync_module_offline``, ``power_supply``,
    ``overheating``, and ``low_battery`` at or below ``battery_critical``).
    ``warning``: it works but needs attention (``weak_signal``, ``too_cold``,
    ``firmware_outdated``, other ``low_battery``). ``info``:
    ``firmware_updating``, transient and fixed by waiting. ``none``: healthy.
    """
    if cause is Cause.LOW_BATTERY:
        percent = readings.battery_percent(diagnosis.evidence.get("battery_percent"))
        limit = readings.sanitize_thresholds(thresholds).battery_critical
        if percent is not None and percent <= limit:
            return Severity.ERROR
    return _SEVERITY.get(cause, Severity.NONE)
