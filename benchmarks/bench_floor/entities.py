"""The stand-in entities of a camera (see ``__init__``).

Camera Doctor's four entities on every camera, and the fifth, the battery
forecast (a timestamp sensor showing "unknown", with the attributes that say
how sure it is), on a camera whose device has a battery sensor in % (the
cameras Camera Doctor forecasts).
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.binary_sensor import (
    BinarySensorDeviceClass,
    BinarySensorEntity,
)
from homeassistant.components.event import EventEntity
from homeassistant.components.sensor import SensorDeviceClass, SensorEntity
from homeassistant.config_entries import ConfigEntry
from homeassistant.const import MAJOR_VERSION, MINOR_VERSION, EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.helpers.entity import Entity

# The keys of the four entities, by platform (Camera Doctor's entity keys).
FORECAST_KEY = "battery_forecast"
KEYS: dict[str, tuple[str, ...]] = {
    "sensor": ("red_flash_cause", "recommended_fix"),
    "binary_sensor": ("red_flash",),
    "event": ("diagnosis",),
}
HEALTHY_ATTRIBUTES: dict[str, Any] = {
    "causes": [],
    "evidence": {},
    "since": "2026-01-01T00:00:00+00:00",
    "notes": [],
}
# What the battery forecast says of itself while it is unknown (how sure it
# is: issue 21), as Camera Doctor shows it on a camera with one reading.
UNKNOWN_FORECAST_ATTRIBUTES: dict[str, Any] = {
    "forecast": "not_enough_data",
    "rate_per_day": None,
    "days_of_data": 0.0,
    "points": 1,
    "changed_at": None,
}


def cameras(hass: HomeAssistant) -> list[er.RegistryEntry]:
    """Every camera entity the registry knows, on a device."""
    return [
        entry
        for entry in er.async_get(hass).entities.values()
        if entry.domain == "camera" and entry.device_id is not None
    ]


class FloorEntity(Entity):
    """Linked to the camera's device as Camera Doctor links its entities."""

    _attr_has_entity_name = True
    _attr_should_poll = False
    _attr_entity_category = EntityCategory.DIAGNOSTIC

    def __init__(self, hass: HomeAssistant, camera: er.RegistryEntry, key: str) -> None:
        """Name it by its key and put it on the camera's device."""
        self._attr_unique_id = f"{camera.platform}_{camera.unique_id}_{key}"
        self._attr_name = key
        device = dr.async_get(hass).async_get(camera.device_id or "")
        if device is None:
            return
        if (MAJOR_VERSION, MINOR_VERSION) >= (2025, 8):
            self.device_entry = device
        else:
            self._attr_device_info = dr.DeviceInfo(
                identifiers=device.identifiers, connections=device.connections
            )


class FloorSensor(FloorEntity, SensorEntity):
    """The cause or the fix: an enum showing ``none``."""

    _attr_device_class = SensorDeviceClass.ENUM
    _attr_native_value = "none"

    def __init__(
        self,
        hass: HomeAssistant,
        camera: er.RegistryEntry,
        key: str,
        options: list[str],
        attributes: dict[str, Any] | None = None,
    ) -> None:
        """The sensor ``key`` with its options (and attributes)."""
        super().__init__(hass, camera, key)
        self._attr_options = options
        if attributes is not None:
            self._attr_extra_state_attributes = dict(attributes)


class FloorForecast(FloorEntity, SensorEntity):
    """The battery forecast: a timestamp not known yet, and how sure it is."""

    _attr_device_class = SensorDeviceClass.TIMESTAMP
    _attr_native_value = None

    def __init__(self, hass: HomeAssistant, camera: er.RegistryEntry, key: str) -> None:
        """The forecast sensor ``key``, with the attributes of an unknown one."""
        super().__init__(hass, camera, key)
        self._attr_extra_state_attributes = dict(UNKNOWN_FORECAST_ATTRIBUTES)


def battery_in_percent(hass: HomeAssistant, camera: er.RegistryEntry) -> bool:
    """Whether the camera's device has a battery sensor in %."""
    return any(
        entry.domain == "sensor"
        and (entry.device_class or entry.original_device_class) == "battery"
        and entry.unit_of_measurement in (None, "%")
        for entry in er.async_entries_for_device(
            er.async_get(hass), camera.device_id or ""
        )
    )


class FloorBinarySensor(FloorEntity, BinarySensorEntity):
    """The red flash: a problem sensor that is off."""

    _attr_device_class = BinarySensorDeviceClass.PROBLEM
    _attr_is_on = False


class FloorEvent(FloorEntity, EventEntity):
    """The diagnosis event entity."""


def build(hass: HomeAssistant, entry: ConfigEntry, platform: str) -> list[Entity]:
    """The entities of one platform for every camera."""
    causes, fixes = entry.data["causes"], entry.data["fixes"]
    cause, fix = KEYS["sensor"]
    entities: list[Entity] = []
    for camera in cameras(hass):
        if platform == "sensor":
            entities.append(
                FloorSensor(hass, camera, cause, causes, HEALTHY_ATTRIBUTES)
            )
            entities.append(FloorSensor(hass, camera, fix, fixes))
            if battery_in_percent(hass, camera):
                entities.append(FloorForecast(hass, camera, FORECAST_KEY))
        elif platform == "binary_sensor":
            entities.append(FloorBinarySensor(hass, camera, *KEYS[platform]))
        else:
            event = FloorEvent(hass, camera, *KEYS[platform])
            event._attr_event_types = [*causes, "cleared"]  # noqa: SLF001
            entities.append(event)
    return entities
