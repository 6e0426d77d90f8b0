"""A real Home Assistant for the end-to-end test, and clients to talk to it.

The instance runs from ``.venv`` (the oldest supported Home Assistant) or,
with ``scripts/e2e --latest``, from the venv of the newest one in the Debian
sid root of ``scripts/sid-root.sh``: ``E2E_HASS_COMMAND`` (a JSON list) is
then the command that starts ``hass`` there and ``E2E_HASS_PROJECT`` the
project's path as it sees it. It listens on its own port (``E2E_PORT``, default 8125)
with its own configuration directory (``.e2e/config``, wiped on every run),
so a developer's ``scripts/develop`` instance on 8123 is never touched. The
configuration is the one ``scripts/develop`` writes (explicit integrations,
no ``default_config``): Camera Doctor and the simulated fleet are symlinked
into ``custom_components``.

Onboarding goes through the REST API with the helpers of
``scripts/dev_onboard.py``. Only the ``core_config`` step is marked done in
storage before the first start: finishing that step through the API makes
Home Assistant set up its onboarding integrations (Met.no weather, Radio
Browser, Google Translate, shopping list), which reach the internet, and the
test must not send anything beyond 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable
import contextlib
from dataclasses import dataclass, field
import importlib.util
import json
import os
from pathlib import Path
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from types import ModuleType
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
E2E_DIR = ROOT / ".e2e"
CONFIG_DIR = E2E_DIR / "config"
LOG_FILE = E2E_DIR / "hass.log"
PID_FILE = E2E_DIR / "hass.pid"
PORT = int(os.environ.get("E2E_PORT", "8125"))
HASS_COMMAND: list[str] = json.loads(
    os.environ.get("E2E_HASS_COMMAND") or json.dumps([str(ROOT / ".venv/bin/hass")])
)
# The configuration directory as Home Assistant sees it (in the root: the
# project is bind-mounted elsewhere, so the links in it are relative).
HASS_CONFIG_DIR = Path(os.environ.get("E2E_HASS_PROJECT") or ROOT) / ".e2e" / "config"
HOST = "127.0.0.1"
URL = f"http://{HOST}:{PORT}"
USERNAME = "dev"
PASSWORD = "dev-password-1"  # noqa: S105 - throw-away local test login

CONFIGURATION_YAML = f"""\
# Written by tests_e2e/harness.py on every run.
homeassistant:
  name: Camera Doctor
  unit_system: metric
  time_zone: Europe/Amsterdam
  latitude: 52.3731
  longitude: 4.8922
  elevation: 0
  country: NL
  currency: EUR
  language: en

http:
  server_host: {HOST}
  server_port: {PORT}

# Explicit instead of default_config: nothing that talks to the internet.
frontend:
api:
config:
repairs:
websocket_api:
onboarding:
sun:
automation: !include automations.yaml
script: !include scripts.yaml

logger:
  default: warning
  logs:
    homeassistant.setup: info
    custom_components.camera_doctor: debug
    custom_components.fleet_sim: debug

fleet_sim:
"""


DOMAIN = "camera_doctor"
EVENT = "camera_doctor_diagnosis"
# The grace period the test sets through the options flow (minutes). The UI's
# step is 0.5 minute; the options schema accepts any number from 0 to 120.
GRACE_MINUTES = 0.1
GRACE_SECONDS = GRACE_MINUTES * 60
CAMERA_IDS = (
    "camera.front_door",
    "camera.back_yard",
    "camera.living_room",
    "camera.porch_doorbell",  # the Ring doorbell: its Wi-Fi sensors disabled
    "camera.garage_cam",
)
# The notice that the Ring doorbell's Wi-Fi sensors are disabled stands from
# the start until test_hidden_readings enables them: it is no fault.
MISSING_READINGS = "missing_readings"
# The simulated fleet's name (dev/fleet_sim/manifest.json): the {integration}
# of the notices about the cameras' integration.
INTEGRATION = "Fleet Sim"
ENTITY_KEYS = {
    "cause": ("sensor", "red_flash_cause"),
    "fix": ("sensor", "recommended_fix"),
    "problem": ("binary_sensor", "red_flash"),
    "event": ("event", "diagnosis"),
}
EXERCISED_FILE = E2E_DIR / "exercised.txt"
SCREENSHOT_DIR = Path(
    os.environ.get("E2E_SCREENSHOT_DIR", str(E2E_DIR / "screenshots"))
)


@dataclass
class Camera:
    """A camera of the simulated fleet as Home Assistant registered it."""

    entity_id: str
    registry_id: str
    device_id: str
    name: str
    entities: dict[str, str] = field(default_factory=dict)

    def issue_id(self, cause: str) -> str:
        """The public repair issue id of one of its causes."""
        return f"{cause}_{self.registry_id}"


class EventLog:
    """Every ``camera_doctor_diagnosis`` event since the subscription."""

    def __init__(self, events: queue.Queue[dict[str, Any]]) -> None:
        """Read from the subscription's queue."""
        self._queue = events
        self.seen: list[dict[str, Any]] = []

    def _drain(self) -> None:
        while True:
            try:
                self.seen.append(self._queue.get_nowait())
            except queue.Empty:
                return

    def mark(self) -> int:
        """The position after every event received so far."""
        self._drain()
        return len(self.seen)

    def since(self, mark: int) -> list[dict[str, Any]]:
        """The data of every event received after ``mark``."""
        self._drain()
        return [event["data"] for event in self.seen[mark:]]

    def wait(self, since: int, timeout: float, **match: Any) -> dict[str, Any]:
        """The first event data after ``since`` whose fields equal ``match``."""

        def find() -> dict[str, Any] | None:
            self._drain()
            for event in self.seen[since:]:
                data: dict[str, Any] = event["data"]
                if all(data.get(k) == v for k, v in match.items()):
                    return data
            return None

        return wait_for(find, timeout, f"{EVENT} with {match}")


