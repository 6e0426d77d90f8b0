"""Whether it is dark: a dim red glow at night is the infrared LEDs, not a fault."""

from __future__ import annotations

from collections.abc import Callable

from homeassistant.core import (
    CALLBACK_TYPE,
    Event,
    EventStateChangedData,
    HomeAssistant,
    callback,
)
from homeassistant.helpers.event import async_track_state_change_event

SUN_ENTITY = "sun.sun"
SUN_STATES = {"below_horizon": True, "above_horizon": False}


class Daylight:
    """Follows ``sun.sun``; calls ``on_change`` when darkness changes."""

    def __init__(self, hass: HomeAssistant, on_change: Callable[[], None]) -> None:
        """Know nothing until :meth:`async_start`."""
        self._hass = hass
        self._on_change = on_change
        self.is_dark: bool | None = None
        self._unsub: CALLBACK_TYPE | None = None

    @callback
    def async_start(self) -> None:
        """Read the sun now and follow it."""
        self.is_dark = self._read()
        self._unsub = async_track_state_change_event(
            self._hass, SUN_ENTITY, self._async_changed
        )

    @callback
    def async_stop(self) -> None:
        """Stop following the sun."""
        if self._unsub is not None:
            self._unsub()
            self._unsub = None

    def _read(self) -> bool | None:
        if (sun := self._hass.states.get(SUN_ENTITY)) is None:
            return None
        return SUN_STATES.get(sun.state)

    @callback
    def _async_changed(self, _event: Event[EventStateChangedData]) -> None:
        if (is_dark := self._read()) != self.is_dark:
            self.is_dark = is_dark
            self._on_change()
