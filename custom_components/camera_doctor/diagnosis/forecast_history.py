"""One camera's battery readings since its last battery change, kept compactly.

Standard library only, and nothing here raises: garbage in leaves the
history as it was (``record``) or gives an empty one (``from_dict``).

``BatteryHistory`` is an immutable value: ``points``, a tuple of
``(epoch seconds, percent)`` pairs in increasing time, at least a second
apart (readings closer than that are one report), all from the current
discharge; ``changed_at``, the epoch seconds at which that discharge
began (a battery change, the end of charging, the "I replaced the batteries"
button), or ``None`` when it began before the first reading seen; and
``charging``, whether the battery was last seen charging. ``forecast`` (in
``forecast``) reads it.

Recording (``record``): a reading that is not a battery percentage (see
``readings.battery_percent``), has no usable time, is older than the newest
point or older than ``changed_at`` is ignored. Otherwise, in this order:

- ``charging=True`` (the caller knows the camera charges: a charging entity,
  a plugged-in or solar-powered camera that says so) starts a new discharge
  at this reading, marked as charging.
- A rise of ``CHANGE_JUMP`` (15) points or more above the level before it is
  a battery change (or a recharge): a new discharge starts at this reading.
  The level before is the highest point from ``CHANGE_LOOKBACK_HOURS`` (48)
  to ``CHANGE_RISE_HOURS`` (12) hours earlier, so a rise is seen whether it
  comes in one jump or over a few hours of charging, while a noisy bump, or
  a cold night's dip recovering to where the level was, is not a change. A
  dip deeper than 15 points that lasts two days or more does look like one
  when it recovers: the forecast then starts afresh.
- A reading above every point of the discharge and more than
  ``RISE_MARGIN`` (3) points above its first point, right after a point that
  was itself the highest, means the battery charges (a charger, a solar
  panel): a new discharge starts at this reading, marked as charging, so a
  charge that rises step by step ends with a discharge that starts at the
  top. The mark stays until a reading is lower than the newest point. (A
  single noisy reading above the rest is no rise.)
- Anything else is appended to the current discharge.

Thinning keeps the history at ``MAX_POINTS`` (48) points at most. Every point
is at least ``MIN_SPACING_MINUTES`` (60) after the one before it, except the
newest, which is always the latest reading: a reading less than that after
the point before the newest replaces the newest. When a point more would
make too many, two neighbours merge into one at their mean time and mean
level: never the first point (the start of the discharge) nor the newest,
but the pair closest together relative to its age plus ``AGE_OFFSET_HOURS``
(24 h). So the points are spaced roughly in proportion to their age: dense
over the last days, where the forecast fits its line, sparse over the early
discharge, which only has to anchor it; and an old point is the mean of
several readings, its noise averaged away (on the corpus of the tests this
halves the worst error of noisy discharges, against dropping points). A
cold night's dip, several points long, survives as a shallower dip that the
robust fit sets aside.

Merging (``merged``): readings of the same battery kept elsewhere (Home
Assistant's recorder) join a history without counting any twice. Those
inside the span of its points are its own already and are skipped; those
after its newest point are recorded onto it; those before its first point
(and after ``changed_at``, when that is known) are replayed from the start
of the discharge, its own points after them. Every reading goes through
``record``, which sees the battery changes and charges among them: what
stays is the discharge since the last one.

Persistence: ``as_dict`` gives plain JSON-able data (``version``, ``points``
as ``[seconds, percent]`` lists, ``changed_at``, ``charging``) and
``from_dict`` reads it back; anything it cannot use (another version, a
point that is not a pair of numbers, points out of order or under a second
apart) is dropped, down to an empty history; of more than ``MAX_POINTS``
points, the first and the newest are kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
import math
from typing import Any, Final

from . import readings

type Point = tuple[float, float]

# Each setting of the module doc, and beside it in seconds where code needs that.
MAX_POINTS: Final = 48
MIN_SPACING_MINUTES: Final = 60.0
_MIN_SPACING: Final = MIN_SPACING_MINUTES * 60.0
AGE_OFFSET_HOURS: Final = 24.0
_AGE_OFFSET: Final = AGE_OFFSET_HOURS * 3600.0
CHANGE_JUMP: Final = 15.0
CHANGE_LOOKBACK_HOURS: Final = 48.0
_CHANGE_LOOKBACK: Final = CHANGE_LOOKBACK_HOURS * 3600.0
CHANGE_RISE_HOURS: Final = 12.0
_CHANGE_RISE: Final = CHANGE_RISE_HOURS * 3600.0
RISE_MARGIN: Final = 3.0
FORMAT_VERSION: Final = 1
_SAME_REPORT: Final = 1.0  # seconds: readings closer than that are one report

EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
# The seconds every aware datetime can be converted to and from.
_SECONDS_RANGE: Final = (
    (datetime.min.replace(tzinfo=UTC) - EPOCH).total_seconds(),
    (datetime.max.replace(tzinfo=UTC) - EPOCH).total_seconds(),
)


@dataclass(frozen=True, slots=True)
class BatteryHistory:
    """The current discharge of one camera's battery (see the module doc)."""

    points: tuple[Point, ...] = ()
    changed_at: float | None = None
    charging: bool = False


