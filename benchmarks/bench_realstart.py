"""5. Real start-up: a whole Home Assistant process, with and without us.

``bench_startup`` times the part of a start that Camera Doctor adds to, in
this process: setting up the integrations and starting. This one times what
an owner waits for after a restart: ``hass -c <config>`` launched as its own
process, until Home Assistant has started and everything it started is done
(Camera Doctor's first diagnosis included), as the ``bench_clock`` component
reports it. The configuration is the development one (``scripts/develop``:
frontend, API, repairs, automations …) with the simulated fleet grown to
``cameras`` Blink cameras (``fleet_sim: {cameras: N}``; each is a camera,
temperature and Wi-Fi sensors, battery and motion binary sensors, a motion
switch and a firmware update entity, ten to a sync module).

A third variant, ``floor``, gives the cameras the same four entities from a
stand-in that does nothing else (``bench_floor``, the whole-process
counterpart of ``floor.py``): what Home Assistant itself spends on them.

Each variant is prepared once (the first start creates the registries and,
for ``with``, Camera Doctor's config entry through its user flow, then stops
cleanly so the registries, restore states and Camera Doctor's stored
diagnoses are on disk), and every timed start runs on a fresh copy of that
directory: a restart, as an owner's would be. Runs alternate between the
variants. Modules are byte-compiled, as in an installed Home Assistant (the
preparing runs write what is missing). Home Assistant installs nothing
(``--skip-pip``): ``scripts/bench`` has installed what these integrations
need (the frontend among them). A run in which any problem sensor is on
(every simulated camera is healthy) is an error, not a figure; so is a start
in which an integration, a config entry or a platform fails to set up, or
Home Assistant falls back to recovery mode: the benchmark stops at once
and shows what Home Assistant logged. Each start
serves on 127.0.0.1 only, on a free port, recovery mode included.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from typing import Any

from .floor import FLOOR_OPTIONS
from .harness import REPO, free_port, median, script_module

HASS = Path(sys.executable).with_name("hass")
VARIANTS = ("without", "floor", "with")
INTEGRATIONS = ("bench_floor", "camera_doctor")  # what "floor" and "with" add
TIMEOUT_S = 600.0
LOG_CHECK_S = 0.5  # how often a start's log is read for errors
CONFIGURATION = """\
homeassistant:
  name: Start-up benchmark
  unit_system: metric
  time_zone: Europe/Amsterdam
  latitude: 52.3731
  longitude: 4.8922
  elevation: 0
  country: NL
  currency: EUR
  language: en
http:
  server_host: 127.0.0.1
  server_port: {port}
frontend:
api:
config:
repairs:
websocket_api:
sun:
automation: []
script: {{}}
logger:
  default: error
  logs:
    homeassistant.bootstrap: warning  # says when it falls back to recovery mode
fleet_sim:
  cameras: {cameras}{fleet}
bench_clock:{clock}
{floor}"""


ONBOARD = script_module("dev_onboard")  # Home Assistant's start, as develop sees it
SUPPORT = script_module("dev_support")
# CAMERA_DOCTOR_BENCH_RECORDER=1: every variant runs the recorder, the
# cameras are generic ones whose battery reports a level, and before the
# timed starts each battery has six recorded days of discharge
# (dev_support.record_discharge): what seeding the forecast costs.
RECORDER = os.environ.get("CAMERA_DOCTOR_BENCH_RECORDER") == "1"


def _floor_configuration() -> str:
    """``bench_floor:`` with Camera Doctor's own option lists."""
    lines = [f"  {key}: {json.dumps(values)}" for key, values in FLOOR_OPTIONS.items()]
    return "\n".join(["bench_floor:", *lines, ""])


def _write_configuration(
    config: Path, cameras: int, variant: str, add: str | None = None
) -> None:
    """The configuration, on a free port of 127.0.0.1 (recovery mode too)."""
    clock = f"\n  add: {add}" if add else ""
    floor = _floor_configuration() if variant == "floor" else ""
    port = free_port()
    fleet = "\n  battery_levels: true" if RECORDER else ""
    text = CONFIGURATION.format(
        port=port, cameras=cameras, clock=clock, floor=floor, fleet=fleet
    )
    if RECORDER:
        text += "recorder:\n"
    (config / "configuration.yaml").write_text(text)
    ONBOARD.preseed_http(config, port)


def _failed(config: Path, what: str) -> RuntimeError:
    """``what`` happened; with Home Assistant's own account from its log."""
    try:
        log = (config / "hass.err").read_text(errors="replace")
    except FileNotFoundError:
        log = ""
    account = ONBOARD.startup_failure(log, setup_errors=True) or "\n".join(
        log.splitlines()[-20:]
    )
    return RuntimeError(
        f"{what} ({config.name}); Home Assistant logged:\n{account or '(nothing)'}"
    )


