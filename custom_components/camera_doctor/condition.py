"""Condition of the target-first automation editor: a camera has a cause.

``camera_doctor.has_cause`` passes when at least one targeted camera (by
entity, device, area, floor or label) has a confirmed cause: one of those
chosen, or any. It reads the published diagnosis the monitor holds, never
raw readings. Absent on releases without integration condition platforms,
like the triggers (see ``trigger.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, override

from homeassistant.core import HomeAssistant
from homeassistant.helpers.condition import Condition, ConditionConfig  # type: ignore[attr-defined]
from homeassistant.helpers.target import (  # type: ignore[import-not-found]
    TargetSelection,
    async_extract_referenced_entity_ids,
)

from .monitor import async_loaded_monitor
from .trigger import CameraTargetConfig, cameras_only, chosen_causes

CONDITION_HAS_CAUSE: Final = "has_cause"


class HasCauseCondition(CameraTargetConfig, Condition):  # type: ignore[misc]
    """At least one targeted camera has a confirmed (chosen) cause."""

    def __init__(self, hass: HomeAssistant, config: ConditionConfig) -> None:
        """Keep the target and the causes that pass."""
        super().__init__(hass, config)
        if TYPE_CHECKING:
            assert config.target is not None
        self._target = TargetSelection(config.target)
        self._causes = chosen_causes(config.options)

    @override
    def _async_check(self, **kwargs: Any) -> bool:
        if (monitor := async_loaded_monitor(self._hass)) is None:
            return False
        selected = async_extract_referenced_entity_ids(
            self._hass, self._target, expand_group=False
        )
        cameras = cameras_only(selected.referenced | selected.indirectly_referenced)
        return any(
            (watch := monitor.camera_set.watch_for_entity(entity_id)) is not None
            and not self._causes.isdisjoint(watch.causes)
            for entity_id in cameras
        )


CONDITIONS: Final[dict[str, type[HasCauseCondition]]] = {
    CONDITION_HAS_CAUSE: HasCauseCondition,
}


async def async_get_conditions(hass: HomeAssistant) -> dict[str, type[Condition]]:
    """The conditions Camera Doctor offers the automation editor."""
    return dict(CONDITIONS)
