"""The diagnosis engine: one camera's readings -> why its light flashes red.

``diagnose`` is pure (its only input besides the arguments is the clock when
``now`` is omitted) and never raises: every reading is coerced by
``readings`` first, so garbage is unknown, and unknown is never a fault.

Precedence (``PRECEDENCE``, root cause first). A cause earlier in the list
can explain the ones after it, never the other way round:

1. ``firmware_updating`` - an update in progress takes the camera offline
   and makes it flash on purpose; every other symptom may be a side effect.
2. ``sync_module_offline`` - a dead hub takes all of its cameras offline.
3. ``power_supply`` - a bad adapter starves the camera: it drops off Wi-Fi,
   its battery drains and its readings go wrong.
4. ``low_battery`` - a weak battery explains erratic behaviour, dropped
   connections and a poor radio before the signal does.
5. ``overheating`` and 6. ``too_cold`` - extreme temperatures shut cameras
   down and drain batteries; they are the camera's environment, not its link.
7. ``weak_signal`` - a poor link explains an outage.
8. ``no_connection`` - the symptom itself: offline with no better reason.
9. ``unexplained`` - offline for long while every reading looks fine.
10. ``firmware_outdated`` - worth fixing, never the reason for a red light.

When an earlier cause explains an outage, ``no_connection`` still appears in
``causes`` but the primary ``cause`` is the root cause.

Hysteresis (inside the band the previous state is kept, read from
``previous.causes``): ``low_battery`` is raised at or below ``battery_low``
and cleared only above ``battery_low + 5`` (percentage points);
``weak_signal`` at or below ``signal_weak`` dBm, cleared only above
``signal_weak + 5`` dBm, or from bars (used only when dBm is unknown) at or
below ``bars_threshold(signal_weak)``, cleared only above it plus one bar;
``overheating`` at or above ``temperature_high``, cleared only below
``temperature_high - 3`` °C; ``too_cold`` at or below ``temperature_low``,
cleared only above ``temperature_low + 3`` °C.

Connection: a camera reported unavailable (``available is False``) is
``no_connection`` once its outage (``offline_since``, carried over from
``previous``) has lasted ``grace_minutes``; until then ``next_check`` is the
end of the grace period. Readings frozen for ``stale_hours`` (0 or less:
off) also mean ``no_connection``. It becomes ``unexplained`` when it has
lasted ``max(12 * grace_minutes, 60)`` minutes past its confirmation while
no earlier cause explains it; ``next_check`` points at that moment meanwhile.
A clock that goes backwards counts as no time elapsed: an outage or cause
start later than ``now`` is moved to ``now``, never giving negative times,
and a confirmed outage keeps at least the length the previous diagnosis saw
(its ``offline_for_minutes``), so it is not cleared and raised again.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
import math
from types import MappingProxyType
from typing import Final, NamedTuple

from . import readings
from .model import Cause, Diagnosis, Observation, Thresholds

PRECEDENCE: Final[tuple[Cause, ...]] = (
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


class _Readings(NamedTuple):
    """The observation with every field coerced (None = unknown).

    A named tuple: built once per diagnosis, and the cheapest to build.
    """

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


def _read(observation: Observation) -> _Readings:
    """Coerce every field of ``observation``; anything missing is unknown."""
    flag = readings.flag
    return _Readings(
        available=flag(getattr(observation, "available", None)),
        battery_percent=readings.battery_percent(
            getattr(observation, "battery_percent", None)
        ),
        battery_low=flag(getattr(observation, "battery_low", None)),
        signal_dbm=readings.signal_dbm(getattr(observation, "signal_dbm", None)),
        signal_bars=readings.signal_bars(getattr(observation, "signal_bars", None)),
        temperature_c=readings.temperature_c(
            getattr(observation, "temperature_c", None)
        ),
        firmware_updating=flag(getattr(observation, "firmware_updating", None)),
        update_available=flag(getattr(observation, "update_available", None)),
        hub_online=flag(getattr(observation, "hub_online", None)),
        power_fault=flag(getattr(observation, "power_fault", None)),
        is_dark=flag(getattr(observation, "is_dark", None)),
        frozen_since=readings.moment(
            getattr(observation, "readings_frozen_since", None)
        ),
    )


def _tidy(number: float) -> int | float:
    """Return whole numbers as int for friendlier evidence and placeholders."""
    return int(number) if number.is_integer() and abs(number) < 1e15 else number


def _low(value: float | None, limit: float, band: float, was: bool) -> bool:
    """Return whether ``value`` is at or below ``limit`` (``limit + band`` once on)."""
    if value is None:
        return False
    return value <= (limit + band if was else limit)


def _high(value: float | None, limit: float, band: float, was: bool) -> bool:
    """Return whether ``value`` is at or above ``limit`` (``limit - band`` once on)."""
    if value is None:
        return False
    return value >= (limit - band if was else limit)


def outage_wait(grace_minutes: float) -> float:
    """Minutes an outage must last before it counts: the grace period plus slack."""
    grace = max(grace_minutes, 0.0)
    return grace + min(grace * GRACE_SLACK_SHARE, GRACE_SLACK_MAX_MINUTES)


def _minutes(start: datetime, end: datetime) -> float:
    """Return minutes from ``start`` to ``end``, never negative."""
    return max((end - start).total_seconds() / 60.0, 0.0)


def _after(start: datetime, minutes: float) -> datetime | None:
    """Return ``start`` plus ``minutes``, or None beyond the calendar's ends."""
    try:
        return start + timedelta(minutes=minutes)
    except (OverflowError, ValueError):
        return None


