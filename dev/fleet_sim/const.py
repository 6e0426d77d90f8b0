"""Constants for the simulated camera fleet (development only)."""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from homeassistant.const import Platform

DOMAIN: Final = "fleet_sim"

PLATFORMS: Final = [
    Platform.ALARM_CONTROL_PANEL,
    Platform.BINARY_SENSOR,
    Platform.CAMERA,
    Platform.SENSOR,
    Platform.SWITCH,
    Platform.UPDATE,
]

BLINK_BRAND: Final = "Blink"
BLINK_ATTRIBUTION: Final = "Data provided by immedia-semi.com"
RING_BRAND: Final = "Ring"

CONF_CAMERAS: Final = "cameras"
CONF_BATTERY_LEVELS: Final = "battery_levels"
ATTR_FAULT: Final = "fault"
SERVICE_INJECT_FAULT: Final = "inject_fault"
SERVICE_HEAL: Final = "heal"

DRIFT_INTERVAL_SECONDS: Final = 60
INSTALL_SECONDS: Final = 5


class Fault(StrEnum):
    """Faults that can be injected into a simulated camera."""

    BATTERY_LOW = "battery_low"
    OFFLINE = "offline"
    WEAK_SIGNAL = "weak_signal"
    UPDATING = "updating"
    UPDATE_AVAILABLE = "update_available"
    HOT = "hot"
    COLD = "cold"
    SYNC_MODULE_OFFLINE = "sync_module_offline"
    POWER_FAULT = "power_fault"
    STALE = "stale"
    # The whole fleet's cloud: every entity of the integration unavailable at
    # once, as when a cloud poll or the account's login fails.
    CLOUD_OUTAGE = "cloud_outage"


# What each fault forces the readings to.
HOT_C: Final = 50.0  # 122 °F
COLD_C: Final = -25.0  # -13 °F
WEAK_DBM: Final = -85
WEAK_BARS: Final = 1
LOW_BATTERY_PERCENT: Final = 5
