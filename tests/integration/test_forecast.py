"""The battery forecast in Home Assistant: sensor, notice, restart, changes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_HOMEASSISTANT_STARTED
from homeassistant.core import CoreState, HomeAssistant
from homeassistant.helpers import entity_registry as er, issue_registry as ir
from homeassistant.helpers.translation import async_get_translations
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor.const import CONF_FORECAST_DAYS, DOMAIN
from custom_components.camera_doctor.options import DEFAULT_OPTIONS
from custom_components.camera_doctor.store import STORAGE_KEY

from .fleet import (
    CAUSE as FLEET_CAUSE,
    FakeCamera,
    add_camera,
    advance,
    diagnose,
    setup_entry,
)

FORECAST = "sensor.garage_battery_runs_low"
CAUSE = FLEET_CAUSE.format("garage")


async def _drain(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    camera: FakeCamera,
    levels: range,
    hours: float = 6,
) -> None:
    """Report each level, ``hours`` apart: a steady drain."""
    for level in levels:
        camera.set("battery", str(level))
        await advance(hass, freezer, timedelta(hours=hours))


async def test_forecast_sensor_from_a_steady_drain(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    garage: FakeCamera,
    freezer: FrozenDateTimeFactory,
) -> None:
    """1 point every 6 hours (4 a day): the forecast says when it reaches 20 %."""
    state = hass.states.get(FORECAST)
    assert state is not None
    assert state.state == "unknown"
    assert state.attributes["forecast"] == "not_enough_data"

    await _drain(hass, freezer, garage, range(80, 60, -1))  # 5 days, 4 % a day
    state = hass.states.get(FORECAST)
    assert state.attributes["forecast"] == "ok"
    assert state.attributes["rate_per_day"] == pytest.approx(4.0, abs=0.2)
    assert state.attributes["days_of_data"] >= 4.5
    expected = dt_util.utcnow() + timedelta(days=(61 - 20) / 4)
    at = dt_util.parse_datetime(state.state)
    assert at is not None
    assert abs((at - expected).total_seconds()) < 86400  # within a day
    entry = er.async_get(hass).async_get(FORECAST)
    assert entry is not None
    assert entry.unique_id == f"acme_{garage.name.lower()}-camera_battery_forecast"


async def test_no_forecast_sensor_without_a_battery_level(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """A wired camera (no battery entity) gets no forecast sensor."""
    wired = add_camera(hass, "Garage")
    wired.set("camera", "idle")
    await setup_entry(hass, mock_config_entry)
    assert hass.states.get(CAUSE) is not None
    assert hass.states.get(FORECAST) is None


@pytest.mark.parametrize("options", [{**DEFAULT_OPTIONS, CONF_FORECAST_DAYS: 7}])
async def test_notice_before_the_flash_and_its_end(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    garage: FakeCamera,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Expected low within 7 days: a notice; the low battery itself wins later."""
    issue_id = f"battery_forecast_{garage.registry_id}"
    registry = ir.async_get(hass)
    await _drain(hass, freezer, garage, range(60, 45, -1), hours=12)  # 2 % a day
    assert registry.async_get_issue(DOMAIN, issue_id) is None  # ~ 12 days away
    await _drain(hass, freezer, garage, range(45, 30, -1), hours=12)
    issue = registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None  # ~ 5 days away
    assert issue.translation_key == "battery_forecast"
    placeholders = issue.translation_placeholders
    assert placeholders["camera"] == "Garage"
    assert placeholders["threshold"] == "20 %"
    assert 3 <= int(placeholders["value"]) <= 7
    assert placeholders["steps"].startswith("1. ")
    assert issue.severity is ir.IssueSeverity.WARNING

    # A new battery: a new discharge, no forecast yet, the notice goes.
    garage.set("battery", "100")
    await advance(hass, freezer, timedelta(minutes=1))
    assert registry.async_get_issue(DOMAIN, issue_id) is None
    assert hass.states.get(FORECAST).attributes["forecast"] == "not_enough_data"


async def test_the_notice_title_fits_every_kind_of_battery(hass: HomeAssistant) -> None:
    """The title speaks of the battery running low, not of new batteries.

    A Ring doorbell's pack is charged, a Blink camera's AA cells replaced:
    the title is true of both, the steps say which.
    """
    texts = await async_get_translations(hass, "en", "issues", [DOMAIN])
    title = texts[f"component.{DOMAIN}.issues.battery_forecast.title"]
    assert "battery" in title
    assert "new batteries" not in title


