"""Serve the explainer locally."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def serve(port: int = 8866, lang: str = "en", open_browser: bool = True) -> int:
    """Serve the notebooks on ``http://127.0.0.1:{port}/``; blocks until stopped.

    Until the Voilà dashboard lands, this opens JupyterLab on ``notebooks/``.
    """
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.port={port}",
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={NOTEBOOKS}",
        "--allow-root",
    ]
    if not open_browser:
        command.append("--no-browser")
    return subprocess.call(command)
