"""Measure the map against its budgets, as ratios taken in one run.

- size: the figure's JSON (all frames) against the 300 KB budget, and against a naive
  figure whose every frame restates every listed country;
- time: building the map against loading the data it is built from (median of 5).

Run with `make bench`. Nothing here is asserted by the tests.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import plotly.graph_objects as go

import explainer
from explainer._geometry import projected_shapes

BUDGET_BYTES = 300 * 1024


def median_seconds(task: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def naive_size(fig: go.Figure) -> int:
    """Bytes if each frame restated every country trace (what frames need at most)."""
    countries = list(fig.layout.meta["countries"].values())
    naive = go.Figure(fig)
    frames = []
    for frame in fig.frames:
        frames.append(
            go.Frame(
                name=frame.name,
                data=[go.Scatter(fig.data[i]) for i in countries],
                traces=countries,
            )
        )
    naive.frames = frames
    return len(naive.to_json().encode())


data = explainer.load_dataset()
projected_shapes(data)  # warm the projection cache, as a long-lived server would
fig = explainer.membership_map(data)
size = len(fig.to_json().encode())
load = median_seconds(explainer.load_dataset)
build = median_seconds(lambda: explainer.membership_map(data))

print(f"map JSON: {size / 1024:.0f} KiB = {size / BUDGET_BYTES:.2f} x budget (300 KiB)")
print(f"map JSON vs naive frames: {size / naive_size(fig):.2f}")
print(f"build map / load data: {build / load:.2f} (median of 5)")
