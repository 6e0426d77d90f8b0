#!/usr/bin/env python3
"""Helper for scripts/develop and scripts/dev-check (standard library only).

Subcommands:
  requirements   print the pinned requirements the dev instance needs but the
                 running Python lacks (run it with .venv/bin/python)
  port           print the dev instance's port
  preseed        prepare the configuration directory before a start
  wait           wait until the dev Home Assistant answers HTTP (fails at
                 once, with Home Assistant's reason, on recovery mode)
  onboard        finish onboarding, save a long-lived token in
                 .dev-config/.dev-token and create the Camera Doctor entry
  token          print a valid access token (for curl)

The configuration directory is ``$CAMERA_DOCTOR_DEV_CONFIG`` (relative to the
project; ``.dev-config-latest`` for ``scripts/develop --latest``), else
``.dev-config``.
"""

from __future__ import annotations

import argparse
import base64
from collections.abc import Mapping
import contextlib
import importlib.util
import json
import os
from pathlib import Path
import socket
import sys
import time
from typing import Any
import urllib.error
import urllib.parse
import urllib.request

from dev_support import (
    DEV_DOMAINS,
    configured_port,
    missing_requirements,
    preseed_http,
    startup_failure,
    write_store,
    ws_recv,
    ws_send,
)

ROOT = Path(__file__).resolve().parent.parent
CONFIG_DIR = ROOT / (os.environ.get("CAMERA_DOCTOR_DEV_CONFIG") or ".dev-config")
TOKEN_FILE = CONFIG_DIR / ".dev-token"
PORT_VARIABLE = "CAMERA_DOCTOR_PORT"
DEFAULT_PORT = 8123


def dev_port(environ: Mapping[str, str], config_dir: Path) -> int:
    """Return the dev instance's port.

    ``$CAMERA_DOCTOR_PORT`` when set, else the port this clone's dev
    configuration was last started with (so that ``scripts/dev-check`` finds
    an instance started on another port), else 8123.
    """
    if value := environ.get(PORT_VARIABLE, "").strip():
        if not value.isdigit() or not 0 < int(value) < 65536:
            raise SystemExit(f"{PORT_VARIABLE}={value!r} is not a TCP port")
        return int(value)
    return configured_port(config_dir) or DEFAULT_PORT


URL = (
    os.environ.get("DEV_HA_URL")
    or f"http://127.0.0.1:{dev_port(os.environ, CONFIG_DIR)}"
)
CLIENT_ID = f"{URL}/"
USERNAME = "dev"
PASSWORD = "dev-password-1"  # noqa: S105 - throw-away local dev login


class HttpError(Exception):
    """A non-2xx answer."""

    def __init__(self, status: int, body: str) -> None:
        """Keep status and body."""
        super().__init__(f"HTTP {status}: {body[:300]}")
        self.status = status
        self.body = body


