"""Fix flows of the repair issues, through the repairs HTTP API."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
import json
from pathlib import Path
import re
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.repairs import repairs_flow_manager
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
from custom_components.camera_doctor.repairs import async_create_fix_flow

from .fleet import FakeCamera, add_camera, diagnose, setup_entry


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


STRINGS: dict[str, Any] = json.loads(
    (
        Path(__file__).parents[2] / "custom_components" / DOMAIN / "strings.json"
    ).read_text("utf-8")
)


def _says(result: dict[str, Any], cause: str) -> str:
    """What the dialog shows for a flow's step or outcome: its translated text.

    Fails where the frontend would show a raw key or a bare "{placeholder}".
    """
    flow = STRINGS["issues"][cause]["fix_flow"]
    if result["type"] == "abort":
        text = flow["abort"][result["reason"]]
    else:
        step = flow["step"][result["step_id"]]
        assert step["submit"], "the button says what it does"
        text = step["description"]
    words = result["description_placeholders"]
    for name in re.findall(r"{(\w+)}", text):
        text = text.replace(f"{{{name}}}", words[name])
    return text


async def _run_fix_flow(
    hass_client: ClientSessionGenerator,
    issue_id: str,
    step_id: str = "confirm",
    camera: str = "Garage",
) -> dict[str, Any]:
    client = await hass_client()
    resp = await client.post(
        "/api/repairs/issues/fix", json={"handler": DOMAIN, "issue_id": issue_id}
    )
    assert resp.status == 200, await resp.text()
    flow = await resp.json()
    assert flow["step_id"] == step_id
    cause = issue_id.rsplit("_", 1)[0]
    assert f"**{camera}**" in _says(flow, cause)
    resp = await client.post(f"/api/repairs/issues/fix/{flow['flow_id']}", json={})
    assert resp.status == 200, await resp.text()
    result: dict[str, Any] = await resp.json()
    assert camera in _says(result, cause)
    return result


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
    assert result["type"] == "abort"
    assert result["reason"] == "installed"
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


async def test_batteries_charged(
    hass: HomeAssistant,
    garage: FakeCamera,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,
) -> None:
    """low_battery on a rechargeable camera: "I charged the battery".

    A check that still reads low records nothing; the date is recorded once
    the camera reports a good battery.
    """
    garage.set("battery", "8")
    await _past_grace(hass, freezer)
    issue_id = f"low_battery_{garage.registry_id}"
    calls = _on_refresh(hass, lambda: None)
    store = mock_config_entry.runtime_data.monitor.store

    result = await _run_fix_flow(hass_client, issue_id, "recharged")
    assert result["type"] == "abort"
    assert result["reason"] == "still_low"
    assert calls, "the flow asks the source to refresh"
    assert store.get(garage.registry_id).batteries_replaced is None
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is not None

    _on_refresh(hass, lambda: garage.set("battery", "100"))
    result = await _run_fix_flow(hass_client, issue_id, "recharged")
    assert result["reason"] == "recharged"
    assert _says(result, "low_battery") == (
        "**Garage** reports a good battery again. Today is recorded as the day "
        "its battery was charged."
    )
    replaced = store.get(garage.registry_id).batteries_replaced
    assert replaced is not None
    described = await diagnose(hass, garage)
    assert described["batteries_replaced"] == replaced.isoformat()
    await hass.async_block_till_done()
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is None
    cause = hass.states.get("sensor.garage_red_flash_cause")
    assert cause.state == "none"
    # The date shows on the camera's device, not only in the diagnostics.
    assert cause.attributes["batteries_replaced"] == replaced.isoformat()


async def test_blink_batteries_replaced(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,
) -> None:
    """low_battery on a Blink battery camera: "I replaced the batteries"."""
    porch = add_camera(hass, "Porch", platform="blink", manufacturer="Blink")
    porch.set("camera", "idle", battery="low", type="catalina")
    await setup_entry(hass, mock_config_entry)
    await _past_grace(hass, freezer)
    issue_id = f"low_battery_{porch.registry_id}"
    _on_refresh(hass, lambda: porch.set("camera", "idle", battery="ok"))

    result = await _run_fix_flow(hass_client, issue_id, "replaced", "Porch")
    assert result["reason"] == "replaced"
    store = mock_config_entry.runtime_data.monitor.store
    assert store.get(porch.registry_id).batteries_replaced is not None
    submit = STRINGS["issues"]["low_battery"]["fix_flow"]["step"]["replaced"]
    assert submit["submit"] == "I replaced the batteries"


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
    assert result["reason"] == "still_offline"
    assert "cause" not in result["description_placeholders"]

    _on_refresh(hass, lambda: garage.set("camera", "idle"))
    result = await _run_fix_flow(hass_client, issue_id)
    assert result["reason"] == "back_online"
    assert _says(result, "no_connection") == "**Garage** is back online."
    await hass.async_block_till_done()
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is None


async def test_check_again_unexplained_fault(
    hass: HomeAssistant,
    garage: FakeCamera,
    freezer: FrozenDateTimeFactory,
) -> None:
    """unexplained: "Check again" says it still does not respond, then works."""
    garage.set("camera", STATE_UNAVAILABLE)
    for _ in range(14):  # past the hour after which an outage is unexplained
        await _past_grace(hass, freezer)
    issue_id = f"unexplained_{garage.registry_id}"
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is not None

    # (An hour on, the test client's token has expired: the flow manager.)
    manager = repairs_flow_manager(hass)
    assert manager is not None

    async def check_again() -> str:
        flow = await manager.async_init(DOMAIN, data={"issue_id": issue_id})
        assert flow["step_id"] == "confirm"
        result = await manager.async_configure(flow["flow_id"], {})
        assert "**Garage**" in _says(result, "unexplained")
        return str(result["reason"])

    _on_refresh(hass, lambda: None)
    assert await check_again() == "still_faulty"
    _on_refresh(hass, lambda: garage.set("camera", "idle"))
    assert await check_again() == "works_again"


async def test_no_update_to_install(hass: HomeAssistant, garage: FakeCamera) -> None:
    """firmware_outdated whose update is no longer pending: says so, installs nothing."""
    installs = async_mock_service(hass, "update", "install")
    flow = await async_create_fix_flow(
        hass,
        f"firmware_outdated_{garage.registry_id}",
        {"cause": "firmware_outdated", "registry_id": garage.registry_id},
    )
    flow.hass = hass
    form = await flow.async_step_init()
    assert form["step_id"] == "confirm"
    result = await flow.async_step_confirm({})
    assert result["reason"] == "update_unavailable"
    assert installs == []
