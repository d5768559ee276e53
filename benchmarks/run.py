"""Measure the linked view's data (its island) against its budgets, in one run.

- size: the view's JSON (the map's shapes, one moment per event, the CSV) against the
  300 KiB budget, for this story; the second story's is reported beside it, as bytes
  per event and country;
- time: computing every moment against loading the data they come from (median of 5).

Run with `make bench`; writes the "View data" section of benchmarks/RESULTS.md. Nothing
here is asserted by the tests.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import explainer
from explainer.views._geometry import projected_shapes
from explainer.views._moments import view_spec

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
    """The story's title, its view's JSON bytes, events, countries, compute/load."""
    data = explainer.load_dataset(project=project)
    projected_shapes(data)  # warm the projection cache, as a long-lived kernel would
    lang = data.languages[0]
    size = len(json.dumps(view_spec(data, lang), ensure_ascii=False).encode())
    load = median_seconds(lambda: explainer.load_dataset(project=project))
    compute = median_seconds(lambda: view_spec(data, lang))
    title = data.manifest.title.get(lang)
    return title, size, len(data.events), len(data.countries), compute / load


rows = []
for project in [ROOT, *sorted(p.parent for p in ROOT.glob("examples/*/story.yml"))]:
    title, size, events, countries, ratio = measure(project)
    budget = f"{size / BUDGET_BYTES:.2f}" if project == ROOT else "(no budget)"
    rows.append(
        f"| {title} | {size / 1024:.0f} KiB | {budget} | {events} x {countries} | "
        f"{size / (events * countries):.0f} B | {ratio:.2f} |"
    )
    print(rows[-1])

write_section(
    "View data",
    f"Measured {dt.date.today().isoformat()} by `benchmarks/run.py`: the linked view's data "
    "(`view_spec`, the island a notebook stores and a page paints from), in the story's "
    "first language.\n\n"
    "| story | JSON | ratio to 300 KiB budget | events x countries | bytes per event "
    "and country | compute moments / load data (median of 5) |\n|---|---|---|---|---|---|\n"
    + "\n".join(rows),
)
