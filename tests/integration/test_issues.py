"""Repair issue lifecycle: severity, churn bound, removal, night note."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er, issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor.const import (
    CONF_EXCLUDE,
    CONF_GRACE_MINUTES,
    DOMAIN,
)
from custom_components.camera_doctor.diagnosis import (
    MAX_NOTICES_PER_HOUR as MAX_CREATES_PER_HOUR,
)
from custom_components.camera_doctor.options import DEFAULT_OPTIONS

from .fleet import FakeCamera, add_generic_camera, advance, our_issues, setup_entry


async def _setup(hass: HomeAssistant, entry: MockConfigEntry) -> FakeCamera:
    camera = add_generic_camera(hass, "Garage")
    await setup_entry(hass, entry)
    return camera


async def test_offline_for_an_hour_becomes_an_error(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """An outage is a warning at first and an error after an hour."""
    camera = await _setup(hass, mock_config_entry)
    camera.set("camera", STATE_UNAVAILABLE)
    await advance(hass, freezer, timedelta(minutes=6))
    issue_id = f"no_connection_{camera.registry_id}"
    issue = ir.async_get(hass).async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.severity is ir.IssueSeverity.WARNING
    assert issue.learn_more_url.endswith("/docs/causes/no_connection.md")
    await advance(hass, freezer, timedelta(minutes=56))
    issue = ir.async_get(hass).async_get_issue(DOMAIN, issue_id)
    assert issue.severity is ir.IssueSeverity.ERROR


@pytest.mark.parametrize("options", [{**DEFAULT_OPTIONS, CONF_GRACE_MINUTES: 0}])
async def test_flapping_source_has_bounded_churn(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    options: dict[str, Any],
) -> None:
    """A battery reading flapping every 30 s for an hour: at most 4 issues/hour."""
    camera = await _setup(hass, mock_config_entry)
    created = 0
    issue_id = f"low_battery_{camera.registry_id}"
    for step in range(120):
        camera.set("battery", "5" if step % 2 == 0 else "90")
        await advance(hass, freezer, timedelta(seconds=30))
        if step % 2 == 0 and issue_id in our_issues(hass):
            created += 1
    assert created == MAX_CREATES_PER_HOUR
    camera.set("battery", "5")
    await advance(hass, freezer, timedelta(hours=1))
    assert issue_id in our_issues(hass), "a lasting fault is still reported"
    camera.set("battery", "90")
    await advance(hass, freezer, timedelta(seconds=1))
    assert our_issues(hass) == {}


async def test_issues_removed_with_camera_exclusion_and_entry(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Excluding, removing the camera, or removing the entry clears its issues."""
    camera = await _setup(hass, mock_config_entry)
    porch = add_generic_camera(hass, "Porch")
    camera.set("battery", "5")
    porch.set("battery", "5")
    await advance(hass, freezer, timedelta(minutes=6))
    assert len(our_issues(hass)) == 2

    hass.config_entries.async_update_entry(
        mock_config_entry,
        options={**mock_config_entry.options, CONF_EXCLUDE: [porch.entity_id]},
    )
    await hass.async_block_till_done()
    assert set(our_issues(hass)) == {f"low_battery_{camera.registry_id}"}

    er.async_get(hass).async_remove(camera.entity_id)
    await hass.async_block_till_done()
    assert set(our_issues(hass)) == {"no_cameras"}  # nothing left to watch

    hass.config_entries.async_update_entry(
        mock_config_entry, options={**mock_config_entry.options, CONF_EXCLUDE: []}
    )
    await advance(hass, freezer, timedelta(minutes=6))
    assert set(our_issues(hass)) == {f"low_battery_{porch.registry_id}"}
    assert await hass.config_entries.async_remove(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert our_issues(hass) == {}


async def test_night_note_when_healthy(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """After sunset a healthy camera's cause sensor carries the night_ir note."""
    hass.states.async_set("sun.sun", "above_horizon")
    await _setup(hass, mock_config_entry)
    state = hass.states.get("sensor.garage_red_flash_cause")
    assert state.attributes["notes"] == []
    hass.states.async_set("sun.sun", "below_horizon")
    await hass.async_block_till_done()
    state = hass.states.get("sensor.garage_red_flash_cause")
    assert state.state == "none"
    assert state.attributes["notes"] == ["night_ir"]
