"""One watched camera: what it is, its diagnosis, and who listens to it.

A :class:`CameraWatch` owns its state subscription and its timer: the
monitor tells it what to follow and when to look again, and the watch keeps
(and drops) the subscriptions itself.

The timer waits in elapsed time (the event loop's monotonic clock), not
until a moment of the wall clock: a wall clock set back an hour would
otherwise hold every grace period up by that hour.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from homeassistant.core import (
    CALLBACK_TYPE,
    Event,
    EventStateChangedData,
    HomeAssistant,
    callback,
)
from homeassistant.helpers.event import async_call_later, async_track_state_change_event
from homeassistant.util import dt as dt_util

from .compat import device_link
from .const import ATTR_CAUSE, ATTR_SINCE
from .diagnosis import PRECEDENCE, Cause, Diagnosis, Observation
from .diagnosis.engine import shift_clock
from .diagnosis.forecast import Forecast
from .discovery import CameraSpec
from .fixes import Fit, camera_fix

HISTORY_LENGTH = 20
# The wall clock behind the elapsed time by more than this was set back
# (rather than slewed by a few milliseconds).
CLOCK_SET_BACK = timedelta(seconds=1)


def pending_of(diagnosis: Diagnosis) -> dict[str, str] | None:
    """The most important problem still waiting out the grace period, if any.

    ``{cause, since}``: the cause sensor's ``pending`` attribute and the
    ``diagnose`` action's ``pending`` alike.
    """
    if waiting := [cause for cause in PRECEDENCE if cause in diagnosis.pending]:
        return {
            ATTR_CAUSE: waiting[0].value,
            ATTR_SINCE: diagnosis.pending[waiting[0]].isoformat(),
        }
    return None


@dataclass(frozen=True, slots=True)
class Transition:
    """A change of a camera's primary cause (kept for the diagnostics)."""

    at: datetime
    previous: Cause
    cause: Cause


class WatchListener(Protocol):
    """What follows a camera's diagnosis (its diagnostic entities).

    One that ``shows_forecast`` follows the battery forecast instead.
    """

    shows_forecast: bool

    def async_watch_changed(
        self, watch: CameraWatch, previous: Diagnosis | None
    ) -> None:
        """The diagnosis (or what is shown beside it) changed."""


