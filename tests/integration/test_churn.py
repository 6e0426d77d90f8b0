"""A diagnosis change costs only what it must: writes, timers, history, reads."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import (
    EVENT_STATE_CHANGED,
    EVENT_STATE_REPORTED,
    STATE_UNAVAILABLE,
)
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor import watch as watch_module
from custom_components.camera_doctor.const import CONF_GRACE_MINUTES, DOMAIN
from custom_components.camera_doctor.diagnosis import Cause
from custom_components.camera_doctor.diagnosis.forecast import Forecast, ForecastState
from custom_components.camera_doctor.monitor import CameraMonitor
from custom_components.camera_doctor.options import DEFAULT_OPTIONS
from custom_components.camera_doctor.watch import HISTORY_LENGTH, CameraWatch

from .fleet import FakeCamera


def _watch(
    entry: MockConfigEntry, camera: FakeCamera
) -> tuple[CameraMonitor, CameraWatch]:
    monitor: CameraMonitor = entry.runtime_data.monitor
    watch = monitor.camera_set.watch_for_entity(camera.entity_id)
    assert watch is not None
    return monitor, watch


NO_GRACE = {**DEFAULT_OPTIONS, CONF_GRACE_MINUTES: 0}


@pytest.mark.parametrize("options", [NO_GRACE])
async def test_entities_written_only_when_what_they_show_changes(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, garage: FakeCamera
) -> None:
    """Each step writes exactly the entities whose state or attributes change."""
    ours = {
        entry.entity_id: entry.translation_key or entry.unique_id
        for entry in er.async_entries_for_config_entry(
            er.async_get(hass), mock_config_entry.entry_id
        )
        if entry.platform == DOMAIN and entry.translation_key != "battery_forecast"
    }
    assert len(ours) == 4
    written: Counter[str] = Counter()

    @callback
    def changed(event: Event[Any]) -> None:
        if (key := ours.get(event.data["entity_id"])) is not None:
            written[key] += 1

    @callback
    def reported(event: Event[Any]) -> None:
        if (key := ours.get(event.data["entity_id"])) is not None:
            written[f"{key} unchanged"] += 1

    hass.bus.async_listen(EVENT_STATE_CHANGED, changed)
    hass.bus.async_listen(
        EVENT_STATE_REPORTED,
        reported,
        event_filter=callback(lambda data: data["entity_id"] in ours),
    )

    async def step(key: str, state: str) -> dict[str, int]:
        written.clear()
        garage.set(key, state)
        await hass.async_block_till_done()
        return dict(written)

    everything = {
        "red_flash_cause": 1,
        "recommended_fix": 1,
        "red_flash": 1,
        "diagnosis": 1,
    }
    # Healthy -> low battery: every entity changes.
    assert await step("battery", "9") == everything
    # Lower still: only the cause sensor's evidence changes.
    assert await step("battery", "8") == {"red_flash_cause": 1}
    # A second cause: the cause sensor's list of causes changes, nothing else.
    assert await step("signal", "-85") == {"red_flash_cause": 1}
    # The battery recovers: the primary cause and the fix change, the
    # problem sensor stays on.
    assert await step("battery", "80") == {
        "red_flash_cause": 1,
        "recommended_fix": 1,
        "diagnosis": 1,
    }
    # The same signal again: no change at all, so nothing is written.
    assert await step("signal", "-85") == {}
    assert await step("signal", "-55") == everything


async def test_timer_kept_while_its_moment_stands(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    garage: FakeCamera,
    freezer: FrozenDateTimeFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Re-diagnosing a camera keeps its pending timer when the moment is the same."""
    monitor, watch = _watch(mock_config_entry, garage)
    armed: list[datetime] = []
    call_later = watch_module.async_call_later

    def counting(hass: HomeAssistant, delay: float, action: Any) -> Any:
        armed.append(dt_util.utcnow() + timedelta(seconds=delay))
        return call_later(hass, delay, action)

    monkeypatch.setattr(watch_module, "async_call_later", counting)
    assert watch.timer_at is None

    garage.set("camera", STATE_UNAVAILABLE)
    await hass.async_block_till_done()
    at = watch.timer_at
    assert at is not None
    assert armed == [at]

    # The outage counts after its grace period and a minute's slack (6 min).
    freezer.tick(timedelta(seconds=90))
    monitor.async_evaluate(watch)  # the same outage: the same end of its grace
    assert watch.timer_at == at
    assert armed == [at]

    garage.set("battery", "9")  # a new problem, confirmed after 5 min: later
    await hass.async_block_till_done()
    assert watch.timer_at == at
    assert armed == [at]

    garage.set("camera", "idle")  # back: only the battery is waiting
    await hass.async_block_till_done()
    assert watch.timer_at is not None
    assert watch.timer_at > at
    assert armed == [at, watch.timer_at]

    garage.set("battery", "80")  # healthy: nothing left to wait for
    await hass.async_block_till_done()
    assert watch.timer_at is None


