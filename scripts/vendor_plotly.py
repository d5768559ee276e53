"""Vendor plotly.js's basic bundle (scatter traces and the core) for the linked view.

The linked view draws only scatter traces, so it loads plotly.js's basic bundle, a
quarter of the full one that plotly.py ships: each viewer parses 1.2 MB of script
instead of 4.7 MB. The version is the one the installed plotly.py bundles, so that
figures behave the same in both. Run with `make vendor` (needs npm and the registry);
the result is committed, because viewers may be offline.
"""

from __future__ import annotations

import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from plotly.offline import get_plotlyjs_version

VENDOR = Path(__file__).resolve().parents[1] / "src" / "explainer" / "static" / "vendor"
PACKAGE = f"plotly.js-basic-dist-min@{get_plotlyjs_version()}"

with tempfile.TemporaryDirectory() as tmp:
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True)
    with tarfile.open(next(Path(tmp).glob("plotly.js-basic-dist-min-*.tgz"))) as tar:
        tar.extractall(tmp, filter="data")
    VENDOR.mkdir(parents=True, exist_ok=True)
    shutil.copy(Path(tmp) / "package" / "plotly-basic.min.js", VENDOR / "plotly-basic.min.js")
    shutil.copy(Path(tmp) / "package" / "LICENSE", VENDOR / "plotly-LICENSE.txt")
print(f"vendored {PACKAGE} into {VENDOR}")