class CameraWatch:
    """Live state of one camera under watch.

    Listeners (the camera's diagnostic entities) are told, with the watch
    and the previous diagnosis, whenever the published diagnosis changes;
    those that show the forecast, whenever the battery forecast changes.
    ``history`` holds the last :data:`HISTORY_LENGTH` cause transitions,
    oldest first. ``fit`` is the camera's kind and ``fix`` the fix key of its
    primary cause for that kind: what every surface shows as its fix.
    """

    __slots__ = (
        "_hass",
        "_listeners",
        "_timer_at",
        "_unsub_state",
        "_unsub_timer",
        "device",
        "diagnosis",
        "fit",
        "fix",
        "forecast",
        "history",
        "observation",
        "spec",
    )

    def __init__(
        self,
        hass: HomeAssistant,
        spec: CameraSpec,
        diagnosis: Diagnosis | None,
        fit: Fit,
        forecast: Forecast | None = None,
    ) -> None:
        """Watch ``spec`` (of kind ``fit``), from what is remembered for it."""
        self._hass = hass
        self.spec = spec
        # What shows the camera's diagnostic entities on its device.
        self.device = device_link(hass, spec.device_id)
        self.diagnosis = diagnosis
        self.fit = fit
        self.fix = (
            camera_fix(diagnosis.cause, fit, diagnosis, dt_util.utcnow())
            if diagnosis
            else None
        )
        self.observation: Observation | None = None
        self.forecast = forecast
        self.history: tuple[Transition, ...] = ()
        self._listeners: list[WatchListener] = []
        self._unsub_state: CALLBACK_TYPE | None = None
        self._unsub_timer: CALLBACK_TYPE | None = None
        self._timer_at: datetime | None = None

    @property
    def cause(self) -> Cause:
        """The primary cause, ``none`` while nothing is known yet."""
        return self.diagnosis.cause if self.diagnosis else Cause.NONE

    @property
    def causes(self) -> tuple[Cause, ...]:
        """Every confirmed cause, most important first."""
        return self.diagnosis.causes if self.diagnosis else ()

    @property
    def timer_at(self) -> datetime | None:
        """When the camera will be looked at again, if planned."""
        return self._timer_at

    @callback
    def async_add_listener(self, listener: WatchListener) -> None:
        """Tell ``listener`` of every change, until it is removed."""
        self._listeners.append(listener)

    @callback
    def async_remove_listener(self, listener: WatchListener) -> None:
        """Stop telling ``listener``."""
        self._listeners.remove(listener)

    @callback
    def async_set_diagnosis(
        self, observation: Observation, diagnosis: Diagnosis, fit: Fit, now: datetime
    ) -> Diagnosis | None:
        """Take a new diagnosis (and what it was made of); tell the listeners.

        Returns the diagnosis it replaces.
        """
        self.observation = observation
        previous, self.diagnosis = self.diagnosis, diagnosis
        fix = camera_fix(diagnosis.cause, fit, diagnosis, now)
        if previous == diagnosis and (fit, fix) == (self.fit, self.fix):
            return previous
        self.fit, self.fix = fit, fix
        before = previous.cause if previous else Cause.NONE
        if before is not diagnosis.cause:
            transition = Transition(now, before, diagnosis.cause)
            self.history = (*self.history[1 - HISTORY_LENGTH :], transition)
        for listener in list(self._listeners):
            if not listener.shows_forecast:
                listener.async_watch_changed(self, previous)
        return previous

    @callback
    def async_set_forecast(self, forecast: Forecast | None) -> None:
        """Take a new battery forecast; tell the listeners when it changed."""
        if forecast != self.forecast:
            self.forecast = forecast
            for listener in list(self._listeners):
                if listener.shows_forecast:
                    listener.async_watch_changed(self, self.diagnosis)

    @callback
    def async_refresh(self) -> None:
        """Tell the listeners to show again what changed beside the diagnosis."""
        for listener in list(self._listeners):
            listener.async_watch_changed(self, self.diagnosis)

    @callback
    def async_follow(
        self, on_change: Callable[[Event[EventStateChangedData]], None]
    ) -> None:
        """Follow the camera and its device's entities (replaces what was)."""
        if self._unsub_state is not None:
            self._unsub_state()
        self._unsub_state = async_track_state_change_event(
            self._hass, self.spec.own_ids, on_change
        )

    @callback
    def async_schedule(self, when: datetime | None, on_due: Callable[[], None]) -> None:
        """Call ``on_due`` once the wait until ``when`` has elapsed.

        A timer already set for ``when`` stays. Should the wall clock have
        advanced less than the elapsed time when the wait is over, it was set
        back meanwhile: the diagnosis moves back with it (``shift_clock``)
        before ``on_due``, so that the time that elapsed still counts and the
        jump counts as none.
        """
        if when == self._timer_at:
            return
        self._async_cancel_timer()
        if when is None:
            return

        loop = self._hass.loop
        planned_at, planned_on = dt_util.utcnow(), loop.time()

        @callback
        def fire(_now: datetime) -> None:
            self._unsub_timer = self._timer_at = None
            elapsed = timedelta(seconds=loop.time() - planned_on)
            jump = dt_util.utcnow() - (planned_at + elapsed)
            if jump < -CLOCK_SET_BACK and self.diagnosis is not None:
                self.diagnosis = shift_clock(self.diagnosis, jump)
            on_due()

        wait = max((when - planned_at).total_seconds(), 0.0)
        self._unsub_timer = async_call_later(self._hass, wait, fire)
        self._timer_at = when

    @callback
    def async_cancel(self) -> None:
        """Drop the state subscription and any pending timer."""
        if self._unsub_state is not None:
            self._unsub_state()
            self._unsub_state = None
        self._async_cancel_timer()

    @callback
    def _async_cancel_timer(self) -> None:
        if self._unsub_timer is not None:
            self._unsub_timer()
            self._unsub_timer = None
        self._timer_at = None
