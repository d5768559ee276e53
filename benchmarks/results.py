"""Write one section of benchmarks/RESULTS.md, keeping the others."""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def machine(browser_version: str) -> str:
    """The machine and browser a figure was measured on, and the date."""
    cpu = platform.processor() or platform.machine()
    return (
        f"Measured {dt.date.today().isoformat()} on {platform.system()} {platform.machine()} "
        f"({os.cpu_count()} cores, {cpu}), Python {platform.python_version()}, "
        f"headless Chromium {browser_version}."
    )


def write_section(title: str, body: str) -> None:
    """Replace (or add) the section ``## title`` of RESULTS.md."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    section = f"## {title}\n\n{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        # A function, so that backslashes in the body (regular expressions) stay as written.
        text = pattern.sub(lambda _: section + "\n", text, count=1)
    else:
        text = text.rstrip() + "\n\n" + section
    RESULTS.write_text(text.rstrip() + "\n", encoding="utf-8")
