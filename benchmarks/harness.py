"""A real Home Assistant in this process, a camera fleet, and timing helpers.

Home Assistant comes from pytest-homeassistant-custom-component's harness
(``async_test_home_assistant``, in-memory storage), with custom integrations
enabled the way its ``enable_custom_integrations`` fixture does it (the
package's ``__init__`` has already imported our ``custom_components``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
import gc
import importlib
import logging
from pathlib import Path
import socket
import statistics
import sys
import time
from types import ModuleType
from typing import Any

from homeassistant import loader
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import CoreState, HomeAssistant
from homeassistant.helpers import frame
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_test_home_assistant,
    mock_storage,
)

from custom_components.camera_doctor.const import DOMAIN
from custom_components.camera_doctor.options import DEFAULT_OPTIONS
from tests.integration.fleet import add_camera

REPO = Path(__file__).resolve().parents[1]
SCRIPTS = REPO / "scripts"

# (domain, device_class, unit, first state, attributes) of a camera's sources:
# the five readings of a generic battery camera (tests/integration/fleet.py).
SOURCES: dict[str, tuple[str, str | None, str | None]] = {
    "battery": ("sensor", "battery", "%"),
    "signal": ("sensor", "signal_strength", "dBm"),
    "temperature": ("sensor", "temperature", "°C"),
    "connectivity": ("binary_sensor", "connectivity", None),
    "firmware": ("update", "firmware", None),
}
HEALTHY: dict[str, str] = {
    "camera": "idle",
    "battery": "80",
    "signal": "-55",
    "temperature": "21",
    "connectivity": "on",
    "firmware": "off",
}
FIRMWARE_ATTRS = {
    "installed_version": "1.0",
    "latest_version": "1.0",
    "in_progress": False,
}


def script_module(name: str) -> ModuleType:
    """Import ``scripts/<name>.py`` (standard library only; not a package)."""
    if str(SCRIPTS) not in sys.path:
        sys.path.append(str(SCRIPTS))
    return importlib.import_module(name)


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on (the system's pick)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def loopback_http() -> dict[str, Any]:
    """Configuration for ``http``: 127.0.0.1 only, on a free port.

    Camera Doctor depends on ``repairs``, which depends on ``http``; without
    it, a Home Assistant that starts would serve on every interface on port
    8123 (and fail there while ``scripts/develop`` runs).
    """
    return {"http": {"server_host": ["127.0.0.1"], "server_port": free_port()}}


def quiet_logging() -> None:
    """Keep the run's output to the table."""
    logging.basicConfig(level=logging.WARNING)
    for name in ("homeassistant", "pytest_homeassistant_custom_component"):
        logging.getLogger(name).setLevel(logging.ERROR)


@asynccontextmanager
async def home_assistant(
    initial_state: CoreState = CoreState.running,
) -> AsyncIterator[HomeAssistant]:
    """A fresh Home Assistant with in-memory storage and custom integrations."""
    with mock_storage():
        async with async_test_home_assistant(initial_state=initial_state) as hass:
            hass.data.pop(loader.DATA_CUSTOM_COMPONENTS)
            frame.async_setup(hass)
            try:
                yield hass
            finally:
                await hass.async_stop(force=True)
    gc.unfreeze()
    gc.collect()


@dataclass
class Camera:
    """A camera's registry entries and a cheap way to write its states."""

    hass: HomeAssistant
    name: str
    entity_id: str
    device_id: str
    unique_id: str
    registry_id: str
    platform: str = "acme"
    sources: dict[str, str] = field(default_factory=dict)  # key -> entity id
    attrs: dict[str, dict[str, Any]] = field(default_factory=dict)

    def set(self, key: str, state: str) -> None:
        """Write one source state, as its integration would."""
        eid = self.entity_id if key == "camera" else self.sources[key]
        self.hass.states.async_set(eid, state, self.attrs[key])

    def write_healthy(self) -> None:
        """Write every source in its healthy state."""
        for key, state in HEALTHY.items():
            self.set(key, state)


def register_camera(
    hass: HomeAssistant,
    source_entry: MockConfigEntry,
    serial: str,
    *,
    platform: str = "acme",
) -> Camera:
    """Register a camera, its device and its five sources (no states yet)."""
    name = serial.replace("_", " ").title()
    fake = add_camera(
        hass,
        name,
        platform=platform,
        serial=serial,
        siblings=SOURCES,
        source_entry=source_entry,
    )
    camera = Camera(
        hass,
        name,
        fake.entity_id,
        fake.device_id,
        f"{serial}-camera",
        fake.registry_id,
        platform,
    )
    camera.attrs["camera"] = {"friendly_name": name}
    for key, (_domain, device_class, unit) in SOURCES.items():
        camera.sources[key] = fake.siblings[key]
        attrs: dict[str, Any] = {"friendly_name": f"{name} {key}"}
        if device_class:
            attrs["device_class"] = device_class
        if unit:
            attrs["unit_of_measurement"] = unit
        if key == "firmware":
            attrs |= FIRMWARE_ATTRS
        camera.attrs[key] = attrs
    return camera


def add_fleet(hass: HomeAssistant, count: int, prefix: str = "cam") -> list[Camera]:
    """``count`` healthy generic cameras of one source integration."""
    source_entry = MockConfigEntry(
        domain="acme", title="Acme", state=ConfigEntryState.LOADED
    )
    source_entry.add_to_hass(hass)
    cameras = [
        register_camera(hass, source_entry, f"{prefix}_{i:04d}") for i in range(count)
    ]
    for camera in cameras:
        camera.write_healthy()
    return cameras


def doctor_entry(**options: Any) -> MockConfigEntry:
    """The Camera Doctor config entry (default options unless given)."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="Camera Doctor",
        data={},
        options=dict(DEFAULT_OPTIONS) | options,
        version=2,
    )


async def setup_entry(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Add and set up a config entry, and wait for everything it started."""
    if entry.entry_id not in {e.entry_id for e in hass.config_entries.async_entries()}:
        entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id), entry.domain
    await hass.async_block_till_done()


def settle() -> None:
    """Collect garbage and move the survivors out of the collector's way."""
    gc.collect()
    gc.freeze()


def median(values: Iterable[float]) -> float:
    """The median (of a non-empty iterable)."""
    return statistics.median(list(values))


def timed(func: Callable[[], Any]) -> float:
    """Seconds ``func()`` took."""
    start = time.perf_counter()
    func()
    return time.perf_counter() - start
