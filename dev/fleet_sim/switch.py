"""Blink's per-camera motion detection switch."""

from __future__ import annotations

from typing import Any

from homeassistant.components.switch import (
    SwitchDeviceClass,
    SwitchEntity,
    SwitchEntityDescription,
)
from homeassistant.core import callback

from .entity import DeviceEntity, camera_platform

PARALLEL_UPDATES = 0

MOTION_SWITCH = SwitchEntityDescription(
    key="motion_enabled",
    translation_key="camera_motion",
    device_class=SwitchDeviceClass.SWITCH,
)


class SimMotionSwitch(DeviceEntity, SwitchEntity):
    """Turns motion detection on and off."""

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


# A motion switch per Blink camera.
async_setup_entry = camera_platform(SimMotionSwitch, {"blink": (MOTION_SWITCH,)})
