"""What the development tools share (standard library only).

The integrations of the dev configuration, reading Home Assistant's account
of a failed start from its log, the requirements it lacks, its storage files, and the few
websocket frames ``dev_onboard`` needs.
"""

from __future__ import annotations

from collections.abc import Iterable
import json
import os
from pathlib import Path
import re
import socket
import sqlite3
import struct
from typing import Any

# The integrations the dev configuration loads (scripts/develop writes it; the
# real start-up benchmark loads the same ones plus its own stand-ins).
DEV_DOMAINS = (
    "frontend", "api", "config", "repairs", "websocket_api", "onboarding", "sun",
    "logger", "automation", "script", "recorder", "camera", "sensor", "binary_sensor",
    "alarm_control_panel", "switch", "update", "fleet_sim", "camera_doctor",
)  # fmt: skip
# Home Assistant's own words when it falls back to recovery mode, its log
# lines at ERROR level or above, and those of them that say an integration,
# a config entry or an entity platform failed to set up.
RECOVERY_MODE = "Activating recovery mode"
ERROR_LINE = re.compile(r"^\S+ \S+ (?:ERROR|CRITICAL) ")
SETUP_ERROR = re.compile(
    r"\[homeassistant\.(?:setup|bootstrap|config_entries)\] "
    r"|\] Error while setting up \S+ platform for "
)


def startup_failure(log: str, *, setup_errors: bool = False) -> str | None:
    """Return Home Assistant's own account of a failed start, from its log.

    A start failed when Home Assistant fell back to recovery mode or, with
    ``setup_errors``, when an integration, a config entry or an entity
    platform failed to set up. The account is every line at ERROR level or
    above (the reason, e.g. ``Error during setup of component frontend: No
    module named 'hass_frontend'``) and the recovery mode line, at most 20
    lines. None when the start did not fail.
    """
    lines = [
        line
        for line in log.splitlines()
        if ERROR_LINE.match(line) or RECOVERY_MODE in line
    ]
    failed = any(
        RECOVERY_MODE in line or (setup_errors and SETUP_ERROR.search(line))
        for line in lines
    )
    return "\n".join(lines[:20]) if failed else None


def missing_requirements(root: Path, domains: Iterable[str]) -> list[str]:
    """The pinned requirements of ``domains`` (and what they depend on) not installed.

    Run it with the Python that runs Home Assistant (``.venv/bin/python``).
    """
    from importlib import metadata  # noqa: PLC0415

    from homeassistant import bootstrap, components  # noqa: PLC0415

    core_dir = Path(next(iter(components.__path__)))
    manifests = [root / "custom_components", root / "dev", root / "benchmarks"]
    todo = set(domains) | bootstrap.CORE_INTEGRATIONS
    todo |= bootstrap.DEFAULT_INTEGRATIONS | {"isal", "system_log", "network"}
    seen: set[str] = set()
    pins: set[str] = set()
    while todo:
        domain = todo.pop()
        seen.add(domain)
        candidates = [core_dir / domain] + [base / domain for base in manifests]
        for folder in candidates:
            if (folder / "manifest.json").is_file():
                manifest = json.loads((folder / "manifest.json").read_text())
                pins.update(manifest.get("requirements", []))
                todo |= set(manifest.get("dependencies", [])) - seen
                break
    missing = []
    for pin in sorted(pins):
        name, _, version = pin.partition("==")
        try:
            installed = metadata.version(name.split("[")[0])
        except metadata.PackageNotFoundError:
            installed = None
        if installed is None or (version and installed != version):
            missing.append(pin)
    return missing


def ws_recv(sock: socket.socket) -> dict[str, Any]:
    """Read one text message from a websocket (as a client)."""

    def exact(size: int) -> bytes:
        buf = b""
        while len(buf) < size:
            chunk = sock.recv(size - len(buf))
            if not chunk:
                raise ConnectionError("websocket closed")
            buf += chunk
        return buf

    _, length = exact(2)
    length &= 0x7F
    if length == 126:
        (length,) = struct.unpack("!H", exact(2))
    elif length == 127:
        (length,) = struct.unpack("!Q", exact(8))
    message: dict[str, Any] = json.loads(exact(length))
    return message


