"""Binary sensor: on while the camera's light flashes red."""

from __future__ import annotations

from homeassistant.components.binary_sensor import (
    BinarySensorDeviceClass,
    BinarySensorEntity,
    BinarySensorEntityDescription,
)
from homeassistant.core import callback

from .const import KEY_RED_FLASH
from .diagnosis import RED_FLASH_CAUSES, Cause
from .entity import CameraDoctorEntity, camera_platform

PARALLEL_UPDATES = 0

RED_FLASH = BinarySensorEntityDescription(
    key=KEY_RED_FLASH,
    translation_key=KEY_RED_FLASH,
    device_class=BinarySensorDeviceClass.PROBLEM,
)


class RedFlashBinarySensor(CameraDoctorEntity, BinarySensorEntity):
    """On while the diagnosis finds a reason for the red light.

    Unknown while the camera's integration is down: the camera cannot be seen.
    """

    @callback
    def _async_update_attrs(self) -> bool:
        diagnosis = self.watch.diagnosis
        is_on = (
            None
            if diagnosis is None or diagnosis.cause is Cause.INTEGRATION_OFFLINE
            else bool(RED_FLASH_CAUSES & {*diagnosis.causes})
        )
        changed = is_on != self._attr_is_on
        self._attr_is_on = is_on
        return changed


async_setup_entry = camera_platform(RedFlashBinarySensor, [RED_FLASH])