EMPTY: Final = BatteryHistory()


def seconds(value: object) -> float | None:
    """Return ``value`` (a datetime or ISO string) as epoch seconds, or None."""
    moment = readings.moment(value)
    return None if moment is None else (moment - EPOCH).total_seconds()


def moment(value: float) -> datetime | None:
    """Return epoch seconds as an aware UTC datetime, or None out of range."""
    try:
        return EPOCH + timedelta(seconds=value)
    except OverflowError:
        return None


def record(
    history: BatteryHistory, percent: object, at: object, *, charging: bool = False
) -> BatteryHistory:
    """Return ``history`` with the reading ``percent`` taken at ``at``.

    ``at`` is when the camera reported the reading (a state's last report),
    not the clock: a repeat of the same report changes nothing. Call it with
    every report, also when the value did not change, so the history knows
    the camera still reports.
    """
    history = sanitize(history)
    level = readings.battery_percent(percent)
    time = seconds(at)
    points = history.points
    if (
        level is None
        or time is None
        or (points and time < points[-1][0])
        or (history.changed_at is not None and time < history.changed_at)
    ):
        return history
    if charging is True:
        return BatteryHistory(((time, level),), time, charging=True)
    if not points:
        return BatteryHistory(((time, level),), history.changed_at)
    if level >= _level_before(points, time) + CHANGE_JUMP:
        return BatteryHistory(((time, level),), time)
    top = max(point[1] for point in points)
    if points[-1][1] >= top and level > max(top, points[0][1] + RISE_MARGIN):
        return BatteryHistory(((time, level),), time, charging=True)
    return BatteryHistory(
        _append(points, (time, level)),
        history.changed_at,
        charging=history.charging and level >= points[-1][1],
    )


def replaced(history: BatteryHistory, at: object) -> BatteryHistory:
    """Return an empty history whose discharge begins at ``at``.

    For "I replaced the batteries": readings older than ``at`` are ignored
    from now on. ``history`` is returned as it is when ``at`` is unusable.
    """
    time = seconds(at)
    if time is None:
        return sanitize(history)
    return BatteryHistory((), time)


def merged(
    history: BatteryHistory, readings_elsewhere: Iterable[tuple[object, object]]
) -> BatteryHistory:
    """Return ``history`` with ``(at, percent)`` readings kept elsewhere.

    ``at`` is epoch seconds or what ``record`` takes; the readings are in
    increasing time (see "Merging" in the module doc).
    """
    history = sanitize(history)
    points = history.points
    first = points[0][0] if points else math.inf
    newest = points[-1][0] if points else -math.inf
    start = -math.inf if history.changed_at is None else history.changed_at
    before: list[Point] = []
    after: list[Point] = []
    for at, percent in readings_elsewhere:
        time = _time(at) if isinstance(at, int | float) else seconds(at)
        level = readings.battery_percent(percent)
        if time is None or level is None:
            continue
        if start <= time < first:
            before.append((time, level))
        elif time > newest:
            after.append((time, level))
    if before:
        replay, history = (
            [*before, *points, *after],
            BatteryHistory((), history.changed_at),
        )
    else:
        replay = after
    for time, level in replay:
        history = record(history, level, moment(time))
    return history


def as_dict(history: BatteryHistory) -> dict[str, Any]:
    """Return ``history`` as plain JSON-able data (see ``from_dict``)."""
    history = sanitize(history)
    return {
        "version": FORMAT_VERSION,
        "points": [list(point) for point in history.points],
        "changed_at": history.changed_at,
        "charging": history.charging,
    }


