"""One subscription to every hub, fanned out to the cameras that read it.

Every Blink camera reads every sync module's panel (it is matched by the
panel's attributes, which can change). A subscription per camera to every
panel would cost cameras x panels listener entries and callbacks; this keeps
one subscription for all panels and calls each camera that reads the panel
that changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from homeassistant.core import (
    CALLBACK_TYPE,
    Event,
    EventStateChangedData,
    HomeAssistant,
    callback,
)
from homeassistant.helpers.event import async_track_state_change_event

from .watch import CameraWatch


class HubListener:
    """Calls ``on_change(watch, event)`` for each camera that reads a changed hub."""

    def __init__(
        self,
        hass: HomeAssistant,
        on_change: Callable[[CameraWatch, Event[EventStateChangedData]], None],
    ) -> None:
        """Subscribe to nothing until :meth:`async_update`."""
        self._hass = hass
        self._on_change = on_change
        self._readers: dict[str, list[CameraWatch]] = {}
        self._unsub: CALLBACK_TYPE | None = None

    @callback
    def async_update(self, watches: Iterable[CameraWatch]) -> None:
        """Follow the hubs ``watches`` read now."""
        readers: dict[str, list[CameraWatch]] = {}
        for watch in watches:
            for entity_id in watch.spec.hub_ids:
                readers.setdefault(entity_id, []).append(watch)
        subscribed = self._readers.keys()
        self._readers = readers
        if self._unsub is not None and readers.keys() == subscribed:
            return
        self.async_stop()
        self._readers = readers
        if readers:
            self._unsub = async_track_state_change_event(
                self._hass, list(readers), self._async_changed
            )

    @callback
    def async_stop(self) -> None:
        """Drop the subscription."""
        if self._unsub is not None:
            self._unsub()
            self._unsub = None
        self._readers = {}

    @callback
    def _async_changed(self, event: Event[EventStateChangedData]) -> None:
        for watch in list(self._readers.get(event.data["entity_id"], ())):
            self._on_change(watch, event)
