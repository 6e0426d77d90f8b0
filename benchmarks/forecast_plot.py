"""Draw one battery forecast (docs/forecast.png) from the tests' synthetic corpus.

    .venv/bin/python benchmarks/forecast_plot.py [FAMILY-INDEX]

The curve (default ``cold-1``: a steady drain with cold nights) is fed
reading by reading to the pure history and forecast, as the Home Assistant
layer does; at each checkpoint the forecast's line is drawn from the newest
reading to the moment it expects 20 %, next to the true moment.
"""

from __future__ import annotations

from pathlib import Path
import sys

import matplotlib as mpl

mpl.use("Agg")
import matplotlib.pyplot as plt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from custom_components.camera_doctor.diagnosis.forecast import (  # noqa: E402
    EMPTY,
    forecast,
    record,
    replaced,
)
from tests.diagnosis.discharge_corpus import LOW, START, Reading, corpus  # noqa: E402


def _days(moment: object) -> float:
    return (moment - START).total_seconds() / 86400  # type: ignore[operator]


def main(name: str = "cold-1") -> Path:
    """Plot the curve ``name``; return the image's path."""
    curve = next(c for c in corpus() if c.name == name)
    history = EMPTY
    times, levels = [], []
    checks = iter(curve.checkpoints)
    check = next(checks, None)
    fig, ax = plt.subplots(figsize=(8, 4.2), dpi=110)
    for event in curve.events:
        while check is not None and event.at > check:
            seen = forecast(history, LOW, check)
            if seen.at is not None and seen.rate_per_day is not None:
                # The fitted line, from the checkpoint to where it meets 20 %.
                start = LOW + seen.rate_per_day * (_days(seen.at) - _days(check))
                ax.plot(
                    [_days(check), _days(seen.at)],
                    [start, LOW],
                    color="tab:orange",
                    linewidth=1.2,
                )
                ax.plot(_days(seen.at), LOW, "o", color="tab:orange", markersize=4)
            check = next(checks, None)
        if isinstance(event, Reading):
            history = record(history, event.percent, event.at, charging=event.charging)
            times.append(_days(event.at))
            levels.append(event.percent)
        else:
            history = replaced(history, event.at)
    ax.plot(
        times, levels, ".", color="tab:blue", markersize=2, label="battery readings"
    )
    ax.plot([], [], color="tab:orange", label="forecast at a checkpoint")
    if curve.true_low_at is not None:
        ax.axvline(
            _days(curve.true_low_at),
            color="tab:green",
            linestyle="--",
            label="when it really reaches 20 %",
        )
    ax.axhline(LOW, color="grey", linewidth=0.8)
    ax.set_xlabel("days")
    ax.set_ylabel("battery (%)")
    ax.set_title(f"Battery forecast on a synthetic discharge ({curve.family})")
    ax.legend(loc="upper right", fontsize=8)
    fig.tight_layout()
    out = ROOT / "docs" / "forecast.png"
    fig.savefig(out)
    return out


if __name__ == "__main__":
    print(main(*sys.argv[1:2]))
