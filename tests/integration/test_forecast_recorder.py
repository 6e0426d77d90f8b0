"""The forecast from day one: seeded from Home Assistant's real recorder (SQLite).

The battery's history is written to the recorder before Camera Doctor
starts, as Home Assistant would have recorded it over the days before
Camera Doctor was installed.
"""

from __future__ import annotations

from datetime import datetime, timedelta
import itertools
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.recorder import Recorder
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)

from custom_components.camera_doctor import recorded
from custom_components.camera_doctor.const import CONF_EXCLUDE
from custom_components.camera_doctor.options import DEFAULT_OPTIONS
from custom_components.camera_doctor.store import STORAGE_KEY

from .fleet import FakeCamera, add_generic_camera, setup_entry

FORECAST = "sensor.{}_battery_runs_low"


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(
    recorder_db_url: str, enable_custom_integrations: None
) -> None:
    """The recorder's database first: it must be ready before Home Assistant."""


async def _recorded_drain(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    cameras: list[FakeCamera],
    levels: list[int],
    *,
    hours: float = 6,
) -> datetime:
    """Report ``levels`` ``hours`` apart, ending now, into the recorder."""
    now = dt_util.utcnow()
    start = now - timedelta(hours=hours * len(levels))
    for index, level in enumerate(levels):
        freezer.move_to(start + timedelta(hours=hours * index))
        for camera in cameras:
            camera.set("battery", str(level))
        await hass.async_block_till_done()
    freezer.move_to(now)
    await async_wait_recording_done(hass)
    return now


def _forecast(hass: HomeAssistant, name: str) -> dict[str, Any]:
    state = hass.states.get(FORECAST.format(name))
    assert state is not None
    return {"state": state.state, **state.attributes}


async def test_a_recorded_discharge_gives_a_forecast_at_once(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Five recorded days at 4 % a day: a date on the first start."""
    garage = add_generic_camera(hass, "Garage")
    # Before: a battery change (40 -> 100) that the forecast must start after.
    now = await _recorded_drain(
        hass, freezer, [garage], [42, 41, 40, *range(100, 80, -1)]
    )

    await setup_entry(hass, mock_config_entry)

    forecast = _forecast(hass, "garage")
    assert forecast["forecast"] == "ok"
    assert forecast["rate_per_day"] == pytest.approx(4.0, abs=0.2)
    assert forecast["points"] >= 19  # the recorded points since the change
    changed = dt_util.parse_datetime(forecast["changed_at"])
    assert changed is not None
    assert now - changed == pytest.approx(
        timedelta(hours=6 * 20), abs=timedelta(hours=1)
    )
    at = dt_util.parse_datetime(forecast["state"])
    expected = now + timedelta(days=(81 - 20) / 4)
    assert at is not None
    assert abs((at - expected).total_seconds()) < 86400

    # A restart reads the recorder again: nothing new, nothing counted twice.
    stored = mock_config_entry.runtime_data.monitor.store
    points = stored.get(garage.registry_id).battery.history.points
    assert await hass.config_entries.async_reload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    stored = mock_config_entry.runtime_data.monitor.store
    assert stored.get(garage.registry_id).battery.history.points == points
    assert _forecast(hass, "garage") == forecast


async def test_own_history_and_recorder_merged_without_duplicates(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    """A stored history of the last day, the recorder's five: one of each point."""
    garage = add_generic_camera(hass, "Garage")
    now = await _recorded_drain(hass, freezer, [garage], list(range(100, 80, -1)))
    # Camera Doctor saw the last day itself (the same readings, a moment later).
    own = [
        [(now - timedelta(hours=6 * back)).timestamp() + 2, 80 + back]
        for back in (4, 3, 2, 1)
    ]
    registry_id = garage.registry_id
    hass_storage[STORAGE_KEY] = {
        "version": 1,
        "minor_version": 2,
        "key": STORAGE_KEY,
        "data": {
            "cameras": {
                registry_id: {
                    "battery": {
                        "version": 1,
                        "points": own,
                        "changed_at": None,
                        "charging": False,
                    }
                }
            }
        },
    }

    await setup_entry(hass, mock_config_entry)

    forecast = _forecast(hass, "garage")
    assert forecast["forecast"] == "ok"
    # 16 recorded before the own history, its 4, and now's reading (81).
    assert forecast["points"] == 21
    monitor = mock_config_entry.runtime_data.monitor
    times = [t for t, _ in monitor.store.get(registry_id).battery.history.points]
    assert len(times) == len(set(times)) == 21
    assert all(b - a >= 3600 for a, b in itertools.pairwise(times))


async def test_a_camera_added_later_is_seeded(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A camera found after set-up (here: enabled) gets its recorded history too."""
    porch = add_generic_camera(hass, "Porch")
    registry = er.async_get(hass)
    registry.async_update_entity(
        porch.entity_id, disabled_by=er.RegistryEntryDisabler.USER
    )
    await _recorded_drain(hass, freezer, [porch], list(range(90, 70, -1)))
    await setup_entry(hass, mock_config_entry)
    assert hass.states.get(FORECAST.format("porch")) is None

    registry.async_update_entity(porch.entity_id, disabled_by=None)
    await hass.async_block_till_done()

    forecast = _forecast(hass, "porch")
    assert forecast["forecast"] == "ok"
    assert forecast["rate_per_day"] == pytest.approx(4.0, abs=0.2)


@pytest.mark.parametrize(
    "options", [{**DEFAULT_OPTIONS, CONF_EXCLUDE: ["camera.porch"]}]
)
async def test_an_excluded_camera_is_not_read(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Only the watched cameras' batteries are read from the recorder."""
    garage = add_generic_camera(hass, "Garage")
    porch = add_generic_camera(hass, "Porch")
    await _recorded_drain(hass, freezer, [garage, porch], list(range(90, 70, -1)))
    asked: list[str] = []
    read = recorded._read

    def spy(hass: HomeAssistant, start: datetime, entity_ids: list[str]) -> Any:
        asked.extend(entity_ids)
        return read(hass, start, entity_ids)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("custom_components.camera_doctor.recorded._read", spy)
        await setup_entry(hass, mock_config_entry)
    assert asked == [garage.siblings["battery"]]
    assert _forecast(hass, "garage")["forecast"] == "ok"
    assert hass.states.get(FORECAST.format("porch")) is None


@pytest.mark.parametrize(
    "recorder_config", [{"exclude": {"entity_globs": ["sensor.*_battery"]}}]
)
async def test_a_battery_the_recorder_excludes_has_no_history(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Nothing recorded: Camera Doctor's own history alone, as before."""
    garage = add_generic_camera(hass, "Garage")
    await _recorded_drain(hass, freezer, [garage], list(range(90, 70, -1)))
    await setup_entry(hass, mock_config_entry)
    forecast = _forecast(hass, "garage")
    assert forecast["forecast"] == "not_enough_data"
    assert forecast["points"] == 1


async def test_without_a_recorder_the_own_history_alone(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No recorder loaded: nothing is read, the forecast waits for readings."""
    garage = add_generic_camera(hass, "Garage")
    for level in range(90, 70, -1):
        garage.set("battery", str(level))
    asked: list[HomeAssistant] = []
    monkeypatch.setattr(recorded, "get_instance", asked.append)
    await setup_entry(hass, mock_config_entry)
    assert asked == []
    assert "recorder" not in hass.config.components
    forecast = _forecast(hass, "garage")
    assert forecast["forecast"] == "not_enough_data"
    assert forecast["points"] == 1
