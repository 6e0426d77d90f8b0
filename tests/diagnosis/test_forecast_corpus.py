"""The battery forecast against synthetic discharges with known answers.

The corpus (``discharge_corpus``: 8 curves per family, seeded, no clock) is
replayed reading by reading through ``record``; at six checkpoints of each
discharge (25, 40, 55, 70, 85 and 95 % of the way from its start to the low
level) ``forecast`` is asked when it reaches 20 %, and its answer compared
with the known one. Error = |forecast - truth| in days; "unknown" counts the
checkpoints without a forecast (too early to extrapolate, or the reading
already at the low level); "late" is the worst error at the last two
checkpoints, when a 7-day notice is due; "relative" is the median error as a
share of the time that was left.

Measured (``report()``; the test below keeps this table true):

| family | forecasts | unknown | median (d) | worst (d) | late (d) | relative |
|---|---|---|---|---|---|---|
| linear | 48 | 0 | 0.1 | 1.4 | 0.4 | 1 % |
| lithium | 40 | 8 | 8.0 | 109.6 | 6.8 | 46 % |
| knee | 48 | 0 | 16.4 | 40.3 | 35.2 | 33 % |
| noisy | 48 | 0 | 1.3 | 9.3 | 1.9 | 4 % |
| steps | 41 | 7 | 4.0 | 84.1 | 6.5 | 38 % |
| cold | 39 | 9 | 0.8 | 108.6 | 6.0 | 4 % |
| change | 48 | 0 | 0.1 | 0.8 | 0.3 | 1 % |
| all | 312 | 24 | 1.0 | 109.6 | 35.2 | 5 % |

Charging curves (plugged in, solar, with and without a charging flag): no
forecast at any checkpoint.

Why the bounds (``BOUNDS``) are what they are: a straight line is right for
a straight discharge, so ``linear`` and ``change`` must stay within about
two days over lives of up to 180 days, whatever the noise of whole-percent
readings, the moment of the change or the way it was seen; ``noisy`` adds
1.5 to 3 points of noise and spikes, which a 48-point history can only
average so far (its worst, 9 days, is about an eighth of the 79 days then left).
A lithium cell's slow start, a knee or 5-point steps over such a shape
cannot be seen coming: their bounds say how late the forecast may be while
the fast end is still ahead, and ``late`` that it catches up once the fall
has begun. ``cold`` mixes straight and lithium-shaped discharges with a dip
at half of the checkpoints. Each bound is the figure the estimator of 0.1
measured plus about a quarter, and the plain Theil-Sen line that replaced it
keeps every one: the corpus is deterministic, so any change of the estimator
that makes a family clearly worse fails here (``BEFORE_*``: the whole corpus).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
import functools
import statistics

import pytest

from custom_components.camera_doctor.diagnosis.forecast import (
    EMPTY,
    Forecast,
    ForecastState,
    forecast,
    record,
    replaced,
)

from .discharge_corpus import (
    CURVES_PER_FAMILY,
    FAMILIES,
    FRACTIONS,
    LOW,
    Curve,
    Replaced,
    corpus,
)

DRAINING = tuple(family for family in FAMILIES if family != "charging")
LATE = 2  # the last two checkpoints (85 and 95 %)

# The whole corpus with the estimator of 0.1 (a weighted Theil-Sen line over a
# window grown by half, 320 lines): median and worst error in days. A simpler
# estimator may take its place only if it keeps both within 10 % (issue 35).
BEFORE_MEDIAN = 1.251
BEFORE_WORST = 107.2
TOLERANCE = 1.1

# family: (median, worst, late, unknown) - errors in days, unknown a count.
BOUNDS = {
    "linear": (0.5, 2.5, 0.5, 0),
    "lithium": (8.5, 130.0, 7.0, 10),
    "knee": (20.0, 50.0, 45.0, 2),
    "noisy": (2.0, 13.0, 3.5, 1),
    "steps": (6.0, 115.0, 6.5, 8),
    "cold": (2.0, 135.0, 7.0, 11),
    "change": (0.5, 3.0, 0.5, 0),
}


@dataclass(frozen=True, slots=True)
class Outcome:
    """The forecast at one checkpoint of one curve."""

    curve: Curve
    index: int
    at: datetime
    forecast: Forecast

    @property
    def error(self) -> float | None:
        """|forecast - truth| in days, None without a forecast."""
        if self.forecast.at is None or self.curve.true_low_at is None:
            return None
        return abs((self.forecast.at - self.curve.true_low_at).total_seconds()) / 86400

    @property
    def left(self) -> float:
        """Days from the checkpoint to the truth."""
        assert self.curve.true_low_at is not None
        return (self.curve.true_low_at - self.at).total_seconds() / 86400


def replay(curve: Curve) -> list[Outcome]:
    """Feed the curve's events in order; forecast at each checkpoint."""
    outcomes: list[Outcome] = []
    history = EMPTY
    checkpoints = list(curve.checkpoints)
    for event in curve.events:
        while checkpoints and event.at > checkpoints[0]:
            moment = checkpoints.pop(0)
            outcome = Outcome(
                curve, len(outcomes), moment, forecast(history, LOW, moment)
            )
            outcomes.append(outcome)
        if isinstance(event, Replaced):
            history = replaced(history, event.at)
        else:
            history = record(history, event.percent, event.at, charging=event.charging)
    outcomes.extend(
        Outcome(curve, len(outcomes) + offset, moment, forecast(history, LOW, moment))
        for offset, moment in enumerate(checkpoints)
    )
    return outcomes


