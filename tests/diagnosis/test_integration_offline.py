"""The camera's own integration is down: ``integration_offline``.

The observation carries the facts (why the integration is down, since when,
if known); the engine decides: an outage's wait from when it began, first
in precedence, no outage of the camera meanwhile, and after it a camera
still unavailable starts its outage when the integration is back.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from custom_components.camera_doctor.diagnosis import (
    PRECEDENCE,
    Cause,
    Diagnosis,
    IntegrationReason,
    Observation,
    Severity,
    Thresholds,
    cause_severity,
    diagnose,
    wanted_notices,
)

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
GRACE = Thresholds(grace_minutes=5)
# The grace period plus its slack (a fifth of it, at most a minute).
OUTAGE_WAIT = timedelta(minutes=6)


def run(
    steps: list[tuple[timedelta, Observation]], thresholds: Thresholds = GRACE
) -> list[Diagnosis]:
    """Diagnose each observation at T0 + its offset, carrying the previous."""
    previous: Diagnosis | None = None
    found: list[Diagnosis] = []
    for offset, observation in steps:
        previous = diagnose(observation, thresholds, previous, T0 + offset)
        found.append(previous)
    return found


def down(
    reason: str = "not_loaded", since: datetime | None = None, **readings: object
) -> Observation:
    """A camera whose integration is down (and which is unavailable)."""
    return Observation(
        available=False,
        integration_offline=reason,
        integration_offline_since=since,
        **readings,  # type: ignore[arg-type]
    )


def test_first_in_precedence_and_an_error() -> None:
    """It explains everything else: the camera cannot be seen."""
    assert PRECEDENCE[0] is Cause.INTEGRATION_OFFLINE
    diagnosis = Diagnosis(
        cause=Cause.INTEGRATION_OFFLINE, causes=(Cause.INTEGRATION_OFFLINE,)
    )
    assert cause_severity(Cause.INTEGRATION_OFFLINE, diagnosis) is Severity.ERROR
    assert diagnosis.fix == "check_integration"


@pytest.mark.parametrize("reason", list(IntegrationReason))
def test_confirmed_after_an_outage_wait_from_the_first_look(reason: str) -> None:
    """Nothing inside the grace period, then ``integration_offline`` alone."""
    first, inside, after = run(
        [
            (timedelta(0), down(reason)),
            (OUTAGE_WAIT - timedelta(seconds=1), down(reason)),
            (OUTAGE_WAIT, down(reason)),
        ]
    )
    for waiting in (first, inside):
        assert waiting.cause is Cause.NONE
        assert waiting.pending == {Cause.INTEGRATION_OFFLINE: T0}
        assert waiting.next_check == T0 + OUTAGE_WAIT
        assert waiting.offline_since is None  # no outage of the camera
    assert after.cause is Cause.INTEGRATION_OFFLINE
    # No outage of the camera itself while its integration is down.
    assert after.causes == (Cause.INTEGRATION_OFFLINE,)
    assert after.evidence == {"integration_offline": reason}
    assert after.since == {Cause.INTEGRATION_OFFLINE: T0 + OUTAGE_WAIT}
    assert after.next_check is None
    assert dict(wanted_notices(after, GRACE, T0 + OUTAGE_WAIT)) == {
        Cause.INTEGRATION_OFFLINE: Severity.ERROR
    }


def test_the_source_says_when_it_began() -> None:
    """Cameras unavailable since T0 seen at T0 + 4 min wait 2 more minutes."""
    since = T0
    first, after = run(
        [
            (timedelta(minutes=4), down("all_unavailable", since)),
            (OUTAGE_WAIT, down("all_unavailable", since)),
        ]
    )
    assert first.pending == {Cause.INTEGRATION_OFFLINE: T0}
    assert first.next_check == T0 + OUTAGE_WAIT
    assert after.cause is Cause.INTEGRATION_OFFLINE


def test_a_blip_is_silent() -> None:
    """Down for two minutes, then back: never confirmed."""
    found = run(
        [
            (timedelta(0), down("all_unavailable", T0)),
            (timedelta(minutes=2), Observation(available=True)),
            (timedelta(minutes=10), Observation(available=True)),
        ]
    )
    assert [d.cause for d in found] == [Cause.NONE] * 3
    assert found[-1].pending == {}


def test_the_reason_may_change_while_it_lasts() -> None:
    """Every camera unavailable, then a reauth is pending: one continuous wait."""
    found = run(
        [
            (timedelta(0), down("all_unavailable", T0)),
            (timedelta(minutes=3), down("reauth")),
            (OUTAGE_WAIT, down("reauth")),
        ]
    )
    assert found[1].pending == {Cause.INTEGRATION_OFFLINE: T0}
    assert found[2].cause is Cause.INTEGRATION_OFFLINE
    assert found[2].evidence == {"integration_offline": "reauth"}


def test_no_hub_outage_or_frozen_readings_while_it_lasts() -> None:
    """An unavailable hub and frozen readings are the integration's doing."""
    long_ago = T0 - timedelta(days=2)
    found = run(
        [
            (
                timedelta(0),
                down(hub_unavailable_since=long_ago, readings_frozen_since=long_ago),
            ),
            (
                timedelta(hours=3),
                down(hub_unavailable_since=long_ago, readings_frozen_since=long_ago),
            ),
        ]
    )
    assert found[-1].causes == (Cause.INTEGRATION_OFFLINE,)
    assert found[0].pending.keys() == {Cause.INTEGRATION_OFFLINE}


