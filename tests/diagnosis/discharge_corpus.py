"""A deterministic corpus of synthetic battery discharges with known answers.

Every curve is built from a seeded ``random.Random`` (no clock), so the corpus
and the errors measured on it are the same on every run. A curve is an
underlying, noise-free level (percent over days, falling in each discharge)
plus what a camera makes of it: readings at irregular times (every 10 to 120
minutes), rounded to whole percents, with the family's noise, steps or dips
on top. Its known answer, ``true_low_at``, is when the underlying level of the
last discharge reaches ``LOW``; ``checkpoints`` are the moments (fractions of
that discharge) at which a forecast is asked for.

Families:

- ``linear`` - a steady drain, life (to ``LOW``) 10 to 180 days; half of
  them first seen mid-discharge (at 60 to 100 %), as when Camera Doctor is
  installed. The same holds for the steady drains of ``noisy``, ``steps``
  and ``cold``.
- ``lithium`` - slow start, fast end: ``100 (1 - a u - (1 - a) u^3)``, the
  drain at the end 3 to 6 times the drain at the start.
- ``knee`` - flat, then a knee (smoothed over a day or two) to a drain 2.5 to
  4 times faster, somewhere between 60 and 40 %.
- ``noisy`` - a steady drain with normal noise (1.5 to 3 points) and a few
  spikes of 5 to 12 points.
- ``steps`` - a steady or lithium-shaped drain reported in 5-point steps.
- ``cold`` - a steady or lithium-shaped drain with cold nights (dips of 4 to
  14 points for 3 to 10 hours, on a third of the nights, and at half of the
  checkpoints) and a cold snap (6 to 12 points for 1 to 2.5 days), all
  recovering.
- ``change`` - a first discharge to 35..70 %, then a new one: new batteries
  (a jump), a recharge over a few hours (readings rising), or "I replaced the
  batteries" pressed with barely fuller batteries.
- ``charging`` - no forecast is the right answer: a plugged-in camera at
  100 %, a solar panel that keeps up (with and without a charging flag).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
import math
import random
from typing import Final

LOW: Final = 20.0
START: Final = datetime(2024, 1, 1, tzinfo=UTC)
FRACTIONS: Final = (0.25, 0.4, 0.55, 0.7, 0.85, 0.95)
CURVES_PER_FAMILY: Final = 8
FAMILIES: Final = (
    "linear",
    "lithium",
    "knee",
    "noisy",
    "steps",
    "cold",
    "change",
    "charging",
)

type Level = Callable[[float], float]


@dataclass(frozen=True, slots=True)
class Reading:
    """A battery report: ``percent`` at ``at`` (``charging`` if flagged)."""

    at: datetime
    percent: float
    charging: bool = False


@dataclass(frozen=True, slots=True)
class Replaced:
    """The user pressed "I replaced the batteries" at ``at``."""

    at: datetime


@dataclass(frozen=True, slots=True)
class Curve:
    """One synthetic history with its known answer (see the module doc)."""

    family: str
    name: str
    events: tuple[Reading | Replaced, ...]
    true_low_at: datetime | None
    checkpoints: tuple[datetime, ...]


def corpus() -> tuple[Curve, ...]:
    """Every curve of every family."""
    return tuple(
        _BUILDERS[family](
            random.Random(f"{family}-{index}"),  # noqa: S311 - synthetic, seeded
            f"{family}-{index}",
            family,
        )
        for family in FAMILIES
        for index in range(CURVES_PER_FAMILY)
    )


def day(value: float) -> datetime:
    """The moment ``value`` days after ``START``."""
    return START + timedelta(days=value)


def _crossing(level: Level, begin: float, end: float) -> float:
    """The day in ``[begin, end]`` at which the falling ``level`` reaches LOW."""
    for _ in range(60):
        middle = (begin + end) / 2
        if level(middle) > LOW:
            begin = middle
        else:
            end = middle
    return end


def _checkpoints(start: float, low_at: float) -> tuple[datetime, ...]:
    return tuple(day(start + share * (low_at - start)) for share in FRACTIONS)


def _sample(
    rng: random.Random,
    level: Level,
    begin: float,
    end: float,
    *,
    noise: Callable[[float], float] = lambda _: 0.0,
    step: float = 1.0,
) -> list[Reading]:
    """Readings of ``level`` (plus ``noise``) from day ``begin`` to ``end``."""
    readings = []
    time = begin
    while time <= end:
        value = min(max(level(time) + noise(time), 0.0), 100.0)
        readings.append(Reading(day(time), float(step * round(value / step))))
        time += rng.uniform(10, 120) / 1440
    return readings


def _linear(start: float, rate: float, top: float = 100.0) -> Level:
    return lambda time: top - rate * (time - start)


def _lithium(rng: random.Random, life: float) -> Level:
    share = rng.uniform(0.35, 0.6)  # the drain at the start, of the average

    def shape(u: float) -> float:
        return 100.0 * (1 - share * u - (1 - share) * u**3)

    empty = life / _crossing(shape, 0.0, 1.0)
    return lambda time: shape(time / empty)


def _knee(rng: random.Random, life: float) -> Level:
    factor = rng.uniform(2.0, 3.5)
    knee = rng.uniform(30.0, 50.0)
    width = rng.uniform(1.0, 2.0)
    # Slow drain to the knee, then ``factor`` times faster: solve for the rate.
    rate = ((100.0 - knee) + (knee - LOW) / factor) / life
    knee_day = (100.0 - knee) / rate

    def level(time: float) -> float:
        excess = width * math.log1p(math.exp((time - knee_day) / width))
        return 100.0 - rate * time - (factor - 1) * rate * excess

    return level


def _draining(rng: random.Random, name: str, family: str) -> Curve:
    """A single discharge: linear, lithium, knee, noisy, steps or cold."""
    life = rng.uniform(10.0, 180.0)
    shaped = family == "lithium" or (family in {"steps", "cold"} and rng.random() < 0.5)
    if family == "knee":
        level = _knee(rng, life)
    elif shaped:
        level = _lithium(rng, life)
    else:
        # Half of them were seen first mid-discharge (installed then).
        top = 100.0 if rng.random() < 0.5 else rng.uniform(60.0, 100.0)
        level = _linear(0.0, (top - LOW) / life, top)
    low_at = _crossing(level, 0.0, 2 * life)
    noise: Callable[[float], float] = lambda _: rng.gauss(0.0, 0.3)
    step = 1.0
    if family == "noisy":
        sigma = rng.uniform(1.5, 3.0)
        noise = lambda _: (
            rng.gauss(0.0, sigma)
            + (rng.choice((-1, 1)) * rng.uniform(5, 12) if rng.random() < 0.02 else 0.0)
        )
    elif family == "steps":
        step = 5.0
    elif family == "cold":
        noise = _cold(rng, low_at, tuple(share * low_at for share in FRACTIONS))
    readings = _sample(rng, level, 0.0, low_at, noise=noise, step=step)
    return Curve(family, name, tuple(readings), day(low_at), _checkpoints(0, low_at))


def _cold(
    rng: random.Random, days: float, checkpoints: tuple[float, ...]
) -> Callable[[float], float]:
    """Dips of cold nights and one cold snap, all recovering, over ``days``.

    Half of the checkpoints fall into a cold night, 2 to 8 hours after it
    began: the hardest moment, a dip at the very end of the readings.
    """
    dips = [
        (night + rng.uniform(-0.1, 0.1), rng.uniform(3, 10) / 24, rng.uniform(4, 14))
        for night in range(math.ceil(days))
        if rng.random() < 1 / 3
    ]
    for checkpoint in checkpoints:
        if rng.random() < 0.5:
            into = rng.uniform(2, 8) / 24
            dips.append(
                (checkpoint - into, into + rng.uniform(1, 6) / 24, rng.uniform(4, 14))
            )
    snap_at = rng.uniform(0.2, 0.8) * days
    dips.append((snap_at, rng.uniform(1.0, 2.5), rng.uniform(6, 12)))
    ramp = 1 / 24  # an hour to cool down, an hour to warm up

    def noise(time: float) -> float:
        drop = 0.0
        for begin, length, depth in dips:
            if begin <= time <= begin + length:
                share = min(1.0, (time - begin) / ramp, (begin + length - time) / ramp)
                drop = max(drop, depth * share)
        return rng.gauss(0.0, 0.3) - drop

    return noise


def _change(rng: random.Random, name: str, _family: str) -> Curve:
    """A first discharge, then a new one (jump, recharge or button)."""
    kind = ("jump", "recharge", "button")[int(name.rsplit("-", 1)[1]) % 3]
    first_rate = rng.uniform(0.5, 4.0)
    first_end = rng.uniform(30.0, 65.0)
    change_at = (100.0 - first_end) / first_rate
    events: list[Reading | Replaced] = list(
        _sample(rng, _linear(0.0, first_rate), 0.0, change_at)
    )
    top = 100.0
    start = change_at + 0.01
    if kind == "recharge":
        charged = (100.0 - first_end) / 3.0  # three hours to full
        end = change_at + 1 / 8
        time = change_at
        while time < end:
            value = min(first_end + charged * (time - change_at) * 24, 100.0)
            events.append(Reading(day(time), float(round(value))))
            time += 10 / 1440
        start = end
    elif kind == "button":
        # Used batteries, barely fuller: no jump, the user tells.
        top = first_end + rng.uniform(3.0, 12.0)
        events.append(Replaced(day(change_at)))
    life = rng.uniform(10.0, 120.0)
    level = _linear(start, (top - LOW) / life, top)
    low_at = _crossing(level, start, start + 2 * life)
    events.extend(
        _sample(rng, level, start, low_at, noise=lambda _: rng.gauss(0.0, 0.3))
    )
    return Curve(
        "change", name, tuple(events), day(low_at), _checkpoints(start, low_at)
    )


def _charging(rng: random.Random, name: str, _family: str) -> Curve:
    """A battery that is kept charged: no forecast is right."""
    kind = ("plugged", "solar", "solar_flagged", "plugged_flagged")[
        int(name.rsplit("-", 1)[1]) % 4
    ]
    days = rng.uniform(20.0, 60.0)
    events: list[Reading | Replaced] = []
    if kind.startswith("plugged"):
        events.extend(
            Reading(reading.at, reading.percent, kind == "plugged_flagged")
            for reading in _sample(
                rng, lambda _: 100.0, 0.0, days, noise=lambda _: -abs(rng.gauss(0, 0.7))
            )
        )
    else:
        # Charges in the sun (more than it drains otherwise), capped at 100;
        # points per hour.
        drain, gain = rng.uniform(0.15, 0.4), rng.uniform(0.8, 2.5)
        level, time = rng.uniform(60, 90), 0.0
        while time <= days:
            step = rng.uniform(10, 120) / 1440
            sunny = 0.3 < time % 1 < 0.7
            level = min(level + step * 24 * (gain if sunny else -drain), 100.0)
            charging = sunny and level < 100.0 and kind == "solar_flagged"
            events.append(Reading(day(time), float(round(level)), charging))
            time += step
    checkpoints = tuple(day(share * days) for share in FRACTIONS)
    return Curve("charging", name, tuple(events), None, checkpoints)


_BUILDERS: Final[dict[str, Callable[[random.Random, str, str], Curve]]] = {
    **dict.fromkeys(("linear", "lithium", "knee", "noisy", "steps", "cold"), _draining),
    "change": _change,
    "charging": _charging,
}
