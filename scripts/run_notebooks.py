"""Execute the story notebooks in place so their stored outputs are current.

Run with `make notebooks` after changing data/ or the package. Each notebook is run top
to bottom in a fresh kernel from the project root; the live widgets' saved state is
dropped (the plotly widget alone would add 5 MB per notebook), so a reader without a
kernel sees the static map and tables, and the dashboard once the notebook runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
BUDGET_BYTES = 1_572_864  # 1.5 MiB per notebook

paths = [Path(p) for p in sys.argv[1:]] or sorted(NOTEBOOKS.glob("*.ipynb"))
for path in paths:
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    ).execute()
    notebook.metadata.pop("widgets", None)
    nbformat.write(notebook, path)
    size = path.stat().st_size
    print(f"{path.name}: {size / 1024:.0f} KiB")
    if size > BUDGET_BYTES:
        raise SystemExit(f"{path.name} is over its 1.5 MiB budget")
