"""The results table (text) and the plot (matplotlib)."""

from __future__ import annotations

from typing import Any

GOALS: dict[str, float] = {
    "relevant_vs_threshold": 1.0,
    "relevant_vs_templates": 0.25,
    "unrelated_ratio": 1.02,
    "setup_1000_s": 2.0,
    "memory_kib_per_camera": 20.0,
    "linear_growth": 1.5,
    "startup_ratio": 1.05,
}
# Issue 16's goals: Camera Doctor's own share above the floor of its entities
# (what Home Assistant itself spends on them, measured the same way).
OWN_GOALS: dict[str, float] = {
    "worst_case_vs_threshold": 2.0,  # x a threshold helper's added cost
    "memory_kib_per_camera": 3.0,  # KiB per camera
    "real_startup": 0.02,  # a whole start, 500 Blink cameras: 2 % of the floor's
}


def real_startup_label(real: dict[str, Any]) -> str:
    """The label of the whole-process start-up figure."""
    return f"real start-up, {real['cameras']} Blink cameras: with / without"


def _ok(value: float, goal: float) -> str:
    return "met" if value <= goal else "MISSED"


def floors(
    results: dict[str, Any],
) -> list[tuple[str, str, float, float, float | None]]:
    """``(label, unit, Camera Doctor, floor, goal of the own share)``.

    The floor is what Home Assistant itself spends on the entities the
    contract asks for per camera: writing them (worst-case changes), holding
    them (memory) and adding them at start-up. The goal is for Camera
    Doctor's own share, what it costs above that floor (``OWN_GOALS``).
    """
    rows: list[tuple[str, str, float, float, float | None]] = []
    if relevant := results.get("relevant"):
        rel = relevant["worst_case"]
        rows.append(
            (
                "worst-case change / threshold helper",
                "x",
                rel["ratio_vs_threshold"],
                rel["entity_writes_vs_threshold"],
                OWN_GOALS["worst_case_vs_threshold"],
            )
        )
        if "engine_us" in rel:  # a part of the own share, with no goal of its own
            rows.append(
                (
                    "of it, the pure engine alone / threshold helper",
                    "x",
                    rel["engine_us"] / rel["added_us"]["threshold"],
                    0.0,
                    None,
                )
            )
    if scale_rows := results.get("scale", {}).get("rows"):
        scale = scale_rows[-1]
        rows.append(
            (
                "memory per camera (slope)",
                "KiB",
                scale["memory_kib_per_added_camera"],
                scale["floor_memory_kib_per_added_camera"],
                OWN_GOALS["memory_kib_per_camera"],
            )
        )
        if "history_kib_per_camera" in scale:
            rows.append(
                (
                    "the same, every camera with a full battery history",
                    "KiB",
                    scale["memory_kib_per_added_camera"]
                    + scale["history_kib_per_camera"],
                    scale["floor_memory_kib_per_added_camera"],
                    OWN_GOALS["memory_kib_per_camera"],
                )
            )
    if start := results.get("startup"):
        rows.append(
            (
                f"start-up with {start['cameras']} cameras / without",
                "x",
                start["ratio"],
                start["floor_ratio"],
                None,
            )
        )
    if real := results.get("real_startup"):
        rows.append(
            (
                real_startup_label(real),
                "x",
                real["ratio"],
                real["floor_ratio"],
                OWN_GOALS["real_startup"],
            )
        )
        if "own_parts_share" in real:
            rows.append(
                (
                    "of a start, its own parts (set-up, work after started)",
                    "x",
                    1 + real["with_parts_share"],
                    1 + real["floor_parts_share"],
                    OWN_GOALS["real_startup"],
                )
            )
    return rows


def checks(results: dict[str, Any]) -> list[tuple[str, str, float, float]]:
    """``(label, unit, measured, goal)`` of every goal measured."""
    rel = results.get("relevant", {})
    rows = []
    for kind in ("realistic", "worst_case") if rel else ():
        rows += [
            (
                f"relevant change, {kind}: CD / threshold",
                "x",
                rel[kind]["ratio_vs_threshold"],
                GOALS["relevant_vs_threshold"],
            ),
            (
                f"relevant change, {kind}: CD / templates",
                "x",
                rel[kind]["ratio_vs_templates"],
                GOALS["relevant_vs_templates"],
            ),
        ]
    if unrelated := results.get("unrelated"):
        rows.append(
            (
                "unrelated writes: with / without CD",
                "x",
                unrelated["with_tracker"]["ratio"],
                GOALS["unrelated_ratio"],
            )
        )
    if scale := results.get("scale"):
        rows += _scale_checks(scale)
    if start := results.get("startup"):
        rows.append(
            (
                f"start-up with {start['cameras']} cameras: with / without",
                "x",
                start["ratio"],
                GOALS["startup_ratio"],
            )
        )
    if real := results.get("real_startup"):
        rows.append(
            (real_startup_label(real), "x", real["ratio"], GOALS["startup_ratio"])
        )
    return rows


