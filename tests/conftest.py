"""Shared fixtures."""

from __future__ import annotations

from typing import Any

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

# Import our package at collection time, so the harness's own
# testing_config/custom_components does not shadow it.
import custom_components.camera_doctor  # noqa: F401
from custom_components.camera_doctor.const import DOMAIN
from custom_components.camera_doctor.options import DEFAULT_OPTIONS


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
