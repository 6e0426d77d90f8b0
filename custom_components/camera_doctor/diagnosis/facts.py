"""An observation with every field coerced: what the engine reasons on.

Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial

from . import readings
from .model import IntegrationReason, Observation


@dataclass(frozen=True, slots=True)
class Facts:
    """The observation with every field coerced (None = unknown)."""

    available: bool | None
    battery_percent: float | None
    battery_low: bool | None
    signal_dbm: float | None
    signal_bars: float | None
    temperature_c: float | None
    firmware_updating: bool | None
    update_available: bool | None
    hub_online: bool | None
    power_fault: bool | None
    is_dark: bool | None
    frozen_since: datetime | None
    hub_unavailable_since: datetime | None
    integration_offline: IntegrationReason | None
    integration_offline_since: datetime | None
    on_power: bool | None
    too_cold: bool | None


def read_facts(observation: Observation) -> Facts:
    """Coerce every field of ``observation``; anything missing is unknown.

    A camera that is asleep is neither offline nor frozen: its
    unavailability and its still readings are unknown, not faults.
    """

    get = partial(getattr, observation)  # get(name, None): missing is unknown
    flag, moment = readings.flag, readings.moment
    asleep = flag(get("asleep", None)) is True
    available = flag(get("available", None))
    frozen_since = None if asleep else moment(get("readings_frozen_since", None))
    return Facts(
        available=None if asleep and available is False else available,
        battery_percent=readings.battery_percent(get("battery_percent", None)),
        battery_low=flag(get("battery_low", None)),
        signal_dbm=readings.signal_dbm(get("signal_dbm", None)),
        signal_bars=readings.signal_bars(get("signal_bars", None)),
        temperature_c=readings.plausible("temperature_c", get("temperature_c", None)),
        firmware_updating=flag(get("firmware_updating", None)),
        update_available=flag(get("update_available", None)),
        hub_online=flag(get("hub_online", None)),
        power_fault=flag(get("power_fault", None)),
        is_dark=flag(get("is_dark", None)),
        frozen_since=frozen_since,
        hub_unavailable_since=moment(get("hub_unavailable_since", None)),
        integration_offline=readings.integration_reason(
            get("integration_offline", None)
        ),
        integration_offline_since=moment(get("integration_offline_since", None)),
        on_power=flag(get("on_power", None)),
        too_cold=flag(get("too_cold", None)),
    )
