"""1b. The pure engine alone on the relevant-change streams.

What ``diagnose`` costs per write of ``bench_relevant``'s streams, with no
Home Assistant around it: an otherwise healthy camera's observation, each
write changing the one reading it carries, diagnosed with the previous
diagnosis a second later (as in the timed streams, no grace period ends).
Issue 16 puts every grace period and hold-off in this pure engine; its cost
is part of any worst-case change, so it tells how much of the goal for
Camera Doctor's own share it leaves for everything else.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
import itertools
import time

from custom_components.camera_doctor.diagnosis import Observation, Thresholds, diagnose

from .bench_relevant import stream
from .harness import median

_FIELDS = {
    "battery": "battery_percent",
    "signal": "signal_dbm",
    "temperature": "temperature_c",
}
HEALTHY = Observation(
    available=True,
    battery_percent=80.0,
    signal_dbm=-55.0,
    temperature_c=21.0,
    firmware_updating=False,
    update_available=False,
    power_fault=False,
)


def per_write_us(kind: str, writes: int = 3000, repeats: int = 7) -> float:
    """Median over ``repeats`` passes of the engine's microseconds per write."""
    observations = []
    observation = HEALTHY
    for key, state in itertools.islice(stream(kind), writes):
        observation = replace(observation, **{_FIELDS[key]: float(state)})
        observations.append(observation)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    moments = [start + timedelta(seconds=n + 1) for n in range(writes)]
    thresholds = Thresholds()
    times = []
    for _ in range(repeats):
        previous = diagnose(HEALTHY, thresholds, None, start)
        begin = time.perf_counter()
        for observation, now in zip(observations, moments, strict=True):
            previous = diagnose(observation, thresholds, previous, now)
        times.append(time.perf_counter() - begin)
    return median(times) / writes * 1e6
