"""Binary sensor: on while the camera's light flashes red."""

from __future__ import annotations

from homeassistant.components.binary_sensor import (
    BinarySensorDeviceClass,
    BinarySensorEntity,
    BinarySensorEntityDescription,
)
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import KEY_RED_FLASH
from .diagnosis import Cause
from .entity import CameraDoctorEntity, async_setup_camera_entities
from .monitor import CameraDoctorConfigEntry
from .watch import CameraWatch

PARALLEL_UPDATES = 0

# An available update is advice: it does not make the light flash red.
RED_FLASH_CAUSES = frozenset(Cause) - {Cause.NONE, Cause.FIRMWARE_OUTDATED}

RED_FLASH = BinarySensorEntityDescription(
    key=KEY_RED_FLASH,
    translation_key=KEY_RED_FLASH,
    device_class=BinarySensorDeviceClass.PROBLEM,
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: CameraDoctorConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the red-flash problem sensor of every watched camera."""

    def build(watch: CameraWatch) -> list[RedFlashBinarySensor]:
        return [RedFlashBinarySensor(hass, watch, RED_FLASH)]

    async_setup_camera_entities(entry, async_add_entities, build)


class RedFlashBinarySensor(CameraDoctorEntity, BinarySensorEntity):
    """On while the diagnosis finds a reason for the red light."""

    @callback
    def _async_update_attrs(self) -> bool | None:
        diagnosis = self.watch.diagnosis
        is_on = (
            None if diagnosis is None else bool(RED_FLASH_CAUSES & {*diagnosis.causes})
        )
        self._attr_is_on = is_on
        return is_on
