"""Only words reach the owner: no key, bare number or English from Python.

Every placeholder of every notice, and of every fix flow's steps and
outcomes, is either the camera's name, a number with its unit, or a text
of the integration's translations (as Home Assistant loads them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import timedelta
import re
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.repairs import repairs_flow_manager
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers.translation import async_get_translations
from homeassistant.loader import async_get_integration
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor.const import DOMAIN
from custom_components.camera_doctor.diagnosis import FIX_KEYS, Cause
from custom_components.camera_doctor.notice_texts import VARIANTS
from custom_components.camera_doctor.profiles import Power

from .fleet import add_camera, add_generic_camera, advance, our_issues, setup_entry
from .test_advice import BLINK_OUTDOOR, Fleet
from .test_missing_readings import REOLINK_HIDDEN, add_hidden, add_ring

NUMBER_WITH_UNIT = re.compile(r"-?\d+(\.\d+)? (%|dBm|°C|°F|min|h)")
RAW = {
    *(cause.value for cause in Cause),
    *FIX_KEYS.values(),
    *VARIANTS,
    *(power.value for power in Power),
    "ok",
    "on",
    "off",
    "True",
    "False",
    "None",
}


def _as_pattern(text: str) -> re.Pattern[str]:
    """A translation with its ``{placeholders}`` standing for any words."""
    parts = re.split(r"{\w+}", text)
    return re.compile(".*".join(re.escape(part) for part in parts), re.DOTALL)


async def _translations(hass: HomeAssistant) -> list[re.Pattern[str]]:
    texts: dict[str, str] = {}
    for category in ("selector", "issues"):
        texts |= await async_get_translations(hass, "en", category, [DOMAIN])
    return [_as_pattern(text) for text in texts.values()]


def _assert_words(
    placeholders: Mapping[str, Any],
    cameras: Iterable[str],
    translations: list[re.Pattern[str]],
    integrations: Iterable[str] = (),
) -> None:
    for name, value in placeholders.items():
        assert isinstance(value, str), (name, value)
        assert value not in RAW, (name, value)
        if name == "camera":
            assert value in cameras
        elif name == "cameras":
            assert set(value.split(", ")) <= set(cameras), value
        elif name == "integration":
            assert value in integrations
        elif value:
            assert NUMBER_WITH_UNIT.fullmatch(value) or any(
                pattern.fullmatch(value) for pattern in translations
            ), (name, value)


async def test_notices_and_flows_speak_words(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Every cause of every kind of camera, and every fix flow's outcome."""
    fleet = Fleet(hass)
    shed = add_generic_camera(hass, "Shed")
    await setup_entry(hass, mock_config_entry)
    translations = await _translations(hass)
    cameras = {"Front Door", "Kitchen", "Doorbell", "Garage", "Shed"}

    async def refresh(call: ServiceCall) -> None:
        """The source answers nothing new."""

    hass.services.async_register("homeassistant", "update_entity", refresh)
    hass.services.async_register("update", "install", refresh)
    fleet.outdoor.set(
        "camera",
        "idle",
        **BLINK_OUTDOOR
        | {"battery": "low", "wifi_strength": None, "sync_signal_strength": 1},
    )
    fleet.ring.set("battery", "3")
    fleet.wired.set("signal", "-90")
    fleet.mini.set("camera", STATE_UNAVAILABLE)
    shed.set("temperature", "60")
    shed.set("firmware", "on", installed_version="1.0", latest_version="2.0")
    await advance(hass, freezer, timedelta(minutes=7))
    fleet.ring.set("camera", STATE_UNAVAILABLE)
    shed.set("battery", "2")
    await advance(hass, freezer, timedelta(minutes=7))

    issues = our_issues(hass)
    assert {issue.translation_key for issue in issues.values()} == {
        "low_battery",
        "weak_signal",
        "no_connection",
        "overheating",
        "firmware_outdated",
    }
    for issue in issues.values():
        assert issue.translation_placeholders is not None
        _assert_words(issue.translation_placeholders, cameras, translations)

    manager = repairs_flow_manager(hass)
    assert manager is not None
    outcomes: set[str] = set()
    for issue_id, issue in issues.items():
        if not issue.is_fixable:
            continue
        flow = await manager.async_init(DOMAIN, data={"issue_id": issue_id})
        _assert_words(flow["description_placeholders"], cameras, translations)
        result = await manager.async_configure(flow["flow_id"], {})
        assert result["type"] == "abort"
        _assert_words(result["description_placeholders"], cameras, translations)
        outcomes.add(f"{issue.translation_key}: {result['reason']}")
    assert outcomes == {
        "low_battery: still_low",
        "no_connection: still_offline",
        "firmware_outdated: installing",
    }


async def test_hidden_readings_notice_and_flow_speak_words(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """The ``missing_readings`` notice and its fix flow: names and words only."""
    await async_get_integration(hass, "ring")
    ring = MockConfigEntry(
        domain="ring", title="owner@example.com", state=ConfigEntryState.LOADED
    )
    ring.add_to_hass(hass)
    add_ring(hass, "Front Door", ring)
    add_ring(hass, "Back Door", ring)
    reolink = MockConfigEntry(
        domain="reolink", title="Reolink", state=ConfigEntryState.LOADED
    )
    reolink.add_to_hass(hass)
    porch = add_camera(
        hass, "Porch", platform="reolink", manufacturer="Reolink", source_entry=reolink
    )
    add_hidden(porch, reolink, REOLINK_HIDDEN)
    porch.set("camera", "idle")
    await setup_entry(hass, mock_config_entry)
    translations = await _translations(hass)
    cameras = {"Front Door", "Back Door", "Porch"}
    integrations = {"Ring", "Reolink"}
    selector = await async_get_translations(hass, "en", "selector", [DOMAIN])
    prefix = f"component.{DOMAIN}.selector.missing_reading.options."
    uses = [text for key, text in selector.items() if key.startswith(prefix)]
    assert len(uses) == 5

    issues = our_issues(hass)
    assert {issue.translation_key for issue in issues.values()} == {"missing_readings"}
    assert len(issues) == 2
    manager = repairs_flow_manager(hass)
    assert manager is not None
    for issue_id, issue in issues.items():
        assert issue.translation_placeholders is not None
        entities = issue.translation_placeholders["entities"]
        assert "sensor." not in entities
        assert not any(key in entities for key in ("wifi_signal", "battery_state"))
        for line in entities.splitlines():  # each says what the reading is for
            assert any(line.endswith(f": {use}") for use in uses), line
        _assert_words(
            issue.translation_placeholders, cameras, translations, integrations
        )
        flow = await manager.async_init(DOMAIN, data={"issue_id": issue_id})
        _assert_words(
            flow["description_placeholders"], cameras, translations, integrations
        )
        result = await manager.async_configure(flow["flow_id"], {})
        assert result["reason"] == "enabled"
        _assert_words(
            result["description_placeholders"], cameras, translations, integrations
        )
