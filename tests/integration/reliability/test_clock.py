"""Clock jumps: an NTP correction backwards, a DST-like hour forwards."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import Event, HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.camera_doctor.const import EVENT_DIAGNOSIS
from tests.integration.fleet import FakeCamera, add_generic_camera

from .helpers import (
    BLINK_ATTRIBUTES,
    CAUSE,
    add_blink,
    advance,
    our_issues,
    setup_entry,
)

START = "2026-03-29T00:30:00+00:00"  # the night Europe moves its clocks


@pytest.fixture
async def clocked_garage(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> FakeCamera:
    """A healthy generic camera under watch."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    freezer.move_to(START)
    camera = add_generic_camera(hass, "Garage")
    await setup_entry(hass, mock_config_entry)
    return camera


async def _jump(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, delta: timedelta
) -> None:
    """Move the wall clock (and the loop's clock) by ``delta`` at once."""
    await hass.async_block_till_done()
    freezer.move_to(dt_util.utcnow() + delta)
    # Twice: a timer that fires re-arms its successor in the past, which
    # the loop runs one iteration later.
    for _ in range(2):
        async_fire_time_changed(hass)
        await hass.async_block_till_done()


class LoopClock:
    """The event loop's clock, which a wall clock set back does not move.

    On a real machine a clock correction moves the wall clock only: the
    loop's monotonic clock runs on. freezegun moves both, so the loop's clock
    is moved forward again by the size of each jump.
    """

    def __init__(self, hass: HomeAssistant, monkeypatch: pytest.MonkeyPatch) -> None:
        """Follow freezegun's clock, shifted by the jumps made so far."""
        self._hass = hass
        self._offset = 0.0
        frozen: Callable[[], float] = hass.loop.time
        monkeypatch.setattr(hass.loop, "time", lambda: frozen() + self._offset)

    async def set_back(self, freezer: FrozenDateTimeFactory, delta: timedelta) -> None:
        """Set the wall clock back by ``delta``; the loop's clock runs on."""
        await self._hass.async_block_till_done()
        freezer.move_to(dt_util.utcnow() - delta)
        self._offset += delta.total_seconds()
        async_fire_time_changed(self._hass)
        await self._hass.async_block_till_done()


@pytest.fixture
def clock(hass: HomeAssistant, monkeypatch: pytest.MonkeyPatch) -> LoopClock:
    """The loop's clock, kept running across wall-clock jumps."""
    return LoopClock(hass, monkeypatch)


def _check(hass: HomeAssistant) -> dict[str, Any]:
    """The cause sensor is valid, its durations and times are not negative."""
    state = hass.states.get(CAUSE.format("garage"))
    evidence = state.attributes["evidence"]
    for key in ("offline_for_minutes", "no_connection_for_minutes"):
        assert evidence.get(key, 0) >= 0, evidence
    since = dt_util.parse_datetime(state.attributes["since"])
    assert since is not None
    assert since <= dt_util.utcnow()
    return {"cause": state.state, **evidence}


async def test_ntp_correction_backwards_during_grace(
    hass: HomeAssistant, garage: FakeCamera, freezer: FrozenDateTimeFactory
) -> None:
    """The clock goes back an hour while the grace period runs: no crash."""
    garage.set("camera", STATE_UNAVAILABLE)
    await advance(hass, freezer, timedelta(minutes=3))
    await _jump(hass, freezer, -timedelta(hours=1))
    garage.set("battery", "79")  # any update re-diagnoses at the earlier time
    await hass.async_block_till_done()
    assert _check(hass)["cause"] == "none"
    # No time counts as elapsed: the full wait runs again from the jump.
    await advance(hass, freezer, timedelta(minutes=5))
    assert _check(hass)["cause"] == "none"
    await advance(hass, freezer, timedelta(minutes=1, seconds=1))
    evidence = _check(hass)
    assert evidence["cause"] == "no_connection"
    assert 6.0 <= evidence["offline_for_minutes"] < 6.1


async def test_ntp_correction_backwards_keeps_a_confirmed_outage(
    hass: HomeAssistant, garage: FakeCamera, freezer: FrozenDateTimeFactory
) -> None:
    """A clock going back does not clear an outage already confirmed."""
    events: list[Event[Any]] = []
    hass.bus.async_listen(EVENT_DIAGNOSIS, events.append)
    garage.set("camera", STATE_UNAVAILABLE)
    await advance(hass, freezer, timedelta(minutes=7))
    assert _check(hass)["cause"] == "no_connection"
    issues = set(our_issues(hass))
    assert issues == {f"no_connection_{garage.registry_id}"}

    await _jump(hass, freezer, -timedelta(hours=1))
    garage.set("battery", "79")
    await advance(hass, freezer, timedelta(minutes=1))
    assert _check(hass)["cause"] == "no_connection"
    assert set(our_issues(hass)) == issues
    assert [e.data["cause"] for e in events] == ["no_connection"]

    # Nor does an unexplained outage fall back to no_connection.
    await advance(hass, freezer, timedelta(hours=2))
    assert _check(hass)["cause"] == "unexplained"
    await _jump(hass, freezer, -timedelta(hours=3))
    garage.set("battery", "78")
    await advance(hass, freezer, timedelta(minutes=1))
    assert _check(hass)["cause"] == "unexplained"
    assert [e.data["cause"] for e in events] == ["no_connection", "unexplained"]

    garage.set("camera", "idle")
    await hass.async_block_till_done()
    assert _check(hass)["cause"] == "none"
    assert our_issues(hass) == {}


