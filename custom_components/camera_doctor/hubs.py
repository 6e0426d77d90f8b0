"""One subscription to every hub, fanned out to the cameras that read it.

Every Blink camera reads every sync module's panel (it is matched by the
panel's attributes, which can change). A subscription per camera to every
panel would cost cameras x panels listener entries and callbacks; this keeps
one subscription for all panels. A panel's change goes to the cameras matched
to it, and to every camera that reads it only when the attributes cameras are
matched on changed (a sync module arming or going offline concerns its own
cameras, not the house's).
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
    """Calls ``on_change(watch, event)`` for each camera that reads a changed hub.

    ``hub_of(registry_id)`` names the hub a camera was matched to last.
    """

    def __init__(
        self,
        hass: HomeAssistant,
        on_change: Callable[[CameraWatch, Event[EventStateChangedData]], None],
        hub_of: Callable[[str], str | None],
    ) -> None:
        """Subscribe to nothing until :meth:`async_update`."""
        self._hass = hass
        self._on_change = on_change
        self._hub_of = hub_of
        self._readers: dict[str, list[CameraWatch]] = {}
        self._unsub: CALLBACK_TYPE | None = None

    @callback
    def async_update(self, watches: Iterable[CameraWatch]) -> None:
        """Follow the hubs ``watches`` read now."""
        readers: dict[str, list[CameraWatch]] = {}
        for watch in watches:
            for entity_id in watch.spec.hub_ids:
                readers.setdefault(entity_id, []).append(watch)
        if self._unsub is not None and readers.keys() == self._readers.keys():
            self._readers = readers  # the same hubs: the subscription stands
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
        entity_id = event.data["entity_id"]
        for watch in list(self._readers.get(entity_id, ())):
            if self._hub_of(watch.spec.registry_id) == entity_id or not _same_identity(
                event, watch.spec.profile.hub_identity
            ):
                self._on_change(watch, event)


def _same_identity(event: Event[EventStateChangedData], keys: tuple[str, ...]) -> bool:
    """Whether the hub still names itself the same (so matches cannot change).

    A camera matched to another hub, or to none, is matched on these
    attributes only; while they stand, this hub's state means nothing to it.
    """
    old, new = event.data["old_state"], event.data["new_state"]
    if not keys or old is None or new is None:
        return False  # nothing known to match on: every change may matter
    return all(old.attributes.get(key) == new.attributes.get(key) for key in keys)