@pytest.mark.parametrize("options", [NO_GRACE])
async def test_history_keeps_the_latest_transitions(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, garage: FakeCamera
) -> None:
    """Only the last ``HISTORY_LENGTH`` cause transitions are kept, oldest first."""
    _monitor, watch = _watch(mock_config_entry, garage)
    assert watch.history == ()
    flips = HISTORY_LENGTH + 5
    for flip in range(flips):
        garage.set("battery", "9" if flip % 2 == 0 else "80")
        await hass.async_block_till_done()
    assert len(watch.history) == HISTORY_LENGTH
    pairs = [(t.previous, t.cause) for t in watch.history]
    # 25 flips, the first five dropped: the sixth (back to healthy) comes first.
    assert pairs[0] == (Cause.LOW_BATTERY, Cause.NONE)
    assert pairs[-1] == (Cause.NONE, Cause.LOW_BATTERY)
    assert pairs[1::2] == [(Cause.NONE, Cause.LOW_BATTERY)] * (HISTORY_LENGTH // 2)
    assert all(a.at <= b.at for a, b in zip(watch.history, watch.history[1:]))


async def test_a_forecast_is_news_only_for_the_forecast_listeners(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, garage: FakeCamera
) -> None:
    """A new forecast tells the forecast's listeners only, a new diagnosis the others.

    The forecast sensor shows nothing of the diagnosis and the other
    entities nothing of the forecast; a refresh (batteries replaced) tells
    both.
    """
    monitor, watch = _watch(mock_config_entry, garage)
    heard: list[str] = []

    class Listener:
        def __init__(self, shows_forecast: bool) -> None:
            self.shows_forecast = shows_forecast

        def async_watch_changed(self, _watch: CameraWatch, _previous: Any) -> None:
            heard.append("forecast" if self.shows_forecast else "diagnosis")

    on_diagnosis, on_forecast = Listener(False), Listener(True)
    watch.async_add_listener(on_diagnosis)
    watch.async_add_listener(on_forecast)
    soon = Forecast(state=ForecastState.OK, at=dt_util.utcnow() + timedelta(days=3))
    watch.async_set_forecast(soon)
    assert heard == ["forecast"]
    watch.async_set_forecast(soon)  # the same forecast: nothing to tell
    assert heard == ["forecast"]

    heard.clear()
    garage.set("battery", "9")  # a new diagnosis (and a new battery reading)
    await hass.async_block_till_done()
    assert heard.count("diagnosis") == 1
    assert watch.forecast != soon  # worked out again from the reading
    assert heard.count("forecast") == 1

    heard.clear()
    monitor.batteries.async_replaced(watch, dt_util.utcnow())
    assert sorted(heard) == ["diagnosis", "forecast"]

    watch.async_remove_listener(on_diagnosis)
    watch.async_remove_listener(on_forecast)
    heard.clear()
    watch.async_set_forecast(None)
    watch.async_refresh()
    assert heard == []
