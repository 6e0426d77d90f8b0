"""Pure helpers of the development tools (scripts/dev_onboard.py, scripts/bench)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
import socket
from typing import Any

import pytest

from benchmarks import bench_engine, bench_realstart, report
from benchmarks.harness import free_port, loopback_http, script_module
from benchmarks.run import run_parts

onboard = script_module("dev_onboard")

# Home Assistant 2025.4's own lines from a start without the frontend package.
RECOVERY_LOG = """\
2026-12-01 22:57:30.034 ERROR (ImportExecutor_0) [homeassistant.components.camera.img_util] Error loading libturbojpeg; Camera snapshot performance will be sub-optimal
2026-12-01 22:57:30.181 ERROR (MainThread) [homeassistant.setup] Error during setup of component frontend: No module named 'hass_frontend'
Traceback (most recent call last):
ModuleNotFoundError: No module named 'hass_frontend'
2026-12-01 22:57:30.255 WARNING (MainThread) [homeassistant.bootstrap] Detected that frontend did not load. Activating recovery mode
"""
HEALTHY_LOG = """\
2026-12-01 22:57:29.001 WARNING (MainThread) [homeassistant.bootstrap] Skipping pip installation of required modules. This may cause issues
2026-12-01 22:57:30.034 ERROR (ImportExecutor_0) [homeassistant.components.camera.img_util] Error loading libturbojpeg; Camera snapshot performance will be sub-optimal
"""
PLATFORM_ERROR_LOG = """\
2026-12-01 22:57:31.500 ERROR (MainThread) [custom_components.fleet_sim.sensor] Error while setting up fleet_sim platform for sensor
"""


@pytest.mark.parametrize("setup_errors", [False, True])
def test_recovery_mode_is_a_failed_start_with_its_reason(setup_errors: bool) -> None:
    """Recovery mode fails a start; the account carries the reason."""
    account = onboard.startup_failure(RECOVERY_LOG, setup_errors=setup_errors)
    assert account is not None
    assert "No module named 'hass_frontend'" in account
    assert "Activating recovery mode" in account
    assert "Traceback" not in account


@pytest.mark.parametrize("setup_errors", [False, True])
def test_errors_that_stop_nothing_are_no_failed_start(setup_errors: bool) -> None:
    """A missing libturbojpeg is logged as an error on every start here."""
    assert onboard.startup_failure(HEALTHY_LOG, setup_errors=setup_errors) is None


def test_setup_errors_fail_a_start_only_when_asked() -> None:
    """The benchmark fails on a platform that did not set up; develop does not."""
    assert onboard.startup_failure(PLATFORM_ERROR_LOG) is None
    account = onboard.startup_failure(PLATFORM_ERROR_LOG, setup_errors=True)
    assert account == PLATFORM_ERROR_LOG.strip()


def test_dev_port(tmp_path: Path) -> None:
    """$CAMERA_DOCTOR_PORT, else the written configuration's, else 8123."""
    assert onboard.dev_port({}, tmp_path) == 8123
    (tmp_path / "configuration.yaml").write_text(
        "http:\n  server_host: 127.0.0.1\n  server_port: 8131\n"
    )
    assert onboard.dev_port({}, tmp_path) == 8131
    assert onboard.dev_port({"CAMERA_DOCTOR_PORT": "8124"}, tmp_path) == 8124
    assert onboard.dev_port({"CAMERA_DOCTOR_PORT": ""}, tmp_path) == 8131
    for wrong in ("http", "0", "70000"):
        with pytest.raises(SystemExit, match="not a TCP port"):
            onboard.dev_port({"CAMERA_DOCTOR_PORT": wrong}, tmp_path)


def test_preseed_keeps_recovery_mode_on_loopback(tmp_path: Path) -> None:
    """The HTTP settings recovery mode falls back to: 127.0.0.1 only."""
    onboard.preseed_http(tmp_path, 8131)
    store = json.loads((tmp_path / ".storage" / "http").read_text())
    assert store["key"] == "http"
    assert store["data"] == {"server_host": ["127.0.0.1"], "server_port": 8131}


