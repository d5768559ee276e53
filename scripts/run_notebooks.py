"""Execute the story notebooks in place so their stored outputs are current.

Run with `make notebooks` after changing data/ or the package: this story's notebooks
and those of every story in examples/. Each notebook is run top to bottom in a fresh
kernel from its own folder (so `load_dataset()` finds its story's `story.yml` upward);
the live widgets' saved state is dropped (the plotly widget alone would add 5 MB per
notebook), so a reader without a kernel sees the static map and tables, and the
dashboard once the notebook runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
STORIES = [ROOT, *sorted(p.parent for p in ROOT.glob("examples/*/story.yml"))]
# 2 MiB per notebook: the stored plain map carries one slider step per date (36 dates in
# the Lanzarote example make 1.6 MiB); widget state, far bigger, is never stored.
BUDGET_BYTES = 2 * 1024 * 1024

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
    ).execute()
    notebook.metadata.pop("widgets", None)
    nbformat.write(notebook, path)
    size = path.stat().st_size
    print(f"{path.name}: {size / 1024:.0f} KiB")
    if size > BUDGET_BYTES:
        raise SystemExit(f"{path.name} is over its 2 MiB budget")
