"""The floor: Home Assistant's own cost of the four entities the contract asks for.

``bench_floor`` is a stand-in integration (mocked with the harness's
``mock_integration``) that gives every camera the same four entities Camera
Doctor does, on the camera's own device and linked the same way: the cause
and fix sensors (enum, same options, the cause sensor with the same healthy
attributes), the red-flash problem binary sensor and the diagnosis event
entity (same event types). They show a fixed healthy state and do nothing
else: no discovery, no subscription, no diagnosis.

What Camera Doctor costs beyond this floor is its own work; the floor itself
is what any integration pays for four entities per camera.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from homeassistant.components.binary_sensor import BinarySensorEntity
from homeassistant.components.event import EventEntity
from homeassistant.components.sensor import SensorEntity
from homeassistant.config_entries import ConfigEntry, ConfigFlow
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity import Entity, EntityDescription
from homeassistant.helpers.entity_platform import AddEntitiesCallback
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockModule,
    MockPlatform,
    mock_integration,
    mock_platform,
)

from custom_components.camera_doctor.binary_sensor import RED_FLASH
from custom_components.camera_doctor.compat import link_entity_to_device
from custom_components.camera_doctor.const import (
    ATTR_CAUSES,
    ATTR_EVIDENCE,
    ATTR_NOTES,
    ATTR_SINCE,
)
from custom_components.camera_doctor.event import DIAGNOSIS_EVENT
from custom_components.camera_doctor.sensor import SENSORS

from .harness import Camera

FLOOR = "bench_floor"
# The platforms and entity keys of the four entities, as Camera Doctor's.
FLOOR_KEYS: tuple[tuple[str, str], ...] = (
    *(("sensor", description.key) for description in SENSORS),
    ("binary_sensor", RED_FLASH.key),
    ("event", DIAGNOSIS_EVENT.key),
)
_HEALTHY_ATTRIBUTES: dict[str, Any] = {
    ATTR_CAUSES: [],
    ATTR_EVIDENCE: {},
    ATTR_SINCE: "2026-01-01T00:00:00+00:00",
    ATTR_NOTES: [],
}


class _FloorFlow(ConfigFlow, domain=FLOOR):
    """Lets the stand-in's config entry be set up (defining it registers it)."""

    VERSION = 1


class _FloorEntity(Entity):
    _attr_has_entity_name = True
    _attr_should_poll = False

    def __init__(
        self, hass: HomeAssistant, camera: Camera, description: EntityDescription
    ) -> None:
        self.entity_description = description
        self._attr_unique_id = f"{camera.unique_id}_{description.key}"
        self._attr_name = description.key
        link_entity_to_device(hass, self, camera.device_id)


class _FloorSensor(_FloorEntity, SensorEntity):
    def __init__(
        self, hass: HomeAssistant, camera: Camera, description: EntityDescription
    ) -> None:
        super().__init__(hass, camera, description)
        self._attr_native_value = "none"
        if description.key == SENSORS[0].key:
            self._attr_extra_state_attributes = dict(_HEALTHY_ATTRIBUTES)


class _FloorBinarySensor(_FloorEntity, BinarySensorEntity):
    _attr_is_on = False


class _FloorEvent(_FloorEntity, EventEntity):
    pass


def _build(
    hass: HomeAssistant, cameras: Iterable[Camera], platform: str
) -> list[Entity]:
    if platform == "sensor":
        return [
            _FloorSensor(hass, camera, description)
            for camera in cameras
            for description in SENSORS
        ]
    if platform == "binary_sensor":
        return [_FloorBinarySensor(hass, camera, RED_FLASH) for camera in cameras]
    return [_FloorEvent(hass, camera, DIAGNOSIS_EVENT) for camera in cameras]


def mock_floor(hass: HomeAssistant, cameras: list[Camera]) -> MockConfigEntry:
    """Register ``bench_floor`` for ``cameras``; return its (unadded) entry."""

    async def setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
        await hass.config_entries.async_forward_entry_setups(
            entry, ["binary_sensor", "event", "sensor"]
        )
        return True

    mock_integration(hass, MockModule(FLOOR, async_setup_entry=setup_entry))
    mock_platform(hass, f"{FLOOR}.config_flow")
    for platform in ("binary_sensor", "event", "sensor"):

        async def platform_setup(
            hass: HomeAssistant,
            entry: ConfigEntry,
            add: AddEntitiesCallback,
            platform: str = platform,
        ) -> None:
            add(_build(hass, cameras, platform))

        mock_platform(
            hass, f"{FLOOR}.{platform}", MockPlatform(async_setup_entry=platform_setup)
        )
    return MockConfigEntry(domain=FLOOR, title="Floor")
