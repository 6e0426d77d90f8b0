"""1. Relevant state changes: what a watched source change costs.

One Home Assistant holds four identical cameras' worth of sources (plus the
rest of the fleet Camera Doctor watches), each watched a different way:

- ``bare``: nobody watches it; the cost of the state write alone.
- ``camera_doctor``: one of the N cameras Camera Doctor watches.
- ``threshold``: one core ``threshold`` helper per written reading (battery
  below 20 %, signal below -75 dBm, temperature outside -20..45 °C), set up
  through config entries like the UI does.
- ``templates``: eight template binary sensors, one per cause, the way
  people write them by hand (config entries of the ``template`` helper).

The same stream of writes goes to each, in short blocks rotated round by
round so drift hits every variant alike. Each write is followed by
``async_block_till_done``. The added cost of a variant is its time per write
minus the bare write's in the same round; the figure is the median.

Where Camera Doctor's share goes: a separate, untimed pass over the same
stream measures the time Home Assistant spends writing Camera Doctor's
entities (``Entity.async_write_ha_state`` and everything it runs). That is
the floor any integration with these four entities pays for the writes; the
rest is Camera Doctor's own work (reading the camera, the diagnosis, issues,
timers, the bus event).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
import itertools
import random
import time
from typing import Any

from homeassistant.const import EVENT_STATE_CHANGED, EVENT_STATE_REPORTED
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.entity import Entity
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor.const import CONF_EXCLUDE, DOMAIN
from custom_components.camera_doctor.entity import CameraDoctorEntity

from .harness import Camera, add_fleet, doctor_entry, median, settle, setup_entry

VARIANTS = ("bare", "camera_doctor", "threshold", "templates")
WATCHERS = ("camera_doctor", "threshold", "templates")
STREAMS = ("realistic", "worst_case")
READINGS = ("battery", "signal", "temperature")

THRESHOLDS = {
    "battery": {"lower": 20.0, "upper": None},
    "signal": {"lower": -75.0, "upper": None},
    "temperature": {"lower": -20.0, "upper": 45.0},
}

TEMPLATES = {
    "low_battery": "{{ states('%(battery)s') | float(100) <= 20 }}",
    "weak_signal": "{{ states('%(signal)s') | float(0) <= -75 }}",
    "overheating": "{{ states('%(temperature)s') | float(20) >= 45 }}",
    "too_cold": "{{ states('%(temperature)s') | float(20) <= -20 }}",
    "offline": (
        "{{ is_state('%(camera)s', 'unavailable')"
        " or is_state('%(connectivity)s', 'off') }}"
    ),
    "firmware_updating": "{{ state_attr('%(firmware)s', 'in_progress') is true }}",
    "firmware_outdated": "{{ is_state('%(firmware)s', 'on') }}",
    "red_flash": (
        "{{ states('%(battery)s') | float(100) <= 20"
        " or states('%(signal)s') | float(0) <= -75"
        " or not (-20 < states('%(temperature)s') | float(20) < 45)"
        " or is_state('%(camera)s', 'unavailable')"
        " or is_state('%(connectivity)s', 'off') }}"
    ),
}


def stream(kind: str, seed: int = 10) -> Iterator[tuple[str, str]]:
    """Endless writes ``(reading, state)``; every write changes the state.

    ``realistic``: battery, signal and temperature drift by small steps around
    healthy values (the diagnosis should not change). ``worst_case``: each
    write flips its reading across a threshold, so every write changes the
    diagnosis.
    """
    if kind == "worst_case":
        flips = {
            "battery": itertools.cycle(("5", "80")),
            "signal": itertools.cycle(("-85", "-55")),
            "temperature": itertools.cycle(("50", "21")),
        }
        for key in itertools.cycle(READINGS):
            yield key, next(flips[key])
    rng = random.Random(seed)  # noqa: S311 - reproducible drift, not security
    value = {"battery": 80.0, "signal": -55.0, "temperature": 21.0}
    bounds = {"battery": (70, 90), "signal": (-62, -48), "temperature": (15, 27)}
    steps = {"battery": 1.0, "signal": 1.0, "temperature": 0.1}
    for key in itertools.cycle(READINGS):
        low, high = bounds[key]
        step = steps[key] * rng.choice((-1, 1))
        if not low <= value[key] + step <= high:
            step = -step
        value[key] = round(value[key] + step, 1)
        yield key, f"{value[key]:g}"


class RelevantBench:
    """The four watched copies of one camera in one Home Assistant."""

    def __init__(self, hass: HomeAssistant, cameras: int) -> None:
        """Remember the size of the fleet Camera Doctor watches."""
        self.hass = hass
        self.cameras = cameras
        self.targets: dict[str, Camera] = {}
        self.entity_ids: dict[str, set[str]] = {}
        self.doctor: MockConfigEntry | None = None

    async def async_setup(self) -> None:
        """Build the fleet and every watcher."""
        hass = self.hass
        fleet = add_fleet(hass, self.cameras, "cam")
        self.targets["camera_doctor"] = fleet[0]
        for variant in ("bare", "threshold", "templates"):
            self.targets[variant] = add_fleet(hass, 1, variant)[0]
        excluded = [
            self.targets[v].entity_id for v in ("bare", "threshold", "templates")
        ]
        self.doctor = doctor_entry(**{CONF_EXCLUDE: excluded})
        await setup_entry(hass, self.doctor)
        thr = self.targets["threshold"]
        for key, limits in THRESHOLDS.items():
            await setup_entry(
                hass,
                MockConfigEntry(
                    domain="threshold",
                    title=f"threshold {key}",
                    options={
                        "entity_id": thr.sources[key],
                        "hysteresis": 0.0,
                        "name": f"threshold {key}",
                        **limits,
                    },
                ),
            )
        tpl = self.targets["templates"]
        ids = {"camera": tpl.entity_id, **tpl.sources}
        for cause, template in TEMPLATES.items():
            await setup_entry(
                hass,
                MockConfigEntry(
                    domain="template",
                    title=f"template {cause}",
                    options={
                        "template_type": "binary_sensor",
                        "name": f"template {cause}",
                        "state": template % ids,
                    },
                ),
            )
        ent_reg = er.async_get(hass)
        cd_device = self.targets["camera_doctor"].device_id
        self.entity_ids = {
            "bare": set(),
            "camera_doctor": {
                e.entity_id
                for e in er.async_entries_for_device(ent_reg, cd_device)
                if e.platform == DOMAIN
            },
            "threshold": {
                e.entity_id
                for e in ent_reg.entities.values()
                if e.platform == "threshold"
            },
            "templates": {
                e.entity_id
                for e in ent_reg.entities.values()
                if e.platform == "template"
            },
        }
        # The four entities, and the battery forecast (the camera has a level).
        assert len(self.entity_ids["camera_doctor"]) == 5, self.entity_ids
        assert len(self.entity_ids["threshold"]) == 3, self.entity_ids
        assert len(self.entity_ids["templates"]) == len(TEMPLATES), self.entity_ids
        await hass.async_block_till_done()

    async def async_block(
        self, variant: str, writes: Iterator[tuple[str, str]], count: int
    ) -> float:
        """Seconds per write for ``count`` writes to ``variant``'s camera."""
        hass = self.hass
        camera = self.targets[variant]
        block_till_done = hass.async_block_till_done
        start = time.perf_counter()
        for key, state in itertools.islice(writes, count):
            camera.set(key, state)
            await block_till_done()
        return (time.perf_counter() - start) / count

    async def async_measure(self, kind: str, rounds: int, block: int) -> dict[str, Any]:
        """Per-write times of every variant, and the added costs."""
        writes = {variant: stream(kind) for variant in VARIANTS}
        for variant in VARIANTS:  # warm up: caches, first timers, template compile
            await self.async_block(variant, writes[variant], block)
        settle()
        per_write: dict[str, list[float]] = {v: [] for v in VARIANTS}
        added: dict[str, list[float]] = {v: [] for v in WATCHERS}
        for round_ in range(rounds):
            order = VARIANTS[round_ % 4 :] + VARIANTS[: round_ % 4]
            times = {}
            for variant in order:
                times[variant] = await self.async_block(variant, writes[variant], block)
                per_write[variant].append(times[variant])
            for variant in WATCHERS:
                added[variant].append(times[variant] - times["bare"])
        result: dict[str, Any] = {
            "per_write_us": {v: median(t) * 1e6 for v, t in per_write.items()},
            "added_us": {v: median(t) * 1e6 for v, t in added.items()},
            "rounds": rounds,
            "writes_per_block": block,
        }
        cd = result["added_us"]["camera_doctor"]
        result["ratio_vs_threshold"] = cd / result["added_us"]["threshold"]
        result["ratio_vs_templates"] = cd / result["added_us"]["templates"]
        writes = await self.async_write_share(kind, rounds * block // 4)
        result["entity_writes_us"] = writes
        result["own_us"] = max(cd - writes, 0.0)
        result["entity_writes_vs_threshold"] = writes / result["added_us"]["threshold"]
        result["entity_writes_vs_templates"] = writes / result["added_us"]["templates"]
        result["own_vs_threshold"] = result["own_us"] / result["added_us"]["threshold"]
        return result

    async def async_count_writes(self, kind: str, count: int) -> dict[str, Any]:
        """How often each variant's entities are written, really or needlessly."""
        hass = self.hass
        counts: dict[str, Counter[str]] = {v: Counter() for v in WATCHERS}
        owner = {eid: v for v in WATCHERS for eid in self.entity_ids[v]}

        @callback
        def changed(event: Event[Any]) -> None:
            if (variant := owner.get(event.data["entity_id"])) is not None:
                counts[variant]["changed"] += 1

        @callback
        def reported(event: Event[Any]) -> None:
            if (variant := owner.get(event.data["entity_id"])) is not None:
                counts[variant]["unchanged"] += 1

        unsubs = [
            hass.bus.async_listen(EVENT_STATE_CHANGED, changed),
            hass.bus.async_listen(
                EVENT_STATE_REPORTED,
                reported,
                event_filter=callback(lambda data: data["entity_id"] in owner),
            ),
        ]
        watch = self._doctor_watch()
        for variant in WATCHERS:
            camera = self.targets[variant]
            for key, state in itertools.islice(stream(kind, seed=99), count):
                before = watch.diagnosis
                camera.set(key, state)
                await hass.async_block_till_done()
                if variant == "camera_doctor" and watch.diagnosis != before:
                    counts[variant]["diagnosis_changes"] += 1
        for unsub in unsubs:
            unsub()
        return {
            "source_writes": count,
            **{variant: dict(counter) for variant, counter in counts.items()},
        }

    async def async_write_share(self, kind: str, count: int) -> float:
        """Microseconds per source write Home Assistant spends writing our entities.

        ``CameraDoctorEntity`` inherits ``async_write_ha_state`` from Home
        Assistant's ``Entity``; for this pass a timing wrapper stands in front.
        """
        camera = self.targets["camera_doctor"]
        spent = 0.0
        write = Entity.async_write_ha_state

        def timed_write(entity: Entity) -> None:
            nonlocal spent
            start = time.perf_counter()
            try:
                write(entity)
            finally:
                spent += time.perf_counter() - start

        CameraDoctorEntity.async_write_ha_state = timed_write  # type: ignore[method-assign]
        try:
            for key, state in itertools.islice(stream(kind, seed=5), count):
                camera.set(key, state)
                await self.hass.async_block_till_done()
        finally:
            del CameraDoctorEntity.async_write_ha_state
        return spent / count * 1e6

    def _doctor_watch(self) -> Any:
        assert self.doctor is not None
        monitor = self.doctor.runtime_data.monitor
        watch = monitor.camera_set.watch_for_entity(
            self.targets["camera_doctor"].entity_id
        )
        assert watch is not None
        return watch
