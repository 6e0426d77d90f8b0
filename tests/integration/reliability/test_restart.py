"""Restart: diagnoses, since times, battery records and grace timers survive.

A Home Assistant restart does not unload config entries: what survives is
what the store wrote at the final write. The test fires that write, keeps
exactly what it stored, forgets the repair issues (Home Assistant does not
keep non-persistent issues across a restart) and the source states, and
starts the entry again from it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_HOMEASSISTANT_FINAL_WRITE, STATE_UNAVAILABLE
from homeassistant.core import Event, HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor.const import DOMAIN, EVENT_DIAGNOSIS
from custom_components.camera_doctor.store import STORAGE_KEY
from tests.integration.fleet import FakeCamera, add_generic_camera

from .helpers import CAUSE, advance, our_issues, setup_entry


async def _restart(
    hass: HomeAssistant,
    entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    cameras: list[FakeCamera],
) -> None:
    """Stop (final write), drop what Home Assistant forgets, start again."""
    hass.bus.async_fire(EVENT_HOMEASSISTANT_FINAL_WRITE)
    await hass.async_block_till_done()
    written = hass_storage[STORAGE_KEY]
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    hass_storage[STORAGE_KEY] = written  # not what the unload saved
    for issue_id, issue in our_issues(hass).items():
        assert not issue.is_persistent
        ir.async_delete_issue(hass, DOMAIN, issue_id)
    for camera in cameras:  # the source integration writes its states anew
        state = hass.states.get(camera.entity_id)
        hass.states.async_remove(camera.entity_id)
        camera.set("camera", state.state)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


async def test_restart_keeps_everything_and_fires_nothing(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    freezer: FrozenDateTimeFactory,
) -> None:
    """Offline 3 min before a restart: no_connection ~3 min after it, not 6."""
    freezer.move_to("2026-03-01T10:00:00+00:00")
    garage = add_generic_camera(hass, "Garage")
    porch = add_generic_camera(hass, "Porch")
    shed = add_generic_camera(hass, "Shed")
    await setup_entry(hass, mock_config_entry)
    monitor = mock_config_entry.runtime_data.monitor

    garage.set("battery", "8")
    shed.set("camera", STATE_UNAVAILABLE)
    await advance(hass, freezer, timedelta(minutes=10))
    replaced_at = dt_util.utcnow()
    monitor.batteries.async_replaced(
        monitor.cameras[garage.registry_id], dt_util.utcnow()
    )
    assert set(our_issues(hass)) == {
        f"low_battery_{garage.registry_id}",
        f"no_connection_{shed.registry_id}",
    }
    offline_at = dt_util.utcnow()
    porch.set("camera", STATE_UNAVAILABLE)
    await advance(hass, freezer, timedelta(minutes=3))
    before = {
        name: hass.states.get(CAUSE.format(name)).attributes["since"]
        for name in ("garage", "porch", "shed")
    }
    assert hass.states.get(CAUSE.format("porch")).state == "none"

    issues_before = set(our_issues(hass))
    events: list[Event[Any]] = []
    hass.bus.async_listen(EVENT_DIAGNOSIS, events.append)
    await _restart(hass, mock_config_entry, hass_storage, [garage, porch, shed])

    monitor = mock_config_entry.runtime_data.monitor
    assert events == []
    # Raised again at once (the grace period was waited out before).
    assert set(our_issues(hass)) == issues_before
    states = {name: hass.states.get(CAUSE.format(name)) for name in before}
    assert {name: state.state for name, state in states.items()} == {
        "garage": "low_battery",
        "porch": "none",
        "shed": "no_connection",
    }
    assert {name: state.attributes["since"] for name, state in states.items()} == (
        before
    )
    replaced = monitor.store.get(garage.registry_id).batteries_replaced
    assert replaced == replaced_at
    # The porch's grace timer survived: due 6 min after it went offline.
    porch_watch = monitor.cameras[porch.registry_id]
    assert porch_watch.diagnosis is not None
    assert porch_watch.diagnosis.offline_since == offline_at
    assert porch_watch.timer_at is not None
    await advance(hass, freezer, timedelta(minutes=2, seconds=59))
    assert hass.states.get(CAUSE.format("porch")).state == "none"
    await advance(hass, freezer, timedelta(seconds=2))
    porch_state = hass.states.get(CAUSE.format("porch"))
    assert porch_state.state == "no_connection"
    evidence = porch_state.attributes["evidence"]
    assert 6.0 <= evidence["offline_for_minutes"] < 6.1
    assert [e.data["entity_id"] for e in events] == [porch.entity_id]
    assert f"no_connection_{porch.registry_id}" in our_issues(hass)


async def test_issues_and_stored_data_survive_unload(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    freezer: FrozenDateTimeFactory,
) -> None:
    """An issue raised before the restart is raised again at startup."""
    garage = add_generic_camera(hass, "Garage")
    await setup_entry(hass, mock_config_entry)
    garage.set("temperature", "60")
    await advance(hass, freezer, timedelta(minutes=6))
    issue_id = f"overheating_{garage.registry_id}"
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is not None
    await _restart(hass, mock_config_entry, hass_storage, [garage])
    issue = ir.async_get(hass).async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_placeholders["value"] == "60 °C"
    stored = hass_storage[STORAGE_KEY]["data"]["cameras"][garage.registry_id]
    stored = stored["diagnosis"]
    assert stored["cause"] == "overheating"
    assert datetime.fromisoformat(stored["since"]["overheating"]) <= dt_util.utcnow()
    garage.set("temperature", "20")
    await hass.async_block_till_done()
    assert our_issues(hass) == {}
