"""The plot of a benchmark run (matplotlib): docs/benchmark.png."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .report import GOALS, checks, real_startup_label


def plot(results: dict[str, Any], path: Path) -> None:
    """Setup time and memory against fleet size; every ratio against its goal."""
    import matplotlib as mpl

    mpl.use("Agg")
    import matplotlib.pyplot as plt

    rows = results["scale"]["rows"]
    cams = [r["cameras"] for r in rows]
    fig, (ax1, ax3) = plt.subplots(1, 2, figsize=(11, 4.2), width_ratios=(1, 1.3))
    ax1.plot(
        cams, [r["setup_s"] for r in rows], "o-", color="tab:blue", label="setup time"
    )
    ax1.axhline(GOALS["setup_1000_s"], color="tab:blue", ls=":", lw=1)
    ax1.set_xscale("log")
    ax1.set_yscale("log")
    ax1.set_xlabel("cameras (each with 5 sources)")
    ax1.set_ylabel("setup time, s (goal 2 s: dotted)", color="tab:blue")
    ax2 = ax1.twinx()
    ax2.plot(
        cams,
        [r["memory_kib"] / 1024 for r in rows],
        "s--",
        color="tab:orange",
        label="memory",
    )
    ax2.plot(
        cams,
        [r["floor_memory_kib"] / 1024 for r in rows],
        "^-",
        color="tab:gray",
        lw=1,
        ms=4,
        label="floor: the contract entities alone",
    )
    ax2.plot(
        cams,
        [c * GOALS["memory_kib_per_camera"] / 1024 for c in cams],
        ":",
        color="tab:orange",
        lw=1,
    )
    ax2.legend(loc="upper left", fontsize=7)
    ax2.set_yscale("log")
    ax2.set_ylabel("memory, MiB (goal 20 KiB/camera: dotted)", color="tab:orange")
    ax1.set_title("Scale")

    # Where the floor is a ratio too, it is marked on the bar.
    floor_of = {
        "relevant change, worst_case: CD / threshold": results["relevant"][
            "worst_case"
        ]["entity_writes_vs_threshold"],
        "relevant change, worst_case: CD / templates": results["relevant"][
            "worst_case"
        ].get("entity_writes_vs_templates"),
        f"start-up with {results['startup']['cameras']} cameras: with / without": (
            results["startup"]["floor_ratio"]
        ),
    }
    if real := results.get("real_startup"):
        floor_of[real_startup_label(real)] = real["floor_ratio"]
    labels, values, goals, marks = [], [], [], []
    for label, unit, value, goal in checks(results):
        if unit != "x":
            continue
        labels.append(label.replace("relevant change, ", "").replace(": ", "\n"))
        values.append(value / goal)
        goals.append(goal)
        marks.append(floor_of.get(label))
    colors = ["tab:green" if v <= 1 else "tab:red" for v in values]
    y = range(len(values))
    ax3.barh(list(y), values, color=colors)
    ax3.axvline(1.0, color="black", lw=1)
    ax3.set_yticks(list(y), labels, fontsize=7)
    ax3.invert_yaxis()
    ax3.set_xscale("log")
    ax3.set_xlim(min(*values, 0.5) / 1.5, max(values) * 6)
    for i, (v, g) in enumerate(zip(values, goals, strict=True)):
        ax3.text(v, i, f" {v * g:.2f}x (goal {g:g}x)", va="center", fontsize=7)
    for i, (mark, g) in enumerate(zip(marks, goals, strict=True)):
        if mark is not None:
            ax3.plot([mark / g], [i], "k|", ms=14, mew=2)
    ax3.set_xlabel("measured / goal (≤ 1 meets the goal; |: the floor)")
    ax3.set_title("Ratios against their goals")
    m = results["machine"]
    fig.suptitle(
        f"Camera Doctor benchmark - {m['cpus']} x {m['cpu']}, Python {m['python']}, "
        f"Home Assistant {m['home_assistant']}",
        fontsize=9,
    )
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
