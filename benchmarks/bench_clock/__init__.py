"""Start-up clock for the real start-up benchmark (``benchmarks/bench_realstart.py``).

When Home Assistant has started and everything it started is done, write the
``time.monotonic()`` of both moments (system-wide on Linux, so the process
that launched Home Assistant can subtract its own launch time), the CPU time
the process has used, and Home Assistant's own set-up time per integration,
to the file named by ``$BENCH_CLOCK_FILE``. With ``bench_clock: {add: <domain>}`` it first
adds that integration's config entry through its user flow (the benchmark's
one-off preparing run). With ``$BENCH_CLOCK_PROFILE`` set, everything from
this component's set-up until idle runs under ``cProfile``, saved there.
"""

from __future__ import annotations

import cProfile
import json
import os
from pathlib import Path
import time
from typing import Any

from homeassistant.const import EVENT_HOMEASSISTANT_STARTED
from homeassistant.core import Event, HomeAssistant
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.typing import ConfigType
from homeassistant.setup import async_get_setup_timings
import voluptuous as vol

DOMAIN = "bench_clock"
CONFIG_SCHEMA = vol.Schema(
    {DOMAIN: vol.Any(None, {vol.Optional("add"): cv.string})}, extra=vol.ALLOW_EXTRA
)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Arm the clock."""
    out = Path(os.environ["BENCH_CLOCK_FILE"])
    add: str | None = (config.get(DOMAIN) or {}).get("add")
    profile_to = os.environ.get("BENCH_CLOCK_PROFILE")
    profiler = cProfile.Profile() if profile_to else None
    if profiler:
        profiler.enable()

    async def _started(_event: Event) -> None:
        started = time.monotonic()
        if add:
            result: Any = await hass.config_entries.flow.async_init(
                add, context={"source": "user"}
            )
            if result.get("type") == "form":
                await hass.config_entries.flow.async_configure(result["flow_id"], {})
        await hass.async_block_till_done()
        idle = time.monotonic()
        if profiler:
            profiler.disable()
            await hass.async_add_executor_job(profiler.dump_stats, profile_to)
        states = hass.states.async_all()
        report = {
            "started": started,
            "idle": idle,
            "cpu": time.process_time(),  # every thread of the process, so far
            "setup_s": async_get_setup_timings(hass),
            "states": len(states),
            # Problem binary sensors that are on (a healthy fleet has none).
            "problems": sum(
                state.state == "on"
                and state.attributes.get("device_class") == "problem"
                for state in states
            ),
        }
        await hass.async_add_executor_job(out.write_text, json.dumps(report))

    hass.bus.async_listen_once(EVENT_HOMEASSISTANT_STARTED, _started)
    return True
