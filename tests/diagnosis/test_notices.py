"""Which notices a confirmed diagnosis deserves, and the flap bound."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from custom_components.camera_doctor.diagnosis import (
    MAX_NOTICES_PER_HOUR,
    Cause,
    Observation,
    Severity,
    Thresholds,
    diagnose,
    flap_hold,
    wanted_notices,
)

T0 = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
LIMITS = Thresholds()


def at(minutes: float) -> datetime:
    """The moment ``minutes`` after T0."""
    return T0 + timedelta(minutes=minutes)


def test_firmware_update_gets_a_notice_only_when_stuck() -> None:
    """A normal update shows on the entities; after 30 minutes it is stuck."""
    updating = Observation(firmware_updating=True)
    first = diagnose(updating, LIMITS, now=T0)
    assert first.causes == (Cause.FIRMWARE_UPDATING,)
    assert wanted_notices(first, LIMITS, T0) == {}
    assert first.next_check == at(30)
    later = diagnose(updating, LIMITS, first, at(30))
    assert wanted_notices(later, LIMITS, at(30)) == {
        Cause.FIRMWARE_UPDATING: Severity.WARNING
    }
    assert later.next_check is None


def test_an_outage_is_a_warning_for_its_first_hour() -> None:
    """Offline: a warning notice, an error an hour after it went offline."""
    offline = Observation(available=False)
    steps = [diagnose(offline, LIMITS, now=T0)]
    for minute in (6, 59, 60):
        steps.append(diagnose(offline, LIMITS, steps[-1], at(minute)))
    _, confirmed, almost, hour = steps
    assert wanted_notices(confirmed, LIMITS, at(6)) == {
        Cause.NO_CONNECTION: Severity.WARNING
    }
    assert confirmed.next_check == at(60)
    assert wanted_notices(almost, LIMITS, at(59)) == {
        Cause.NO_CONNECTION: Severity.WARNING
    }
    assert wanted_notices(hour, LIMITS, at(60)) == {Cause.NO_CONNECTION: Severity.ERROR}


def test_an_explained_outage_gets_its_reason_s_notice_only() -> None:
    """Offline because of the cold: the cold's notice, not the outage's."""
    cold = Observation(available=False, temperature_c=-30)
    first = diagnose(cold, LIMITS, now=T0)
    later = diagnose(cold, LIMITS, first, at(7))
    assert later.causes == (Cause.TOO_COLD, Cause.NO_CONNECTION)
    assert wanted_notices(later, LIMITS, at(7)) == {Cause.TOO_COLD: Severity.WARNING}


def test_critical_battery_is_an_error() -> None:
    """A battery at or below the critical level is an error notice."""
    low = diagnose(Observation(battery_percent=15), LIMITS, now=T0)
    critical = diagnose(Observation(battery_percent=5), LIMITS, now=T0)
    assert wanted_notices(low, LIMITS, T0) == {Cause.LOW_BATTERY: Severity.WARNING}
    assert wanted_notices(critical, LIMITS, T0) == {Cause.LOW_BATTERY: Severity.ERROR}


def test_flap_hold_bounds_creations_per_hour() -> None:
    """At most MAX_NOTICES_PER_HOUR creations an hour; then wait for the oldest."""
    created: tuple[datetime, ...] = ()
    for minute in range(MAX_NOTICES_PER_HOUR):
        created, retry = flap_hold(created, at(minute))
        assert retry is None
        created = (*created, at(minute))
    kept, retry = flap_hold(created, at(10))
    assert kept == created
    assert retry == at(60)
    kept, retry = flap_hold(created, at(60))
    assert retry is None
    assert kept == created[1:]


def test_an_unavailable_hub_counts_after_an_outage_s_wait() -> None:
    """A hub gone unavailable is offline after the grace period and slack."""
    gone = Observation(hub_unavailable_since=T0)
    first = diagnose(gone, LIMITS, now=at(1))
    assert first.causes == ()
    assert first.pending == {Cause.SYNC_MODULE_OFFLINE: T0}
    assert first.next_check == at(6)
    confirmed = diagnose(gone, LIMITS, first, at(6))
    assert confirmed.causes == (Cause.SYNC_MODULE_OFFLINE,)
    assert confirmed.evidence == {"hub_online": False}
    assert diagnose(Observation(), LIMITS, confirmed, at(7)).causes == ()