def request(
    method: str,
    path: str,
    data: Any = None,
    *,
    token: str | None = None,
    form: bool = False,
    timeout: float = 30,
) -> Any:
    """Send a request to Home Assistant and return the decoded JSON answer."""
    headers: dict[str, str] = {}
    body: bytes | None = None
    if data is not None:
        if form:
            body = urllib.parse.urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        else:
            body = json.dumps(data).encode()
            headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(URL + path, body, headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read().decode()
    except urllib.error.HTTPError as err:
        raise HttpError(err.code, err.read().decode(errors="replace")) from None
    try:
        return json.loads(raw) if raw else None
    except json.JSONDecodeError:
        return raw  # e.g. /api/template answers plain text


# --- tokens ------------------------------------------------------------------


def _exchange_code(code: str) -> dict[str, Any]:
    data = {"grant_type": "authorization_code", "code": code, "client_id": CLIENT_ID}
    tokens: dict[str, Any] = request("POST", "/auth/token", data, form=True)
    return tokens


def _login() -> dict[str, Any]:
    """Log in with the dev user through the login flow."""
    flow = request(
        "POST",
        "/auth/login_flow",
        {
            "client_id": CLIENT_ID,
            "handler": ["homeassistant", None],
            "redirect_uri": CLIENT_ID,
        },
    )
    result = request(
        "POST",
        f"/auth/login_flow/{flow['flow_id']}",
        {"client_id": CLIENT_ID, "username": USERNAME, "password": PASSWORD},
    )
    if result.get("type") != "create_entry":
        raise SystemExit(f"login as {USERNAME!r} failed: {result}")
    return _exchange_code(result["result"])


def create_long_lived_token(access_token: str) -> str:
    """Create a long-lived access token over the websocket API."""
    parsed = urllib.parse.urlsplit(URL)
    host, port = parsed.hostname or "127.0.0.1", parsed.port or 80
    with socket.create_connection((host, port), timeout=30) as sock:
        key = base64.b64encode(os.urandom(16)).decode()
        sock.sendall(
            (
                f"GET /api/websocket HTTP/1.1\r\nHost: {host}:{port}\r\n"
                "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
            ).encode()
        )
        head = b""
        while b"\r\n\r\n" not in head:
            head += sock.recv(1)
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise SystemExit(f"websocket upgrade failed: {head!r}")
        ws_recv(sock)  # auth_required
        ws_send(sock, {"type": "auth", "access_token": access_token})
        if (answer := ws_recv(sock)).get("type") != "auth_ok":
            raise SystemExit(f"websocket auth failed: {answer}")
        ws_send(
            sock,
            {
                "id": 1,
                "type": "auth/long_lived_access_token",
                "client_name": f"scripts/develop {time.strftime('%Y-%m-%d %H:%M:%S')}",
                "lifespan": 3650,
            },
        )
        answer = ws_recv(sock)
        if not answer.get("success"):
            raise SystemExit(f"could not create a long-lived token: {answer}")
        token: str = answer["result"]
        return token


def saved_token() -> str | None:
    """Return the saved long-lived token if Home Assistant still accepts it."""
    if not TOKEN_FILE.is_file():
        return None
    token = TOKEN_FILE.read_text().strip()
    try:
        request("GET", "/api/", token=token)
    except HttpError:
        return None
    return token


def save_token(access_token: str) -> str:
    """Create and save a long-lived token; return it."""
    token = create_long_lived_token(access_token)
    TOKEN_FILE.write_text(token + "\n")
    TOKEN_FILE.chmod(0o600)
    return token


def get_token() -> str:
    """Return a working token, logging in (and saving a new one) if needed."""
    if token := saved_token():
        return token
    return save_token(_login()["access_token"])


# --- subcommands ---------------------------------------------------------------


def cmd_wait(args: argparse.Namespace) -> int:
    """Wait until Home Assistant answers HTTP.

    The probe asks for ``/manifest.json``, which needs no login: a request
    without credentials to the API would be logged by Home Assistant as a
    failed login, with a "Login attempt failed" notification, on every start.
    With ``--log``, a start that fell back to recovery mode fails at once and
    prints Home Assistant's reason.
    """
    log: Path | None = getattr(args, "log", None)
    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline:
        if args.pid and not Path(f"/proc/{args.pid}").exists():
            print("Home Assistant exited during start-up", file=sys.stderr)
            return 1
        if log is not None and log.is_file():
            if failure := startup_failure(log.read_text(errors="replace")):
                print(f"Home Assistant failed to start:\n{failure}", file=sys.stderr)
                return 1
        try:
            request("GET", "/manifest.json", timeout=5)
        except HttpError:
            return 0  # any HTTP answer: the server is up
        except OSError:
            time.sleep(1)
            continue
        return 0
    print(f"Home Assistant did not answer within {args.timeout}s", file=sys.stderr)
    return 1


def _wait_running(token: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, HttpError):
            config = request("GET", "/api/config", token=token)
            if config.get("recovery_mode"):
                raise SystemExit("Home Assistant is running in recovery mode")
            if config["state"] == "RUNNING":
                return
        time.sleep(1)
    raise SystemExit("Home Assistant did not reach RUNNING")


def preseed(config_dir: Path) -> None:
    """Prepare a configuration directory before Home Assistant starts.

    Marks onboarding's core_config step done before the first start:
    finishing that step through the API sets up the weather, radio, TTS and
    shopping-list integrations, and some of them reach the internet at once;
    the development instance must stay on this machine. And, before every
    start, the HTTP settings for recovery mode (``preseed_http``).
    """
    preseed_http(config_dir, urllib.parse.urlsplit(URL).port or DEFAULT_PORT)
    if not (config_dir / ".storage" / "onboarding").exists():
        write_store(config_dir, "onboarding", 4, {"done": ["core_config"]})


def _onboard() -> str:
    """Run the open onboarding steps; return a token."""
    try:
        answer = request("GET", "/api/onboarding")
    except HttpError as err:  # onboarding done before this start: no views
        if err.status != 404:
            raise
        answer = []
    steps = {s["step"]: s["done"] for s in answer}
    access: str | None = None  # a login token (onboarding needs credentials)
    if steps.get("user") is False:
        print("==> onboarding: creating user 'dev'")
        answer = request(
            "POST",
            "/api/onboarding/users",
            {
                "client_id": CLIENT_ID,
                "name": "Developer",
                "username": USERNAME,
                "password": PASSWORD,
                "language": "en",
            },
        )
        access = _exchange_code(answer["auth_code"])["access_token"]
    for step, payload in (
        ("analytics", {}),
        ("integration", {"client_id": CLIENT_ID, "redirect_uri": CLIENT_ID}),
    ):
        if steps.get(step) is False:
            print(f"==> onboarding: {step}")
            access = access or _login()["access_token"]
            request("POST", f"/api/onboarding/{step}", payload, token=access)
    if token := saved_token():
        return token
    return save_token(access or _login()["access_token"])


def _camera_doctor_importable() -> bool:
    package = ROOT / "custom_components" / "camera_doctor"
    if not (package / "manifest.json").is_file():
        return False
    sys.path.insert(0, str(ROOT))
    try:
        return importlib.util.find_spec("custom_components.camera_doctor") is not None
    finally:
        sys.path.pop(0)


def _ensure_entry(token: str) -> None:
    path = "/api/config/config_entries/entry?domain=camera_doctor"
    if request("GET", path, token=token):
        print("==> Camera Doctor entry: already configured")
        return
    if not _camera_doctor_importable():
        print("==> Camera Doctor entry: skipped (integration not there yet)")
        return
    flows = "/api/config/config_entries/flow"
    try:
        result = request("POST", flows, {"handler": "camera_doctor"}, token=token)
        for _ in range(3):  # submit confirm steps that need no input
            if result.get("type") != "form":
                break
            result = request("POST", f"{flows}/{result['flow_id']}", {}, token=token)
    except HttpError as err:
        print(f"==> Camera Doctor entry: WARNING, config flow failed: {err}")
        return
    outcome = result.get("type")
    if outcome == "create_entry":
        print("==> Camera Doctor entry: created")
    elif outcome == "abort":
        print(f"==> Camera Doctor entry: flow aborted ({result.get('reason')})")
    else:
        print(f"==> Camera Doctor entry: WARNING, unexpected flow result {result}")


def cmd_preseed(args: argparse.Namespace) -> int:
    """Prepare the dev config's onboarding before the first start."""
    preseed(CONFIG_DIR)
    return 0


def cmd_onboard(args: argparse.Namespace) -> int:
    """Onboard, save a token, create the Camera Doctor entry."""
    token = _onboard()
    _wait_running(token)
    _ensure_entry(token)
    return 0


def cmd_port(args: argparse.Namespace) -> int:
    """Print the dev instance's port."""
    print(urllib.parse.urlsplit(URL).port or DEFAULT_PORT)
    return 0


def cmd_token(args: argparse.Namespace) -> int:
    """Print a working token."""
    print(get_token())
    return 0


def cmd_requirements(args: argparse.Namespace) -> int:
    """Print the requirements of the dev instance's integrations not installed."""
    print("\n".join(missing_requirements(ROOT, args.domains or DEV_DOMAINS)))
    return 0


def main() -> int:
    """Run a subcommand."""
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    wait = sub.add_parser("wait")
    wait.add_argument("--timeout", type=float, default=300)
    wait.add_argument("--pid", type=int)
    wait.add_argument("--log", type=Path, help="Home Assistant's output")
    wait.set_defaults(func=cmd_wait)
    sub.add_parser("port").set_defaults(func=cmd_port)
    sub.add_parser("preseed").set_defaults(func=cmd_preseed)
    sub.add_parser("onboard").set_defaults(func=cmd_onboard)
    sub.add_parser("token").set_defaults(func=cmd_token)
    reqs = sub.add_parser("requirements")
    reqs.add_argument("domains", nargs="*", help="default: the dev configuration's")
    reqs.set_defaults(func=cmd_requirements)
    args = parser.parse_args()
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