def _seen_offline(last: Diagnosis | None) -> float:
    """Minutes the previous diagnosis had seen a confirmed outage last (else 0)."""
    evidence = last.evidence if last is not None else None
    if not isinstance(evidence, Mapping):
        return 0.0
    return readings.to_float(evidence.get("offline_for_minutes"), 0.0) or 0.0


class _Work:
    """Collects the active causes, evidence and pending deadlines of one run."""

    def __init__(
        self, facts: _Readings, limits: Thresholds, was: frozenset[Cause], now: datetime
    ) -> None:
        """Start an empty diagnosis of ``facts``."""
        self.facts = facts
        self.limits = limits
        self.was = was
        self.now = now
        self.active: set[Cause] = set()
        self.evidence: Evidence = {}
        self.pending: list[datetime] = []
        self.confirmed: list[datetime] = []
        # Frozen readings are the last values a dead camera sent: they can
        # neither explain its outage nor clear it of every other cause.
        self.readings_frozen = False

    def flags(self) -> None:
        """Raise the causes reported directly by a flag."""
        facts = self.facts
        if facts.firmware_updating is True:
            self.active.add(Cause.FIRMWARE_UPDATING)
            self.evidence["firmware_updating"] = True
        elif facts.update_available is True:
            self.active.add(Cause.FIRMWARE_OUTDATED)
            self.evidence["update_available"] = True
        if facts.hub_online is False:
            self.active.add(Cause.SYNC_MODULE_OFFLINE)
            self.evidence["hub_online"] = False
        if facts.power_fault is True:
            self.active.add(Cause.POWER_SUPPLY)
            self.evidence["power_fault"] = True

    def battery(self) -> None:
        """Raise ``low_battery`` from the flag or the percentage."""
        facts, limits = self.facts, self.limits
        was = Cause.LOW_BATTERY in self.was
        by_level = _low(facts.battery_percent, limits.battery_low, BATTERY_BAND, was)
        if not (by_level or facts.battery_low is True):
            return
        self.active.add(Cause.LOW_BATTERY)
        if facts.battery_low is True:
            self.evidence["battery_low"] = True
        if facts.battery_percent is not None:
            self.evidence["battery_percent"] = _tidy(facts.battery_percent)
            self.evidence["battery_low_threshold"] = _tidy(limits.battery_low)
            self.evidence["battery_critical_threshold"] = _tidy(limits.battery_critical)
            self.evidence["battery_critical"] = (
                facts.battery_percent <= limits.battery_critical
            )

    def temperature(self) -> None:
        """Raise ``overheating`` or ``too_cold``."""
        celsius, limits = self.facts.temperature_c, self.limits
        hot_was, cold_was = Cause.OVERHEATING in self.was, Cause.TOO_COLD in self.was
        if _high(celsius, limits.temperature_high, TEMPERATURE_BAND, hot_was):
            self.active.add(Cause.OVERHEATING)
            self.evidence["temperature_high_threshold"] = _tidy(limits.temperature_high)
        if _low(celsius, limits.temperature_low, TEMPERATURE_BAND, cold_was):
            self.active.add(Cause.TOO_COLD)
            self.evidence["temperature_low_threshold"] = _tidy(limits.temperature_low)
        if celsius is not None and self.active & {Cause.OVERHEATING, Cause.TOO_COLD}:
            self.evidence["temperature_c"] = _tidy(celsius)

    def signal(self) -> None:
        """Raise ``weak_signal`` from dBm, or from bars when dBm is unknown."""
        facts, weak = self.facts, self.limits.signal_weak
        was = Cause.WEAK_SIGNAL in self.was
        if facts.signal_dbm is not None:
            if _low(facts.signal_dbm, weak, SIGNAL_BAND_DBM, was):
                self.active.add(Cause.WEAK_SIGNAL)
                self.evidence["signal_dbm"] = _tidy(facts.signal_dbm)
                self.evidence["signal_weak_threshold"] = _tidy(weak)
            return
        bars, limit = facts.signal_bars, bars_threshold(weak)
        if bars is not None and _low(bars, limit, SIGNAL_BAND_BARS, was):
            self.active.add(Cause.WEAK_SIGNAL)
            self.evidence["signal_bars"] = _tidy(bars)
            self.evidence["signal_bars_weak_threshold"] = limit

    def outage(self, carried: datetime | None, seen: float) -> datetime | None:
        """Track an ``available is False`` outage; return its start.

        ``seen`` is how long the previous diagnosis had already seen it
        offline: a clock set back never makes an outage shorter than that.
        """
        if self.facts.available is not False:
            return None
        start = self.now if carried is None else min(carried, self.now)
        if carried is not None:
            start = min(start, _after(self.now, -seen) or start)
        grace = self.limits.grace_minutes
        wait = outage_wait(grace)
        elapsed = _minutes(start, self.now)
        if elapsed >= wait:
            self.active.add(Cause.NO_CONNECTION)
            self.confirmed.append(_after(start, wait) or self.now)
            self.evidence["available"] = False
            self.evidence["offline_for_minutes"] = round(elapsed, 1)
            self.evidence["grace_minutes"] = _tidy(grace)
        elif (due := _after(start, wait)) is not None:
            self.pending.append(due)
        return start

    def frozen(self) -> None:
        """Raise ``no_connection`` when readings froze ``stale_hours`` ago."""
        frozen, stale = self.facts.frozen_since, self.limits.stale_hours
        if frozen is None or stale <= 0:
            return
        due = _after(frozen, stale * 60.0)
        if _minutes(frozen, self.now) >= stale * 60.0:
            self.active.add(Cause.NO_CONNECTION)
            self.confirmed.append(due or self.now)
            self.readings_frozen = True
            self.evidence["readings_frozen_since"] = frozen.isoformat()
            self.evidence["stale_hours"] = _tidy(stale)
        elif due is not None:
            self.pending.append(due)

    def escalate(self) -> None:
        """Turn a long ``no_connection`` that nothing explains into ``unexplained``.

        Not when the outage was found from frozen readings: those readings
        are stale, so "every reading looks fine" cannot be known.
        """
        if (
            Cause.NO_CONNECTION not in self.active
            or self.active & _EXPLANATIONS
            or self.readings_frozen
        ):
            return
        after = max(
            ESCALATION_GRACE_PERIODS * self.limits.grace_minutes,
            ESCALATION_MIN_MINUTES,
        )
        start = min(self.confirmed)
        lasted = _minutes(start, self.now)
        if lasted >= after:
            self.active.discard(Cause.NO_CONNECTION)
            self.active.add(Cause.UNEXPLAINED)
            self.evidence["no_connection_for_minutes"] = round(lasted, 1)
            self.evidence["unexplained_after_minutes"] = _tidy(after)
            return
        if (due := _after(start, after)) is not None:
            self.pending.append(due)


