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
from dataclasses import dataclass, field
import importlib.util
import json
import os
from pathlib import Path
import shutil
import signal
import socket
import subprocess
import sys
import time
from types import ModuleType
from typing import Any

from ws_client import WebSocketClient

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
# scripts/e2e --upgrade: "before" on the oldest release writes the
# configuration the newest release then starts on, "after" (as an owner's
# Home Assistant after an upgrade); "" in every other run.
UPGRADE = os.environ.get("E2E_UPGRADE", "")
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
    "camera.driveway",  # a wired Reolink on PoE: no battery, no Wi-Fi reading
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
        if UPGRADE == "after":
            onboard.preseed(CONFIG_DIR)  # the configuration of the run before
        else:
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


def fault_issues(ws: WebSocketClient) -> dict[str, dict[str, Any]]:
    """Camera Doctor's repair issues about a fault: all but missing readings."""
    return {
        issue_id: issue
        for issue_id, issue in ws.issues(DOMAIN).items()
        if issue["translation_key"] != MISSING_READINGS
    }


def fleet_entry_id(ha: HomeAssistantProcess) -> str:
    """The simulated fleet's config entry: the cameras' integration."""
    entries: list[dict[str, Any]] = ha.rest(
        "GET", "/api/config/config_entries/entry?domain=fleet_sim"
    )
    assert len(entries) == 1, entries
    return str(entries[0]["entry_id"])


def log(message: str) -> None:
    """Progress line on the terminal (pytest runs with -s)."""
    print(f"[e2e {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
