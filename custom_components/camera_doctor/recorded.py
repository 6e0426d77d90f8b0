"""What Home Assistant's recorder still keeps of each battery: a forecast from day one.

At set-up, and for a camera found later, the levels the recorder holds for
the battery entity of each watched camera whose battery reports a
percentage are read in one query, in the recorder's own executor, bounded
to what the forecast needs: those entities only, their state changes
without attributes, over the days the recorder keeps (at most
``MAX_DAYS``). The monitor merges them into Camera Doctor's own history
(``diagnosis.forecast.merged``), which keeps only the discharge since the
last battery change or charge seen among them. No recorder, an entity the
recorder excludes, nothing recorded: no levels, the own history alone.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from typing import Final

from homeassistant.components.recorder import history
from homeassistant.const import COMPRESSED_STATE_LAST_UPDATED, COMPRESSED_STATE_STATE
from homeassistant.core import HomeAssistant
from homeassistant.helpers.recorder import get_instance

RECORDER_DOMAIN: Final = "recorder"
MAX_DAYS: Final = 30

type Levels = list[tuple[float, str]]  # (epoch seconds, state), oldest first


async def async_recorded_levels(
    hass: HomeAssistant, entity_ids: Collection[str], now: datetime
) -> dict[str, Levels]:
    """The recorded states of ``entity_ids``, by entity id (none: left out)."""
    if not entity_ids or RECORDER_DOMAIN not in hass.config.components:
        return {}
    instance = get_instance(hass)
    start = now - timedelta(days=min(instance.keep_days, MAX_DAYS))
    return await instance.async_add_executor_job(_read, hass, start, sorted(entity_ids))


def _read(
    hass: HomeAssistant, start: datetime, entity_ids: list[str]
) -> dict[str, Levels]:
    """Query the database (in the recorder's executor)."""
    found = history.get_significant_states(
        hass,
        start,
        None,
        entity_ids,
        include_start_time_state=False,
        significant_changes_only=False,
        minimal_response=True,
        no_attributes=True,
        compressed_state_format=True,
    )
    return {
        entity_id: [
            (row[COMPRESSED_STATE_LAST_UPDATED], row[COMPRESSED_STATE_STATE])
            for row in rows
            if isinstance(row, dict)
        ]
        for entity_id, rows in found.items()
        if rows
    }
