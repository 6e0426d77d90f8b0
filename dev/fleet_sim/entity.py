"""Base entities of the simulated fleet, and the set-up every platform shares."""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.core import callback
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity import Entity, EntityDescription

from .const import DOMAIN

if TYPE_CHECKING:
    from collections.abc import Callable, Coroutine, Iterable, Mapping, Sequence
    from typing import Any

    from homeassistant.core import HomeAssistant
    from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

    from . import FleetSimConfigEntry
    from .model import Fleet, SimCamera

type SetupEntry = Callable[
    [HomeAssistant, FleetSimConfigEntry, AddConfigEntryEntitiesCallback],
    Coroutine[Any, Any, None],
]


def fleet_platform(build: Callable[[Fleet], Iterable[Entity]]) -> SetupEntry:
    """Return a platform's ``async_setup_entry``: it adds ``build(fleet)``."""

    async def async_setup_entry(
        hass: HomeAssistant,
        entry: FleetSimConfigEntry,
        async_add_entities: AddConfigEntryEntitiesCallback,
    ) -> None:
        """Add the platform's entities of the simulated fleet."""
        async_add_entities(build(entry.runtime_data))

    return async_setup_entry


def camera_platform(
    entity_class: Callable[[Fleet, SimCamera, EntityDescription], DeviceEntity],
    descriptions: Mapping[str, Sequence[EntityDescription]],
) -> SetupEntry:
    """Return the ``async_setup_entry`` of a platform of camera-device entities.

    Each camera gets one ``entity_class`` per description listed for its kind
    (``blink``, ``ring`` or ``generic``); a kind not listed gets none.
    """
    return fleet_platform(
        lambda fleet: (
            entity_class(fleet, camera, description)
            for camera in fleet.cameras.values()
            for description in descriptions.get(camera.kind, ())
        )
    )


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

    @property
    def available(self) -> bool:
        """Return False while the fleet's cloud is down: every entity goes."""
        return not self.fleet.cloud_down

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
    """An entity on a camera's device, defined by an entity description.

    Its unique id is ``{serial}-{description key}``; it is unavailable while
    the camera is offline (and with the whole fleet while the cloud is down).
    """

    def __init__(
        self, fleet: Fleet, camera: SimCamera, description: EntityDescription
    ) -> None:
        """Initialise the entity from its description."""
        self.camera = camera
        self.entity_description = description
        self._attr_unique_id = f"{camera.serial}-{description.key}"
        self._attr_device_info = camera_device_info(camera)
        super().__init__(fleet)

    @property
    def available(self) -> bool:
        """Return False while the camera is offline or the cloud is down."""
        return super().available and (
            self.camera.available or not self._follows_camera()
        )

    def _follows_camera(self) -> bool:
        """Whether the entity goes with the camera (a connectivity one stays)."""
        return True