@pytest.mark.parametrize("options", [{**DEFAULT_OPTIONS, CONF_FORECAST_DAYS: 30}])
async def test_a_low_battery_wins_over_its_forecast(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    garage: FakeCamera,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Never both notices: once the battery is low, only low_battery shows."""
    await _drain(hass, freezer, garage, range(40, 18, -1), hours=12)
    issues = {issue for domain, issue in ir.async_get(hass).issues if domain == DOMAIN}
    assert f"low_battery_{garage.registry_id}" in issues
    assert f"battery_forecast_{garage.registry_id}" not in issues


@pytest.mark.parametrize("options", [{**DEFAULT_OPTIONS, CONF_FORECAST_DAYS: 0}])
async def test_zero_days_turns_the_notice_off(
    hass: HomeAssistant, garage: FakeCamera, freezer: FrozenDateTimeFactory
) -> None:
    """forecast_days 0: the sensor still forecasts, no notice ever."""
    await _drain(hass, freezer, garage, range(40, 25, -1), hours=12)
    assert hass.states.get(FORECAST).attributes["forecast"] == "ok"
    assert not [i for d, i in ir.async_get(hass).issues if i.startswith("battery_f")]


async def test_history_survives_a_restart(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    garage: FakeCamera,
    freezer: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    """The history is in the stored record: after a reload the forecast stands."""
    await _drain(hass, freezer, garage, range(80, 60, -1))
    before = hass.states.get(FORECAST).state
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    stored = hass_storage[STORAGE_KEY]["data"]["cameras"][garage.registry_id]
    assert len(stored["battery"]["points"]) >= 20
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert hass.states.get(FORECAST).state == before


async def test_a_restart_shows_the_forecast_at_once(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    garage: FakeCamera,
    freezer: FrozenDateTimeFactory,
) -> None:
    """While Home Assistant starts the sensor shows the stored forecast.

    The diagnosis entities show the stored diagnosis until every camera is
    looked at once Home Assistant has started; so does the forecast, and
    that first look does not write it again (no unknown in its history).
    """
    await _drain(hass, freezer, garage, range(80, 60, -1))
    before = hass.states.get(FORECAST)
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    hass.set_state(CoreState.not_running)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    starting = hass.states.get(FORECAST)
    assert starting.state == before.state
    assert starting.attributes == before.attributes

    hass.set_state(CoreState.running)
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STARTED)
    await hass.async_block_till_done()
    assert mock_config_entry.runtime_data.monitor.cameras  # looked at
    assert hass.states.get(FORECAST).last_updated == starting.last_updated


async def test_batteries_replaced_starts_a_new_discharge(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    garage: FakeCamera,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The owner's "I replaced the batteries": the history starts again."""
    await _drain(hass, freezer, garage, range(80, 60, -1))
    monitor = mock_config_entry.runtime_data.monitor
    watch = monitor.cameras[garage.registry_id]
    monitor.batteries.async_replaced(watch, dt_util.utcnow())
    assert monitor.store.get(garage.registry_id).battery.history.points == ()
    forecast = (await diagnose(hass, garage))["battery_forecast"]
    assert forecast["forecast"] == "not_enough_data"
    assert forecast["at"] is None


async def test_a_low_battery_shows_when_it_got_low(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    garage: FakeCamera,
    freezer: FrozenDateTimeFactory,
) -> None:
    """At 5 % the sensor shows when the battery reached the low level, not unknown.

    The ``diagnose`` action's ``battery_forecast.at`` says the same.
    """
    await _drain(hass, freezer, garage, range(30, 4, -5), hours=12)
    reached = dt_util.utcnow() - timedelta(hours=12 * 4)  # its 20 % reading
    state = hass.states.get(FORECAST)
    assert state.attributes["forecast"] == "already_low"
    shown = dt_util.parse_datetime(state.state)
    assert shown is not None
    assert abs((shown - reached).total_seconds()) < 1  # kept in whole seconds
    summary = (await diagnose(hass, garage))["battery_forecast"]
    assert summary["forecast"] == "already_low"
    at = dt_util.parse_datetime(summary["at"])
    assert at is not None
    assert abs((at - shown).total_seconds()) < 1  # the sensor drops the fraction
