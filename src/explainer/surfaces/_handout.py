"""The handout as a PDF file: the exported page's handout, printed by headless Chromium.

The page draws the handout itself (``#…&handout``: every event as a small map, the
members with their dates, the sources); Chromium, started with no network, prints it.
WeasyPrint would not run the page's script, and the maps are drawn by it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

# Chromium here must reach nothing: no background services, no name but this machine's.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--no-pdf-header-footer",
    "--run-all-compositor-stages-before-draw", "--virtual-time-budget=60000",
]  # fmt: skip
SECONDS = 180


class HandoutError(RuntimeError):
    """The handout could not be printed (no Chromium, or it failed): one line to say why."""


def find_chromium() -> str:
    """Chromium from ``$EXPLAINER_CHROMIUM`` or the PATH.

    Raises
    ------
    HandoutError
        If there is none.

    """
    for candidate in (
        os.environ.get("EXPLAINER_CHROMIUM"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        shutil.which("google-chrome"),
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    raise HandoutError(
        "the handout is printed by Chromium, and none was found: install it (Debian: "
        "apt-get install chromium) or set EXPLAINER_CHROMIUM"
    )


def print_handout(page: Path, event: str, pdf: Path, paper: str = "a4") -> Path:
    """Print the handout of the exported ``page`` (opened at ``event``) to ``pdf``.

    ``paper`` ("a4" or "letter") is the sheet it is laid out for; Chromium's own
    default would be US Letter.

    Raises
    ------
    HandoutError
        If Chromium is missing or does not write the file.

    """
    chromium = find_chromium()
    with tempfile.TemporaryDirectory(prefix="explainer-chromium-") as profile:
        command = [
            chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}",
            f"{page.resolve().as_uri()}#{event}&handout&paper={paper}",
        ]  # fmt: skip
        try:
            subprocess.run(command, capture_output=True, timeout=SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise HandoutError(f"Chromium could not print the handout: {error}") from None
    if not pdf.is_file() or pdf.stat().st_size == 0:
        raise HandoutError(f"Chromium did not write {pdf.name}")
    return pdf
