"""Shared entity-platform setup: entities for every camera, now and later."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from homeassistant.core import callback
from homeassistant.helpers.entity import Entity
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .models import CameraDoctorConfigEntry
from .watch import CameraWatch


@callback
def async_setup_camera_entities(
    entry: CameraDoctorConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
    build: Callable[[CameraWatch], Sequence[Entity]],
) -> None:
    """Add ``build(watch)`` for each camera watched now and each found later."""
    monitor = entry.runtime_data.monitor
    async_add_entities(
        [entity for watch in monitor.cameras.values() for entity in build(watch)]
    )

    @callback
    def add(watch: CameraWatch) -> None:
        async_add_entities(build(watch))

    entry.async_on_unload(monitor.async_on_new_camera(add))
