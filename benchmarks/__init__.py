"""Performance benchmarks of Camera Doctor (``scripts/bench``); not tests.

Our ``custom_components`` package is imported first, before anything of the
harness, so the harness's own ``testing_config/custom_components`` cannot
shadow it (as in tests/conftest.py).
"""

from pathlib import Path
import sys

_REPO = str(Path(__file__).resolve().parents[1])
if _REPO not in sys.path:
    sys.path.insert(0, _REPO)

import custom_components.camera_doctor  # noqa: E402, F401
