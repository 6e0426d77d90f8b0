"""Frozen readings: the camera Home Assistant still shows as online.

Some clouds (Blink) keep serving the last readings of a camera that died, so
Home Assistant shows it as ``idle`` with its old battery, Wi-Fi and
temperature. A live camera's readings move (temperature drifts, Wi-Fi
jitters); :func:`next_freshness` says, from the readings seen last, when they
last moved.

A freeze only counts while the source integration is still writing the
camera's state (its ``last_reported`` time is recent): when the whole
integration stops updating, nothing moves, and that is not the camera's
fault, so the camera is left alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from homeassistant.core import State
from homeassistant.util import dt as dt_util

from .profiles import ChangingReadings

# The source counts as updating when it wrote the camera's state this recently
# (Blink polls every 5 minutes).
SOURCE_UPDATING_WINDOW = timedelta(minutes=30)


@dataclass(frozen=True, slots=True)
class Freshness:
    """The last readings seen for one camera and when they last changed."""

    readings: Mapping[str, float | str]
    changed_at: datetime

    def as_dict(self) -> dict[str, Any]:
        """JSON-safe data for the store."""
        return {
            "readings": dict(self.readings),
            "changed_at": self.changed_at.isoformat(),
        }

    @classmethod
    def from_dict(cls, raw: object) -> Freshness | None:
        """Read back what :meth:`as_dict` wrote; anything unreadable is ``None``."""
        if not isinstance(raw, Mapping) or not isinstance(raw.get("readings"), dict):
            return None
        changed_at = dt_util.parse_datetime(str(raw.get("changed_at")))
        if changed_at is None:
            return None
        readings = {
            name: value
            for name, value in raw["readings"].items()
            if isinstance(value, (int, float, str)) and not isinstance(value, bool)
        }
        return cls(readings, changed_at)


def source_updating(state: State | None, now: datetime) -> bool:
    """Whether the source integration still writes this state."""
    if state is None:
        return False
    return now - state.last_reported <= SOURCE_UPDATING_WINDOW


def next_freshness(
    seen: Freshness | None, readings: ChangingReadings, now: datetime
) -> Freshness | None:
    """The freshness after seeing ``readings`` now (``seen``: before).

    A camera that reports none of the measured readings (a Blink Mini, a
    camera that is unavailable) gives ``None``: missing is not frozen.
    Readings that only move on motion (thumbnail, last recording) are
    tracked with the measured ones but are never enough on their own: a
    quiet room is not a dead camera.
    """
    if not any(isinstance(value, (int, float)) for value in readings.values()):
        return None
    if seen is None or seen.readings != readings:
        return Freshness(dict(readings), now)
    return seen
