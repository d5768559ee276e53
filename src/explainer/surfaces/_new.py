"""``explainer new DIR``: write the smallest valid story, to start a new one from."""

from __future__ import annotations

import shutil
from pathlib import Path

from ._publish import make_readable

TEMPLATE = Path(__file__).resolve().parents[1] / "data" / "new_story"


class NewStoryError(Exception):
    """The folder cannot take a new story (it is not empty, or cannot be written)."""


def new_story(folder: str | Path) -> Path:
    """Write a new story into ``folder`` (created; must be new or empty); return its path.

    The story is small and real, one language, five countries, two events and one
    quote, with a comment or a README line saying what each file is for. ``validate``,
    ``serve`` and ``export`` accept it as it is.

    Raises
    ------
    NewStoryError
        If ``folder`` exists and holds anything, or cannot be written.

    """
    target = Path(folder).resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise NewStoryError(f"{target}: not empty; choose a new or empty folder")
    try:
        leave_out = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints")
        shutil.copytree(TEMPLATE, target, dirs_exist_ok=True, ignore=leave_out)
        make_readable(target)
    except OSError as error:
        raise NewStoryError(f"{target}: cannot write the story ({error.strerror})") from None
    return target
