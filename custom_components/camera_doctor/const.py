"""Constants of the Camera Doctor integration (the public contract)."""

from __future__ import annotations

import logging
from typing import Final

DOMAIN: Final = "camera_doctor"
TITLE: Final = "Camera Doctor"
CAMERA_DOMAIN: Final = "camera"
LOGGER = logging.getLogger(__package__)

# A notice's "Learn more" opens its page: docs/causes/<notice key>.md.
DOCS_URL: Final = "https://github.com/camera-doctor/camera-doctor/blob/main/docs"


def learn_more_url(key: str) -> str:
    """The page of a notice: a cause key, ``battery_forecast`` or ``missing_readings``."""
    return f"{DOCS_URL}/causes/{key}.md"


# Option keys (public: automations and acceptance tests rely on them).
CONF_EXCLUDE: Final = "exclude"
CONF_BATTERY_LOW: Final = "battery_low"
CONF_BATTERY_CRITICAL: Final = "battery_critical"
CONF_SIGNAL_WEAK: Final = "signal_weak"
CONF_TEMPERATURE_HIGH: Final = "temperature_high"
CONF_TEMPERATURE_LOW: Final = "temperature_low"
CONF_GRACE_MINUTES: Final = "grace_minutes"
CONF_STALE_HOURS: Final = "stale_hours"
CONF_STALE_ALL_BRANDS: Final = "stale_all_brands"
CONF_FORECAST_DAYS: Final = "forecast_days"

# Bus event and its data keys.
EVENT_DIAGNOSIS: Final = "camera_doctor_diagnosis"
ATTR_CAUSE: Final = "cause"
ATTR_CAUSES: Final = "causes"
ATTR_PREVIOUS_CAUSE: Final = "previous_cause"
ATTR_FIX: Final = "fix"
ATTR_EVIDENCE: Final = "evidence"
ATTR_SINCE: Final = "since"
ATTR_NOTES: Final = "notes"
ATTR_PENDING: Final = "pending"
ATTR_BATTERIES_REPLACED: Final = "batteries_replaced"

# Entity keys.
KEY_RED_FLASH_CAUSE: Final = "red_flash_cause"
KEY_RECOMMENDED_FIX: Final = "recommended_fix"
KEY_RED_FLASH: Final = "red_flash"
KEY_DIAGNOSIS: Final = "diagnosis"
KEY_BATTERY_FORECAST: Final = "battery_forecast"
EVENT_TYPE_CLEARED: Final = "cleared"

# Actions.
SERVICE_DIAGNOSE: Final = "diagnose"
SERVICE_RECHECK: Final = "recheck"
SERVICE_BATTERY_REPLACED: Final = "battery_replaced"

# Device triggers.
TRIGGER_CAUSE_DETECTED: Final = "cause_detected"
TRIGGER_CLEARED: Final = "cleared"

# (platform, key) of every entity created per camera.
ENTITY_KEYS: Final = (
    ("sensor", KEY_RED_FLASH_CAUSE),
    ("sensor", KEY_RECOMMENDED_FIX),
    ("binary_sensor", KEY_RED_FLASH),
    ("event", KEY_DIAGNOSIS),
)
# Those and the ones only some cameras get (a battery that reports a level).
ALL_ENTITY_KEYS: Final = (*ENTITY_KEYS, ("sensor", KEY_BATTERY_FORECAST))
