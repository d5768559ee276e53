from __future__ import annotations

import dataclasses
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import explainer

ROOT = Path(__file__).resolve().parents[1]  # this story's project folder
DATA = ROOT / "data"
TINY = Path(__file__).resolve().parent / "data" / "tiny"  # the engine's test story
# A German-only story: a language the engine ships no strings for (locale/de.po).
NEU = Path(__file__).resolve().parent / "data" / "neu"


@pytest.fixture(scope="session")
def dataset() -> explainer.Dataset:
    return explainer.load_dataset(DATA)


@pytest.fixture(scope="session")
def tiny() -> explainer.Dataset:
    return explainer.load_dataset(project=TINY)


def with_records(data: explainer.Dataset, **records: object) -> explainer.Dataset:
    """``data`` with some of its records replaced, for rules the reading layer would
    refuse or a fixture lacks: the model on its own, without files."""
    return dataclasses.replace(data, **records)  # type: ignore[arg-type]


ISLAND = re.compile(
    r'<script type="application/json" data-explainer-view="[^"]+">(.*?)</script>', re.S
)


def islands(page: str) -> list[dict[str, Any]]:
    """The views a page paints, as the JSON it paints them from."""
    return [json.loads(text) for text in ISLAND.findall(page)]


def copy_project(source: Path, target: Path) -> Path:
    """Copy a story's folder (story.yml, data/, notebooks/, locale/) to ``target``."""
    target.mkdir(parents=True)
    shutil.copy2(source / "story.yml", target / "story.yml")
    for folder in ("data", "notebooks", "locale"):
        if (source / folder).is_dir():
            shutil.copytree(source / folder, target / folder)
    return target


@pytest.fixture
def data_copy(tmp_path: Path) -> Callable[..., Path]:
    """A writable copy of a story (default: this one) to break on purpose.

    Returns the copy's data folder; its ``story.yml`` is one folder up.
    """

    def copy(source: Path = ROOT) -> Path:
        return copy_project(source, tmp_path / "project") / "data"

    return copy
