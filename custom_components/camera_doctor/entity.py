"""Base class of the diagnostic entities shown on the camera's own device."""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity import Entity, EntityDescription
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .cameras import entity_unique_id
from .compat import link_entity_to_device
from .diagnosis import Diagnosis
from .discovery import CameraSpec
from .monitor import CameraDoctorConfigEntry, CameraMonitor
from .watch import CameraWatch

type PlatformSetup = Callable[
    [HomeAssistant, CameraDoctorConfigEntry, AddConfigEntryEntitiesCallback],
    Coroutine[Any, Any, None],
]


type OptionalEntity = tuple[
    type[CameraDoctorEntity], EntityDescription, Callable[[CameraSpec], bool]
]


def camera_platform(
    entity_class: type[CameraDoctorEntity],
    descriptions: Sequence[EntityDescription],
    optional: Sequence[OptionalEntity] = (),
) -> PlatformSetup:
    """A platform's ``async_setup_entry``: an entity per description and camera.

    ``optional`` entities are made only for the cameras their test accepts.
    Cameras found later get theirs as they are found.
    """

    async def async_setup_entry(
        hass: HomeAssistant,
        entry: CameraDoctorConfigEntry,
        async_add_entities: AddConfigEntryEntitiesCallback,
    ) -> None:
        monitor = entry.runtime_data.monitor

        def build(watch: CameraWatch) -> list[Entity]:
            return [
                *(entity_class(monitor, watch, desc) for desc in descriptions),
                *(
                    cls(monitor, watch, desc)
                    for cls, desc, exists in optional
                    if exists(watch.spec)
                ),
            ]

        async_add_entities(
            [entity for watch in monitor.cameras.values() for entity in build(watch)]
        )

        @callback
        def add(watch: CameraWatch) -> None:
            async_add_entities(build(watch))

        entry.async_on_unload(monitor.camera_set.async_on_new_camera(add))

    return async_setup_entry


class CameraDoctorEntity(Entity):
    """An entity that mirrors one camera's diagnosis."""

    _attr_has_entity_name = True
    _attr_should_poll = False
    _attr_entity_category = EntityCategory.DIAGNOSTIC
    shows_forecast = False  # follows the battery forecast, not the diagnosis

    def __init__(
        self, monitor: CameraMonitor, watch: CameraWatch, description: EntityDescription
    ) -> None:
        """Attach to the camera's device under a stable unique id."""
        self.store = monitor.store
        self.watch = watch
        self.entity_description = description
        self._attr_unique_id = entity_unique_id(watch.spec, description.key)
        link_entity_to_device(self, watch.device)

    async def async_added_to_hass(self) -> None:
        """Follow the camera's diagnosis, starting from the current one."""
        await super().async_added_to_hass()
        self._async_update_attrs()
        self.watch.async_add_listener(self)

    async def async_will_remove_from_hass(self) -> None:
        """Stop following the camera's diagnosis."""
        self.watch.async_remove_listener(self)

    @callback
    def async_watch_changed(
        self, watch: CameraWatch, previous: Diagnosis | None
    ) -> None:
        """Write the state, only when what it shows really changed."""
        if self._async_update_attrs():
            self.async_write_ha_state()

    @callback
    def _async_update_attrs(self) -> bool:
        """Copy the diagnosis into the entity's attributes; whether they changed.

        An entity is written only when its state or attributes really change.
        """
        return False