def test_a_hub_reporting_offline_is_still_listed_but_has_no_notice() -> None:
    """A hub that says "offline" is seen; the notice is the integration's."""
    found = run(
        [(timedelta(0), down(hub_online=False)), (OUTAGE_WAIT, down(hub_online=False))]
    )
    assert found[-1].causes == (Cause.INTEGRATION_OFFLINE, Cause.SYNC_MODULE_OFFLINE)
    assert set(wanted_notices(found[-1], GRACE, T0 + OUTAGE_WAIT)) == {
        Cause.INTEGRATION_OFFLINE
    }


def test_back_with_the_camera_still_offline_waits_a_new_grace_period() -> None:
    """The camera's outage clock starts when its integration is back."""
    back = timedelta(hours=2)
    found = run(
        [
            (timedelta(0), down()),
            (OUTAGE_WAIT, down()),
            (back, Observation(available=False)),
            (back + OUTAGE_WAIT - timedelta(seconds=1), Observation(available=False)),
            (back + OUTAGE_WAIT, Observation(available=False)),
        ]
    )
    returned, inside, after = found[2:]
    for waiting in (returned, inside):
        assert waiting.cause is Cause.NONE
        assert waiting.offline_since == T0 + back
        assert waiting.pending == {Cause.NO_CONNECTION: T0 + back}
    assert returned.next_check == T0 + back + OUTAGE_WAIT
    assert after.cause is Cause.NO_CONNECTION
    assert after.evidence["offline_for_minutes"] == 6


def test_back_and_online_is_healthy_at_once() -> None:
    """A problem that clears is published at once."""
    found = run([(timedelta(0), down()), (OUTAGE_WAIT, down())])
    back = diagnose(
        Observation(available=True), GRACE, found[-1], T0 + timedelta(hours=1)
    )
    assert back.cause is Cause.NONE
    assert back.since == {Cause.NONE: T0 + timedelta(hours=1)}


def test_never_escalates_to_unexplained() -> None:
    """Down for a day: still ``integration_offline``, never a factory reset."""
    found = run([(timedelta(0), down()), (timedelta(days=1), down())])
    assert found[-1].causes == (Cause.INTEGRATION_OFFLINE,)


@pytest.mark.parametrize("garbage", ["", "offline", 1, True, object(), None])
def test_an_unknown_reason_is_no_fact(garbage: object) -> None:
    """Anything but a known reason says nothing about the integration."""
    diagnosis = diagnose(
        Observation(available=True, integration_offline=garbage),  # type: ignore[arg-type]
        GRACE,
        None,
        T0,
    )
    assert diagnosis.cause is Cause.NONE
    assert diagnosis.pending == {}


def test_a_since_in_the_future_counts_from_now() -> None:
    """A clock set back never gives a negative wait."""
    first = diagnose(down(since=T0 + timedelta(hours=1)), GRACE, None, T0)
    assert first.pending == {Cause.INTEGRATION_OFFLINE: T0}