@functools.cache
def outcomes() -> dict[str, tuple[Outcome, ...]]:
    """Every outcome of the corpus, by family (computed once)."""
    by_family: dict[str, list[Outcome]] = {family: [] for family in FAMILIES}
    for curve in corpus():
        by_family[curve.family].extend(replay(curve))
    return {family: tuple(found) for family, found in by_family.items()}


@dataclass(frozen=True, slots=True)
class Figures:
    """The measured errors of a set of outcomes."""

    forecasts: int
    unknown: int
    median: float
    worst: float
    late: float
    relative: float


def figures(found: Sequence[Outcome]) -> Figures:
    """Summarise ``found`` (see the module doc)."""
    known = [outcome for outcome in found if outcome.error is not None]
    errors = [outcome.error for outcome in known if outcome.error is not None]
    late = [
        outcome.error
        for outcome in known
        if outcome.error is not None and outcome.index >= len(FRACTIONS) - LATE
    ]
    relative = [
        outcome.error / outcome.left for outcome in known if outcome.error is not None
    ]
    return Figures(
        forecasts=len(errors),
        unknown=len(found) - len(errors),
        median=statistics.median(errors),
        worst=max(errors),
        late=max(late),
        relative=statistics.median(relative),
    )


def report() -> str:
    """The table of the module doc, as measured now."""
    rows = [
        "| family | forecasts | unknown | median (d) | worst (d) | late (d) | relative |",
        "|---|---|---|---|---|---|---|",
    ]
    everything: list[Outcome] = []
    for family in (*DRAINING, "all"):
        found = outcomes()[family] if family != "all" else everything
        if family != "all":
            everything.extend(found)
        measured = figures(found)
        rows.append(
            f"| {family} | {measured.forecasts} | {measured.unknown} "
            f"| {measured.median:.1f} | {measured.worst:.1f} | {measured.late:.1f} "
            f"| {measured.relative:.0%} |".replace("%", " %")
        )
    return "\n".join(rows)


def test_the_corpus_has_every_family_with_known_answers() -> None:
    """8 curves per family; draining ones know their answer, after each checkpoint."""
    found = outcomes()
    assert set(found) == set(FAMILIES)
    for family, outcomes_of_family in found.items():
        assert len(outcomes_of_family) == CURVES_PER_FAMILY * len(FRACTIONS)
        for outcome in outcomes_of_family:
            if family == "charging":
                assert outcome.curve.true_low_at is None
            else:
                assert outcome.left > 0


@pytest.mark.parametrize("family", DRAINING)
def test_errors_stay_within_bounds(family: str) -> None:
    """Median, worst and late errors and the unknowns of each family (see BOUNDS)."""
    median, worst, late, unknown = BOUNDS[family]
    measured = figures(outcomes()[family])
    assert measured.median <= median, measured
    assert measured.worst <= worst, measured
    assert measured.late <= late, measured
    assert measured.unknown <= unknown, measured


def test_the_whole_corpus_is_as_accurate_as_before() -> None:
    """Median and worst error over every draining curve, against BEFORE_*."""
    measured = figures([found for f in DRAINING for found in outcomes()[f]])
    assert measured.median <= TOLERANCE * BEFORE_MEDIAN, measured
    assert measured.worst <= TOLERANCE * BEFORE_WORST, measured


@pytest.mark.parametrize("family", DRAINING)
def test_unknown_only_early_or_already_low(family: str) -> None:
    """Without a forecast, it is too early to say, or the reading is already low."""
    for outcome in outcomes()[family]:
        if outcome.forecast.at is None:
            assert outcome.forecast.state in {
                ForecastState.NOT_ENOUGH_DATA,
                ForecastState.ALREADY_LOW,
            }, outcome
            if outcome.forecast.state is ForecastState.NOT_ENOUGH_DATA:
                assert outcome.index < 2, outcome  # only at 25 or 40 %


def test_charging_has_no_forecast() -> None:
    """A battery kept charged never gets a day it runs low."""
    for outcome in outcomes()["charging"]:
        assert outcome.forecast.at is None, outcome
        assert outcome.forecast.state in {
            ForecastState.CHARGING,
            ForecastState.NOT_DRAINING,
            ForecastState.NOT_ENOUGH_DATA,
        }, outcome


def test_the_documented_figures_are_the_measured_ones() -> None:
    """The table in this module's doc is what the corpus measures today."""
    assert report() in (__doc__ or ""), report()
