"""Condition ``camera_doctor.has_cause`` of the target-first automation editor."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import automation
from homeassistant.core import HomeAssistant
from homeassistant.helpers import condition
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_mock_service,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator
import voluptuous as vol

from tests.integration.fleet import advance, past_grace

from .house import TARGET_KINDS, House, assert_cause_choice, async_offered, newest_only

pytestmark = newest_only


def _has_cause(target: dict[str, Any], **options: Any) -> dict[str, Any]:
    conf: dict[str, Any] = {"condition": "camera_doctor.has_cause", "target": target}
    if options:
        conf["options"] = options
    return conf


async def _check(hass: HomeAssistant, conf: dict[str, Any]) -> bool | None:
    """Validate ``conf``, build the condition and check it once."""
    validated = await condition.async_validate_condition_config(hass, conf)
    checker = await condition.async_from_config(hass, validated)
    try:
        return checker.async_check()
    finally:
        checker.async_unload()


async def test_offered_to_the_editor(
    hass: HomeAssistant, house: House, hass_ws_client: WebSocketGenerator
) -> None:
    """The condition is described, named and has an icon."""
    offered = await async_offered(hass, hass_ws_client, "condition")
    assert sorted(offered) == ["camera_doctor.has_cause"]
    has_cause = offered["camera_doctor.has_cause"]
    assert_cause_choice(has_cause)
    assert has_cause["name"] == "Camera has a problem"
    assert has_cause["icon"] == "mdi:stethoscope"


@pytest.mark.parametrize("kind", TARGET_KINDS)
async def test_passes_on_a_confirmed_cause(
    hass: HomeAssistant, house: House, freezer: FrozenDateTimeFactory, kind: str
) -> None:
    """Each target kind sees the garage's confirmed cause, never a pending one."""
    conf = _has_cause(house.target(kind))
    assert await _check(hass, conf) is False

    house.porch.set("battery", "8")
    house.garage.set("battery", "8")
    await advance(hass, freezer, timedelta(minutes=2))
    assert await _check(hass, conf) is False  # still inside the grace period

    await past_grace(hass, freezer)
    assert await _check(hass, conf) is True

    house.garage.set("battery", "90")
    await hass.async_block_till_done()
    assert await _check(hass, conf) is False  # the porch is not targeted


async def test_cause_filter(
    hass: HomeAssistant, house: House, freezer: FrozenDateTimeFactory
) -> None:
    """Chosen causes pass for any of the camera's confirmed causes, not others."""
    target = house.target("area")
    house.garage.set("battery", "8")
    house.garage.set("signal", "-90")
    await past_grace(hass, freezer)

    assert await _check(hass, _has_cause(target, cause=["weak_signal"])) is True
    assert await _check(hass, _has_cause(target, cause=["low_battery"])) is True
    assert await _check(hass, _has_cause(target, cause=["overheating"])) is False
    assert await _check(hass, _has_cause(target, cause=[])) is True


async def test_advice_only_when_chosen(
    hass: HomeAssistant, house: House, freezer: FrozenDateTimeFactory
) -> None:
    """An available update is no red flash: it passes only when chosen."""
    target = house.target("entity")
    house.garage.set("firmware", "on", installed_version="1.0", latest_version="1.1")
    await past_grace(hass, freezer)
    assert await _check(hass, _has_cause(target)) is False
    chosen = _has_cause(target, cause=["firmware_outdated"])
    assert await _check(hass, chosen) is True


async def test_fails_while_not_loaded(
    hass: HomeAssistant,
    house: House,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """With Camera Doctor unloaded nothing is known: the condition fails."""
    house.garage.set("battery", "8")
    await past_grace(hass, freezer)
    conf = _has_cause(house.target("entity"))
    assert await _check(hass, conf) is True

    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    assert await _check(hass, conf) is False


async def test_in_an_automation(
    hass: HomeAssistant, house: House, freezer: FrozenDateTimeFactory
) -> None:
    """An automation's actions run only while a targeted camera has the cause."""
    calls = async_mock_service(hass, "test", "automation")
    assert await async_setup_component(
        hass,
        automation.DOMAIN,
        {
            automation.DOMAIN: {
                "triggers": [{"trigger": "event", "event_type": "doorbell"}],
                "conditions": [
                    _has_cause(house.target("label"), cause=["low_battery"])
                ],
                "actions": [{"action": "test.automation"}],
            }
        },
    )
    hass.bus.async_fire("doorbell")
    await hass.async_block_till_done()
    assert calls == []

    house.garage.set("battery", "8")
    await past_grace(hass, freezer)
    hass.bus.async_fire("doorbell")
    await hass.async_block_till_done()
    assert len(calls) == 1


GARAGE = {"entity_id": "camera.garage"}


@pytest.mark.parametrize(
    ("conf", "error"),
    [
        (_has_cause(GARAGE, cause=["none"]), "cause"),
        (_has_cause(GARAGE, cause=["oops"]), "cause"),
        ({"condition": "camera_doctor.has_cause"}, "target"),
    ],
)
@pytest.mark.usefixtures("house")
async def test_invalid_configs(
    hass: HomeAssistant, conf: dict[str, Any], error: str
) -> None:
    """``none`` and unknown causes, a missing target: refused."""
    with pytest.raises(vol.Invalid, match=error):
        await condition.async_validate_condition_config(hass, conf)