async def test_hour_forwards(
    hass: HomeAssistant, garage: FakeCamera, freezer: FrozenDateTimeFactory
) -> None:
    """The clock jumps an hour ahead mid-grace: confirmed, durations sensible."""
    garage.set("battery", "8")
    garage.set("camera", STATE_UNAVAILABLE)
    await advance(hass, freezer, timedelta(minutes=2))
    await _jump(hass, freezer, timedelta(hours=1))
    evidence = _check(hass)
    assert evidence["cause"] == "low_battery"
    assert 62.0 <= evidence["offline_for_minutes"] < 62.1
    assert set(our_issues(hass)) == {f"low_battery_{garage.registry_id}"}
    garage.set("camera", "idle")
    garage.set("battery", "90")
    await hass.async_block_till_done()
    assert _check(hass)["cause"] == "none"
    assert our_issues(hass) == {}


async def test_local_dst_change_is_no_jump(
    hass: HomeAssistant, garage: FakeCamera, freezer: FrozenDateTimeFactory
) -> None:
    """Across the local 02:00 -> 03:00 change, the grace period is 6 real minutes."""
    await advance(hass, freezer, timedelta(minutes=27))  # 01:57 local time
    garage.set("camera", STATE_UNAVAILABLE)
    await advance(hass, freezer, timedelta(minutes=5, seconds=59))  # 03:02:59 local
    assert _check(hass)["cause"] == "none"
    await advance(hass, freezer, timedelta(seconds=2))
    evidence = _check(hass)
    assert evidence["cause"] == "no_connection"
    assert 6.0 <= evidence["offline_for_minutes"] < 6.1


async def test_ntp_correction_keeps_an_offline_sync_module(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """An unavailable sync module confirmed offline stays so when the clock goes back."""
    freezer.move_to(START)
    camera = add_blink(hass)
    await setup_entry(hass, mock_config_entry)
    events: list[Event[Any]] = []
    hass.bus.async_listen(EVENT_DIAGNOSIS, events.append)
    hass.states.async_set(camera.siblings["hub"], STATE_UNAVAILABLE, {})
    await advance(hass, freezer, timedelta(minutes=6, seconds=1))
    cause = "sensor.front_door_red_flash_cause"
    assert hass.states.get(cause).state == "sync_module_offline"
    await _jump(hass, freezer, -timedelta(hours=1))
    camera.set("camera", "idle", **(BLINK_ATTRIBUTES | {"temperature": 67}))
    await advance(hass, freezer, timedelta(minutes=1))
    assert hass.states.get(cause).state == "sync_module_offline"
    assert [e.data["cause"] for e in events] == ["sync_module_offline"]
    await advance(hass, freezer, timedelta(minutes=5))
    hub = er.async_get(hass).async_get(camera.siblings["hub"])
    assert hub is not None
    assert set(our_issues(hass)) == {f"sync_module_offline_{hub.id}"}
    assert [e.data["cause"] for e in events] == ["sync_module_offline"]


OUTAGE = ("camera", STATE_UNAVAILABLE, "no_connection", 6)
LOW_BATTERY = ("battery", "8", "low_battery", 5)


@pytest.mark.parametrize(
    ("problem", "jump"),
    [
        pytest.param(OUTAGE, timedelta(hours=1), id="outage"),
        pytest.param(LOW_BATTERY, timedelta(hours=1), id="low-battery"),
        pytest.param(LOW_BATTERY, timedelta(0), id="no-jump"),
    ],
)
async def test_clock_set_back_keeps_the_elapsed_wait(
    hass: HomeAssistant,
    clocked_garage: FakeCamera,
    clock: LoopClock,
    freezer: FrozenDateTimeFactory,
    *,
    problem: tuple[str, str, str, int],
    jump: timedelta,
) -> None:
    """Set back 2 minutes into its wait, a problem is still reported on time.

    ``problem``: the reading, its value, the cause and the wait in minutes.
    Nothing changes after the jump, so only Camera Doctor's own timer can
    notice the end of the wait: at the wait in elapsed time, not an hour
    later when the wall clock has caught up again.
    """
    key, value, cause, wait = problem
    clocked_garage.set(key, value)
    await advance(hass, freezer, timedelta(minutes=2))
    await clock.set_back(freezer, jump)
    await advance(hass, freezer, timedelta(minutes=wait - 2, seconds=-10))
    assert hass.states.get(CAUSE.format("garage")).state == "none"
    await advance(hass, freezer, timedelta(seconds=20))
    state = hass.states.get(CAUSE.format("garage"))
    assert state.state == cause
    assert _check(hass)["cause"] == cause
    since = dt_util.parse_datetime(state.attributes["since"])
    assert dt_util.utcnow() - since == timedelta(seconds=10)
    assert set(our_issues(hass)) == {f"{cause}_{clocked_garage.registry_id}"}
