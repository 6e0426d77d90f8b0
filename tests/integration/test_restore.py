"""Diagnoses survive a restart without a false transition."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from custom_components.camera_doctor.const import EVENT_DIAGNOSIS
from custom_components.camera_doctor.diagnosis.forecast import BatteryHistory
from custom_components.camera_doctor.diagnosis.forecast_history import MAX_POINTS
from custom_components.camera_doctor.store import PackedHistory

from .fleet import add_generic_camera, setup_entry


async def test_restart_keeps_diagnosis_and_since(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """A stored low_battery diagnosis is shown at once and fires nothing."""
    camera = add_generic_camera(hass, "Garage")
    camera.set("battery", "8")
    since = "2026-01-01T08:00:00+00:00"
    hass_storage["camera_doctor.diagnoses"] = {
        "version": 1,
        "minor_version": 1,
        "key": "camera_doctor.diagnoses",
        "data": {
            "cameras": {
                camera.registry_id: {
                    "cause": "low_battery",
                    "causes": ["low_battery"],
                    "evidence": {"battery_percent": 9},
                    "notes": [],
                    "since": {"low_battery": since},
                    "offline_since": None,
                    "next_check": None,
                }
            },
            "batteries_replaced": {camera.registry_id: "2025-12-01T10:00:00+00:00"},
        },
    }
    events = async_capture_events(hass, EVENT_DIAGNOSIS)
    await setup_entry(hass, mock_config_entry)

    state = hass.states.get("sensor.garage_red_flash_cause")
    assert state.state == "low_battery"
    assert state.attributes["since"] == since
    assert state.attributes["evidence"]["battery_percent"] == 8
    assert events == []
    monitor = mock_config_entry.runtime_data.monitor
    replaced = monitor.store.get(camera.registry_id).batteries_replaced
    assert replaced is not None
    assert replaced.isoformat() == "2025-12-01T10:00:00+00:00"


async def test_unload_saves_diagnoses(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """What is known is written when the entry unloads, garbage is ignored."""
    camera = add_generic_camera(hass, "Garage")
    hass_storage["camera_doctor.diagnoses"] = {
        "version": 1,
        "key": "camera_doctor.diagnoses",
        "data": {"cameras": {camera.registry_id: {"cause": "bogus"}, "x": []}},
    }
    await setup_entry(hass, mock_config_entry)
    camera.set("temperature", "-30")
    await hass.async_block_till_done()
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    stored = hass_storage["camera_doctor.diagnoses"]["data"]["cameras"]
    assert list(stored[camera.registry_id]["diagnosis"]["pending"]) == ["too_cold"]


def test_a_full_battery_history_is_packed_compactly() -> None:
    """48 points take 8 bytes each; times to the second, levels to 0.01 %."""
    start = 1_764_000_000.25
    points = tuple((start + i * 5_400.4, 97.3 - i * 1.37) for i in range(MAX_POINTS))
    history = BatteryHistory(points, changed_at=start - 60.0, charging=False)
    packed = PackedHistory.pack(history)
    assert packed.values.itemsize * len(packed.values) == 8 * MAX_POINTS
    back = packed.history
    assert back.changed_at == history.changed_at
    assert back.points[0] == points[0]  # the first point's time exactly
    for (at, level), (was_at, was_level) in zip(back.points, points, strict=True):
        assert abs(at - was_at) <= 0.5
        assert abs(level - was_level) <= 0.005
    assert packed.newest == back.points[-1]
    assert PackedHistory.pack(back).values == packed.values  # stable once packed


async def test_a_record_changes_only_with_its_facts(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """Facts given as they are keep the record; a new fact replaces it."""
    camera = add_generic_camera(hass, "Garage")
    await setup_entry(hass, mock_config_entry)
    store = mock_config_entry.runtime_data.monitor.store
    record = store.get(camera.registry_id)
    assert record.diagnosis is not None

    same = store.async_update(
        camera.registry_id, diagnosis=record.diagnosis, hub_entity_id=None
    )
    assert same is record
    moved = store.async_update(camera.registry_id, hub_entity_id="alarm.hub")
    assert moved is not record
    assert (moved.hub_entity_id, moved.diagnosis) == ("alarm.hub", record.diagnosis)
    assert store.get(camera.registry_id) is moved
    # A camera with no record yet gets one, even of facts that are all unknown.
    fresh = store.async_update("new-camera", hub_entity_id=None)
    assert store.get("new-camera") is fresh