def from_dict(data: object) -> BatteryHistory:
    """Return the history ``as_dict`` gave; whatever is unusable is dropped."""
    if not isinstance(data, Mapping) or data.get("version") != FORMAT_VERSION:
        return EMPTY
    return _build(data.get("points"), data.get("changed_at"), data.get("charging"))


def sanitize(history: object) -> BatteryHistory:
    """Return ``history`` if it keeps the rules of the module doc, else a usable one.

    A history built only by ``record``, ``replaced`` and ``from_dict`` always
    does; anything else is rebuilt as ``from_dict`` would read it.
    """
    if not isinstance(history, BatteryHistory):
        return EMPTY
    if _valid(history):
        return history
    return _build(history.points, history.changed_at, history.charging)


def _valid(history: BatteryHistory) -> bool:
    """Whether ``history`` keeps the rules (a quick check: it runs on every use)."""
    low, high = _SECONDS_RANGE
    start = history.changed_at
    if start is not None and not (type(start) is float and low <= start <= high):
        return False
    points = history.points
    if (
        type(history.charging) is not bool
        or type(points) is not tuple
        or len(points) > MAX_POINTS
    ):
        return False
    previous = low if start is None else start
    for index, point in enumerate(points):
        if type(point) is not tuple or len(point) != 2:
            return False
        time, level = point
        if not (
            type(time) is float
            and type(level) is float
            and (previous + _SAME_REPORT <= time if index else previous <= time)
            and time <= high
            and 0.0 <= level <= 100.0
        ):
            return False
        previous = time
    return True


def _build(points: object, changed_at: object, charging: object) -> BatteryHistory:
    """Return a history from untrusted parts, dropping what is unusable."""
    start = _time(changed_at)
    kept: list[Point] = []
    try:
        raw_points = (
            list(points)
            if isinstance(points, Iterable)
            and not isinstance(points, str | bytes | Mapping)
            else []
        )
    except Exception:  # noqa: BLE001 - a foreign iterable may raise anything
        raw_points = []
    for raw in raw_points:
        point = _point(raw)
        if (
            point is not None
            and (start is None or point[0] >= start)
            and (not kept or point[0] >= kept[-1][0] + _SAME_REPORT)
        ):
            kept.append(point)
    if len(kept) > MAX_POINTS:  # never from this module: keep the newest
        kept = [kept[0], *kept[1 - MAX_POINTS :]]
    return BatteryHistory(tuple(kept), start, charging=charging is True)


def _point(raw: object) -> Point | None:
    """Return ``raw`` as a valid point, or None."""
    if not isinstance(raw, tuple | list) or len(raw) != 2:
        return None
    time, level = _time(raw[0]), readings.battery_percent(raw[1])
    return None if time is None or level is None else (time, level)


def _time(value: object) -> float | None:
    """Return ``value`` as epoch seconds that convert back to a datetime."""
    return readings.to_float(value, *_SECONDS_RANGE)


def _level_before(points: tuple[Point, ...], time: float) -> float:
    """The level a reading at ``time`` is compared with to see a change.

    The highest point from ``CHANGE_LOOKBACK_HOURS`` to ``CHANGE_RISE_HOURS``
    before ``time``; failing that, the newest point before that span; failing
    that, the first point.
    """
    before = [point for point in points if point[0] <= time - _CHANGE_RISE]
    span = [level for moment, level in before if moment >= time - _CHANGE_LOOKBACK]
    if span:
        return max(span)
    return before[-1][1] if before else points[0][1]


def _append(points: tuple[Point, ...], point: Point) -> tuple[Point, ...]:
    """Return ``points`` with ``point`` as the newest, thinned (see the module doc)."""
    if point[0] - points[-1][0] < _SAME_REPORT or (
        len(points) >= 2 and points[-1][0] - points[-2][0] < _MIN_SPACING
    ):
        return (*points[:-1], point)
    grown = (*points, point)
    if len(grown) <= MAX_POINTS:
        return grown
    newest = point[0]
    pair = min(
        range(1, len(grown) - 2),
        key=lambda i: (
            (grown[i + 1][0] - grown[i][0]) / (newest - grown[i + 1][0] + _AGE_OFFSET)
        ),
    )
    (time_a, level_a), (time_b, level_b) = grown[pair], grown[pair + 1]
    merged = ((time_a + time_b) / 2, (level_a + level_b) / 2)
    return (*grown[:pair], merged, *grown[pair + 2 :])
