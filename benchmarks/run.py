"""Run every benchmark, print the table, write JSON and the plot.

``scripts/bench`` is the full run (about 4 min on 2 cores); ``--quick``
takes fewer repetitions (about 1 min 40 s); ``--profile`` also prints the
cProfile hot spots of Camera Doctor's share of a relevant change.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
from datetime import UTC, datetime
import io
import json
import os
from pathlib import Path
import platform
import pstats
import sys
import time
from typing import Any

from . import (
    bench_realstart,
    bench_relevant,
    bench_scale,
    bench_startup,
    bench_unrelated,
)
from .harness import REPO, home_assistant, quiet_logging
from .report import GOALS, plot, table

RESULTS = REPO / "benchmarks" / "results"
DOCS = REPO / "docs"


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    from homeassistant.const import __version__ as ha_version

    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "home_assistant": ha_version,
        "platform": platform.platform(),
    }


async def main(args: argparse.Namespace) -> dict[str, Any]:
    """Every benchmark, in one process."""
    quick = args.quick
    results: dict[str, Any] = {"machine": machine(), "quick": quick}
    started = time.perf_counter()

    print("1/5 relevant state changes ...", file=sys.stderr)
    async with home_assistant() as hass:
        bench = bench_relevant.RelevantBench(hass, cameras=args.cameras)
        await bench.async_setup()
        relevant: dict[str, Any] = {"cameras_watched": args.cameras}
        for kind in bench_relevant.STREAMS:
            relevant[kind] = await bench.async_measure(
                kind, rounds=8 if quick else 40, block=100 if quick else 200
            )
            relevant[kind]["writes"] = await bench.async_count_writes(kind, 300)
        if args.profile:
            relevant["profile"] = await _profile_relevant(bench)
        results["relevant"] = relevant

    print("2/5 unrelated state changes ...", file=sys.stderr)
    unrelated = {}
    for tracker in (True, False):
        async with home_assistant() as hass:
            unrelated[
                "with_tracker" if tracker else "bare"
            ] = await bench_unrelated.run(
                hass,
                cameras=args.cameras,
                writes=10_000,
                rounds=6 if quick else 30,
                other_tracker=tracker,
            )
    results["unrelated"] = unrelated

    print("3/5 scale ...", file=sys.stderr)
    results["scale"] = await bench_scale.run(
        [1, 10, 100, 500, 1000], repeats=1 if quick else 5
    )

    print("4/5 start-up ...", file=sys.stderr)
    results["startup"] = await bench_startup.run(500, repeats=2 if quick else 8)

    print("5/5 real start-up (whole Home Assistant processes) ...", file=sys.stderr)
    results["real_startup"] = await asyncio.to_thread(
        bench_realstart.run, 500, 2 if quick else 8
    )
    results["seconds"] = time.perf_counter() - started
    return results


async def _profile_relevant(bench: bench_relevant.RelevantBench) -> dict[str, str]:
    """The cProfile of Camera Doctor's share of both streams (top by own time)."""
    out = {}
    for kind in bench_relevant.STREAMS:
        writes = bench_relevant.stream(kind, seed=7)
        profiler = cProfile.Profile()
        profiler.enable()
        await bench.async_block("camera_doctor", writes, 2000)
        profiler.disable()
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(15)
        out[kind] = text.getvalue()
        print(f"--- cProfile, Camera Doctor, {kind} stream ---\n{text.getvalue()}")
    return out


def cli() -> None:
    """``scripts/bench``."""
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument(
        "--profile", action="store_true", help="print cProfile hot spots"
    )
    parser.add_argument(
        "--cameras", type=int, default=100, help="cameras Camera Doctor watches (100)"
    )
    parser.add_argument(
        "--no-docs", action="store_true", help="do not update docs/benchmark.*"
    )
    args = parser.parse_args()
    quiet_logging()
    results = asyncio.run(main(args))
    results["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
    results["goals"] = GOALS
    print(table(results))
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = RESULTS / f"bench-{stamp}.json"
    path.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nresults: {path.relative_to(REPO)}")
    if not args.no_docs:
        summary = {k: v for k, v in results.items() if k != "relevant"}
        summary["relevant"] = {
            k: v for k, v in results["relevant"].items() if k != "profile"
        }
        (DOCS / "benchmark.json").write_text(json.dumps(summary, indent=2) + "\n")
        plot(results, DOCS / "benchmark.png")
        print("summary: docs/benchmark.json, plot: docs/benchmark.png")


if __name__ == "__main__":
    cli()
