"""The conditions one diagnosis finds, and the limits it finds them by.

Standard library only. ``engine`` decides which conditions are confirmed;
its docstring explains precedence, hysteresis and every wait.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
import math
from typing import Final

from . import readings
from .facts import Facts
from .model import Cause, Diagnosis
from .readings import Thresholds

PRECEDENCE: Final[tuple[Cause, ...]] = (
    Cause.INTEGRATION_OFFLINE,
    Cause.FIRMWARE_UPDATING,
    Cause.SYNC_MODULE_OFFLINE,
    Cause.POWER_SUPPLY,
    Cause.LOW_BATTERY,
    Cause.OVERHEATING,
    Cause.TOO_COLD,
    Cause.WEAK_SIGNAL,
    Cause.NO_CONNECTION,
    Cause.UNEXPLAINED,
    Cause.FIRMWARE_OUTDATED,
)

BATTERY_BAND: Final = 5.0  # percentage points above battery_low
SIGNAL_BAND_DBM: Final = 5.0  # dBm above signal_weak
SIGNAL_BAND_BARS: Final = 1.0  # bars above the bars threshold
TEMPERATURE_BAND: Final = 3.0  # °C inside temperature_high / temperature_low
# An outage must outlast the grace period by a little (a fifth of it, at most a
# minute), so a source that polls exactly every grace period (Blink: 5 minutes)
# gets its next poll in before its cameras are called offline.
GRACE_SLACK_SHARE: Final = 0.2
GRACE_SLACK_MAX_MINUTES: Final = 1.0
ESCALATION_GRACE_PERIODS: Final = 12
ESCALATION_MIN_MINUTES: Final = 60.0
NOTE_NIGHT_IR: Final = "night_ir"
DEFAULT_THRESHOLDS: Final = Thresholds()

# Causes that explain an outage, so it is never "unexplained".
_EXPLANATIONS: Final = frozenset(PRECEDENCE[: PRECEDENCE.index(Cause.NO_CONNECTION)])

type Evidence = dict[str, str | int | float | bool | None]


def bars_threshold(signal_weak: float) -> int:
    """Return the bars at or below which the signal is weak.

    Bars are taken as ``(dBm + 100) / 10`` (-100 dBm = 0 bars, -50 dBm =
    5 bars), rounded down: -75 dBm gives 2 bars.
    """
    return math.floor((signal_weak + 100.0) / 10.0)


def _tidy(number: float) -> int | float:
    """Return whole numbers as int for friendlier evidence and placeholders."""
    return int(number) if number.is_integer() and abs(number) < 1e15 else number


def _low(value: float | None, limit: float, band: float, was: bool) -> bool:
    """Return whether ``value`` is at or below ``limit`` (``limit + band`` once on)."""
    if value is None:
        return False
    return value <= (limit + band if was else limit)


def _high(value: float, limit: float, band: float, was: bool) -> bool:
    """Return whether ``value`` is at or above ``limit`` (``limit - band`` once on)."""
    return value >= (limit - band if was else limit)


def outage_wait(grace_minutes: float) -> float:
    """Minutes an outage must last before it counts: the grace period plus slack."""
    grace = max(grace_minutes, 0.0)
    return grace + min(grace * GRACE_SLACK_SHARE, GRACE_SLACK_MAX_MINUTES)


def _minutes(start: datetime, end: datetime) -> float:
    """Return minutes from ``start`` to ``end``, never negative."""
    return max((end - start).total_seconds() / 60.0, 0.0)


def after(start: datetime, minutes: float) -> datetime | None:
    """Return ``start`` plus ``minutes``, or None beyond the calendar's ends."""
    try:
        return start + timedelta(minutes=minutes)
    except (OverflowError, ValueError):
        return None


def seen_offline(last: Diagnosis | None) -> float:
    """Minutes the previous diagnosis had seen a confirmed outage last (else 0)."""
    evidence = last.evidence if last is not None else None
    if not isinstance(evidence, Mapping):
        return 0.0
    return readings.to_float(evidence.get("offline_for_minutes"), 0.0) or 0.0


