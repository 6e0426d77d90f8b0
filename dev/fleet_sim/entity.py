"""Base entity for the simulated fleet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.core import callback
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity import Entity, EntityDescription

from .const import DOMAIN

if TYPE_CHECKING:
    from .model import Fleet, SimCamera


def camera_device_info(camera: SimCamera) -> DeviceInfo:
    """Return the device of a camera, as its real integration registers it."""
    return DeviceInfo(
        identifiers={(DOMAIN, camera.serial)},
        serial_number=camera.serial,
        sw_version=camera.version,
        name=camera.name,
        manufacturer=camera.manufacturer,
        model=camera.model,
    )


class FleetEntity(Entity):
    """An entity that follows one simulated device."""

    _attr_has_entity_name = True
    _attr_should_poll = False

    def __init__(self, fleet: Fleet) -> None:
        """Initialise the entity."""
        self.fleet = fleet
        self._update_attrs()

    @callback
    def _update_attrs(self) -> None:
        """Copy the simulated readings into the entity attributes."""

    async def async_added_to_hass(self) -> None:
        """Follow fleet changes."""
        await super().async_added_to_hass()
        self.async_on_remove(self.fleet.add_listener(self._handle_fleet_update))

    @callback
    def _handle_fleet_update(self) -> None:
        self._update_attrs()
        self.async_write_ha_state()


class DeviceEntity(FleetEntity):
    """An entity on a camera's device; unavailable while the camera is offline."""

    def __init__(self, fleet: Fleet, camera: SimCamera, key: str) -> None:
        """Initialise the entity."""
        self.camera = camera
        self._attr_unique_id = f"{camera.serial}-{key}"
        self._attr_device_info = camera_device_info(camera)
        super().__init__(fleet)

    @property
    def available(self) -> bool:
        """Return False while the camera is offline."""
        return self.camera.available


class DescribedDeviceEntity(DeviceEntity):
    """A camera-device entity defined by an entity description."""

    def __init__(
        self, fleet: Fleet, camera: SimCamera, description: EntityDescription
    ) -> None:
        """Initialise the entity from its description."""
        self.entity_description = description
        super().__init__(fleet, camera, description.key)