def _launch(config: Path) -> dict[str, float]:
    """Start ``hass -c config``; seconds to started and to idle; stop it."""
    clock = config / "clock.json"
    clock.unlink(missing_ok=True)
    # Byte-compiled modules, as an installed Home Assistant has them:
    # compiling them on every start would make the start slower than any
    # owner's, and the ratios kinder.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["BENCH_CLOCK_FILE"] = str(clock)
    log = config / "hass.err"
    launched = time.monotonic()
    next_check = launched + LOG_CHECK_S
    with (
        log.open("w") as errors,
        subprocess.Popen(  # noqa: S603 - our own interpreter's hass script
            [str(HASS), "-c", str(config), "--skip-pip"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        ) as process,
    ):
        try:
            while not clock.exists():
                if process.poll() is not None:
                    raise _failed(config, "Home Assistant exited early")
                if (now := time.monotonic()) >= next_check:
                    next_check = now + LOG_CHECK_S
                    if ONBOARD.startup_failure(
                        log.read_text(errors="replace"), setup_errors=True
                    ):
                        raise _failed(config, "Home Assistant failed to start")
                if now - launched > TIMEOUT_S:
                    raise _failed(
                        config, f"Home Assistant did not start in {TIMEOUT_S:.0f} s"
                    )
                time.sleep(0.01)
            time.sleep(0.05)  # the clock writes its file in one go; let it land
            report = json.loads(clock.read_text())
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=120)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    if report["problems"]:  # every simulated camera is healthy
        raise _failed(config, f"{report['problems']} problems reported")
    return {
        "started_s": report["started"] - launched,
        "idle_s": report["idle"] - launched,
        "states": report["states"],
        # Home Assistant's own timing of the integration's set-up (its
        # config entry and platforms): steadier than a whole start.
        "setup_s": max(report["setup_s"].get(d, 0.0) for d in INTEGRATIONS),
    }


def _prepare(root: Path, variant: str, cameras: int) -> Path:
    """A configuration directory as after a first start and a clean stop."""
    config = root / variant
    components = config / "custom_components"
    components.mkdir(parents=True)
    links = {
        "fleet_sim": REPO / "dev" / "fleet_sim",
        "bench_clock": REPO / "benchmarks" / "bench_clock",
    }
    if variant == "with":
        links["camera_doctor"] = REPO / "custom_components" / "camera_doctor"
    if variant == "floor":
        links["bench_floor"] = REPO / "benchmarks" / "bench_floor"
    for name, target in links.items():
        (components / name).symlink_to(target)
    _write_configuration(
        config, cameras, variant, "camera_doctor" if variant == "with" else None
    )
    _launch(config)
    if RECORDER:
        SUPPORT.record_discharge(config)
    _write_configuration(config, cameras, variant)
    return config


def _timed(template: Path, run: Path, cameras: int, variant: str) -> dict[str, float]:
    shutil.rmtree(run, ignore_errors=True)
    shutil.copytree(template, run, symlinks=True)
    _write_configuration(run, cameras, variant)  # a fresh port
    try:
        return _launch(run)
    finally:
        shutil.rmtree(run, ignore_errors=True)


def run(cameras: int, repeats: int) -> dict[str, Any]:
    """Median seconds to started and to idle of each variant; the ratios."""
    with tempfile.TemporaryDirectory(prefix="camera-doctor-start-") as tmp:
        root = Path(tmp)
        templates = {variant: _prepare(root, variant, cameras) for variant in VARIANTS}
        runs: dict[str, list[dict[str, float]]] = {variant: [] for variant in VARIANTS}
        for round_ in range(repeats + 1):  # the first round warms the disk cache
            shift = round_ % len(VARIANTS)
            for variant in VARIANTS[shift:] + VARIANTS[:shift]:
                result = _timed(templates[variant], root / "run", cameras, variant)
                if round_:
                    runs[variant].append(result)
    return summary(runs, cameras, repeats)


def summary(
    runs: dict[str, list[dict[str, float]]], cameras: int, repeats: int
) -> dict[str, Any]:
    """The medians of every variant's runs, and the ratios."""
    figures: dict[str, Any] = {"cameras": cameras, "repeats": repeats}
    for variant in VARIANTS:
        figures[f"{variant}_started_s"] = median(r["started_s"] for r in runs[variant])
        figures[f"{variant}_idle_s"] = median(r["idle_s"] for r in runs[variant])
        figures[f"{variant}_states"] = runs[variant][-1]["states"]
        figures[f"{variant}_setup_s"] = median(r["setup_s"] for r in runs[variant])
    # The integration's own parts of each start, as a share of that start:
    # its set-up as Home Assistant times it, and what is still running once
    # Home Assistant has started (Camera Doctor's first diagnosis). Each run
    # is measured against itself, so the machine's speed, which moves whole
    # starts by a fifth from one run to the next, cancels out.
    for variant in ("with", "floor"):
        figures[f"{variant}_parts_share"] = median(
            (r["setup_s"] + r["idle_s"] - r["started_s"]) / r["idle_s"]
            for r in runs[variant]
        )
    figures["own_parts_share"] = (
        figures["with_parts_share"] - figures["floor_parts_share"]
    )
    for variant, prefix in (("with", ""), ("floor", "floor_")):
        for key, name in (("idle", "ratio"), ("started", "started_ratio")):
            figures[prefix + name] = (
                figures[f"{variant}_{key}_s"] / figures[f"without_{key}_s"]
            )
    return figures
