"""Measure the plain map (``explainer.membership_map``) against its budgets, in one run.

- size: the figure's JSON (every slider step) against the 300 KB budget, for this story;
  the second story's figure is reported beside it (no budget: it has six times as many
  dates), as bytes per slider step and country;
- time: building the map against loading the data it is built from (median of 5).

Run with `make bench`; writes the "Map" section of benchmarks/RESULTS.md. Nothing here
is asserted by the tests.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import explainer
from explainer._geometry import projected_shapes

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.results import write_section  # noqa: E402

BUDGET_BYTES = 300 * 1024


def median_seconds(task: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(project: Path) -> tuple[str, int, int, int, float]:
    """The story's title, its map's JSON bytes, slider steps, countries, build/load."""
    data = explainer.load_dataset(project=project)
    projected_shapes(data)  # warm the projection cache, as a long-lived server would
    fig = explainer.membership_map(data)
    size = len(fig.to_json().encode())
    steps = len(fig.layout.sliders[0].steps)
    load = median_seconds(lambda: explainer.load_dataset(project=project))
    build = median_seconds(lambda: explainer.membership_map(data))
    return (
        data.manifest.title.get(data.languages[0]),
        size,
        steps,
        len(data.countries),
        build / load,
    )


rows = []
for project in [ROOT, *sorted(p.parent for p in ROOT.glob("examples/*/story.yml"))]:
    title, size, steps, countries, ratio = measure(project)
    budget = f"{size / BUDGET_BYTES:.2f}" if project == ROOT else "(no budget)"
    rows.append(
        f"| {title} | {size / 1024:.0f} KiB | {budget} | {steps} x {countries} | "
        f"{size / (steps * countries):.0f} B | {ratio:.2f} |"
    )
    print(rows[-1])

write_section(
    "Map",
    f"Measured {dt.date.today().isoformat()} by `benchmarks/run.py`: the plain map "
    "(`explainer.membership_map`, the figure stored in the notebooks), English.\n\n"
    "| story | JSON | ratio to 300 KiB budget | slider steps x countries | bytes per step "
    "and country | build map / load data (median of 5) |\n|---|---|---|---|---|---|\n"
    + "\n".join(rows),
)
