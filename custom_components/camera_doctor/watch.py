"""One watched camera: its sources, its current diagnosis and who listens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

from homeassistant.core import CALLBACK_TYPE, callback

from .diagnosis import Cause, Diagnosis
from .discovery import CameraSpec

HISTORY_LENGTH = 20


@dataclass(frozen=True, slots=True)
class Transition:
    """A change of a camera's primary cause (kept for the diagnostics)."""

    at: datetime
    previous: Cause
    cause: Cause


type WatchListener = Callable[["CameraWatch", Diagnosis | None], None]


@dataclass(slots=True, kw_only=True)
class CameraWatch:
    """Live state of one camera under watch.

    Listeners (the camera's diagnostic entities) are called with the watch
    and the previous diagnosis whenever the diagnosis changes. ``history``
    holds the last :data:`HISTORY_LENGTH` cause transitions, oldest first
    (a tuple: most cameras never have one, and an empty tuple costs nothing).
    """

    spec: CameraSpec
    diagnosis: Diagnosis | None = None
    batteries_replaced: datetime | None = None
    hub_entity_id: str | None = None
    unsub_state: CALLBACK_TYPE | None = None
    unsub_timer: CALLBACK_TYPE | None = None
    timer_at: datetime | None = None
    listeners: list[WatchListener] = field(default_factory=list)
    history: tuple[Transition, ...] = ()

    @property
    def cause(self) -> Cause:
        """The primary cause, ``none`` while nothing is known yet."""
        return self.diagnosis.cause if self.diagnosis else Cause.NONE

    @property
    def diagnosis_causes(self) -> tuple[Cause, ...]:
        """Every active cause, most important first."""
        return self.diagnosis.causes if self.diagnosis else ()

    @callback
    def async_add_listener(self, listener: WatchListener) -> CALLBACK_TYPE:
        """Call ``listener`` on every change; returns the unsubscribe."""
        self.listeners.append(listener)
        return partial(self.listeners.remove, listener)

    @callback
    def async_record(self, transition: Transition) -> None:
        """Remember a cause transition (the oldest beyond the limit is dropped)."""
        self.history = (*self.history[1 - HISTORY_LENGTH :], transition)

    @callback
    def async_notify(self, previous: Diagnosis | None) -> None:
        """Tell every listener that the diagnosis changed."""
        for listener in list(self.listeners):
            listener(self, previous)

    @callback
    def async_cancel(self) -> None:
        """Drop the state subscription and any pending timer."""
        if self.unsub_state is not None:
            self.unsub_state()
            self.unsub_state = None
        self.async_cancel_timer()

    @callback
    def async_cancel_timer(self) -> None:
        """Drop the pending re-evaluation timer, if any."""
        if self.unsub_timer is not None:
            self.unsub_timer()
            self.unsub_timer = None
        self.timer_at = None