@pytest.mark.usefixtures("socket_enabled")
def test_free_port_is_free_on_loopback() -> None:
    """The port picked can be bound on 127.0.0.1; http is told to use only it."""
    port = free_port()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))
    http = loopback_http()["http"]
    assert http["server_host"] == ["127.0.0.1"]
    assert 0 < http["server_port"] < 65536


async def test_a_failing_part_keeps_the_others() -> None:
    """A part that fails is recorded; the parts before and after keep their figures."""

    async def first(args: argparse.Namespace) -> dict[str, Any]:
        return {"figure": 1}

    async def broken(args: argparse.Namespace) -> dict[str, Any]:
        raise RuntimeError("Home Assistant failed to start")

    async def last(args: argparse.Namespace) -> dict[str, Any]:
        return {"figure": 3}

    results: dict[str, Any] = {"machine": {}}
    parts = (("a", "first", first), ("b", "broken", broken), ("c", "last", last))
    await run_parts(parts, argparse.Namespace(), results)
    assert results["a"] == {"figure": 1}
    assert results["c"] == {"figure": 3}
    assert "b" not in results
    assert results["failed"] == {"b": "RuntimeError: Home Assistant failed to start"}


def test_the_engine_alone_is_measured_and_reported() -> None:
    """The pure engine's share of a worst-case change has its own row."""
    engine = bench_engine.per_write_us("worst_case", writes=30, repeats=1)
    assert engine > 0
    relevant = {
        "cameras_watched": 1,
        **{
            kind: {
                "per_write_us": {"bare": 5.0},
                "added_us": {
                    "camera_doctor": 100.0,
                    "threshold": 10.0,
                    "templates": 50.0,
                },
                "entity_writes_us": 8.0,
                "engine_us": 30.0,
                "ratio_vs_threshold": 10.0,
                "ratio_vs_templates": 2.0,
                "entity_writes_vs_threshold": 0.8,
                "writes": {"camera_doctor": {}, "threshold": {}, "templates": {}},
            }
            for kind in ("realistic", "worst_case")
        },
    }
    rows = report.floors({"relevant": relevant})
    assert rows[1] == (
        "of it, the pure engine alone / threshold helper",
        "x",
        3.0,
        0.0,
        None,
    )
    assert "| 8.0 | 30.0 | 10.0 |" in "\n".join(report._relevant_section(relevant))


def test_a_start_is_also_judged_by_its_own_parts() -> None:
    """Set-up and work after started, each a share of its own run, beside the medians."""

    def start(started: float, idle: float, setup: float) -> dict[str, float]:
        return {"started_s": started, "idle_s": idle, "setup_s": setup, "states": 1}

    # The machine runs the second round at half speed: the medians of whole
    # starts move with it, each run's own parts do not.
    runs = {
        "without": [start(4.0, 4.0, 0.0), start(8.0, 8.0, 0.0)],
        "floor": [start(4.0, 4.0, 0.2), start(8.0, 8.0, 0.4)],
        "with": [start(4.0, 4.2, 0.3), start(8.0, 8.4, 0.6)],
    }
    figures = bench_realstart.summary(runs, cameras=2, repeats=2)
    assert figures["floor_parts_share"] == pytest.approx(0.05)
    assert figures["with_parts_share"] == pytest.approx(0.5 / 4.2)
    assert figures["own_parts_share"] == pytest.approx(0.5 / 4.2 - 0.05)
    row = report.floors({"real_startup": figures})[-1]
    assert row[0] == "of a start, its own parts (set-up, work after started)"
    assert row[3] - 1 == pytest.approx(0.05)
    assert "| 5.0% | 11.9% |" in "\n".join(report._real_startup_section(figures))