def ws_send(sock: socket.socket, message: dict[str, Any]) -> None:
    """Send ``message`` as one masked text frame (as a client)."""
    payload = json.dumps(message).encode()
    mask = os.urandom(4)
    size = len(payload)
    header = bytes([0x81])
    if size < 126:
        header += bytes([0x80 | size])
    elif size < 65536:
        header += bytes([0x80 | 126]) + struct.pack("!H", size)
    else:
        header += bytes([0x80 | 127]) + struct.pack("!Q", size)
    masked = bytes(byte ^ mask[i % 4] for i, byte in enumerate(payload))
    sock.sendall(header + mask + masked)


def configured_port(config_dir: Path) -> int | None:
    """Return the port the configuration in ``config_dir`` serves on, if written."""
    try:
        text = (config_dir / "configuration.yaml").read_text()
    except FileNotFoundError:
        return None
    match = re.search(r"^\s+server_port:\s*(\d+)\s*$", text, re.MULTILINE)
    return int(match.group(1)) if match else None


def write_store(config_dir: Path, key: str, version: int, data: Any) -> None:
    """Write one of Home Assistant's storage files in ``config_dir``."""
    path = config_dir / ".storage" / key
    path.parent.mkdir(parents=True, exist_ok=True)
    store = {"version": version, "minor_version": 1, "key": key, "data": data}
    path.write_text(json.dumps(store))


def preseed_http(config_dir: Path, port: int) -> None:
    """Leave 127.0.0.1:``port`` as the last HTTP settings that worked.

    Home Assistant saves these after every start and serves on them in
    recovery mode; without them (a first start that fails) it would serve
    on every interface on port 8123.
    """
    write_store(
        config_dir, "http", 1, {"server_host": ["127.0.0.1"], "server_port": port}
    )


def record_discharge(
    config_dir: Path, *, days: float = 6.0, hours: float = 6.0, per_day: float = 3.5
) -> int:
    """Give each simulated battery a discharge in the recorder's database.

    For Home Assistant stopped after a first start: every ``fleet_sim``
    battery sensor (%) the recorder holds gets, before its first recorded
    state, a level every ``hours`` over ``days`` falling ``per_day`` points a
    day to that state, as if the recorder had watched the battery drain
    before Camera Doctor was installed; so Camera Doctor's battery forecast
    shows a date on its first start. Returns how many batteries got one.
    """
    registry = json.loads(
        (config_dir / ".storage" / "core.entity_registry").read_text()
    )
    batteries = [
        entry["entity_id"]
        for entry in registry["data"]["entities"]
        if entry["platform"] == "fleet_sim"
        and entry["entity_id"].startswith("sensor.")
        and (entry.get("device_class") or entry.get("original_device_class"))
        == "battery"
    ]
    steps = round(days * 24 / hours)
    done = 0
    with sqlite3.connect(config_dir / "home-assistant_v2.db") as db:
        for entity_id in batteries:
            first = db.execute(
                "SELECT states.metadata_id, state, last_updated_ts FROM states"
                " JOIN states_meta ON states.metadata_id = states_meta.metadata_id"
                " WHERE states_meta.entity_id = ? ORDER BY last_updated_ts LIMIT 1",
                (entity_id,),
            ).fetchone()
            if first is None:
                continue
            metadata_id, state, at = first
            try:
                level = float(state)
            except ValueError:
                continue
            db.executemany(
                "INSERT INTO states (state, last_updated_ts, metadata_id, origin_idx)"
                " VALUES (?, ?, ?, 0)",
                [
                    (
                        f"{min(level + per_day * hours / 24 * step, 100.0):.0f}",
                        at - step * hours * 3600,
                        metadata_id,
                    )
                    for step in range(steps, 0, -1)
                ],
            )
            done += 1
    return done
