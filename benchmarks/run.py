"""Run every benchmark, print the table, write JSON and the plot.

``scripts/bench`` is the full run (about 4 min on 2 cores); ``--quick``
takes fewer repetitions (about 1 min 40 s); ``--profile`` also prints the
cProfile hot spots of Camera Doctor's share of a relevant change.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Callable, Sequence
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
    bench_engine,
    bench_realstart,
    bench_relevant,
    bench_scale,
    bench_startup,
    bench_unrelated,
)
from .harness import REPO, home_assistant, quiet_logging
from .plot import plot
from .report import GOALS, OWN_GOALS, table

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


async def _relevant(args: argparse.Namespace) -> dict[str, Any]:
    async with home_assistant() as hass:
        bench = bench_relevant.RelevantBench(hass, cameras=args.cameras)
        await bench.async_setup()
        relevant: dict[str, Any] = {"cameras_watched": args.cameras}
        for kind in bench_relevant.STREAMS:
            relevant[kind] = await bench.async_measure(
                kind, rounds=8 if args.quick else 40, block=100 if args.quick else 200
            )
            relevant[kind]["writes"] = await bench.async_count_writes(kind, 300)
            relevant[kind]["engine_us"] = bench_engine.per_write_us(
                kind, writes=1000 if args.quick else 3000
            )
        if args.profile:
            relevant["profile"] = await _profile_relevant(bench)
        return relevant


async def _unrelated(args: argparse.Namespace) -> dict[str, Any]:
    unrelated = {}
    for tracker in (True, False):
        async with home_assistant() as hass:
            unrelated[
                "with_tracker" if tracker else "bare"
            ] = await bench_unrelated.run(
                hass,
                cameras=args.cameras,
                writes=10_000,
                rounds=6 if args.quick else 30,
                other_tracker=tracker,
            )
    return unrelated


async def _scale(args: argparse.Namespace) -> dict[str, Any]:
    return await bench_scale.run(
        [1, 10, 100, 500, 1000], repeats=1 if args.quick else 5
    )


async def _startup(args: argparse.Namespace) -> dict[str, Any]:
    return await bench_startup.run(500, repeats=2 if args.quick else 8)


async def _real_startup(args: argparse.Namespace) -> dict[str, Any]:
    return await asyncio.to_thread(bench_realstart.run, 500, 2 if args.quick else 8)


# (results key, what it measures, the part): run in this order, each on its own.
type Part = tuple[str, str, Callable[[argparse.Namespace], Awaitable[dict[str, Any]]]]
PARTS: tuple[Part, ...] = (
    ("relevant", "relevant state changes", _relevant),
    ("unrelated", "unrelated state changes", _unrelated),
    ("scale", "scale", _scale),
    ("startup", "start-up", _startup),
    ("real_startup", "real start-up (whole Home Assistant processes)", _real_startup),
)


async def run_parts(
    parts: Sequence[Part], args: argparse.Namespace, results: dict[str, Any]
) -> None:
    """Run every part into ``results``, keeping those that finish.

    A part that fails is recorded under ``results["failed"]`` (its error,
    Home Assistant's own account included where it gave one) and the next
    part runs. ``results`` is the caller's: what finished before an
    interruption (Ctrl-C) is there too.
    """
    started = time.perf_counter()
    for number, (key, title, part) in enumerate(parts, 1):
        print(f"{number}/{len(parts)} {title} ...", file=sys.stderr)
        try:
            results[key] = await part(args)
        except Exception as err:  # noqa: BLE001 - keep the other parts' figures
            print(f"{number}/{len(parts)} {title} FAILED: {err}", file=sys.stderr)
            results.setdefault("failed", {})[key] = f"{type(err).__name__}: {err}"
        results["seconds"] = time.perf_counter() - started


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
    results: dict[str, Any] = {"machine": machine(), "quick": args.quick}
    try:
        asyncio.run(run_parts(PARTS, args, results))
    except KeyboardInterrupt:
        results.setdefault("failed", {})["interrupted"] = "KeyboardInterrupt"
        print("interrupted: keeping what finished", file=sys.stderr)
    results["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
    results["goals"] = GOALS
    results["own_goals"] = OWN_GOALS
    failed = results.get("failed", {})
    complete = not failed and all(key in results for key, _, _ in PARTS)
    print(table(results))
    path = save(results, RESULTS)
    print(f"\nresults: {path.relative_to(REPO)}")
    if not complete:
        print(
            f"incomplete: {', '.join(failed) or 'parts missing'} "
            "(docs/benchmark.* left as they were)",
            file=sys.stderr,
        )
        sys.exit(1)
    if not args.no_docs:
        summary = {k: v for k, v in results.items() if k != "relevant"}
        summary["relevant"] = {
            k: v for k, v in results["relevant"].items() if k != "profile"
        }
        (DOCS / "benchmark.json").write_text(json.dumps(summary, indent=2) + "\n")
        plot(results, DOCS / "benchmark.png")
        print("summary: docs/benchmark.json, plot: docs/benchmark.png")


def save(results: dict[str, Any], folder: Path) -> Path:
    """Write ``results`` as JSON to a new time-stamped file in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"bench-{stamp}.json"
    path.write_text(json.dumps(results, indent=2) + "\n")
    return path


if __name__ == "__main__":
    cli()