def _scale_checks(scale: dict[str, Any]) -> list[tuple[str, str, float, float]]:
    biggest = scale["rows"][-1]
    rows = [
        (
            f"setup of {biggest['cameras']} cameras",
            "s",
            biggest["setup_s"],
            GOALS["setup_1000_s"],
        ),
        (
            "memory per camera (slope)",
            "KiB",
            biggest.get(
                "memory_kib_per_added_camera", biggest["memory_kib_per_camera"]
            ),
            GOALS["memory_kib_per_camera"],
        ),
    ]
    if "history_kib_per_camera" in biggest:
        rows.append(
            (
                "memory per camera, plus a full battery history",
                "KiB",
                biggest.get(
                    "memory_kib_per_added_camera", biggest["memory_kib_per_camera"]
                )
                + biggest["history_kib_per_camera"],
                GOALS["memory_kib_per_camera"],
            )
        )
    if "time_growth_per_camera" in scale:
        rows.append(
            (
                "setup time per camera, 1000 vs 100",
                "x",
                scale["time_growth_per_camera"],
                GOALS["linear_growth"],
            )
        )
        rows.append(
            (
                "memory per camera, 1000 vs 100",
                "x",
                scale["memory_growth_per_camera"],
                GOALS["linear_growth"],
            )
        )
    return rows


def _section(title: str, header: str, rule: str) -> list[str]:
    """A section's title and the head of its table."""
    return [f"### {title}", "", header, rule]


