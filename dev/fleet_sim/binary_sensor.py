"""Simulated binary sensors, like `blink`'s, `ring`'s or a typical battery camera's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from homeassistant.components.binary_sensor import (
    BinarySensorDeviceClass,
    BinarySensorEntity,
    BinarySensorEntityDescription,
)
from homeassistant.const import EntityCategory
from homeassistant.core import callback

from .entity import DeviceEntity, camera_platform
from .model import SimCamera

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class SimBinarySensorDescription(BinarySensorEntityDescription):
    """Describes a simulated binary sensor."""

    is_on_fn: Callable[[SimCamera], bool | None]
    always_available: bool = False


MOTION_DETECTED = SimBinarySensorDescription(
    key="motion_detected",
    device_class=BinarySensorDeviceClass.MOTION,
    is_on_fn=lambda cam: False,
)

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
    MOTION_DETECTED,
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
    MOTION_DETECTED,
)


class SimBinarySensor(DeviceEntity, BinarySensorEntity):
    """A simulated camera binary sensor."""

    entity_description: SimBinarySensorDescription

    def _follows_camera(self) -> bool:
        """Connectivity stays available (and off) while the camera is offline."""
        return not self.entity_description.always_available

    @callback
    def _update_attrs(self) -> None:
        self._attr_is_on = self.entity_description.is_on_fn(self.camera)


async_setup_entry = camera_platform(
    SimBinarySensor,
    {
        "blink": BLINK_BINARY_SENSORS,
        "ring": (MOTION_DETECTED,),
        "generic": GENERIC_BINARY_SENSORS,
        "wired": GENERIC_BINARY_SENSORS,
    },
)
