"""The hypothesis profile of tests/conftest.py: no wall-clock limits."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st
import pytest

from .conftest import HYPOTHESIS_PROFILE


@settings(max_examples=7)
@given(st.integers())
def _decorated(value: int) -> None:
    """A property test as the suites write them: only its example count set."""


def test_profile_is_loaded_without_deadline() -> None:
    """The loaded default has no deadline and no too-slow health check."""
    assert settings.get_profile(HYPOTHESIS_PROFILE).deadline is None
    assert settings.default.deadline is None
    assert HealthCheck.too_slow in settings.default.suppress_health_check


def test_decorated_test_inherits_it_and_keeps_its_examples() -> None:
    """A test's own @settings keeps its example count and gets no deadline."""
    own = _decorated._hypothesis_internal_use_settings  # type: ignore[attr-defined]
    assert own.max_examples == 7
    assert own.deadline is None
    assert settings.default.max_examples == 100  # hypothesis' own default


def test_no_collected_property_test_has_a_deadline(
    request: pytest.FixtureRequest,
) -> None:
    """Every property test collected in this run runs without a deadline."""
    with_deadline = [
        item.nodeid
        for item in request.session.items
        if (
            own := getattr(
                getattr(item, "obj", None), "_hypothesis_internal_use_settings", None
            )
        )
        is not None
        and own.deadline is not None
    ]
    assert with_deadline == []
