"""When will a camera's battery reach the low level? A pure, robust estimate.

Standard library only, and ``forecast`` never raises: any history, level or
time it cannot use gives a forecast whose ``state`` says why there is none.

For the Home Assistant layer, the whole API (history in
``forecast_history``):

- ``record(history, percent, at, *, charging=False) -> BatteryHistory`` on
  every battery report of a camera whose battery reports a percentage
  (``at`` = when it was reported); ``replaced(history, at)`` for "I replaced
  the batteries"; ``as_dict`` / ``from_dict`` to keep the history in a
  ``Store`` across restarts. Start from ``EMPTY``. ``merged(history,
  readings)`` adds the readings Home Assistant's recorder kept, without
  counting any twice.
- ``forecast(history, low_level, now) -> Forecast`` for the sensor, with
  ``low_level`` the engine's ``battery_low`` threshold: ``at`` is its state
  (``None`` = unknown), ``state`` (a ``ForecastState`` key, words in
  ``strings.json``), ``rate_per_day``, ``days_of_data``, ``points`` and
  ``changed_at`` its attributes. ``at`` is set exactly when ``state`` is
  ``ok``.
- ``notice_due(forecast, now, days, *, raised) -> bool`` for the
  ``forecast_days`` notice: the low level is expected within ``days``
  (0 or less: off). Once raised it stays until the expected day is more
  than ``NOTICE_BAND_DAYS`` (1) beyond that, or there is no forecast, so a
  forecast that wobbles around the limit does not raise and clear it again
  and again.

Method. A straight line is fitted with the Theil-Sen estimator: the slope is
the median of the slopes between every pair of points, the level at the
newest point the median of the points less that slope. Noise, 1- or 5-point
steps and a cold night's dip that recovers are a minority of the pairs, so
they move the line little.

The fit looks at the recent part of the discharge: the shortest window
ending at the newest point, from ``MIN_DAYS`` (2) days and doubling each
time, with ``MIN_POINTS`` (6) points in it, whose fitted drop is at least
``WINDOW_DROP`` (15) points; failing that, the whole discharge. A short
window follows the fast end of a lithium cell soon after it begins, a long
one averages noise when the drain is slow; a window is never shorter than
``MIN_DAYS``, so a day's rhythm (night-time cold, daytime activity) is not
taken for a trend. ``at`` is where the line, from its level at the newest
point, reaches ``low_level``; never before the newest point.

The trade-off, measured on the synthetic corpus of the tests: a straight
line cannot see a knee coming. Before the fast end of a lithium cell the
forecast is late (by weeks, for a slow cell, while it is still far off), and
catches up within a window once the fall has begun; the rule on
``EXTRAPOLATION`` keeps it unknown while what is left is many times what
was seen.

States, first match wins (``rate_per_day``, the fitted drain in percentage
points per day, is given whenever a fit was made):

1. ``not_enough_data`` - no readings.
2. ``stale`` - the newest reading is more than ``STALE_DAYS`` (3) days older
   than ``now``: readings stopped, the line may no longer hold.
3. ``charging`` - the history says the battery charges (see
   ``forecast_history``).
4. ``already_low`` - the newest reading is at or below ``low_level``.
5. ``not_enough_data`` - under ``MIN_DAYS`` days or ``MIN_POINTS`` points.
6. ``charging`` - the line rises: over the discharge it gains at least
   ``MIN_DROP`` (5) points and ``SIGNIFICANCE`` (3) times the noise.
7. ``not_draining`` - it loses less than that.
8. ``not_enough_data`` - what is left to the low level is more than
   ``EXTRAPOLATION`` (4) times what the line lost over the discharge: too far
   to extrapolate honestly (a lithium cell's slow start says little about
   its end).
9. ``not_draining`` - the low level is more than ``HORIZON_DAYS`` (3 years)
   away, or past the end of the calendar.
10. ``ok`` - ``at`` is the estimate.

The noise is 1.4826 times the median distance of the points from the line
(a standard deviation for normal noise, blind to a minority of outliers), at
least ``NOISE_FLOOR`` (0.5, the rounding of whole percents).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from statistics import median
from typing import Final, NamedTuple

from . import readings
from .forecast_history import (
    EMPTY,
    EPOCH,
    BatteryHistory,
    Point,
    as_dict,
    from_dict,
    merged,
    moment,
    record,
    replaced,
    sanitize,
    seconds,
)

__all__ = [
    "EMPTY",
    "BatteryHistory",
    "Forecast",
    "ForecastState",
    "as_dict",
    "forecast",
    "from_dict",
    "merged",
    "notice_due",
    "record",
    "replaced",
]

DEFAULT_LOW_LEVEL: Final = 20.0
MIN_DAYS: Final = 2.0
MIN_POINTS: Final = 6
MIN_DROP: Final = 5.0
SIGNIFICANCE: Final = 3.0
WINDOW_DROP: Final = 15.0
NOISE_FLOOR: Final = 0.5
STALE_DAYS: Final = 3.0
HORIZON_DAYS: Final = 3 * 365.0
EXTRAPOLATION: Final = 4.0
NOISE_SCALE: Final = 1.4826  # median absolute deviation -> standard deviation
NOTICE_BAND_DAYS: Final = 1.0

DAY: Final = 86400.0


class ForecastState(StrEnum):
    """Whether there is a forecast, and why not (stable keys)."""

    OK = "ok"
    NOT_ENOUGH_DATA = "not_enough_data"
    STALE = "stale"
    CHARGING = "charging"
    ALREADY_LOW = "already_low"
    NOT_DRAINING = "not_draining"


@dataclass(frozen=True, slots=True, kw_only=True)
class Forecast:
    """When the battery reaches the low level, and how sure that is.

    ``at`` is ``None`` (unknown) unless ``state`` is ``ok``. ``low_since``
    is when the battery reached the low level, while ``state`` is
    ``already_low``: the first reading of the newest run at or below it.
    ``rate_per_day``
    is the fitted drain in percentage points per day (positive = draining),
    ``None`` when no line was fitted. ``days_of_data`` and ``points`` measure
    the discharge's history; ``changed_at`` is when the discharge began, if
    known.
    """

    state: ForecastState
    at: datetime | None = None
    rate_per_day: float | None = None
    days_of_data: float = 0.0
    points: int = 0
    changed_at: datetime | None = None
    low_since: datetime | None = None


class _Line(NamedTuple):
    """A fitted line: drain (points per day), level at the newest point, noise."""

    rate: float
    level: float
    noise: float


def forecast(
    history: BatteryHistory,
    low_level: object = DEFAULT_LOW_LEVEL,
    now: datetime | None = None,
) -> Forecast:
    """Return when ``history``'s battery reaches ``low_level`` (see the module doc).

    ``low_level`` is a percentage (unusable: ``DEFAULT_LOW_LEVEL``); ``now``
    defaults to the clock.
    """
    history = sanitize(history)
    points = history.points
    low = readings.battery_percent(low_level)
    clock = seconds(now)
    if clock is None:
        clock = (datetime.now(UTC) - EPOCH).total_seconds()
    if not points:
        return Forecast(
            state=ForecastState.NOT_ENOUGH_DATA, changed_at=_changed(history)
        )
    days = (points[-1][0] - points[0][0]) / DAY
    line = _fit(points) if days >= MIN_DAYS and len(points) >= MIN_POINTS else None
    low = DEFAULT_LOW_LEVEL if low is None else low
    state, at = _state(history, line, low=low, clock=clock)
    return Forecast(
        state=state,
        at=at,
        rate_per_day=None if line is None else line.rate,
        days_of_data=days,
        points=len(points),
        changed_at=_changed(history),
        low_since=_low_since(points, low)
        if state is ForecastState.ALREADY_LOW
        else None,
    )


def _low_since(points: tuple[Point, ...], low: float) -> datetime | None:
    """When the newest run of readings at or below ``low`` began."""
    start = points[-1][0]
    for time, level in reversed(points):
        if level > low:
            break
        start = time
    return moment(start)


def notice_due(
    result: Forecast, now: datetime, days: object, *, raised: bool = False
) -> bool:
    """Whether the ``forecast_days`` notice should be up (see the module doc).

    ``days`` is the option (unusable, 0 or less: never); ``raised`` whether
    the notice is up now.
    """
    limit = readings.to_float(days)
    at = seconds(getattr(result, "at", None))
    clock = seconds(now)
    if limit is None or limit <= 0 or at is None or clock is None:
        return False
    band = NOTICE_BAND_DAYS if raised is True else 0.0
    return at - clock <= (limit + band) * DAY


def _state(
    history: BatteryHistory, line: _Line | None, *, low: float, clock: float
) -> tuple[ForecastState, datetime | None]:
    """The forecast's state and, when ``ok``, its time (the module doc's rules)."""
    points = history.points
    newest, level = points[-1]
    if clock - newest > STALE_DAYS * DAY:
        return ForecastState.STALE, None
    if history.charging:
        return ForecastState.CHARGING, None
    if level <= low:
        return ForecastState.ALREADY_LOW, None
    if line is None:
        return ForecastState.NOT_ENOUGH_DATA, None
    change = line.rate * (newest - points[0][0]) / DAY
    needed = max(MIN_DROP, SIGNIFICANCE * line.noise)
    if -change >= needed:
        return ForecastState.CHARGING, None
    if change < needed:
        return ForecastState.NOT_DRAINING, None
    if line.level - low > EXTRAPOLATION * change:
        return ForecastState.NOT_ENOUGH_DATA, None
    days_left = max(line.level - low, 0.0) / line.rate
    at = moment(newest + days_left * DAY) if days_left <= HORIZON_DAYS else None
    if at is None:
        return ForecastState.NOT_DRAINING, None
    return ForecastState.OK, at


def _fit(points: tuple[Point, ...]) -> _Line:
    """Fit the recent part of the discharge (the window rule of the module doc)."""
    newest = points[-1][0]
    window = MIN_DAYS * DAY
    while window < newest - points[0][0]:
        recent = [point for point in points if point[0] >= newest - window]
        if len(recent) >= MIN_POINTS:
            line = _theil_sen(recent)
            if line.rate * window / DAY >= WINDOW_DROP:
                return line
        window *= 2
    return _theil_sen(points)


def _theil_sen(points: Sequence[Point]) -> _Line:
    """The Theil-Sen line through ``points`` (at least two, in increasing time)."""
    slope = median(
        (level_b - level_a) / (time_b - time_a)
        for index, (time_a, level_a) in enumerate(points)
        for time_b, level_b in points[index + 1 :]
    )
    newest = points[-1][0]
    offsets = [level - slope * (time - newest) for time, level in points]
    level = median(offsets)
    noise = NOISE_SCALE * median(abs(offset - level) for offset in offsets)
    return _Line(-slope * DAY, level, max(noise, NOISE_FLOOR))


def _changed(history: BatteryHistory) -> datetime | None:
    """When the discharge began, as a datetime, if known."""
    return None if history.changed_at is None else moment(history.changed_at)
