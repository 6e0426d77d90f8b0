"""One watched camera: its sources, its current diagnosis and who listens."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from homeassistant.core import CALLBACK_TYPE, callback

from .diagnosis import Cause, Diagnosis
from .discovery import CameraSpec, SourceCache

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
    and the previous diagnosis whenever the diagnosis changes.
    """

    spec: CameraSpec
    diagnosis: Diagnosis | None = None
    batteries_replaced: datetime | None = None
    hub_entity_id: str | None = None
    unsub_state: CALLBACK_TYPE | None = None
    unsub_timer: CALLBACK_TYPE | None = None
    listeners: list[WatchListener] = field(default_factory=list)
    source_cache: SourceCache = field(default_factory=dict)
    history: deque[Transition] = field(
        default_factory=lambda: deque(maxlen=HISTORY_LENGTH)
    )

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

        @callback
        def remove() -> None:
            self.listeners.remove(listener)

        return remove

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
