"""LOCAL EXPERIMENTS - not the shipped integration.

``scripts/bench --patched`` monkeypatches these proposed fixes into the
loaded integration before measuring, to give before/after figures for fixes
that belong in ``custom_components/`` (where they have to be made for real).
Results of a patched run are labelled ``"patched": true`` and never written
to ``docs/``.
"""

from __future__ import annotations

from typing import Any

from homeassistant.core import State, callback
from homeassistant.helpers import entity_registry as er

from custom_components.camera_doctor import discovery
from custom_components.camera_doctor.diagnosis import engine, readings
from custom_components.camera_doctor.entity import CameraDoctorEntity
from custom_components.camera_doctor.profiles import SourceState

APPLIED: list[str] = []


def _memo_thresholds() -> None:
    """Fix 1: sanitise the thresholds once per options, not on every diagnose."""
    sanitize = readings.sanitize_thresholds
    last: list[Any] = [None, None]

    def cached(thresholds: object) -> Any:
        if thresholds is not last[0]:
            last[:] = [thresholds, sanitize(thresholds)]
        return last[1]

    engine.readings = type(readings)("readings_patched")  # type: ignore[attr-defined]
    engine.readings.__dict__.update(readings.__dict__)
    engine.readings.sanitize_thresholds = cached


def _memo_source_state() -> None:
    """Fix 2: reuse a source's SourceState while its State object is the same."""
    build = discovery.source_state
    cache: dict[str, tuple[State | None, er.RegistryEntry | None, SourceState]] = {}

    def cached(
        entity_id: str, state: State | None, entry: er.RegistryEntry | None
    ) -> SourceState:
        hit = cache.get(entity_id)
        if hit is not None and hit[0] is state and hit[1] is entry:
            return hit[2]
        result = build(entity_id, state, entry)
        cache[entity_id] = (state, entry, result)
        return result

    discovery.source_state = cached  # type: ignore[assignment]


def _write_only_changes() -> None:
    """Fix 3: an entity writes its state only when state or attributes changed."""

    @callback
    def _async_changed(self: Any, watch: Any, previous: Any) -> None:
        self._async_update_attrs()
        written = (self.state, self.extra_state_attributes)
        if written == getattr(self, "_last_written", None):
            return
        self._last_written = written
        self.async_write_ha_state()

    CameraDoctorEntity._async_changed = _async_changed  # type: ignore[method-assign]  # noqa: SLF001


def apply() -> list[str]:
    """Apply every patch; return their names."""
    for patch in (_memo_thresholds, _memo_source_state, _write_only_changes):
        patch()
        APPLIED.append(patch.__name__.strip("_"))
    return APPLIED
