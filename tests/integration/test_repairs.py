"""Fix flows of the repair issues, through the repairs HTTP API."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    async_mock_service,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.camera_doctor.const import DOMAIN

from .fleet import FakeCamera


async def _past_grace(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    await hass.async_block_till_done()
    freezer.tick(timedelta(minutes=6))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


def _on_refresh(hass: HomeAssistant, action: Callable[[], None]) -> list[ServiceCall]:
    """Stand in for homeassistant.update_entity: run ``action`` when called."""
    calls: list[ServiceCall] = []

    async def refresh(call: ServiceCall) -> None:
        calls.append(call)
        action()

    hass.services.async_register("homeassistant", "update_entity", refresh)
    return calls


async def _run_fix_flow(
    hass_client: ClientSessionGenerator, issue_id: str
) -> dict[str, Any]:
    client = await hass_client()
    resp = await client.post(
        "/api/repairs/issues/fix", json={"handler": DOMAIN, "issue_id": issue_id}
    )
    assert resp.status == 200, await resp.text()
    flow = await resp.json()
    assert flow["step_id"] == "confirm"
    assert flow["description_placeholders"]["camera"] == "Garage"
    resp = await client.post(f"/api/repairs/issues/fix/{flow['flow_id']}", json={})
    assert resp.status == 200, await resp.text()
    return await resp.json()


async def test_install_firmware_update(
    hass: HomeAssistant,
    garage: FakeCamera,
    freezer: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,
) -> None:
    """firmware_outdated: the flow installs the update through the update entity."""
    installs = async_mock_service(hass, "update", "install")
    garage.set("firmware", "on", installed_version="1.0", latest_version="2.0")
    await _past_grace(hass, freezer)
    issue_id = f"firmware_outdated_{garage.registry_id}"
    issue = ir.async_get(hass).async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.is_fixable
    assert issue.severity is ir.IssueSeverity.WARNING

    _on_refresh(
        hass,
        lambda: garage.set(
            "firmware", "off", installed_version="2.0", latest_version="2.0"
        ),
    )
    result = await _run_fix_flow(hass_client, issue_id)
    assert result["type"] == "create_entry"
    assert [call.data["entity_id"] for call in installs] == [
        [garage.siblings["firmware"]]
    ]
    await hass.async_block_till_done()
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is None


async def test_failed_install_aborts(
    hass: HomeAssistant,
    garage: FakeCamera,
    freezer: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,
) -> None:
    """If the update cannot be started, the flow says so and the issue stays."""

    async def refuse(call: ServiceCall) -> None:
        raise HomeAssistantError("busy")

    hass.services.async_register("update", "install", refuse)
    garage.set("firmware", "on", installed_version="1.0", latest_version="2.0")
    await _past_grace(hass, freezer)
    issue_id = f"firmware_outdated_{garage.registry_id}"
    result = await _run_fix_flow(hass_client, issue_id)
    assert result["type"] == "abort"
    assert result["reason"] == "install_failed"
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is not None


async def test_batteries_replaced(
    hass: HomeAssistant,
    garage: FakeCamera,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,
) -> None:
    """low_battery: recorded, refreshed, and still low until the reading moves."""
    garage.set("battery", "8")
    await _past_grace(hass, freezer)
    issue_id = f"low_battery_{garage.registry_id}"
    calls = _on_refresh(hass, lambda: None)

    result = await _run_fix_flow(hass_client, issue_id)
    assert result["type"] == "abort"
    assert result["reason"] == "still_low"
    assert calls, "the flow asks the source to refresh"
    store = mock_config_entry.runtime_data.monitor.store
    replaced = store.get(garage.registry_id).batteries_replaced
    assert replaced is not None
    response = await hass.services.async_call(
        DOMAIN,
        "diagnose",
        target={"entity_id": garage.entity_id},
        blocking=True,
        return_response=True,
    )
    described = response["cameras"][garage.entity_id]
    assert described["batteries_replaced"] == replaced.isoformat()

    _on_refresh(hass, lambda: garage.set("battery", "100"))
    result = await _run_fix_flow(hass_client, issue_id)
    assert result["type"] == "create_entry"
    await hass.async_block_till_done()
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is None
    assert hass.states.get("sensor.garage_red_flash_cause").state == "none"


async def test_check_again_offline_camera(
    hass: HomeAssistant,
    garage: FakeCamera,
    freezer: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,
) -> None:
    """no_connection: "Check again" refreshes and reports the camera is back."""
    garage.set("camera", STATE_UNAVAILABLE)
    await hass.async_block_till_done()
    await _past_grace(hass, freezer)
    issue_id = f"no_connection_{garage.registry_id}"
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is not None

    _on_refresh(hass, lambda: None)
    result = await _run_fix_flow(hass_client, issue_id)
    assert result["type"] == "abort"
    assert result["reason"] == "still_faulty"
    assert result["description_placeholders"]["cause"] == "no_connection"

    _on_refresh(hass, lambda: garage.set("camera", "idle"))
    result = await _run_fix_flow(hass_client, issue_id)
    assert result["type"] == "create_entry"
    await hass.async_block_till_done()
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is None
