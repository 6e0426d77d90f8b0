"""A wall clock set back while a problem waits out its grace period.

On a real machine a clock correction moves the wall clock only: the event
loop's monotonic clock runs on. freezegun moves both, so these tests move the
loop's clock forward again by the size of the jump (:class:`LoopClock`).
Nothing else happens after the jump: no state changes, so only Camera
Doctor's own timer can notice that the wait is over.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from tests.integration.fleet import FakeCamera, add_generic_camera

from .helpers import CAUSE, advance, our_issues, setup_entry

START = "2026-03-29T00:30:00+00:00"


class LoopClock:
    """The event loop's clock, which a wall clock set back does not move."""

    def __init__(self, hass: HomeAssistant, monkeypatch: pytest.MonkeyPatch) -> None:
        """Follow freezegun's clock, shifted by the jumps made so far."""
        self._hass = hass
        self._offset = 0.0
        frozen: Callable[[], float] = hass.loop.time
        monkeypatch.setattr(hass.loop, "time", lambda: frozen() + self._offset)

    async def set_back(self, freezer: FrozenDateTimeFactory, delta: timedelta) -> None:
        """Set the wall clock back by ``delta``; the loop's clock runs on."""
        await self._hass.async_block_till_done()
        self._offset += delta.total_seconds()
        freezer.move_to(dt_util.utcnow() - delta)
        async_fire_time_changed(self._hass)
        await self._hass.async_block_till_done()


@pytest.fixture
async def garage(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> FakeCamera:
    """A healthy generic camera under watch."""
    freezer.move_to(START)
    camera = add_generic_camera(hass, "Garage")
    await setup_entry(hass, mock_config_entry)
    return camera


@pytest.fixture
def clock(hass: HomeAssistant, monkeypatch: pytest.MonkeyPatch) -> LoopClock:
    """The loop's clock, kept running across wall-clock jumps."""
    return LoopClock(hass, monkeypatch)


def _cause(hass: HomeAssistant) -> str:
    state = hass.states.get(CAUSE.format("garage"))
    assert state is not None
    return state.state


def _since(hass: HomeAssistant) -> timedelta:
    """How long ago, on the wall clock now, the cause sensor says it began."""
    since = dt_util.parse_datetime(
        hass.states.get(CAUSE.format("garage")).attributes["since"]
    )
    assert since is not None
    return dt_util.utcnow() - since


async def test_outage_reported_after_its_wait_in_elapsed_time(
    hass: HomeAssistant,
    garage: FakeCamera,
    clock: LoopClock,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Offline, the clock set back an hour 2 minutes later: reported at 6 minutes."""
    garage.set("camera", STATE_UNAVAILABLE)
    await advance(hass, freezer, timedelta(minutes=2))
    await clock.set_back(freezer, timedelta(hours=1))
    await advance(hass, freezer, timedelta(minutes=3, seconds=50))
    assert _cause(hass) == "none"
    await advance(hass, freezer, timedelta(seconds=20))
    assert _cause(hass) == "no_connection"
    evidence = hass.states.get(CAUSE.format("garage")).attributes["evidence"]
    assert 6.0 <= evidence["offline_for_minutes"] < 6.5
    assert timedelta(0) <= _since(hass) < timedelta(seconds=20)
    assert set(our_issues(hass)) == {f"no_connection_{garage.registry_id}"}


async def test_low_battery_reported_after_its_grace_in_elapsed_time(
    hass: HomeAssistant,
    garage: FakeCamera,
    clock: LoopClock,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A low battery waits its 5 minutes of elapsed time across the jump."""
    garage.set("battery", "8")
    await advance(hass, freezer, timedelta(minutes=2))
    await clock.set_back(freezer, timedelta(hours=1))
    await advance(hass, freezer, timedelta(minutes=2, seconds=50))
    assert _cause(hass) == "none"
    await advance(hass, freezer, timedelta(seconds=20))
    assert _cause(hass) == "low_battery"
    assert timedelta(0) <= _since(hass) < timedelta(seconds=20)
    assert set(our_issues(hass)) == {f"low_battery_{garage.registry_id}"}


async def test_a_timer_that_fires_on_time_changes_nothing(
    hass: HomeAssistant,
    garage: FakeCamera,
    clock: LoopClock,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Without a jump the grace period ends where the wall clock says."""
    garage.set("battery", "8")
    await advance(hass, freezer, timedelta(minutes=4, seconds=50))
    assert _cause(hass) == "none"
    await advance(hass, freezer, timedelta(seconds=20))
    assert _cause(hass) == "low_battery"
    assert _since(hass) == timedelta(seconds=10)
