"""`explainer export`: one self-contained page for a plain web server."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from explainer._export import export

from .browser import ARTIFACTS, offline_page


@pytest.fixture(scope="module", params=["en", "sv"])
def page_file(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(tmp_path_factory.mktemp(f"site-{request.param}"), lang=request.param)


def test_page_is_self_contained(page_file: Path) -> None:
    text = page_file.read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=\"https?://", text)
    assert "data:text/csv;charset=utf-8;base64," in text
    assert "<blockquote" in text
    assert 'id="source-ec-release-2014-09-30"' in text


def test_page_language(page_file: Path) -> None:
    text = page_file.read_text(encoding="utf-8")
    if '<html lang="sv">' in text:
        assert "Innehållsvarning" in text and "Källor" in text
    else:
        assert '<html lang="en">' in text and "Content note" in text


def test_bad_data_writes_nothing(data_copy: Callable[..., Path], tmp_path: Path) -> None:
    root = data_copy()
    path = root / "membership" / "changes.csv"
    path.write_text(path.read_text().replace("2013-06-17,CAN", "2013-06-17,XXX"))
    out = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "explainer._cli", "export", "--out", str(out), "--data", str(root)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "membership/changes.csv:2: iso3:" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


@pytest.mark.browser
def test_exported_page_works_offline(browser: object, page_file: Path) -> None:
    page, remote = offline_page(browser)
    page.goto(page_file.as_uri())  # type: ignore[attr-defined]
    page.wait_for_selector(".scatterlayer path.js-fill")  # type: ignore[attr-defined]
    fills = page.locator(".scatterlayer path.js-fill").count()  # type: ignore[attr-defined]
    assert fills >= 57
    assert page.locator("blockquote").count() >= 7  # type: ignore[attr-defined]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"export-{page_file.parent.name}.png"))  # type: ignore[attr-defined]
    assert remote == []
    assert page.console_errors == []  # type: ignore[attr-defined]
