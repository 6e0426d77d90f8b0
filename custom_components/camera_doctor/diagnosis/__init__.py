"""The pure diagnosis engine of Camera Doctor.

Readings in, diagnosis out: why a camera's status light flashes red and what
to do about it. Standard library only (a test enforces it), so it is tested
and reused without Home Assistant.
"""

from __future__ import annotations

from .conditions import (
    BATTERY_BAND,
    ESCALATION_GRACE_PERIODS,
    ESCALATION_MIN_MINUTES,
    NOTE_NIGHT_IR,
    PRECEDENCE,
    SIGNAL_BAND_BARS,
    SIGNAL_BAND_DBM,
    TEMPERATURE_BAND,
    bars_threshold,
    outage_wait,
)
from .engine import diagnose
from .model import (
    FIX_KEYS,
    RED_FLASH_CAUSES,
    Cause,
    Diagnosis,
    IntegrationReason,
    Observation,
)
from .notices import (
    MAX_NOTICES_PER_HOUR,
    OFFLINE_ERROR_AFTER,
    STUCK_UPDATE_AFTER,
    flap_hold,
    wanted_notices,
)
from .quiet import is_quiet, quiet_range
from .readings import Thresholds, sanitize_thresholds
from .severity import Severity, cause_severity

__all__ = [
    "BATTERY_BAND",
    "ESCALATION_GRACE_PERIODS",
    "ESCALATION_MIN_MINUTES",
    "FIX_KEYS",
    "MAX_NOTICES_PER_HOUR",
    "NOTE_NIGHT_IR",
    "OFFLINE_ERROR_AFTER",
    "PRECEDENCE",
    "RED_FLASH_CAUSES",
    "SIGNAL_BAND_BARS",
    "SIGNAL_BAND_DBM",
    "STUCK_UPDATE_AFTER",
    "TEMPERATURE_BAND",
    "Cause",
    "Diagnosis",
    "IntegrationReason",
    "Observation",
    "Severity",
    "Thresholds",
    "bars_threshold",
    "cause_severity",
    "diagnose",
    "flap_hold",
    "is_quiet",
    "outage_wait",
    "quiet_range",
    "sanitize_thresholds",
    "wanted_notices",
]
