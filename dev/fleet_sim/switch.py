"""Blink's per-camera motion detection switch."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from homeassistant.components.switch import SwitchDeviceClass, SwitchEntity
from homeassistant.core import HomeAssistant, callback

from .entity import DeviceEntity

if TYPE_CHECKING:
    from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

    from . import FleetSimConfigEntry
    from .model import Fleet, SimCamera

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: FleetSimConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add a motion switch per Blink camera."""
    fleet = entry.runtime_data
    async_add_entities(
        SimMotionSwitch(fleet, camera)
        for camera in fleet.cameras.values()
        if camera.kind == "blink"
    )


class SimMotionSwitch(DeviceEntity, SwitchEntity):
    """Turns motion detection on and off."""

    _attr_translation_key = "camera_motion"
    _attr_device_class = SwitchDeviceClass.SWITCH

    def __init__(self, fleet: Fleet, camera: SimCamera) -> None:
        """Initialise the switch."""
        super().__init__(fleet, camera, "motion_enabled")

    @callback
    def _update_attrs(self) -> None:
        self._attr_is_on = self.camera.motion_enabled

    async def async_turn_on(self, **kwargs: Any) -> None:
        """Enable motion detection."""
        self.camera.motion_enabled = True
        self.fleet.notify()

    async def async_turn_off(self, **kwargs: Any) -> None:
        """Disable motion detection."""
        self.camera.motion_enabled = False
        self.fleet.notify()