class Conditions:
    """Collects the conditions present in one run and the evidence of each.

    A condition is a cause found in the readings now; whether it is
    confirmed (published) is decided afterwards, from when it began.
    ``began`` holds the start of a condition that knows it (an outage: when
    the camera went offline), ``wait`` the minutes it must last when that is
    not the grace period.
    """

    def __init__(
        self, facts: Facts, limits: Thresholds, was: frozenset[Cause], now: datetime
    ) -> None:
        """Start an empty diagnosis of ``facts``."""
        self.facts = facts
        self.limits = limits
        self.was = was
        self.now = now
        self.evidence: dict[Cause, Evidence] = {}
        self.began: dict[Cause, datetime] = {}
        self.wait: dict[Cause, float] = {}
        self.pending: list[datetime] = []
        # Frozen readings are the last values a dead camera sent: they can
        # neither explain its outage nor clear it of every other cause.
        self.readings_frozen = False

    @property
    def integration_down(self) -> bool:
        """Whether the camera's own integration cannot show it now."""
        return self.facts.integration_offline is not None

    @property
    def active(self) -> set[Cause]:
        """Every condition found so far."""
        return set(self.evidence)

    def add(self, cause: Cause, **evidence: str | float | bool | None) -> None:
        """Record ``cause`` as present, with the readings that show it."""
        self.evidence.setdefault(cause, {}).update(evidence)

    def flags(self) -> None:
        """Raise the causes reported directly by a flag."""
        facts = self.facts
        if facts.firmware_updating is True:
            self.add(Cause.FIRMWARE_UPDATING, firmware_updating=True)
        elif facts.update_available is True:
            self.add(Cause.FIRMWARE_OUTDATED, update_available=True)
        if facts.hub_online is False:
            self.add(Cause.SYNC_MODULE_OFFLINE, hub_online=False)
        elif facts.hub_unavailable_since is not None and not self.integration_down:
            # A hub unavailable with its integration says nothing of the hub.
            self.add(Cause.SYNC_MODULE_OFFLINE, hub_online=False)
            self.began[Cause.SYNC_MODULE_OFFLINE] = min(
                facts.hub_unavailable_since, self.now
            )
            self.wait[Cause.SYNC_MODULE_OFFLINE] = outage_wait(
                self.limits.grace_minutes
            )
        if facts.power_fault is True:
            self.add(Cause.POWER_SUPPLY, power_fault=True)

    def integration(self, carried: datetime | None) -> None:
        """Raise ``integration_offline``: the camera's integration is down.

        It waits an outage's time from when it began: when the source says,
        else when a diagnosis first saw it (``carried``), else now.
        """
        reason = self.facts.integration_offline
        if reason is None:
            return
        self.add(Cause.INTEGRATION_OFFLINE, integration_offline=reason.value)
        known = (self.facts.integration_offline_since, carried, self.now)
        self.began[Cause.INTEGRATION_OFFLINE] = min(m for m in known if m is not None)
        self.wait[Cause.INTEGRATION_OFFLINE] = outage_wait(self.limits.grace_minutes)

    def battery(self) -> None:
        """Raise ``low_battery`` from the flag or the percentage.

        Never while the camera runs on power or charges: a wired doorbell's
        0 % (core #51692) or a charging pack's level is not a low battery.
        """
        facts, limits = self.facts, self.limits
        if facts.on_power is True:
            return
        was = Cause.LOW_BATTERY in self.was
        by_level = _low(facts.battery_percent, limits.battery_low, BATTERY_BAND, was)
        if not (by_level or facts.battery_low is True):
            return
        self.add(Cause.LOW_BATTERY)
        evidence = self.evidence[Cause.LOW_BATTERY]
        if facts.battery_low is True:
            evidence["battery_low"] = True
        if facts.battery_percent is not None:
            evidence["battery_percent"] = _tidy(facts.battery_percent)
            evidence["battery_low_threshold"] = _tidy(limits.battery_low)
            evidence["battery_critical_threshold"] = _tidy(limits.battery_critical)
            evidence["battery_critical"] = (
                facts.battery_percent <= limits.battery_critical
            )

    def temperature(self) -> None:
        """Raise ``overheating`` or ``too_cold`` (also when the camera says so)."""
        celsius, limits = self.facts.temperature_c, self.limits
        if self.facts.too_cold is True:
            self.add(
                Cause.TOO_COLD,
                too_cold=True,
                temperature_low_threshold=_tidy(limits.temperature_low),
            )
        if celsius is None:
            return
        hot_was, cold_was = Cause.OVERHEATING in self.was, Cause.TOO_COLD in self.was
        checks = (
            (
                Cause.OVERHEATING,
                "temperature_high_threshold",
                limits.temperature_high,
                _high(celsius, limits.temperature_high, TEMPERATURE_BAND, hot_was),
            ),
            (
                Cause.TOO_COLD,
                "temperature_low_threshold",
                limits.temperature_low,
                _low(celsius, limits.temperature_low, TEMPERATURE_BAND, cold_was),
            ),
        )
        for cause, key, limit, crossed in checks:
            if crossed:
                self.add(cause, **{key: _tidy(limit), "temperature_c": _tidy(celsius)})

    def signal(self) -> None:
        """Raise ``weak_signal`` from dBm, or from bars when dBm is unknown."""
        facts, weak = self.facts, self.limits.signal_weak
        was = Cause.WEAK_SIGNAL in self.was
        if facts.signal_dbm is not None:
            if _low(facts.signal_dbm, weak, SIGNAL_BAND_DBM, was):
                self.add(
                    Cause.WEAK_SIGNAL,
                    signal_dbm=_tidy(facts.signal_dbm),
                    signal_weak_threshold=_tidy(weak),
                )
            return
        bars, limit = facts.signal_bars, bars_threshold(weak)
        if bars is not None and _low(bars, limit, SIGNAL_BAND_BARS, was):
            self.add(
                Cause.WEAK_SIGNAL,
                signal_bars=_tidy(bars),
                signal_bars_weak_threshold=limit,
            )

    def outage(self, carried: datetime | None, seen: float) -> datetime | None:
        """Track an ``available is False`` outage; return its start.

        ``seen`` is how long the previous diagnosis had already seen it
        offline: a clock set back never makes an outage shorter than that.
        Not while the camera's integration is down: Camera Doctor cannot see
        the camera then, and its outage starts when the integration is back.
        """
        if self.facts.available is not False or self.integration_down:
            return None
        start = self.now if carried is None else min(carried, self.now)
        if carried is not None:
            start = min(start, after(self.now, -seen) or start)
        grace = self.limits.grace_minutes
        self.add(
            Cause.NO_CONNECTION,
            available=False,
            offline_for_minutes=round(_minutes(start, self.now), 1),
            grace_minutes=_tidy(grace),
        )
        self.began[Cause.NO_CONNECTION] = start
        self.wait[Cause.NO_CONNECTION] = outage_wait(grace)
        return start

    def frozen(self) -> None:
        """Raise ``no_connection`` when readings froze ``stale_hours`` ago.

        ``stale_hours`` is this condition's own wait: it is confirmed once
        reached, even while an outage of the camera still waits.
        """
        frozen, stale = self.facts.frozen_since, self.limits.stale_hours
        if frozen is None or stale <= 0 or self.integration_down:
            return
        reached = after(frozen, stale * 60.0)
        if _minutes(frozen, self.now) < stale * 60.0:
            if reached is not None:
                self.pending.append(reached)
            return
        self.readings_frozen = True
        self.add(
            Cause.NO_CONNECTION,
            readings_frozen_since=frozen.isoformat(),
            stale_hours=_tidy(stale),
        )
        reached = min(reached or self.now, self.now)
        start = self.began.setdefault(Cause.NO_CONNECTION, reached)
        self.wait[Cause.NO_CONNECTION] = min(
            self.wait.get(Cause.NO_CONNECTION, 0.0), _minutes(start, reached)
        )

    def waits(self, cause: Cause) -> float:
        """Minutes a condition must last before it is confirmed."""
        return self.wait.get(cause, max(self.limits.grace_minutes, 0.0))

    def escalate(self, confirmed: dict[Cause, datetime]) -> None:
        """Turn a long ``no_connection`` that nothing explains into ``unexplained``.

        ``confirmed`` maps each confirmed cause to when it was confirmed. Not
        when the outage was found from frozen readings: those readings are
        stale, so "every reading looks fine" cannot be known.
        """
        if (
            Cause.NO_CONNECTION not in confirmed
            or confirmed.keys() & _EXPLANATIONS
            or self.readings_frozen
        ):
            return
        limit = max(
            ESCALATION_GRACE_PERIODS * self.limits.grace_minutes,
            ESCALATION_MIN_MINUTES,
        )
        start = confirmed[Cause.NO_CONNECTION]
        lasted = _minutes(start, self.now)
        if lasted >= limit:
            del confirmed[Cause.NO_CONNECTION]
            self.add(
                Cause.UNEXPLAINED,
                no_connection_for_minutes=round(lasted, 1),
                unexplained_after_minutes=_tidy(limit),
            )
            self.evidence[Cause.UNEXPLAINED].update(
                self.evidence.pop(Cause.NO_CONNECTION)
            )
            confirmed[Cause.UNEXPLAINED] = after(start, limit) or self.now
            return
        if (due := after(start, limit)) is not None:
            self.pending.append(due)