def diagnose(
    observation: Observation,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    previous: Diagnosis | None = None,
    now: datetime | None = None,
) -> Diagnosis:
    """Return why the camera described by ``observation`` flashes red.

    ``previous`` is this camera's last diagnosis (for grace periods,
    hysteresis and ``since``); ``now`` defaults to the current UTC time and
    naive datetimes are taken as UTC.
    """
    moment = readings.moment(now) or datetime.now(UTC)
    last = previous if isinstance(previous, Diagnosis) else None
    was = frozenset(last.causes) if last is not None else frozenset()
    work = _Work(
        _read(observation), readings.sanitize_thresholds(thresholds), was, moment
    )
    work.flags()
    work.battery()
    work.temperature()
    work.signal()
    carried = readings.moment(last.offline_since) if last is not None else None
    offline_since = work.outage(carried, _seen_offline(last))
    work.frozen()
    work.escalate()

    causes = tuple(cause for cause in PRECEDENCE if cause in work.active)
    # What was active last time ("none" when healthy), to carry ``since``.
    before = (was or {Cause.NONE}) if last is not None else frozenset()

    def started(cause: Cause) -> datetime:
        if last is None or cause not in before:
            return moment
        began = readings.moment(last.since.get(cause))
        return moment if began is None else min(began, moment)

    since = {cause: started(cause) for cause in causes or (Cause.NONE,)}
    dark = not causes and work.facts.is_dark is True
    return Diagnosis(
        cause=causes[0] if causes else Cause.NONE,
        causes=causes,
        evidence=MappingProxyType(work.evidence),
        notes=(NOTE_NIGHT_IR,) if dark else (),
        since=MappingProxyType(since),
        offline_since=offline_since,
        next_check=min(work.pending, default=None),
    )
