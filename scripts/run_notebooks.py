"""Execute the story notebooks in place so their stored outputs are current.

Run with `make notebooks` after changing data/ or the package: this story's notebooks
and those of every story in examples/. Each notebook is run top to bottom in a fresh
kernel from its own folder (so `load_dataset()` finds its story's `story.yml` upward).

The stored outputs are what a reader without a kernel sees: the views are islands that
JupyterLab draws with the package's renderer, Voilà and the exported pages with the
same front end. They must be the same on every run, so that opening and running a
notebook leaves it unchanged on disk: no timings are recorded, no widget state is kept
(the views' widgets have ids counted from the start of the kernel).
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
STORIES = [ROOT, *sorted(p.parent for p in ROOT.glob("examples/*/story.yml"))]
# 1 MiB per notebook: a linked view stores its moments once (about 250 KiB for 13 events
# and 55 countries); widget state, which would repeat them, is never stored.
BUDGET_BYTES = 1024 * 1024

paths = [Path(p).resolve() for p in sys.argv[1:]] or [
    path for story in STORIES for path in sorted((story / "notebooks").glob("*.ipynb"))
]
for path in paths:
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
    ).execute()
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    notebook.metadata.pop("widgets", None)
    nbformat.write(notebook, path)
    size = path.stat().st_size
    print(f"{path.name}: {size / 1024:.0f} KiB")
    if size > BUDGET_BYTES:
        raise SystemExit(f"{path.name} is over its 1 MiB budget")
