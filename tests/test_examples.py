"""Every story in ``examples/`` runs on the engine as it is: it validates, exports and
shows its linked view offline, in every language it has, with no word of another story.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import explainer
from explainer.surfaces._export import export

from .browser import ARTIFACTS, PHONE, OfflinePage, axe_violations
from .conftest import ROOT
from .view_checks import READY

EXAMPLES = sorted(p.parent for p in (ROOT / "examples").glob("*/story.yml"))
# Words of the repository's own story that another story's pages may not contain.
OTHER_STORY = ["Global Alliance", "four policy targets", "Malmström", "WePROTECT",
               "global-alliance"]  # fmt: skip


def test_there_is_a_second_story() -> None:
    assert [p.name for p in EXAMPLES] == ["lanzarote"]


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.name)
def example(request: pytest.FixtureRequest) -> Path:
    return Path(request.param)


@pytest.fixture(scope="module")
def site(example: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(tmp_path_factory.mktemp(example.name) / "site", project=example).parent


def test_validates_from_another_folder(example: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "explainer", "validate", "--project", str(example)],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == f"    data: {example / 'data'}"


def test_has_enough_sourced_content(example: Path) -> None:
    data = explainer.load_dataset(project=example)
    assert len(data.countries) >= 20
    assert len(data.events) >= 8
    cited = {s for e in data.events for s in e.sources}
    assert cited <= set(data.sources)


def test_export_tells_its_own_story(example: Path, site: Path) -> None:
    project = explainer.load_project(example)
    pages = sorted(p.name for p in site.glob("*.html"))
    assert "index.html" in pages
    for name in pages:
        text = (site / name).read_text(encoding="utf-8")
        assert [word for word in OTHER_STORY if word in text] == [], name
    first = project.manifest.languages[0].code
    assert f"<title>{project.manifest.title.get(first)}" in (site / "index.html").read_text(
        encoding="utf-8"
    )


@pytest.mark.browser
@pytest.mark.parametrize("size", [(1280, 720), PHONE])
def test_export_shows_its_view_offline(
    offline_page: Callable[..., OfflinePage], example: Path, site: Path, size: tuple[int, int]
) -> None:
    page = offline_page(*size).page
    page.goto((site / "index.html").as_uri())
    page.wait_for_selector(READY)
    page.keyboard.press("Tab")
    timeline = page.locator("[role=listbox]").first
    timeline.focus()
    page.keyboard.press("End")
    page.wait_for_timeout(300)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"example-{example.name}-{size[0]}.png"), full_page=False)
    assert axe_violations(page) == []
    # The members table is readable: no cell squeezed to a few letters (rows stack on a phone).
    page.locator(".xpl-members-toggle").click()
    narrowest = page.evaluate(
        "() => Math.min(...[...document.querySelectorAll('.xpl-table tbody td')]"
        ".map((td) => td.getBoundingClientRect().width))"
    )
    assert narrowest >= (300 if size == PHONE else 40)
