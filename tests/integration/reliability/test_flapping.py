"""Flapping sources: an hour of simulated toggling, bounded noise, then calm."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import Event, HomeAssistant
from homeassistant.helpers import issue_registry as ir
import pytest

from custom_components.camera_doctor.const import EVENT_DIAGNOSIS
from custom_components.camera_doctor.diagnosis import (
    MAX_NOTICES_PER_HOUR as MAX_CREATES_PER_HOUR,
)
from tests.integration.fleet import FakeCamera

from .helpers import CAUSE, advance, our_issues

HOUR = timedelta(hours=1)


class Recorder:
    """Counts diagnosis events and issue registry changes."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Listen to both."""
        self.events: list[Event[Any]] = []
        self.changes: list[Event[Any]] = []
        hass.bus.async_listen(EVENT_DIAGNOSIS, self.events.append)
        hass.bus.async_listen(
            ir.EVENT_REPAIRS_ISSUE_REGISTRY_UPDATED, self.changes.append
        )

    def actions(self, action: str) -> int:
        """How many issue changes of one kind."""
        return sum(change.data["action"] == action for change in self.changes)


async def _flap(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    write: Callable[[bool], None],
    *,
    period: timedelta,
    duty: float = 0.5,
    lasting: timedelta = HOUR,
) -> None:
    """Toggle for ``lasting``: bad for ``duty`` of each ``period``, then good."""
    elapsed = timedelta()
    bad = period * duty
    while elapsed < lasting:
        write(True)
        await advance(hass, freezer, bad)
        write(False)
        await advance(hass, freezer, period - bad)
        elapsed += period


@pytest.mark.parametrize(
    "flap",
    [
        ("camera", STATE_UNAVAILABLE, "idle"),
        ("connectivity", "off", "on"),
        ("camera", "unknown", "idle"),
    ],
)
async def test_fast_flapping_is_silent(
    hass: HomeAssistant,
    garage: FakeCamera,
    freezer: FrozenDateTimeFactory,
    flap: tuple[str, str, str],
) -> None:
    """Dropping out every 4 s for an hour: no event, no issue, still healthy."""
    key, bad, good = flap
    recorder = Recorder(hass)
    await _flap(
        hass,
        freezer,
        lambda on: garage.set(key, bad if on else good),
        period=timedelta(seconds=4),
    )
    assert recorder.events == []
    assert recorder.changes == []
    assert hass.states.get(CAUSE.format("garage")).state == "none"


async def test_slow_flapping_is_bounded_and_settles(
    hass: HomeAssistant, garage: FakeCamera, freezer: FrozenDateTimeFactory
) -> None:
    """Offline 7 min, back 5 s, for an hour: bounded issues and events; then calm."""
    recorder = Recorder(hass)
    period = timedelta(minutes=7, seconds=5)
    cycles = -(-HOUR // period)  # rounded up
    await _flap(
        hass,
        freezer,
        lambda on: garage.set("camera", STATE_UNAVAILABLE if on else "idle"),
        period=period,
        duty=(7 * 60) / period.total_seconds(),
    )
    # One no_connection and one clear per cycle at most...
    assert len(recorder.events) <= 2 * cycles
    # ...but at most MAX_CREATES_PER_HOUR repairs an hour.
    assert recorder.actions("create") <= MAX_CREATES_PER_HOUR
    assert recorder.actions("remove") <= recorder.actions("create")
    assert recorder.actions("update") == 0
    assert our_issues(hass) == {}
    flapped = (len(recorder.events), len(recorder.changes))

    # The flapping stops with the camera online: nothing more, ever.
    await advance(hass, freezer, 3 * HOUR)
    assert (len(recorder.events), len(recorder.changes)) == flapped
    assert hass.states.get(CAUSE.format("garage")).state == "none"

    # It stops with the camera offline: one event and one issue, which stays.
    await _flap(
        hass,
        freezer,
        lambda on: garage.set("camera", STATE_UNAVAILABLE if on else "idle"),
        period=period,
        duty=(7 * 60) / period.total_seconds(),
    )
    flapped = (len(recorder.events), recorder.actions("create"))
    garage.set("camera", STATE_UNAVAILABLE)
    await advance(hass, freezer, timedelta(minutes=6, seconds=1))
    assert hass.states.get(CAUSE.format("garage")).state == "no_connection"
    assert len(recorder.events) == flapped[0] + 1
    await advance(hass, freezer, timedelta(minutes=55))  # the churn window passes
    assert set(our_issues(hass)) == {f"no_connection_{garage.registry_id}"}
    assert recorder.actions("create") == flapped[1] + 1
    # An hour after it was confirmed, the outage nothing explains escalates.
    await advance(hass, freezer, timedelta(minutes=10))
    assert set(our_issues(hass)) == {f"unexplained_{garage.registry_id}"}
    assert [e.data["cause"] for e in recorder.events[flapped[0] :]] == [
        "no_connection",
        "unexplained",
    ]


async def test_noise_around_thresholds_is_one_event(
    hass: HomeAssistant, garage: FakeCamera, freezer: FrozenDateTimeFactory
) -> None:
    """Readings jittering across a threshold every 3 s: the hysteresis holds."""
    recorder = Recorder(hass)
    for low, high in (("19", "22"), ("-76", "-72")):
        key = "battery" if low == "19" else "signal"
        await _flap(
            hass,
            freezer,
            lambda on, k=key, lo=low, hi=high: garage.set(k, lo if on else hi),
            period=timedelta(seconds=3),
            lasting=timedelta(minutes=30),
        )
    # low_battery once, then weak_signal joins (low_battery stays primary).
    assert [e.data["cause"] for e in recorder.events] == ["low_battery"]
    assert recorder.actions("create") == 2
    assert recorder.actions("remove") == 0
    # Signal first: healing the battery first would make the still-weak
    # signal primary for a moment (newer Home Assistant runs the state
    # listener between the two writes).
    garage.set("signal", "-50")
    garage.set("battery", "90")
    await advance(hass, freezer, timedelta(seconds=1))
    assert [e.data["cause"] for e in recorder.events] == ["low_battery", "none"]
    assert our_issues(hass) == {}
