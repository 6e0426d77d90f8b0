"""2. Unrelated state changes: writes Camera Doctor does not watch.

One Home Assistant with a fleet of cameras and 100 other sensors. Blocks of
10,000 writes to the other sensors (a ``async_block_till_done`` every 100
writes) are timed with Camera Doctor loaded and unloaded, in the order
A B B A so drift cancels; the figure is the ratio of the medians.

Home Assistant's state-change tracking is one shared ``state_changed``
listener that looks the entity id up in a dict; it exists as soon as anything
tracks any entity (every automation, template or helper does). With
``other_tracker`` one core ``threshold`` helper on an unrelated sensor is
loaded in both runs, as in every real installation, so the ratio shows what
Camera Doctor adds; without it (a bare Home Assistant) Camera Doctor is what
brings that shared listener in.
"""

from __future__ import annotations

import time
from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from .harness import add_fleet, doctor_entry, median, settle, setup_entry

OTHER_SENSORS = 100
BATCH = 100


async def _writes(hass: HomeAssistant, count: int, offset: int) -> float:
    """Seconds for ``count`` writes that each change an unrelated sensor."""
    attrs = {"unit_of_measurement": "W", "device_class": "power"}
    entity_ids = [f"sensor.other_{i:03d}" for i in range(OTHER_SENSORS)]
    async_set = hass.states.async_set
    start = time.perf_counter()
    for i in range(count):
        async_set(entity_ids[i % OTHER_SENSORS], str(offset + i), attrs)
        if i % BATCH == BATCH - 1:
            await hass.async_block_till_done()
    await hass.async_block_till_done()
    return time.perf_counter() - start


async def run(
    hass: HomeAssistant,
    *,
    cameras: int,
    writes: int,
    rounds: int,
    other_tracker: bool = True,
) -> dict[str, Any]:
    """Median seconds per block with and without Camera Doctor, and the ratio."""
    add_fleet(hass, cameras)
    if other_tracker:
        hass.states.async_set("sensor.heater_power", "0", {"unit_of_measurement": "W"})
        await setup_entry(
            hass,
            MockConfigEntry(
                domain="threshold",
                title="heater on",
                options={
                    "entity_id": "sensor.heater_power",
                    "hysteresis": 0.0,
                    "lower": None,
                    "upper": 10.0,
                    "name": "heater on",
                },
            ),
        )
    entry = doctor_entry()
    await setup_entry(hass, entry)
    offset = 0
    times: dict[str, list[float]] = {"with": [], "without": []}

    async def measure(loaded: bool) -> None:
        nonlocal offset
        if loaded != (entry.state is ConfigEntryState.LOADED):
            if loaded:
                await setup_entry(hass, entry)
            else:
                assert await hass.config_entries.async_unload(entry.entry_id)
                await hass.async_block_till_done()
            settle()
        offset += writes
        times["with" if loaded else "without"].append(
            await _writes(hass, writes, offset)
        )

    await measure(True)  # warm up
    times["with"].clear()
    for round_ in range(rounds):
        for loaded in (True, False) if round_ % 2 == 0 else (False, True):
            await measure(loaded)
    with_cd, without = median(times["with"]), median(times["without"])
    return {
        "cameras": cameras,
        "other_tracker": other_tracker,
        "writes": writes,
        "rounds": rounds,
        "with_s": with_cd,
        "without_s": without,
        "per_write_us_with": with_cd / writes * 1e6,
        "per_write_us_without": without / writes * 1e6,
        "ratio": with_cd / without,
    }
