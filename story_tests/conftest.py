"""Content tests: this story's facts (48, 54, Canada, Vietnam), its wording and its views.

The engine's own tests are in ``tests/`` and run on an invented fixture story; these run
the engine on this repository's story and check what a reader of it is told.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import explainer

ROOT = Path(__file__).resolve().parents[1]  # this story's project folder


@pytest.fixture(scope="session")
def dataset() -> explainer.Dataset:
    return explainer.load_dataset(project=ROOT)