def _relevant_section(relevant: dict[str, Any]) -> list[str]:
    lines = _section(
        f"1. Relevant state change (Camera Doctor watching {relevant['cameras_watched']} cameras)",
        "| stream | bare write µs | added: Camera Doctor µs | of which HA writing its entities µs | the pure engine alone µs | added: threshold µs | added: 8 templates µs | CD / threshold | CD / templates |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    )
    for kind in ("realistic", "worst_case"):
        r = relevant[kind]
        a = r["added_us"]
        engine = f"{r['engine_us']:.1f}" if "engine_us" in r else "—"
        lines.append(
            f"| {kind} | {r['per_write_us']['bare']:.1f} | {a['camera_doctor']:.1f} | "
            f"{r['entity_writes_us']:.1f} | {engine} | "
            f"{a['threshold']:.1f} | {a['templates']:.1f} | "
            f"{r['ratio_vs_threshold']:.2f} | {r['ratio_vs_templates']:.2f} |"
        )
    lines += [
        "",
        "Entity writes per 300 source writes (changed / written unchanged):",
        "",
        "| stream | Camera Doctor (4 entities) | diagnosis changed | threshold (3) | templates (8) |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind in ("realistic", "worst_case"):
        w = relevant[kind]["writes"]

        def pair(counts: dict[str, int]) -> str:
            return f"{counts.get('changed', 0)} / {counts.get('unchanged', 0)}"

        lines.append(
            f"| {kind} | {pair(w['camera_doctor'])} | "
            f"{w['camera_doctor'].get('diagnosis_changes', 0)} | "
            f"{pair(w['threshold'])} | {pair(w['templates'])} |"
        )
    return lines


def _unrelated_section(unrelated: dict[str, Any]) -> list[str]:
    lines = _section(
        "2. Unrelated state changes (10,000 writes)",
        "| Home Assistant | without CD ms | with CD ms | ratio |",
        "|---|---:|---:|---:|",
    )
    for key, label in (
        ("with_tracker", "with one other state tracker (any real install)"),
        ("bare", "bare (nothing tracks states)"),
    ):
        u = unrelated[key]
        lines.append(
            f"| {label} | {u['without_s'] * 1e3:.1f} | {u['with_s'] * 1e3:.1f} | {u['ratio']:.3f} |"
        )
    return lines


def _scale_section(scale: dict[str, Any]) -> list[str]:
    lines = _section(
        "3. Scale (camera + 5 sources each)",
        "| cameras | setup s | floor: setup s | ms / camera | memory KiB | KiB / camera | KiB / added camera | floor: KiB / added camera |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    )
    for row in scale["rows"]:
        added = row.get("memory_kib_per_added_camera")
        floor = row.get("floor_memory_kib_per_added_camera")
        lines.append(
            f"| {row['cameras']} | {row['setup_s']:.3f} | {row['floor_setup_s']:.3f} | "
            f"{row['setup_ms_per_camera']:.2f} | "
            f"{row['memory_kib']:.0f} | {row['memory_kib_per_camera']:.1f} | "
            f"{'' if added is None else f'{added:.1f}'} | "
            f"{'' if floor is None else f'{floor:.1f}'} |"
        )
    return lines


def _startup_section(s: dict[str, Any]) -> list[str]:
    return [
        *_section(
            f"4. Start-up with {s['cameras']} cameras",
            "| without CD s | floor: the entities alone s | with CD s | floor / without | with / without |",
            "|---:|---:|---:|---:|---:|",
        ),
        (
            f"| {s['without_s']:.3f} | {s['floor_s']:.3f} | {s['with_s']:.3f} | "
            f"{s['floor_ratio']:.2f} | {s['ratio']:.2f} |"
        ),
    ]


def _real_startup_section(real: dict[str, Any]) -> list[str]:
    lines = _section(
        f"5. Real start-up: a whole `hass` process, {real['cameras']} Blink cameras",
        "| | without CD s | floor: the entities alone s | with CD s | floor / without | with / without |",
        "|---|---:|---:|---:|---:|---:|",
    )
    for key, label in (("started", "until started"), ("idle", "until idle")):
        without, floor = real[f"without_{key}_s"], real[f"floor_{key}_s"]
        with_cd = real[f"with_{key}_s"]
        lines.append(
            f"| {label} | {without:.2f} | {floor:.2f} | {with_cd:.2f} | "
            f"{floor / without:.3f} | {with_cd / without:.3f} |"
        )
    lines.append(
        "| its set-up, as Home Assistant times it | | "
        f"{real['floor_setup_s']:.3f} | {real['with_setup_s']:.3f} | | |"
    )
    if "own_parts_share" in real:
        lines.append(
            "| its set-up and its work after started, as a share of the same start | | "
            f"{real['floor_parts_share']:.1%} | {real['with_parts_share']:.1%} | | |"
        )
    return lines


SECTIONS = {
    "relevant": _relevant_section,
    "unrelated": _unrelated_section,
    "scale": _scale_section,
    "startup": _startup_section,
    "real_startup": _real_startup_section,
}


def table(results: dict[str, Any]) -> str:
    """Markdown tables: the details of each part that finished, then every goal."""
    m = results["machine"]
    lines = [
        f"Machine: {m['cpus']} CPUs, {m['cpu']}, Python {m['python']}, "
        f"Home Assistant {m['home_assistant']}"
        + (" (quick run)" if results.get("quick") else ""),
    ]
    for key, section in SECTIONS.items():
        if part := results.get(key):
            lines += ["", *section(part)]
    lines += [
        "",
        *_section(
            "The floor: Home Assistant's own cost of the contract entities",
            "| measure | Camera Doctor | floor | Camera Doctor's own share | "
            "goal for the own share | |",
            "|---|---:|---:|---:|---:|---|",
        ),
    ]
    for label, unit, value, floor_value, goal in floors(results):
        own = value - floor_value
        target = "—" if goal is None else f"≤ {goal:g} {unit}"
        verdict = "" if goal is None else _ok(own, goal)
        lines.append(
            f"| {label} | {value:.2f} {unit} | {floor_value:.2f} {unit} | "
            f"{own:+.2f} {unit} | {target} | {verdict} |"
        )
    lines += [
        "",
        *_section("Goals", "| goal | measured | target | |", "|---|---:|---:|---|"),
    ]
    for label, unit, value, goal in checks(results):
        lines.append(
            f"| {label} | {value:.2f} {unit} | ≤ {goal:g} {unit} | {_ok(value, goal)} |"
        )
    if failed := results.get("failed"):
        lines += ["", "### Not measured", ""]
        lines += [f"- {key}: {error}" for key, error in failed.items()]
    return "\n".join(lines)
