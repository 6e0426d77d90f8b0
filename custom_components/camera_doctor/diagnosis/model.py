"""Value types of the diagnosis engine: causes, the observation, results.

Standard library only: this module is shared by the Home Assistant layer and
by the pure engine, and is tested without Home Assistant.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import datetime


class Cause(StrEnum):
    """Why a camera's status light flashes red (the public cause keys)."""

    INTEGRATION_OFFLINE = "integration_offline"
    LOW_BATTERY = "low_battery"
    NO_CONNECTION = "no_connection"
    SYNC_MODULE_OFFLINE = "sync_module_offline"
    WEAK_SIGNAL = "weak_signal"
    FIRMWARE_UPDATING = "firmware_updating"
    FIRMWARE_OUTDATED = "firmware_outdated"
    OVERHEATING = "overheating"
    TOO_COLD = "too_cold"
    POWER_SUPPLY = "power_supply"
    UNEXPLAINED = "unexplained"
    NONE = "none"


# The causes that make the light flash red: all but ``none`` and the advice
# ``firmware_outdated`` (an available update does not flash red).
RED_FLASH_CAUSES: Final = frozenset(Cause) - {Cause.NONE, Cause.FIRMWARE_OUTDATED}

# Stable key of the recommended fix for each cause, for a camera of unknown
# kind. The Home Assistant layer refines it by what the camera is (``fixes``:
# a rechargeable pack is charged, a camera on a cable has no Wi-Fi to check),
# and publishes that. Kept next to ``Cause`` so ``Diagnosis.fix`` needs no
# import from another module.
FIX_KEYS: Final[Mapping[Cause, str]] = MappingProxyType(
    {
        Cause.INTEGRATION_OFFLINE: "check_integration",
        Cause.LOW_BATTERY: "replace_batteries",
        Cause.NO_CONNECTION: "check_wifi",
        Cause.SYNC_MODULE_OFFLINE: "check_sync_module",
        Cause.WEAK_SIGNAL: "improve_signal",
        Cause.FIRMWARE_UPDATING: "wait_for_update",
        Cause.FIRMWARE_OUTDATED: "install_update",
        Cause.OVERHEATING: "move_to_shade",
        Cause.TOO_COLD: "shelter_from_cold",
        Cause.POWER_SUPPLY: "check_power_adapter",
        Cause.UNEXPLAINED: "reset_camera",
        Cause.NONE: "none",
    }
)


class IntegrationReason(StrEnum):
    """Why a camera's own integration cannot show it (``integration_offline``)."""

    NOT_LOADED = "not_loaded"
    REAUTH = "reauth"
    ALL_UNAVAILABLE = "all_unavailable"


@dataclass(frozen=True, slots=True, kw_only=True)
class Observation:
    """What is known about one camera right now; ``None`` means unknown.

    The engine coerces every field itself (see ``readings``), so a profile may
    pass raw values: a non-bool flag, NaN, a non-numeric string or an
    implausible number all count as unknown.
    """

    available: bool | None = None
    battery_percent: float | None = None
    battery_low: bool | None = None
    signal_dbm: float | None = None
    signal_bars: int | None = None
    temperature_c: float | None = None
    firmware_updating: bool | None = None
    update_available: bool | None = None
    hub_online: bool | None = None
    power_fault: bool | None = None
    is_dark: bool | None = None
    # When the camera's changing readings were last seen to change, if the
    # source is known to freeze readings of a dead camera (Blink cloud).
    readings_frozen_since: datetime | None = None
    # When the camera's hub (Blink sync module) became unavailable, while it
    # is (``hub_online`` is then unknown): it counts as offline after the
    # same wait as a camera outage, so one failed cloud poll blames nothing.
    hub_unavailable_since: datetime | None = None
    # Why the camera's own integration (Blink, Ring, ...) cannot show it, if
    # it cannot: ``not_loaded`` (its config entry is not set up), ``reauth``
    # (it waits for the user to sign in again) or ``all_unavailable`` (every
    # watched camera of its entry, two or more, is unavailable). Any other
    # value, or none, means the integration is up or its state is unknown.
    integration_offline: str | None = None
    # When that began, if the source knows (else the engine starts its clock
    # at the first diagnosis that sees it).
    integration_offline_since: datetime | None = None
    # The camera runs on external power or charges now (a wired doorbell, a
    # charging or fully charged pack, a solar panel at work): its battery
    # cannot be low, whatever level it reports.
    on_power: bool | None = None
    # A battery camera sleeping to save power (Reolink's ``sleep`` sensor):
    # it is not offline, and its readings hold still on purpose.
    asleep: bool | None = None
    # The camera says it stopped because it is too cold (Arlo's "Offline,
    # Too Cold", pyaarlo ``thermalShutdownCold``), with or without a reading.
    too_cold: bool | None = None


_EMPTY: Final[Mapping[Any, Any]] = MappingProxyType({})


def _empty[K, V]() -> Mapping[K, V]:
    """Return an empty read-only mapping (a dataclass default)."""
    return _EMPTY


def read_only[K, V](mapping: dict[K, V]) -> Mapping[K, V]:
    """A read-only view of ``mapping``; every empty one is the same object."""
    return MappingProxyType(mapping) if mapping else _EMPTY


@dataclass(frozen=True, slots=True, kw_only=True)
class Diagnosis:
    """The result of one diagnosis: the confirmed causes, and those still waiting.

    ``cause`` is the root cause (``causes[0]``, or ``Cause.NONE``); ``causes``
    lists every confirmed cause, most important first: a problem is
    confirmed once it has lasted the grace period, and stays confirmed while
    it lasts. ``pending`` maps each problem that is present but still waiting
    out its grace period to when it began. ``since`` maps each confirmed
    cause (and ``none`` when nothing is confirmed) to when it was confirmed.
    ``offline_since`` is the start of the current outage (the camera
    reported unavailable), kept while it lasts, both inside the grace period
    and after it; ``None`` when the camera is not reported unavailable.
    ``next_check`` is the moment at which the same observation would give a
    different diagnosis or other notices, if any: the HA layer's one timer.
    """

    cause: Cause = Cause.NONE
    causes: tuple[Cause, ...] = ()
    evidence: Mapping[str, Any] = field(default_factory=_empty)
    notes: tuple[str, ...] = ()
    since: Mapping[Cause, datetime] = field(default_factory=_empty)
    pending: Mapping[Cause, datetime] = field(default_factory=_empty)
    offline_since: datetime | None = None
    next_check: datetime | None = None

    @property
    def fix(self) -> str:
        """Key of the fix for the primary cause, for a camera of unknown kind."""
        return FIX_KEYS.get(self.cause, FIX_KEYS[Cause.NONE])

    @property
    def started(self) -> datetime | None:
        """When the primary cause (or the healthy state) began."""
        return self.since.get(self.cause)
