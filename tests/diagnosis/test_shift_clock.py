"""``shift_clock``: a diagnosis moved with a wall clock that jumped."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from custom_components.camera_doctor.diagnosis import (
    Cause,
    Diagnosis,
    Observation,
    diagnose,
)
from custom_components.camera_doctor.diagnosis.engine import shift_clock

T0 = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
BACK = -timedelta(hours=1)
OFFLINE_LOW = Observation(available=False, battery_percent=8)


def _at(minutes: float, jump: timedelta = timedelta(0)) -> datetime:
    """``minutes`` of elapsed time after T0, on a clock moved by ``jump``."""
    return T0 + timedelta(minutes=minutes) + jump


def test_every_moment_moves_with_the_clock() -> None:
    """Pending starts, the outage start, since and next_check all move."""
    first = diagnose(Observation(battery_percent=80), now=_at(0))
    waiting = diagnose(OFFLINE_LOW, previous=first, now=_at(1))
    assert waiting.pending
    assert waiting.offline_since is not None
    assert waiting.next_check is not None

    moved = shift_clock(waiting, BACK)

    assert moved.pending == {c: t + BACK for c, t in waiting.pending.items()}
    assert moved.since == {c: t + BACK for c, t in waiting.since.items()}
    assert moved.offline_since == waiting.offline_since + BACK
    assert moved.next_check == waiting.next_check + BACK
    assert (moved.cause, moved.causes, moved.evidence) == (
        waiting.cause,
        waiting.causes,
        waiting.evidence,
    )


def test_only_the_jump_counts_as_no_time() -> None:
    """Two minutes before the jump and three after: five minutes of grace."""
    first = diagnose(Observation(battery_percent=80), now=_at(0))
    low = Observation(battery_percent=8)
    waiting = diagnose(low, previous=first, now=_at(0))
    # Without the shift the start lies ahead of the clock: the wait starts again.
    unshifted = diagnose(low, previous=waiting, now=_at(5, BACK))
    assert unshifted.causes == ()
    assert Cause.LOW_BATTERY in unshifted.pending

    confirmed = diagnose(low, previous=shift_clock(waiting, BACK), now=_at(5, BACK))
    assert confirmed.causes == (Cause.LOW_BATTERY,)
    assert confirmed.since[Cause.LOW_BATTERY] == _at(5, BACK)


def test_moments_at_the_calendar_edge_stay() -> None:
    """A moment the jump would push off the calendar is kept; None stays None."""
    edge = datetime.min.replace(tzinfo=UTC)
    diagnosis = Diagnosis(since={Cause.NONE: edge}, offline_since=None)
    moved = shift_clock(diagnosis, BACK)
    assert moved.since == {Cause.NONE: edge}
    assert moved.offline_since is None
    assert moved.next_check is None
    assert shift_clock(replace(diagnosis, next_check=edge), BACK).next_check == edge
