"""Where a reading can move without changing a diagnosis. Standard library only.

A caller that knows which reading changed can skip a whole re-diagnosis
while the reading stays inside its quiet range: the range in which the
engine, given the causes already active (and their hysteresis), reaches the
same causes and the same evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
import math
from typing import Final

from . import readings
from .model import Cause, Diagnosis
from .readings import Thresholds

# Temperatures come in °C (the caller converts them from their own unit).
_COERCE: Final[dict[str, Callable[[object], float | None]]] = {
    "battery_percent": readings.battery_percent,
    "signal_dbm": readings.signal_dbm,
    "temperature_c": partial(readings.plausible, "temperature_c"),
}


def quiet_range(
    reading: str, diagnosis: Diagnosis, thresholds: Thresholds = Thresholds()
) -> tuple[float, float] | None:
    """The open interval ``reading`` may move in without changing ``diagnosis``.

    ``None`` when every change of the reading matters: it is part of the
    evidence (a cause it raised is active or waiting out its grace period),
    or it is not a known reading.
    """
    if reading not in _COERCE or reading in diagnosis.evidence:
        return None
    limits = readings.sanitize_thresholds(thresholds)
    causes = {*diagnosis.causes, *diagnosis.pending}
    if reading == "battery_percent":
        # Raised at or below the low level; not raised, it stays so above it.
        if Cause.LOW_BATTERY in causes:
            return None
        return (limits.battery_low, math.inf)
    if reading == "signal_dbm":
        if Cause.WEAK_SIGNAL in causes:
            return None
        return (limits.signal_weak, math.inf)
    # Heat and cold from a reading put temperature_c in the evidence (checked
    # above); a camera that says it is too cold stays so whatever it reads.
    return (limits.temperature_low, limits.temperature_high)


def is_quiet(
    reading: str,
    before: object,
    after: object,
    diagnosis: Diagnosis,
    thresholds: Thresholds = Thresholds(),
) -> bool:
    """Whether ``reading`` moving from ``before`` to ``after`` changes nothing.

    Both values must be valid readings inside the quiet range; anything
    unknown, out of range or garbage is never quiet.
    """
    band = quiet_range(reading, diagnosis, thresholds)
    if band is None:
        return False
    coerce = _COERCE[reading]
    values = (coerce(before), coerce(after))
    return all(value is not None and band[0] < value < band[1] for value in values)
