from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import explainer

from .browser import CHROMIUM_ARGS, require_chromium

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
TINY = Path(__file__).resolve().parent / "data" / "tiny"


@pytest.fixture(scope="session")
def dataset() -> explainer.Dataset:
    return explainer.load_dataset(DATA)


@pytest.fixture
def data_copy(tmp_path: Path) -> Callable[..., Path]:
    """A writable copy of data/ (or of another folder) to break on purpose."""

    def copy(source: Path = DATA) -> Path:
        target = tmp_path / "data"
        shutil.copytree(source, target)
        return target

    return copy


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
