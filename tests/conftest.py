"""Shared fixtures."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, settings
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

# Import our package at collection time, so the harness's own
# testing_config/custom_components does not shadow it.
import custom_components.camera_doctor  # noqa: F401
from custom_components.camera_doctor.const import DOMAIN
from custom_components.camera_doctor.options import DEFAULT_OPTIONS

# Property tests must not depend on how busy the machine is: no wall-clock
# deadline per example and no "data generation too slow" health check. Loaded
# here, before any test module is imported, so every @settings(...) in the
# tests inherits it; example counts (max_examples) are left as each test sets
# them (default 100).
HYPOTHESIS_PROFILE = "camera_doctor"
settings.register_profile(
    HYPOTHESIS_PROFILE, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(HYPOTHESIS_PROFILE)


@pytest.fixture
def options() -> dict[str, Any]:
    """Options of the config entry (tests override single keys)."""
    return dict(DEFAULT_OPTIONS)


@pytest.fixture
def mock_config_entry(options: dict[str, Any]) -> MockConfigEntry:
    """The Camera Doctor config entry."""
    return MockConfigEntry(
        domain=DOMAIN, title="Camera Doctor", data={}, options=options, version=2
    )