def load_dev_onboard() -> ModuleType:
    """Import scripts/dev_onboard.py pointed at the e2e instance."""
    os.environ["DEV_HA_URL"] = URL
    if str(ROOT / "scripts") not in sys.path:
        sys.path.append(str(ROOT / "scripts"))  # dev_onboard imports dev_support
    spec = importlib.util.spec_from_file_location(
        "e2e_dev_onboard", ROOT / "scripts" / "dev_onboard.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.CONFIG_DIR = CONFIG_DIR
    module.TOKEN_FILE = CONFIG_DIR / ".e2e-token"
    module.USERNAME = USERNAME
    module.PASSWORD = PASSWORD
    return module


onboard = load_dev_onboard()
HttpError = onboard.HttpError


def write_config() -> None:
    """Write a fresh configuration directory."""
    shutil.rmtree(CONFIG_DIR, ignore_errors=True)
    links = CONFIG_DIR / "custom_components"
    links.mkdir(parents=True)
    for name, target in (
        ("camera_doctor", ROOT / "custom_components" / "camera_doctor"),
        ("fleet_sim", ROOT / "dev" / "fleet_sim"),
    ):
        (links / name).symlink_to(os.path.relpath(target, links))
    (CONFIG_DIR / "automations.yaml").write_text("[]\n")
    (CONFIG_DIR / "scripts.yaml").write_text("{}\n")
    (CONFIG_DIR / "configuration.yaml").write_text(CONFIGURATION_YAML)
    onboard.preseed(CONFIG_DIR)


class HomeAssistantProcess:
    """``hass`` in its own session; ``stop`` ends it (and only it)."""

    def __init__(self) -> None:
        """Nothing started yet."""
        self.proc: subprocess.Popen[bytes] | None = None
        self.token = ""

    def start(self, timeout: float = 240) -> None:
        """Start Home Assistant, onboard it and get a long-lived token."""
        try:
            socket.create_connection((HOST, PORT), timeout=1).close()
        except OSError:
            pass
        else:
            raise RuntimeError(f"port {PORT} is taken by another program")
        write_config()
        E2E_DIR.mkdir(exist_ok=True)
        with LOG_FILE.open("wb") as log:
            self.proc = subprocess.Popen(
                [*HASS_COMMAND, "-c", str(HASS_CONFIG_DIR), "--skip-pip"],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                cwd=E2E_DIR,
            )
        PID_FILE.write_text(f"{self.proc.pid}\n")
        wait = argparse.Namespace(timeout=timeout, pid=self.proc.pid)
        if onboard.cmd_wait(wait) != 0:
            raise RuntimeError(f"Home Assistant did not start; see {LOG_FILE}")
        onboard.cmd_onboard(argparse.Namespace())
        self.token = onboard.get_token()

    def stop(self) -> None:
        """Stop Home Assistant: SIGTERM, then SIGKILL after 30 s."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        PID_FILE.unlink(missing_ok=True)
        self.proc = None

    def rest(self, method: str, path: str, data: Any = None) -> Any:
        """Call the REST API with the token."""
        return onboard.request(method, path, data, token=self.token, timeout=60)

    def action(self, domain: str, service: str, **data: Any) -> Any:
        """Perform an action through the REST API."""
        return self.rest("POST", f"/api/services/{domain}/{service}", data)


class WebSocketClient:
    """A synchronous face on an aiohttp websocket running in its own thread."""

    def __init__(self, url: str, token: str) -> None:
        """Connect and authenticate."""
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="e2e-websocket", daemon=True
        )
        self._thread.start()
        self._next_id = 1
        self._pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._subscriptions: dict[int, queue.Queue[dict[str, Any]]] = {}
        self._session: aiohttp.ClientSession | None = None
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._run(self._connect(url.replace("http", "ws", 1), token))

    def _run(self, coro: Any, timeout: float = 60) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    async def _connect(self, url: str, token: str) -> None:
        self._session = aiohttp.ClientSession()
        self._ws = await self._session.ws_connect(f"{url}/api/websocket")
        assert (await self._ws.receive_json())["type"] == "auth_required"
        await self._ws.send_json({"type": "auth", "access_token": token})
        answer = await self._ws.receive_json()
        if answer["type"] != "auth_ok":
            raise RuntimeError(f"websocket auth failed: {answer}")
        self._loop.create_task(self._reader())

    async def _reader(self) -> None:
        assert self._ws is not None
        async for message in self._ws:
            if message.type is not aiohttp.WSMsgType.TEXT:
                continue
            data = json.loads(message.data)
            for item in data if isinstance(data, list) else [data]:
                if item.get("type") == "event" and item["id"] in self._subscriptions:
                    self._subscriptions[item["id"]].put(item["event"])
                elif (future := self._pending.pop(item.get("id"), None)) is not None:
                    future.set_result(item)
        for future in self._pending.values():
            future.set_exception(ConnectionError("websocket closed"))

    async def _send(self, payload: dict[str, Any]) -> dict[str, Any]:
        assert self._ws is not None
        message_id = self._next_id
        self._next_id += 1
        future: asyncio.Future[dict[str, Any]] = self._loop.create_future()
        self._pending[message_id] = future
        await self._ws.send_json({"id": message_id, **payload})
        return await future

    def command(self, message_type: str, **payload: Any) -> Any:
        """Send a command; return its result or raise on failure."""
        answer = self._run(self._send({"type": message_type, **payload}))
        if not answer.get("success"):
            raise RuntimeError(f"{message_type} failed: {answer.get('error')}")
        return answer.get("result")

    def subscribe(self, message_type: str, **payload: Any) -> queue.Queue[Any]:
        """Start a subscription; return the queue its events land in."""
        events: queue.Queue[Any] = queue.Queue()

        async def subscribe() -> dict[str, Any]:
            assert self._ws is not None
            message_id = self._next_id
            self._next_id += 1
            self._subscriptions[message_id] = events
            future: asyncio.Future[dict[str, Any]] = self._loop.create_future()
            self._pending[message_id] = future
            await self._ws.send_json(
                {"id": message_id, "type": message_type, **payload}
            )
            return await future

        answer = self._run(subscribe())
        if not answer.get("success"):
            raise RuntimeError(f"{message_type} failed: {answer.get('error')}")
        return events

    def state(self, entity_id: str) -> dict[str, Any] | None:
        """The state object of one entity (``get_states``)."""
        states: list[dict[str, Any]] = self.command("get_states")
        return next((s for s in states if s["entity_id"] == entity_id), None)

    def issues(self, domain: str) -> dict[str, dict[str, Any]]:
        """The repair issues of a domain (``repairs/list_issues``), by issue id."""
        found: list[dict[str, Any]] = self.command("repairs/list_issues")["issues"]
        return {i["issue_id"]: i for i in found if i["domain"] == domain}

    def fault_issues(self) -> dict[str, dict[str, Any]]:
        """Camera Doctor's repair issues about a fault: all but missing readings."""
        return {
            issue_id: issue
            for issue_id, issue in self.issues(DOMAIN).items()
            if issue["translation_key"] != MISSING_READINGS
        }

    def registry_id(self, entity_id: str) -> str:
        """The entity registry id of an entity."""
        entry: dict[str, Any] = self.command(
            "config/entity_registry/get", entity_id=entity_id
        )
        return str(entry["id"])

    def close(self) -> None:
        """Close the connection and stop the thread."""

        async def close() -> None:
            if self._ws is not None:
                await self._ws.close()
            if self._session is not None:
                await self._session.close()

        with contextlib.suppress(Exception):
            self._run(close(), timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)


def fleet_entry_id(ha: HomeAssistantProcess) -> str:
    """The simulated fleet's config entry: the cameras' integration."""
    entries: list[dict[str, Any]] = ha.rest(
        "GET", "/api/config/config_entries/entry?domain=fleet_sim"
    )
    assert len(entries) == 1, entries
    return str(entries[0]["entry_id"])


def wait_for[T](
    check: Callable[[], T | None], timeout: float, what: str, interval: float = 0.25
) -> T:
    """Poll ``check`` until it returns something truthy; fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        if result := check():
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def log(message: str) -> None:
    """Progress line on the terminal (pytest runs with -s)."""
    print(f"[e2e {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
