"""3. Scale: setup time and memory for growing fleets.

For each fleet size a fresh, running Home Assistant gets that many generic
cameras (camera + battery, signal, temperature, connectivity, firmware).
Timed: setting up Camera Doctor's config entry until everything it started
is done (discovery, 4 entities per camera, the first diagnosis of each).
Memory: the same setup in another fresh instance under ``tracemalloc``;
the figure is what is still allocated afterwards (after a collection). The
integration's code and manifest are loaded before tracing starts (a one-off
cost of any integration: reading the custom integrations' manifests alone
shows up as about 8 MiB). Per camera is the slope against the 1-camera fleet,
so one-off costs (the event platform, the services) do not flatter the small
fleets.

The floor (``floor.py``) is measured the same way: the same entities per
camera from a stand-in that does nothing else, which is what Home Assistant
itself spends on the entities the contract asks for.
"""

from __future__ import annotations

import gc
import time
import tracemalloc
from typing import Any

from homeassistant import loader

from custom_components.camera_doctor.const import DOMAIN
from custom_components.camera_doctor.diagnosis.forecast import (
    BatteryHistory,
    as_dict as history_to_dict,
    from_dict as history_from_dict,
)
from custom_components.camera_doctor.diagnosis.forecast_history import MAX_POINTS
from custom_components.camera_doctor.store import PackedHistory

from .floor import FLOOR, mock_floor
from .harness import (
    add_fleet,
    doctor_entry,
    home_assistant,
    median,
    settle,
    setup_entry,
)


async def _setup_time(cameras: int, floor: bool = False) -> float:
    async with home_assistant() as hass:
        add_fleet(hass, cameras)
        await hass.async_block_till_done()
        entry = mock_floor(hass) if floor else doctor_entry()
        settle()
        start = time.perf_counter()
        await setup_entry(hass, entry)
        return time.perf_counter() - start


def _full_history(now: float) -> dict[str, Any]:
    """A battery history at its bound: 48 points, an hour or more apart."""
    points = [
        (now - (MAX_POINTS - i) * 5400.0, 90.0 - i * 0.1) for i in range(MAX_POINTS)
    ]
    return history_to_dict(BatteryHistory(tuple(points), points[0][0]))


def _history_kib(count: int = 1000) -> float:
    """What a full battery history adds to a camera's record, in KiB.

    Measured on the histories themselves, as the store keeps them (packed),
    minus the one-point history every camera with a battery level has: a
    whole setup with and without stored histories differs by less than what
    Home Assistant's own pending registry writes move from run to run.
    """
    full = history_from_dict(_full_history(time.time()))
    one = BatteryHistory(full.points[-1:], full.changed_at)
    sizes = []
    for history in (full, one):
        gc.collect()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            kept = [PackedHistory.pack(history) for _ in range(count)]
            sizes.append(tracemalloc.get_traced_memory()[0] - before)
            del kept
        finally:
            tracemalloc.stop()
    return (sizes[0] - sizes[1]) / 1024 / count


async def _setup_memory(cameras: int, floor: bool = False) -> int:
    async with home_assistant() as hass:
        add_fleet(hass, cameras)
        await hass.async_block_till_done()
        entry = mock_floor(hass) if floor else doctor_entry()
        integration = await loader.async_get_integration(
            hass, FLOOR if floor else DOMAIN
        )
        await integration.async_get_component()
        settle()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            await setup_entry(hass, entry)
            gc.collect()
            return tracemalloc.get_traced_memory()[0] - before
        finally:
            tracemalloc.stop()


async def run(sizes: list[int], repeats: int) -> dict[str, Any]:
    """Per fleet size: median setup seconds, memory, both per camera; the floor's."""
    await _setup_memory(sizes[0], floor=True)  # warm up: the floor's platforms
    rows = []
    for cameras in sizes:
        times = [await _setup_time(cameras) for _ in range(repeats)]
        floor_times = [await _setup_time(cameras, floor=True) for _ in range(repeats)]
        memory = await _setup_memory(cameras)
        floor_memory = await _setup_memory(cameras, floor=True)
        setup_s = median(times)
        rows.append(
            {
                "cameras": cameras,
                "setup_s": setup_s,
                "setup_ms_per_camera": setup_s / cameras * 1e3,
                "memory_kib": memory / 1024,
                "memory_kib_per_camera": memory / 1024 / cameras,
                "floor_setup_s": median(floor_times),
                "floor_memory_kib": floor_memory / 1024,
                "repeats": repeats,
            }
        )
    # The battery forecast's history at its bound (48 points), on the biggest
    # fleet: what it adds per camera.
    biggest = rows[-1]
    history = _history_kib()
    biggest["memory_kib_with_history"] = (
        biggest["memory_kib"] + history * (biggest["cameras"])
    )
    biggest["history_kib_per_camera"] = history
    first = rows[0]
    for row in rows[1:]:
        added = row["cameras"] - first["cameras"]
        row["memory_kib_per_added_camera"] = (
            row["memory_kib"] - first["memory_kib"]
        ) / added
        row["floor_memory_kib_per_added_camera"] = (
            row["floor_memory_kib"] - first["floor_memory_kib"]
        ) / added
        row["setup_ms_per_added_camera"] = (
            (row["setup_s"] - first["setup_s"]) * 1e3 / added
        )
        row["floor_setup_ms_per_added_camera"] = (
            (row["floor_setup_s"] - first["floor_setup_s"]) * 1e3 / added
        )
    # Linear: the per-camera cost of the biggest fleet is within 1.5x of
    # the per-camera cost at 100 cameras (fixed costs dominate below that).
    by_size = {row["cameras"]: row for row in rows}
    result: dict[str, Any] = {"rows": rows}
    if 100 in by_size and (largest := max(by_size)) > 100:
        result["time_growth_per_camera"] = (
            by_size[largest]["setup_ms_per_camera"]
            / by_size[100]["setup_ms_per_camera"]
        )
        result["memory_growth_per_camera"] = (
            by_size[largest]["memory_kib_per_camera"]
            / by_size[100]["memory_kib_per_camera"]
        )
    return result
