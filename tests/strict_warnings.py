"""A pytest plugin: what Home Assistant reports about Camera Doctor fails the test.

scripts/test-latest loads it (``-p tests.strict_warnings``) so that the whole
suite, on the newest Home Assistant, fails on any of these caused by our code:

* a ``DeprecationWarning``, ``PendingDeprecationWarning`` or ``FutureWarning``
  raised from a module of ``custom_components.camera_doctor`` (warning
  filters make them errors);
* what Home Assistant logs about an integration that needs updating: its
  frame helper's ``report_usage`` ("Detected that custom integration
  'camera_doctor' ... should be updated / will stop working"), a deprecated
  constant, class or function used ("The deprecated ... was used from
  camera_doctor"), and a blocking call inside the event loop ("Detected
  blocking call to ... by custom integration 'camera_doctor'").

Home Assistant looks for blocking calls only when it really runs (bootstrap),
not under pytest-homeassistant-custom-component; so every call it guards is
checked here too, as it would be in production, while an event loop runs
and the call comes from our integration.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
import functools
import logging
import re
from typing import Any

from homeassistant.block_async_io import _BLOCKING_CALLS
from homeassistant.helpers.frame import MissingIntegrationFrame, get_integration_frame
from homeassistant.util.loop import raise_for_blocking_call
import pytest

DOMAIN = "camera_doctor"
OUR_MODULES = r"custom_components\.camera_doctor"
WARNING_CATEGORIES = (
    "DeprecationWarning",
    "PendingDeprecationWarning",
    "FutureWarning",
)
# A report by Home Assistant (not one of our own log lines) that names us.
REPORT = re.compile(
    r"detected|deprecated|should be updated|stop working", re.IGNORECASE
)
NAMES_US = re.compile(rf"\b{DOMAIN}\b")
OUR_LOGGERS = ("custom_components.", "tests.")

_restore: list[Callable[[], None]] = []


def pytest_configure(config: pytest.Config) -> None:
    """Make our deprecation warnings errors; watch for blocking calls."""
    for category in WARNING_CATEGORIES:
        config.addinivalue_line("filterwarnings", f"error::{category}:{OUR_MODULES}")
    _guard_blocking_calls()


def pytest_unconfigure(config: pytest.Config) -> None:
    """Put the guarded functions back."""
    while _restore:
        _restore.pop()()


class _Reports(logging.Handler):
    """Collects Home Assistant's warnings that name Camera Doctor."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(OUR_LOGGERS):
            return
        message = record.getMessage()
        if REPORT.search(message) and NAMES_US.search(message):
            self.found.append(f"{record.name}: {message.splitlines()[0]}")


@pytest.fixture(autouse=True)
def _no_reports_about_camera_doctor() -> Iterator[None]:
    """Fail the test if Home Assistant reported our code while it ran."""
    reports = _Reports()
    root = logging.getLogger()
    root.addHandler(reports)
    try:
        yield
    finally:
        root.removeHandler(reports)
    if reports.found:
        pytest.fail(
            "Home Assistant reported Camera Doctor:\n" + "\n".join(reports.found),
            pytrace=False,
        )


def _from_us_in_the_loop() -> bool:
    try:
        asyncio.get_running_loop()
        frame = get_integration_frame()
    except (RuntimeError, MissingIntegrationFrame):
        return False
    return frame.integration == DOMAIN


def _guarded(
    func: Callable[..., Any], check_allowed: Callable[[dict[str, Any]], bool] | None
) -> Callable[..., Any]:
    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        if _from_us_in_the_loop():
            # Logs Home Assistant's own "Detected blocking call ..." warning.
            raise_for_blocking_call(
                func,
                check_allowed,
                strict=False,
                strict_core=False,
                args=args,
                kwargs=kwargs,
            )
        return func(*args, **kwargs)

    return guarded


def _guard_blocking_calls() -> None:
    """Guard every call Home Assistant guards in production (none in tests)."""
    for call in _BLOCKING_CALLS:
        setattr(
            call.object, call.function, _guarded(call.original_func, call.check_allowed)
        )
        _restore.append(
            functools.partial(setattr, call.object, call.function, call.original_func)
        )
