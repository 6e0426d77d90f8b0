"""Simulated binary sensors, like `blink`'s (Blink) or a typical battery camera's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from homeassistant.components.binary_sensor import (
    BinarySensorDeviceClass,
    BinarySensorEntity,
    BinarySensorEntityDescription,
)
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant, callback

from .entity import DescribedDeviceEntity

if TYPE_CHECKING:
    from collections.abc import Callable

    from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

    from . import FleetSimConfigEntry
    from .model import SimCamera

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class SimBinarySensorDescription(BinarySensorEntityDescription):
    """Describes a simulated binary sensor."""

    is_on_fn: Callable[[SimCamera], bool | None]
    always_available: bool = False


BLINK_BINARY_SENSORS: tuple[SimBinarySensorDescription, ...] = (
    SimBinarySensorDescription(
        key="battery",
        device_class=BinarySensorDeviceClass.BATTERY,
        entity_category=EntityCategory.DIAGNOSTIC,
        # Exactly blink's logic: a Mini has no battery (None) and shows "low".
        is_on_fn=lambda cam: cam.blink_attributes["battery"] != "ok",
    ),
    SimBinarySensorDescription(
        key="motion_enabled",
        translation_key="camera_armed",
        entity_registry_enabled_default=False,
        is_on_fn=lambda cam: cam.motion_enabled,
    ),
    SimBinarySensorDescription(
        key="motion_detected",
        device_class=BinarySensorDeviceClass.MOTION,
        is_on_fn=lambda cam: False,
    ),
)

GENERIC_BINARY_SENSORS: tuple[SimBinarySensorDescription, ...] = (
    SimBinarySensorDescription(
        key="connectivity",
        device_class=BinarySensorDeviceClass.CONNECTIVITY,
        entity_category=EntityCategory.DIAGNOSTIC,
        is_on_fn=lambda cam: cam.available,
        always_available=True,
    ),
    SimBinarySensorDescription(
        key="power_supply",
        translation_key="power_supply",
        device_class=BinarySensorDeviceClass.PROBLEM,
        entity_category=EntityCategory.DIAGNOSTIC,
        is_on_fn=lambda cam: cam.power_fault,
    ),
    SimBinarySensorDescription(
        key="motion_detected",
        device_class=BinarySensorDeviceClass.MOTION,
        is_on_fn=lambda cam: False,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: FleetSimConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the binary sensors of every simulated camera."""
    fleet = entry.runtime_data
    async_add_entities(
        SimBinarySensor(fleet, camera, description)
        for camera in fleet.cameras.values()
        for description in (
            BLINK_BINARY_SENSORS if camera.kind == "blink" else GENERIC_BINARY_SENSORS
        )
    )


class SimBinarySensor(DescribedDeviceEntity, BinarySensorEntity):
    """A simulated camera binary sensor."""

    entity_description: SimBinarySensorDescription

    @property
    def available(self) -> bool:
        """Connectivity stays available (and off) while the camera is offline."""
        return self.entity_description.always_available or self.camera.available

    @callback
    def _update_attrs(self) -> None:
        self._attr_is_on = self.entity_description.is_on_fn(self.camera)
