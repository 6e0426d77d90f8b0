"""Fixtures of the end-to-end test: one real Home Assistant for the session.

Run through ``scripts/e2e`` (never collected by ``scripts/test``, whose
testpaths is ``tests``).
"""

from __future__ import annotations

from collections.abc import Iterator
import ipaddress
import time

from playwright.sync_api import BrowserContext
import psutil
import pytest

from browser import chromium
from harness import (
    CAMERA_IDS,
    DOMAIN,
    E2E_DIR,
    ENTITY_KEYS,
    EVENT,
    EXERCISED_FILE,
    GRACE_MINUTES,
    LOG_FILE,
    URL,
    Camera,
    HomeAssistantProcess,
    log,
)
from ws_client import EventLog, WebSocketClient, wait_for


@pytest.fixture(scope="session")
def ha() -> Iterator[HomeAssistantProcess]:
    """A real Home Assistant, onboarded, with Camera Doctor configured."""
    instance = HomeAssistantProcess()
    started = time.monotonic()
    try:
        instance.start()
        log(f"Home Assistant is up on {URL} ({time.monotonic() - started:.0f} s)")
        yield instance
        _check_loopback_only(instance)
    finally:
        instance.stop()
        log(f"Home Assistant stopped; its log: {LOG_FILE}")


def _check_loopback_only(instance: HomeAssistantProcess) -> None:
    """Home Assistant holds no connection to anything beyond the loopback."""
    assert instance.proc is not None
    outside = [
        conn.raddr
        for conn in psutil.Process(instance.proc.pid).net_connections("inet")
        if conn.raddr and not ipaddress.ip_address(conn.raddr.ip).is_loopback
    ]
    assert not outside, f"Home Assistant is connected beyond 127.0.0.1: {outside}"


@pytest.fixture(scope="session")
def ha_version(ha: HomeAssistantProcess) -> tuple[int, int]:
    """The running Home Assistant's release (year, month)."""
    version: str = ha.rest("GET", "/api/config")["version"]
    year, month = version.split(".")[:2]
    log(f"Home Assistant {version}")
    return int(year), int(month)


@pytest.fixture
def browser() -> Iterator[tuple[BrowserContext, list[str]]]:
    """Chromium with a fresh profile; returns it and the requests it blocked."""
    with chromium() as context_and_blocked:
        yield context_and_blocked


@pytest.fixture(scope="session")
def ws(ha: HomeAssistantProcess) -> Iterator[WebSocketClient]:
    """The websocket API, authenticated."""
    client = WebSocketClient(URL, ha.token)
    yield client
    client.close()


@pytest.fixture(scope="session")
def entry_id(ha: HomeAssistantProcess) -> str:
    """Camera Doctor's config entry, with a short grace period for the test."""
    entries = ha.rest("GET", f"/api/config/config_entries/entry?domain={DOMAIN}")
    assert len(entries) == 1, entries
    assert entries[0]["state"] == "loaded", entries
    the_id: str = entries[0]["entry_id"]
    flow = ha.rest(
        "POST", "/api/config/config_entries/options/flow", {"handler": the_id}
    )
    assert flow["type"] == "form", flow
    # Submit every field of the form with the value it suggests (the current
    # options), except the grace period.
    options = {
        item["name"]: item.get("description", {}).get("suggested_value")
        for item in flow["data_schema"]
    }
    contract = {
        "exclude",
        "battery_low",
        "battery_critical",
        "signal_weak",
        "temperature_high",
        "temperature_low",
        "grace_minutes",
        "stale_hours",
    }
    assert contract <= set(options), options
    options = {k: v for k, v in options.items() if v is not None}
    options["grace_minutes"] = GRACE_MINUTES
    result = ha.rest(
        "POST", f"/api/config/config_entries/options/flow/{flow['flow_id']}", options
    )
    assert result["type"] == "create_entry", result
    log(f"options set through the options flow: {options}")
    return the_id


@pytest.fixture(scope="session")
def cameras(ws: WebSocketClient, entry_id: str) -> dict[str, Camera]:
    """The cameras with their registry ids, devices and Camera Doctor entities."""

    def all_there() -> dict[str, Camera] | None:
        found: dict[str, Camera] = {}
        for entity_id in CAMERA_IDS:
            reg = ws.command("config/entity_registry/get", entity_id=entity_id)
            state = ws.state(entity_id)
            name = (state or {}).get("attributes", {}).get("friendly_name")
            camera = Camera(entity_id, reg["id"], reg["device_id"], name)
            object_id = entity_id.split(".", 1)[1]
            for key, (platform, suffix) in ENTITY_KEYS.items():
                ours = f"{platform}.{object_id}_{suffix}"
                try:
                    entry = ws.command("config/entity_registry/get", entity_id=ours)
                except RuntimeError:
                    return None  # not created yet
                assert entry["platform"] == DOMAIN, entry
                assert entry["device_id"] == camera.device_id, entry
                assert entry["unique_id"].endswith(f"_{suffix}"), entry
                assert entry["entity_category"] == "diagnostic", entry
                camera.entities[key] = ours
            found[entity_id] = camera
        return found

    return wait_for(all_there, 60, "Camera Doctor's entities on every camera")


@pytest.fixture(scope="session")
def events(ws: WebSocketClient) -> EventLog:
    """Subscribed to ``camera_doctor_diagnosis`` before any fault is injected."""
    return EventLog(ws.subscribe("subscribe_events", event_type=EVENT))


@pytest.fixture(scope="session", autouse=True)
def _exercised_file() -> None:
    """Start an empty list of the causes exercised (scripts/e2e prints it)."""
    E2E_DIR.mkdir(exist_ok=True)
    EXERCISED_FILE.write_text("")
