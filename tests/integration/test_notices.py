"""Notices that follow their camera: gone with it, current in their words."""

from __future__ import annotations

import logging

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er, issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor.const import (
    CONF_BATTERY_CRITICAL,
    CONF_BATTERY_LOW,
    CONF_EXCLUDE,
    DOMAIN,
)

from .fleet import add_generic_camera, our_issues, past_grace, setup_entry


async def test_no_camera_is_said_and_goes_when_one_comes(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """With nothing to watch, a notice says why nothing happens."""
    issue = our_issues(hass)["no_cameras"]
    assert issue.severity is ir.IssueSeverity.WARNING
    assert issue.translation_key == "no_cameras"
    add_generic_camera(hass, "Garage")
    await hass.async_block_till_done()
    assert our_issues(hass) == {}


async def test_a_notice_whose_camera_went_while_unloaded_is_deleted(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Removed while the entry was not loaded: its notice goes at set-up.

    The notice of a camera that is still there stays, with its "Ignore".
    """
    garage = add_generic_camera(hass, "Garage")
    porch = add_generic_camera(hass, "Porch")
    await setup_entry(hass, mock_config_entry)
    garage.set("battery", "5")
    porch.set("battery", "5")
    await past_grace(hass, freezer)
    kept = f"low_battery_{porch.registry_id}"
    assert set(our_issues(hass)) == {f"low_battery_{garage.registry_id}", kept}
    ir.async_get(hass).async_ignore(DOMAIN, kept, True)

    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    er.async_get(hass).async_remove(garage.entity_id)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert set(our_issues(hass)) == {kept}
    assert our_issues(hass)[kept].dismissed_version is not None


async def test_notice_words_follow_renames_and_options(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A renamed camera and a changed limit show in the notice, "Ignore" kept."""
    garage = add_generic_camera(hass, "Garage")
    await setup_entry(hass, mock_config_entry)
    garage.set("battery", "15")
    await past_grace(hass, freezer)
    issue_id = f"low_battery_{garage.registry_id}"
    registry = ir.async_get(hass)
    registry.async_ignore(DOMAIN, issue_id, True)
    created = registry.async_get_issue(DOMAIN, issue_id)
    assert created is not None
    assert created.translation_placeholders["threshold"] == "20 %"

    er.async_get(hass).async_update_entity(garage.entity_id, name="Carport")
    garage.set("camera", "idle", friendly_name="Carport")  # written as renamed
    await hass.async_block_till_done()
    hass.config_entries.async_update_entry(
        mock_config_entry,
        options={
            **mock_config_entry.options,
            CONF_BATTERY_LOW: 30,
            CONF_BATTERY_CRITICAL: 10,
        },
    )
    await hass.async_block_till_done()
    issue = registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_placeholders["camera"] == "Carport"
    assert issue.translation_placeholders["threshold"] == "30 %"
    assert issue.created == created.created  # the same notice, not a new one
    assert issue.dismissed_version is not None


async def test_renaming_a_source_keeps_its_notice(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A battery sensor renamed while low: the same notice, its "Ignore" kept.

    Newer Home Assistant removes the old state before the entity writes the
    new one; in between, the sensor has no state at all.
    """
    garage = add_generic_camera(hass, "Garage")
    await setup_entry(hass, mock_config_entry)
    garage.set("battery", "5")
    await past_grace(hass, freezer)
    issue_id = f"low_battery_{garage.registry_id}"
    registry = ir.async_get(hass)
    registry.async_ignore(DOMAIN, issue_id, True)
    removed: list[str] = []
    hass.bus.async_listen(
        ir.EVENT_REPAIRS_ISSUE_REGISTRY_UPDATED,
        lambda event: removed.append(event.data["action"]),
    )

    old = garage.siblings["battery"]
    hass.states.async_remove(old)
    er.async_get(hass).async_update_entity(old, new_entity_id="sensor.carport_battery")
    await hass.async_block_till_done()
    garage.siblings["battery"] = "sensor.carport_battery"
    garage.set("battery", "5")
    await hass.async_block_till_done()
    assert "remove" not in removed
    issue = registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.dismissed_version is not None
    assert hass.states.get("sensor.garage_red_flash_cause").state == "low_battery"


async def test_debug_log_says_what_happened(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """At debug level: cameras skipped and why, confirmed changes, notices."""
    caplog.set_level(logging.DEBUG, logger="custom_components.camera_doctor")
    garage = add_generic_camera(hass, "Garage")
    porch = add_generic_camera(hass, "Porch")
    mock_config_entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(
        mock_config_entry,
        options={**mock_config_entry.options, CONF_EXCLUDE: [porch.entity_id]},
    )
    await setup_entry(hass, mock_config_entry)
    garage.set("battery", "5")
    await past_grace(hass, freezer)
    garage.set("battery", "90")
    await hass.async_block_till_done()
    text = caplog.text
    assert f"Not watching {porch.entity_id}: excluded in the options" in text
    assert f"{garage.entity_id}: none -> low_battery" in text
    assert f"{garage.entity_id}: notice low_battery raised" in text
    assert f"{garage.entity_id}: low_battery -> none" in text
    assert f"{garage.entity_id}: notice low_battery cleared" in text
